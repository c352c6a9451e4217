"""Score every rendering of the shared letters against the answer key, field by field.

    .venv/bin/python -m tools.renderings.harness [--forms pdf-a4,2013-pdf] [--out DIR]

For each form (forms.py) the letters are re-rendered into DIR/<form>/ ($IMR_RENDER_DIR, default
/tmp/imr-renderings; never inside the repository), read with `imr extract` as any user's letters
would be, and compared with the answer key (as that form should read it: Form.expect) using
`imr score`'s own comparators (pipeline.evaluation.scoring). "original" is the shared PDFs as
they are. Per form it reports, for all letters and for the blind fifth (blind.py):
letters with the right item count, decision, request (request_text and disputed_item),
category, citations (both guideline fields), all fields, the share of items flagged for
review, unflagged items right on every field, items right or flagged, and items that agree
with the original's reading on every field. A JSON report with every miss goes to
DIR/report.json. Exit status 0; the targets are asserted by tests/test_renderings.py.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from pipeline.evaluation.scoring import COMPARATORS, FIELDS, score_items
from tools.renderings.blind import is_blind
from tools.renderings.forms import FORMS, Form, form_named, render_all
from tools.renderings.model import LetterModel, read_letter

REPO = Path(__file__).resolve().parents[2]
# The real letters and the answer key beside the repository, as tests/paths.py finds them.
SHARED_DIR = Path(os.environ.get("IMR_SHARED_DIR", REPO.parent / "shared"))
DEFAULT_DIR = Path(os.environ.get("IMR_RENDER_DIR", "/tmp/imr-renderings"))
ORIGINAL = "original"

# Issue 22's targets, per form: share of the answer key's items (letters: of its letters).
TARGETS = {"letters": 0.97, "decision": 0.99, "request": 0.97, "category": 0.97, "citations": 0.97}
# Every rendering: an item the same as the original's reading on every field, or flagged.
SAME_OR_FLAGGED = 0.995
# On the blind part: unflagged items right on every field, and the share flagged.
BLIND_UNFLAGGED_RIGHT = 0.995
BLIND_FLAGGED_AT_MOST = 0.12

# The report's groups of answer-key fields.
GROUPS = {
    "decision": ("decision",),
    "request": ("request_text", "disputed_item"),
    "category": ("category",),
    "citations": ("claims_admin_guideline", "maximus_guideline"),
}


def outside_repo(folder: Path) -> Path:
    folder = folder.resolve()
    if folder == REPO or REPO in folder.parents:
        raise SystemExit(f"renderings hold the letters' text: {folder} is inside the repository")
    return folder


def letter_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.suffix.lower() in {".pdf", ".txt"})


def read_models(files: Sequence[Path]) -> tuple[list[tuple[LetterModel, Path]], list[str]]:
    models, unread = [], []
    for path in files:
        try:
            models.append((read_letter(path), path))
        except Exception as error:  # noqa: BLE001 - a letter the original reading rejects
            unread.append(f"{path.name}: {error}")
    return models, unread


# `imr extract`'s exit codes: 0 all parsed, 3 some rejected, 4 none parsed.
_EXTRACT_DONE = (0, 3, 4)


def extract(folder: Path, out: Path) -> tuple[list[dict[str, Any]], list[str]]:
    """`imr extract` on a folder, as a user runs it: its items and its "rejected" lines."""
    run = subprocess.run(
        [sys.executable, "-m", "pipeline.cli", "extract", str(folder), "--out", str(out)],
        capture_output=True,
        text=True,
        cwd=REPO,
    )
    if run.returncode not in _EXTRACT_DONE or not out.exists():
        raise RuntimeError(
            f"imr extract failed on {folder} ({run.returncode}): {run.stderr[-2000:]}"
        )
    rejected = [line for line in run.stderr.splitlines() if line.startswith("rejected ")]
    items = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines() if line]
    return items, rejected


def _key(item: dict[str, Any]) -> tuple[str, int]:
    return str(item.get("case_number")), int(item.get("issue_index", -1))


def _right(pred: dict[str, Any] | None, gold: dict[str, Any]) -> dict[str, bool]:
    if pred is None:
        return dict.fromkeys(FIELDS, False)
    return {f: COMPARATORS[f](json.loads(json.dumps(pred.get(f))), gold.get(f)) for f in FIELDS}


def figures(
    predicted: Sequence[dict[str, Any]],
    expected: Sequence[dict[str, Any]],
    original: dict[tuple[str, int], dict[str, Any]] | None = None,
) -> dict[str, Any]:
    """The report's figures over the expected items given (their letters only)."""
    letters = {str(g["case_number"]) for g in expected}
    predicted = [p for p in predicted if str(p.get("case_number")) in letters]
    scored = score_items(predicted, expected)
    by_key = {_key(p): p for p in predicted}
    rows = []
    for gold in expected:
        pred = by_key.get(_key(gold))
        right = _right(pred, gold)
        flagged = bool(pred and pred.get("review"))
        same = None
        if original is not None:
            first = original.get(_key(gold))
            same = pred is not None and first is not None and all(_right(pred, first).values())
        rows.append((right, flagged, pred is not None, same))
    n = len(rows) or 1
    out: dict[str, Any] = {
        "items": len(rows),
        "letters": scored["letters_item_count_exact"]["exact"]
        / max(scored["letters_item_count_exact"]["total"], 1),
        "letters_exact": scored["letters_item_count_exact"],
    }
    for group, fields in GROUPS.items():
        out[group] = sum(all(r[f] for f in fields) for r, *_ in rows) / n
    out["all_fields"] = sum(all(r.values()) for r, *_ in rows) / n
    flagged = [r for r, f, found, _ in rows if found and f]
    unflagged = [r for r, f, found, _ in rows if found and not f]
    out["flagged"] = len(flagged) / n
    out["unflagged_items"] = len(unflagged)
    out["unflagged_right"] = (
        sum(all(r.values()) for r in unflagged) / len(unflagged) if unflagged else None
    )
    out["right_or_flagged"] = sum(all(r.values()) or f for r, f, *_ in rows) / n
    if original is not None:
        out["same_as_original"] = sum(bool(s) for *_, s in rows) / n
        out["same_or_flagged"] = sum(bool(s) or f for _, f, _, s in rows) / n
    out["misses"] = scored["misses"]
    return out


