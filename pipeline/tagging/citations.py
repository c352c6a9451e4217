"""`imr_citations`: a guideline line -> the README's CITATION object (`Doc._.citation`).

CITATION = {"text", "cited", "outside_mtus", "mtus": [{"chapter", "year", "sections", "pages",
"canonical"}], "non_mtus": [str], "non_mtus_sources": [{"text", "source", "chapters",
"unknown_chapters", "year"}]}. The grammar (preamble sentences, clause split, chapter heads with
a year, "Guidelines" or edition pieces, sections, page lists) is in `citation.json`.

`chapter` is the name as printed (the answer key keeps typos), without its year and
"Guidelines" wherever they stand ("Chronic Pain Medical Treatment 2016 Guidelines" ->
"Chronic Pain Medical Treatment", 2016); `canonical` is the MTUS chapter it names in the closed
vocabulary (`guideline_names.py`), None when it names none (the item is then flagged
`unknown_guideline_chapter`). Each Non-MTUS reference keeps its raw text in `non_mtus` and is
described in `non_mtus_sources` (its source, the source's chapters, its year).

The parser is structural: every part of a line is either consumed by a piece of the grammar or
reported as *unparsed* (`CitationGrammar.parse_detailed`), so a line in a form nobody wrote a
rule for is flagged for review instead of silently half-read. `parse_citation` is the pure
function and never raises (a failure is logged and, when asked, recorded).
"""

from __future__ import annotations

import logging
import re
from functools import lru_cache
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from pipeline.rules.files import load_rules
from pipeline.tagging._persist import RuleFiles
from pipeline.tagging._resources import (
    doc_text,
    ensure_doc_extension,
    record_failure,
)
from pipeline.tagging.errors import ErrorHandling, guarded
from pipeline.tagging.guideline_names import GuidelineVocabulary

logger = logging.getLogger(__name__)

_WS = re.compile(r"\s+")
_TRAIL = " \t\n.;,:"
# What may remain of a clause once its pieces are consumed: punctuation and connectives only.
_NOISE = re.compile(r"^[\s.,;:&()\-–]*$")


def empty_citation(text: str = "") -> dict[str, Any]:
    return {"text": text, "cited": True, "outside_mtus": False, "mtus": [], "non_mtus": [],
            "non_mtus_sources": []}  # fmt: skip


def unknown_chapters(citation: dict[str, Any]) -> list[str]:
    """The chapters a CITATION names that no vocabulary knows: MTUS chapters without a
    canonical name, and Non-MTUS pieces that call themselves a chapter of a known source."""
    unknown = [str(m.get("chapter")) for m in citation.get("mtus") or [] if not m.get("canonical")]
    for ref in citation.get("non_mtus_sources") or []:
        unknown += ref.get("unknown_chapters") or []
    return unknown


def _head_regex(spec: dict[str, str]) -> re.Pattern[str]:
    """One chapter head: a lead (start, ', and', ';', '. '), a capitalised name ended by a year
    or by 'Guidelines', then edition/chapter/year pieces. Case matters: chapters are
    capitalised, which is what keeps a lower-case section list from starting a chapter."""
    year = spec["year"].replace("{MONTH}", spec["month"])
    tail = spec["tail"].replace("{YEAR}", year)
    term = rf"(?:\s*,?\s*{year}|\s+{spec['guidelines']})"
    return re.compile(
        rf"(?P<lead>{spec['leads']})(?P<head>{spec['name']}{term}{tail}){spec['end']}"
    )


_PARSED_LINES = 4096  # guideline lines each grammar keeps parsed (lines repeat across items)


