"""`imr serve` end to end in a real browser: the command runs in a subprocess on smoke-test
models (trained on the made-up fixture letters), and the system's headless Chromium, driven
through playwright (never a downloaded browser), uploads a letter, sees the decision and a
highlighted reason (or, for models that give none, the highlighted evidence), downloads the
CSV. The pages run no script, so the browser must log no error (a blocked request, a broken
stylesheet). The screenshot goes to the test's folder; with IMR_UPDATE_SCREENSHOTS=1 it
replaces the README's picture, docs/serve.png."""

from __future__ import annotations

import csv
import io
import json
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from pipeline import config
from tests import paths
from tests.hang import HANG_SECONDS
from tests.reporting.corpus.test_browser import _save_small

pytestmark = pytest.mark.browser
CHROMIUM = Path("/usr/bin/chromium")
LETTER = paths.FIXTURE_LETTERS_DIR / "FAKE-0000001.pdf"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="module")
def server(serve_models: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple]:
    """(url, the server's temporary folder): `imr serve` running until the module ends."""
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is absent: the browser test needs Debian's `chromium`")
    import httpx

    root = tmp_path_factory.mktemp("serve")
    temporary = root / "tmp"
    temporary.mkdir()
    port = _free_port()
    env = {**os.environ, "PYTHONPATH": str(config.ROOT), "TMPDIR": str(temporary)}
    command = [sys.executable, "-m", "pipeline.cli", "serve", "--models", str(serve_models),
               "--port", str(port)]  # fmt: skip
    log = (root / "server.log").open("w")
    process = subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + HANG_SECONDS
    try:
        while True:
            assert process.poll() is None, (root / "server.log").read_text()
            assert time.monotonic() < deadline, "hung: imr serve did not start"
            try:
                if httpx.get(url + "/", timeout=5).status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.2)
        yield url, temporary
    finally:
        process.terminate()
        try:
            process.wait(HANG_SECONDS)
        finally:
            if process.poll() is None:
                process.kill()
            log.close()


def test_upload_read_download(server: tuple, tmp_path: Path) -> None:
    from playwright.sync_api import expect, sync_playwright

    url, temporary = server
    errors: list[str] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=["--no-sandbox", "--disable-gpu"]
        )
        try:
            page = browser.new_page(viewport={"width": 1100, "height": 1400})
            page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
            page.goto(url + "/")
            page.set_input_files("#files", str(LETTER))
            page.click("button[type=submit]")
            page.wait_for_url("**/results/*")
            expect(page.locator("h1")).to_contain_text("1 of 1 file read")
            page.click("table.letters a")
            page.wait_for_url("**/letters/1")

            first = page.locator("article.item").first
            expect(first.locator("h2")).to_contain_text("Item 1:")
            expect(first.locator(".verdict").first).to_have_text("Upheld")  # as the letter says
            expect(first.locator(".probability")).to_have_text(_percent())

            href = page.locator("a.download", has_text="JSONL").get_attribute("href")
            jsonl = page.request.get(f"{url}{href}")
            records = [json.loads(line) for line in jsonl.text().splitlines()]
            assert records and all(r["source_file"] == LETTER.name for r in records)
            strongest = _strongest_highlight(records)
            marks = page.locator(f"blockquote.rationale mark.{strongest}")
            assert marks.count() >= 1, f"no {strongest} highlighted in the rationale"
            expect(marks.first).to_be_visible()

            with page.expect_download() as download:
                page.locator("a.download", has_text="CSV").click()
            rows = list(csv.DictReader(io.StringIO(Path(download.value.path()).read_text())))
            assert [r["case_number"] for r in rows] == [r["case_number"] for r in records]
            assert [r["disputed_item"] for r in rows] == [r["disputed_item"] for r in records]

            shot = tmp_path / "serve.png"
            page.screenshot(path=str(shot))
        finally:
            browser.close()
    assert errors == [], errors
    assert shot.stat().st_size > 10_000  # a rendered page, not a blank one
    target = config.ROOT / "docs" / "serve.png"
    if os.environ.get("IMR_UPDATE_SCREENSHOTS") != "1":
        target = tmp_path / "small-serve.png"
    _save_small(shot, target)
    assert [p.name for p in temporary.iterdir() if p.name.startswith("imr-serve-")] == []


def _percent():
    import re

    return re.compile(r"^\d{1,3}%$")


def _strongest_highlight(records: list[dict]) -> str:
    """The highlight the page must show: a denial reason when the models give reasons, else a
    quoted sentence, else a word the reasoning model weighs."""
    if any(r.get("reasons") for r in records):
        return "reason"
    if any((r.get("prediction") or {}).get("sentences") for r in records):
        return "sentence"
    return "term"
