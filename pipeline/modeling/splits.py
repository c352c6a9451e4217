"""Letter-level splits: a fixed held-out quarter and grouped, stratified folds on the rest.

Items of one letter share a reviewer, a patient and often sentences, so every split is by
case_number. The held-out letters are chosen by a seeded SHA-256 of the case number within each
stratum ("letter has an Overturned item"), so the choice does not depend on row order and is the
same on every machine and every run.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

import numpy as np
from sklearn.model_selection import StratifiedGroupKFold

from pipeline.config import RANDOM_SEED
from pipeline.features.table import letter_strata

HOLDOUT_FRACTION = 0.25
N_FOLDS = 5


def stable_hash(case_number: str, seed: int = RANDOM_SEED) -> str:
    """Seeded SHA-256 hex digest of a case number (machine- and order-independent)."""
    return hashlib.sha256(f"{seed}:{case_number}".encode()).hexdigest()


def holdout_cases(
    case_numbers: Sequence[str],
    y: np.ndarray,
    fraction: float = HOLDOUT_FRACTION,
    seed: int = RANDOM_SEED,
) -> set[str]:
    """The held-out letters: `fraction` of each stratum, lowest hashes first.

    Strata are "no / one / several Overturned items" so that the few letters holding many
    Overturned items cannot all land on one side (the held-out share of Overturned *items* then
    stays near `fraction` too); the binary "has an Overturned item" split is a coarsening of it.
    """
    strata = overturned_buckets(case_numbers, y)
    chosen: set[str] = set()
    for stratum in sorted(set(strata.values())):
        cases = sorted(
            (c for c, s in strata.items() if s == stratum), key=lambda c: stable_hash(c, seed)
        )
        chosen.update(cases[: int(round(fraction * len(cases)))])
    return chosen


def overturned_buckets(case_numbers: Sequence[str], y: np.ndarray) -> dict[str, int]:
    """case_number -> 0, 1 or 2 (= two or more) Overturned items in the letter."""
    counts: dict[str, int] = {}
    for case, label in zip(case_numbers, y, strict=True):
        counts[str(case)] = counts.get(str(case), 0) + int(label)
    return {case: min(count, 2) for case, count in counts.items()}


def grouped_folds(
    case_numbers: Sequence[str],
    y: np.ndarray,
    n_splits: int = N_FOLDS,
    seed: int = RANDOM_SEED,
) -> list[tuple[np.ndarray, np.ndarray]]:
    """StratifiedGroupKFold by letter, stratified on "letter has an Overturned item".

    Rows are visited in a canonical order (sorted by case number, then position) so the folds do
    not depend on how the caller ordered the table.
    """
    cases = np.asarray([str(c) for c in case_numbers])
    strata = letter_strata(cases, y)
    letter_y = np.asarray([strata[c] for c in cases])
    n_splits = max(2, min(n_splits, int(min(np.bincount(list(strata.values()), minlength=2)))))
    order = np.lexsort((np.arange(len(cases)), cases))
    splitter = StratifiedGroupKFold(n_splits=n_splits, shuffle=True, random_state=seed)
    folds = []
    for train, test in splitter.split(order, letter_y[order], cases[order]):
        folds.append((np.sort(order[train]), np.sort(order[test])))
    return folds
