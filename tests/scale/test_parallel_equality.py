"""Issue 5: extract and predict give the same items, in the same order, in one process, in
forked worker processes and on a Dask LocalCluster."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from pipeline import config
from pipeline.cli import app

distributed = pytest.importorskip("dask.distributed")
runner = CliRunner()


def _records(path):
    return [json.loads(line) for line in path.read_text().splitlines()]


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, host="127.0.0.1", dashboard_address=None,
        processes=True,
    ) as local_cluster:  # fmt: skip
        yield local_cluster


@pytest.mark.parametrize("command", ["extract", "predict"])
def test_cluster_run_equals_local_run(command, cluster, fixture_models_root, tmp_path):
    letters = str(config.FIXTURE_LETTERS_DIR)
    extra = ["--models", str(fixture_models_root / "models")] if command == "predict" else []
    local, remote = tmp_path / "local.jsonl", tmp_path / "cluster.jsonl"
    result = runner.invoke(app, [command, letters, "--out", str(local), "-j", "1", *extra])
    assert result.exit_code == 0, result.output
    result = runner.invoke(
        app, [command, letters, "--out", str(remote), "--chunk-files", "1",
              "--scheduler", cluster.scheduler_address, *extra],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert _records(remote) == _records(local)
    assert len(_records(local)) == 7


@pytest.mark.parametrize("command", ["extract", "predict"])
def test_local_worker_processes_equal_a_single_process(command, fixture_models_root, tmp_path):
    letters = str(config.FIXTURE_LETTERS_DIR)
    extra = ["--models", str(fixture_models_root / "models")] if command == "predict" else []
    single, forked = tmp_path / "single.jsonl", tmp_path / "forked.jsonl"
    result = runner.invoke(app, [command, letters, "--out", str(single), "-j", "1", *extra])
    assert result.exit_code == 0, result.output
    result = runner.invoke(
        app, [command, letters, "--out", str(forked), "-j", "2", "--chunk-files", "1", *extra]
    )
    assert result.exit_code == 0, result.output
    assert _records(forked) == _records(single)
