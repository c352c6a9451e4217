"""Measure the reason tagger: nested grouped CV by letter, bootstrap intervals by letter.

Outer folds: GroupKFold(5) by letter over the labelled Upheld items, repeated over three
shuffles of the letters (`REPEATS`: over seven shuffles, one split's micro-F1 spread over 3.8
points and its quoted share over 2.9). In each, C and the per-code thresholds are chosen by an
inner GroupKFold(5) on the outer training letters and the made-up items (`extra`,
`reasons.made_up`; each at its weight: `model.choose_settings`), the classifiers are fitted on
them, and the test letters are tagged as `imr predict` would tag them (`model.assign_all`).
Nothing about a test letter is fitted or chosen on before it is scored. (The made-up items'
weight and whether to use them were decided by looking at this evaluation's figures:
docs/evaluation.md says how.)

Reported, from each letter's counts averaged over the repeats, each with a 95 % percentile
interval from resampling letters (1,000 draws):
per-code precision, recall and F1 (item level: is the code among the item's labels), micro-F1,
and how often the quoted sentence is one the labels name for the item: of every reason given
(`quoted_labelled`), and of the reasons whose code is labelled, a labelled sentence of any
code (`quoted_labelled_correct_codes`) or of that very code (`quoted_labelled_same_code`). The
rule cues alone (no classifier) are scored the same way, for comparison.

Not imported by predict: `imr evaluate-reasons` -> reports/reasons.{json,md}; `imr evaluate
--reasons` runs the same evaluation once, writes the same two files and puts the result in
metrics.json's "reasons" for the evaluation report.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from pipeline.config import RANDOM_SEED
from pipeline.modeling.reasons import CODES, OTHER
from pipeline.modeling.reasons.assign import cue_probabilities
from pipeline.modeling.reasons.labels import quoted_is_labelled
from pipeline.modeling.reasons.model import (
    LabelledItems,
    assign_all,
    choose_settings,
    fit_pipelines,
    grouped_splits,
    probabilities,
)
from pipeline.reporting.render_reasons import CODE_HEADER, code_rows, figure

OUTER_FOLDS = 5
# Outer splits, each shuffling the letters with the next seed from the project's: every letter
# is scored once per repeat, and its counts are averaged over the repeats.
REPEATS = 3
N_BOOTSTRAP = 1000
Picks = list[tuple[str, int, float]]


def labelled_data(items: Sequence[Mapping[str, Any]], labels: Path) -> LabelledItems:
    """The tagged items (records of the tagged items table) that the reason labels in `labels`
    call Upheld, ready for `evaluate_reasons`. Raises ValueError (ReasonLabelsError) saying
    why when the file is missing or malformed."""
    from pipeline.modeling.reasons.labels import read_labels
    from pipeline.modeling.reasons.model import labelled_items

    if not Path(labels).is_file():
        raise ValueError(f"--reasons {labels}: no such file")
    return labelled_items(items, read_labels(labels))


def too_few_letters(data: LabelledItems, folds: int = OUTER_FOLDS) -> str | None:
    """Why the labelled items cannot be evaluated with `folds` outer folds, or None."""
    letters = len(set(data.groups))
    if letters < folds:
        return f"{letters} labelled letters among the tagged ones: too few for {folds} folds"
    return None


def nested_cv(
    data: LabelledItems,
    folds: int = OUTER_FOLDS,
    extra: LabelledItems | None = None,
    seed: int = RANDOM_SEED,
) -> tuple[list[Picks], list[dict]]:
    """Each item's assigned (code, sentence, probability), from the outer fold that held its
    letter out (letters shuffled with `seed`); and per fold its letters, items and
    inner-chosen threshold. `extra` (the made-up items, `reasons.made_up`) joins every
    training part and is never scored."""
    chosen: list[Picks] = [[] for _ in range(len(data))]
    record = []
    for number, (train, test) in enumerate(grouped_splits(data.groups, folds, seed)):
        training, testing = data.subset(train), data.subset(test)
        if extra is not None:
            training = training + extra
        settings = choose_settings(training)
        matrix = probabilities(fit_pipelines(training, settings["C"]), testing)
        picks_of = assign_all(matrix, testing, settings["thresholds"])
        for i, picks in zip(test, picks_of, strict=True):
            chosen[i] = picks
        record.append({"fold": number, "test_letters": len(set(testing.groups)),
                       "test_items": len(testing), "C": settings["C"],
                       "thresholds": settings["thresholds"]})  # fmt: skip
    return chosen, record


def repeated_cv(
    data: LabelledItems,
    folds: int = OUTER_FOLDS,
    extra: LabelledItems | None = None,
    repeats: int = REPEATS,
) -> tuple[list[list[Picks]], list[dict]]:
    """`nested_cv` once per repeat (seeds RANDOM_SEED, +1, ...): per repeat, each item's
    picks; and every fold's record, with its repeat."""
    runs, record = [], []
    for repeat in range(repeats):
        chosen, folds_of = nested_cv(data, folds, extra, RANDOM_SEED + repeat)
        runs.append(chosen)
        record += [{"repeat": repeat, **fold} for fold in folds_of]
    return runs, record


