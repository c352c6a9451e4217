"""spaCy tagging of IMR items: treatments, item category, frequency, quantity, citations.

The component factories and the tokenizer are registered as entry points (pyproject.toml), so
a pipeline saved with `save_nlp` loads with `spacy.load(path)` in any process, even one that
never imported this package. Each component's rule files are saved in its folder of the saved
pipeline and read back from there (`_persist.RuleFiles`): the saved pipeline tags as it did
when it was saved, whatever the installed package's files say now.

Each item's tags carry `review_tags`: short reason codes saying which tags did not come from a
confident rule (empty when every tag did). A user should check an item that has any:

- `no_lexicon_match`: the request (after a scope prefix such as "Associated surgical
  service:") matched no treatment-lexicon row; the category is a fallback or the backoff's.
- `category_from_backoff`: the category came from the learned backoff (`backoff.py`), whose
  probability is in `category_probability`.
- `category_ambiguous`: a strong lexicon mention of another category stands coordinated with
  the governing one ("X and Y", "X/Y", "X Y"), not subordinated by "with", "for", "under", a
  bracket...; the head rule ("the first one governs") is then a guess.
- `category_weak_mention`: only a generic lexicon word ("unit", "repair", "evaluation")
  matched, so it decided the category for want of anything better.
- `category_not_head`: unknown words stand before the governing mention and a subordinating
  word ("Kyphoplasty under fluoroscopy"), or right after it in its noun phrase ("heat therapy
  pad"), and the backoff reads them as another category: the request's head is probably
  something the lexicon does not know.
- `category_head_unknown`: a word after the governing mention, in its noun phrase, is known
  neither to the lexicon nor as a where/how-often word ("Physical therapy zorblax"): the head
  of the request may be something nobody listed, so its category is a guess.
- `citation_text_unparsed`: a guideline line holds text the citation grammar did not consume
  (a clause neither MTUS nor Non-MTUS, a chapter without a recognisable head, text beside the
  sections/pages, a preamble sentence that says neither "did not cite" nor "outside the MTUS").
- `citation_missing`: a guideline section is there but empty (the citation tags are empty, not
  read). A form that has no such section at all gives a null citation and no flag.
- `unknown_guideline_chapter`: a guideline line names an MTUS chapter that is in no closed
  vocabulary (`guideline_names.json`), or calls a piece of a known source (ODG, ACOEM) a
  chapter that the source does not have; the chapter keeps its printed text.
- `number_unexplained`: the request holds a number that neither its frequency, its quantity
  nor a known kind of wording (dose, date, spinal level, name like "12-lead", duration,
  dosing, refills, code; `review_numbers.json`) accounts for: a count may have been missed.
- `tagger_error`: a tagger raised on this item (logged as a warning); its tags are empty.

`category_source` ("lexicon" | "backoff" | "fallback") and `category_probability` (the
backoff's probability, None otherwise) say where the category came from.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import spacy
from spacy.language import Language

# Imported for their side effect: registering the @Language.factory components.
from pipeline.core.cells import as_text
from pipeline.tagging import (  # noqa: F401
    citations,
    frequency,
    guideline_limits,
    item_category,
    quantity,
    reason_cues,
    ruling,
    treatments,
    verdicts,
)
from pipeline.tagging.citations import parse_citation, review_citation, unknown_chapters
from pipeline.tagging.frequency import parse_frequency
from pipeline.tagging.guideline_limits import parse_guideline_limits
from pipeline.tagging.quantity import parse_quantity
from pipeline.tagging.records import doc_spans
from pipeline.tagging.review import merge_reasons, request_review
from pipeline.tagging.ruling import prepare as prepare_rationale
from pipeline.tagging.ruling import ruling_review

if TYPE_CHECKING:
    import pandas as pd  # only the table wrapper needs pandas; the predict path does not

__all__ = [
    "COMPONENTS",
    "build_nlp",
    "load_nlp",
    "parse_citation",
    "parse_frequency",
    "parse_guideline_limits",
    "parse_quantity",
    "prepare_for_workers",
    "save_nlp",
    "tag_items",
    "tag_records",
]

COMPONENTS = (
    "imr_treatments",
    "imr_item_category",
    "imr_frequencies",
    "imr_quantities",
    "imr_guideline_limits",
    "imr_citations",
    "verdict_masker",
    "ruling_reader",
    "imr_reason_cues",
)
BATCH_SIZE = 256
TOKENIZER_CONFIG = {"nlp": {"tokenizer": {"@tokenizers": "imr.text_keeping_tokenizer.v1"}}}


def build_nlp() -> Language:
    """Blank English tokenizer + every IMR tagging component (no model download needed)."""
    nlp = spacy.blank("en", config=TOKENIZER_CONFIG)
    for name in COMPONENTS:
        nlp.add_pipe(
            name
        ).load_rule_files()  # now, not on the first doc: a bad rule file raises here
    return nlp


def save_nlp(path: str | Path, nlp: Language | None = None) -> Path:
    """Write the assembled pipeline with `nlp.to_disk`, each component's rule files in its
    folder."""
    path = Path(path)
    (nlp or build_nlp()).to_disk(path)
    return path


def load_nlp(path: str | Path) -> Language:
    """`spacy.load` a saved pipeline: its components' rules come from its own folders.

    The tokenizer is rebuilt from the config, and its saved settings are loaded only when they
    differ from the rebuilt one's: loading them again would double spaCy's 0.2 s tokenizer
    set-up on every `imr predict`. The vocab is left out: a blank pipeline's holds no vectors
    or lookups, only strings, which the components add again as they build their rules (its
    empty vector table alone cost 80 ms to read)."""
    path = Path(path)
    nlp = spacy.load(path, exclude=["tokenizer", "vocab"])
    saved = path / "tokenizer"
    if saved.is_file() and saved.read_bytes() != nlp.tokenizer.to_bytes(exclude=["vocab"]):
        nlp.tokenizer.from_disk(saved, exclude=["vocab"])
    return nlp


def prepare_for_workers(nlp: Language) -> None:
    """Build now what the taggers otherwise build on first use: every span rule's regex, the
    number review's explainers and the category backoff (together ~0.25 s, paid by each forked
    worker on its first letters unless the process that forks them builds them first)."""
    from pipeline.tagging._spanrules import compile_rules
    from pipeline.tagging.review import default_number_review

    compile_rules()
    default_number_review()
    if "imr_item_category" in nlp.pipe_names:
        _ = nlp.get_pipe("imr_item_category").rules.backoff


def _pipe(nlp: Language, texts: list[Any], disable: list[str]) -> list[Any]:
    with nlp.select_pipes(disable=[d for d in disable if d in nlp.pipe_names]):
        return list(nlp.pipe(texts, batch_size=BATCH_SIZE))


ITEM_TAGS = (
    "category", "frequency", "quantity", "claims_admin_guideline", "maximus_guideline",
    "guideline_limits", "rationale_treatments", "masked_rationale", "verdict_text",
    "reason_sentences",
    "ruling", "category_source", "category_probability", "review_tags", "spans",
)  # fmt: skip
LETTER_TAGS = ("prior_treatments", "summary_spans")


def tag_records(
    items: Sequence[Mapping[str, Any]],
    letters: Sequence[Mapping[str, Any]],
    nlp: Language | None = None,
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The tags of each item and each letter (dicts keyed by ITEM_TAGS / LETTER_TAGS, in input
    order), read from ingest's item and letter records. Plain Python values (dict/list/int/None),
    so they JSON-serialise in the answer key's shape.

    The rationale with its verdict sentences masked, and those sentences alone, are the two
    outcome models' inputs: tagged here so that no later stage tokenizes the rationale again.
    The tagged spans go with the tags (`spans`: the disputed item's and the rationale's;
    `summary_spans`: the case summary's), character offsets into the text they were found in,
    so the report highlights them without tagging anything again.
    """
    nlp = nlp or build_nlp()
    item_only = ["imr_guideline_limits", "imr_citations", "verdict_masker", "ruling_reader",
                 "imr_reason_cues"]  # fmt: skip
    requests = _pipe(nlp, [as_text(i.get("disputed_item")) for i in items], item_only)
    rationale_skip = ["imr_item_category", "imr_frequencies", "imr_quantities", "imr_citations"]
    # The ruling reader compares the rationale's subjects with the item it rules on: each
    # rationale doc carries its item's text and the treatments tagged in it.
    rationales = _pipe(
        nlp,
        [
            prepare_rationale(nlp, as_text(i.get("rationale")), as_text(i.get("disputed_item")),
                              request)
            for i, request in zip(items, requests, strict=True)
        ],
        rationale_skip,
    )  # fmt: skip
    frequency_skip = _frequency_skip(nlp)
    # The pipeline's own citation grammar (saved with it), read line by line: the component
    # is for docs that are one guideline line, and these lines are only parsed, not tokenized.
    grammar = nlp.get_pipe("imr_citations").grammar if "imr_citations" in nlp.pipe_names else None
    item_tags = []
    for item, request, rationale in zip(items, requests, rationales, strict=True):
        asked, reasoned = request._, rationale._  # each `doc._` builds a new accessor
        lines, citation_reasons = {}, []
        for name in ("claims_admin_guideline", "maximus_guideline"):
            raw = item.get(f"{name}_text")
            if not isinstance(raw, str):
                # The form prints no such section at all (the review attachment has no claims
                # administrator's guideline): null, as the answer key writes it, not a flag.
                lines[name] = None
                continue
            lines[name], unparsed, failed = review_citation(raw, grammar)
            citation_reasons += _citation_reasons(raw, lines[name], unparsed, failed)
        item_tags.append(
            {
                "category": asked.item_category,
                "frequency": asked.frequency,
                "quantity": asked.quantity,
                **lines,
                "guideline_limits": list(reasoned.guideline_limits or []),
                "rationale_treatments": list(reasoned.treatments or []),
                "masked_rationale": reasoned.masked_text,
                "verdict_text": reasoned.verdict_text,
                "ruling": reasoned.ruling,
                "reason_sentences": list(reasoned.reason_sentences or []),
                "category_source": asked.category_source,
                "category_probability": asked.category_probability,
                "review_tags": merge_reasons(
                    request_review(request, frequency_skip),
                    citation_reasons,
                    ["tagger_error"] if reasoned.tagger_errors else [],
                    ruling_review(reasoned.ruling),  # the decision reader abstains: flagged
                ),
                "spans": doc_spans(request, "disputed_item") + doc_spans(rationale, "rationale"),
            }
        )
    summary_only = ["imr_item_category", "imr_frequencies", "imr_quantities",
                    "imr_guideline_limits", "imr_citations", "verdict_masker",
                    "ruling_reader", "imr_reason_cues"]  # fmt: skip
    summaries = _pipe(nlp, [as_text(x.get("clinical_case_summary")) for x in letters], summary_only)
    letter_tags = [
        {"prior_treatments": _prior(doc), "summary_spans": doc_spans(doc, "clinical_case_summary")}
        for doc in summaries
    ]
    return item_tags, letter_tags


