"""Render metrics.json into evaluation.md and evaluation.html from one list of sections."""

from __future__ import annotations

import html
import io
import shutil
from typing import Any

from pipeline.core.display_names import (
    CALL_METRIC_LABELS,
    METRIC_LABELS,
    MODEL_LABELS,
    category_label,
)
from pipeline.record.model import item_number
from pipeline.reporting.render_comparison import comparison_sections, with_interval
from pipeline.reporting.render_reasons import reasons_section

# The console summary fits the terminal, between these widths.
CONSOLE_WIDTH, NARROWEST_CONSOLE = 100, 80
SHORT_LABELS = {
    "reader": "Decision reader",
    "reasoning": "Reasoning (masked)",
    "reasoning_raw_text": "Reasoning, unmasked (reference)",
}
SPLITS = {"held_out": "Held-out letters", "cross_validation": "Grouped CV (development letters)"}

NOTES = [
    "Held-out letters were chosen before any fitting by a seeded SHA-256 of the case number "
    "within strata (0 / 1 / 2+ Overturned items); they were never used for fitting, model choice "
    "or thresholds. CV refits clones on StratifiedGroupKFold folds of the other letters.",
    "The decision reader reads the verdict sentences the masker finds (TF-IDF + a negation-aware "
    "polarity count). Its polarity rule was written while reading rationales across the whole "
    "corpus (held-out letters included), so its held-out figure checks the code, not an unseen "
    "phrasing distribution.",
    "The reasoning model never sees a verdict sentence (see the leakage sentinel). Its "
    "structured features that did not help under grouped CV (guideline chapters, session limits, "
    "prior-treatment counts) were left out by model choice; the table of candidates is below.",
    "Verdict-only rationales (an ancillary item denied because its surgery was: nothing is left "
    "after masking, and the letter cites no evidence) are all Upheld. The model may use that "
    "emptiness; the AUC without those items is shown as a sensitivity check.",
    "The reasoning model's sentence cue lexicon (reasoning_cues.json: deficit vs positive-"
    "finding sentences) and the masker rules were written by the developer after reading "
    "rationales across the corpus, and the cue features were added after a first grouped-CV "
    "run on the development letters; the grouped-CV figure is therefore somewhat optimistic and "
    "the held-out figure is the one to quote.",
    "The 'UNMASKED' reference refits the same pipeline with the raw rationale as its text input "
    "(its cue counts stay on the masked text), so it shows what the verdict sentences add.",
    "Probabilities are sigmoid-calibrated on grouped inner folds; the reasoning threshold is the "
    "training base rate (not tuned on any evaluation letter).",
]


def _fmt(value: Any) -> str:
    if value is None:
        return "n/a"
    if isinstance(value, float):
        return f"{value:.3f}"
    return str(value)


def _config_text(config: dict[str, Any]) -> str:
    """A reasoning configuration in words (never a printed dict)."""
    parts = [f"C = {config.get('C')}"]
    if "char_ngrams" in config:
        parts.append("character n-grams" if config["char_ngrams"] else "words only")
    if "structure" in config:
        parts.append(f"{config['structure']} structured features")
    return ", ".join(parts)


def _with(b: dict[str, Any], metric: str) -> str:
    """A metric with its bootstrap interval, when the block has one."""
    interval = (b.get("intervals") or {}).get(metric)
    return with_interval(interval) if interval else _fmt(b.get(metric))


def _without_verdict_only(b: dict[str, Any]) -> str:
    interval = b.get("roc_auc_excluding_verdict_only_interval")
    if interval:
        return with_interval(interval)
    return _fmt(b.get("roc_auc_excluding_verdict_only_rationales"))


def _category_accuracy(r: dict[str, Any]) -> str:
    """Accuracy with its Wilson interval, when the metrics have one."""
    if r.get("accuracy_low") is None:
        return _fmt(r["accuracy"])
    return f"{r['accuracy']:.3f} [{r['accuracy_low']:.3f}, {r['accuracy_high']:.3f}]"


def _category_sentence(rows: list[dict[str, Any]]) -> str:
    """Which categories the model does not beat always-Upheld in (on accuracy)."""
    behind = [
        f"{category_label(r['category'])} ({r['accuracy']:.3f} against "
        f"{r['always_upheld_accuracy']:.3f})"
        for r in rows
        if r.get("always_upheld_accuracy") is not None
        and r["accuracy"] <= r["always_upheld_accuracy"]
    ]
    if not behind:
        return "The model's accuracy beats always calling Upheld in every category."
    return (
        "The model does not beat always calling Upheld in: " + "; ".join(behind) + ". There "
        "its calls at the threshold are no better than calling every item Upheld (with this "
        "few items per category, the intervals are wide either way)."
    )


