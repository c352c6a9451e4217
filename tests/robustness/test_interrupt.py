"""Issue 6: a run killed mid-way leaves the previous outputs intact; reruns are idempotent.
Issue 20: a run killed with -9 leaves no worker behind (they die with it) and the next run
removes its temporaries; SIGTERM and SIGINT stop a run cleanly. Every run started here is in a
process group of its own, killed and waited for at the end, so no test leaves a process."""

from __future__ import annotations

import contextlib
import hashlib
import os
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from tests import paths
from tests.hang import HANG_SECONDS

IMR = [sys.executable, "-m", "pipeline.cli"]


def digest(folder: Path) -> dict[str, str]:
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.iterdir())
        if p.is_file() and not p.name.startswith(".")
    }


def many_letters(folder: Path, count: int) -> Path:
    """`count` different letter files (identical copies would be read once): each fixture
    letter with a numbered comment after its end."""
    folder.mkdir()
    sources = sorted(paths.FIXTURE_LETTERS_DIR.glob("FAKE-*"))
    contents = [source.read_bytes() for source in sources]
    for n in range(count):
        source = sources[n % len(sources)]
        (folder / f"{n:05d}-{source.name}").write_bytes(
            contents[n % len(sources)] + f"\n%{n}\n".encode()
        )
    return folder


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([*IMR, *args], capture_output=True, text=True, check=False, env=env)


def group_pids(group: int) -> list[int]:
    """Live (not zombie) processes of a process group, from /proc."""
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
        except OSError:
            continue
        fields = stat[stat.rindex(")") + 2 :].split()  # state, ppid, pgrp, ...
        if fields[0] != "Z" and int(fields[2]) == group:
            found.append(int(entry))
    return found


def gone_within(group: int, seconds: float) -> list[int]:
    """The group's live processes once none is left or `seconds` have passed."""
    deadline = time.monotonic() + seconds
    while (left := group_pids(group)) and time.monotonic() < deadline:
        time.sleep(0.05)
    return left


def start(args: list[str], **options) -> subprocess.Popen:
    options = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL, **options}
    return subprocess.Popen([*IMR, *args], start_new_session=True, **options)


