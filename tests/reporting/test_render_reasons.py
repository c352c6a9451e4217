"""The evaluation report's denial-reasons section: per-code precision/recall/F1, micro-F1 and
the quoted-sentence share, each with its interval, beside where they come from; one line saying
how to get them when this run did not measure them. A made-up reasons evaluation."""

from __future__ import annotations

import numpy as np
import pytest

from pipeline.core.display_names import MODEL_LABELS
from pipeline.reporting.metrics import score_block
from pipeline.reporting.render import CONSOLE_WIDTH, render_html, render_markdown
from pipeline.reporting.render_reasons import TITLE, code_rows, summary_line


def _entry(support: int, predicted: int, p: float, r: float, f: float) -> dict:
    return {"support": support, "predicted": predicted,
            "precision": p, "precision_ci": [p - 0.25, min(1.0, p + 0.1)],
            "recall": r, "recall_ci": [r - 0.2, min(1.0, r + 0.15)],
            "f1": f, "f1_ci": [f - 0.22, min(1.0, f + 0.12)]}  # fmt: skip


def _figures(micro: float) -> dict:
    nan = float("nan")
    return {
        "per_code": {
            "not_recommended": _entry(5, 4, 0.75, 0.6, 0.667),
            "criteria_not_met": _entry(3, 3, 1.0, 1.0, 1.0),
            "other": {"support": 0, "predicted": 0, "precision": nan, "precision_ci": [None, None],
                      "recall": nan, "recall_ci": [None, None], "f1": nan,
                      "f1_ci": [None, None]},  # fmt: skip
        },
        "micro_precision": 0.857, "micro_precision_ci": [0.7, 0.95],
        "micro_recall": 0.75, "micro_recall_ci": [0.6, 0.9],
        "micro_f1": micro, "micro_f1_ci": [micro - 0.1, micro + 0.05],
        "quoted_labelled": 0.8, "quoted_labelled_ci": [0.65, 0.95],
        "quoted_labelled_same_code": 0.7, "quoted_labelled_same_code_ci": [0.5, 0.9],
        "quoted_labelled_correct_codes": 0.9, "quoted_labelled_correct_codes_ci": [0.8, 1.0],
        "n_quoted": 10, "n_quoted_correct_codes": 8,
    }  # fmt: skip


REASONS = {
    "method": "nested grouped CV by letter: made-up method words",
    "n_items": 12,
    "n_letters": 6,
    "classifier": _figures(0.8),
    "rules_only": _figures(0.55),
}


def _metrics(**extra: object) -> dict:
    y, p = np.array([0, 1, 0, 1]), np.array([0.2, 0.7, 0.4, 0.9])
    block = {**score_block(y, p, 0.5), "per_category": [], "misclassified": [],
             "roc_auc_excluding_verdict_only_rationales": None}  # fmt: skip
    splits = ("held_out", "cross_validation")
    return {
        "setup": {"min_items_for_auc": 4},
        **{split: dict.fromkeys(MODEL_LABELS, block) for split in splits},
        "raw_vs_masked_roc_auc": {s: {"masked": 0.8, "raw_unmasked": 0.9} for s in splits},
        "leakage_sentinel": {"n_hits": 0, "n_items_checked": 4, "hits": []},
        "figures": {},
        **extra,
    }


def _section_md(markdown: str) -> str:
    part = markdown.split(f"## {TITLE}\n")[1]
    return part.split("\n## ")[0]


def test_each_figure_with_its_interval_in_markdown() -> None:
    section = _section_md(render_markdown(_metrics(reasons=REASONS)))
    assert "nested grouped CV by letter: made-up method words" in section  # where from
    assert "12 Upheld items of 6 letters" in section
    assert "Micro-F1 0.800 [0.700, 0.850] (precision 0.857 [0.700, 0.950]" in section
    assert "0.800 [0.650, 0.950] of the 10 reasons given" in section
    assert "that very code 0.700 [0.500, 0.900]" in section
    assert (
        "| not recommended by the guideline | not_recommended | 5 | 4 | 0.750 [0.500, 0.850] "
        "| 0.600 [0.400, 0.750] | 0.667 [0.447, 0.787] |" in section
    )
    assert "| the guideline's criteria are not met | criteria_not_met | 3 | 3 | 1.000" in section
    assert "| other " not in section  # neither labelled nor given: no row of dashes
    assert "rule cues alone (no classifier, nothing fitted): micro-F1 0.550 [0.450, 0.600]" in (
        section
    )


def test_each_figure_with_its_interval_in_html() -> None:
    html = render_html(_metrics(reasons=REASONS))
    section = html.split(f"<h2>{TITLE}</h2>")[1].split("<h2>")[0]
    assert (
        "<td>not recommended by the guideline</td><td>not_recommended</td><td>5</td><td>4</td>"
        "<td>0.750 [0.500, 0.850]</td><td>0.600 [0.400, 0.750]</td><td>0.667 [0.447, 0.787]</td>"
        in section
    )
    assert "Micro-F1 0.800 [0.700, 0.850]" in section
    assert "nested grouped CV by letter: made-up method words" in section


@pytest.mark.parametrize(
    ("extra", "why"),
    [({}, ""), ({"reasons": {"unavailable": "2 labelled letters: too few"}}, "2 labelled")],
)
def test_unavailable_says_how_to_get_it_in_one_line(extra: dict, why: str) -> None:
    metrics = _metrics(**extra)
    section = _section_md(render_markdown(metrics)).strip()
    assert section.startswith("Not measured in this run") and "\n" not in section
    assert "imr evaluate --reasons" in section and why in section
    assert "precision" not in section and "|" not in section  # no table, stale or empty
    html = render_html(metrics).split(f"<h2>{TITLE}</h2>")[1].split("<h2>")[0]
    assert html.count("<p>") == 1 and "<table>" not in html
    assert summary_line(metrics) is None


def test_console_line_and_rows() -> None:
    line = summary_line(_metrics(reasons=REASONS))
    assert line and "micro-F1 0.800 [0.700, 0.850]" in line and len(line) <= CONSOLE_WIDTH
    assert [row[1] for row in code_rows(REASONS["classifier"])] == [
        "not_recommended", "criteria_not_met"]  # fmt: skip
