"""Fill the generated figures in README.md and docs/*.md (`make docs`).

Every number in the docs that the code or a report can give is written between markers,

    <!-- fig:NAME -->VALUE<!-- /fig -->

and this script rewrites VALUE. Two kinds of NAME:

* counted from the code (always available): `lexicon_rows`, `rule_files`, `fixture_letters`,
  `review_codes`, `tagging_components`, `limit:IMR_FILE_SECONDS` (a budget's default), and
  `tests` (`pytest --collect-only`, the one slow count; skipped with --fast);
* read from a report, `SOURCE:dotted.key`, SOURCE one of `metrics` (reports/metrics.json,
  `make evaluate`), `bench` (reports/bench.json, `make bench`), `bench_train`
  (reports/bench_train.json, `make bench-train`); a number in a key is a list index
  (`bench_train:2.seconds`) and `~SPEC` a format spec (`bench:raw_pypdfium2.letters_per_s~.1f`;
  not `|`, which would split a Markdown table cell; floats default to `.3f`). A report that is
  absent, or made with smoke-test models, leaves its figures as they are: a checkout without
  reports keeps the last measured figures.

`python tools/docs_figures.py [--fast] [--check] [--reports DIR]`: --check rewrites nothing and
exits 1 naming the files whose figures differ. tests/test_docs_figures.py checks that the
counted figures in the docs equal the code's.
"""

from __future__ import annotations

import argparse
import ast
import json
import re
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
MARKER = re.compile(r"<!-- fig:(?P<name>[\w:.\-~,]+) -->(?P<value>.*?)<!-- /fig -->", re.S)
REPORTS = {"metrics": "metrics.json", "bench": "bench.json", "bench_train": "bench_train.json"}
# Where the items' review reasons are set (ingest's layout flags, the taggers' flags).
REVIEW_MODULES = (
    "pipeline/ingest/letter.py",
    "pipeline/ingest/era2013.py",
    "pipeline/tagging/__init__.py",
    "pipeline/tagging/item_category.py",
    "pipeline/tagging/review.py",
    "pipeline/tagging/ruling.py",
)
_CODE = re.compile(r"^[a-z]+(_[a-z]+)*$")


def _number(value: float) -> str:
    """1337 -> "1,337"; 60.0 -> "60"; 0.9071 -> "0.907"."""
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.3f}".rstrip("0").rstrip(".") if abs(value) < 1 else f"{value:,.2f}"


def _append_codes(call: ast.Call, loops: dict[str, list[str]]) -> Iterator[str]:
    """Codes added by `<review or reasons>.append("code")`, an f-string expanded over its loop."""
    if not (isinstance(call.func, ast.Attribute) and call.func.attr == "append" and call.args):
        return
    if not re.search("review|reasons", ast.unparse(call.func.value)):
        return
    arg = call.args[0]
    if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
        yield arg.value
    elif isinstance(arg, ast.JoinedStr):  # f"no_{name}_guideline" inside `for name, ... in (...)`
        fields = [v for v in arg.values if isinstance(v, ast.FormattedValue)]
        names = [v.value.id for v in fields if isinstance(v.value, ast.Name)]
        for value in loops.get(names[0], []) if len(names) == 1 else []:
            yield "".join(v.value if isinstance(v, ast.Constant) else value for v in arg.values)


def _loop_values(tree: ast.AST) -> dict[str, list[str]]:
    """`for name, other in (("a", ...), ("b", ...))` -> {"name": ["a", "b"]}."""
    values: dict[str, list[str]] = {}
    for node in ast.walk(tree):
        if not (isinstance(node, ast.For) and isinstance(node.iter, ast.Tuple | ast.List)):
            continue
        target = node.target.elts[0] if isinstance(node.target, ast.Tuple) else node.target
        if not isinstance(target, ast.Name):
            continue
        for element in node.iter.elts:
            first = element.elts[0] if isinstance(element, ast.Tuple) else element
            if isinstance(first, ast.Constant) and isinstance(first.value, str):
                values.setdefault(target.id, []).append(first.value)
    return values


def _listed_codes(node: ast.AST, parent: ast.AST) -> Iterator[str]:
    """Codes in a list literal that is returned, chosen by `... if ... else`, or handed to a
    `...Decision(...)`: `return ["citation_missing"]`, `CategoryDecision(..., ["ocr"])`."""
    if not (isinstance(node, ast.List) and node.elts):
        return
    if not all(isinstance(e, ast.Constant) and isinstance(e.value, str) for e in node.elts):
        return
    decision_call = (isinstance(parent, ast.Call) and node in parent.args
                     and ast.unparse(parent.func).endswith("Decision"))  # fmt: skip
    if isinstance(parent, ast.Return | ast.IfExp) or decision_call:
        yield from (e.value for e in node.elts if _CODE.match(e.value))


def review_codes(root: Path = ROOT) -> list[str]:
    """Every review reason code an item can carry, read from the code that sets them."""
    codes: set[str] = set()
    for name in REVIEW_MODULES:
        tree = ast.parse((root / name).read_text(encoding="utf-8"))
        loops = _loop_values(tree)
        for parent in ast.walk(tree):
            for node in ast.iter_child_nodes(parent):
                if isinstance(node, ast.Call):
                    codes.update(_append_codes(node, loops))
                codes.update(_listed_codes(node, parent))
    return sorted(codes)


