"""Made-up labelled rationales that widen the reason classifier's wording (train and evaluate).

The 244 labelled dev items come from 113 letters whose reviewers reuse their own phrasings, so a
classifier fitted on them alone learns those phrasings: on rationales written by someone else it
finds fewer of the grounds (see docs/evaluation.md). `made_up_examples.jsonl`, beside this file,
holds rationales written from the codebook alone (../shared/REASONS.md) by writers who saw no
letter, no label and no code, each row `{"id", "treatment", "rationale", "reasons": [{"code",
"evidence"}]}`. They are tagged by the same pipeline as the letters and join every *training*
part: `imr train` fits on them with the labelled letters, and the nested evaluation adds them to
each outer training part, never to a part it scores. No letter text is in them.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from pipeline.core.io import file_sha256
from pipeline.modeling.reasons import CODES, UPHELD
from pipeline.modeling.reasons.labels import ItemLabels, ReasonLabelsError
from pipeline.modeling.reasons.model import LabelledItems, labelled_items
from pipeline.modeling.reasons.sentences import collapse

MADE_UP_FILE = Path(__file__).with_name("made_up_examples.jsonl")
# A made-up item weighs half a letter's item, in the fit and in the choice of C and thresholds,
# so the letters' own wording and their labeller's choice of evidence sentence keep the lead.
# Chosen on the nested CV of the labelled letters (docs/evaluation.md): at 1.0 one code fell
# below F1 0.70 and the quoted sentence was a labelled one less often.
MADE_UP_WEIGHT = 0.5
# Each made-up item is a letter of its own (a group of one in the grouped folds).
CASE_PREFIX = "MADE-UP-"
# A guideline line of the usual form: the rationale is what matters, the citation is parsed only
GUIDELINE_LINE = "Decision based on MTUS Chronic Pain Medical Treatment 2016, Section(s): Made up."


def read_made_up(path: Path = MADE_UP_FILE) -> list[dict[str, Any]]:
    """The file's rows; ReasonLabelsError naming the line of a malformed one (an unknown code,
    or evidence that is not in its rationale)."""
    rows = []
    for number, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            rationale, reasons = str(row["rationale"]), list(row["reasons"])
            pairs = [(str(r["code"]), str(r["evidence"])) for r in reasons]
            _ = str(row["id"]), str(row["treatment"])
        except (ValueError, KeyError, TypeError) as error:
            raise ReasonLabelsError(f"{path}, line {number}: {error!r}") from None
        for code, evidence in pairs:
            if code not in CODES:
                raise ReasonLabelsError(f"{path}, line {number}: unknown code {code!r}")
            if collapse(evidence) not in collapse(rationale):
                raise ReasonLabelsError(f"{path}, line {number}: evidence not in the rationale")
        rows.append(row)
    return rows


def as_records(rows: Sequence[dict[str, Any]]) -> tuple[list[dict], list[dict], dict]:
    """(items, letters, labels) in the shapes ingest and `labels.read_labels` give."""
    items, letters, labels = [], [], {}
    for row in rows:
        case = f"{CASE_PREFIX}{row['id']}"
        items.append({"case_number": case, "issue_index": 0, "decision": UPHELD,
                      "disputed_item": row["treatment"], "request_text": row["treatment"],
                      "rationale": row["rationale"],
                      "claims_admin_guideline_text": GUIDELINE_LINE,
                      "maximus_guideline_text": GUIDELINE_LINE})  # fmt: skip
        letters.append({"case_number": case, "clinical_case_summary": ""})
        labels[(case, 0)] = ItemLabels(UPHELD, tuple((str(r["code"]), collapse(str(r["evidence"])))
                                                     for r in row["reasons"]))  # fmt: skip
    return items, letters, labels


def made_up_data(path: Path = MADE_UP_FILE, nlp: Any = None) -> LabelledItems:
    """The made-up items tagged by the pipeline (`nlp`, default the package's), labelled and
    weighted (MADE_UP_WEIGHT)."""
    from pipeline.tagging import tag_records

    items, letters, labels = as_records(read_made_up(path))
    tags, _ = tag_records(items, letters, nlp)
    tagged = [{**item, **tag} for item, tag in zip(items, tags, strict=True)]
    return labelled_items(tagged, labels).weighted(MADE_UP_WEIGHT)


def source(path: Path = MADE_UP_FILE) -> dict[str, Any]:
    """What metadata.json records of the made-up file a model was fitted with (how many of its
    items: `n_extra_items`, counted where they are fitted)."""
    return {"made_up_file": Path(path).name, "made_up_sha256": file_sha256(path),
            "made_up_weight": MADE_UP_WEIGHT}  # fmt: skip