def end_group(process: subprocess.Popen) -> None:
    """Kill whatever is left of the run's process group, and reap the run."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)
    process.wait()


def signal_after(args: list[str], seconds: float, signum: int = signal.SIGKILL,
                 when: Callable[[], bool] | None = None,
                 **options) -> tuple[int, list[int]]:  # fmt: skip
    """Start a run, send it `signum` after `seconds` (or, given `when`, as soon as `when()` is
    true: on a loaded machine a fixed delay may come before the run got anywhere); (its exit
    status, the pids of its group still alive once they are gone or HANG_SECONDS have passed:
    none, as its workers die with it)."""
    process = start(args, **options)
    try:
        if when is None:
            time.sleep(seconds)
        else:
            deadline = time.monotonic() + HANG_SECONDS
            while not when() and process.poll() is None and time.monotonic() < deadline:
                time.sleep(0.05)
        assert process.poll() is None, "the run ended before it could be interrupted"
        process.send_signal(signum)
        code = process.wait(timeout=HANG_SECONDS)
        return code, gone_within(process.pid, HANG_SECONDS)
    finally:
        end_group(process)


def kill_after(args: list[str], seconds: float, when: Callable[[], bool] | None = None) -> None:
    code, left = signal_after(args, seconds, when=when)
    assert code == -signal.SIGKILL
    assert left == [], f"workers outlived the killed run: {left}"


@pytest.mark.slow
def test_rerun_is_idempotent(tmp_path):
    first, second = tmp_path / "a", tmp_path / "b"
    assert run("ingest", str(paths.FIXTURE_LETTERS_DIR), "--out", str(first)).returncode == 0
    assert run("ingest", str(paths.FIXTURE_LETTERS_DIR), "--out", str(second)).returncode == 0
    assert digest(first) == digest(second)


@pytest.mark.slow
def test_killed_ingest_keeps_previous_outputs(tmp_path):
    out = tmp_path / "out"
    assert run("ingest", str(paths.FIXTURE_LETTERS_DIR), "--out", str(out)).returncode == 0
    before = digest(out)
    big = many_letters(tmp_path / "many", 3000)
    kill_after(["ingest", str(big), "--out", str(out)], 3.0)
    assert digest(out) == before


@pytest.mark.slow
def test_killed_extract_keeps_previous_output(tmp_path):
    out = tmp_path / "items.jsonl"
    assert (
        run("extract", str(paths.FIXTURE_LETTERS_DIR), "--out", str(out), "-j", "1").returncode == 0
    )
    before = out.read_bytes()
    big = many_letters(tmp_path / "many", 3000)
    kill_after(["extract", str(big), "--out", str(out), "-j", "1", "--chunk-files", "8"], 5.0)
    assert out.read_bytes() == before
    assert before.count(b"\n") == 9


def _temporaries(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


def _marker_dirs(pid: int, folder: Path | None = None) -> list[Path]:
    return list((folder or Path(tempfile.gettempdir())).glob(f"imr-workers-{pid}-*"))


def test_killed_run_leaves_no_worker_and_the_next_run_cleans_up(tmp_path):
    out = tmp_path / "items.jsonl"
    big = many_letters(tmp_path / "many", 3000)
    # A temporary folder of its own: a run of another test (pytest -n 2) cleans up the marker
    # folders of dead runs in the shared one, this one's included, before it is looked at.
    private = tmp_path / "tmp"
    private.mkdir()
    env = {**os.environ, "TMPDIR": str(private)}
    args = ["extract", str(big), "--out", str(out), "-j", "2", "--chunk-files", "8"]
    process = start(args, env=env)
    try:
        # Until the run and its two workers are up and the output is being written (however
        # loaded the machine is): a run that never gets there has hung.
        def started() -> bool:
            writing = any(n.endswith(".part") for n in _temporaries(tmp_path))
            return writing and len(group_pids(process.pid)) >= 3

        deadline = time.monotonic() + HANG_SECONDS
        while not started() and time.monotonic() < deadline:
            assert process.poll() is None, "the run ended before it could be interrupted"
            time.sleep(0.1)
        assert started(), "hung: the run and its two workers never got to writing"
        process.send_signal(signal.SIGKILL)
        process.wait()
        assert gone_within(process.pid, HANG_SECONDS) == []
    finally:
        end_group(process)
    assert [n for n in _temporaries(tmp_path) if n.endswith(".part")]  # what kill -9 leaves
    assert _marker_dirs(process.pid, private)
    result = run("extract", str(paths.FIXTURE_LETTERS_DIR), "--out", str(out), "-j", "1", env=env)
    assert result.returncode == 0, result.stderr
    assert _temporaries(tmp_path) == []
    assert _marker_dirs(process.pid, private) == []


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
@pytest.mark.slow
def test_a_signal_stops_the_run_cleanly(tmp_path, signum):
    out = tmp_path / "items.jsonl"
    assert run("extract", str(paths.FIXTURE_LETTERS_DIR), "--out", str(out)).returncode == 0
    before = out.read_bytes()
    big = many_letters(tmp_path / "many", 3000)
    log = tmp_path / "stderr.txt"
    with open(log, "w") as stderr:
        args = ["extract", str(big), "--out", str(out), "-j", "2", "--chunk-files", "8"]
        code, left = signal_after(args, 5.0, signum, stderr=stderr)
    said = log.read_text()
    assert code == 128 + signum, said
    assert left == []
    assert f"stopped by {signal.Signals(signum).name}" in said and "Traceback" not in said
    assert out.read_bytes() == before
    assert _temporaries(tmp_path) == []


def test_a_killed_ingests_staging_folder_is_swept_by_the_next_run(tmp_path):
    """The staging folder of a report/ingest/tag run carries its pid (`.out.new-<pid>-...`):
    what `kill -9` left is removed by the next run into the same --out."""
    out = tmp_path / "out"
    big = many_letters(tmp_path / "many", 3000)

    def staging() -> list[str]:
        return [n for n in _temporaries(tmp_path) if n.startswith(".out.new-")]

    kill_after(["ingest", str(big), "--out", str(out)], 3.0, when=lambda: bool(staging()))
    assert staging()
    result = run("ingest", str(paths.FIXTURE_LETTERS_DIR), "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert _temporaries(tmp_path) == []


def test_a_signal_leaves_no_new_output_folder(tmp_path):
    big = many_letters(tmp_path / "many", 3000)
    fresh = tmp_path / "fresh"
    code, left = signal_after(["ingest", str(big), "--out", str(fresh / "out")], 3.0,
                              signal.SIGTERM)  # fmt: skip
    assert code == 128 + signal.SIGTERM and left == []
    assert not fresh.exists() and _temporaries(tmp_path) == []
