"""The report as people navigate it: from index.html every letter page is reachable by links,
every count in report.html links to a list of exactly its items, every page carries the
navigation and the stamp, each letter page links to its source file. On the made-up fixture
letters (`fixture_report`), plus the real letters in ../shared (corpus)."""

from __future__ import annotations

import re
from collections import deque
from html import unescape
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest


class _Links(HTMLParser):
    """hrefs, and the rows of a list table with their data attributes."""

    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []
        self.rows: list[dict[str, str]] = []
        self.count_links: list[tuple[str, str]] = []  # (href, text) of links whose text is a count
        self._open: str | None = None
        self._text = ""

    def handle_starttag(self, tag: str, attrs: list) -> None:
        values = {k: v or "" for k, v in attrs}
        if tag == "a" and "href" in values:
            self.hrefs.append(values["href"])
            self._open, self._text = values["href"], ""
        if tag == "tr":
            self.rows.append({k[5:]: v for k, v in values.items() if k.startswith("data-")})

    def handle_data(self, data: str) -> None:
        if self._open is not None:
            self._text += data

    def handle_endtag(self, tag: str) -> None:
        if tag == "a" and self._open is not None:
            if re.fullmatch(r"[\d,]+", self._text.strip()):
                self.count_links.append((self._open, self._text.strip()))
            self._open = None


def _parse(path: Path) -> _Links:
    parser = _Links()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def crawl(folder: Path) -> set[Path]:
    """Every page of the report reachable from index.html by links (inside the folder)."""
    root = folder.resolve()
    start = root / "index.html"
    seen, queue = {start}, deque([start])
    while queue:
        current = queue.popleft()
        for href in _parse(current).hrefs:
            parts = urlsplit(href)
            if parts.scheme or not parts.path:
                continue
            target = (current.parent / unquote(parts.path)).resolve()
            assert target.exists(), f"{current.name} links to a missing {href}"
            if target.suffix == ".html" and root in target.parents and target not in seen:
                seen.add(target)
                queue.append(target)
    return seen


def _matches(row: dict[str, str], filters: dict[str, list[str]]) -> bool:
    """items.html's script, in Python: every key matches one of its values."""
    for key, wanted in filters.items():
        have = row.get(key, "").split("|") if row.get(key) else [""]
        if not any(value in have for value in wanted):
            return False
    return True


def _filters(fragment: str) -> dict[str, list[str]]:
    out = {}
    for part in filter(None, fragment.split("&")):
        key, _, values = part.partition("=")
        out[unquote(key)] = [unquote(v) for v in values.split("|")]
    return out


def check_navigation(folder: Path) -> None:
    pages = crawl(folder)
    letters = {p.resolve() for p in (folder / "letters").glob("*.html")}
    assert letters and letters <= pages, f"unreachable: {sorted(p.name for p in letters - pages)}"
    assert {folder.resolve() / n for n in ("report.html", "items.html")} <= pages
    for page in pages:
        html = page.read_text(encoding="utf-8")
        assert '<nav class="top">' in html and '<div class="stamp">' in html, page.name


def check_counts(folder: Path) -> int:
    """Every count link of report.html and index.html names as many rows as its list shows."""
    lists = {name: _parse(folder / name).rows for name in ("items.html", "index.html")}
    checked = 0
    for source in ("report.html", "index.html"):
        for href, text in _parse(folder / source).count_links:
            path, _, fragment = unescape(href).partition("#")
            if path not in lists:
                continue
            rows = [r for r in lists[path] if r]  # the header row has no data
            shown = sum(_matches(r, _filters(fragment)) for r in rows)
            assert shown == int(text.replace(",", "")), (source, href, text, shown)
            checked += 1
    return checked


def test_every_letter_page_is_reachable_from_the_index(fixture_report: Path) -> None:
    check_navigation(fixture_report)


def test_every_count_links_to_exactly_its_items(fixture_report: Path) -> None:
    assert check_counts(fixture_report) >= 20


def test_letter_pages_link_to_their_source_files(fixture_report: Path) -> None:
    for page in (fixture_report / "letters").glob("*.html"):
        sources = [h for h in _parse(page).hrefs if re.search(r"\.(pdf|txt)$", h)]
        assert len(sources) == 1, page.name
        assert (page.parent / unquote(sources[0])).resolve().is_file()


def test_review_reasons_read_as_plain_words(fixture_report: Path) -> None:
    import json

    from pipeline.core.display_names import review_words

    codes = json.loads((fixture_report / "report.json").read_text())["review"]["by_reason"]
    assert "category_not_head" in codes
    report = (fixture_report / "report.html").read_text()
    for code in codes:
        said, check = review_words(code)
        assert said in report and check in report, code
    pages = [*(fixture_report / "letters").glob("*.html"), fixture_report / "items.html",
             fixture_report / "index.html"]  # fmt: skip
    for page in pages:
        shown = re.sub(r'(?:data-[a-z_]+|href)="[^"]*"', "", page.read_text())
        assert not [c for c in codes if c in shown], page.name
    said = review_words("category_not_head")[0]
    assert said in "".join(p.read_text() for p in pages)


def test_the_list_pages_carry_only_their_hashed_script(fixture_report: Path) -> None:
    for name in ("index.html", "items.html"):
        html = (fixture_report / name).read_text()
        assert html.count("<script>") == 1 and "script-src 'sha256-" in html
    for page in [fixture_report / "report.html", *(fixture_report / "letters").glob("*.html")]:
        assert "<script" not in page.read_text(), page.name


@pytest.mark.corpus
@pytest.mark.slow
def test_real_letters_are_all_reachable(shared_letters_dir: Path, tmp_path: Path) -> None:
    from pipeline.reporting.corpus.run import build_report

    out = tmp_path / "report"
    run = build_report([shared_letters_dir], out, None, n_jobs=2)
    check_navigation(out)
    assert len(list((out / "letters").glob("*.html"))) == run.letters
    assert check_counts(out) >= 100
