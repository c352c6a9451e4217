"""One pydantic model per kind of rule file (`pipeline.rules.files` validates every file with one).

Extra keys are forbidden, so a typo ("tigger", "not_after_numbr") fails at load instead of
silently turning a rule off; every field holding a regex is checked to parse. A `_doc` key is
the file's comment.
"""

from __future__ import annotations

import re
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

# `{NUM}`, `{RANGE}`, `{MONTH}`, a verdict fragment...: expanded by the component that reads the
# file; checked here as one plain group, so the rule around them must still parse.
_PLACEHOLDER = re.compile(r"\{[A-Z_]+\}")


def _parses(pattern: str) -> str:
    # Compiled with each placeholder as one plain group (the public API: re's parser module is
    # private). Unexpanded, even the rules compiled lazily for their length are short.
    try:
        re.compile(_PLACEHOLDER.sub("(?:0)", pattern))
    except re.error as error:
        raise ValueError(f"bad pattern: {error}") from None
    return pattern


Pattern = Annotated[str, AfterValidator(_parses)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)


class _File(_Strict):
    doc: str = Field("", alias="_doc")


class SpanRule(_Strict):
    """A regex rule of `_spanrules.Rule` (frequency, quantity, guideline limits)."""

    name: str
    regex: Pattern
    triggers: list[str] = []
    window: int = 150
    not_after_number: bool = False
    per_week: int | None = None  # rates only: a fixed rate ("weekly")


class FrequencyFile(_File):
    skip_categories: list[str]
    rates: list[SpanRule]
    counts: list[SpanRule]


class QuantityFile(_File):
    skip_categories: list[str]
    rules: list[SpanRule]


class GuidelineLimitsFile(_File):
    rules: list[SpanRule]


class ItemCategoryFile(_File):
    scope_prefixes: list[Pattern]
    dose_regex: Pattern
    dose_category: str
    fallback_category: str
    subordinator_regex: Pattern
    head_check_min_probability: float
    visit_noun_regex: Pattern
    visit_category: str
    referral_link_regex: Pattern
    treatment_cue_regex: Pattern
    provider_treatment_categories: list[str]
    therapy_modalities: list[str]
    therapy_order_regex: Pattern
    therapy_category: str
    head_word_regex: Pattern
    head_check_ignore_words: list[str]


class CategoryBackoffFile(_File):
    ngram_min: int
    ngram_max: int
    word_weight: float
    alpha: float
    sharpness: float
    prior_weight: float
    min_probability: float
    coverage_power: float
    ignore_words: frozenset[str]


class ChapterGrammar(_Strict):
    name: Pattern
    year: Pattern
    month: Pattern
    guidelines: Pattern
    tail: Pattern
    leads: Pattern
    end: Pattern


class CitationFile(_File):
    labels: Pattern
    no_cite: Pattern
    outside: Pattern
    clause_split: Pattern
    clause_subject: Pattern
    part_of_mtus: Pattern
    not_part_of_mtus: Pattern
    non_mtus_head: Pattern
    mtus_head: Pattern
    prose_source: Pattern
    chapter: ChapterGrammar
    sections: Pattern
    pages: Pattern
    fillers: Pattern
    max_page_range: int


class MtusChapterName(_Strict):
    name: str
    years: list[int]
    aliases: list[str] = []
    acoem_2004_chapter: int | None = None


class ChapterName(_Strict):
    name: str
    aliases: list[str] = []


class GuidelineSource(_Strict):
    name: str
    pattern: Pattern
    chapters: list[ChapterName] = []


class GuidelineNamesFile(_File):
    max_edit_ratio: float = Field(ge=0.0, lt=0.5)
    drop_words: list[str]
    mtus: list[MtusChapterName]
    sources: list[GuidelineSource]


class NumbersFile(_File):
    units: dict[str, int]
    tens: dict[str, int]
    adverbs: dict[str, int]
    name_nouns_doc: str = Field("", alias="_name_nouns")
    name_nouns: list[str]


class NumberExplainer(_Strict):
    name: str
    regex: Pattern
    only_skipped_categories: bool = False


class ReviewNumbersFile(_File):
    number: Pattern
    explainers: list[NumberExplainer]


class TreatmentHistoryFile(_File):
    cue_regex: Pattern
    sentence_end_regex: Pattern
    max_chars: int
    cue_triggers: list[str]
    cue_window: int


