"""Measuring the pipeline, behind the CLI: extraction scored against an answer key
(`scoring`, `imr score`) and the models' evaluation report (`report`, `imr evaluate`).
Never imported by extract, predict or report."""
