"""The typed item record: every derived fact of a disputed item, computed once by its stage.

Ingest reads the letter and its items, the tag stage adds the tags and the facts derived from
them (the visit-cap verdict, the review codes, the tagged spans) and builds one `Item` per item
(`pipeline.tagging.records.item_record`); predict adds its `Prediction`. Every output is a view
of the record (`pipeline.record.views`): the JSONL and CSV rows of `imr extract`/`predict`,
the tagged parquet tables, the corpus report's rows and pages, and the model feature table.

The JSON keys are the answer key's (../shared/README.md: `case_number`, `issue_index`,
`request_text`, `disputed_item`, `decision`, `category`, `frequency`, `quantity`,
`claims_admin_guideline`, `maximus_guideline`), then the extraction's own. Adding a field: give
it a type and a default here (the JSON schema in docs/ follows, `imr schema`); until then an
unknown key is carried through untouched (`extra="allow"`), never dropped.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    SerializerFunctionWrapHandler,
    model_serializer,
    model_validator,
)

# A [min, max] range, as the answer key writes counts ("2-3 times a week" -> [2, 3]).
Range = Annotated[list[int | float], Field(min_length=2, max_length=2)]

UPHELD, OVERTURNED = "Upheld", "Overturned"


def item_number(issue_index: int) -> int:
    """The item's number for people: the letter's first item is 1 (`issue_index` is 0, as the
    answer key and the JSON keep it)."""
    return int(issue_index) + 1


class Part(BaseModel):
    """A part of the record: unknown keys are kept (another stage may add one), values are
    checked when they are assigned too."""

    model_config = ConfigDict(extra="allow", validate_assignment=True)


class Span(Part):
    """A tagged stretch of one of the item's texts: `start`/`end` are character offsets into
    the text named by `source` (the record's `disputed_item` or `rationale`, the letter's
    `clinical_case_summary`), so `text == <that text>[start:end]`."""

    source: Literal["disputed_item", "rationale", "clinical_case_summary"]
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str
    kind: str  # treatment, frequency, quantity, limit, verdict
    label: str  # the rule or lexicon entry that tagged it
    # What the tagger read there (a frequency or limit dict, a count), as plain JSON values.
    # Typed Any, not JsonValue: checking JsonValue tripled the cost of building the spans.
    value: Any = None

    @model_validator(mode="after")
    def _ordered(self) -> Span:
        if self.end < self.start:
            raise ValueError(f"span ends ({self.end}) before it starts ({self.start})")
        return self


class Frequency(Part):
    """How often a service is requested, in the answer key's shape: each a [min, max] range or
    None ("2-3 times a week for 6 weeks" -> per_week [2, 3], weeks [6, 6], sessions [12, 18])."""

    per_week: Range | None = None
    weeks: Range | None = None
    sessions: Range | None = None


class GuidelineLimit(Frequency):
    """A limit the rationale quotes from its guideline ("up to 10 visits over 8 weeks"), in the
    frequency's shape, with what it applies to (`pipeline.tagging.visit_cap.annotate_limits`):
    `condition` (a name of `visit_cap.json`, None when none is named), `body_parts`, and
    `phase` ("trial", "total", or "remaining": the rationale's own remainder)."""

    condition: str | None = None
    body_parts: list[str] = Field(default_factory=list)
    phase: Literal["trial", "total", "remaining"] | None = None


class MtusCitation(Part):
    """One "Decision based on MTUS <chapter> <year>, Section(s): ..., Page(s): ..." clause."""

    chapter: str | None = None
    year: int | None = None
    sections: str | None = None  # raw text: MTUS section names contain commas
    pages: list[int] = Field(default_factory=list)
    canonical: str | None = None  # the chapter's name in the closed vocabulary, None: unknown


class NonMtusSource(Part):
    """What a "Decision based on Non-MTUS Citation ..." reference names: its source and the
    source's chapters in the closed vocabularies (`tagging/guideline_names.json`)."""

    text: str
    source: str | None = None  # None: a source no vocabulary knows
    chapters: list[str] = Field(default_factory=list)
    unknown_chapters: list[str] = Field(default_factory=list)
    year: int | None = None


class Citation(Part):
    """One guideline line (the claims administrator's or MAXIMUS's): its raw text without the
    label and what the citation tagger read in it. `text` None: the letter has no such line."""

    text: str | None = None
    cited: bool | None = None  # False: "no medical evidence was cited"
    outside_mtus: bool | None = None
    mtus: list[MtusCitation] = Field(default_factory=list)
    non_mtus: list[str] = Field(default_factory=list)
    non_mtus_sources: list[NonMtusSource] = Field(default_factory=list)

    @model_serializer(mode="wrap")
    def _null_when_absent(self, handler: SerializerFunctionWrapHandler) -> dict[str, Any] | None:
        """A line the letter does not print (no text and nothing read) is null, the answer
        key's convention (read back, `Item` turns the null into this empty default again)."""
        absent = self.text is None and self.cited is None and self.outside_mtus is None
        return None if absent and not (self.mtus or self.non_mtus) else handler(self)


class VisitCap(Part):
    """The requested visits against the guideline's cap (`pipeline.tagging.visit_cap`), with the
    arithmetic behind the verdict.

    `limit` is the quoted limit the request is held against, `basis` the count compared
    ("sessions", else "per_week"), `requested` the request's range on it and `cap` the limit's
    upper end ("4-6 visits" allows 6). `exceeds` is True when even the smallest request is over
    the cap, False when the largest is within it, None when they cannot be compared or the
    request straddles the cap; `group` names the case for the report. `requested_sessions` (the
    request's session count, or visits a week x weeks), `limit_sessions` (the most generous
    limit's) and `sessions_over_limit` (their difference) are the counts the models read.

    The limit held is the quoted one that fits the case (condition, body part, trial or total):
    `applies_to` says what it is for, `not_matching` lists the quoted limits left out and why,
    `tied` how many fit as well (the most generous of those is held). `completed` sessions the
    letter states (`completed_text` quotes it) are subtracted from a session cap: `allowed` is
    what is left. `quoted` counts the quoted limits; `note` is the arithmetic in words."""

    limit: GuidelineLimit | None = None
    basis: Literal["sessions", "per_week"] | None = None
    requested: list[float] | None = None
    cap: float | None = None
    exceeds: bool | None = None
    group: str | None = None
    requested_sessions: float | None = None
    limit_sessions: float | None = None
    sessions_over_limit: float | None = None
    applies_to: str | None = None
    completed: int | None = None
    completed_text: str | None = None
    allowed: float | None = None
    quoted: int = 0
    tied: int = 0
    not_matching: list[str] = Field(default_factory=list)
    note: str = ""


# The codes of the denial-reasons codebook (../shared/REASONS.md), in its order.
REASON_CODES = (
    "not_recommended", "no_functional_benefit", "criteria_not_met", "no_conservative_trial",
    "exceeds_guideline_amount", "request_incomplete", "monitoring_missing", "depends_on_denied",
    "other",
)  # fmt: skip


class Reason(Part):
    """Why an Upheld item was upheld: a code of the reasons codebook and the rationale sentence
    that says so (`start`/`end`: its offsets into the rationale)."""

    code: str
    evidence: str | None = None
    start: int | None = None
    end: int | None = None
    probability: float | None = None


class ReviewFlag(Part):
    """Why a person should check the item: a short code (`pipeline.tagging` lists them) and,
    when the stage that raised it knows more, a detail."""

    code: str
    detail: str | None = None


class Evidence(Part):
    """A feature moving the reasoning model's score (+ is toward Overturned)."""

    feature: str
    weight: float
    name: str | None = None
    value: float | None = None  # a numeric feature's value for this item; terms have none

    @model_serializer(mode="wrap")
    def _without_empty(self, handler: SerializerFunctionWrapHandler) -> dict[str, Any]:
        """A term's entry has no `value` key (as predict has always written it)."""
        data: dict[str, Any] = handler(self)
        return {k: v for k, v in data.items() if v is not None or k not in ("name", "value")}


class Ruling(Part):
    """The sentence that rules on the item (`pipeline.tagging.ruling`) and the decision it
    reads: `decision` None when the reader abstains (`review` says why: no ruling sentence, or
    one that rules both ways); `start_char`/`end_char` are the sentence's offsets into the
    rationale; `form` the predicate rule; `partial` a partial or modified approval (Upheld)."""

    decision: str | None = None
    sentence: str | None = None
    start_char: int | None = None
    end_char: int | None = None
    form: str | None = None
    partial: bool = False
    review: str | None = None


class Prediction(Part):
    """What `imr predict` adds: the decision reader's read (the ruling sentence's; None when it
    abstains) and the reasoning model's P(Overturned), each against the letter's stated
    decision, and the evidence."""

    decision_read: str | None = None
    p_overturned_reader: float | None = None
    p_overturned_reasoning: float
    agrees_with_stated: bool | None = None
    reasoning_call: str | None = None
    reasoning_agrees_with_stated: bool | None = None
    evidence: list[Evidence] = Field(default_factory=list)
    smoke_test_models: bool = False


class Decision(BaseModel):
    """The item's decision as the letter heads it and as the decision reader reads it."""

    model_config = ConfigDict(frozen=True)

    stated: str | None  # "Upheld" / "Overturned" after the request, as printed
    read: str | None = None  # the decision reader's call (None before predict)
    p_overturned_reader: float | None = None
    agrees: bool | None = None  # None: nothing to compare
    reader_evidence: list[str] = Field(default_factory=list)

    @property
    def overturned(self) -> bool | None:
        return {UPHELD: False, OVERTURNED: True}.get((self.stated or "").strip())


class Letter(Part):
    """A letter's own fields (ingest's letter record) and its tags."""

    case_number: str | None = None
    source_file: str | None = None
    date_assigned: str | None = None
    date_of_injury: str | None = None
    decision_date: str | None = None
    ur_denial_date: str | None = None
    application_received: str | None = None
    priority: str | None = None
    licensure: list[str] | None = None
    specialty: str | None = None
    clinical_case_summary: str | None = None
    n_items: int | None = None
    layout: str | None = None
    era: str | None = None
    ocr_pages: list[int] | None = None
    prior_treatments: list[str] | None = None
    summary_spans: list[Span] = Field(default_factory=list)


class Item(Part):
    """One disputed item: the answer key's fields, then the extraction's, then predict's.

    Fields written to `imr extract`'s JSONL in this order (`views.json_row`); `masked_rationale`,
    `verdict_text` and `spans` are the tag stage's working values for the models and the report
    and stay out of it (`views.INTERNAL`). The visit-cap verdict is also written under the
    names the JSON had before the record existed: `guideline_limit`, `exceeds_guideline_limit`."""

    case_number: str
    issue_index: int = Field(ge=0)
    request_text: str | None = None
    disputed_item: str | None = None
    decision: str | None = None
    category: str | None = None
    frequency: Frequency | None = None
    quantity: int | None = None
    claims_admin_guideline: Citation = Field(default_factory=Citation)
    maximus_guideline: Citation = Field(default_factory=Citation)
    category_source: str | None = None
    category_probability: float | None = None
    guideline_limits: list[GuidelineLimit] = Field(default_factory=list)
    rationale_treatments: list[str] = Field(default_factory=list)
    prior_treatments: list[str] | None = None
    rationale: str | None = None
    source_file: str | None = None
    ocr_confidence: float | None = None
    review: list[ReviewFlag] = Field(default_factory=list)
    ruling: Ruling | None = None
    visit_cap: VisitCap = Field(default_factory=VisitCap)
    reasons: list[Reason] = Field(default_factory=list)
    prediction: Prediction | None = None
    masked_rationale: str | None = None
    verdict_text: str | None = None
    spans: list[Span] = Field(default_factory=list)

    @model_validator(mode="before")
    @classmethod
    def _from_json(cls, data: Any) -> Any:
        """A record as `views.json_row` writes it, back into the model: `review` (a list of
        codes, `review_details` beside it) into flags, and `guideline_limit` /
        `exceeds_guideline_limit` (the visit-cap verdict under its JSON names) into `visit_cap`
        when the record has none; a None where the field has an empty default is that default."""
        if not isinstance(data, dict):
            return data
        # A missing tag (None, as in an untagged table) is the field's empty default.
        data = {
            k: v
            for k, v in data.items()
            if v is not None
            or k not in cls.model_fields
            or cls.model_fields[k].default_factory is None
        }
        details = data.pop("review_details", None) or {}
        if "review" in data:
            data["review"] = [
                {"code": flag, "detail": details.get(flag)} if isinstance(flag, str) else flag
                for flag in data.get("review") or []
            ]
        limit = data.pop("guideline_limit", None)
        exceeds = data.pop("exceeds_guideline_limit", None)
        if data.get("visit_cap") is None:
            data["visit_cap"] = {"limit": limit, "exceeds": exceeds}
        return data

    @property
    def review_codes(self) -> list[str]:
        return [flag.code for flag in self.review]

    @property
    def item(self) -> int:
        """The item's number for people: the letter's first item is 1 (`issue_index` is 0)."""
        return item_number(self.issue_index)

    @property
    def decision_facts(self) -> Decision:
        """The stated decision and, after predict, the decision reader's."""
        p = self.prediction
        if p is None:
            return Decision(stated=self.decision)
        return Decision(
            stated=self.decision,
            read=p.decision_read,
            p_overturned_reader=p.p_overturned_reader,
            agrees=p.agrees_with_stated,
            reader_evidence=[str(x) for x in getattr(p, "reader_evidence", None) or []],
        )
