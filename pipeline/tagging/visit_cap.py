"""The visit-cap check: requested sessions (or visits a week) against the guideline limit that
fits the case ("limited to 4-6 visits", "up to 3 visits per week", "Myalgia and myositis:
9-10 visits over 8 weeks"), less the sessions the letter says were already completed.

A rationale often quotes a guideline's whole table (myalgia 9-10 visits, neuralgia 8-10, CRPS
26, ...). The limit held against a request is the one whose condition and body part fit the
item, never simply the most generous: a CRPS limit applies only when the request or the case
summary names CRPS, a limit for the neck only to a neck request. Each quoted limit carries what
it applies to (`annotate_limits`, called by the limit tagger: `condition`, `body_parts`,
`phase`); the case's side (`case_facts`) is read from the request, the case summary and the
rationale. The rules are data: `visit_cap.json` (conditions, body parts, treatment kinds, the
"completed N sessions" statement).

Both sides are in the tagger's frequency shape, {"per_week", "weeks", "sessions"}: each a
[min, max] range or None. Pure Python: no spaCy. `visit_cap_check` gives the verdict with its
arithmetic; `visit_cap` the record's `VisitCap`. The tag stage computes it once per item
(`pipeline.tagging.records`) and the record carries it (`pipeline.record.VisitCap`): the
report, the CSV and the models' features all read that verdict, never compute their own.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from typing import Any, Literal

from pipeline.record.model import GuidelineLimit, VisitCap

Range = Sequence[int]

# The verdict's groups, in the report's order.
CAP_OVER, CAP_WITHIN = "over the cap", "within the cap"
CAP_STRADDLES = "request range straddles the cap"
CAP_NO_REQUEST = "limit stated, request has no visit count"
CAP_NO_FIT = "limits stated, none fits the case"
CAP_NO_LIMIT = "visits requested, no limit stated"
CAP_GROUPS = (CAP_WITHIN, CAP_OVER, CAP_STRADDLES, CAP_NO_REQUEST, CAP_NO_FIT, CAP_NO_LIMIT)

# Limit keys the tagger adds beside the frequency shape (what the limit applies to).
CONDITION, BODY_PARTS, PHASE = "condition", "body_parts", "phase"
_SENTENCE_END = re.compile(r"[.!?](?=\s+[A-Z(\"'])|;|\n\s*\n")
_AFTER_FOR = re.compile(r"^\s*,?\s*(?:for|in\s+(?:the\s+treatment\s+of\s+)?)\s+([^,;.]*)")


@dataclass(frozen=True)
class _Named:
    name: str
    label: str
    regex: re.Pattern[str]
    general: bool = False
    request_only: bool = False


@dataclass(frozen=True)
class CapRules:
    """Compiled `visit_cap.json`."""

    conditions: tuple[_Named, ...]
    body_parts: tuple[_Named, ...]
    kinds: tuple[_Named, ...]
    trial: re.Pattern[str]
    total: re.Pattern[str]
    remaining: re.Pattern[str]
    continuing: re.Pattern[str]
    completed: re.Pattern[str]

    def condition(self, name: str | None) -> _Named | None:
        return next((c for c in self.conditions if c.name == name), None)

    def part_label(self, name: str) -> str:
        return next((p.label or p.name for p in self.body_parts if p.name == name), name)


def _named(entries: Sequence[Mapping[str, Any]]) -> tuple[_Named, ...]:
    return tuple(
        _Named(
            e["name"],
            e.get("label") or e["name"],
            re.compile(e["pattern"], re.IGNORECASE),
            bool(e.get("general")),
            bool(e.get("request_only")),
        )  # fmt: skip
        for e in entries
    )


@lru_cache(maxsize=1)
def cap_rules() -> CapRules:
    from pipeline.rules.files import load_rules
    from pipeline.tagging._resources import expand_placeholders

    data = load_rules("visit_cap.json")
    flags = re.IGNORECASE
    return CapRules(
        conditions=_named(data["conditions"]),
        body_parts=_named(data["body_parts"]),
        kinds=_named(data["treatment_kinds"]),
        trial=re.compile(data["trial_pattern"], flags),
        total=re.compile(data["total_pattern"], flags),
        remaining=re.compile(data["remaining_pattern"], flags),
        continuing=re.compile(data["continuing_pattern"], flags),
        completed=re.compile(expand_placeholders(data["completed_regex"]), flags),
    )


# ---- what each quoted limit applies to (at tag time) --------------------------------------


def _last(named: Sequence[_Named], text: str) -> _Named | None:
    """The entry whose match ends last in `text` (the mention closest to what follows)."""
    best, best_end = None, -1
    for entry in named:
        for match in entry.regex.finditer(text):
            if match.end() > best_end:
                best, best_end = entry, match.end()
    return best


def _all(named: Sequence[_Named], text: str) -> list[str]:
    return [entry.name for entry in named if entry.regex.search(text)]


def annotate_limits(text: str, spans: Sequence[tuple[int, int]]) -> list[dict[str, Any]]:
    """What each limit quoted at `spans` (character offsets into the rationale `text`, in text
    order) applies to: {condition, body_parts, phase}.

    A limit's own segment is the text from the previous limit (or the sentence start) to the
    limit, plus a following "for <condition>" phrase ("9-10 visits over 8 weeks for myalgia"),
    which then belongs to it and not to the next limit. The condition is the one named closest
    before the limit; a limit naming neither condition nor body part inherits those of the
    limit before it in the same sentence ("an initial trial of 10 visits ... and up to 25")."""
    rules = cap_rules()
    bounds = [0, *(m.end() for m in _SENTENCE_END.finditer(text))]
    out: list[dict[str, Any]] = []
    previous_end, previous_sentence = 0, -1
    for i, (start, end) in enumerate(spans):
        sentence = max(b for b in bounds if b <= start)
        segment = text[max(sentence, previous_end) : start]
        next_start = spans[i + 1][0] if i + 1 < len(spans) else len(text)
        following = _AFTER_FOR.match(text[end:next_start])
        after = following.group(1) if following else ""
        named_after = _last(rules.conditions, after)
        condition = named_after or _last(rules.conditions, segment)
        parts = _all(rules.body_parts, f"{segment} {after}")
        phase = next((name for name, regex in (("remaining", rules.remaining),
                     ("trial", rules.trial), ("total", rules.total))
                      if regex.search(segment + text[start:end])),
                     None)  # fmt: skip
        if condition is None and not parts and out and previous_sentence == sentence:
            condition = rules.condition(out[-1][CONDITION])
            parts = list(out[-1][BODY_PARTS])
        out.append({CONDITION: condition.name if condition else None, BODY_PARTS: parts,
                    PHASE: phase})  # fmt: skip
        previous_end = end + (following.end() if following and named_after else 0)
        previous_sentence = sentence
    return out


# ---- the case's side ----------------------------------------------------------------------


@dataclass(frozen=True)
class Completed:
    """A statement that sessions were already done ("has completed 12 sessions of PT")."""

    sessions: int
    kind: str | None  # the treatment kind it names, None when it names none
    text: str


@dataclass(frozen=True)
class CaseFacts:
    """What the letter says about one item's case: the conditions and body parts named in the
    request and the case summary, the request's treatment kind, whether the request continues
    a treatment, and the completed-sessions statements."""

    conditions: frozenset[str] = frozenset()
    request_body_parts: frozenset[str] = frozenset()
    letter_body_parts: frozenset[str] = frozenset()
    kind: str | None = None
    continuing: bool = False
    completed: tuple[Completed, ...] = ()

    @property
    def body_parts(self) -> frozenset[str]:
        """The request's body parts; the letter's when the request names none."""
        return self.request_body_parts or self.letter_body_parts

    def completed_sessions(self) -> Completed | None:
        """The largest completed count of the request's own kind (or of no named kind)."""
        if self.kind is None:
            return None
        fitting = [c for c in self.completed if c.kind in (None, self.kind)]
        return max(fitting, key=lambda c: c.sessions) if fitting else None


