"""The report's tables, aggregated incrementally from the tidy rows as chunks arrive.

Memory stays flat in the number of letters: groups are counters, day counts a Counter of
integers (median and quartiles are exact from it), and the item lists (disagreements, items
flagged for review) keep at most `list_limit` entries while counting all of them.
"""

from __future__ import annotations

import heapq
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from typing import Any

from pipeline.record.model import REASON_CODES
from pipeline.reporting.corpus.rows import CAP_GROUPS
from pipeline.reporting.corpus.stats import Z95, proportion, summary, wilson

SMALL_GROUP = 10  # groups with fewer items are shown and marked, never hidden
TOP_SPECIALTIES = 10
LIST_LIMIT = 500
HISTOGRAM_DAYS = 5  # width of a turnaround histogram bin
OTHER_SPECIALTIES = "all other specialties"
UNKNOWN = "(not stated)"


def _codes(value: Any) -> list[str]:
    """Reason codes of a row: a '; '-joined string, or a list of codes or of {code: ...}."""
    if not value:
        return []
    if isinstance(value, str):
        return [v for v in value.split("; ") if v]
    if isinstance(value, list | tuple):
        return [str(v.get("code") if isinstance(v, Mapping) else v) for v in value if v]
    return []


def _values(row: Mapping[str, Any], column: str) -> list[str]:
    """A multi-valued column's values ('; '-joined in the row): MTUS chapters, sources."""
    return [v for v in (row.get(column) or "").split("; ") if v]


class _Tally:
    """Items and Overturned items of one group."""

    __slots__ = ("decided", "items", "overturned")

    def __init__(self) -> None:
        self.items = self.decided = self.overturned = 0

    def add(self, overturned: bool | None) -> None:
        self.items += 1
        if overturned is not None:
            self.decided += 1
            self.overturned += int(overturned)

    def merge(self, other: _Tally) -> None:
        self.items += other.items
        self.decided += other.decided
        self.overturned += other.overturned


class _ReasonTally:
    """Upheld items given reasons in one group, and how many of them were given each code."""

    __slots__ = ("codes", "items")

    def __init__(self) -> None:
        self.items = 0
        self.codes: Counter[str] = Counter()

    def add(self, codes: Iterable[str]) -> None:
        self.items += 1
        self.codes.update(codes)

    def merge(self, other: _ReasonTally) -> None:
        self.items += other.items
        self.codes.update(other.codes)


def reason_shares(tally: _ReasonTally, codes: Iterable[str]) -> dict[str, Any]:
    """A group's row of the denial-reason tables: its Upheld items given reasons (the
    denominator), whether the group is small, and per code the items given it, their share of
    the group and the share's Wilson 95 % interval (`stats.proportion`)."""
    return {
        "items": tally.items,
        "small": tally.items < SMALL_GROUP,
        "codes": {code: proportion(tally.codes[code], tally.items) for code in codes},
    }


def _reason_order(codes: Iterable[str]) -> list[str]:
    """The codebook's order (pipeline.record.model.REASON_CODES), unknown codes after it."""
    found = set(codes)
    return [c for c in REASON_CODES if c in found] + sorted(found - set(REASON_CODES))


def group(tally: _Tally, total: int | None = None) -> dict[str, Any]:
    """A group's row: items, share of `total`, Overturned count and rate (of the items with a
    stated decision), the rate's Wilson 95 % interval, and whether the group is small."""
    interval = wilson(tally.overturned, tally.decided)
    row: dict[str, Any] = {"items": tally.items}
    if total is not None:
        row["share"] = round(tally.items / total, 6) if total else None
    row |= {
        "overturned": tally.overturned,
        "rate": round(tally.overturned / tally.decided, 6) if tally.decided else None,
        "ci95": [round(interval[0], 6), round(interval[1], 6)] if interval else None,
        "small": tally.items < SMALL_GROUP,
    }
    if tally.decided != tally.items:
        row["without_decision"] = tally.items - tally.decided
    return row


