"""Corpus report (`imr report`): what a folder of letters says, in the tables DWC and CWCI
publish, plus a readable page for every letter.

Modules: `stats` (Wilson
intervals, quantiles of counted values), `drugs` + `drug_classes.json` (drug class of a
pharmaceutical item), `rows` (the tidy per-item table), `aggregate` (the tables, incremental),
`spans` (the tagged spans of each text, recorded while tagging), `html` / `svg` / `pages` /
`report_page` (HTML), `run` (streaming: parse, tag, predict and render a letter page in the
workers; write rows and aggregate in the main process), `command` (the CLI's body).

The visit-cap check it tabulates is the tag stage's (`pipeline.tagging.visit_cap`).
"""