def _kind(rules: CapRules, text: str) -> str | None:
    return next((k.name for k in rules.kinds if k.regex.search(text)), None)


def completed_statements(text: str) -> list[Completed]:
    """Every "completed/had/attended N (prior) sessions (of X)" statement in `text`."""
    from pipeline.tagging._resources import to_int

    rules = cap_rules()
    found = []
    for match in rules.completed.finditer(text):
        number = match.group("n") or match.group("n2")
        sessions = to_int(number or "")
        if sessions is None or not 0 < sessions < 200:
            continue
        named = " ".join(filter(None, (match.group(g) for g in
                                       ("before", "after", "before2", "after2"))))  # fmt: skip
        found.append(Completed(sessions, _kind(rules, named), match.group(0).strip()))
    return found


def case_facts(request: str, summary: str = "", rationale: str = "") -> CaseFacts:
    """The case's side of the check, from the item's request, its letter's case summary and
    its rationale. Conditions come from the request and the summary only: a rationale quotes
    every condition of the guideline's table."""
    rules = cap_rules()
    request, summary, rationale = str(request or ""), str(summary or ""), str(rationale or "")
    case = f"{request}\n{summary}"
    conditions = {c.name for c in rules.conditions if not c.request_only and c.regex.search(case)}
    conditions |= {c.name for c in rules.conditions if c.request_only and c.regex.search(request)}
    return CaseFacts(
        conditions=frozenset(conditions),
        request_body_parts=frozenset(_all(rules.body_parts, request)),
        letter_body_parts=frozenset(_all(rules.body_parts, summary)),
        kind=_kind(rules, request),
        continuing=bool(rules.continuing.search(request)),
        completed=tuple(completed_statements(summary) + completed_statements(rationale)),
    )