class VerdictRule(_Strict):
    name: str
    regex: Pattern
    description: str = ""
    requires: list[str] = []


class SentinelRule(_Strict):
    name: str
    regex: Pattern


class VerdictRulesFile(_File):
    placeholder: str = "[VERDICT]"
    fragments: dict[str, Pattern] = {}
    rules: list[VerdictRule]
    sentinel: list[SentinelRule] = []


class TokenPatternRule(_Strict):
    """A named spaCy Matcher token pattern (`ruling_rules.json`); spaCy checks the pattern's
    attributes itself when the component builds its Matchers (`validate=True`)."""

    name: str
    pattern: list[dict[str, Any]] = Field(min_length=1)


class RulingPredicate(TokenPatternRule):
    # "contrast": a verb read only in a contrast clause ("..., while the requested 12 visits
    # exceed the guideline"), where it can only make the sentence abstain
    kind: Literal["state", "partial", "meets", "event", "elliptic", "shown", "active", "contrast"]
    sign: Literal[1, -1]


class RulingRulesFile(_File):
    """`ruling_rules.json`: the decision reader's ruling sentence (tagging/ruling.py)."""

    predicates: list[RulingPredicate] = Field(min_length=1)
    frames: list[TokenPatternRule] = []
    subordinators: list[TokenPatternRule] = []
    request_signals: list[TokenPatternRule] = Field(min_length=1)
    denial_nouns: list[TokenPatternRule] = []
    approval_nouns: list[TokenPatternRule] = []
    guideline_frames: list[TokenPatternRule] = []
    guideline_qualifiers: list[TokenPatternRule] = []
    partial_markers: list[TokenPatternRule] = []
    history_markers: list[TokenPatternRule] = []
    need_nouns: list[TokenPatternRule] = []
    verb_group: list[str]
    judging_verbs: list[str] = []
    active_subjects: list[str] = []
    page_furniture: list[Pattern] = []
    negative_actions: list[str] = []
    determiners: list[str] = []
    negations: list[str]
    history_words: list[str] = []
    conditionals: list[str] = []
    clause_breaks: list[str] = []
    new_clause_after_and: list[str] = []
    pronoun_subjects: list[str] = []
    other_item_words: list[str] = []
    guideline_words: list[str] = []
    content_stopwords: list[str] = []
    negative_subjects: list[str] = []
    indefinite_articles: list[str] = []
    counterfactual_modals: list[str] = []
    body_regions: list[str] = []
    contrast_subordinators: list[str] = []
    other_side_words: list[str] = []
    scoped_frames: list[str] = []
    turns: list[str] = []
    contrast_partial_markers: list[str] = []
    verdict_nouns: list[str] = []
    same_request_after_other: list[str] = []
    repeat_words: list[str] = []
    past_history_markers: list[str] = []
    past_narration_frames: list[str] = []
    parenthetical_openers: list[str] = []
    dosing_words: list[str] = []
    count_markers: list[str] = []
    generic_treatments: list[str] = []
    fragment_connectives: list[str] = []
    topic_openers: list[str] = []
    comparatives: list[str] = []
    clause_openers: list[str] = []
    count_units: list[str] = []
    exception_markers: list[str] = []
    sides: list[str] = []
    earlier_reviewers: list[str] = []
    exclusion_openers: list[str] = []
    continuation_words: list[str] = []
    more_words: list[str] = []
    conditions_after_modal: list[str] = []
    bilateral_words: list[str] = []
    guideline_voice_words: list[str] = []
    # a class noun -> the service categories it can name ("the medication": pharmaceutical)
    class_nouns: dict[str, list[str]] = {}


class TreatmentRow(_Strict):
    """One row of `treatments.jsonl`: a phrase (`pattern`) or a spaCy token pattern (`tokens`)."""

    pattern: str | None = None
    tokens: list[dict[str, Any]] | None = None
    name: str
    category: str
    orth: bool = False
    weak: bool = False


class ReasoningCuesFile(_File):
    deficit: Pattern
    finding: Pattern


class _TokenValues(_Strict):
    """A token attribute's set of values (`{"IN": [...]}`) or its regex (`{"REGEX": ...}`)."""

    IN: list[str] | None = None
    REGEX: Pattern | None = None


