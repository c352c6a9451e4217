"""Why was an item upheld: denial-reason codes, each with the sentence that states it.

The codebook is ../shared/REASONS.md (nine codes). The chain:

* `pipeline.tagging.reason_cues` (the tag stage) splits each rationale into the pipeline's
  sentences and marks the codebook's cues in their negation scope (`reason_sentences`);
* `model` (train only: scikit-learn) fits one balanced logistic regression per code on the
  sentences the labels name (TF-IDF word and character n-grams + the cue flags), chooses the
  probability threshold by grouped cross-validation on the training letters, and compiles
  each into a `LinearModel` (numpy only at predict time);
* `assign` (predict) scores an Upheld item's sentences and keeps, per code, its best sentence
  when it clears the threshold: `item["reasons"] = [{"code", "evidence", "start", "end",
  "probability"}]`, offsets into the item's `rationale`. Without a trained classifier (no
  label file at `imr train`) the cues alone decide and `probability` is None.
* `pipeline.evaluation.reasons` (not imported by predict) measures it: nested grouped CV by
  letter, bootstrap intervals by letter, `imr evaluate-reasons` -> reports/reasons.{json,md}.
"""

from __future__ import annotations

from pipeline.record.model import REASON_CODES  # the codebook's codes live with the record

CODES = REASON_CODES

OTHER = "other"
UPHELD = "Upheld"
