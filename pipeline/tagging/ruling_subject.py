"""Whose is a predicate: the ruling reader's (`ruling.py`) test of a predicate's subject (or
an active verb's object) against the item the rationale rules on.

A predicate rules only when its subject (the clause before the verb group, nearest comma-
separated part first) is the request ("the request", "the requested ...", "the decision for
...", "the ancillary service", "this medication"), the item's own service (a content word of the
disputed item), a pronoun, or a decision noun ("the denial", "the UR determination"), never
another item ("the concurrent request for surgery", "the prior request", "the lumbar MRI
request" when the item is a cervical MRI, "the left knee MRI" when it is the right's, "the other
knee", "Other than the Norco, all of the requested medications ...", "the request for Flexeril"
when the item is Norco: a tagged treatment of another category or whose name shares no word with
the item's, unless the subject also has the item's words; "the request for anesthesia care for
the ESI": another treatment before the item's name) or a guideline's generic subject (a bare or
indefinite noun phrase with "recommended": "A TENS unit is recommended for a one-month trial";
"... recommended as an option"; "It is recommended the provider taper": the clause after it is
the subject). A subject that names the item after "prior", "last", ... ("The prior lumbar ESI is
not medically necessary to repeat", "the knee brace for the other knee") may mean a past one or
this one: it does not rule alone, and the ruling before it stands only if it agrees (in the past
tense it is history: "The prior shoulder surgery was medically necessary."). Such a word after
the request's own word ("the request for 6 more sessions after the previous 12") or after
"repeat" ("a repeat of the prior ESI") names this request, and a comma-set phrase opening with a
preposition ("The request, in light of the previous 12 sessions, is ...") is no subject. "The
other knee" is another item's when the item names a side, else maybe this one. A count of the
item's unit ("the remaining 6 visits are not ...", present tense) is a part of this request. An
earlier reviewer's judging verb ("The UR reviewer found the request not medically necessary") is
reported, not ruled.

A subject in plain words the item's own text says, after a determiner or a continuation word
("the purchase" for a TENS unit purchase, "further rental"), is this request. A denial noun
before the item's name ("the non-certification of X", "the UR denial of X") makes the subject
the earlier decision on this request (sign -1). A subject part naming another treatment and
none of the item's words ("Of the two studies requested, only the MRI is ...") is another
item's. A bare or indefinite subject speaks as a guideline only with a guideline's words
("recommended", "indicated", "approved for ..."): "Celebrex is warranted." is the writer's, and so
is "An occlusal guard is appropriate and medically necessary". A definite class noun ("the
medication", "the procedure", "the study") names the item when the item's tagged treatment is of
a category the noun can name (`class_nouns`: "the procedure" for a carpal tunnel release, not for
Ultram).
"""

from __future__ import annotations

import re
from itertools import pairwise
from typing import Any, NamedTuple

from spacy.tokens import Doc

from pipeline.tagging._resources import doc_text
from pipeline.tagging.ruling_rules import Marks, RulingRules

_WORD = re.compile(r"[A-Za-z][A-Za-z0-9/+-]*")


class Subject(NamedTuple):
    """A predicate's subject accepted as this request, its service or a decision noun."""

    by_request: bool  # named by a request word ("the request for ...")
    sign: int  # -1 for a denial noun ("the non-certification")
    bare: bool  # a bare noun phrase ("Psychological evaluations"): how guidelines speak
    uncertain: bool = False  # may be a past one of the item ("the prior lumbar ESI")
    own: bool = False  # this item and nothing else ("the request", "the requested lumbar MRI")
    part: bool = False  # a part of it ("Of the 12 sessions requested, 6 are ...")


