"""docs/architecture.md names the modules that exist: each package's paragraph names files of
that package (or gives their path), and every package of pipeline/ has a paragraph."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DOC = ROOT / "docs" / "architecture.md"
PARAGRAPH = re.compile(r"\*\*`pipeline/(\w+)/`\*\*(.*?)(?=\n\n|\Z)", re.S)


def stale_names(text: str, root: Path = ROOT) -> list[str]:
    wrong = []
    for package, body in PARAGRAPH.findall(text):
        for name in re.findall(r"`([\w./]+\.py)`", body):
            if "/" in name:
                found = (root / name).exists() or (root / "pipeline" / name).exists()
            else:
                found = any((root / "pipeline" / package).rglob(name))
            if not found:
                wrong.append(f"pipeline/{package}/: {name}")
    return wrong


def test_every_module_the_doc_names_exists_where_it_says():
    assert stale_names(DOC.read_text(encoding="utf-8")) == []


def test_every_package_has_a_paragraph():
    described = {package for package, _ in PARAGRAPH.findall(DOC.read_text(encoding="utf-8"))}
    packages = {p.parent.name for p in (ROOT / "pipeline").glob("*/__init__.py")}
    assert packages - described == set()


def test_a_moved_module_is_found():
    text = "**`pipeline/tagging/`** is spaCy: `stage.py` is imr tag; `bench.py` measures words/s."
    assert stale_names(text) == ["pipeline/tagging/: bench.py"]
