"""`imr serve`: a local web app on the trained models (FastAPI).

`app.py` (the app factory and its routes), `uploads.py` (multipart uploads streamed into one
temporary folder per request, with their limits), `runs.py` (the one adapter to the runner
`imr predict` uses), `views.py` (what the letter pages show), `downloads.py` (CSV / XLSX /
JSONL), `templates/` and `static/` (plain HTML and CSS; Jinja2 escapes every value).
"""