class ItemSubjects:
    """One rationale's item, as the reader compares subjects with it: its content words, plain
    words, body regions and numbers (from its disputed text), and the rationale's tokens that
    name it (its text repeated, a treatment it names however spelled) or name another
    treatment."""

    def __init__(
        self,
        rules: RulingRules,
        doc: Doc,
        item_text: str | None,
        item_treatments: Any,
        furniture: set[int],
    ) -> None:
        self.w = rules.words
        self.class_nouns = rules.class_nouns
        tagged = [entry.split("|", 1) for entry in item_treatments or ()]
        # the service categories of the treatments the item's text names
        self.categories = frozenset(category for category, _ in tagged)
        self.furniture = furniture  # the doc's page-furniture tokens
        self.words = self.content(item_text) if item_text else None  # None: no item given
        self.norm = " ".join((item_text or "").lower().split())  # its text, lower case
        self.plain = frozenset(re.findall(r"[a-z]+", self.norm))  # its words
        self.regions = self.w["body_regions"] & self.plain  # the body regions it names
        # the numbers in its text, and the visits "2x6" asks for (12)
        numbers = re.findall(r"\d+", self.norm)
        products = [int(a) * int(b) for a, b in re.findall(r"(\d+)\s*[x×]\s*(\d+)", self.norm)]
        self.numbers = frozenset([*numbers, *(str(n) for n in products)])
        self.tokens = _item_tokens(doc, item_text)
        self.treatments, others, other_starts = _treatment_tokens(
            doc, tagged, self.w["generic_treatments"]
        )
        self.other_treatments = others - self.tokens
        # the categories of every treatment the rationale names that is not the item's
        self.other_categories = frozenset(
            category for start, category in other_starts.items() if start in self.other_treatments
        )

    def _names_class(self, noun: str) -> bool:
        """Whether a class noun ("medication", "procedure") can name the item: one of its
        categories is one of the item's tagged treatments', and the rationale names no other
        treatment of its categories ("The medication" after Soma is the Soma)."""
        classes = self.class_nouns.get(noun, frozenset())
        return bool(classes & self.categories) and not classes & self.other_categories

    def is_own_count(self, marker: Any) -> bool:
        """Whether a count marker ("6 of the 12", "6 only") counts the item itself: its first
        number is the item's and its whole ("of the 12") is not ("the remaining 6 of the 12
        visits" when 6 visits are disputed; not "6 of the 12" when 2x6 are)."""
        counts = [t.text for t in marker if t.like_num]
        if not counts or counts[0] not in self.numbers:
            return False
        return len(counts) < 2 or counts[-1] not in self.numbers

    def names_part(self, doc: Doc, lo: int, hi: int) -> bool:
        """Whether the few words after an exception ("but not ...") name a part of the item:
        its words or numbers ("but not the cervical spine", "but not 12")."""
        after = doc[lo : min(lo + 4, hi)]
        words = {t.lower_ for t in after if not t.is_punct}
        stop = self.w["determiners"] | self.w["indefinite_articles"]
        return bool((words - stop) & (self.plain | self.numbers))

    def object_sign(self, doc: Doc, lo: int, hi: int, marks: Marks) -> int | None:
        """The sign of an active verb's object: +1 for this request or its service ("the
        request", the item's words), -1 for a denial noun ("non-certification"), +1 for an
        approval noun; None for anything else (another item, a guideline, nothing)."""
        words = {t.lower_ for t in doc[lo:hi]}
        if words & self.w["other_item_words"]:
            return None
        noun = decision_noun(marks, lo, hi)
        if noun is not None and not marks.within("request_signals", lo, hi):
            return noun
        if marks.within("request_signals", lo, hi) or any(
            i in self.tokens or i in self.treatments for i in range(lo, hi)
        ):
            return noun if noun == -1 else 1
        raw = " ".join(t.text for t in doc[lo:hi])
        if self.words and self.content(raw) & self.words:
            return 1
        return None

    def subject(self, doc: Doc, lo: int, hi: int, marks: Marks, past: bool) -> Subject | None:
        """What the subject [lo, hi) is when it is this request, its service or a decision
        noun; None otherwise. Read nearest part first. A bare noun phrase naming the service
        ("Psychological evaluations are recommended") is how guidelines speak: no determiner,
        no request word. A lone count nearest the verb ("Of the 12 sessions requested, 6 are
        ...") rules on a part: partial when the item does not ask for that many."""
        parts = comma_parts(doc, lo, hi)
        for s, e in parts:
            words = [t.lower_ for t in doc[s:e] if not (t.is_punct or t.is_space)]
            if self._excluding(words) and any(
                i in self.tokens or i in self.treatments for i in range(s, e)
            ):
                return None  # "Other than the Norco, all of the requested ... are necessary"
        accepted = self._subject_parts(doc, lo, hi, parts, marks, past)
        nearest = [t for t in doc[parts[-1][0] : parts[-1][1]] if not (t.is_space or t.is_punct)]
        if accepted is not None and len(nearest) == 1 and nearest[0].like_num and len(parts) > 1:
            return accepted._replace(part=nearest[0].text not in self.numbers)
        return accepted

    def _excluding(self, words: list[str]) -> bool:
        """A part that names what the subject leaves out ("other than the Norco", "except")."""
        return bool(words) and bool(
            self.w["exclusion_openers"].intersection((words[0], " ".join(words[:2])))
        )

    def _subject_parts(
        self,
        doc: Doc,
        lo: int,
        hi: int,
        parts: list[tuple[int, int]],
        marks: Marks,
        past: bool,
    ) -> Subject | None:
        w = self.w
        nearest_words: list[str] | None = None
        nearest_raw = ""
        bracketed = _bracketed(doc, lo, hi)  # "Passive therapy (those modalities ...)"
        for s, e in reversed(parts):
            words = [
                t.lower_
                for t in doc[s:e]
                if not t.is_punct
                and not t.is_space
                and t.i not in self.furniture
                and t.i not in bracketed
            ]
            if self._excluding(words):
                continue
            if not words or (words[0] in w["parenthetical_openers"] and (s, e) != parts[0]):
                continue  # "The request for PT, in light of the previous 12 sessions, is ..."
            if nearest_words is None:
                nearest_words = words
                nearest_raw = " ".join(t.text for t in doc[s:e] if t.i not in bracketed)
            bare = not set(words) & w["determiners"]
            named = [i for i in range(s, e) if i in self.tokens]
            if named and self._other_first(marks, s, named[0]):
                return None  # "the request for anesthesia care for the ESI": another item's
            if named:  # the item's own name
                maybe = self._maybe_another(doc, marks, s, named[0], words)
                denied = _denied(marks, s, named[0])
                return Subject(True, -1 if denied else 1, False, maybe, not (maybe or denied))
            if self._other_region(words):
                return None  # "the lumbar MRI request" when the item is a cervical MRI
            if self._other_side(words):
                if self.plain & w["sides"]:
                    return None  # "physical therapy for the other knee" (the item's: the right)
                return Subject(False, 1, False, uncertain=True)  # the item names no side
            if any(
                name == "request" and r > s and doc[r - 1].lower_ in w["other_item_words"]
                for name, r, _ in marks.within("request_signals", s, e)
            ):
                return None  # "the concurrent request for a wheelchair" (a walker's lexicon name)
            named = [i for i in range(s, e) if i in self.treatments]
            if named and self._other_first(marks, s, named[0]):
                return None
            if named:  # a treatment the item names, however it is spelled
                maybe = self._maybe_another(doc, marks, s, named[0], words)
                if _denied(marks, s, named[0]):
                    return Subject(True, -1, False, maybe)
                return Subject(False, 1, bare, maybe, not (maybe or bare))
            signals = marks.within("request_signals", s, e)
            # "the request for 6 more sessions after the previous 12": only words before the
            # request word make it another one ("the concurrent request", "the prior request")
            before = doc[s : signals[0][1]] if signals else doc[s:e]
            if {t.lower_ for t in before} & w["other_item_words"]:
                return None
            if any(i in self.other_treatments for i in range(s, e)) and not (
                self.words and self.content(doc[s:e].text) & self.words
            ):
                # "the request for Flexeril" when the item is Norco; "Of the two studies
                # requested, only the MRI is ..." when it is the EMG
                return None
            if signals and words[0] in w["indefinite_articles"]:
                return None  # "A limited home health request would be more consistent ...": any one
            if signals:
                noun = decision_noun(marks, s, e)
                raw = " ".join(t.text for t in doc[s:e] if t.i not in bracketed)
                own = (
                    self.words is not None
                    and not self.content(raw) - self.words
                    and not set(re.findall(r"\d+", raw)) - self.numbers
                )
                return Subject(True, noun if noun == -1 else 1, False, own=own)
            noun = decision_noun(marks, s, e)
            if noun is not None:
                return Subject(True, noun, False)
            if words[-1] in w["pronoun_subjects"] and len(words) <= 2:
                return Subject(True, 1, False)
            content = self.content(
                " ".join(t.text for t in doc[s:e] if t.i not in bracketed | self.furniture)
            )
            if self.words is not None and content & self.words:
                return Subject(False, 1, bare)
            # (after a coordinating "and"/"but": ", and further rental is not ...")
            start_at = 1 if words[0] in ("and", "but") else 0
            # "continued" goes with this request; "further" / "additional" only when the item's
            # text says one of either ("Continued TENS unit rental"), else they may mean more
            # than it asks for ("further sessions" for 6 sessions)
            more = (
                w["more_words"]
                if self.plain & (w["continuation_words"] | w["more_words"])
                else set()
            )
            leading = w["determiners"] | w["continuation_words"] | more
            lead = start_at
            while lead < len(words) and words[lead] in leading:
                lead += 1
            if lead > start_at and lead < len(words) and set(words[lead:]) <= self.plain:
                # "The purchase is ...", "Further rental is ..." when the item's text says
                # them ("TENS unit purchase"): words too plain to name a service elsewhere
                return Subject(False, 1, not set(words) & w["determiners"])
            if lead > start_at and lead == len(words) - 1 and self._names_class(words[lead]):
                return Subject(False, 1, False)  # "The medication is ..." for Ultram ER
            if not past and any(
                a.isdigit() and b in w["count_units"] and b in self.plain
                for a, b in pairwise(words)
            ):
                return Subject(False, 1, False)  # "the remaining 6 visits are not ..."
            if set(words) & w["guideline_words"]:
                return None
        if self.words is None and nearest_words:  # no item to compare with: a named service
            content = self.content(nearest_raw)
            if content and not set(nearest_words) & w["guideline_words"]:
                return Subject(False, 1, not set(nearest_words) & w["determiners"])
        return None

    def _other_side(self, words: list[str]) -> bool:
        """Another side of a body region ("the other knee", "the contralateral shoulder")."""
        w = self.w
        return any(
            a in w["other_side_words"] and b in w["body_regions"] for a, b in pairwise(words)
        )

    def _other_first(self, marks: Marks, lo: int, name: int) -> bool:
        """Another treatment named before the item's name in a subject part: the item's name
        only says what it is for ("the request for monitored anesthesia care for the ESI")."""
        return any(i in self.other_treatments for i in range(lo, name))

    def _maybe_another(self, doc: Doc, marks: Marks, lo: int, name: int, words: list[str]) -> bool:
        """The item's name at `name` in a subject that may mean another one of it: an
        other-item word before the name ("the prior lumbar ESI", "the last prescription of
        Norco"; not one that modifies a possessor: "the primary treating physician's request
        for ...") or another side ("the knee brace for the other knee", not "the other physician's
        request for a cervical ESI")."""
        w = self.w
        if self._other_side(words):
            return True
        for i in range(name - 1, lo - 1, -1):
            word = doc[i].lower_
            if word in ("'s", "’s") or word.endswith(("'s", "’s")):
                return False
            if word in w["other_item_words"]:
                # "the prior denied lumbar MRI", "the prior authorization request for ...", "the
                # prior non-certification of ...": the earlier decision on this very request;
                # "the request for a repeat of the prior ESI": this request
                if doc[i + 1].lower_ in w["same_request_after_other"] or _denied(marks, i, name):
                    return False
                return not any(
                    doc[j].lower_ in w["repeat_words"] or j in marks.at["request_signals"]
                    for j in range(lo, i)
                )
        return False

    def _other_region(self, words: list[str]) -> bool:
        """The words name a body region and the item names regions, none of them these (the
        regions are content stopwords: "lumbar MRI" still names an MRI)."""
        theirs = self.w["body_regions"].intersection(words)
        if theirs and self.regions and not theirs & self.regions:
            return True
        # "the left knee MRI" when the item is a right knee MRI
        sides, item_sides = self.w["sides"].intersection(words), self.plain & self.w["sides"]
        return bool(sides and item_sides and not sides & item_sides)

    def content(self, text: str) -> frozenset[str]:
        """Content words of a text, hyphenated and slashed words split and each pair of
        neighbours also joined ("work station" ~ "workstation", "sit-stand" ~ "sit stand");
        two-letter words only as capitals ("CT", "PT")."""
        stop = self.w["content_stopwords"]
        pieces = [p for word in _WORD.findall(text) for p in re.split(r"[/+-]", word) if p]
        kept = [
            p.lower()
            for p in pieces
            if (len(p) >= 3 or (len(p) == 2 and p.isupper()))
            and p.lower() not in stop
            and not p.isdigit()
        ]
        joined = [a + b for a, b in zip(kept, kept[1:], strict=False)]
        return frozenset((*kept, *joined))


