"""Issue 6: a run killed mid-way leaves the previous outputs intact; reruns are idempotent."""

from __future__ import annotations

import hashlib
import signal
import subprocess
import sys
import time
from pathlib import Path

from pipeline import config

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
    sources = sorted(config.FIXTURE_LETTERS_DIR.glob("FAKE-*"))
    contents = [source.read_bytes() for source in sources]
    for n in range(count):
        source = sources[n % len(sources)]
        (folder / f"{n:05d}-{source.name}").write_bytes(
            contents[n % len(sources)] + f"\n%{n}\n".encode()
        )
    return folder


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([*IMR, *args], capture_output=True, text=True, check=False)


def kill_after(args: list[str], seconds: float) -> None:
    process = subprocess.Popen([*IMR, *args], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(seconds)
    assert process.poll() is None, "the run ended before it could be interrupted"
    process.send_signal(signal.SIGKILL)
    process.wait()


def test_rerun_is_idempotent(tmp_path):
    first, second = tmp_path / "a", tmp_path / "b"
    assert run("ingest", str(config.FIXTURE_LETTERS_DIR), "--out", str(first)).returncode == 0
    assert run("ingest", str(config.FIXTURE_LETTERS_DIR), "--out", str(second)).returncode == 0
    assert digest(first) == digest(second)


def test_killed_ingest_keeps_previous_outputs(tmp_path):
    out = tmp_path / "out"
    assert run("ingest", str(config.FIXTURE_LETTERS_DIR), "--out", str(out)).returncode == 0
    before = digest(out)
    big = many_letters(tmp_path / "many", 3000)
    kill_after(["ingest", str(big), "--out", str(out)], 3.0)
    assert digest(out) == before


def test_killed_extract_keeps_previous_output(tmp_path):
    out = tmp_path / "items.jsonl"
    assert (
        run("extract", str(config.FIXTURE_LETTERS_DIR), "--out", str(out), "-j", "1").returncode
        == 0
    )
    before = out.read_bytes()
    big = many_letters(tmp_path / "many", 3000)
    kill_after(["extract", str(big), "--out", str(out), "-j", "1", "--chunk-files", "8"], 5.0)
    assert out.read_bytes() == before
    assert before.count(b"\n") == 9
