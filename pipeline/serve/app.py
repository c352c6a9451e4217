"""`imr serve`: the FastAPI app. `create_app(models_dir)` verifies and loads the models once,
then serves:

- `GET /`: the upload page; `POST /letters`: the form's upload -> `303` to its results page;
- `GET /results/{token}`: what was read and rejected, with downloads; `.../letters/{n}`: a page
  per letter (items from 1, decision read, P(Overturned) and its evidence, tags, highlights,
  review flags in words); `.../items.{csv,xlsx,jsonl}`: the same records as files;
- `POST /api/letters`: multipart files -> JSON `{"items": [...], "rejects": [...], ...}`, the
  item records `imr predict` writes; `200` when at least one letter was read (the others in
  `rejects`), `422` when none could be (`rejects` says why); `GET /docs`: the OpenAPI page.

Bad uploads get a 4xx with a sentence saying why (`uploads.UploadError`); a letter the pipeline
refuses is a reject, as in the CLI. Uploads live only in a temporary folder removed before the
response goes out; results are kept in memory (the last `KEPT_RESULTS` uploads) for the
downloads, under an unguessable token.
"""

from __future__ import annotations

import math
import secrets
import threading
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from fastapi import FastAPI, HTTPException, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, FileSystemLoader
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.trustedhost import TrustedHostMiddleware

from pipeline.serve import runs
from pipeline.serve.downloads import FORMATS, download
from pipeline.serve.uploads import (
    UploadError,
    UploadLimits,
    receive_letters,
    sweep_uploads,
    upload_folder,
)
from pipeline.serve.views import LEGEND, LetterView, letter_views

HERE = Path(__file__).parent
KEPT_RESULTS = 32
# The pages load nothing from elsewhere and run no script.
_PAGE_HEADERS = {
    "Content-Security-Policy": "default-src 'none'; style-src 'self'; img-src 'self'; "
    "form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}
_UPLOAD_BODY = {
    "required": True,
    "content": {
        "multipart/form-data": {
            "schema": {
                "type": "object",
                "required": ["files"],
                "properties": {
                    "files": {
                        "type": "array",
                        "items": {"type": "string", "format": "binary"},
                        "description": "IMR letters: .pdf or .txt files",
                    }
                },
            }
        }
    },
}


@dataclass
class Results:
    """One upload's results: the records and rejects, and the names the user gave the files."""

    token: str
    batch: runs.LetterBatch
    names: dict[str, str]
    letters: list[LetterView] = field(default_factory=list)

    def rejects(self) -> list[dict[str, str]]:
        return [
            {"file": self.shown(r.file), "stage": r.stage, "reason": self.shown(r.reason)}
            for r in self.batch.rejects
        ]

    def shown(self, text: str) -> str:
        """`text` with the temporary paths of the uploads replaced by the users' names."""
        for written, name in self.names.items():
            if "/" in written:
                text = text.replace(written, name)
        return text


class ResultStore:
    """The last `size` uploads' results, by token (memory only; a restart forgets them)."""

    def __init__(self, size: int = KEPT_RESULTS) -> None:
        self.size = size
        self._kept: OrderedDict[str, Results] = OrderedDict()
        self._lock = threading.Lock()

    def add(self, results: Results) -> None:
        with self._lock:
            self._kept[results.token] = results
            while len(self._kept) > self.size:
                self._kept.popitem(last=False)

    def get(self, token: str) -> Results:
        with self._lock:
            found = self._kept.get(token)
        if found is None:
            raise HTTPException(404, "no such results: they are kept for the last "
                                f"{self.size} uploads and until the server restarts")  # fmt: skip
        return found


def _finite(value: Any) -> Any:
    """`value` with NaN and infinities as null: JSON has no numbers for them."""
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, dict):
        return {key: _finite(inner) for key, inner in value.items()}
    if isinstance(value, list):
        return [_finite(inner) for inner in value]
    return value


def _smoke_notice(models_dir: Path) -> str | None:
    from pipeline.modeling.artifacts import read_metadata, smoke_notice

    return smoke_notice(read_metadata(models_dir))


def allowed_hosts(host: str) -> list[str]:
    """The Host headers the app answers when it listens on `host`: on a loopback address only
    this computer's own names, so a web page elsewhere cannot reach it by rebinding a domain
    name to 127.0.0.1 (DNS rebinding); listening on another address, any."""
    loopback = {"127.0.0.1", "localhost", "::1", "[::1]"}
    return sorted(loopback | {host}) if host in loopback else ["*"]