def _prior_sentences(m: dict[str, Any]) -> list[str]:
    """A sentence for each model and split where the model does not beat the base rate: the
    metrics on which it is worse (the paired interval of its advantage lies below 0) and those
    on which the two cannot be told apart (the interval holds 0)."""
    labels = {**METRIC_LABELS, **CALL_METRIC_LABELS}
    out = []
    for split in SPLITS:
        for name in MODEL_LABELS:
            vs = m[split][name].get("vs_prior") or {}
            defined = {k: e for k, e in vs.items() if e.get("value") is not None}
            worse = [labels.get(k, k) for k, e in defined.items() if e["reference_better"] is False]
            level = [labels.get(k, k) for k, e in defined.items() if e["reference_better"] is None]
            parts = []
            if worse:
                parts.append(f"worse on {', '.join(worse)}")
            if level:
                parts.append(f"not distinguishable on {', '.join(level)} (the interval holds 0)")
            if parts:
                out.append(
                    f"{MODEL_LABELS[name]}, {SPLITS[split]}: does not beat the base rate given "
                    f"to every item (for the calls: always Upheld): {'; '.join(parts)}."
                )
    return out


def _sections(m: dict[str, Any]) -> list[tuple[str, list[Any]]]:
    summary_rows = []
    for split in SPLITS:
        for name in MODEL_LABELS:
            b = m[split][name]
            summary_rows.append(
                [
                    SPLITS[split],
                    MODEL_LABELS[name],
                    b["n_items"],
                    b["n_overturned"],
                    _with(b, "roc_auc") + " (base 0.500)",
                    f"{_with(b, 'pr_auc')} (base {_fmt(b['pr_auc_baseline'])})",
                    _with(b, "balanced_accuracy") + " (majority 0.500)",
                    _with(b, "f1_overturned") + " (majority 0.000)",
                    _with(b, "recall_overturned") + " (majority 0.000)",
                    _with(b, "accuracy")
                    + f" (majority {_fmt(b['majority_baseline']['accuracy'])})",
                    f"{_with(b, 'brier')} (base {_fmt(b['brier_base_rate_predictor'])})",
                ]
            )
    summary = (
        [
            "split",
            "model",
            "items",
            "Overturned",
            "ROC AUC",
            "PR AUC",
            "bal. acc.",
            "F1 Overturned",
            "recall Overturned",
            "accuracy",
            "Brier",
        ],
        summary_rows,
    )
    raw_table = (
        [
            "split",
            "masked ROC AUC",
            "raw (unmasked) ROC AUC",
            "masked, without verdict-only items",
            "baseline (ranks nothing)",
        ],  # fmt: skip
        [
            [
                SPLITS[s],
                _with(m[s]["reasoning"], "roc_auc"),
                _with(m[s]["reasoning_raw_text"], "roc_auc"),
                _without_verdict_only(m[s]["reasoning"]),
                "0.500",
            ]
            for s in SPLITS
        ],
    )
    sentinel = m["leakage_sentinel"]
    sections: list[tuple[str, list[Any]]] = [
        *comparison_sections(m),
        (
            "Decision reader and reasoning model at their trained thresholds"
            if m.get("comparison")
            else "Summary",
            [
                summary,
                "Intervals: 95 % bootstrap by letter. Accuracy here is at each model's trained "
                "threshold (the reasoning model calls Overturned above the training base rate, "
                "which balances the two errors and so gives up accuracy to the majority call).",
                *_prior_sentences(m),
            ],
        ),
        ("Raw vs masked rationale (reasoning model)", [raw_table]),
        reasons_section(m),
        (
            "Leakage sentinel",
            [
                f"{sentinel['n_hits']} verdict phrases from the masker's own sentinel list found "
                f"in the masked text of {sentinel['n_items_checked']} items."
            ],
        ),
        (
            "Compiled scorers",
            [
                "`imr predict` runs the models compiled to plain numpy scorers (no scikit-learn "
                "at predict time); the held-out figures above come from them. Largest difference "
                "from the fitted scikit-learn pipelines on the held-out items: "
                + ", ".join(
                    f"{name} {diff:.1e}"
                    for name, diff in m.get("compiled_vs_fitted_max_abs_difference", {}).items()
                )
                + "."
            ],
        ),
        ("Notes", NOTES),
        ("Figures", [("img", k, v) for k, v in m["figures"].items()]),
    ]
    for split in SPLITS:
        for name in ("reader", "reasoning"):
            by_category = m[split][name]["per_category"]
            rows = [
                [
                    category_label(r["category"]),
                    r["n_items"],
                    r["n_overturned"],
                    _category_accuracy(r),
                    r.get("always_upheld_accuracy"),
                    r["mean_p_overturned"],
                    r.get("observed_share_overturned"),
                    r["roc_auc"],
                ]
                for r in by_category
            ]
            header = ["category", "items", "Overturned", "accuracy [95 % Wilson]",
                      "always Upheld (baseline)", "mean P(O)", "observed share O",
                      "ROC AUC (base 0.500)"]  # fmt: skip
            sections.append(
                (
                    f"Per category: {MODEL_LABELS[name]}, {SPLITS[split]}",
                    [
                        (header, rows),
                        _category_sentence(by_category),
                        "Accuracy is at the model's trained threshold; its interval is Wilson's "
                        "over the category's items. Mean P(O) is read against the observed "
                        f"share. ROC AUC n/a: fewer than "
                        f"{m['setup'].get('min_items_for_auc', '?')} items in the category, or "
                        "only one decision among them.",
                    ],
                )
            )
    for split in SPLITS:
        for name in ("reader", "reasoning"):
            rows = [
                [
                    e["case_number"],
                    None if e.get("issue_index") is None else item_number(e["issue_index"]),
                    e["item"],
                    e["stated"],
                    e["p_overturned"],
                    e["snippet"],
                ]
                for e in m[split][name]["misclassified"]
            ]
            sections.append(
                (
                    f"Misclassified: {MODEL_LABELS[name]}, {SPLITS[split]} ({len(rows)})",
                    [
                        (["case", "#", "item", "stated", "P(O)", "snippet"], rows),
                        "#: the item's number in its letter, from 1.",
                    ]
                    if rows
                    else ["none"],
                )
            )
    selection = m.get("model_selection", {}).get("results", [])
    if selection:
        sections.append(
            (
                "Model choice (reasoning, uncalibrated, grouped CV on development letters)",
                _selection_parts(selection),
            )
        )
    return sections


