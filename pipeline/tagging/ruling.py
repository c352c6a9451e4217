"""`ruling_reader`: the sentence of a rationale that rules on the item, and which way it rules.

The decision reader reads one sentence: the last one whose main clause puts a medical-necessity
predicate on the request or the service ("Therefore, the request for X is not medically
necessary."), or rules on the earlier denial ("The non-certification is upheld.", "I am reversing
the prior UR decision."). Rules are data (`ruling_rules.json`, spaCy Matcher token patterns and
word lists, validated by `pipeline.rules.schemas.RulingRulesFile`).

How a sentence is read, by structure:

* **Which predicates count.** Predicates inside a subordinate clause ("As the surgery is not
  medically necessary, ...", "..., because X is not indicated", "It is unclear why X is
  necessary", "... as to which X is recommended") are left out, so is an adjunct after a comma
  ("..., consistent with MTUS"), so is a sentence under a condition ("If ...", "Had there been
  ..., PT would have been appropriate": a modal with "have" is hypothetical wherever it stands,
  and so is one with a condition after it: "I would overturn the denial if ...", "would be
  necessary ..., except that ..."), a claim's content ("The claim that the MRI is not medically
  necessary is not borne out"), another party's wish or belief ("The physician asks that ...",
  "The UR reviewer's belief that ..."), a quoted guideline ("Guidelines state that X is
  recommended", an open quotation mark, double or single, "recommended for patients with ..."), an
  earlier reviewer's reported words ("The UR reviewer had stated that ...", "Utilization review
  certified 6 visits, and the rest was non-certified", up to the writer's turn, "; however, ...",
  or to a predicate in the present tense, "..., and the request is not medically necessary"), a
  history ("was certified by the claims administrator", "was previously authorized", "was
  medically necessary in 2019": a year in the past tense only; an indefinite subject in the past
  tense, "A one-month trial was medically necessary at the time"; a contrast clause in the past
  tense) and a later predicate of the same clause ("is not supported by the records as being
  medically necessary": the head rules, unless it was rejected and the later one has its own verb:
  "A walker is reasonable for him and is medically necessary"), a comparison ("would be more
  consistent with the guidelines") and a sentence about another item named up front ("Regarding
  the separately requested Flexeril, ..., and that request is not medically necessary"). A
  verbless ruling standing alone ("Not medically necessary.", "Thus, non-certified.", "Final
  determination: not medically necessary.") rules. A question ("Does the request meet the
  criteria?") never rules, nor does an earlier review's act ("A prior IMR in 2022 overturned the
  denial"). A clause after ", so" is a clause of its own.
* **Whose predicate.** Its subject must be this request, its service or a decision noun, never
  another item or a guideline's generic subject (`ruling_subject.py` says which is which).
* **Polarity.** The predicate's sign (+1 "necessary", -1 "unwarranted"), flipped by each negation
  in its verb group ("cannot be said to be not necessary": two; "has not been shown to be
  necessary"; "is, however, necessary"), by each negation of a judging verb whose small clause it
  is ("I do not find the request medically necessary"), by each frame before its subject ("It is
  not the case that ...", "I am not persuaded that ...", "Nothing suggests that ...", "It does not
  follow that ...", "The records fail to establish that ...", "This reviewer does not believe
  ..."), by a negative subject ("No further therapy is ...", "None of the sessions are ...",
  "Neither X nor Y is ...": once; "No more than 4 injections" is a limit, not one), and by its
  subject's sign ("the denial is supported", "the non-certification of X is supported": -1). An
  infinitive decision event takes the negations of the words that govern it ("There is no basis to
  overturn ...", "insufficient evidence to overturn ..."). A decision event multiplies its own
  sign (uphold +1, overturn -1) by its object's ("the non-certification is overturned": -1 x -1 =
  Overturned).
* **Partial or modified approvals** ("certified with modification", "medically necessary for 6 of
  the 12 sessions") rule Upheld: IMR decides the disputed item as requested, and only a part of it
  is found necessary. Not a count after a comma (", with 6 of 12 visits completed"), nor one whose
  part is the item's own number and whose whole is not ("the remaining 6 of the 12 visits" when 6
  visits are disputed; "6 of the 12 visits" is one when 2x6 are), nor a dose ("up to 2 times
  daily"); "for 6 visits only" is one, "for 1 course only" is not; a lone count as the subject
  ("Of the 12 sessions requested, 6 are ...") is one unless the item asks for that many; "but not
  ..." only when what follows names a part of the item ("but not the cervical spine"; not "a
  rental, but not a purchase"); one side of an item of both sides ("is medically necessary for the
  right knee only" for bilateral injections: the side and "only" in the predicate's own phrase).

No ruling sentence: the reader abstains (`decision` None, review code `no_ruling_sentence`); the
item's decision is then its heading's alone. Rulings that disagree within the ruling sentence ("X
is medically necessary; X is not medically necessary"; a contrast clause after a comma, "...,
whereas the requested MRI is not", is subordinate to the main clause but read too: the sentence
abstains when it rules the other way, or when only it rules; a modal there is hypothetical, and of
its partial markers only a denied remainder counts; "exceed" counts there too; "is not," as well
as "is not.") also abstain (`ruling_ambiguous`), and so does a ruling after a plain one in an
earlier sentence (its clause, opening the sentence after a lead-in such as "Therefore," or
following ", and" or ";", opens on the subject and ends the sentence on the predicate, present
tense) the other way on this very request ("The request for tramadol #120 is not medically
necessary. The request for a 30-day weaning supply is medically necessary.": a part, a sibling or
a slip). Never a default.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
import spacy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.pipeline import Sentencizer
from spacy.tokens import Doc

from pipeline.record.model import Ruling
from pipeline.tagging._persist import RuleFiles
from pipeline.tagging._resources import doc_text, ensure_doc_extension
from pipeline.tagging.errors import ErrorHandling, guarded
from pipeline.tagging.ruling_rules import RULES_FILE, Marks, RulingRules, load_ruling_rules
from pipeline.tagging.ruling_subject import (
    ItemSubjects,
    decision_noun,
    head_part,
    nearest_part,
    treatment_spans,
)

OVERTURNED = "Overturned"
UPHELD = "Upheld"
NO_RULING = "no_ruling_sentence"
AMBIGUOUS = "ruling_ambiguous"
_SENTENCE_END = frozenset({".", "!", "?"})
_QUOTES_OPEN, _QUOTES_CLOSE, _QUOTES_BOTH = frozenset("“‘"), frozenset("”’"), frozenset("\"'")
_VERBS = frozenset(
    ["is", "are", "was", "were", "be", "been", "being", "am", "'s", "remains", "remain",
     "remained", "appears", "appear", "appeared", "seems", "seem", "seemed", "would", "will",
     "should", "could", "can", "may", "might", "must", "shall", "does", "do", "did", "cannot"]
)  # fmt: skip
_BE = frozenset({"be", "been", "being"})
_PAST = frozenset({"was", "were", "had"})
_PRESENT = frozenset({"is", "are", "am", "'s", "remains", "remain"})
_RELATIVE = frozenset({"that", "which", "who", "whom", "whose"})
_NO = frozenset({"no", "lack", "absence", "without", "insufficient", "nothing", "none"})


# What the reader returns when no sentence rules: a copy each time (a record's part can be
# changed, this one must not be).
ABSTAIN = Ruling(decision=None, review=NO_RULING)


@dataclass
class _Read:
    """One predicate read as a ruling."""

    sign: int
    form: str
    partial: bool
    contrast: bool = False  # in a contrast clause ("..., whereas Y is not")
    # its subject names the item after "prior", "last", ... ("the prior lumbar ESI"): a past
    # one, or this one: it cannot rule alone and must not rule against the ruling before it
    uncertain: bool = False
    # its subject names this item and nothing else ("the request", "the requested lumbar MRI")
    own: bool = False
    plain: bool = False  # its clause ends the sentence on the predicate, after a plain subject
    past: bool = False  # its verb group is in the past tense ("were medically necessary")


class RulingReader:
    """Reads the ruling of one doc (a rationale), given the item's own words."""

    def __init__(self, rules: RulingRules) -> None:
        self.rules = rules
        self.w = rules.words
        self._subjects: ItemSubjects | None = None  # the item read against, set by `read`
        self._sub: set[int] = set()  # the current sentence's subordinate-clause tokens
        self._contrast: set[int] = set()  # its contrast clauses' tokens ("..., whereas ...")
        self._furniture: set[int] = set()  # the doc's page-furniture tokens
        self._past = self._present = False  # the current predicate's verb group's tense

    # ---- sentences --------------------------------------------------------------------

    def sentences(self, doc: Doc, furniture: set[int] | None = None) -> list[tuple[int, int]]:
        """Token ranges of the sentences, a page break inside a sentence joined again (a
        piece that does not end a sentence, followed by one that starts in lower case, with
        only page furniture, "Page 2 of 3" and running headers, between them)."""
        furniture = furniture or set()
        if not len(doc):
            return []
        if not doc.has_annotation("SENT_START"):
            Sentencizer()(doc)
        starts = np.flatnonzero(doc.to_array(SENT_START) == 1).tolist()
        if not starts or starts[0] != 0:
            starts.insert(0, 0)
        ranges = [(a, b) for a, b in zip(starts, [*starts[1:], len(doc)], strict=True)]
        merged: list[tuple[int, int]] = []
        for start, end in ranges:
            real = [i for i in range(start, end) if i not in furniture and not doc[i].is_space]
            if not real:
                continue  # a page number or running header on its own
            first = doc[real[0]]
            if (
                merged
                and first.text[:1].islower()
                and not _ends_sentence(doc, *merged[-1], furniture)
            ):
                merged[-1] = (merged[-1][0], end)
            else:
                merged.append((start, end))
        return merged

    def furniture(self, doc: Doc) -> set[int]:
        """Tokens of page furniture (`page_furniture` in the rules): page numbers and running
        headers that a page break left inside the rationale."""
        found: set[int] = set()
        text = doc_text(doc)
        for regex in self.rules.furniture:
            for m in regex.finditer(text):
                span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
                if span is not None:
                    found.update(range(span.start, span.end))
        return found

    # ---- the ruling -------------------------------------------------------------------

    def read(self, doc: Doc, item_text: str | None = None, item_treatments: Any = None) -> Ruling:
        """The ruling of the last sentence that has one, else an abstention. `item_treatments`
        (what the treatment tagger found in the item's text, "category|lexicon name") let a
        brand or an abbreviation name the item ("Naprosyn" for "Naproxen"), and tell another
        treatment's request from this one's."""
        furniture = self._furniture = self.furniture(doc)
        self._subjects = ItemSubjects(self.rules, doc, item_text, item_treatments, furniture)
        # rulings of later sentences on "the prior ..." (a past one of the item, or this one):
        # the ruling before them stands only if they agree with it
        later: set[str] = set()
        uncertain: Ruling | None = None
        sentences = self.sentences(doc, furniture)

        def reads_of(start: int, end: int) -> list[_Read]:
            marks = Marks(doc, self.rules, start, end, furniture)
            return self._sentence(doc, start, end, marks)

        for k in range(len(sentences) - 1, -1, -1):
            start, end = sentences[k]
            reads = reads_of(start, end)
            if not reads:
                continue
            span = doc[start:end]
            text = span.text.strip()
            lead = len(span.text) - len(span.text.lstrip())
            at = span.start_char + lead
            if all(r.uncertain for r in reads):
                later.update(_decision(r) for r in reads)
                if uncertain is None:
                    uncertain = _ambiguous(text, at, reads[-1].form)
                continue
            reads = [r for r in reads if not r.uncertain]
            main = [r for r in reads if not r.contrast]
            # a ruling only in a contrast clause ("..., whereas the request for 12 more is not
            # medically necessary"): whether it is this item's, the reader cannot tell
            decisions = {_decision(r) for r in reads}
            ambiguous = not main or len(decisions) > 1 or bool(later - decisions)
            last = (main or reads)[-1]
            if not ambiguous and not last.partial:
                # an earlier sentence rules the other way on this very request with nothing else
                # in it ("The request for tramadol #120 is not medically necessary. The request
                # for a 30-day weaning supply is medically necessary."): a slip, or a ruling on
                # a part or a sibling the reader cannot tell from this one
                ambiguous = any(
                    r.own
                    and r.plain
                    and not (r.partial or r.past)
                    and _decision(r) != _decision(last)
                    for j in range(k)
                    if self._ends_on_predicate(doc, *sentences[j])
                    for r in reads_of(*sentences[j])
                )
            if ambiguous:
                return _ambiguous(text, at, last.form)
            return Ruling(
                decision=_decision(last),
                sentence=text,
                start_char=at,
                end_char=at + len(text),
                form=last.form,
                partial=last.partial,
            )
        return uncertain or ABSTAIN.model_copy()

    def _ends_on_predicate(self, doc: Doc, start: int, end: int) -> bool:
        """Whether the sentence's last word is a predicate's (as a plain ruling's is): a cheap
        look before matching the sentence."""
        last = next((t for t in reversed(doc[start:end]) if not (t.is_punct or t.is_space)), None)
        return last is not None and last.lower_ in self.rules.predicate_words

    def _shown_to(self, name: str, p_end: int, lower: list[str], start: int) -> bool:
        """A "shown" predicate followed by "to" ("has not been shown to be necessary"): part of
        the next predicate's verb group, no predicate of its own."""
        return self.rules.predicate_kind[name][0] == "shown" and lower[
            p_end - start : p_end - start + 1
        ] == ["to"]

    def _sentence(
        self,
        doc: Doc,
        start: int,
        end: int,
        marks: Marks,
    ) -> list[_Read]:
        w = self.w
        lower = [t.lower_ for t in doc[start:end]]
        predicates = marks.within("predicates", start, end)
        if (
            not predicates
            or self._question(doc, start, end)
            or self._conditional(lower, start, marks)
            or self._topic(doc, lower, start, marks)
        ):
            return []
        fragment = self._fragment(doc, lower, start, predicates)
        if fragment is not None:
            return [fragment]
        sub = self._sub = self._subordinate(doc, start, end, marks)
        reads: list[_Read] = []
        heads: dict[int, _Read | None] = {}  # clause start -> its head's read (None: rejected)
        for name, p_start, p_end in predicates:
            in_contrast = p_start in self._contrast
            # a contrast clause is subordinate to the main clause, not to its own predicate
            local = sub - self._contrast if in_contrast else sub
            if p_start in local or p_start in self._item:
                continue
            kind, sign = self.rules.predicate_kind[name]
            if kind == "contrast" and not in_contrast:
                continue
            if p_start > start and lower[p_start - start - 1] in w["comparatives"]:
                continue  # "X would be more consistent with the guidelines": a comparison
            if self._shown_to(name, p_end, lower, start):
                continue  # "has not been shown to be medically necessary": the verb group of it
            # the verb group: back from the predicate over auxiliaries, negations, adverbs
            # a decision event is a verb itself ("I agree with ..."); "is not." holds its own
            i, negations, history = p_start - 1, 0, False
            modal = perfect = False  # "would have been necessary": hypothetical, no ruling
            past = present = False
            and_verb = False  # "... is reasonable for him and is medically necessary"
            verb = kind in ("event", "elliptic", "contrast")
            while (
                i >= start
                and i not in local
                and (doc[i].is_space or i in self._furniture or lower[i - start] in w["verb_group"])
            ):
                at = marks.at["predicates"].get(i)
                if at and not self._shown_to(at[0], at[2], lower, start):
                    break
                word = lower[i - start]
                negations += word in w["negations"]
                history |= word in w["history_words"]
                modal |= word in w["counterfactual_modals"]
                perfect |= word == "have"
                past |= word in _PAST
                and_verb |= word == "and" and verb
                present |= word in _PRESENT
                # finite: not the "be" of an infinitive ("for MRI to be warranted")
                infinitive = word in _BE and i > start and doc[i - 1].lower_ == "to"
                verb |= word in _VERBS and not infinitive
                i -= 1
            if kind == "active" and not verb:  # a finite verb, not "evidence to support X"
                verb = p_start > start and doc[p_start - 1].lower_ != "to"
            coordinated = i >= start and marks.at["predicates"].get(i) is not None
            if coordinated and not verb:
                continue  # "necessary and appropriate": one predicate, read at its head
            if i >= start and doc[i].lower_ in _RELATIVE:
                continue  # "the amount of gloves that are being recommended": a relative clause
            clause_start = self._clause_start(doc, start, i + 1, local)
            judge = None
            if not verb and kind != "meets":
                # "I find the request medically necessary": a small clause after a judging verb,
                # whose negations are the ruling's ("I do not find X medically necessary")
                judge = next(
                    (
                        j
                        for j in range(i, clause_start - 1, -1)
                        if lower[j - start] in w["judging_verbs"]
                    ),
                    None,
                )
                verb = judge is not None
                if judge is not None and w["earlier_reviewers"].intersection(
                    lower[clause_start - start : judge - start]
                ):
                    continue  # "The UR reviewer found the request not medically necessary."
                if judge is not None:
                    # a frame's negation is the frame's ("I do not believe X to be ..."), not
                    # the judging verb's too
                    negations += sum(
                        lower[j - start] in w["negations"] and j not in marks.at["frames"]
                        for j in range(clause_start, judge)
                    )
            adjunct = p_start > start and lower[p_start - start - 1] == ","
            if not verb and (kind != "meets" or adjunct):
                # attributive ("the only recommended drug"), or an adjunct ("..., consistent
                # with MTUS"): not a predicate
                continue
            if kind == "event" and p_start > clause_start and lower[p_start - start - 1] == "to":
                # "There is no basis to overturn ...", "insufficient evidence to overturn ...":
                # the infinitive's governing words negate it
                negations += sum(
                    lower[j - start] in _NO or lower[j - start] in w["negations"]
                    for j in range(clause_start, i + 1)
                )
            clause_end = self._clause_end(doc, p_end, end, local)
            if (
                clause_start in heads
                and not coordinated
                and not (and_verb and heads[clause_start] is None)
            ):
                continue  # a later predicate of a clause that has its head already
            subject_lo, subject_hi = (clause_start if judge is None else judge + 1), i + 1
            frames = marks.within("frames", clause_start, subject_hi)
            if frames:
                subject_lo = frames[-1][2]
            read = None
            self._past, self._present = past, present
            # "..., whereas it would be necessary should ...": a contrast's modal is hypothetical;
            # "..., while the initial 6 sessions were medically necessary": history
            hypothetical = modal and (
                perfect or in_contrast or self._condition_after(lower, p_end - start)
            )
            if not (history or hypothetical or (past and in_contrast)) and not self._quoted(
                doc, start, p_start, marks, local
            ):
                read = self._rule(
                    doc, kind, name, sign, (subject_lo, subject_hi),
                    (p_start, p_end, clause_end, end), marks,
                )  # fmt: skip
            if read is not None:
                read.sign *= (-1) ** (negations + len(frames))
                read.contrast = in_contrast
                read.past = past
                # "The request is medically necessary.": its clause ends the sentence and holds
                # nothing before the subject but a lead-in ("Therefore, ...", "Given the above,
                # ...") or a main clause it is coordinated with ("The patient improved, and the
                # request is ..."; not a relative or wh-clause: "... why X is necessary")
                read.plain = (
                    self._main_clause(doc, start, clause_start)
                    and self._lead_ins_only(doc, clause_start, p_start)
                    and all(
                        t.is_punct
                        or t.is_space
                        or t.i in self._furniture
                        or t.lower_ in ("and", "or")
                        or marks.at["predicates"].get(t.i)  # "... necessary and appropriate."
                        for t in doc[p_end:end]
                    )
                )
                reads.append(read)
            # A predicate with its own verb heads its clause, read or rejected: a later one is
            # its complement ("is not supported ... as being medically necessary"). A reviewer's
            # verb heads only when it ruled ("the decision to non-certify ... is upheld").
            if verb and (kind != "active" or read is not None):
                heads.setdefault(clause_start, read)
        return reads

    def _rule(
        self,
        doc: Doc,
        kind: str,
        name: str,
        sign: int,
        subject: tuple[int, int],
        predicate: tuple[int, int, int, int],
        marks: Marks,
    ) -> _Read | None:
        p_start, p_end, clause_end, sentence_end = predicate
        if kind == "event":
            in_subject = decision_noun(marks, *subject)
            said = {t.lower_ for t in nearest_part(doc, *subject)}
            if in_subject is None and said & self.w["earlier_reviewers"]:
                return None  # "A prior IMR in 2022 overturned the denial": an earlier review's act
            noun = in_subject or decision_noun(marks, p_end, clause_end)
            if noun is None:
                return None
            return _Read(sign=sign * noun, form=name, partial=False)
        if kind == "active":  # "I cannot recommend the request", "The records support the MRI"
            if p_end < clause_end and doc[p_end].lower_ == "that":
                return None  # "I recommend that X be ...": the clause after "that" rules
            part = nearest_part(doc, *subject)
            words = {t.lower_ for t in part}
            if not words & self.w["active_subjects"] or words & self.w["guideline_words"]:
                return None
            # "No documentation supports ...", "the lack of evidence supports ..."
            sign = sign * (-1) ** sum(t.lower_ in _NO for t in part)
            obj_end = next((j for j in range(p_end, clause_end) if doc[j].text == ","), clause_end)
            obj = self._item_read.object_sign(doc, p_end, obj_end, marks)
            return None if obj is None else _Read(sign=sign * obj, form=name, partial=False)
        if kind == "shown":  # "Medical necessity (for X) has not been established"
            words = {t.lower_ for t in doc[subject[0] : subject[1]]}
            if not marks.within("need_nouns", *subject) or words & self.w["other_item_words"]:
                return None
            partial = self._partial(doc, subject[0], sentence_end, marks)
            return _Read(sign=sign, form=name, partial=partial)
        accepted = self._item_read.subject(doc, *subject, marks, self._past)
        if accepted is None:
            return None
        by_request, subject_sign, bare, uncertain, own, of_part = accepted
        last = next((t for t in reversed(doc[subject[0] : subject[1]]) if not t.is_space), None)
        if (
            last is not None
            and last.lower_ == "it"
            and doc[p_end : p_end + 1].text.lower() in self.w["clause_openers"]
        ):
            # "It is recommended (that) the provider continue a slow taper": the clause after
            # it is the subject
            return None
        opening = next(iter(head_part(doc, *subject, self.w["parenthetical_openers"])), None)
        first = opening.lower_ if opening is not None else ""
        generic = bare or first in self.w["indefinite_articles"]
        voice = self.w["guideline_voice_words"]
        if (
            generic
            and name in ("verdict_word", "negative_word")
            and doc[p_end - 1].lower_ in voice
            and not self._and_writer_word(doc, p_end, marks)
        ):
            # "Psychological evaluations are recommended ...": a guideline's voice; "Celebrex
            # is warranted." is the writer's
            return None
        after = min(p_end + 4, sentence_end)  # "... only if": the condition opens a clause
        for label, _, _ in marks.within("guideline_qualifiers", p_end, after):
            if label in ("condition", "only_if", "provided_that", "as_an_option") or not by_request:
                return None  # "... is recommended as an option": the guideline's voice
        if first in self.w["negative_subjects"] and not self._limit(doc, opening):
            subject_sign = -subject_sign  # "No further therapy is ...", "None of the ... are"
        if any(
            self._past or marker not in self.w["past_history_markers"]
            for marker, _, _ in marks.within("history_markers", p_end, clause_end)
        ):
            return None  # "... by the claims administrator", "was necessary in 2019"
        if self._past and first in self.w["indefinite_articles"]:
            return None  # "A one-month trial was medically necessary at the time": history
        if uncertain and self._past:
            return None  # "The prior shoulder surgery was medically necessary.": history
        partial = (
            of_part
            or kind == "partial"
            or self._one_side(doc, p_end, clause_end)
            or self._partial(doc, subject[0], sentence_end, marks, p_end)
        )
        # "is recommended for non-certification": the noun after "for" says which way
        # "It would not be appropriate to deny X": the infinitive's verb turns the predicate
        after_to = p_end + 1 < sentence_end and doc[p_end].lower_ == "to"
        if after_to and doc[p_end + 1].lower_ in self.w["negative_actions"]:
            subject_sign = -subject_sign
        after_for = p_end + 1 < sentence_end and doc[p_end].lower_ == "for"
        if after_for and marks.at["denial_nouns"].get(p_end + 1):
            subject_sign = -subject_sign
        return _Read(
            sign=sign * subject_sign, form=name, partial=partial, uncertain=uncertain, own=own
        )

    def _main_clause(self, doc: Doc, start: int, clause_start: int) -> bool:
        """Whether the clause opens the sentence or follows ";" or ", and" / ", but"."""
        before = [t for t in doc[start:clause_start] if not t.is_space]
        if not before or before[-1].text == ";":
            return True
        return len(before) > 1 and before[-1].lower_ in ("and", "but") and before[-2].text == ","

    def _lead_ins_only(self, doc: Doc, start: int, p_start: int) -> bool:
        """Whether every comma-set part before the subject's last one is a lead-in: opening
        with a connective or a parenthetical opener ("Therefore,", "Given the above,")."""
        openers = self.w["fragment_connectives"] | self.w["parenthetical_openers"]
        opening = True  # the next token opens a part
        for token in doc[start:p_start]:
            if token.text == ",":
                opening = True
            elif opening and not token.is_space:
                opening = False
                first = token.lower_
                rest = doc[token.i : p_start]
                if any(t.text == "," for t in rest) and first not in openers:
                    return False
        return True

    def _and_writer_word(self, doc: Doc, p_end: int, marks: Marks) -> bool:
        """Whether the predicate is coordinated with one in the writer's words right after it
        ("An occlusal guard is appropriate and medically necessary")."""
        if p_end >= len(doc) or doc[p_end].lower_ != "and":
            return False
        then = marks.at["predicates"].get(p_end + 1)
        return then is not None and doc[then[2] - 1].lower_ not in self.w["guideline_voice_words"]

    def _limit(self, doc: Doc, opening: Any) -> bool:
        """A quantity's limit opening the subject ("No more than 4 injections are ..."), not a
        negative subject."""
        after = doc[opening.i + 1 : opening.i + 3]
        return (
            len(after) == 2
            and after[0].lower_ in ("more", "fewer", "less")
            and after[1].lower_ == "than"
        )

    def _one_side(self, doc: Doc, lo: int, hi: int) -> bool:
        """One side named after the predicate with "only", in its own phrase, when the item is
        of both ("is medically necessary for the right knee only" for bilateral injections)."""
        item = self._item_read
        if not item.plain & self.w["bilateral_words"]:
            return False
        comma = next((j for j in range(lo, hi) if doc[j].text == ","), hi)
        phrase = {t.lower_ for t in doc[lo:comma]}
        named = phrase & self.w["sides"]
        return len(named) == 1 and not named & self.w["bilateral_words"] and "only" in phrase

    def _condition_after(self, lower: list[str], after: int) -> bool:
        """A condition after a modal predicate, before anything coordinated with it ("I would
        overturn the denial if ...", "would be necessary ..., except that ..."; not "I would
        overturn the denial and recommend re-evaluation if ..."): the predicate is
        hypothetical."""
        own = []
        for word in lower[after:]:
            if word in (";", "and", "or"):
                break
            own.append(word)
        rest = " " + " ".join(own) + " "
        return any(f" {words} " in rest for words in self.w["conditions_after_modal"])

    def _partial(self, doc: Doc, lo: int, hi: int, marks: Marks, p_end: int | None = None) -> bool:
        """A partial or modified approval named in [lo, hi) outside subordinate clauses ("for 6
        of the 12 sessions", "with modification", "but not ..."), unless the item's own text
        says it ("6 of 12 sessions" as the request)."""
        # in a contrast clause only the denied remainder counts ("..., whereas the remaining 6
        # are not"): "whereas the UR modification to 3 sessions ..." is history
        w, item = self.w, self._item_read
        remainder = w["contrast_partial_markers"]
        # after the predicate a count names the part only in its own phrase ("is medically
        # necessary for 6 of the 12 sessions"), not after a comma (", with 6 of 12 completed")
        comma = hi if p_end is None else next(
            (j for j in range(p_end, hi) if doc[j].text == ","), hi
        )  # fmt: skip
        for name, s, e in marks.within("partial_markers", lo, hi):
            if s in self._sub and not (s in self._contrast and name in remainder):
                continue
            if " ".join(doc[s:e].text.lower().split()) in item.norm:
                continue
            if e < len(doc) and doc[e].lower_ in w["dosing_words"]:
                continue  # "to be taken up to 2 times daily": a dose, not a part
            if name in w["count_markers"] and (s >= comma or item.is_own_count(doc[s:e])):
                continue  # "the remaining 6 of the 12 visits" when the item is 6 visits
            if name in w["exception_markers"] and not item.names_part(doc, e, hi):
                continue  # "a rental is necessary, but not a purchase": never requested
            return True
        return False

    # ---- parts of a sentence ----------------------------------------------------------

    def _topic(self, doc: Doc, lower: list[str], start: int, marks: Marks) -> bool:
        """A sentence about another item, named up front ("Regarding the separately requested
        Flexeril, ..., and that request is not medically necessary")."""
        words = " ".join(lower[:4])
        if not any(words == t or words.startswith(t + " ") for t in self.w["topic_openers"]):
            return False
        comma = next((j for j, word in enumerate(lower) if word == ","), len(lower))
        topic = range(start, start + comma)
        item = self._item_read
        named = any(i in item.tokens or i in item.treatments for i in topic)
        return not named and any(i in item.other_treatments for i in topic)

    def _fragment(
        self, doc: Doc, lower: list[str], start: int, predicates: list[tuple[str, int, int]]
    ) -> _Read | None:
        """A verbless ruling on its own ("Not medically necessary.", "Thus, non-certified."):
        nothing but connectives, negations and one predicate."""
        if len(predicates) != 1:
            return None
        name, p_start, p_end = predicates[0]
        kind, sign = self.rules.predicate_kind[name]
        if kind != "state":
            return None
        negations = 0
        for j, word in enumerate(lower):
            token = doc[start + j]
            if p_start <= start + j < p_end or token.is_punct or token.is_space:
                continue
            if token.i in self._furniture or word in self.w["fragment_connectives"]:
                continue
            if word not in self.w["negations"]:
                return None
            negations += 1
        return _Read(sign=sign * (-1) ** negations, form=name, partial=False)

    def _question(self, doc: Doc, start: int, end: int) -> bool:
        """A question ("Does the request meet the criteria?") asks, it does not rule."""
        last = next((t for t in reversed(doc[start:end]) if not t.is_space), None)
        return last is not None and last.text.endswith("?")

    def _conditional(self, lower: list[str], start: int, marks: Marks) -> bool:
        """A sentence that opens with a condition ("If ...", "Once ...", "Should ...")."""
        return bool(lower) and lower[0] in self.w["conditionals"]

    def _subordinate(self, doc: Doc, start: int, end: int, marks: Marks) -> set[int]:
        """Tokens of subordinate clauses: from a subordinator to the next comma or semicolon (or
        the sentence's end)."""
        inside: set[int] = set()
        self._contrast = set()
        for _, s, _e in marks.within("subordinators", start, end):
            if s in self._item:
                continue  # a word of the item's own name ("... when wife is working")
            if s > start and doc[s - 1].lower_ in ("such", "as", "so"):
                continue  # "such as", "as well as", "so as"
            i = s
            while i < end and doc[i].text not in (",", ";"):
                i += 1
            inside.update(range(s, i))
            if (
                s > start
                and doc[s - 1].text == ","
                and doc[s].lower_ in self.w["contrast_subordinators"]
            ):
                # "X is necessary, whereas Y is not": subordinate to the main clause, but its
                # own predicates are read too (the sentence abstains if they rule otherwise)
                self._contrast.update(range(s, i))
        return inside

    @property
    def _item_read(self) -> ItemSubjects:
        """The item of the rationale being read (`read` sets it)."""
        if self._subjects is None:
            raise RuntimeError("RulingReader.read sets the item before any sentence is read")
        return self._subjects

    @property
    def _item(self) -> set[int]:
        """The tokens naming the item, never a clause's subordinator or break."""
        return self._item_read.tokens

    def _clause_start(self, doc: Doc, start: int, before: int, sub: set[int]) -> int:
        """Where the clause holding the token before `before` starts."""
        w = self.w
        p_start = before
        i = before - 1
        while i >= start:
            word = doc[i].lower_
            if i in sub or (word in w["clause_breaks"] and i not in self._item):
                return i + 1
            if word in w["contrast_subordinators"] and i in self._contrast:
                return i + 1  # ", while the requested 12 visits exceed ...": its own clause
            if word == "and" and i + 1 < p_start and doc[i + 1].lower_ in w["new_clause_after_and"]:
                return i + 1
            if word == "so" and i > start and doc[i - 1].text in (",", "and"):
                return i + 1  # "..., so the request is not ...": a clause of its own
            i -= 1
        return start

    def _clause_end(self, doc: Doc, p_end: int, end: int, sub: set[int]) -> int:
        i = p_end
        while i < end and i not in sub:
            if doc[i].lower_ in self.w["clause_breaks"] and i not in self._item:
                break
            i += 1
        return i

    def _quoted(self, doc: Doc, start: int, p_start: int, marks: Marks, sub: set[int]) -> bool:
        """Inside an open quotation, or after a source's "states that" in the sentence (a
        guideline's or the treating physician's words; not one inside a subordinate clause:
        "Since guidelines state X, the request is ...")."""
        for name, s, e in marks.within("guideline_frames", start, p_start):
            if s in sub:
                continue
            if name in self.w["scoped_frames"] and self._turn(doc, e, p_start):
                continue  # "The UR reviewer noted that ...; however, ... the request is ..."
            if name in self.w["past_narration_frames"] and self._present:
                continue  # "Utilization review denied it, and the request is not ...": the writer

            return True
        opened = 0
        for token in doc[start:p_start]:
            if token.text in _QUOTES_OPEN:
                opened += 1
            elif token.text in _QUOTES_CLOSE:
                opened = max(0, opened - 1)
            elif token.text in _QUOTES_BOTH:
                opened = 1 - min(opened, 1)
        return opened > 0

    def _turn(self, doc: Doc, lo: int, hi: int) -> bool:
        """The writer turning from reported words to their own in [lo, hi): ";", a `turns` word
        ("however"), "but" after a comma, or ", and I" / ", and this reviewer" / ", and that
        determination"; never a plain "and", "therefore" or "thus", which go on reporting ("...
        and therefore the request was not medically necessary")."""
        for i in range(lo, hi):
            word = doc[i].lower_
            if word == ";" or word in self.w["turns"]:
                return True
            if word in ("but", "and") and i > lo and doc[i - 1].text == ",":
                after = [doc[j].lower_ for j in range(i + 1, min(i + 3, hi))]
                if (
                    (word == "but" and after[:1] != ["that"])  # ", but that ...": reported too
                    or after[:1] in (["i"], ["we"])
                    or after == ["this", "reviewer"]
                    or (after[:1] == ["that"] and after[1:] and after[1] in self.w["verdict_nouns"])
                ):
                    return True  # ", but", ", and I concur", ", and that determination is ..."
        return False