def item_case(item: Mapping[str, Any], letter: Mapping[str, Any] | None = None) -> CaseFacts:
    """`case_facts` of an item record (request, rationale) and its letter (case summary)."""
    request = " ".join(str(item.get(k) or "") for k in ("disputed_item", "request_text"))
    summary = (letter or {}).get("clinical_case_summary") or ""
    return case_facts(request, str(summary), str(item.get("rationale") or ""))


# ---- the check ----------------------------------------------------------------------------


def _range(value: Any) -> tuple[float, float] | None:
    """A [min, max] pair as floats, or None when it is not one."""
    if not isinstance(value, (list, tuple)) or len(value) != 2:
        return None
    try:
        low, high = float(value[0]), float(value[1])
    except (TypeError, ValueError):
        return None
    return (low, high) if low <= high else (high, low)


def _compare(requested: tuple[float, float], cap: float) -> bool | None:
    """True when even the smallest request is over the cap, False when the largest is within
    it, None when the cap falls inside the requested range ("8-12 visits" vs 10)."""
    if requested[0] > cap:
        return True
    if requested[1] <= cap:
        return False
    return None


def _fit(limit: Mapping[str, Any], case: CaseFacts | None) -> tuple[float, str | None]:
    """(score, why not) of one limit for the case: the higher the score the closer the fit;
    `why not` says why the limit cannot apply (score -1). Without case facts every limit fits
    alike."""
    if case is None:
        return 0.0, None
    rules = cap_rules()
    condition = rules.condition(limit.get(CONDITION))
    parts = set(limit.get(BODY_PARTS) or [])
    score = 0.0
    if condition is not None and not condition.general:
        if condition.name not in case.conditions:
            return -1.0, "neither the request nor the case summary names it"
        score += 3
    elif condition is not None and condition.name in case.conditions:
        score += 2  # a general condition the case names
    if parts:
        if case.body_parts and not parts & case.body_parts:
            theirs = ", ".join(rules.part_label(p) for p in sorted(parts))
            ours = ", ".join(rules.part_label(p) for p in sorted(case.body_parts))
            return -1.0, f"for the {theirs}, the request is for the {ours}"
        score += 2 if case.body_parts else 0
    # An initial request is held against the trial; a continued one (or one after completed
    # sessions) against the total.
    later = case.continuing or case.completed_sessions() is not None
    if limit.get(PHASE) in (("total", "remaining") if later else ("trial",)):
        score += 0.5
    return score, None


def _describe(limit: Mapping[str, Any]) -> str:
    rules = cap_rules()
    condition = rules.condition(limit.get(CONDITION))
    parts = [rules.part_label(p) for p in limit.get(BODY_PARTS) or []]
    bits = [condition.label] if condition else []
    bits += parts
    if limit.get(PHASE):
        bits.append(f"{limit[PHASE]}")
    return ", ".join(bits) if bits else "quoted with no condition or body part"


