"""Issue 5: extract and predict give the same items, in the same order, in one process, in
forked worker processes and on a Dask LocalCluster."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from tests import paths

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


@pytest.fixture(scope="module")
def scheduler_address(cluster):
    return cluster.scheduler_address


@pytest.mark.parametrize("command", ["extract", "predict"])
@pytest.mark.parametrize("where", ["forked worker processes", "dask LocalCluster"])
@pytest.mark.slow
def test_parallel_run_equals_a_single_process_run(
    command, where, fixture_models_root, tmp_path, request
):
    letters = str(paths.FIXTURE_LETTERS_DIR)
    models = ["--models", str(fixture_models_root / "models")] if command == "predict" else []
    if where == "dask LocalCluster":
        spread = ["--scheduler", request.getfixturevalue("scheduler_address")]
    else:
        spread = ["-j", "2"]
    single, parallel = tmp_path / "single.jsonl", tmp_path / "parallel.jsonl"
    result = runner.invoke(app, [command, letters, "--out", str(single), "-j", "1", *models])
    assert result.exit_code == 0, result.output
    result = runner.invoke(
        app, [command, letters, "--out", str(parallel), "--chunk-files", "1", *models, *spread]
    )
    assert result.exit_code == 0, result.output
    assert _records(parallel) == _records(single)
    assert len(_records(single)) == 9  # the fixture letters' items
