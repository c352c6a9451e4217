"""The blind part of ../shared: a fixed fifth of its letters, kept out of rule-writing.

A letter is blind when sha256 of its case number (UTF-8), read as a hexadecimal integer, is
0 modulo 5. The split depends on nothing but the case number, so it never moves when letters
are added, and anyone can recompute it. Rules and vocabularies are written by reading the other
four fifths; the blind letters are only ever scored (`python -m tools.renderings.harness`
reports every figure for all letters and for the blind part). List them with
`python -m tools.renderings.blind ../shared/data/letters` (case numbers only, no text).
"""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

FIFTHS = 5
BLIND_REMAINDER = 0


def is_blind(case_number: str) -> bool:
    digest = hashlib.sha256(case_number.encode("utf-8")).hexdigest()
    return int(digest, 16) % FIFTHS == BLIND_REMAINDER


if __name__ == "__main__":
    folder = Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/data/letters")
    stems = sorted(p.stem for p in folder.iterdir() if p.suffix.lower() in {".pdf", ".txt"})
    blind = [s for s in stems if is_blind(s)]
    print("\n".join(blind))
    print(f"{len(blind)} of {len(stems)} letters are blind", file=sys.stderr)