def score_form(
    name: str,
    predicted: list[dict[str, Any]],
    gold: list[dict[str, Any]],
    form: Form | None,
    original: list[dict[str, Any]] | None,
) -> dict[str, Any]:
    expect = form.expect if form is not None else (lambda g: g)
    expected = [expect(g) for g in gold]
    first = {_key(o): expect(o) for o in original} if original is not None else None
    blind = [g for g in expected if is_blind(str(g["case_number"]))]
    return {
        "form": name,
        "family": form.family if form is not None else "layout",
        "all": figures(predicted, expected, first),
        "blind": figures(predicted, blind, first),
    }


def run(
    letters: Path, gold_path: Path, out: Path, forms: Iterable[str] | None = None
) -> list[dict[str, Any]]:
    out = outside_repo(out)
    out.mkdir(parents=True, exist_ok=True)
    gold = [json.loads(line) for line in gold_path.read_text(encoding="utf-8").splitlines() if line]
    files = letter_files(letters)
    original, rejected = extract(letters, out / f"{ORIGINAL}.jsonl")
    reports = [score_form(ORIGINAL, original, gold, None, None)]
    reports[0]["rejected"] = rejected
    chosen = [form_named(n) for n in forms] if forms else list(FORMS)
    models, unread = read_models(files)
    if unread:
        print(
            f"{len(unread)} letters the original reading rejects (not rendered): {unread}",
            file=sys.stderr,
        )
    for form in chosen:
        folder = out / form.name
        for stale in folder.glob("*") if folder.exists() else []:
            stale.unlink()
        render_all(models, form, folder)
        predicted, rejected = extract(folder, out / f"{form.name}.jsonl")
        reports.append(score_form(form.name, predicted, gold, form, original))
        reports[-1]["rejected"] = rejected
    (out / "report.json").write_text(json.dumps(reports, indent=1, default=str), encoding="utf-8")
    return reports


def _pct(value: float | None) -> str:
    return "   n/a" if value is None else f"{100 * value:5.1f}%"


def _misses_target(column: str, value: float | None, part: str) -> bool:
    if value is None:
        return False
    floors = {**TARGETS, "same_or_flagged": SAME_OR_FLAGGED}
    if part == "blind":
        floors["unflagged_right"] = BLIND_UNFLAGGED_RIGHT
        if column == "flagged":
            return value > BLIND_FLAGGED_AT_MOST
    return column in floors and value < floors[column]


def format_table(reports: Sequence[dict[str, Any]]) -> str:
    columns = (
        "letters",
        "decision",
        "request",
        "category",
        "citations",
        "all_fields",
        "flagged",
        "unflagged_right",
        "right_or_flagged",
        "same_as_original",
        "same_or_flagged",
    )
    heads = (
        "letters",
        "decis.",
        "request",
        "categ.",
        "citat.",
        "all",
        "flagged",
        "unfl.ok",
        "ok|flag",
        "=orig",
        "=o|flag",
    )
    lines = [
        f"{'form':<14} {'part':<5} {'items':>5} " + " ".join(f"{h:>7}" for h in heads),
        "-" * (27 + 8 * len(heads)),
    ]
    for report in reports:
        for part in ("all", "blind"):
            fig = report[part]
            cells = []
            for column in columns:
                value = fig.get(column)
                cells.append(f"{_pct(value)}{'*' if _misses_target(column, value, part) else ' '}")
            name = report["form"] if part == "all" else f"  {len(report.get('rejected', []))} rej."
            lines.append(f"{name:<14} {part:<5} {fig['items']:>5} " + " ".join(cells))
    lines += [
        "",
        "request = request_text and disputed_item right; citations = both guideline fields right;",
        "unfl.ok = unflagged items right on every field; ok|flag = right on all fields or flagged;",
        "=orig = same as the original's reading on every field; =o|flag = that or flagged;",
        "rej. = letters `imr extract` rejected; * = below issue 22's target",
        f"targets per form: {', '.join(f'{k} >= {v:.0%}' for k, v in TARGETS.items())}; blind: "
        f"unflagged right >= {BLIND_UNFLAGGED_RIGHT:.1%}, flagged <= {BLIND_FLAGGED_AT_MOST:.0%}",
    ]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--letters", type=Path, default=SHARED_DIR / "data" / "letters")
    parser.add_argument("--gold", type=Path, default=SHARED_DIR / "data" / "gold" / "issues.jsonl")
    parser.add_argument("--out", type=Path, default=DEFAULT_DIR)
    parser.add_argument("--forms", default="", help="comma-separated form names (default: all)")
    args = parser.parse_args(argv)
    for path in (args.letters, args.gold):
        if not path.exists():
            print(
                f"{path} is absent: the renderings need ../shared beside the repo", file=sys.stderr
            )
            return 2
    forms = [f for f in args.forms.split(",") if f] or None
    reports = run(args.letters, args.gold, args.out, forms)
    print(format_table(reports))
    print(f"\nrenderings and report.json (every miss) in {outside_repo(args.out)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
