"""Issue 5: extract (and predict, once models exist) on a Dask LocalCluster equals a local run."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from pipeline import config
from pipeline.cli import app

distributed = pytest.importorskip("dask.distributed")


def _records(path):
    return [json.loads(line) for line in path.read_text().splitlines()]


def test_local_cluster_extract_equals_local_run(tmp_path):
    letters = config.FIXTURE_LETTERS_DIR
    runner = CliRunner()
    local = tmp_path / "local.jsonl"
    assert (
        runner.invoke(app, ["extract", str(letters), "--out", str(local), "-j", "1"]).exit_code == 0
    )
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, host="127.0.0.1", dashboard_address=None,
        processes=True,
    ) as cluster:  # fmt: skip
        remote = tmp_path / "cluster.jsonl"
        result = runner.invoke(
            app,
            [
                "extract",
                str(letters),
                "--out",
                str(remote),
                "--chunk-files",
                "1",
                "--scheduler",
                cluster.scheduler_address,
            ],
        )
        assert result.exit_code == 0, result.output
    assert _records(remote) == _records(local)
    assert len(_records(local)) == 7