def _selection_parts(selection: list[dict[str, Any]]) -> list[Any]:
    """The candidates' CV ROC AUC with its interval beside chance (0.500), each one's
    difference from the chosen configuration, and sentences where the interval says more."""
    rows = []
    for r in selection:
        auc = r.get("cv_roc_auc_interval") or {"value": r["cv_roc_auc"]}
        vs = r.get("vs_chosen")
        rows.append(
            [
                _config_text(r["config"]),
                with_interval(auc),
                "0.500",
                "(chosen)" if r.get("chosen") else with_interval(vs, signed=True),
            ]
        )
    table = (
        [
            "configuration",
            "CV ROC AUC [95 % bootstrap by letter]",
            "chance (baseline)",
            "chosen minus this one",
        ],
        rows,
    )
    parts: list[Any] = [table]
    near = [
        _config_text(r["config"])
        for r in selection
        if (r.get("vs_chosen") or {}).get("reference_better") is None and r.get("vs_chosen")
    ]
    if near:
        parts.append(
            "Not distinguishable from the chosen configuration (the paired interval holds 0): "
            + "; ".join(near)
            + ". The choice among these is within the noise of "
            "the development letters."
        )
    at_chance = [
        _config_text(r["config"])
        for r in selection
        if (r.get("cv_roc_auc_interval") or {}).get("low") is not None
        and r["cv_roc_auc_interval"]["low"] <= 0.5
    ]
    if at_chance:
        parts.append("Does not beat chance (its interval reaches 0.500): " + "; ".join(at_chance))
    if not any(r.get("cv_roc_auc_interval") for r in selection):
        parts.append("No intervals: these figures were recorded at training only.")
    return parts