def _ends_sentence(doc: Doc, start: int, end: int, furniture: set[int]) -> bool:
    for token in reversed(doc[start:end]):
        if token.is_space or token.i in furniture:
            continue
        if token.text in ('"', "'", ")", "”", "’"):
            continue
        return token.text[-1:] in _SENTENCE_END or token.text.endswith(":")
    return True


def _ambiguous(text: str, at: int, form: str) -> Ruling:
    """An abstention that names the sentence it could not read one way."""
    return Ruling(
        decision=None, sentence=text, start_char=at, end_char=at + len(text), form=form,
        partial=False, review=AMBIGUOUS,
    )  # fmt: skip


def _decision(read: _Read) -> str:
    if read.partial:
        return UPHELD
    return OVERTURNED if read.sign > 0 else UPHELD


# ---- the spaCy component ----------------------------------------------------------------


def _ensure_extensions() -> None:
    ensure_doc_extension("ruling")  # a `Ruling` as a dict
    ensure_doc_extension("ruling_item")  # the item's disputed text, set before the doc is piped
    ensure_doc_extension("ruling_item_treatments")  # its treatments, "category|lexicon name"


@Language.factory(
    "ruling_reader",
    default_config={"rules_file": RULES_FILE},
    assigns=["doc._.ruling"],
)
def make_ruling_reader(nlp: Language, name: str, rules_file: str) -> RulingComponent:
    return RulingComponent(nlp, name, rules_file=rules_file)


