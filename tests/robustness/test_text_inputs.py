"""Issue 13, the rows about what a letter's text may hold: UTF-16/32 letters, decision words in
any case and punctuation, runs of Unicode spaces, and adversarial text for every ingest regex
(ReDoS). Every input is made here from the made-up fixture letter."""

from __future__ import annotations

import codecs
import dataclasses
import importlib
import itertools
import os
import re
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.ingest.batch import parse_file
from pipeline.ingest.layout import clean_line
from pipeline.ingest.letter import disputed_item_of, split_decision
from pipeline.ingest.segment import paragraphs_from_text
from pipeline.ingest.sources import UnreadableTextError, decode_text
from pipeline.runner.accounting import EXIT_OK
from tests.fixtures.hostile import letter_text
from tests.hang import finishes, no_hang

runner = CliRunner()
FIELDS = ("request_text", "disputed_item", "decision", "claims_admin_guideline_text",
          "maximus_guideline_text", "rationale")  # fmt: skip


def _items(path: Path) -> list[dict]:
    result = parse_file(path)
    assert result.reject is None, result.reject
    return [{f: item[f] for f in FIELDS} for letter in result.letters for item in letter.items]


# --- UTF-16 and UTF-32 letters ---------------------------------------------------------------

ENCODINGS = {
    "utf-16-le-bom": (codecs.BOM_UTF16_LE, "utf-16-le"),
    "utf-16-be-bom": (codecs.BOM_UTF16_BE, "utf-16-be"),
    "utf-16-le": (b"", "utf-16-le"),
    "utf-16-be": (b"", "utf-16-be"),
    "utf-32-le-bom": (codecs.BOM_UTF32_LE, "utf-32-le"),
    "utf-32-be-bom": (codecs.BOM_UTF32_BE, "utf-32-be"),
    "utf-32-le": (b"", "utf-32-le"),
    "utf-32-be": (b"", "utf-32-be"),
}


@pytest.mark.parametrize("name", ENCODINGS)
def test_utf16_and_utf32_letters_give_the_utf8_letters_items(tmp_path, name):
    bom, encoding = ENCODINGS[name]
    text = letter_text("FAKE-WIDE").replace("Naproxen", "Naproxen \u2019s\u00e9")  # non-ASCII too
    plain = tmp_path / "utf8.txt"
    plain.write_text(text, encoding="utf-8")
    wide = tmp_path / f"{name}.txt"
    wide.write_bytes(bom + text.encode(encoding))
    assert b"\x00" in wide.read_bytes()[:64]
    assert _items(wide) == _items(plain) and len(_items(plain)) == 2


def test_utf16_letters_among_good_ones_in_a_batch(tmp_path):
    inbox = tmp_path / "in"
    inbox.mkdir()
    for name, (bom, encoding) in ENCODINGS.items():
        (inbox / f"{name}.txt").write_bytes(bom + letter_text(f"FAKE-{name}").encode(encoding))
    with no_hang():
        result = runner.invoke(app, ["extract", str(inbox), "--out", str(tmp_path / "x.jsonl")])
    assert result.exit_code == EXIT_OK, result.output
    assert f"inputs {len(ENCODINGS)} = parsed {len(ENCODINGS)} + rejected 0" in result.output


@pytest.mark.parametrize(
    "data",
    [
        b"\x7fELF\x02\x01\x01\x00" + bytes(range(256)) * 8,  # an executable's header
        os.urandom(2048) + b"\x00" * 16,  # random bytes with NULs
        b"\x00\x01" * 1024,  # NUL every other byte, but control characters in UTF-16
        codecs.BOM_UTF16_LE + os.urandom(4096),  # a BOM before noise
        codecs.BOM_UTF32_LE + b"\xff\xff\xff\xff" * 16,  # not valid UTF-32
    ],
    ids=["elf", "random", "nul-pattern", "bom-noise", "bad-utf32"],
)
def test_binary_data_is_still_rejected(data):
    with pytest.raises(UnreadableTextError, match="not a text letter"):
        decode_text(data)


