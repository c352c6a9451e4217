"""What every stage shares and nothing else: atomic files and owned folders (`io`, `temps`),
which errors are a letter's fault (`data_errors`), table cells (`cells`), text that leaves the
pipeline (`safe`), the console (`console`), the words a person reads for internal names
(`display_names`) and one file's time budget inside a worker (`budget`). Imports nothing from
the stages above it."""