class RulingComponent(RuleFiles, ErrorHandling):
    """Sets `doc._.ruling` (a `Ruling` as a dict) from the doc's sentences and, when set, the
    item's disputed text in `doc._.ruling_item`."""

    def __init__(self, nlp: Language, name: str = "ruling_reader", rules_file: str = RULES_FILE):
        _ensure_extensions()
        self.name = name
        self.vocab = nlp.vocab
        self.rule_files = (rules_file,)

    def _build(self, folder: Path | None) -> RulingReader:
        data = load_ruling_rules(self.rule_files[0], folder)
        return RulingReader(RulingRules.from_json(data, self.vocab))

    @guarded
    def __call__(self, doc: Doc) -> Doc:
        ruling = self.rules.read(doc, doc._.ruling_item, doc._.ruling_item_treatments)
        doc._.ruling = ruling.model_dump()
        return doc


def build_reader() -> Language:
    """`spacy.blank("en")` + the treatment tagger + verdict_masker (sentences, as in the
    tagging pipeline) + the ruling reader: what the tagging pipeline runs on a rationale."""
    from pipeline.tagging import treatments, verdicts  # noqa: F401 - register the factories

    nlp = spacy.blank("en")
    for name in ("imr_treatments", "verdict_masker", "ruling_reader"):
        nlp.add_pipe(name)
    return nlp


