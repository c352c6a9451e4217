"""A CITATION object written out in the wording of another era.

- `pages_form`: the 2014-15 "Decision based on MTUS <chapter> <year> Guidelines Page(s): N."
  form. The letters of that era cite page numbers where the 2016 letters name sections, so a
  rendering prints made-up page numbers (fixed per clause) and expects exactly those back:
  `expect_pages_form` turns an answer-key CITATION into what that wording should parse to.
- `prose_form`: the 2013 / review-attachment prose ("The Expert Reviewer relied on the
  Chronic Pain Medical Treatment Guidelines (2016), Opioids, which are part of the MTUS."), which
  carries chapter, year and section names, so the answer key's CITATION is expected unchanged.
"""

from __future__ import annotations

import copy
import hashlib
from typing import Any

ACTORS = {"claims": "Claims Administrator", "maximus": "Expert Reviewer"}


def made_up_page(key: str) -> int:
    """A page number from 10 to 799, fixed by `key` (case, item, field, clause)."""
    return 10 + int(hashlib.sha256(key.encode()).hexdigest()[:8], 16) % 790


def _not_cited(actor: str) -> str:
    return f"The {actor} did not cite any medical evidence for its decision."


def _outside(actor: str) -> str:
    return f"The {actor} based their decision on recommendation(s) outside of the MTUS Guidelines."


def pages_form(citation: dict[str, Any] | None, who: str, key: str) -> str | None:
    if citation is None:
        return None
    actor = ACTORS[who]
    if not citation.get("cited", True):
        return _not_cited(actor)
    sentences = [_outside(actor)] if citation.get("outside_mtus") else []
    for index, entry in enumerate(citation.get("mtus") or []):
        year = f" {entry['year']}" if entry.get("year") else ""
        page = made_up_page(f"{key}|{index}")
        sentences.append(
            f"Decision based on MTUS {entry['chapter']}{year} Guidelines Page(s): {page}."
        )
    for text in citation.get("non_mtus") or []:
        sentences.append(f"Decision based on Non-MTUS Citation {text.rstrip('.')}.")
    return " ".join(sentences)


def expect_pages_form(citation: dict[str, Any] | None, key: str) -> dict[str, Any] | None:
    if not isinstance(citation, dict) or not citation.get("cited", True):
        return citation
    expected = copy.deepcopy(citation)
    for index, entry in enumerate(expected.get("mtus") or []):
        entry["sections"] = None
        entry["pages"] = [made_up_page(f"{key}|{index}")]
    return expected


def _is_acoem(entry: dict[str, Any]) -> bool:
    # The 2004/2007 MTUS chapters by body part are ACOEM's ("Low Back Complaints").
    return str(entry.get("chapter", "")).endswith("Complaints")


def prose_form(citation: dict[str, Any] | None, who: str) -> str | None:
    if citation is None:
        return None
    actor = ACTORS[who]
    verb = "based its decision on" if who == "claims" else "relied on"
    if not citation.get("cited", True):
        return _not_cited(actor)
    sentences = []
    if citation.get("outside_mtus"):
        sentences.append(
            f"The {actor} found that no section of the MTUS was applicable and relevant to the "
            "issue at dispute."
        )
    for entry in citation.get("mtus") or []:
        year = f" ({entry['year']})" if entry.get("year") else ""
        sections = f", {entry['sections']}" if entry.get("sections") else ""
        if _is_acoem(entry):
            name = (
                "the American College of Occupational and Environmental Medicine (ACOEM), "
                f"2nd Edition,{year}, {entry['chapter']}"
            )
        else:
            name = f"the {entry['chapter']} Guidelines{year}"
        sentences.append(f"The {actor} {verb} {name}{sections}, which are part of the MTUS.")
    for text in citation.get("non_mtus") or []:
        sentences.append(
            "Per the strength of evidence hierarchy that applies to Independent Medical Review, "
            f"the {actor} {verb} {text.rstrip('.')}, which is not part of the MTUS."
        )
    return " ".join(sentences)
