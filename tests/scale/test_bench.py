"""`python -m benchmarks throughput` end to end on the made-up fixture letters: every figure is
written and sane.
(The acceptance figures themselves come from `make bench` on the real letters, see README.)"""

from __future__ import annotations

import json

import pytest

from benchmarks.throughput import run_bench
from tests import paths


@pytest.mark.slow
def test_bench_writes_every_figure(fixture_models_root, tmp_path):
    out = tmp_path / "bench.json"
    result = run_bench(
        [paths.FIXTURE_LETTERS_DIR], 24, fixture_models_root / "models", 2, out,
        rounds=2, startup_runs=1,
    )  # fmt: skip
    assert json.loads(out.read_text()) == result
    assert result["letters"] == 24 and result["distinct_letters"] == 4
    assert result["full_pipeline"]["items"] == 6 * 9  # 4 letters, 9 items, repeated 6 times
    assert result["raw_pypdfium2"]["letters_per_s"] > 0
    assert result["full_pipeline"]["letters_per_s"] > 0
    assert result["ratio_full_to_raw"] > 0
    raw_rounds, full_rounds = result["rounds"]["raw_seconds"], result["rounds"]["full_seconds"]
    assert len(raw_rounds) == len(full_rounds) == 2
    assert result["ratio_paired_rounds_median"] > 0
    assert 0 < result["one_letter_predict_seconds"]["median"] < 30
    assert 0 < result["peak_rss_mb"]["largest_worker"] < 1024
    scans = result["ocr_scanned_letters"]
    assert scans.get("pages_per_s", 0) > 0 or "skipped" in scans
    fresh = result["one_core_distinct_letters"]
    assert fresh["letters"] == 4
    assert all(seconds > 0 for seconds in fresh["cpu_seconds"].values())
    assert fresh["ratio_new_letters"] > 0 and fresh["ratio_seen_letters"] > 0
