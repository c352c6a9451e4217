"""`imr serve`'s API and pages through FastAPI's TestClient: a good letter gives the records
`imr predict` writes, every kind of bad upload a clear 4xx (and the app keeps serving), a letter
the pipeline refuses a reject, and no upload is left on disk after any response."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pipeline.cli import app as cli_app
from tests import paths

LETTERS = paths.FIXTURE_LETTERS_DIR
PDF = LETTERS / "FAKE-0000001.pdf"
TXT = LETTERS / "FAKE-0000003.txt"


def _file(path: Path, name: str | None = None, data: bytes | None = None) -> tuple:
    return ("files", (name or path.name, path.read_bytes() if data is None else data, "x/y"))


def _empty(root: Path) -> None:
    assert list(root.iterdir()) == [], "an upload was left on disk"


def _predicted(path: Path, models: Path, tmp_path: Path) -> list[dict]:
    out = tmp_path / "predicted.jsonl"
    result = CliRunner().invoke(
        cli_app, ["predict", str(path), "--models", str(models), "--out", str(out), "-j", "1"]
    )
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]


def test_a_letter_gives_predicts_records(make_client, serve_models, upload_root, tmp_path):
    client = make_client()
    response = client.post("/api/letters", files=[_file(PDF)])
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["parsed"] == body["inputs"] == 1 and body["rejects"] == []
    assert body["smoke_test_models"] is True
    assert body["items"] == _predicted(PDF, serve_models, tmp_path)
    assert {item["prediction"]["decision_read"] for item in body["items"]} <= {
        "Upheld", "Overturned", None,
    }  # fmt: skip
    _empty(upload_root)


def test_downloads_hold_every_item(make_client, upload_root):
    from openpyxl import load_workbook

    client = make_client()
    body = client.post("/api/letters", files=[_file(PDF), _file(TXT)]).json()
    n = len(body["items"])
    assert n >= 4
    jsonl = client.get(body["downloads"]["jsonl"])
    assert [json.loads(line) for line in jsonl.text.splitlines()] == body["items"]
    rows = list(csv.DictReader(io.StringIO(client.get(body["downloads"]["csv"]).text)))
    assert [row["case_number"] for row in rows] == [item["case_number"] for item in body["items"]]
    xlsx = client.get(body["downloads"]["xlsx"])
    assert xlsx.headers["content-disposition"].endswith('.xlsx"')
    sheet = load_workbook(io.BytesIO(xlsx.content), read_only=True)["items"]
    assert len(list(sheet.iter_rows(values_only=True))) == n + 1
    assert client.get(body["downloads"]["csv"].replace(".csv", ".docx")).status_code == 404
    _empty(upload_root)


def test_letter_page(make_client, upload_root):
    client = make_client()
    page = client.post("/letters", files=[_file(PDF)], follow_redirects=True)
    assert page.status_code == 200 and "/results/" in str(page.url)
    link = re.search(r'href="(/results/[^"]+/letters/1)"', page.text)
    assert link, page.text
    letter = client.get(link.group(1))
    assert letter.status_code == 200
    text = letter.text
    assert "Item 1:" in text and "Item 0:" not in text  # people count from 1
    assert "FAKE-0000001" in text and "P(Overturned)" in text
    assert re.search(r'class="verdict verdict-(upheld|overturned)"', text)
    assert "Smoke-test models" in text  # the banner
    assert "<mark " in text  # the rationale is highlighted
    assert "default-src 'none'" in letter.headers["content-security-policy"]
    assert client.get(link.group(1).replace("/letters/1", "/letters/9")).status_code == 404
    _empty(upload_root)


def test_letter_text_is_escaped(make_client, upload_root):
    """Every letter-derived string reaches the page as text, never as markup."""
    hostile = TXT.read_text(encoding="utf-8").replace(
        "Therefore, the request for physical therapy",
        'Therefore <script>alert("x")</script> <b onclick=1>, the request for physical therapy',
    )
    client = make_client()
    page = client.post(
        "/letters", files=[_file(TXT, '<img src=x onerror=1>.txt', hostile.encode())],
        follow_redirects=True,
    )  # fmt: skip
    assert "<img src=x" not in page.text and "&lt;img src=x onerror=1&gt;.txt" in page.text
    link = re.search(r'href="(/results/[^"]+/letters/1)"', page.text).group(1)
    letter = client.get(link).text
    assert "&lt;script&gt;" in letter
    assert "<script" not in letter and "<b onclick" not in letter
    _empty(upload_root)


@pytest.mark.parametrize(
    ("files", "status", "words"),
    [
        ([("files", ("letter.docx", b"PK\x03\x04", "x/y"))], 415, ".docx"),
        ([("files", ("letter", b"text", "x/y"))], 415, "without an extension"),
        ([("files", ("letter.pdf", b"", "x/y"))], 400, "empty"),
        ([("files", (f"l{i}.txt", b"x", "x/y")) for i in range(3)], 413, "too many"),
        ([("files", ("big.pdf", b"%PDF" + b"x" * 20_000, "x/y"))], 413, "larger than"),
    ],
    ids=["wrong-type", "no-extension", "empty", "too-many", "huge"],
)
def test_bad_uploads(make_client, upload_root, files, status, words):
    client = make_client(max_files=2, max_file_mb=0.01)
    api = client.post("/api/letters", files=files)
    assert api.status_code == status and words in api.json()["detail"]
    page = client.post("/letters", files=files)
    assert (
        page.status_code == status
        and words in page.text
        and "text/html" in page.headers["content-type"]
    )
    _empty(upload_root)
    assert client.post("/api/letters", files=[_file(TXT)]).status_code == 200  # still serving
    _empty(upload_root)


def test_not_a_form_and_no_file(make_client, upload_root):
    client = make_client(max_files=2, max_file_mb=0.01)
    response = client.post("/api/letters", content=b"{}", headers={"content-type": "text/json"})
    assert response.status_code == 415 and "multipart" in response.json()["detail"]
    response = client.post("/api/letters", files={"note": (None, "hello")})
    assert response.status_code == 400 and "no letter" in response.json()["detail"]
    huge = {"content-type": "multipart/form-data; boundary=x", "content-length": str(10**9)}
    response = client.post("/api/letters", content=b"--x--", headers=huge)
    assert response.status_code == 413
    _empty(upload_root)


def test_rejected_letters(make_client, upload_root):
    """A file the pipeline refuses is a reject with the CLI's reason: 422 when nothing was
    read, 200 with `rejects` beside the items otherwise; the page says which and why."""
    client = make_client()
    not_a_letter = ("files", ("notes.txt", b"Shopping list: milk, eggs.", "text/plain"))
    alone = client.post("/api/letters", files=[not_a_letter])
    assert alone.status_code == 422
    [reject] = alone.json()["rejects"]
    assert reject["file"] == "notes.txt" and reject["reason"] == "not an IMR determination letter"
    mixed = client.post("/api/letters", files=[not_a_letter, _file(TXT)])
    assert mixed.status_code == 200
    body = mixed.json()
    assert body["parsed"] == 1 and [r["file"] for r in body["rejects"]] == ["notes.txt"]
    assert str(upload_root) not in json.dumps(body)  # no server path leaks out
    page = client.post("/letters", files=[not_a_letter], follow_redirects=True)
    assert "notes.txt" in page.text and "not an IMR determination letter" in page.text
    _empty(upload_root)


def test_same_letter_twice_is_read_once(make_client, upload_root):
    client = make_client()
    body = client.post("/api/letters", files=[_file(TXT), _file(TXT, "copy.txt")]).json()
    assert body["parsed"] == 1
    assert [r["stage"] for r in body["rejects"]] == ["duplicate"]
    assert str(upload_root) not in json.dumps(body)
    _empty(upload_root)


def test_openapi_documents_the_upload(make_client):
    spec = make_client().get("/openapi.json").json()
    operation = spec["paths"]["/api/letters"]["post"]
    assert "multipart/form-data" in operation["requestBody"]["content"]
    assert {"200", "400", "413", "415", "422"} <= set(operation["responses"])
    assert make_client().get("/docs").status_code == 200


def test_unknown_results(make_client):
    client = make_client()
    assert client.get("/results/nothing-here").status_code == 404
    assert client.get("/results/nothing-here/items.csv").status_code == 404


def test_the_clis_limits_and_rejects_apply(make_client, serve_models, upload_root, tmp_path,
                                           monkeypatch):  # fmt: skip
    """A letter over one of `imr predict`'s per-letter budgets is rejected here with the reason
    `imr predict` gives it (the same workers run it), and the app goes on serving."""
    import csv as csv_module

    from tests.fixtures.hostile_pdfs import nested_forms_pdf

    hostile = nested_forms_pdf(tmp_path / "forms.pdf", depth=12)
    out = tmp_path / "cli.jsonl"
    result = CliRunner().invoke(
        cli_app, ["predict", str(hostile), "--models", str(serve_models), "--out", str(out)]
    )
    assert result.exit_code == 4, result.output
    with open(tmp_path / "cli.rejects.csv", encoding="utf-8") as handle:
        [cli_reject] = list(csv_module.DictReader(handle))
    client = make_client()
    response = client.post("/api/letters", files=[_file(hostile)])
    assert response.status_code == 422
    [reject] = response.json()["rejects"]
    assert reject == {"file": "forms.pdf", "stage": cli_reject["stage"],
                      "reason": cli_reject["reason"]}  # fmt: skip
    assert "IMR_PDF_MAX_FORM_DEPTH" in reject["reason"]
    monkeypatch.setenv("IMR_LETTER_MAX_CHARS", "1000")
    response = client.post("/api/letters", files=[_file(TXT)])
    assert response.status_code == 422 and "IMR_LETTER_MAX_CHARS" in json.dumps(response.json())
    monkeypatch.delenv("IMR_LETTER_MAX_CHARS")
    assert client.post("/api/letters", files=[_file(TXT)]).status_code == 200
    _empty(upload_root)


def test_uploads_at_the_same_time(make_client, upload_root):
    """Two uploads at once both get their own letters' records (runs take turns)."""
    from concurrent.futures import ThreadPoolExecutor

    client = make_client()
    with ThreadPoolExecutor(2) as pool:
        first, second = pool.map(
            lambda path: client.post("/api/letters", files=[_file(path)]), [PDF, TXT]
        )
    assert first.status_code == second.status_code == 200
    assert {r["source_file"] for r in first.json()["items"]} == {PDF.name}
    assert {r["source_file"] for r in second.json()["items"]} == {TXT.name}
    _empty(upload_root)