class CitationGrammar:
    """Compiled `citation.json`."""

    def __init__(
        self,
        rules_file: str = "citation.json",
        folder: Path | None = None,
        names_file: str = "guideline_names.json",
    ) -> None:
        rules = load_rules(rules_file, folder, kind="citation.json")
        self.names = GuidelineVocabulary(names_file, folder)
        self._parsed: dict[str, tuple[dict[str, Any], tuple[str, ...]]] = {}  # picklable
        flags = re.IGNORECASE
        self.label = re.compile(rules["labels"], flags)
        self.no_cite = re.compile(rules["no_cite"], flags)
        self.outside = re.compile(rules["outside"], flags)
        self.clause_split = re.compile(rules["clause_split"], flags)
        self.clause_subject = re.compile(rules["clause_subject"], flags)
        self.part_of_mtus = re.compile(rules["part_of_mtus"], flags)
        self.not_part_of_mtus = re.compile(rules["not_part_of_mtus"], flags)
        self.non_mtus_head = re.compile(rules["non_mtus_head"], flags)
        self.mtus_head = re.compile(rules["mtus_head"], flags)
        self.prose_source = re.compile(rules["prose_source"], flags)
        spec = rules["chapter"]
        self.head = _head_regex(spec)
        year = spec["year"].replace("{MONTH}", spec["month"])
        self.year = re.compile(r"(?:19|20)\d{2}")
        # A chapter name loses a trailing year and a trailing "Guidelines" (the answer key's
        # "Chronic Pain Treatment Guidelines" -> "Chronic Pain Treatment"), nothing inside it.
        self.trailing_year = re.compile(rf"\s*,?\s*{year}\s*$")
        self.trailing_guidelines = re.compile(rf"\s+{spec['guidelines']}\s*$")
        # A date in brackets after the head ("..., Section(s): Opioids (July 28, 2016)").
        self.dated = re.compile(rf"\((?:Effective\s+)?(?:{spec['month']}\.?\s+(?:\d{{1,2}},?\s+)?)?"
                                r"((?:19|20)\d{2})\)", flags)  # fmt: skip
        self.sections = re.compile(rules["sections"], flags)
        self.pages = re.compile(rules["pages"], flags)
        self.fillers = re.compile(rules["fillers"], flags)
        self.max_page_range = int(rules["max_page_range"])
        self.cue = re.compile(
            "|".join([rules["clause_split"], rules["no_cite"], rules["outside"], r"\bMTUS\b"]),
            flags,
        )

    # -- pieces ---------------------------------------------------------------------------

    def parse_pages(self, raw: str) -> list[int]:
        """ "47, 49" / "47 and 49" -> [47, 49]; "60-61" -> [60, 61] (ranges expanded, capped)."""
        pages: list[int] = []
        for lo, hi in re.findall(r"(\d+)(?:\s*[-–]\s*(\d+))?", raw):
            a = int(lo)
            b = int(hi) if hi else a
            if b < a or b - a > self.max_page_range:
                b = a
            pages.extend(p for p in range(a, b + 1) if p not in pages)
        return pages

    def _unexplained(self, text: str) -> str | None:
        """`text` minus fillers and punctuation; None when nothing meaningful is left."""
        if _NOISE.match(text):  # the usual case: nothing but punctuation
            return None
        rest = self.fillers.sub(" ", text)
        return None if _NOISE.match(rest) else _WS.sub(" ", rest).strip(_TRAIL + " ")

    def parse_segment(
        self, chapter: str, year: int | None, segment: str, prose: bool = False
    ) -> tuple[dict[str, Any], list[str]]:
        """One mtus object from a chapter and the text after it (sections/pages), and the
        text of that segment no piece of the grammar accounts for. In the `prose` form
        ("..., Opioids, which are part of the MTUS") the sections are printed unlabelled: text
        left after the chapter, with no label or page list, is the section list."""
        sections = None
        pages: list[int] = []
        consumed: list[tuple[int, int]] = []
        page_match = self.pages.search(segment)
        sec_match = self.sections.search(segment)
        if sec_match:
            end = len(segment)
            if page_match and page_match.start() > sec_match.end():
                end = page_match.start()
            sections = segment[sec_match.end() : end].strip(_TRAIL) or None
            consumed.append((sec_match.start(), end))
        if page_match:
            pages = self.parse_pages(page_match.group("pages"))
            consumed.append(page_match.span())
            if not sec_match:
                # The older form: "<chapter>, (2009), Opioids, pages 76-80": the text between
                # the chapter and its page list is the section.
                unlabelled = self._unexplained(segment[: page_match.start()])
                if unlabelled:
                    sections = unlabelled
                    consumed.append((0, page_match.start()))
        rest, pos = [], 0
        for lo, hi in sorted(consumed):
            rest.append(segment[pos:lo])
            pos = max(pos, hi)
        rest.append(segment[pos:])
        leftover = self._unexplained(" ".join(rest))
        if prose and leftover and not consumed:
            sections = segment.strip(_TRAIL + " ") or None
            leftover = None
        entry = {"chapter": chapter.strip(_TRAIL), "year": year, "sections": sections,
                 "pages": pages}  # fmt: skip
        return entry, [leftover] if leftover else []

    def chapter_name(self, head: str) -> tuple[str, int | None]:
        """ "Chronic Pain Medical Treatment Guidelines 2009" -> ("Chronic Pain Medical
        Treatment", 2009); "ACOEM Practice Guidelines, 2nd Edition (2004), Chapter 12" keeps
        its name (nothing trails it) and gives 2004."""
        found = self.year.search(head)
        name = head
        while True:  # "Treatment 2016 Guidelines", "Treatment Guidelines (July 28, 2016)"
            shorter = self.trailing_guidelines.sub("", self.trailing_year.sub("", name))
            if shorter == name:
                break
            name = shorter
        return name.strip(_TRAIL), int(found.group()) if found else None

    def prose_chapter(self, body: str) -> tuple[dict[str, Any], list[str]] | None:
        """A prose clause that names its source before the chapter ("the American College of
        Occupational and Environmental Medicine (ACOEM), 2nd Edition, (2004), Shoulder
        Complaints, Special Studies"): the year from the source's edition pieces, the chapter
        the longest run of comma pieces after it that the MTUS vocabulary names (exactly, else
        within its typo budget), the pieces after that the sections. None when the clause
        does not open with a source, or no run of pieces names a chapter."""
        source = self.prose_source.match(body)
        if not source:
            return None
        pieces = [p for p in body[source.end() :].split(",")]
        found = None
        for lookup in (self.names.mtus.exact, self.names.mtus.lookup):
            for size in range(min(3, len(pieces)), 0, -1):
                name = ",".join(pieces[:size]).strip(_TRAIL + " ")
                if name and lookup(name):
                    found = (size, name)
                    break
            if found:
                break
        if not found:
            return None
        size, chapter = found
        year = self.year.search(source.group("edition") or "")
        sections = ",".join(pieces[size:]).strip(_TRAIL + " ") or None
        entry = {"chapter": chapter, "year": int(year.group()) if year else None,
                 "sections": sections, "pages": []}  # fmt: skip
        return entry, []

    def parse_mtus_clause(
        self, body: str, prose: bool = False
    ) -> tuple[list[dict[str, Any]], list[str]]:
        """The mtus objects of one MTUS clause, and its unparsed text (`prose`: the clause
        said "which are part of the MTUS", its sections may be unlabelled)."""
        body = body.strip().rstrip(". ")
        if prose and not self.pages.search(body):
            named = self.prose_chapter(body)
            if named:
                return [named[0]], named[1]
        heads = list(self.head.finditer(body))
        if not heads:
            if not body:
                return [], ["<MTUS clause without a chapter>"]
            # No recognisable chapter head: keep the text before any label as the chapter
            # (what a reader would take), but report it as not understood.
            label = re.search(r",?\s*(?:\bSections?\s*(?:\(s\))?|\bPages?\s*(?:\(s\))?)\s*:", body)
            head = body[: label.start()] if label else body
            entry, leftovers = self.parse_segment(head, None, body[len(head) :])
            return [entry], [head.strip(), *leftovers]
        out: list[dict[str, Any]] = []
        leftovers: list[str] = []
        before = self._unexplained(body[: heads[0].start()])
        if before:
            leftovers.append(before)
        for i, m in enumerate(heads):
            stop = heads[i + 1].start() if i + 1 < len(heads) else len(body)
            chapter, year = self.chapter_name(m.group("head"))
            if year is None:  # the year may be printed after the sections
                dated = self.dated.search(body, m.end(), stop)
                year = int(dated.group(1)) if dated else None
            entry, rest = self.parse_segment(chapter, year, body[m.end() : stop], prose)
            out.append(entry)
            leftovers += rest
        return out, leftovers

    def _preamble_leftovers(self, preamble: str) -> list[str]:
        """Sentences before the first clause that say neither "did not cite" nor "outside the
        MTUS": the only two things a preamble is known to say."""
        return [
            sentence
            for sentence in re.split(r"(?<=\.)\s+", preamble.strip())
            if not _NOISE.match(sentence)
            and not (self.no_cite.search(sentence) or self.outside.search(sentence))
            and not self.clause_subject.match(sentence)  # "The Expert Reviewer" relied on ...
        ]

    def _without_next_subject(self, clause: str) -> str:
        """A clause minus a closing sentence that is only the next clause's subject ("...
        part of the MTUS. The Expert Reviewer" | "relied on ...")."""
        cut = clause.rfind(". ")
        if cut != -1 and self.clause_subject.match(clause[cut + 2 :]):
            return clause[: cut + 1]
        return clause

    # -- whole line -----------------------------------------------------------------------

    def parsed_line(self, text: str) -> tuple[dict[str, Any], tuple[str, ...]]:
        """`parse_detailed`, cached by text (callers copy the CITATION before handing it on)."""
        parsed = self._parsed.get(text)
        if parsed is None:
            if len(self._parsed) >= _PARSED_LINES:
                self._parsed.clear()
            citation, leftovers = self.parse_detailed(text)
            parsed = self._parsed[text] = (citation, tuple(leftovers))
        return parsed

    def parse_detailed(self, text: str) -> tuple[dict[str, Any], list[str]]:
        """The CITATION dict and the pieces of the line the grammar did not consume (empty
        when every clause was recognised)."""
        line = _WS.sub(" ", text or "").strip()
        line = self.label.sub("", line, count=1).strip()
        result = empty_citation(line)
        if self.no_cite.search(line):
            result["cited"] = False
        if self.outside.search(line):
            result["outside_mtus"] = True
        pieces = self.clause_split.split(line)
        preamble, clauses = pieces[0], pieces[1:]
        if not clauses and self.mtus_head.match(line):
            preamble, clauses = "", [line]
        leftovers = self._preamble_leftovers(preamble)
        for clause in clauses:
            clause = self._without_next_subject(clause)
            non = self.non_mtus_head.match(clause)
            if non:
                ref = clause[non.end() :].strip().rstrip(".").strip()
                if ref:
                    result["non_mtus"].append(ref)
                else:
                    leftovers.append("<empty Non-MTUS citation>")
                continue
            mtus = self.mtus_head.match(clause)
            if mtus:
                entries, rest = self.parse_mtus_clause(clause[mtus.end() :])
                result["mtus"].extend(entries)
                leftovers += rest
                continue
            # The older form names no head word; ", which is (not) part of the MTUS" says.
            if self.not_part_of_mtus.search(clause):
                ref = self.not_part_of_mtus.sub("", clause).strip().rstrip(".,; ").strip()
                result["non_mtus"].append(ref)
                continue
            part = self.part_of_mtus.search(clause)
            if part:
                body = clause[: part.start()] + clause[part.end() :]
                entries, rest = self.parse_mtus_clause(body, prose=True)
                result["mtus"].extend(entries)
                leftovers += rest
                continue
            # Neither MTUS nor Non-MTUS: kept as a reference (a reader would count it) but
            # reported, since no rule says what it is.
            ref = clause.strip().rstrip(".").strip()
            if ref:
                result["non_mtus"].append(ref)
                leftovers.append(ref)
        for entry in result["mtus"]:
            entry["canonical"] = self.names.mtus_chapter(entry["chapter"])
        result["non_mtus_sources"] = [self.names.non_mtus(ref) for ref in result["non_mtus"]]
        return result, leftovers

    def parse(self, text: str) -> dict[str, Any]:
        return self.parse_detailed(text)[0]

    def looks_like_citation(self, text: str, lead_chars: int = 200) -> bool:
        """True when a citation cue starts within the first `lead_chars` characters."""
        return bool(self.cue.search(text, 0, lead_chars + 40))


