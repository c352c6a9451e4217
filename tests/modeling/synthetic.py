"""Made-up items/letters tables in the tagged shape (no real letter text), for fast tests."""

from __future__ import annotations

import random

import pandas as pd

UPHELD_REASONS = [
    "There is no documentation of objective functional improvement.",
    "There is a lack of red flag findings on examination.",
    "The patient has not failed conservative care.",
    "No neurological deficit was documented.",
]
OVERTURNED_REASONS = [
    "The examination documented a full thickness tear.",
    "Severe acute pain followed the fracture.",
    "The patient improved with the first sessions.",
    "Positive findings are consistent with the guideline criteria.",
]
SHARED = [
    "The guidelines recommend imaging when red flags are present.",
    "The patient reported pain rated 7/10.",
]


def make_tables(n_letters: int = 40, seed: int = 7) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Letters with 1-3 items; about a third Overturned; rationale = reasons + verdict."""
    rng = random.Random(seed)
    items, letters = [], []
    for k in range(n_letters):
        case = f"CM99-{k:07d}"
        n = rng.randint(1, 3)
        for j in range(n):
            overturned = rng.random() < 0.3
            pool = OVERTURNED_REASONS if overturned else UPHELD_REASONS
            other = UPHELD_REASONS if overturned else OVERTURNED_REASONS
            reasons = (
                rng.sample(pool, 2)
                + rng.sample(SHARED, 1)
                + rng.sample(other, 1) * (rng.random() < 0.3)
            )
            verdict = (
                "Therefore, the request is medically necessary."
                if overturned
                else "Therefore, the request is not medically necessary."
            )
            items.append(
                {
                    "case_number": case,
                    "issue_index": j,
                    "request_text": f"MRI of the knee {j}",
                    "disputed_item": f"MRI of the knee {j}",
                    "decision": "Overturned" if overturned else "Upheld",
                    "rationale": " ".join([*reasons, verdict]),
                    "category": rng.choice(["imaging", "pharmaceutical"]),
                    "frequency": None,
                    "quantity": None,
                    "claims_admin_guideline": None,
                    "maximus_guideline": {
                        "text": "",
                        "cited": True,
                        "outside_mtus": False,
                        "mtus": [{"chapter": "Knee Complaints", "year": 2004}],
                        "non_mtus": [],
                    },
                    "guideline_limits": [],
                    "rationale_treatments": ["mri"],
                }
            )
        letters.append(
            {
                "case_number": case,
                "source_file": f"{case}.pdf",
                "n_items": n,
                "prior_treatments": ["physical therapy"],
            }
        )
    return pd.DataFrame(items), pd.DataFrame(letters)