def _denied(marks: Marks, lo: int, name: int) -> bool:
    """A denial noun heads the subject before the item's name at `name` ("the
    non-certification of X", "the UR denial of X", "the prior denial for X"): the subject is the
    earlier decision on this request, and its predicate rules on the denial."""
    return decision_noun(marks, lo, name) == -1


def decision_noun(marks: Marks, lo: int, hi: int) -> int | None:
    """-1 for a denial noun ("the non-certification"), +1 for an approval noun, None for
    neither; "the decision for X" names the request, not a decision."""
    requests = {i for _, s, e in marks.within("request_signals", lo, hi) for i in range(s, e)}
    for _, s, e in reversed(marks.within("denial_nouns", lo, hi)):
        if not requests.intersection(range(s, e)):
            return -1
    if marks.within("approval_nouns", lo, hi):
        return 1
    return None


def comma_parts(doc: Doc, lo: int, hi: int) -> list[tuple[int, int]]:
    """The token ranges of [lo, hi) between commas, empty ones included."""
    parts: list[tuple[int, int]] = []
    part_start = lo
    for i in range(lo, hi):
        if doc[i].text == ",":
            parts.append((part_start, i))
            part_start = i + 1
    parts.append((part_start, hi))
    return parts


def _words_of_parts(doc: Doc, lo: int, hi: int) -> list[list[Any]]:
    """Each comma-separated part's tokens, spaces left out."""
    return [[t for t in doc[s:e] if not t.is_space] for s, e in comma_parts(doc, lo, hi)]


