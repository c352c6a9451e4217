"""Throughput of a tagging pipeline in words/s, so the speed floor can be tested and reported.

Words are whitespace-separated chunks of the input (independent of the tokenizer), timed over
`nlp.pipe` on one process after one warm-up batch.
"""

from __future__ import annotations

import time
from collections.abc import Sequence

from spacy.language import Language


def count_words(texts: Sequence[str]) -> int:
    return sum(len(t.split()) for t in texts)


def measure_words_per_second(
    nlp: Language, texts: Sequence[str], batch_size: int = 64, repeats: int = 1
) -> float:
    """Best-of-`repeats` words/s of `nlp.pipe(texts)` (single process)."""
    texts = list(texts)
    words = count_words(texts)
    if not texts or words == 0:
        return 0.0
    for _ in nlp.pipe(texts[:batch_size], batch_size=batch_size):
        pass
    best = float("inf")
    for _ in range(max(1, repeats)):
        start = time.perf_counter()
        for _ in nlp.pipe(texts, batch_size=batch_size):
            pass
        best = min(best, time.perf_counter() - start)
    return words / best if best > 0 else float("inf")


# Made-up sentences in the register of an IMR letter (no real letter text). Most are plain
# narrative, as in real letters; a few carry the things the components tag.
_NARRATIVE = (
    "The injured worker is a 52-year-old warehouse clerk who reported low back pain after "
    "lifting a heavy box at work on 3/14/2015.",
    "The progress note dated 10/02/2016 documents tenderness over the paraspinal muscles, "
    "reduced range of motion and a positive straight leg raise on the left side.",
    "She rates her pain as 7/10 without medication and 4/10 with medication, and reports "
    "difficulty sleeping, sitting for long periods and lifting her grandchildren.",
    "There is no documentation of objective functional improvement, and the number of visits "
    "already completed is not stated in the records provided for review.",
    "An MRI of the lumbar spine dated 5/5/2016 showed a 3 mm disc protrusion at L4-5 without "
    "canal stenosis or nerve root compression.",
    "The diagnoses include lumbar radiculopathy, sprain of the ligaments of the lumbar spine, "
    "and myofascial pain of the upper back.",
    "On examination the gait was antalgic, sensation was decreased in the left L5 dermatome, "
    "and motor strength was 4+/5 in the extensor hallucis longus.",
    "The patient has been working modified duty with no lifting over 15 pounds and no "
    "repetitive bending or stooping.",
    "The treating physician notes that the patient wishes to avoid surgery and return to her "
    "usual and customary work as soon as possible.",
    "The utilization review determination was based on the lack of clear evidence of "
    "functional benefit from the care that had already been provided.",
    "He describes the pain as sharp and burning, radiating from the neck into the right arm "
    "and hand, worse with overhead activity and cold weather.",
    "The records do not explain why a home exercise program alone would not be sufficient at "
    "this stage, nearly two years after the date of injury.",
    "Vital signs were within normal limits, and the neurological examination of the upper "
    "extremities was otherwise unremarkable.",
    "Therefore, the request is not medically necessary and the prior determination is upheld.",
)
_TAGGED = (
    "Treatment to date has included medications, PT, chiropractic care, a TENS unit and two "
    "epidural injections.",
    "The provider requested physical therapy 2 times a week for 4 weeks for the lumbar spine.",
    "The request also included Tizanidine 4mg #60 and Omeprazole 20mg #30 with 1 refill.",
    "Decision rationale: the guidelines allow for fading of treatment frequency, up to 10 "
    "visits over 8 weeks, plus an active home exercise program.",
)


def synthetic_corpus(n_words: int = 200_000, words_per_doc: int = 900) -> list[str]:
    """Made-up letter-sized texts (no real letter content) totalling at least `n_words`."""
    docs: list[str] = []
    total, i = 0, 0
    while total < n_words:
        parts: list[str] = []
        count = 0
        while count < words_per_doc:
            sentence = _NARRATIVE[i % len(_NARRATIVE)]
            if i % 4 == 3:
                sentence += " " + _TAGGED[(i // 4) % len(_TAGGED)]
            i += 1
            parts.append(sentence)
            count += len(sentence.split())
        docs.append(" ".join(parts))
        total += count
    return docs
