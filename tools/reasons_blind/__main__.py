"""Score the trained reason tagger on made-up rationales it never learned from.

`python -m tools.reasons_blind [FILE.jsonl] [--models models] [--show]`

The default file, `made_up_blind.jsonl` beside this module, holds 240 made-up Upheld rationales
with their reasons, written from the codebook alone (../shared/REASONS.md) by two writers who
saw no letter, no label, no code and none of the made-up training rationales
(`pipeline/modeling/reasons/made_up_examples.jsonl`). It is never used in fitting or tuning:
what the figures say is how the reasons read wording other than the letters' own. Each item
is tagged and given its reasons exactly as `imr predict` does, then scored as the nested
evaluation scores the letters: item-level codes (micro and per-code F1) and how often the
quoted sentence is one the labels name. Rows are read by `made_up.read_made_up` (same format).
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

from pipeline.config import MODELS_DIR
from pipeline.modeling.loaded import loaded_models, loaded_nlp
from pipeline.modeling.reasons import CODES
from pipeline.modeling.reasons.assign import assign_reasons
from pipeline.modeling.reasons.labels import quoted_is_labelled
from pipeline.modeling.reasons.made_up import as_records, read_made_up
from pipeline.tagging import tag_records

BLIND_FILE = Path(__file__).with_name("made_up_blind.jsonl")


def score(path: Path, models: Path, show: bool = False) -> str:
    items, letters, labels = as_records(read_made_up(path))
    tags, _ = tag_records(items, letters, loaded_nlp(models))
    tagged = [{**item, **tag} for item, tag in zip(items, tags, strict=True)]
    given = assign_reasons(tagged, loaded_models(models).reasons)
    tp, fp, fn = Counter(), Counter(), Counter()
    quoted = labelled = 0
    out = []
    for item, reasons in zip(tagged, given, strict=True):
        label = labels[(item["case_number"], 0)]
        codes = {r["code"] for r in reasons}
        tp.update(codes & label.codes)
        fp.update(codes - label.codes)
        fn.update(label.codes - codes)
        quoted += len(reasons)
        labelled += sum(quoted_is_labelled(r["evidence"], label) for r in reasons)
        if show and codes != label.codes:
            out.append(f"{item['case_number']}: labelled {sorted(label.codes)}, given "
                       f"{sorted(codes)}")  # fmt: skip
    t, f_p, f_n = sum(tp.values()), sum(fp.values()), sum(fn.values())
    out.append(f"{len(items)} made-up Upheld items ({path.name}): micro-F1 "
               f"{2 * t / (2 * t + f_p + f_n):.3f} (precision {t / (t + f_p):.3f}, recall "
               f"{t / (t + f_n):.3f}); quoted sentence a labelled one {labelled}/{quoted} = "
               f"{labelled / quoted:.3f}")  # fmt: skip
    for code in CODES:
        n = 2 * tp[code] + fp[code] + fn[code]
        f1 = f"{2 * tp[code] / n:.3f}" if n else "-"
        out.append(f"  {code:26s} labelled {tp[code] + fn[code]:3d}  given "
                   f"{tp[code] + fp[code]:3d}  F1 {f1}")  # fmt: skip
    return "\n".join(out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", nargs="?", type=Path, default=BLIND_FILE)
    parser.add_argument("--models", type=Path, default=MODELS_DIR)
    parser.add_argument("--show", action="store_true", help="list the items read differently")
    args = parser.parse_args()
    print(score(args.file, args.models, args.show))


if __name__ == "__main__":
    main()