def _frequency_skip(nlp: Language) -> frozenset[str]:
    """Categories that never take a frequency (the frequency component's own setting)."""
    if "imr_frequencies" in nlp.pipe_names:
        return nlp.get_pipe("imr_frequencies").rules.skip_categories
    return frozenset()


def _citation_reasons(
    text: str, citation: dict[str, Any], unparsed: list[str], failed: bool
) -> list[str]:
    if failed:
        return ["tagger_error"]
    if not text.strip():
        return ["citation_missing"]
    reasons = ["citation_text_unparsed"] if unparsed else []
    if unknown_chapters(citation):
        reasons.append("unknown_guideline_chapter")
    return reasons


def tag_items(
    items: pd.DataFrame, letters: pd.DataFrame, nlp: Language | None = None
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """`tag_records` on ingest's items and letters tables, then each item's record
    (`pipeline.tagging.records`): copies of the tables, the items table with every field of
    the record as a column (`pipeline.record.views.table_row`), the letters table with the
    letter tags added (object columns, so None stays None and ints stay ints; inputs
    untouched)."""
    import pandas as pd

    from pipeline.record.views import TABLE_COLUMNS, table_row
    from pipeline.tagging.records import item_records

    item_rows = items.to_dict(orient="records")
    letter_rows = letters.to_dict(orient="records")
    item_tags, letter_tags = tag_records(item_rows, letter_rows, nlp)
    records = item_records(
        [{**item, **tags} for item, tags in zip(item_rows, item_tags, strict=True)],
        [{**letter, **tags} for letter, tags in zip(letter_rows, letter_tags, strict=True)],
    )
    rows = [table_row(record) for record in records]
    items, letters = items.copy(), letters.copy()
    # review_tags and reason_sentences are the tag stage's working values, not record fields:
    # the reason classifier trains on the sentences (`pipeline.modeling.reasons`)
    tag_only = ("review_tags", "reason_sentences")
    for name in dict.fromkeys([*TABLE_COLUMNS, *tag_only, *(rows[0] if rows else ())]):
        if name in tag_only:
            values = [t[name] for t in item_tags]
        else:
            values = [row.get(name) for row in rows]
        items[name] = pd.Series(values, index=items.index, dtype=object)
    for name in LETTER_TAGS:
        letters[name] = pd.Series([t[name] for t in letter_tags], index=letters.index, dtype=object)
    return items, letters


def _prior(doc: Any) -> list[str]:
    """Treatments named in "Treatment to date" passages, else every treatment in the summary."""
    return list(doc._.prior_treatments or doc._.treatments or [])