def nearest_part(doc: Doc, lo: int, hi: int) -> list[Any]:
    """The subject's comma-separated part nearest the verb (its tokens)."""
    return next((part for part in reversed(_words_of_parts(doc, lo, hi)) if part), [])


def head_part(doc: Doc, lo: int, hi: int, openers: frozenset[str]) -> list[Any]:
    """The subject's head: its comma-separated part nearest the verb that does not open with
    a parenthetical opener ("None of the associated services, including preoperative
    clearance, are ..." -> "None of the associated services")."""
    parts = _words_of_parts(doc, lo, hi)
    head = next((part for part in reversed(parts) if part and part[0].lower_ not in openers), None)
    return head if head is not None else next((part for part in reversed(parts) if part), [])


def _item_tokens(doc: Doc, item_text: str | None) -> set[int]:
    """Tokens where the rationale repeats the item's disputed text (whitespace aside): its
    words are the item's name, never a clause's subordinator or break."""
    words = (item_text or "").split()
    if len(words) < 2:
        return set()
    pattern = re.compile(r"\s+".join(re.escape(word) for word in words), re.IGNORECASE)
    found: set[int] = set()
    for m in pattern.finditer(doc_text(doc)):
        span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
        if span is not None:
            found.update(range(span.start, span.end))
    return found