def test_plain_text_letters_decode_as_before():
    assert decode_text(codecs.BOM_UTF8 + "caf\u00e9".encode()) == "caf\u00e9"
    assert decode_text("caf\u00e9 \u2019".encode("cp1252")) == "caf\u00e9 \u2019"


# --- decision words ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "asked", "decision", "at_end"),
    [
        ("Norco 10/325mg #60: Upheld", "Norco 10/325mg #60", "Upheld", True),
        ("Norco 10/325mg #60:  UPHELD.", "Norco 10/325mg #60", "Upheld", True),
        ("Norco 10/325mg #60 (Overturned)", "Norco 10/325mg #60", "Overturned", True),
        ("Norco 10/325mg #60: Overturned!", "Norco 10/325mg #60", "Overturned", True),
        ("Norco 10/325mg #60\nupheld", "Norco 10/325mg #60", "Upheld", True),
        (
            "Norco: Upheld as to the first fill",
            "Norco: Upheld as to the first fill",
            "Upheld",
            False,
        ),
        ("Norco 10/325mg #60", "Norco 10/325mg #60", None, False),
        ("A request never decided: Reupheld", "A request never decided: Reupheld", None, False),
    ],
)
def test_decision_words_in_any_case_and_punctuation(text, asked, decision, at_end):
    assert split_decision(text) == (asked, decision, at_end)


@pytest.mark.parametrize(
    ("upheld", "overturned"),
    [("upheld", "overturned"), ("UPHELD", "OVERTURNED!"), ("(Upheld)", "(Overturned)")],
)
def test_a_letter_with_decision_words_in_any_form_gives_its_decisions(tmp_path, upheld, overturned):
    text = letter_text("FAKE-WORDS")
    text = text.replace(":  Upheld", f": {upheld}").replace(":  Overturned", f": {overturned}")
    path = tmp_path / "words.txt"
    path.write_text(text, encoding="utf-8")
    result = parse_file(path)
    letter = result.letters[0]
    assert [item["decision"] for item in letter.items] == ["Upheld", "Overturned"]
    assert letter.problems == []


# --- Unicode spaces and ReDoS --------------------------------------------------------------------

UNICODE_SPACES = "".join(chr(c) for c in range(sys.maxunicode + 1) if chr(c).isspace())


def test_clean_line_collapses_every_unicode_space():
    assert len(UNICODE_SPACES) > 20  # NBSP, EM SPACE, IDEOGRAPHIC SPACE, NEL, ...
    text = f"{UNICODE_SPACES}Made-up{UNICODE_SPACES * 3}request:{UNICODE_SPACES}Upheld "
    assert clean_line(text) == "Made-up request: Upheld"


def test_a_letter_with_runs_of_unicode_spaces_parses(tmp_path):
    """Runs of 500,000 spaces: a scan quadratic in a run takes hours on them, a linear one a
    moment; the parse runs under a deadline between the two (tests/hang.py)."""
    text = letter_text("FAKE-SPACES").replace(":  Upheld", ":" + "\u2003" * 500_000 + "Upheld")
    text = text.replace("Naproxen sodium", "Naproxen" + "\u00a0\u3000" * 250_000 + "sodium")
    path = tmp_path / "spaces.txt"
    path.write_text(text, encoding="utf-8")

    def parse() -> None:
        letter = parse_file(path).letters[0]
        assert [item["decision"] for item in letter.items] == ["Upheld", "Overturned"]
        assert letter.items[1]["request_text"].startswith("Naproxen sodium 550mg")

    finishes(parse, "parsing a letter with runs of Unicode spaces")


@pytest.mark.parametrize(
    "hostile",
    [
        "Made-up request" + "\u2003" * 1_000_000 + "x: Upheld",
        "Made-up was the original request. " * 30_000 + "Upheld",
        "X was the original request. Y was authorized by the Claims Administrator. " * 14_000,
    ],
    ids=["em-spaces", "original-request", "partial-forms"],
)
def test_request_scans_take_linear_time(hostile):
    """About 1 MB of near-matches: a backtracking (quadratic) scan takes hours on it, a linear
    one milliseconds; the scans run under a deadline between the two (tests/hang.py)."""

    def scan() -> None:
        split_decision(hostile)
        disputed_item_of(hostile)
        paragraphs_from_text("IMR ISSUES, DECISIONS AND RATIONALES\n" + hostile +
                             "\nDecision rationale: x.")  # fmt: skip

    finishes(scan, "the request scans")


