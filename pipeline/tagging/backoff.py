"""A learned backoff for the item category: used when no treatment-lexicon row matches.

Multinomial naive Bayes over character n-grams (3-5, inside word boundaries) and whole words,
fitted on the lexicon rows themselves (pattern and normalised name -> category) when first
needed, in plain numpy/Python. Why not sklearn's MultinomialNB: `imr predict` must not import
scikit-learn (`import sklearn.naive_bayes` costs 1.7-2.0 s CPU against 2.3-2.7 s for a whole
one-letter predict); the fit takes a few tens of milliseconds.
tests/tagging/test_backoff_vs_sklearn.py proves the tables and scores are MultinomialNB's.
Character n-grams are what let it generalise past the rows: a new drug shares its stem endings
("-profen", "-azepam") with known drugs, a new brace or sleeve its words with known equipment.
Settings are in `category_backoff.json`.

`grouped_evaluation` measures it honestly on labelled items: items are split into folds by
letter, and every lexicon row that only the held-out letters' items needed is removed before
fitting, so a held-out item looks to the backoff as an unseen request would.
"""

from __future__ import annotations

import math
import re
import zlib
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache
from itertools import chain
from pathlib import Path
from typing import Any

import numpy as np

from pipeline.rules.files import load_rules
from pipeline.rules.schemas import CategoryBackoffFile

_WORD = re.compile(r"[a-z][a-z0-9]*(?:['-][a-z0-9]+)*")


class BackoffSettings(CategoryBackoffFile):
    """The validated rule file is the settings (one list of fields, in rule_schemas)."""

    @classmethod
    def load(
        cls, rules_file: str = "category_backoff.json", folder: Path | None = None
    ) -> BackoffSettings:
        return cls.model_validate(load_rules(rules_file, folder, kind="category_backoff.json"))


def features(text: str, settings: BackoffSettings) -> Counter[str]:
    """Character n-grams of each kept word (padded with spaces, so word starts and ends are
    features of their own) and the words themselves (weighted by `word_weight`)."""
    counts: Counter[str] = Counter()
    lo, hi = settings.ngram_min, settings.ngram_max
    for word in _WORD.findall(text.lower()):
        if word in settings.ignore_words:
            continue
        counts["w:" + word] += settings.word_weight
        padded = f" {word} "
        # Counted in C, in the order of a loop over n, then i (the features' order is kept).
        counts.update([padded[i : i + n] for n in range(lo, hi + 1)
                       for i in range(len(padded) - n + 1)])  # fmt: skip
    return counts


class CategoryBackoff:
    """Naive Bayes fitted on (text, category) pairs; `predict` gives (category, probability)."""

    def __init__(
        self, examples: Iterable[tuple[str, str]], settings: BackoffSettings | None = None
    ) -> None:
        self.settings = settings or BackoffSettings.load()
        rows = [(features(text, self.settings), category) for text, category in examples]
        self.categories = sorted({category for _, category in rows})
        column = {c: j for j, c in enumerate(self.categories)}
        # Every feature, numbered in order of first appearance.
        self.vocabulary: dict[str, int] = {
            feature: index
            for index, feature in enumerate(dict.fromkeys(chain.from_iterable(c for c, _ in rows)))
        }
        width = len(self.categories)
        docs = np.zeros(width)
        cells, values = [], []  # (feature, category) cell as feature * width + category
        for counts, category in rows:
            j = column[category]
            docs[j] += 1
            cells.extend([self.vocabulary[feature] * width + j for feature in counts])
            values.extend(counts.values())
        # Sums of whole counts and word weights: exact in any order.
        table = np.bincount(cells, weights=values, minlength=(len(self.vocabulary) + 1) * width)
        table = table.reshape(len(self.vocabulary) + 1, width)
        # Laplace-smoothed log P(feature | category); a category's mass is spread over the
        # whole vocabulary, so a rare category is not favoured by a feature it never saw.
        smoothed = table[:-1] + self.settings.alpha
        self.log_likelihood = np.log(smoothed / smoothed.sum(axis=0, keepdims=True))
        self.log_prior = np.log(docs / docs.sum()) if docs.sum() else np.zeros_like(docs)

    def scores(self, text: str) -> np.ndarray | None:
        """Per-category log scores, or None when the text has no known feature."""
        counts = features(text, self.settings)
        ids, weights = [], []
        for feature, value in counts.items():
            idx = self.vocabulary.get(feature)
            if idx is not None:
                ids.append(idx)
                weights.append(value)
        if not ids:
            return None
        w = np.asarray(weights)
        # Average, not sum: a long item would otherwise be certain of anything. Scaled by the
        # share of the text's features the rows know: a word mostly made of unseen n-grams
        # is weak evidence and its scores stay close together.
        mean = (w @ self.log_likelihood[ids]) / w.sum()
        coverage = w.sum() / sum(counts.values())
        return (self.settings.sharpness * coverage**self.settings.coverage_power) * mean + (
            self.settings.prior_weight * self.log_prior
        )

    def predict_proba(self, text: str) -> dict[str, float]:
        """Probability of each category ({} when the text shares no feature with the rows)."""
        scores = self.scores(text)
        if scores is None:
            return {}
        p = np.exp(scores - scores.max())
        p /= p.sum()
        return {c: float(v) for c, v in zip(self.categories, p, strict=True)}

    def predict(self, text: str) -> tuple[str | None, float]:
        """(best category, its probability); (None, 0.0) when nothing is known."""
        scores = self.scores(text)
        if scores is None:
            return None, 0.0
        j = int(scores.argmax())
        p = np.exp(scores - scores[j])
        return self.categories[j], float(1.0 / p.sum())


