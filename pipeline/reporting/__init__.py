"""Evaluation reports: metrics, plots, Markdown/HTML writers."""