@lru_cache(maxsize=1)
def _default_grammar() -> CitationGrammar:
    return CitationGrammar()


def parse_citation(text: str, errors: list[str] | None = None) -> dict[str, Any]:
    """Parse a guideline line into a CITATION dict; never raises: on a failure it logs a
    warning, appends "citations" to `errors` (when given) and returns the text alone."""
    try:
        return _default_grammar().parse(str(text) if text is not None else "")
    except Exception as exc:  # noqa: BLE001 - one bad line must not take the batch down
        record_failure("citations", text, exc, errors)
        return empty_citation(_WS.sub(" ", str(text or "")).strip())


def _copy(citation: dict[str, Any]) -> dict[str, Any]:
    """A fresh CITATION (the cached one must not be shared with a caller that edits it)."""
    return {
        **citation,
        "mtus": [{**m, "pages": list(m["pages"])} for m in citation["mtus"]],
        "non_mtus": list(citation["non_mtus"]),
        "non_mtus_sources": [
            {
                **ref,
                "chapters": list(ref["chapters"]),
                "unknown_chapters": list(ref["unknown_chapters"]),
            }
            for ref in citation["non_mtus_sources"]
        ],  # fmt: skip
    }


def review_citation(
    text: str | None, grammar: CitationGrammar | None = None
) -> tuple[dict[str, Any], list[str], bool]:
    """(CITATION, unparsed pieces, failed): what `tag_records` needs to flag a line, parsed by
    `grammar` (a pipeline's `imr_citations` grammar; the package's by default). Lines repeat
    (a letter's items often share one), so each grammar caches its parses by text."""
    errors: list[str] = []
    try:
        citation, leftovers = (grammar or _default_grammar()).parsed_line(str(text or ""))
    except Exception as exc:  # noqa: BLE001
        record_failure("citations", text, exc, errors)
        return empty_citation(_WS.sub(" ", str(text or "")).strip()), [], True
    return _copy(citation), list(leftovers), False


