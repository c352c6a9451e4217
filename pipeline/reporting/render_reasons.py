"""The evaluation report's section on the denial reasons (metrics.json's "reasons": what
`pipeline.evaluation.reasons.evaluate_reasons` returns), as a `render.py` (title, parts)
section, and the per-code rows reasons.md shows too: one formatting of the same figures."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from pipeline.core.display_names import reason_label

Section = tuple[str, list[Any]]
TITLE = "Denial reasons (nested grouped CV by letter)"
HOW_TO = (
    "run `imr evaluate --reasons reasons.jsonl` (`make evaluate` passes REASONS_GOLD when "
    "the file exists)"
)
CODE_HEADER = ["reason", "code", "labelled items", "given", "precision", "recall", "F1"]


def figure(value: float | None, ci: Sequence[float | None] | None = None) -> str:
    """`0.804 [0.755, 0.844]`; `-` when undefined (a code never labelled nor given)."""
    if value is None or value != value:
        return "-"
    text = f"{value:.3f}"
    if ci and ci[0] is not None:
        text += f" [{ci[0]:.3f}, {ci[1]:.3f}]"
    return text


def _with_ci(block: Mapping[str, Any], key: str) -> str:
    return figure(block.get(key), block.get(f"{key}_ci"))


def code_rows(block: Mapping[str, Any]) -> list[list[Any]]:
    """Per code (codebook order), the items labelled with it, the items given it, and
    precision, recall and F1 with their intervals; codes neither labelled nor given left out."""
    rows = []
    for code, entry in block["per_code"].items():
        if not entry["support"] and not entry["predicted"]:
            continue
        rows.append([reason_label(code), code, entry["support"], entry["predicted"],
                     *(figure(entry[m], entry[f"{m}_ci"]) for m in ("precision", "recall",
                                                                     "f1"))])  # fmt: skip
    return rows


def reasons_section(m: Mapping[str, Any]) -> Section:
    """The section: the figures with their intervals and where they come from, or one line
    saying how to get them (never figures from another run)."""
    result = m.get("reasons")
    if not result:
        return TITLE, [f"Not measured in this run: {HOW_TO}."]
    if result.get("unavailable"):
        return TITLE, [f"Not measured in this run ({result['unavailable']}): {HOW_TO}."]
    fig = result["classifier"]
    parts: list[Any] = [
        f"Where these come from: {result['method']}. {result['n_items']} Upheld items of "
        f"{result['n_letters']} letters labelled with the codebook's codes (Overturned items "
        "carry none). The reason tagger (rule cues and sentence classifier) is refitted in each "
        "outer fold on its training letters only, so no letter is scored by a model that saw "
        "it; an item counts as right for a code when the code is among its labels. The same "
        "figures are in reasons.md and reasons.json beside this report.",
        f"Micro-F1 {_with_ci(fig, 'micro_f1')} (precision {_with_ci(fig, 'micro_precision')}, "
        f"recall {_with_ci(fig, 'micro_recall')}).",
        "The quoted sentence is one the labels name for the item: "
        f"{_with_ci(fig, 'quoted_labelled')} of the {fig['n_quoted']} reasons given (a shuffle's "
        "mean when the evaluation repeats its split); of the "
        f"{fig['n_quoted_correct_codes']} reasons "
        "whose code is labelled, the sentence labelled for that very code "
        f"{_with_ci(fig, 'quoted_labelled_same_code')}.",
        (CODE_HEADER, code_rows(fig)),
    ]
    rules = result.get("rules_only")
    if rules:
        parts.append(
            f"For comparison, the rule cues alone (no classifier, nothing fitted): micro-F1 "
            f"{_with_ci(rules, 'micro_f1')}, quoted sentence labelled "
            f"{_with_ci(rules, 'quoted_labelled')}."
        )
    return TITLE, parts


def summary_line(m: Mapping[str, Any]) -> str | None:
    """The console's line on the denial reasons, when they were evaluated."""
    fig = (m.get("reasons") or {}).get("classifier")
    if not fig:
        return None
    # within the console summary's width (render.CONSOLE_WIDTH)
    return (f"denial reasons: micro-F1 {_with_ci(fig, 'micro_f1')}, quoted sentence labelled "
            f"{_with_ci(fig, 'quoted_labelled')}")  # fmt: skip
