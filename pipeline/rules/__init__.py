"""Rule files as data: one pydantic schema per kind (`schemas`), the one loader that validates
them (`files`), and one-scan matching of many regexes (`regex_set`). Used by ingest (landmarks)
and tagging (every component)."""