def treatment_spans(doc: Doc) -> list[tuple[Any, str, str]]:
    """The treatment tagger's non-weak spans: (span, category, lexicon name)."""
    found = []
    for span in doc.spans.get("treatments", []):
        parts = span.label_.split("|")  # "TX|category|name|weak" (treatments.LexEntry.label)
        if len(parts) == 4 and parts[3] != "weak":
            found.append((span, parts[1], parts[2]))
    return found


def _treatment_tokens(
    doc: Doc, tagged: list[list[str]], generic: frozenset[str]
) -> tuple[set[int], set[int], dict[int, str]]:
    """Tokens of the treatment tagger's (non-weak) spans the item names (`tagged`: its
    treatments as [category, lexicon name]), however spelled, and of those naming another
    treatment, with each such span's start and category: another
    category than the item's (an MRI for physical therapy), or a name sharing no word with the
    item's ("Flexeril" for "Norco", "chiropractic" for "physical therapy"; not "hydrocodone"
    for "hydrocodone/acetaminophen", "aquatic therapy" for "physical therapy"). Class names
    ("medication", "injection") name no other one; nor does anything when the item's own text
    names no treatment."""
    names = {name for _, name in tagged}
    categories = {category for category, _ in tagged}
    words = {w for name in names for w in re.split(r"[/ ]", name) if w}
    own: set[int] = set()
    other: set[int] = set()
    other_starts: dict[int, str] = {}
    for span, category, name in treatment_spans(doc):
        tokens = range(span.start, span.end)
        if name in names:
            own.update(tokens)
        elif (
            name not in generic
            and categories
            and (category not in categories or not words.intersection(re.split(r"[/ ]", name)))
        ):
            other.update(tokens)
            other_starts[span.start] = category
    return own, other - own, other_starts


def _bracketed(doc: Doc, lo: int, hi: int) -> set[int]:
    """Tokens inside parentheses in [lo, hi)."""
    inside: set[int] = set()
    depth = 0
    for token in doc[lo:hi]:
        if token.text == "(":
            depth += 1
        elif token.text == ")":
            depth = max(0, depth - 1)
        elif depth:
            inside.add(token.i)
    return inside