class MatcherToken(_Strict):
    """One token of a spaCy Matcher pattern: the few attributes the reason cues use."""

    LOWER: str | _TokenValues | None = None
    ORTH: str | _TokenValues | None = None
    TEXT: str | _TokenValues | None = None
    LIKE_NUM: bool | None = None
    IS_DIGIT: bool | None = None
    IS_PUNCT: bool | None = None
    OP: Literal["?", "*", "+", "!"] | None = None


TokenPattern = Annotated[list[MatcherToken], Field(min_length=1)]


class NegationTriggers(_Strict):
    preceding: list[TokenPattern]
    following: list[TokenPattern]
    pseudo: list[TokenPattern] = []
    termination: list[TokenPattern] = []


class ReasonCue(_Strict):
    name: str
    code: Literal[
        "not_recommended", "no_functional_benefit", "criteria_not_met", "no_conservative_trial",
        "exceeds_guideline_amount", "request_incomplete", "monitoring_missing",
        "depends_on_denied", "other",
    ]  # fmt: skip
    scope: Literal["negated", "affirmed", "any"]
    patterns: Annotated[list[TokenPattern], Field(min_length=1)]


class ReasonCuesFile(_File):
    """`reason_cues.json`: the denial-reason cues and the NegEx triggers that scope them."""

    window: int = Field(ge=1)
    negation: NegationTriggers
    cues: list[ReasonCue]


class HeaderField(_Strict):
    label: Pattern
    value: str  # a key of `header_values`


class PartialForm(_Strict):
    lead_in: Pattern
    required: list[Pattern]


class LandmarksFile(_File):
    letter_start: Pattern
    header: Pattern
    header_fields: dict[str, HeaderField]
    header_values: dict[str, Pattern]
    headings: dict[str, Pattern]
    intros: dict[str, Pattern]
    labels: dict[str, Pattern]
    label_order: list[str]
    decision_only: Pattern
    sentence_end: Pattern
    page_number: Pattern
    bare_page_number: Pattern
    furniture: dict[str, Pattern]
    partial_head: Pattern
    partial_tail: Pattern
    partial_forms: list[PartialForm]
    credentials: dict[str, Pattern]
    forms: dict[str, list[str]]
    landmark_names: dict[str, str]


class UnglueFile(_File):
    words: list[str]
    prefixes: list[str]
    function_words: list[str]


class DrugClassesFile(_File):
    topical_words: list[str]
    compound_words: list[str]
    compound_class: str
    other_class: str
    classes: dict[str, list[str]]


class NamedPattern(_Strict):
    """One entry of a vocabulary read by pattern (a condition, a body part, a treatment kind)."""

    name: str
    pattern: Pattern
    label: str = ""
    general: bool = False  # conditions only: applies to any case
    request_only: bool = False  # conditions only: named by the request, not the case summary


class VisitCapFile(_File):
    conditions: list[NamedPattern]
    body_parts: list[NamedPattern]
    treatment_kinds: list[NamedPattern]
    trial_pattern: Pattern
    total_pattern: Pattern
    remaining_pattern: Pattern
    continuing_pattern: Pattern
    completed_regex: Pattern


# Rule kind (the shipped file's name) -> its schema; a JSONL kind's schema is one row's.
SCHEMAS: dict[str, type[BaseModel]] = {
    "frequency.json": FrequencyFile,
    "quantity.json": QuantityFile,
    "guideline_limits.json": GuidelineLimitsFile,
    "item_category.json": ItemCategoryFile,
    "category_backoff.json": CategoryBackoffFile,
    "citation.json": CitationFile,
    "guideline_names.json": GuidelineNamesFile,
    "numbers.json": NumbersFile,
    "review_numbers.json": ReviewNumbersFile,
    "treatment_history.json": TreatmentHistoryFile,
    "verdict_rules.json": VerdictRulesFile,
    "ruling_rules.json": RulingRulesFile,
    "treatments.jsonl": TreatmentRow,
    "reasoning_cues.json": ReasoningCuesFile,
    "reason_cues.json": ReasonCuesFile,
    "landmarks.json": LandmarksFile,
    "unglue.json": UnglueFile,
    "drug_classes.json": DrugClassesFile,
    "visit_cap.json": VisitCapFile,
}