def averaged_counts(data: LabelledItems, runs: Sequence[Sequence[Picks]]) -> dict[str, Any]:
    """`letter_counts` of each run, averaged (every run scores every letter once)."""
    counts = [letter_counts(data, chosen) for chosen in runs]
    return {"letters": counts[0]["letters"],
            **{key: sum(c[key] for c in counts) / len(counts)
               for key in ("tp", "fp", "fn", "quoted")}}  # fmt: skip


def rules_only(data: LabelledItems) -> list[Picks]:
    """What models trained without labels give: the cues alone (nothing fitted)."""
    codes = [c for c in CODES if c != OTHER]
    out = []
    for group in data.sentences:
        block = cue_probabilities(group, codes)
        full = np.zeros((len(group), len(CODES)))
        full[:, [CODES.index(c) for c in codes]] = block
        out.append(full)
    matrix = np.vstack(out) if out else np.zeros((0, len(CODES)))
    return assign_all(matrix, data, 0.5, floor=0.5)


def letter_counts(data: LabelledItems, chosen: Sequence[Picks]) -> dict[str, Any]:
    """Per letter: tp/fp/fn per code and the quoted-sentence counts, for the bootstrap."""
    letters = sorted(set(data.groups))
    row = {letter: i for i, letter in enumerate(letters)}
    shape = (len(letters), len(CODES))
    tp, fp, fn = np.zeros(shape), np.zeros(shape), np.zeros(shape)
    # labelled, quoted, same-code labelled, correct codes, any-code labelled on correct codes
    quoted = np.zeros((len(letters), 5))
    for i, picks in enumerate(chosen):
        r, labels = row[data.groups[i]], data.labels[i]
        predicted = {code for code, _, _ in picks}
        for j, code in enumerate(CODES):
            tp[r, j] += code in predicted and code in labels.codes
            fp[r, j] += code in predicted and code not in labels.codes
            fn[r, j] += code not in predicted and code in labels.codes
        for code, s, _ in picks:
            text = data.sentences[i][s]["text"]
            quoted[r, 0] += quoted_is_labelled(text, labels)
            quoted[r, 1] += 1
            if code in labels.codes:
                quoted[r, 2] += quoted_is_labelled(text, labels, code)
                quoted[r, 3] += 1
                quoted[r, 4] += quoted_is_labelled(text, labels)
    return {"letters": letters, "tp": tp, "fp": fp, "fn": fn, "quoted": quoted}


