"""Facts read off the record's parts, one function each, for every view that shows them.

The report's citation groups, the CSV's readable columns and the models' guideline tokens all
ask "is this non-MTUS citation the ODG?" and "what does this frequency say?" here, so they
cannot answer differently.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from functools import cache
from typing import Any

from pipeline.record.model import Citation, Evidence, Frequency, MtusCitation
from pipeline.rules.files import load_rules

NONE_CITED = "none cited"
NOT_READ = "citation not read"
MTUS, ODG, OTHER = "MTUS", "ODG", "other non-MTUS"
# The ODG's canonical name among the guideline vocabulary's sources (`guideline_names.json`).
ODG_SOURCE = "Official Disability Guidelines (ODG)"


@cache
def _odg_pattern() -> re.Pattern[str]:
    """The vocabulary's own pattern for the ODG (its names, aliases and publisher), the one the
    citation tagger finds a reference's `source` with."""
    sources = load_rules("guideline_names.json")["sources"]
    pattern = next(s["pattern"] for s in sources if s["name"] == ODG_SOURCE)
    return re.compile(pattern, re.IGNORECASE)


def is_odg(name: str) -> bool:
    """Whether a non-MTUS reference names the Official Disability Guidelines, by the guideline
    vocabulary's ODG pattern: the parsed `NonMtusSource.source` comes from the same pattern but
    keeps only the first source a reference names ("ACOEM guidelines and the Official
    Disability Guidelines" is ACOEM there), and tables tagged before sources existed have none,
    so the reference's text is asked, the same way everywhere."""
    return _odg_pattern().search(name) is not None


def mtus_chapter(entry: MtusCitation) -> str:
    """The chapter's canonical name (`guideline_names.json`), so spelling variants, typos and
    editions group as one; a chapter in no vocabulary keeps its printed name."""
    return (entry.canonical or entry.chapter or "?").strip()


def citation_basis(citation: Citation | None) -> str:
    """The kinds of source a guideline line cites, in a fixed order ("MTUS", "ODG", "other
    non-MTUS", "MTUS + ODG", ...); "none cited" when the letter says no evidence was cited or
    the line is empty, "citation not read" when the line has text the citation tagger could not
    read (so a tagging gap is not counted as "none cited")."""
    if citation is None:
        return NONE_CITED
    kinds = [MTUS] if citation.mtus else []
    if any(is_odg(x) for x in citation.non_mtus):
        kinds.append(ODG)
    if any(not is_odg(x) for x in citation.non_mtus):
        kinds.append(OTHER)
    if kinds:
        return " + ".join(kinds)
    if citation.cited is False or not (citation.text or "").strip():
        return NONE_CITED
    return NOT_READ


def citation_chapters(citation: Citation | None) -> list[str]:
    """The MTUS chapters a line cites, each once, in order."""
    if citation is None:
        return []
    return list(dict.fromkeys(mtus_chapter(x) for x in citation.mtus))


UNLISTED_SOURCE = "unlisted source"


def non_mtus_sources(citation: Citation | None) -> list[str]:
    """Canonical labels of a line's Non-MTUS references, one per source chapter ("Official
    Disability Guidelines (ODG): Low Back"), the source alone when it names no chapter, and
    "unlisted source" for a reference no vocabulary knows; in order, without repeats."""
    labels: list[str] = []
    for ref in citation.non_mtus_sources if citation is not None else []:
        source = ref.source or UNLISTED_SOURCE
        labels += [f"{source}: {c}" for c in ref.chapters] if ref.chapters else [source]
    return list(dict.fromkeys(labels))


def citation_text(citation: Citation | Mapping[str, Any] | None) -> str:
    """What the citation tagger read in a guideline line, for a person: "MTUS Chronic Pain
    Medical Treatment 2016 (Opioids) p. 60; non-MTUS: ODG, Pain Chapter"."""
    if isinstance(citation, Mapping):
        citation = Citation.model_validate(dict(citation))
    if citation is None or citation.text is None:
        return "-"
    if citation.cited is False:
        return "no medical evidence cited"
    parts = []
    for mtus in citation.mtus:
        where = " ".join(str(x) for x in (mtus.chapter, mtus.year) if x)
        if mtus.sections:
            where += f" ({mtus.sections})"
        if mtus.pages:
            where += " p. " + ", ".join(str(p) for p in mtus.pages)
        parts.append("MTUS " + where)
    parts += [f"non-MTUS: {source}" for source in citation.non_mtus]
    if citation.outside_mtus:
        parts.append("outside the MTUS")
    return "; ".join(parts) or citation.text


def range_text(value: Sequence[Any] | None) -> str | None:
    """[2, 3] -> "2-3", [6, 6] -> "6", None -> None."""
    if not value or len(value) != 2:
        return None
    low, high = (_number(v) for v in value)
    return low if low == high else f"{low}-{high}"


def _number(value: Any) -> str:
    return str(int(value)) if isinstance(value, float) and value.is_integer() else str(value)


def frequency_text(frequency: Frequency | Mapping[str, Any] | None) -> str:
    """{"per_week": [2, 2], "weeks": [6, 6], "sessions": [12, 12]} -> "2/week for 6 weeks = 12
    sessions"; {"sessions": [9, 10]} -> "9-10 sessions"; "-" for none."""
    if frequency is None:
        return "-"
    if isinstance(frequency, Mapping):
        frequency = Frequency.model_validate(dict(frequency))
    parts = []
    if per_week := range_text(frequency.per_week):
        parts.append(f"{per_week}/week")
    if weeks := range_text(frequency.weeks):
        parts.append(f"for {weeks} weeks")
    if sessions := range_text(frequency.sessions):
        parts.append(f"= {sessions} sessions" if parts else f"{sessions} sessions")
    return " ".join(parts) or "-"


def evidence_text(evidence: Sequence[Evidence]) -> str:
    """The reasoning model's evidence in words: "category: DME (-1.200); reasoning present
    (+0.420)"."""
    return "; ".join(f"{e.feature} ({e.weight:+.3f})" for e in evidence)