@dataclass
class CapCheck:
    """The visit-cap verdict of one item and the arithmetic behind it.

    `limit` is the quoted limit held against the request (None when none fits or none is
    quoted) and `applies_to` what it is for; `basis` the count compared ("sessions", else
    "per_week"); `cap` the limit's upper end ("4-6 visits" allows 6); `completed` the sessions
    the letter says were done (subtracted from a session cap: `allowed` = cap - completed);
    `requested` the request's range on the basis; `exceeds` True when even the smallest request
    is over what is allowed, False when the largest is within it, None when they cannot be
    compared. `not_matching` lists the quoted limits left out and why; `tied` counts limits
    that fit as well as the one chosen (the most generous of those is held: the request
    exceeds only what every equally fitting limit allows). `note` is the sentence a person
    reads."""

    limit: dict[str, Any] | None = None
    applies_to: str | None = None
    basis: str | None = None
    cap: float | None = None
    completed: int | None = None
    completed_text: str | None = None
    allowed: float | None = None
    requested: list[float] | None = None
    exceeds: bool | None = None
    quoted: int = 0
    tied: int = 0
    not_matching: list[str] = field(default_factory=list)
    note: str = ""

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def _number(value: float) -> str:
    return f"{value:g}"


def _span(values: Sequence[float]) -> str:
    low, high = values
    return _number(low) if low == high else f"{_number(low)}–{_number(high)}"


def visit_cap_check(
    frequency: Mapping[str, Any] | None,
    guideline_limits: Sequence[Mapping[str, Any]] | None,
    case: CaseFacts | None = None,
) -> CapCheck:
    """The verdict of one item: the quoted limit that fits `case` best held against the
    request, less completed sessions (see `CapCheck`). Without `case` every limit fits alike
    and the most generous is held (the check before limits carried their condition)."""
    limits = [
        x
        for x in (guideline_limits or [])
        if isinstance(x, Mapping)
        and any(_range(x.get(key)) is not None for key in ("sessions", "per_week"))
    ]
    check = CapCheck(quoted=len(limits))
    if not limits:
        check.note = "the rationale quotes no guideline limit"
        return check
    fits = [(limit, *_fit(limit, case)) for limit in limits]
    check.not_matching = [f"{_describe(x)}: {why}" for x, _, why in fits if why]
    fitting = [(x, score) for x, score, why in fits if why is None]
    if not fitting:
        check.note = "no quoted limit fits this case: " + "; ".join(check.not_matching)
        return check
    for key in ("sessions", "per_week"):
        candidates = [(x, s) for x, s in fitting if _range(x.get(key)) is not None]
        if not candidates:
            continue
        best = max(s for _, s in candidates)
        tied = [x for x, s in candidates if s == best]
        limit = max(tied, key=lambda x: _range(x.get(key))[1])  # type: ignore[index]
        requested = _range(frequency.get(key)) if isinstance(frequency, Mapping) else None
        if (
            requested is None
            and key == "sessions"
            and any(_range(x.get("per_week")) for x, _ in fitting)
        ):
            continue  # a rate without sessions: the per-week cap can still be compared
        _fill(check, limit, key, len(tied) - 1, requested, case)
        return check
    return check  # not reached: every limit kept has a sessions or per-week range


def _fill(
    check: CapCheck,
    limit: Mapping[str, Any],
    key: str,
    tied: int,
    requested: tuple[float, float] | None,
    case: CaseFacts | None,
) -> None:
    cap = _range(limit.get(key))[1]  # type: ignore[index]
    check.limit, check.applies_to, check.basis, check.cap, check.tied = (
        dict(limit), _describe(limit), key, cap, tied)  # fmt: skip
    allowed = cap
    unit = "sessions" if key == "sessions" else "visits a week"
    steps = [f"limit {_number(cap)} {unit} ({check.applies_to})"]
    done = case.completed_sessions() if case is not None and key == "sessions" else None
    if done is not None and limit.get(PHASE) == "remaining":
        # "would allow only an additional 3-4 sessions": the completed ones are already out
        steps.append("(the rationale's own remainder: completed sessions not subtracted again)")
        done = None
    if done is not None:
        check.completed, check.completed_text = done.sessions, done.text
        allowed = max(0.0, cap - done.sessions)
        steps.append(f"− {done.sessions} completed (“{done.text}”) = {_number(allowed)} left")
    check.allowed = allowed
    if requested is None:
        check.note = " ".join(steps) + "; the request states no count to compare"
        return
    check.requested = list(requested)
    check.exceeds = _compare(requested, allowed)
    verdict = {True: "over the cap", False: "within the cap", None: "the request range "
               "straddles the cap"}[check.exceeds]  # fmt: skip
    steps.append(f"; requested {_span(requested)}: {verdict}")
    if tied:
        steps.append(f" ({tied} other quoted limit{'s' if tied > 1 else ''} fit as well; "
                     "the largest is held)")  # fmt: skip
    check.note = " ".join(steps).replace(" ;", ";")