def _scores(tp: np.ndarray, fp: np.ndarray, fn: np.ndarray, quoted: np.ndarray) -> dict:
    """Figures from summed counts (tp/fp/fn per code, quoted totals)."""

    def ratio(a: float, b: float) -> float:
        return float(a / b) if b else float("nan")

    out: dict[str, Any] = {"per_code": {}}
    for j, code in enumerate(CODES):
        p, r = ratio(tp[j], tp[j] + fp[j]), ratio(tp[j], tp[j] + fn[j])
        out["per_code"][code] = {"precision": p, "recall": r,
                                 "f1": ratio(2 * tp[j], 2 * tp[j] + fp[j] + fn[j])}  # fmt: skip
    t, f_p, f_n = tp.sum(), fp.sum(), fn.sum()
    out["micro_precision"] = ratio(t, t + f_p)
    out["micro_recall"] = ratio(t, t + f_n)
    out["micro_f1"] = ratio(2 * t, 2 * t + f_p + f_n)
    out["quoted_labelled"] = ratio(quoted[0], quoted[1])
    out["quoted_labelled_same_code"] = ratio(quoted[2], quoted[3])
    out["quoted_labelled_correct_codes"] = ratio(quoted[4], quoted[3])
    return out


def count(value: float) -> int | float:
    """A count for the reports: whole, or (a mean over the repeats) to one decimal, never
    rounded to a whole number that would hide a code given once in three repeats."""
    whole = int(round(float(value)))
    return whole if abs(float(value) - whole) < 1e-9 else round(float(value), 1)


def figures(
    counts: dict[str, Any], n_boot: int = N_BOOTSTRAP, seed: int = RANDOM_SEED
) -> dict[str, Any]:
    """Point figures and 95 % percentile intervals from resampling letters."""
    tp, fp, fn, quoted = counts["tp"], counts["fp"], counts["fn"], counts["quoted"]
    point = _scores(tp.sum(0), fp.sum(0), fn.sum(0), quoted.sum(0))
    rng = np.random.default_rng(seed)
    n = tp.shape[0]
    draws = []
    for _ in range(n_boot):
        pick = rng.integers(0, n, n)
        draws.append(_scores(tp[pick].sum(0), fp[pick].sum(0), fn[pick].sum(0),
                             quoted[pick].sum(0)))  # fmt: skip

    def interval(get: Any) -> list[float | None]:
        values = np.array([get(d) for d in draws], dtype=float)
        values = values[~np.isnan(values)]
        if not len(values):
            return [None, None]
        return [float(np.percentile(values, 2.5)), float(np.percentile(values, 97.5))]

    out: dict[str, Any] = {"per_code": {}}
    support = (tp + fn).sum(0)
    predicted = (tp + fp).sum(0)
    for j, code in enumerate(CODES):
        entry: dict[str, Any] = {"support": count(support[j]), "predicted": count(predicted[j])}
        for name in ("precision", "recall", "f1"):
            entry[name] = point["per_code"][code][name]
            entry[f"{name}_ci"] = interval(lambda d, c=code, m=name: d["per_code"][c][m])
        out["per_code"][code] = entry
    for name in ("micro_precision", "micro_recall", "micro_f1", "quoted_labelled",
                 "quoted_labelled_same_code", "quoted_labelled_correct_codes"):  # fmt: skip
        out[name] = point[name]
        out[f"{name}_ci"] = interval(lambda d, m=name: d[m])
    out["n_quoted"] = count(quoted[:, 1].sum())
    out["n_quoted_correct_codes"] = count(quoted[:, 3].sum())
    return out


