"""Score the trained reason tagger on made-up rationales it never learned from.

`python -m tools.reasons_blind [FILE.jsonl] [--models models] [--show]`

The default file, `made_up_blind.jsonl` beside this module, holds 240 made-up Upheld rationales
with their reasons, written from the codebook alone (../shared/REASONS.md) by two writers who
saw no letter, no label, no code and none of the made-up training rationales
(`pipeline/modeling/reasons/made_up_examples.jsonl`). It is never used in fitting or tuning:
what the figures say is how the reasons read wording other than the letters' own. Each item
is tagged and given its reasons exactly as `imr predict` does, then scored as the nested
evaluation scores the letters: item-level codes (micro and per-code F1) and how often the
quoted sentence is one the labels name, with intervals from resampling items (the
evaluation's `letter_counts` and `figures`). Rows as `made_up.read_made_up` reads them.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import numpy as np

from pipeline.config import MODELS_DIR
from pipeline.evaluation.reasons import figures, letter_counts
from pipeline.modeling.loaded import loaded_models, loaded_nlp
from pipeline.modeling.reasons import CODES
from pipeline.modeling.reasons.made_up import made_up_data
from pipeline.modeling.reasons.model import assign_all
from pipeline.modeling.reasons.sentences import feature_row
from pipeline.reporting.render_reasons import CODE_HEADER, code_rows, figure

BLIND_FILE = Path(__file__).with_name("made_up_blind.jsonl")


def score(path: Path, models: Path, show: bool = False) -> str:
    """The figures, counted and bootstrapped (by item) as the nested evaluation's."""
    data = made_up_data(path, loaded_nlp(models))
    reasons = loaded_models(models).reasons
    matrix = np.zeros((sum(len(group) for group in data.sentences), len(CODES)))
    matrix[:, [CODES.index(code) for code in reasons.codes]] = reasons.probabilities(
        [feature_row(s) for group in data.sentences for s in group]
    )
    picks = assign_all(matrix, data, reasons.thresholds, reasons.floor)
    result = figures(letter_counts(data, picks))
    out = []
    if show:
        for key, label, given in zip(data.keys, data.labels, picks, strict=True):
            codes = {code for code, _, _ in given}
            if codes != label.codes:
                out.append(f"{key[0]}: labelled {sorted(label.codes)}, given {sorted(codes)}")
    micro = figure(result["micro_f1"], result["micro_f1_ci"])
    quoted = figure(result["quoted_labelled"], result["quoted_labelled_ci"])
    out.append(f"{len(data)} made-up Upheld items ({path.name}): micro-F1 {micro}; quoted "
               f"sentence a labelled one {quoted}")  # fmt: skip
    out.append(" | ".join(CODE_HEADER))
    out += [" | ".join(str(cell) for cell in row) for row in code_rows(result)]
    return "\n".join(out)


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("file", nargs="?", type=Path, default=BLIND_FILE)
    parser.add_argument("--models", type=Path, default=MODELS_DIR)
    parser.add_argument("--show", action="store_true", help="list the items read differently")
    args = parser.parse_args()
    print(score(args.file, args.models, args.show))


if __name__ == "__main__":
    main()
