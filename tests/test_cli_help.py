"""`imr ... --help` reads cleanly for every command: flags show no value type (`--json`, not
`--json <bool>`), arguments read `INPUTS...` (not `{inputs}...`), lists show their element's
type (not `<list[Path]>`)."""

from __future__ import annotations

import re

import pytest
import typer
from typer.testing import CliRunner

from pipeline.cli import app

GROUP = typer.main.get_command(app)
COMMANDS = sorted(GROUP.commands)


def _help(*args: str) -> str:
    result = CliRunner().invoke(
        app, [*args, "--help"], prog_name="imr", env={"COLUMNS": "100", "NO_COLOR": "1"}
    )
    assert result.exit_code == 0, result.output
    return result.output


@pytest.mark.parametrize("command", ["", *COMMANDS])
def test_help_metavars_are_plain(command):
    text = _help(command) if command else _help()
    for internal in ("<bool>", "list[", "{", "}", "<int range>"):
        assert internal not in text, f"imr {command} --help shows {internal!r}"
    flags = (
        [p for p in GROUP.commands[command].params if getattr(p, "is_flag", False)]
        if (command)
        else []
    )
    for flag in flags:
        line = next(line for line in text.splitlines() if flag.opts[0] + " " in line)
        assert "<" not in line, line  # a flag takes no value
    assert re.search(r"--help\s+Show this message", text)


def test_arguments_read_the_usual_way():
    text = _help("predict")
    assert "Usage: imr predict [OPTIONS] INPUTS..." in text
    assert re.search(r"INPUTS\.\.\.\s+<path>\s+Letter files", text)
    assert re.search(r"--chunk-files\s+<int> \[x>=1\]", text)
    assert "Usage: imr score [OPTIONS] EXTRACTED" in _help("score")
    assert re.search(r"--chunk-files\s+<int>", _help("extract"))


def test_every_command_has_a_one_line_summary():
    text = _help()
    for command in COMMANDS:
        assert re.search(rf"│ {re.escape(command)} +\S", text), command


@pytest.mark.parametrize("command", ["", *COMMANDS])
def test_every_command_documents_its_exit_statuses(command):
    text = " ".join((_help(command) if command else _help()).replace("│", " ").split())
    assert "Exit status: 0 every input parsed" in text, f"imr {command} --help"
    for code in ("3 some inputs rejected", "4 no letter parsed", "5 model files refused",
                 "2 usage error", "1 a bug in imr", "130/143 stopped"):  # fmt: skip
        assert code in text, f"imr {command} --help lacks {code!r}"


def _bench_help(*args: str) -> str:
    from benchmarks.__main__ import app as bench

    result = CliRunner().invoke(
        bench, [*args, "--help"], prog_name="python -m benchmarks",
        env={"COLUMNS": "100", "NO_COLOR": "1"},
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    return result.output


@pytest.mark.parametrize("command", ["", "tag", "train", "throughput"])
def test_benchmark_help_metavars_are_plain(command):
    text = _bench_help(command) if command else _bench_help()
    for internal in ("<bool>", "list[", "{", "}"):
        assert internal not in text, f"python -m benchmarks {command} --help shows {internal!r}"