def summary_lines(m: dict[str, Any], width: int | None = None) -> list[str]:
    """The console summary: a table per split, each model beside the majority baseline, at
    most `width` (default: the terminal's, capped at CONSOLE_WIDTH) characters wide."""
    from rich import box
    from rich.console import Console
    from rich.table import Table

    if width is None:
        width = shutil.get_terminal_size((CONSOLE_WIDTH, 24)).columns
    width = max(NARROWEST_CONSOLE, min(width, CONSOLE_WIDTH))
    console = Console(
        file=io.StringIO(), width=width, color_system=None, highlight=False, emoji=False
    )
    comparison = m.get("comparison")
    if comparison:
        cv = comparison["cross_validation"]
        table = Table(
            title=f"Against simpler models, grouped CV over all {cv['n_letters']} letters "
            f"({cv['n_items']} items, {cv['n_overturned']} Overturned), 95 % bootstrap by letter",
            title_justify="left",
            box=box.SIMPLE_HEAD,
            pad_edge=False,
        )
        table.add_column("model", min_width=15, max_width=24)
        for header in METRIC_LABELS.values():
            table.add_column(header, justify="right", no_wrap=True)
        for name, by_metric in cv["models"].items():
            cells = [with_interval(by_metric[k]).replace(" [", "\n[") for k in METRIC_LABELS]
            table.add_row(comparison["labels"].get(name, name), *cells)
        console.print(table)
        for sentence in cv["verdicts"]:
            console.print(sentence, markup=False)
        console.print("")
    for split, title in SPLITS.items():
        first = next(iter(m[split].values()))
        table = Table(
            title=f"{title}: {first['n_items']} items, {first['n_overturned']} Overturned",
            title_justify="left",
            box=box.SIMPLE_HEAD,
            pad_edge=False,
        )
        table.add_column("model", min_width=15)
        for header in ("ROC\nAUC", "PR AUC\n(base)", "bal.\nacc.", "F1\n(O)", "Brier",
                       "acc.\n(majority)"):  # fmt: skip
            table.add_column(header, justify="right", no_wrap=True)
        for name, label in SHORT_LABELS.items():
            b = m[split][name]
            table.add_row(
                label,
                _fmt(b["roc_auc"]),
                f"{_fmt(b['pr_auc'])} ({_fmt(b['pr_auc_baseline'])})",
                _fmt(b["balanced_accuracy"]),
                _fmt(b["f1_overturned"]),
                _fmt(b["brier"]),
                f"{_fmt(b['accuracy'])} ({_fmt(b['majority_baseline']['accuracy'])})",
            )
        console.print(table)
    sentinel = m["leakage_sentinel"]
    console.print(
        f"leakage sentinel: {sentinel['n_hits']} hits in {sentinel['n_items_checked']} items"
    )
    return [line.rstrip() for line in console.file.getvalue().splitlines()]


def render_markdown(m: dict[str, Any]) -> str:
    """evaluation.md: the same sections as the HTML, with PNGs linked."""
    lines = ["# Outcome models: evaluation", ""]
    for title, parts in _sections(m):
        lines += [f"## {title}", ""]
        for part in parts:
            if isinstance(part, str):
                lines += [f"- {part}" if title == "Notes" else part, ""]
            elif isinstance(part, tuple) and part[0] == "img":
                lines += [f"![{part[1]}]({part[2]})", ""]
            else:
                header, rows = part
                lines.append("| " + " | ".join(header) + " |")
                lines.append("|" + "---|" * len(header))
                for row in rows:
                    cells = [_fmt(c).replace("|", "/").replace("\n", " ") for c in row]
                    lines.append("| " + " | ".join(cells) + " |")
                lines.append("")
    return "\n".join(lines)


def render_html(m: dict[str, Any]) -> str:
    """evaluation.html: self-contained page that links the PNGs under figures/."""
    out = [
        "<!doctype html><html><head><meta charset='utf-8'><title>IMR outcome models</title>",
        "<style>body{font-family:sans-serif;max-width:1200px;margin:auto}"
        "table{border-collapse:collapse;font-size:12px}td,th{border:1px solid #ccc;"
        "padding:3px 6px}img{max-width:48%;margin:4px}</style></head><body>",
        "<h1>Outcome models: evaluation</h1>",
    ]
    for title, parts in _sections(m):
        out.append(f"<h2>{html.escape(title)}</h2>")
        items = []
        for part in parts:
            if isinstance(part, str):
                items.append(f"<p>{html.escape(part)}</p>")
            elif isinstance(part, tuple) and part[0] == "img":
                src = html.escape(part[2])
                items.append(f"<img src='{src}' alt='{html.escape(part[1])}'>")
            else:
                header, rows = part
                cells = "".join(f"<th>{html.escape(h)}</th>" for h in header)
                body = "".join(
                    "<tr>" + "".join(f"<td>{html.escape(_fmt(c))}</td>" for c in row) + "</tr>"
                    for row in rows
                )
                items.append(f"<table><tr>{cells}</tr>{body}</table>")
        out += items
    out.append("</body></html>")
    return "\n".join(out)