def test_other_host_names_are_refused(make_client):
    """A page elsewhere that rebinds its domain name to 127.0.0.1 gets nothing (DNS rebinding)."""
    from pipeline.serve.app import allowed_hosts

    client = make_client()
    assert client.get("/", headers={"host": "evil.example"}).status_code == 400
    assert client.get("/").status_code == 200
    assert "localhost" in allowed_hosts("127.0.0.1") and "evil.example" not in allowed_hosts(
        "127.0.0.1"
    )
    assert allowed_hosts("0.0.0.0") == ["*"]


def test_reasons_and_quoted_sentences_are_shown(make_client, upload_root, monkeypatch):
    """When the records carry denial reasons (offsets into the rationale) and quoted sentences,
    the letter page lists them and highlights them in the rationale."""
    from pipeline.serve import runs

    real = runs.predict_letters

    def with_reasons(paths, models_dir):
        batch = real(paths, models_dir)
        for record in batch.records:
            rationale = record["rationale"]
            end = rationale.index(".") + 1
            record["reasons"] = [{"code": "no_functional_benefit", "evidence": rationale[:end],
                                  "start": 0, "end": end, "probability": None}]  # fmt: skip
            last = rationale.rstrip().rsplit(". ", 1)[-1]
            record["prediction"]["sentences"] = [
                {"sentence": last, "contribution": -0.12, "toward": "Upheld"}
            ]
        return batch

    monkeypatch.setattr(runs, "predict_letters", with_reasons)
    client = make_client()
    page = client.post("/letters", files=[_file(PDF)], follow_redirects=True)
    link = re.search(r'href="(/results/[^"]+/letters/1)"', page.text).group(1)
    letter = client.get(link).text
    assert "Denial reasons" in letter and "no functional benefit from earlier treatment" in letter
    assert '<mark class="reason" title="denial reason: no functional benefit' in letter
    assert '<mark class="sentence"' in letter and "-12 points, toward Upheld" in letter
    _empty(upload_root)