@lru_cache(maxsize=1)
def _reader() -> Language:
    return build_reader()


def prepare(nlp: Language, text: str | None, item_text: str | None, item: Doc | None) -> Doc:
    """A rationale's doc, not yet run through the pipeline, carrying its item for the reader:
    its text, and the treatments tagged in it (`item`, the item's tagged doc) as
    "category|name"."""
    doc = nlp.make_doc(text or "")
    doc._.ruling_item = item_text
    found = [f"{category}|{name}" for _, category, name in treatment_spans(item)] if item else []
    doc._.ruling_item_treatments = found or None
    return doc


def read_ruling(text: str | None, item_text: str | None = None) -> Ruling:
    """The ruling of a rationale on the item whose disputed text is `item_text` (None: any
    named service counts as the request)."""
    nlp = _reader()
    item = None
    if item_text:
        with nlp.select_pipes(enable=["imr_treatments"]):
            item = nlp(item_text)
    doc = nlp(prepare(nlp, text, item_text, item))
    return Ruling(**doc._.ruling) if doc._.ruling else ABSTAIN.model_copy()


def ruling_review(ruling: Any) -> list[str]:
    """The review code of an abstention (`ruling` a `Ruling` dict), else none."""
    if not isinstance(ruling, dict):
        return ["no_ruling_sentence"]  # not read at all: flagged, never a default
    if ruling.get("decision") is not None:
        return []
    if ruling.get("review") == AMBIGUOUS:
        return ["ruling_ambiguous"]
    return ["no_ruling_sentence"]


def ruling_from_record(item: Any) -> Ruling:
    """An item's ruling: its `ruling` tag (an item record's field or a dict's key), else read
    from its rationale now."""
    get = item.get if isinstance(item, dict) else lambda name: getattr(item, name, None)
    tagged = get("ruling")
    if tagged is not None and not isinstance(tagged, dict):
        tagged = tagged.model_dump() if hasattr(tagged, "model_dump") else vars(tagged)
    if isinstance(tagged, dict) and "decision" in tagged:
        return Ruling(
            decision=tagged.get("decision"),
            sentence=tagged.get("sentence"),
            start_char=tagged.get("start_char"),
            end_char=tagged.get("end_char"),
            form=tagged.get("form"),
            partial=bool(tagged.get("partial")),
            review=tagged.get("review"),
        )
    return read_ruling(str(get("rationale") or ""), str(get("disputed_item") or ""))


__all__ = [
    "ABSTAIN",
    "AMBIGUOUS",
    "NO_RULING",
    "Ruling",
    "RulingReader",
    "read_ruling",
    "ruling_from_record",
    "ruling_review",
]
