"""`imr train`'s reason step: fit the reason classifier when a label file is given, else say the
reasons will come from the rule cues alone. Writes its scorers into the models staging folder
and returns its part of metadata.json."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from pipeline.core.io import file_sha256
from pipeline.modeling.reasons.assign import RULES_ONLY


def train_reasons(
    items: Sequence[dict[str, Any]], labels_file: Path | None, staging: Path
) -> tuple[dict[str, Any], list[str]]:
    """(metadata["reasons"], files written). Without labels, or when none of the training
    items is labelled, nothing is fitted and the metadata says the rule cues decide alone."""
    if labels_file is None:
        return {"mode": RULES_ONLY}, []
    from pipeline.modeling.reasons.labels import read_labels
    from pipeline.modeling.reasons.made_up import made_up_data
    from pipeline.modeling.reasons.made_up import source as made_up_source
    from pipeline.modeling.reasons.model import labelled_items, train_reason_model

    labels = read_labels(Path(labels_file))
    data = labelled_items(items, labels)
    source = {"labels_file": Path(labels_file).name, "labels_sha256": file_sha256(labels_file)}
    if len(set(data.groups)) < 5:  # too few letters for the grouped threshold choice
        return {"mode": f"rule cues only ({len(data)} of the training items are labelled in "
                        f"{Path(labels_file).name}: too few to fit a classifier)",
                **source}, []  # fmt: skip
    # the made-up rationales join the labelled letters (`made_up`: wording beyond theirs)
    model, _, meta = train_reason_model(data, made_up_data())
    names = model.save(staging)
    return {"mode": "rule cues + sentence classifier", **source, **made_up_source(), **meta}, names
