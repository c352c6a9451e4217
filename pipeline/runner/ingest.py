"""`imr ingest` on the runner: letter files -> OUT/letters.parquet, items.parquet, rejects.csv,
problems.csv (`ingest.stage.IngestTables`), parsed in the runner's capped workers."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from pipeline.config import PROVENANCE_FILE
from pipeline.core import io
from pipeline.ingest.batch import (
    ParsedFiles,
    discover,
    failed_parse,
    merge_parsed,
    parse_chunk,
    parse_plan,
)
from pipeline.ingest.stage import IngestSummary, IngestTables, write_accounting
from pipeline.provenance.freshness import inputs_record
from pipeline.runner.run import Stage, run_stage


def parse_stage(paths: Sequence[Path], n_jobs: int = -1) -> Stage[ParsedFiles]:
    """Parsing `paths` as a runner stage, cut up as `parse_plan` says pays best."""
    chunk_files, parallel = parse_plan(paths, n_jobs)
    return Stage(
        name="ingest",
        work=parse_chunk,
        merge=merge_parsed,
        failed=failed_parse,
        chunk_files=chunk_files,
        parallel=parallel,
    )


def run_ingest(
    inputs: Sequence[Path], out_dir: Path, n_jobs: int = -1, progress: bool = False
) -> IngestSummary:
    """Parse every letter file under `inputs` into `out_dir`; returns the accounting. With no
    letter file in the inputs, `out_dir` is left as it was (`written` False)."""
    paths, rejects = discover(inputs)
    summary = IngestSummary(inputs=len(paths) + len(rejects), rejects=list(rejects))
    if not paths:
        summary.written = False
        return summary
    with io.owned_dir(out_dir) as folder:
        tables = IngestTables(folder, summary)
        run_stage(paths, parse_stage(paths, n_jobs), [tables], n_jobs, progress=progress)
        write_accounting(folder, summary)
        io.dump_json(provenance(inputs, summary, paths), folder / PROVENANCE_FILE)
    return summary


def provenance(inputs: Sequence[Path], summary: IngestSummary, paths: Sequence[Path]) -> dict:
    """Which letters the tables came from (written here, above ingest, which provenance
    reads for its letter discovery); carried to the models' metadata by tag and train.
    The letters' content fingerprint and the pipeline's hash decide whether make reruns the
    later stages (pipeline/provenance/freshness.py)."""
    return {
        "inputs": [str(Path(p).resolve()) for p in inputs],
        "files": summary.inputs,
        "letters": summary.letters,
        "items": summary.items,
        "rejected": len(summary.rejects),
        **inputs_record(paths),
    }