@Language.factory(
    "imr_citations",
    default_config={"rules": "citation.json", "max_chars": 5000, "lead_chars": 200},
    assigns=["doc._.citation", "doc._.citation_unparsed"],
)
def make_citation_tagger(
    nlp: Language, name: str, rules: str, max_chars: int, lead_chars: int
) -> CitationTagger:
    return CitationTagger(name, rules, max_chars=max_chars, lead_chars=lead_chars)


class CitationTagger(RuleFiles, ErrorHandling):
    """Sets `Doc._.citation` on docs that are a guideline line (else leaves None), and
    `Doc._.citation_unparsed` (the text the grammar did not consume).

    A guideline line opens with its cue ("Decision based on ...", "The Claims Administrator did
    not cite ...") within `lead_chars` and is short; a whole letter or rationale is not parsed
    as one citation (call `parse_citation` on the line for that).
    """

    def __init__(self, name: str, rules: str, max_chars: int = 5000, lead_chars: int = 200) -> None:
        self.name = name
        # The guideline vocabulary travels with the grammar (saved in the component's folder).
        self.rule_files = (rules, "guideline_names.json")
        self.max_chars = max_chars
        self.lead_chars = lead_chars
        ensure_doc_extension("citation")
        ensure_doc_extension("citation_unparsed")
        ensure_doc_extension("tagger_errors")

    def _build(self, folder: Path | None) -> CitationGrammar:
        return CitationGrammar(self.rule_files[0], folder, self.rule_files[1])

    @property
    def grammar(self) -> CitationGrammar:
        return self.rules

    @guarded
    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        if len(text) <= self.max_chars and self.grammar.looks_like_citation(text, self.lead_chars):
            try:
                doc._.citation, doc._.citation_unparsed = self.grammar.parse_detailed(text)
            except Exception as exc:  # noqa: BLE001 - handed to the error handler
                self.handle_error(doc, exc)
                doc._.citation = empty_citation(text)
        return doc
