"""`imr_citations`: a guideline line -> the README's CITATION object (`Doc._.citation`).

CITATION = {"text", "cited", "outside_mtus", "mtus": [{"chapter", "year", "sections", "pages"}],
"non_mtus": [str]}. The grammar (clause split, chapter/year, sections, pages) is in
`citation.json`; `parse_citation` is the pure function and never raises.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from pipeline.tagging._resources import doc_text, ensure_doc_extension, load_json

_WS = re.compile(r"\s+")
_TRAIL = " \t\n.;,"


def empty_citation(text: str = "") -> dict[str, Any]:
    return {"text": text, "cited": True, "outside_mtus": False, "mtus": [], "non_mtus": []}


class CitationGrammar:
    """Compiled `citation.json`."""

    def __init__(self, rules_file: str = "citation.json") -> None:
        rules = load_json(rules_file)
        flags = re.IGNORECASE
        self.label = re.compile(rules["labels"], flags)
        self.no_cite = re.compile(rules["no_cite"], flags)
        self.outside = re.compile(rules["outside"], flags)
        self.clause_split = re.compile(rules["clause_split"], flags)
        self.non_mtus_head = re.compile(rules["non_mtus_head"], flags)
        self.mtus_head = re.compile(rules["mtus_head"], flags)
        self.chapter = re.compile(rules["chapter"])  # case matters: chapters are capitalised
        self.old_chapter = re.compile(rules["old_chapter"], flags)
        self.sections = re.compile(rules["sections"], flags)
        self.pages = re.compile(rules["pages"], flags)
        self.max_page_range = int(rules["max_page_range"])
        self.cue = re.compile(
            "|".join([rules["clause_split"], rules["no_cite"], rules["outside"], r"\bMTUS\b"]),
            flags,
        )

    # -- pieces ---------------------------------------------------------------------------

    def parse_pages(self, raw: str) -> list[int]:
        """ "47, 49" -> [47, 49]; "60-61" -> [60, 61] (ranges expanded, capped)."""
        pages: list[int] = []
        for lo, hi in re.findall(r"(\d+)(?:\s*[-–]\s*(\d+))?", raw):
            a = int(lo)
            b = int(hi) if hi else a
            if b < a or b - a > self.max_page_range:
                b = a
            pages.extend(p for p in range(a, b + 1) if p not in pages)
        return pages

    def parse_segment(self, chapter: str, year: int | None, segment: str) -> dict[str, Any]:
        """One mtus object from a chapter and the text that follows it (sections/pages)."""
        sections = None
        pages: list[int] = []
        page_match = self.pages.search(segment)
        sec_match = self.sections.search(segment)
        if sec_match:
            end = len(segment)
            if page_match and page_match.start() > sec_match.end():
                end = page_match.start()
            sections = segment[sec_match.end() : end].strip(_TRAIL) or None
        if page_match:
            pages = self.parse_pages(page_match.group("pages"))
        return {
            "chapter": chapter.strip(_TRAIL),
            "year": year,
            "sections": sections,
            "pages": pages,
        }

    def parse_mtus_clause(self, body: str) -> list[dict[str, Any]]:
        body = body.strip().rstrip(". ")
        found = list(self.chapter.finditer(body))
        if found:
            out = []
            for i, m in enumerate(found):
                stop = found[i + 1].start() if i + 1 < len(found) else len(body)
                out.append(
                    self.parse_segment(
                        m.group("chapter"), int(m.group("year")), body[m.end() : stop]
                    )
                )
            return out
        old = self.old_chapter.match(body)
        if old:
            return [self.parse_segment(old.group("chapter"), None, body[old.end() :])]
        if not body:
            return []
        head = re.split(r",?\s*(?:Sections?\s*(?:\(s\))?|Pages?\s*(?:\(s\))?)\s*:", body)[0]
        return [self.parse_segment(head, None, body[len(head) :])]

    # -- whole line -----------------------------------------------------------------------

    def parse(self, text: str) -> dict[str, Any]:
        line = _WS.sub(" ", text or "").strip()
        line = self.label.sub("", line, count=1).strip()
        result = empty_citation(line)
        if self.no_cite.search(line):
            result["cited"] = False
        if self.outside.search(line):
            result["outside_mtus"] = True
        pieces = self.clause_split.split(line)
        clauses = pieces[1:]
        if not clauses and self.mtus_head.match(line):
            clauses = [line]
        for clause in clauses:
            non = self.non_mtus_head.match(clause)
            if non:
                ref = clause[non.end() :].strip().rstrip(".").strip()
                if ref:
                    result["non_mtus"].append(ref)
                continue
            mtus = self.mtus_head.match(clause)
            if mtus:
                result["mtus"].extend(self.parse_mtus_clause(clause[mtus.end() :]))
                continue
            ref = clause.strip().rstrip(".").strip()
            if ref:
                result["non_mtus"].append(ref)
        return result

    def looks_like_citation(self, text: str, lead_chars: int = 200) -> bool:
        """True when a citation cue starts within the first `lead_chars` characters."""
        return bool(self.cue.search(text, 0, lead_chars + 40))


@lru_cache(maxsize=1)
def _default_grammar() -> CitationGrammar:
    return CitationGrammar()


def parse_citation(text: str) -> dict[str, Any]:
    """Parse a guideline line into a CITATION dict; never raises (falls back to text only)."""
    try:
        return _default_grammar().parse(str(text) if text is not None else "")
    except Exception:  # noqa: BLE001
        return empty_citation(_WS.sub(" ", str(text or "")).strip())


@Language.factory(
    "imr_citations", default_config={"rules": "citation.json", "max_chars": 5000, "lead_chars": 200}
)
def make_citation_tagger(
    nlp: Language, name: str, rules: str, max_chars: int, lead_chars: int
) -> CitationTagger:
    return CitationTagger(name, rules, max_chars=max_chars, lead_chars=lead_chars)


class CitationTagger:
    """Sets `Doc._.citation` on docs that are a guideline line (else leaves None).

    A guideline line opens with its cue ("Decision based on ...", "The Claims Administrator did
    not cite ...") within `lead_chars` and is short; a whole letter or rationale is not parsed
    as one citation (call `parse_citation` on the line for that).
    """

    def __init__(self, name: str, rules: str, max_chars: int = 5000, lead_chars: int = 200) -> None:
        self.name = name
        self.grammar = CitationGrammar(rules)
        self.max_chars = max_chars
        self.lead_chars = lead_chars
        ensure_doc_extension("citation")

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        if len(text) <= self.max_chars and self.grammar.looks_like_citation(text, self.lead_chars):
            try:
                doc._.citation = self.grammar.parse(text)
            except Exception:  # noqa: BLE001
                doc._.citation = empty_citation(text)
        return doc