def evaluate_reasons(
    data: LabelledItems,
    folds: int = OUTER_FOLDS,
    extra: LabelledItems | None = None,
    repeats: int = REPEATS,
) -> dict[str, Any]:
    """The whole evaluation as one JSON-ready dict; `extra` as in `nested_cv` (`imr train`
    fits on the made-up items too, so its evaluation passes them: `made_up.made_up_data()`)."""
    runs, record = repeated_cv(data, folds, extra, repeats)
    aligned = sum(bool(t) for group in data.targets for t in group)
    labelled = sum(len(label.evidence) for label in data.labels)
    found = sum(len({text for text in label.evidence
                     if any(text == s["text"] or text in s["text"] for s in group)})
                for label, group in zip(data.labels, data.sentences, strict=True))  # fmt: skip
    return {
        "method": (
            f"nested grouped CV by letter: GroupKFold({folds}) outer, repeated over {repeats} "
            "shuffles of the letters (each letter's counts averaged over them); C and per-code "
            "thresholds chosen by GroupKFold(5) on each outer training part only; 95 % "
            f"intervals from {N_BOOTSTRAP} bootstrap resamples of letters"
            + (
                f"; {len(extra)} made-up rationales added to every training part, never scored"
                if extra is not None
                else ""
            )
        ),  # fmt: skip
        "n_items": len(data),
        "n_letters": len(set(data.groups)),
        "n_sentences": sum(len(g) for g in data.sentences),
        "labelled_sentences_matched": aligned,
        "labelled_evidence": labelled,
        "labelled_evidence_found_whole": found,
        "folds": record,
        "classifier": figures(averaged_counts(data, runs)),
        "rules_only": figures(letter_counts(data, rules_only(data))),
    }


def markdown(result: dict[str, Any], command: str = "") -> str:
    """reports/reasons.md: the figures as tables."""
    lines = ["# Denial reasons: evaluation", "", result["method"] + ".", ""]
    if command:
        lines += [f"Made by `{command}`.", ""]
    lines += [f"{result['n_items']} labelled Upheld items of {result['n_letters']} letters, "
              f"{result['n_sentences']} sentences; {result['labelled_evidence_found_whole']} of "
              f"{result['labelled_evidence']} labelled evidence sentences are within one "
              "pipeline sentence.", ""]  # fmt: skip
    lines += ["Chosen inside each outer fold's training letters (C; threshold per code):", ""]
    for fold in result["folds"]:
        cuts = ", ".join(f"{code} {t:.2f}" for code, t in fold["thresholds"].items())
        lines.append(f"- repeat {fold['repeat']}, fold {fold['fold']}: C {fold['C']:g}; {cuts}")
    lines.append("")
    titles = {"classifier": "Rule cues + sentence classifier",
              "rules_only": "Rule cues alone (models trained without labels)"}  # fmt: skip
    for name, title in titles.items():
        fig = result[name]

        def f(key: str, fig: dict = fig) -> str:
            return figure(fig[key], fig[f"{key}_ci"])

        lines += [
            f"## {title}",
            "",
            f"- micro-F1 {f('micro_f1')} (precision {f('micro_precision')}, "
            f"recall {f('micro_recall')})",
            f"- quoted sentence is a labelled one: {f('quoted_labelled')} of all "
            f"{fig['n_quoted']} reasons given (counts are a shuffle's mean);",
            f"  of the {fig['n_quoted_correct_codes']} reasons with a labelled code: a labelled "
            f"sentence {f('quoted_labelled_correct_codes')}, the one labelled for that very "
            f"code {f('quoted_labelled_same_code')}",
            "",
            "| " + " | ".join(CODE_HEADER) + " |",
            "|---|---|---:|---:|---|---|---|",
        ]
        lines += ["| " + " | ".join(str(c) for c in row) + " |" for row in code_rows(fig)]
        lines.append("")
    return "\n".join(lines)


def write_reports(result: dict[str, Any], reports: Path, command: str = "") -> list[Path]:
    from pipeline.core.io import atomic_path, dump_json

    reports = Path(reports)
    reports.mkdir(parents=True, exist_ok=True)
    dump_json(result, reports / "reasons.json")
    with atomic_path(reports / "reasons.md") as temporary:
        Path(temporary).write_text(markdown(result, command), encoding="utf-8")
    return [reports / "reasons.json", reports / "reasons.md"]