def create_app(
    models_dir: Path,
    limits: UploadLimits | None = None,
    upload_root: Path | None = None,
    hosts: Sequence[str] = tuple(allowed_hosts("127.0.0.1")),
) -> FastAPI:
    """The app on the models in `models_dir`, verified and loaded here (ModelIntegrityError or
    FileNotFoundError when refused). Uploads go in temporary folders under `upload_root`
    (default: the system's temporary folder); requests naming another host than `hosts` are
    refused (400)."""
    models_dir = Path(models_dir)
    limits = limits or UploadLimits()
    runs.load_models(models_dir)
    sweep_uploads(upload_root)
    notice = _smoke_notice(models_dir)
    store = ResultStore()
    templates = Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=True)
    templates.globals.update(notice=notice, limits=limits.describe(), legend=LEGEND)

    app = FastAPI(
        title="imr serve",
        summary="IMR letters -> disputed items, decisions and the models' reading",
        description=__doc__,
    )
    app.add_middleware(TrustedHostMiddleware, allowed_hosts=list(hosts))
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")

    def page(name: str, status: int = 200, **values: Any) -> HTMLResponse:
        html = templates.get_template(name).render(**values)
        return HTMLResponse(html, status_code=status, headers=_PAGE_HEADERS)

    async def run_upload(request: Request) -> Results:
        """The request's letters -> their results, kept in the store. The upload folder is gone
        when this returns, whatever happened."""
        with upload_folder(upload_root) as folder:
            uploads = await receive_letters(
                request.headers.get("content-type"),
                request.headers.get("content-length"),
                request.stream(),
                folder,
                limits,
            )
            paths = [u.path for u in uploads]
            batch = await run_in_threadpool(runs.predict_letters, paths, models_dir)
        names = {str(u.path): u.name for u in uploads} | {u.path.name: u.name for u in uploads}
        results = Results(secrets.token_urlsafe(16), batch, names)
        results.letters = letter_views(batch.records, batch.problems, names)
        store.add(results)
        return results

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def upload_page() -> HTMLResponse:
        return page("upload.html")

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon() -> Response:
        return RedirectResponse("/static/icon.svg", status_code=301)

    @app.post("/letters", response_class=HTMLResponse, include_in_schema=False)
    async def upload_form(request: Request) -> Response:
        try:
            results = await run_upload(request)
        except UploadError as error:
            return page("error.html", error.status, message=error.message)
        return RedirectResponse(f"/results/{results.token}", status_code=303)

    @app.get("/results/{token}", response_class=HTMLResponse, include_in_schema=False)
    def results_page(token: str) -> HTMLResponse:
        results = store.get(token)
        return page("results.html", results=results, rejects=results.rejects(),
                    formats=list(FORMATS))  # fmt: skip

    @app.get("/results/{token}/letters/{number}", response_class=HTMLResponse,
             include_in_schema=False)  # fmt: skip
    def letter_page(token: str, number: int) -> HTMLResponse:
        results = store.get(token)
        if not 1 <= number <= len(results.letters):
            raise HTTPException(404, f"no letter {number} in these results")
        return page("letter.html", results=results, letter=results.letters[number - 1],
                    formats=list(FORMATS))  # fmt: skip

    @app.get("/results/{token}/items.{kind}", summary="The items of an upload as a file")
    def results_file(token: str, kind: str) -> Response:
        """The item records of an upload as JSONL, CSV or XLSX (as `imr predict --out`)."""
        if kind not in FORMATS:
            raise HTTPException(404, f"no such format: items.{', items.'.join(FORMATS)}")
        body = download(store.get(token).batch.records, kind)
        disposition = f'attachment; filename="imr-items-{token[:8]}.{kind}"'
        return Response(body, media_type=FORMATS[kind],
                        headers={"Content-Disposition": disposition})  # fmt: skip

    @app.post(
        "/api/letters",
        summary="Read letters: the item records `imr predict` writes",
        openapi_extra={"requestBody": _UPLOAD_BODY},
        responses={
            200: {"description": "At least one letter read; `rejects` lists the others"},
            400: {"description": "No file, an empty file or a malformed form"},
            413: {"description": "Too many files, or a file over the size limit"},
            415: {"description": "Not a multipart form, or a file that is not .pdf/.txt"},
            422: {"description": "No letter could be read: `rejects` says why"},
        },
    )
    async def api_letters(request: Request) -> JSONResponse:
        """Multipart `files` (.pdf or .txt letters) -> one record per disputed item, with the
        models' predictions, plus the files that could not be read and why."""
        try:
            results = await run_upload(request)
        except UploadError as error:
            return JSONResponse({"detail": error.message}, status_code=error.status)
        batch = results.batch
        body = {
            "items": batch.records,
            "rejects": results.rejects(),
            "problems": [{**p, "file": results.shown(str(p.get("file")))} for p in batch.problems],
            "inputs": batch.inputs,
            "parsed": batch.parsed,
            "smoke_test_models": notice is not None,
            "downloads": {kind: f"/results/{results.token}/items.{kind}" for kind in FORMATS},
        }
        return JSONResponse(_finite(body), status_code=200 if batch.parsed else 422)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, error: StarletteHTTPException) -> Response:
        if request.url.path.startswith("/api/"):
            return JSONResponse({"detail": error.detail}, status_code=error.status_code)
        return page("error.html", error.status_code, message=str(error.detail))

    return app
