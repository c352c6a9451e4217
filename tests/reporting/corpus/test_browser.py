"""report.html, a letter page and the list pages in headless Chromium (Debian's `chromium`;
skipped with a message where it is absent): the rendered DOM has its tables and plots, the list
pages' one hashed script filters as a count's link asks, the browser logs no console message
(any message is an error: a blocked request or script, a broken image). Screenshots go to the
test's own folder; with IMR_UPDATE_SCREENSHOTS=1 they replace the README's pictures in docs/
(a test run never rewrites the repository otherwise)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

from pipeline import config

DOCS = config.ROOT / "docs"
BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def browser() -> str:
    for name in BROWSERS:
        found = shutil.which(name)
        if found:
            return found
    pytest.skip("no headless Chromium here: install Debian's `chromium` (apt-get install chromium)")


def _run(
    browser: str, page: Path, tmp: Path, *args: str, fragment: str = ""
) -> tuple[str, list[str]]:
    """(stdout, console lines) of one headless run on a local page (`fragment`: after #)."""
    command = [
        browser, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
        "--no-first-run", "--disable-extensions", "--enable-logging=stderr", "--v=0",
        f"--user-data-dir={tmp / 'profile'}", *args,
        page.resolve().as_uri() + (f"#{fragment}" if fragment else ""),
    ]  # fmt: skip
    done = subprocess.run(command, capture_output=True, text=True, timeout=90, cwd=tmp)
    assert done.returncode == 0, done.stderr[-2000:]
    console = [line for line in done.stderr.splitlines() if ":CONSOLE" in line]
    return done.stdout, console


class _Count(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: dict[str, int] = {}

    def handle_starttag(self, tag: str, attrs: list) -> None:
        self.tags[tag] = self.tags.get(tag, 0) + 1


def _dom(browser: str, page: Path, tmp: Path) -> tuple[dict[str, int], str, list[str]]:
    dom, console = _run(browser, page, tmp, "--dump-dom")
    counter = _Count()
    counter.feed(dom)
    return counter.tags, dom, console


def _screenshot(browser: str, page: Path, tmp: Path, target: Path, height: int) -> list[str]:
    shot = tmp / target.name
    _, console = _run(browser, page, tmp, f"--screenshot={shot}", f"--window-size=1280,{height}")
    assert shot.stat().st_size > 10_000  # a rendered page, not a blank one
    if os.environ.get("IMR_UPDATE_SCREENSHOTS") != "1":
        target = tmp / f"small-{target.name}"
    _save_small(shot, target)
    assert target.stat().st_size > 5_000
    return console


def _save_small(shot: Path, target: Path) -> None:
    """Half-size, 64 colours: a README picture of ~100 kB instead of ~400 kB."""
    target.parent.mkdir(exist_ok=True)
    try:
        from PIL import Image
    except ImportError:
        shutil.copyfile(shot, target)
        return
    with Image.open(shot) as image:
        small = image.convert("RGB").resize((image.width * 3 // 4, image.height * 3 // 4))
        small.quantize(colors=64).save(target, optimize=True)


def test_the_console_check_sees_errors(browser: str, tmp_path: Path) -> None:
    """The check below is not vacuous: a page of the same shell that asks for a remote image
    is blocked by its Content-Security-Policy, and the browser logs it."""
    from pipeline.reporting.corpus.html import page

    bad = tmp_path / "bad.html"
    bad.write_text(page("bad", '<img src="http://127.0.0.1:9/x.png" alt="x">'))
    _, console = _run(browser, bad, tmp_path, "--dump-dom")
    assert any("Content Security Policy" in line for line in console), console


def test_report_page(browser: str, fixture_report_models: Path, tmp_path: Path) -> None:
    report = fixture_report_models / "report.html"
    tags, dom, console = _dom(browser, report, tmp_path)
    assert tags.get("table", 0) >= 12 and tags.get("svg", 0) >= 5, tags
    for section in ("Service category", "Guideline basis", "Reviewer specialty", "Drug class",
                    "Visit cap", "Turnaround", "By month", "Reasoning model",
                    "Flagged for review"):  # fmt: skip
        assert f">{section}</h2>" in dom, section
    console += _screenshot(browser, report, tmp_path, DOCS / "report.png", 2200)
    assert console == []


def test_letter_page(browser: str, fixture_report_models: Path, tmp_path: Path) -> None:
    letter = fixture_report_models / "letters" / "FAKE-0000001.html"
    tags, dom, console = _dom(browser, letter, tmp_path)
    assert tags.get("section", 0) == 3 and tags.get("table", 0) >= 3, tags
    assert dom.count('class="bar k-') >= 10  # highlighted spans
    console += _screenshot(browser, letter, tmp_path, DOCS / "letter.png", 2100)
    assert console == []


def test_list_pages_filter_and_sort(
    browser: str, fixture_report_models: Path, tmp_path: Path
) -> None:
    """The list pages' script runs under the page's policy (no console message) and applies
    the filters a count's link carries: only the Overturned items are left showing."""
    items = fixture_report_models / "items.html"
    dom, console = _run(browser, items, tmp_path, "--dump-dom", fragment="decision=Overturned")
    rows = re.findall(r"<tr( [^>]*)>", dom.split("<tbody>", 1)[1])
    shown = [r for r in rows if " hidden" not in r]
    assert len(rows) == 9 and len(shown) == 4, (len(rows), len(shown))
    assert all('data-decision="Overturned"' in r for r in shown)
    assert '<b id="shown">4 of 9</b>' in dom and console == []
    index = fixture_report_models / "index.html"
    tags, dom, console = _dom(browser, index, tmp_path)
    assert '<b id="shown">4 of 4</b>' in dom and console == []
    console += _screenshot(browser, index, tmp_path, DOCS / "index.png", 700)
    assert console == []


@pytest.mark.skipif(not os.environ.get("IMR_SHARED_BROWSER"), reason="set IMR_SHARED_BROWSER=1")
def test_shared_corpus_renders(browser: str, shared_letters_dir: Path, tmp_path: Path) -> None:
    """On demand: the report of the real letters renders too (no screenshot: their text must
    not enter the repository)."""
    from pipeline.reporting.corpus.run import build_report

    out = tmp_path / "report"
    build_report([shared_letters_dir], out, None)
    tags, _, console = _dom(browser, out / "report.html", tmp_path)
    assert tags.get("table", 0) >= 12 and tags.get("svg", 0) >= 4 and console == []
