"""`imr serve`: a local web app on the trained models (FastAPI).

`app.py` (the app factory and its routes), `uploads.py` (multipart uploads streamed into one
temporary folder per request, with their limits), `runs.py` (the one adapter to the runner
`imr predict` uses), `views.py` (what the letter pages show), `downloads.py` (CSV / XLSX /
JSONL), `templates/` and `static/` (plain HTML and CSS; Jinja2 escapes every value).
"""

# Upload limits (`imr serve --max-files/--max-file-mb`): an IMR letter PDF is well under 1 MB,
# a scanned one a few MB.
MAX_UPLOAD_FILES = 20
MAX_UPLOAD_MB = 20.0
