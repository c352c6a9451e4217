"""Measuring the pipeline, behind the CLI: extraction scored against an answer key
(`scoring`, `imr score`), the models' evaluation report (`report`, `imr evaluate`) and the
denial reasons' nested cross-validation (`reasons`, `imr evaluate-reasons`).
Never imported by extract, predict or report."""