def _groups(tallies: Mapping[str, _Tally], total: int, order: Iterable[str] = ()) -> dict:
    """Groups sorted by size (largest first), or in `order` where given."""
    wanted = [k for k in order if k in tallies]
    rest = sorted((k for k in tallies if k not in wanted), key=lambda k: (-tallies[k].items, k))
    return {key: group(tallies[key], total) for key in [*wanted, *rest]}


class Aggregator:
    """Add letters and rows (in any order); `tables()` gives report.json's tables."""

    def __init__(self, top_specialties: int = TOP_SPECIALTIES, list_limit: int = LIST_LIMIT,
                 reasoning_threshold: float | None = None) -> None:  # fmt: skip
        self.top_specialties = top_specialties
        self.list_limit = list_limit
        self.reasoning_threshold = reasoning_threshold
        self.letters = 0
        self.letters_without_items = 0
        self.letter_months: Counter[str] = Counter()
        self.turnaround: dict[str, Counter[int]] = {
            "assigned_to_decision": Counter(), "ur_denial_to_decision": Counter()}  # fmt: skip
        self.missing_dates: Counter[str] = Counter()
        self.overall = _Tally()
        self.by: dict[str, defaultdict[str, _Tally]] = defaultdict(lambda: defaultdict(_Tally))
        self.topical: Counter[str] = Counter()
        self.crosstab: Counter[tuple[str, str]] = Counter()
        self.agreement = {"same_basis": 0, "same_chapters": 0}  # of the overall items
        self.model = {"items": 0, "reasoning_agrees": 0, "reader_agrees": 0, "reader_items": 0}
        self.model_crosstab: Counter[tuple[str, str]] = Counter()
        self.disagreements: list[tuple[float, int, dict]] = []  # min-heap on strength
        self.n_disagreements = 0
        self.review_reasons: Counter[str] = Counter()
        self.review_listed: list[dict] = []
        self.n_review = 0
        self.model_flagged = 0
        self.reread: list[tuple[float, int, dict]] = []  # the flagged items, min-heap on strength
        # (category, reason code) -> items: when the items carry the reasons tagger's codes
        self.reasons: Counter[tuple[str, str]] = Counter()
        # dimension -> group -> the Upheld items given reasons (the denial-reason shares)
        self.reason_groups: dict[str, defaultdict[str, _ReasonTally]] = defaultdict(
            lambda: defaultdict(_ReasonTally)
        )
        self.reasons_overall = _ReasonTally()
        self.reasons_without_guideline = 0  # Upheld items given reasons, citing no guideline
        self._order = 0

    # --- letters -----------------------------------------------------------------------------
    def add_letter(self, letter: Mapping[str, Any]) -> None:
        """One letter's summary: n_items, decision_month and the two turnaround day counts."""
        self.letters += 1
        self.letters_without_items += int(not letter.get("n_items"))
        self.letter_months[letter.get("decision_month") or UNKNOWN] += 1
        for key, column in (("assigned_to_decision", "days_assigned_to_decision"),
                            ("ur_denial_to_decision", "days_ur_denial_to_decision")):  # fmt: skip
            days = letter.get(column)
            if days is None:
                self.missing_dates[key] += 1
            else:
                self.turnaround[key][int(days)] += 1

    # --- items -------------------------------------------------------------------------------
    def add(self, row: Mapping[str, Any]) -> None:
        overturned = row.get("overturned")
        self.overall.add(overturned)
        by = self.by
        by["category"][row.get("category") or UNKNOWN].add(overturned)
        for line in ("maximus", "claims_admin"):
            by[f"{line}_basis"][row.get(f"{line}_basis") or UNKNOWN].add(overturned)
            for chapter in _values(row, f"{line}_mtus_chapters"):
                by[f"{line}_chapter"][chapter].add(overturned)
            for source in _values(row, f"{line}_non_mtus_sources"):
                by[f"{line}_non_mtus_source"][source].add(overturned)
        self.crosstab[(row.get("maximus_basis") or UNKNOWN,
                       row.get("claims_admin_basis") or UNKNOWN)] += 1  # fmt: skip
        self.agreement["same_basis"] += int(bool(row.get("basis_agrees")))
        self.agreement["same_chapters"] += int(bool(row.get("chapters_agree")))
        by["specialty"][row.get("specialty_primary") or UNKNOWN].add(overturned)
        if row.get("drug_class"):
            by["drug_class"][row["drug_class"]].add(overturned)
            self.topical[row["drug_class"]] += int(bool(row.get("topical")))
        if row.get("visit_cap_group"):
            by["visit_cap"][row["visit_cap_group"]].add(overturned)
        by["month"][row.get("decision_month") or UNKNOWN].add(overturned)
        self._add_model(row)
        self._add_review(row)
        codes = list(dict.fromkeys(_codes(row.get("reasons"))))
        for code in codes:
            self.reasons[(row.get("category") or UNKNOWN, code)] += 1
        if codes and overturned is False:
            self._add_reasons(row, codes)

    def _add_reasons(self, row: Mapping[str, Any], codes: list[str]) -> None:
        """An Upheld item's reasons, in the groups the overturn tables use: its category, its
        reviewer's first specialty, and each guideline its MAXIMUS line cites (the canonical
        MTUS chapters and non-MTUS sources of the row, as the basis tables count them)."""
        self.reasons_overall.add(codes)
        groups = self.reason_groups
        groups["category"][row.get("category") or UNKNOWN].add(codes)
        groups["specialty"][row.get("specialty_primary") or UNKNOWN].add(codes)
        chapters = _values(row, "maximus_mtus_chapters")
        sources = _values(row, "maximus_non_mtus_sources")
        for chapter in chapters:
            groups["mtus_chapter"][chapter].add(codes)
        for source in sources:
            groups["non_mtus_source"][source].add(codes)
        self.reasons_without_guideline += not (chapters or sources)

    def _brief(self, row: Mapping[str, Any]) -> dict[str, Any]:
        return {key: row.get(key) for key in ("case_number", "issue_index", "page",
                                              "disputed_item", "category", "decision")}  # fmt: skip

    def _add_model(self, row: Mapping[str, Any]) -> None:
        call, p = row.get("reasoning_call"), row.get("p_overturned_reasoning")
        if row.get("model_flags"):
            self.model_flagged += 1
            self._keep(
                self.reread,
                self._strength(row),
                {
                    **self._brief(row),
                    "p_overturned_reasoning": p,
                    "reasoning_call": call,
                    "decision_read": row.get("decision_read"),
                    "model_flags": row["model_flags"],
                },
            )
        if row.get("reader_agrees") is not None:
            self.model["reader_items"] += 1
            self.model["reader_agrees"] += int(bool(row["reader_agrees"]))
        if call is None or row.get("overturned") is None:
            return
        self.model["items"] += 1
        self.model_crosstab[(row["decision"], call)] += 1
        if row.get("reasoning_agrees"):
            self.model["reasoning_agrees"] += 1
            return
        self.n_disagreements += 1
        entry = {**self._brief(row), "p_overturned_reasoning": p, "reasoning_call": call,
                 "model_flags": row.get("model_flags") or ""}  # fmt: skip
        self._keep(self.disagreements, self._strength(row), entry)

    @staticmethod
    def _strength(row: Mapping[str, Any]) -> float:
        """Strongest first: how far the reasoning probability is from the stated decision."""
        p, overturned = row.get("p_overturned_reasoning"), row.get("overturned")
        return 0.0 if p is None or overturned is None else abs(float(overturned) - float(p))

    def _keep(self, heap: list[tuple[float, int, dict]], strength: float, entry: dict) -> None:
        """Keep the `list_limit` strongest entries of a list (all are counted elsewhere)."""
        self._order += 1
        item = (strength, -self._order, entry)
        if len(heap) < self.list_limit:
            heapq.heappush(heap, item)
        elif item > heap[0]:
            heapq.heapreplace(heap, item)

    def _add_review(self, row: Mapping[str, Any]) -> None:
        codes = [c for c in (row.get("review") or "").split("; ") if c]
        if not codes:
            return
        self.n_review += 1
        self.review_reasons.update(codes)
        if len(self.review_listed) < self.list_limit:
            self.review_listed.append({**self._brief(row), "review": codes})

    # --- tables ------------------------------------------------------------------------------
    def tables(self) -> dict[str, Any]:
        n = self.overall.items
        by = self.by
        overall = group(self.overall)
        overall = {"letters": self.letters, "items": n, "overturned": overall["overturned"],
                   "upheld": self.overall.decided - self.overall.overturned,
                   "rate": overall["rate"], "ci95": overall["ci95"],
                   "letters_without_items": self.letters_without_items}  # fmt: skip
        return {
            "overall": overall,
            "by_category": _groups(by["category"], n),
            "by_guideline_basis": self._basis_tables(n),
            "by_specialty": self._specialty_table(n),
            "by_drug_class": self._drug_table(),
            "visit_cap": _groups(by["visit_cap"], n, CAP_GROUPS),
            "turnaround": self._turnaround(),
            "by_month": self._months(),
            "model": self._model_table(),
            "review": {
                "items": self.n_review,
                "share": round(self.n_review / n, 6) if n else None,
                "by_reason": dict(self.review_reasons.most_common()),
                "listed": self.review_listed,
                "all_listed": self.n_review <= len(self.review_listed),
            },
            "reasons_by_category": self._reasons_table(),
            "denial_reasons": self._denial_reasons(),
            "conventions": {
                "small_group": SMALL_GROUP,
                "ci": f"Wilson score interval, 95 % (z = {Z95:.4f})",
                "rate": "Overturned / items with a stated decision",
            },
        }

    def _reasons_table(self) -> dict[str, dict[str, int]] | None:
        """category -> reason code -> items (None when no item carries reasons)."""
        if not self.reasons:
            return None
        totals: Counter[str] = Counter()
        for (category, _), count in self.reasons.items():
            totals[category] += count
        table: dict[str, dict[str, int]] = {}
        for category, _ in totals.most_common():
            row = {code: n for (c, code), n in self.reasons.items() if c == category}
            table[category] = dict(sorted(row.items(), key=lambda kv: (-kv[1], kv[0])))
        return table

    def _denial_reasons(self) -> dict[str, Any] | None:
        """The share of Upheld items given each reason code, overall and by category, reviewer
        specialty (the same top groups as the specialty table) and guideline (None when no
        Upheld item carries reasons). Overturned items and items without reasons are in no
        denominator; an item given two codes counts under both."""
        overall = self.reasons_overall
        if not overall.items:
            return None
        codes = _reason_order(overall.codes)
        groups = self.reason_groups

        def table(tallies: Mapping[str, _ReasonTally]) -> dict[str, Any]:
            order = sorted(tallies, key=lambda k: (k == UNKNOWN, -tallies[k].items, k))
            return {key: reason_shares(tallies[key], codes) for key in order}

        top, rest = self._specialty_split()
        specialties: dict[str, _ReasonTally] = {k: groups["specialty"][k] for k in top
                                                if k in groups["specialty"]}  # fmt: skip
        other = _ReasonTally()
        for key in rest:
            if key in groups["specialty"]:
                other.merge(groups["specialty"][key])
        if other.items:
            specialties[OTHER_SPECIALTIES] = other
        return {
            "items": overall.items,
            "codes": codes,
            "overall": reason_shares(overall, codes),
            "by_category": table(groups["category"]),
            "by_specialty": {
                "groups": {key: reason_shares(t, codes) for key, t in specialties.items()},
                "grouped_as_other": sorted(k for k in rest if k in groups["specialty"]),
            },
            "by_guideline": {
                "line": "maximus",
                "mtus_chapter": table(groups["mtus_chapter"]),
                "non_mtus_source": table(groups["non_mtus_source"]),
                "items_citing_none": self.reasons_without_guideline,
            },
            "share": "Upheld items given the code / Upheld items given reasons, in the group",
        }

    def _specialty_split(self) -> tuple[list[str], list[str]]:
        """The specialties the specialty table shows (the top by items) and those it groups
        as "all other"."""
        tallies = self.by["specialty"]
        ranked = sorted(tallies, key=lambda k: (k == UNKNOWN, -tallies[k].items, k))
        return ranked[: self.top_specialties], ranked[self.top_specialties :]

    def _basis_tables(self, n: int) -> dict[str, Any]:
        by, agreement = self.by, self.agreement
        crosstab: dict[str, dict[str, int]] = defaultdict(dict)
        for (maximus, claims), count in sorted(self.crosstab.items()):
            crosstab[maximus][claims] = count
        interval = wilson(agreement["same_basis"], n)  # every item has both lines
        return {
            "maximus": _groups(by["maximus_basis"], n),
            "claims_admin": _groups(by["claims_admin_basis"], n),
            "maximus_mtus_chapter": _groups(by["maximus_chapter"], n),
            "claims_admin_mtus_chapter": _groups(by["claims_admin_chapter"], n),
            "maximus_non_mtus_source": _groups(by["maximus_non_mtus_source"], n),
            "claims_admin_non_mtus_source": _groups(by["claims_admin_non_mtus_source"], n),
            "agreement": {
                "items": n,
                "same_basis": agreement["same_basis"],
                "same_basis_rate": round(agreement["same_basis"] / n, 6) if n else None,
                "same_basis_ci95": [round(x, 6) for x in interval] if interval else None,
                "same_mtus_chapters": agreement["same_chapters"],
                "crosstab": dict(crosstab),
            },
        }

    def _specialty_table(self, n: int) -> dict[str, Any]:
        tallies = self.by["specialty"]
        top, rest = self._specialty_split()
        shown = {k: tallies[k] for k in top}
        if rest:
            other = _Tally()
            for key in rest:
                other.merge(tallies[key])
            shown[OTHER_SPECIALTIES] = other
        groups = _groups(shown, n, [*top, OTHER_SPECIALTIES])
        return {"top_n": self.top_specialties, "groups": groups, "grouped_as_other": sorted(rest)}

    def _drug_table(self) -> dict[str, Any]:
        from pipeline.reporting.corpus.drugs import drug_classes

        tallies = self.by["drug_class"]
        total = sum(t.items for t in tallies.values())
        table = _groups(tallies, total)
        for name, row in table.items():
            row["topical"] = self.topical[name]
        return {"pharmaceutical_items": total, "classes": table,
                "class_order": drug_classes().order()}  # fmt: skip

    def _turnaround(self) -> dict[str, Any]:
        out = {}
        for key, counts in self.turnaround.items():
            bins: Counter[int] = Counter()
            for days, count in counts.items():
                bins[days // HISTOGRAM_DAYS * HISTOGRAM_DAYS] += count
            out[key] = {
                **summary(counts),
                "missing": self.missing_dates[key],
                "histogram": {
                    "bin_days": HISTOGRAM_DAYS,
                    "counts": {str(k): bins[k] for k in sorted(bins)},
                },  # fmt: skip
            }
        return out

    def _months(self) -> dict[str, Any]:
        tallies = self.by["month"]
        months = sorted(set(tallies) | set(self.letter_months), key=lambda m: (m == UNKNOWN, m))
        return {m: {"letters": self.letter_months[m], **group(tallies[m])} for m in months}

    def _model_table(self) -> dict[str, Any] | None:
        model = self.model
        if not model["items"] and not model["reader_items"]:
            return None
        crosstab: dict[str, dict[str, int]] = defaultdict(dict)
        for (stated, call), count in sorted(self.model_crosstab.items()):
            crosstab[stated][call] = count
        listed = [entry for *_, entry in sorted(self.disagreements, reverse=True)]
        items = model["items"]
        return {
            "reasoning_threshold": self.reasoning_threshold,
            "items": items,
            "reasoning_agrees": model["reasoning_agrees"],
            "reasoning_agreement_rate": round(model["reasoning_agrees"] / items, 6)
            if items
            else None,
            "reader_agrees": model["reader_agrees"],
            "reader_items": model["reader_items"],
            "crosstab": dict(crosstab),
            "flagged_for_rereading": self.model_flagged,
            "reread": {
                "count": self.model_flagged,
                "listed": [entry for *_, entry in sorted(self.reread, reverse=True)],
                "all_listed": self.model_flagged <= len(self.reread),
            },  # fmt: skip
            "disagreements": {
                "count": self.n_disagreements,
                "listed": listed,
                "all_listed": self.n_disagreements <= len(listed),
            },  # fmt: skip
        }
