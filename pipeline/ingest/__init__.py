"""Ingest: letter files (PDF/TXT) -> laid-out lines -> paragraphs -> letter and item records."""