def test_count(root: Path = ROOT) -> str:
    """Tests pytest collects ("890 tests collected in 14.2s" -> "890")."""
    out = subprocess.run(
        [sys.executable, "-m", "pytest", "--collect-only", "-q", "-p", "no:cacheprovider"],
        cwd=root, capture_output=True, text=True, check=False,
    ).stdout  # fmt: skip
    found = re.search(r"^(\d+) tests? collected", out, re.M)
    if not found:
        raise SystemExit(f"pytest --collect-only: no test count in its output:\n{out[-500:]}")
    return _number(int(found.group(1)))


def code_figures(root: Path = ROOT) -> dict[str, str]:
    """The figures counted from the code (fast: no pytest, no model)."""
    from pipeline import config
    from pipeline.modeling.reasons.made_up import MADE_UP_FILE
    from pipeline.rules.files import load_rules, package_rule_files

    figures = {
        "lexicon_rows": _number(len(load_rules("treatments.jsonl"))),
        "rule_files": _number(len(package_rule_files())),
        "rule_files_all": _number(
            sum(
                1
                for p in (root / "pipeline").rglob("*")
                if p.suffix in (".json", ".jsonl") and p.name != MADE_UP_FILE.name
            )
        ),  # fmt: skip  (the made-up rationales are training data, not rules)
        "fixture_letters": _number(
            sum(
                1
                for p in (config.ROOT / "tests" / "fixtures" / "letters").iterdir()
                if p.suffix in config.LETTER_SUFFIXES
            )
        ),  # fmt: skip
        "review_codes": _number(len(review_codes(root))),
        "tagging_components": _number(len(_components(root))),
    }
    for name, default in config.LIMIT_DEFAULTS.items():
        figures[f"limit:{name}"] = _number(default)
    return figures


def _components(root: Path) -> list[str]:
    """pipeline.tagging.COMPONENTS, read without importing spaCy."""
    tree = ast.parse((root / "pipeline/tagging/__init__.py").read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and ast.unparse(node.targets[0]) == "COMPONENTS":
            return list(ast.literal_eval(node.value))
    raise SystemExit("pipeline/tagging/__init__.py: no COMPONENTS tuple")


def _report_value(report: Any, key: str) -> str | None:
    """The value at `key` ("held_out.reasoning.roc_auc~.2f") in a report, formatted."""
    key, _, spec = key.partition("~")
    value = report
    for part in key.split("."):
        if isinstance(value, list) and part.isdigit() and int(part) < len(value):
            value = value[int(part)]
        elif isinstance(value, dict) and part in value:
            value = value[part]
        else:  # e.g. a bench run without tesseract has no OCR figure: keep the last one
            print(
                f"warning: no {key!r} in the report; its figure is left as it was", file=sys.stderr
            )
            return None
    if value is None:
        return "n/a"
    if isinstance(value, bool) or not isinstance(value, int | float):
        return str(value)
    if isinstance(value, int) and not spec:
        return f"{value:,}"
    return format(value, spec or ".3f")


def fill(text: str, lookup: Callable[[str], str | None]) -> str:
    """`text` with every marker's value replaced by lookup(name); None keeps the value."""

    def replace(match: re.Match[str]) -> str:
        value = lookup(match["name"])
        value = match["value"] if value is None else value
        return f"<!-- fig:{match['name']} -->{value}<!-- /fig -->"

    return MARKER.sub(replace, text)


def lookup_for(figures: dict[str, str | None], reports_dir: Path) -> Callable[[str], str | None]:
    """Name -> value: a code figure, or a report's (None when the report is absent)."""
    loaded: dict[str, dict[str, Any] | None] = {}

    def lookup(name: str) -> str | None:
        source, _, key = name.partition(":")
        if source in REPORTS and key:
            if source not in loaded:
                path = reports_dir / REPORTS[source]
                report = json.loads(path.read_text()) if path.is_file() else None
                if isinstance(report, dict) and report.get("smoke_test"):
                    print(
                        f"{path}: smoke-test models measure nothing; figures left as they were",
                        file=sys.stderr,
                    )
                    report = None
                loaded[source] = report
            report = loaded[source]
            return None if report is None else _report_value(report, key)
        if name not in figures:
            raise SystemExit(f"unknown figure {name!r} (tools/docs_figures.py names: "
                             f"{', '.join(sorted(figures))})")  # fmt: skip
        return figures[name]

    return lookup


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fast", action="store_true", help="skip the pytest test count")
    parser.add_argument("--check", action="store_true", help="write nothing; exit 1 if stale")
    parser.add_argument("--reports", type=Path, default=ROOT / "reports")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT))  # run as a script, sys.path[0] is tools/
    figures: dict[str, str | None] = dict(code_figures())
    figures["tests"] = None if args.fast else test_count()  # None keeps the docs' value
    lookup = lookup_for(figures, args.reports)
    stale = []
    for path in DOCS:
        text = path.read_text(encoding="utf-8")
        new = fill(text, lookup)
        if new != text:
            stale.append(path.relative_to(ROOT))
            if not args.check:
                path.write_text(new, encoding="utf-8")
    verb = "differ" if args.check else "updated"
    print(f"figures {verb}: {', '.join(map(str, stale)) or 'none'}")
    return 1 if args.check and stale else 0


if __name__ == "__main__":
    raise SystemExit(main())
