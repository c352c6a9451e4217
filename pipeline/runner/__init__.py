"""Running letters: one runner (`run.run_stage`) drives every stage over many files with one
worker pool (`workers`), per-letter limits, progress and interruption (`stops`), into sinks
(`sinks`, `accounting`). `engine` is the extract/predict stage, `ingest` puts ingest's parse on
the runner. Nothing below this package imports it; it imports nothing of `reporting`."""