def lexicon_examples(rows: Iterable[dict[str, Any]]) -> list[tuple[str, str]]:
    """Training pairs from lexicon rows: the pattern, and the normalised name when it adds
    words (a brand's row also teaches its generic name)."""
    out = []
    for row in rows:
        if "pattern" not in row:
            continue
        out.append((row["pattern"], row["category"]))
        if row.get("name") and row["name"].lower() != row["pattern"].lower():
            out.append((row["name"], row["category"]))
    return out


@lru_cache(maxsize=4)
def default_backoff(
    lexicon: str = "treatments.jsonl", rules: str = "category_backoff.json"
) -> CategoryBackoff:
    """The backoff fitted on a lexicon file, once per process (about 50 ms)."""
    rows = load_rules(lexicon, kind="treatments.jsonl")
    return CategoryBackoff(lexicon_examples(rows), BackoffSettings.load(rules))


# ---- honest evaluation -------------------------------------------------------------------


def letter_folds(groups: Sequence[str], n_folds: int = 5) -> list[int]:
    """A fold per item from its letter (a stable hash of the group), so every item of a
    letter is held out together and the split does not depend on the item order."""
    return [zlib.crc32(str(g).encode()) % n_folds for g in groups]


def grouped_evaluation(
    texts: Sequence[str],
    categories: Sequence[str],
    groups: Sequence[str],
    rows: Sequence[dict[str, Any]],
    rows_used: Sequence[set[int]],
    n_folds: int = 5,
    add_items: bool = False,
    settings: BackoffSettings | None = None,
    predict: Callable[[CategoryBackoff, str], str | None] | None = None,
) -> dict[str, Any]:
    """Leave-letters-out accuracy of the backoff alone.

    `rows_used[i]` holds the indices of the lexicon rows item i needed (its matched mentions).
    For each fold, rows needed only by held-out items are removed; with `add_items`, the
    training folds' own items are added to the training pairs. Returns the accuracy, the
    number of items and of rows removed per fold, and the predictions in input order.
    """
    folds = letter_folds(groups, n_folds)
    predictions: list[str | None] = [None] * len(texts)
    removed_per_fold = []
    for fold in range(n_folds):
        held = [i for i, f in enumerate(folds) if f == fold]
        if not held:
            removed_per_fold.append(0)
            continue
        kept_use = set().union(*(rows_used[i] for i, f in enumerate(folds) if f != fold))
        held_use = set().union(*(rows_used[i] for i in held))
        removed = held_use - kept_use
        removed_per_fold.append(len(removed))
        train_rows = [r for j, r in enumerate(rows) if j not in removed]
        examples = lexicon_examples(train_rows)
        if add_items:
            examples += [(texts[i], categories[i]) for i, f in enumerate(folds) if f != fold]
        model = CategoryBackoff(examples, settings)
        for i in held:
            predictions[i] = predict(model, texts[i]) if predict else model.predict(texts[i])[0]
    correct = sum(p == c for p, c in zip(predictions, categories, strict=True))
    return {
        "accuracy": correct / len(texts) if texts else math.nan,
        "correct": correct,
        "items": len(texts),
        "rows_removed_per_fold": removed_per_fold,
        "predictions": predictions,
    }


def lexicon_rows_used(texts: Sequence[str], rows: Sequence[dict[str, Any]]) -> list[set[int]]:
    """For each text, the indices of the lexicon rows whose mentions the treatment tagger
    keeps (after overlaps resolve to the longest), i.e. the rows that text needed."""
    import json
    import tempfile
    from pathlib import Path

    import spacy

    from pipeline.tagging import TOKENIZER_CONFIG

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "rows.jsonl"
        # Each row named by its index, so the kept spans say which row they came from.
        path.write_text(
            "\n".join(json.dumps({**r, "name": f"row{j}"}) for j, r in enumerate(rows)),
            encoding="utf-8",
        )
        nlp = spacy.blank("en", config=TOKENIZER_CONFIG)
        nlp.add_pipe("imr_treatments", config={"lexicon": str(path)})
        used = []
        for doc in nlp.pipe(texts):
            used.append({int(s._.treatment[3:]) for s in doc.spans["treatments"]})
    return used