INGEST_MODULES = ("letter", "segment", "layout", "landmarks", "era2013", "pdf", "sources",
                  "furniture", "forms", "review_form", "unglue")  # fmt: skip
FUZZ_BYTES = 1 << 20


def _ingest_regexes() -> dict[str, re.Pattern]:
    """Every compiled regex the ingest modules hold, at module level or in their tables."""
    found: dict[int, tuple[str, re.Pattern]] = {}

    def walk(name: str, value: object, depth: int = 0) -> None:
        if isinstance(value, re.Pattern):
            found.setdefault(id(value), (name, value))
        elif depth < 4 and isinstance(value, dict):
            for key, item in value.items():
                walk(f"{name}[{key}]", item, depth + 1)
        elif depth < 4 and isinstance(value, list | tuple):
            for index, item in enumerate(value):
                walk(f"{name}[{index}]", item, depth + 1)
        elif depth < 4 and not isinstance(value, type) and hasattr(value, "_fields"):
            for key in value._fields:
                walk(f"{name}.{key}", getattr(value, key), depth + 1)
        elif depth < 4 and not isinstance(value, type) and dataclasses.is_dataclass(value):
            for item in dataclasses.fields(value):  # LANDMARKS and its rule tables
                walk(f"{name}.{item.name}", getattr(value, item.name), depth + 1)

    for module in INGEST_MODULES:
        for key, value in vars(importlib.import_module(f"pipeline.ingest.{module}")).items():
            walk(f"{module}.{key}", value)
    return {name: pattern for name, pattern in found.values()}


REGEXES = _ingest_regexes()


def _adversarial(pattern: re.Pattern) -> dict[str, str]:
    """1 MB strings built from the regex's own words and punctuation (near-matches that never
    complete), and long runs of what regexes backtrack on: spaces, Unicode spaces, digits."""
    source = pattern.pattern if isinstance(pattern.pattern, str) else pattern.pattern.decode()
    words = re.findall(r"[A-Za-z]{2,}|\d", source) or ["x"]
    marks = re.findall(r"[:.,()/#\-]", source) or ["."]
    some_words = list(itertools.islice(itertools.cycle(words), FUZZ_BYTES // 4))
    some_marks = itertools.islice(itertools.cycle(marks), len(some_words))
    return {
        "words": " ".join(some_words)[:FUZZ_BYTES],
        "words+marks": " ".join(map(str.__add__, some_words, some_marks))[:FUZZ_BYTES],
        "spaces": "a" + " " * FUZZ_BYTES + "b:",
        "em-spaces": "a" + "\u2003" * FUZZ_BYTES + "b:",
        "dates": ("12/31/" * FUZZ_BYTES)[:FUZZ_BYTES],
        "marks": "".join(itertools.islice(itertools.cycle(marks), FUZZ_BYTES)),
    }


def test_the_fuzz_finds_the_ingest_regexes():
    assert len(REGEXES) >= 30
    assert {"letter._TRAILING_IS", "letter._DECISION_ANYWHERE"} <= set(REGEXES)


@pytest.mark.parametrize("name", sorted(REGEXES))
def test_every_ingest_regex_finishes_on_1mb_of_adversarial_text(name):
    """A backtracking regex takes hours on 1 MB of its near-matches, a linear one milliseconds:
    each input runs under a deadline between the two (tests/hang.py), not a speed limit."""
    pattern = REGEXES[name]
    for kind, text in _adversarial(pattern).items():
        subject = text.encode() if isinstance(pattern.pattern, bytes) else text

        def scan(subject: str | bytes = subject) -> None:
            pattern.search(subject)
            for _ in itertools.islice(pattern.finditer(subject), 1000):
                pass

        finishes(scan, f"{name} on 1 MB of {kind}")