def requested_sessions(frequency: Mapping[str, Any] | None) -> float | None:
    """The most sessions a frequency asks for: its session count, else visits a week x weeks."""
    if not isinstance(frequency, Mapping):
        return None
    sessions = _range(frequency.get("sessions"))
    if sessions is not None:
        return sessions[1]
    per_week, weeks = _range(frequency.get("per_week")), _range(frequency.get("weeks"))
    return per_week[1] * weeks[1] if per_week is not None and weeks is not None else None


def limit_sessions(limits: Sequence[Any]) -> float | None:
    """The most generous session count among the limits the rationale quotes (the count the
    outcome models were built on; the verdict holds the limit that fits the case)."""
    found = [s for s in (requested_sessions(x) for x in limits) if s is not None]
    return max(found) if found else None


def _limit(limit: Mapping[str, Any]) -> GuidelineLimit:
    """The record's copy of a quoted limit: its well-formed ranges (a malformed value is
    None: it could not have been compared anyway) and what it applies to."""
    keys = ("per_week", "weeks", "sessions")
    ranges = {key: list(limit[key]) if _range(limit.get(key)) is not None else None for key in keys}
    context = {key: limit.get(key) for key in (CONDITION, BODY_PARTS, PHASE) if key in limit}
    return GuidelineLimit.model_validate({**ranges, **context})


def _group(frequency: Mapping[str, Any] | None, check: CapCheck) -> str | None:
    requested = isinstance(frequency, Mapping) and any(
        frequency.get(k) for k in ("sessions", "per_week")
    )
    if check.limit is None:
        if check.quoted:
            return CAP_NO_FIT
        return CAP_NO_LIMIT if requested else None
    if check.exceeds is True:
        return CAP_OVER
    if check.exceeds is False:
        return CAP_WITHIN
    return CAP_STRADDLES if requested else CAP_NO_REQUEST


def visit_cap(
    frequency: Mapping[str, Any] | None,
    guideline_limits: Sequence[Mapping[str, Any]] | None,
    case: CaseFacts | None = None,
) -> VisitCap:
    """The visit-cap verdict of one item, with its arithmetic (`VisitCap`): `visit_cap_check`
    for the record. `limit` is None when no quoted limit fits (or none is quoted); `exceeds`
    True / False when the request can be compared with what the limit allows, None when it
    cannot. `requested_sessions`, `limit_sessions` (the most generous quoted) and
    `sessions_over_limit` are the counts the models read."""
    limits = [x for x in (guideline_limits or []) if isinstance(x, Mapping)]
    check = visit_cap_check(frequency, limits, case)
    wanted, allowed = requested_sessions(frequency), limit_sessions(limits)
    compared = check.requested is not None  # `basis` and `cap` say what was compared
    basis: Literal["sessions", "per_week"] | None = (
        None if not compared else "sessions" if check.basis == "sessions" else "per_week"
    )
    return VisitCap(
        limit=_limit(check.limit) if check.limit is not None else None,
        basis=basis,
        requested=check.requested,
        cap=check.cap if compared else None,
        exceeds=check.exceeds,
        group=_group(frequency, check),
        requested_sessions=wanted,
        limit_sessions=allowed,
        sessions_over_limit=None if wanted is None or allowed is None else wanted - allowed,
        applies_to=check.applies_to,
        completed=check.completed,
        completed_text=check.completed_text,
        allowed=check.allowed,
        quoted=check.quoted,
        tied=check.tied,
        not_matching=check.not_matching,
        note=check.note,
    )
