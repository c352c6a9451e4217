"""Compiled linear models: a fitted scikit-learn pipeline as plain numpy + Python.

Both outcome models are linear: a ColumnTransformer of text vectorizers, scalers and a one-hot
encoder feeding one logistic regression (the reasoning model adds a sigmoid calibration). So a
score is `intercept + sum(coef_j * x_j)` over the few nonzero features of a row, and the
probability a logistic of it. `compile_model` reads the fitted pipeline once (the only place
that imports scikit-learn); `LinearModel` re-implements the feature transforms exactly as
scikit-learn 1.x does them and scores rows without importing scikit-learn, scipy, pandas or
joblib, so `imr predict` starts in a fraction of the time. Why not the fitted pipelines
themselves: importing scikit-learn, pandas and joblib costs 1.8-2.1 s CPU, against 2.3-2.7 s
CPU for a whole one-letter `imr predict` (measured on the shared machine, December 2026).
Differential tests against scikit-learn: tests/modeling/test_linear.py (analyzers, whole
models, random texts) and tests/modeling/test_linear_pieces.py (each transform on its own).

On disk a model is one `.npz` (numpy's zip of `.npy` arrays, loaded with `allow_pickle=False`,
so loading runs no code):

* `spec`: 0-d unicode array holding a JSON object: format/version, intercept, classes,
  calibration ({"method": "sigmoid", "a": .., "b": ..} or null) and one spec per feature block
  (kind, name, column(s), vectorizer settings, scaler mean/scale, one-hot categories, names).
* `b{i}_coef` (float64): the classifier coefficients of block i, in the block's column order.
* `b{i}_terms` (uint8) and, for TF-IDF with use_idf, `b{i}_idf` (float64): the vocabulary of
  text block i in column order, as the UTF-8 bytes of its terms joined by "\n" (no term holds
  one: the analyzers split on whitespace), and its idf weights.

Only what the two models use is re-implemented: the "word" analyzer (token_pattern, word
n-grams) and "char_wb" (character n-grams inside words), lowercase or not, raw counts or
binary, sublinear tf, idf and l2 normalisation. A pipeline with anything else (the "char"
analyzer, strip_accents, stop words, l1 norm...) is refused by `compile_model`, and
`check_compiled` proves a compiled model scores as its source before `imr train` writes it.
"""

from __future__ import annotations

import io
import json
import math
import re
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from functools import cached_property
from itertools import chain, repeat
from pathlib import Path
from typing import Any

import numpy as np

from pipeline.core.cells import as_text
from pipeline.features.polarity import polarity_features

FORMAT = "imr-linear-model"
VERSION = 2  # 1 stored the vocabulary as a fixed-width unicode array (4 bytes per character)
TERM_SEPARATOR = "\n"
DEFAULT_TOKEN_PATTERN = r"(?u)\b\w\w+\b"  # CountVectorizer's: its tokens never hold a space
# The largest difference allowed between a compiled model's probabilities or decision values and
# its source pipeline's (float rounding is ~1e-15; a real difference is far larger).
TOLERANCE = 1e-9
ANALYZERS = ("word", "char_wb")

# Row functions a compiled block may call by name (a stored model can name nothing else).
FUNCTIONS: dict[str, Callable[[Sequence[object]], np.ndarray]] = {
    "pipeline.features.polarity.polarity_features": polarity_features,
}

# sklearn's _VectorizerMixin._white_spaces: runs of two or more whitespace characters.
_WHITE_SPACES = re.compile(r"\s\s+")
_WORD_CACHE_SIZE = 200_000  # distinct words whose char_wb columns are kept between texts
_DENSE_COUNT_CELLS = 8_000_000  # rows x columns counted in one array (64 MB) before sorting

Row = Mapping[str, Any]


# --------------------------------------------------------------------------------------------
# Analyzers: sklearn.feature_extraction.text re-implemented (same terms, same order).


def word_ngrams(tokens: list[str], ngram_range: tuple[int, int]) -> list[str]:
    """Tokens -> word n-grams (CountVectorizer._word_ngrams): unigrams first, joined by " "."""
    min_n, max_n = ngram_range
    if max_n == 1:
        return tokens
    original = tokens
    n_original = len(original)
    if min_n == 1:
        tokens = list(original)
        min_n += 1
    else:
        tokens = []
    for n in range(min_n, min(max_n + 1, n_original + 1)):
        # The n-grams starting at 0, 1, ...: the n shifted copies zipped, joined in C.
        tokens.extend(map(" ".join, zip(*(original[k:] for k in range(n)), strict=False)))
    return tokens


def _padded_word_ngrams(word: str, min_n: int, max_n: int) -> list[str]:
    """One word's char_wb n-grams: n-grams of " word ", n = min_n..max_n; a padded word no
    longer than n yields itself once and ends the larger n (sklearn's "short word" break)."""
    w = " " + word + " "
    w_len = len(w)
    out: list[str] = []
    for n in range(min_n, max_n + 1):
        if w_len <= n:
            out.append(w)
            break
        out.extend([w[i : i + n] for i in range(w_len - n + 1)])
    return out


def char_wb_ngrams(text: str, ngram_range: tuple[int, int]) -> list[str]:
    """Character n-grams inside space-padded words (CountVectorizer._char_wb_ngrams)."""
    text = _WHITE_SPACES.sub(" ", text)
    min_n, max_n = ngram_range
    ngrams: list[str] = []
    for w in text.split():
        ngrams.extend(_padded_word_ngrams(w, min_n, max_n))
    return ngrams


def _preprocessor(spec: Mapping[str, Any]) -> Callable[[str], str]:
    """sklearn's default preprocessor without accent stripping: lowercase, if configured."""
    return str.lower if spec["lowercase"] else str


def _ngram_range(spec: Mapping[str, Any]) -> tuple[int, int]:
    return int(spec["ngram_range"][0]), int(spec["ngram_range"][1])


def build_analyzer(spec: Mapping[str, Any]) -> Callable[[str], list[str]]:
    """text -> terms, as `CountVectorizer(**settings).build_analyzer()` with these settings.

    `spec` keys: analyzer ("word" or "char_wb"), ngram_range, lowercase and token_pattern (word
    analyzer only).
    """
    analyzer = spec["analyzer"]
    _check_text_spec(spec)
    ngram_range = _ngram_range(spec)
    preprocess = _preprocessor(spec)
    if analyzer == "char_wb":
        return lambda doc: char_wb_ngrams(preprocess(doc), ngram_range)
    findall = re.compile(spec["token_pattern"]).findall
    return lambda doc: word_ngrams(findall(preprocess(doc)), ngram_range)


def _check_text_spec(spec: Mapping[str, Any]) -> None:
    """Refuse text settings this module does not re-implement (a stored spec may name any)."""
    problems = []
    if spec.get("analyzer") not in ANALYZERS:
        problems.append(f"analyzer={spec.get('analyzer')!r}")
    for key in ("strip_accents", "stop_words"):
        if spec.get(key) is not None:
            problems.append(f"{key}={spec[key]!r}")
    if spec.get("norm") not in (None, "l2"):
        problems.append(f"norm={spec['norm']!r}")
    if problems:
        raise ValueError(f"unsupported text settings: {', '.join(problems)}")


# --------------------------------------------------------------------------------------------
# Row values


def _number(row: Row, column: str, index: int) -> float:
    value = row.get(column)
    try:
        number = float(value)
    except (TypeError, ValueError):
        number = math.nan
    if number != number:
        raise ValueError(f"row {index}: column {column!r} is missing or not a number: {value!r}")
    return number


# --------------------------------------------------------------------------------------------
# Feature blocks: each turns rows into (column index, value) pairs and a decision term.

Triples = tuple[np.ndarray, np.ndarray, np.ndarray]


class _Block:
    """One ColumnTransformer block: its spec, names and coefficient slice."""

    readable = True

    def __init__(self, spec: dict[str, Any], coef: np.ndarray) -> None:
        self.spec = spec
        self.name: str = spec["name"]
        self.coef = np.asarray(coef, dtype=np.float64)

    def names(self) -> list[str]:
        return list(self.spec["names"])

    def namer(self) -> Callable[[int], str]:
        """Column index within the block -> feature name."""
        return self.spec["names"].__getitem__

    def transform(self, rows: Sequence[Row]) -> Triples:
        """The block's transformed rows as (row, column, value) arrays, ordered by row, then
        column: a CSR matrix without scipy."""
        raise NotImplementedError

    def scores(self, rows: Sequence[Row], triples: Triples | None = None) -> np.ndarray:
        """Per row: sum over the block's columns of coef * transformed value."""
        rid, col, value = self.transform(rows) if triples is None else triples
        return np.bincount(rid, weights=value * self.coef[col], minlength=len(rows))

    def arrays(self, prefix: str) -> dict[str, np.ndarray]:
        return {f"{prefix}_coef": self.coef}


class _TextBlock(_Block):
    """Count/TF-IDF vectorizer over one text column."""

    def __init__(
        self, spec: dict[str, Any], coef: np.ndarray, terms: list[str], idf: np.ndarray | None
    ) -> None:
        super().__init__(spec, coef)
        self.terms = list(terms)
        self.idf = None if idf is None else np.asarray(idf, dtype=np.float64)
        if len(self.terms) != len(self.coef) or (
            self.idf is not None and len(self.idf) != len(self.coef)
        ):
            raise ValueError(f"block {self.name!r}: terms, idf and coef lengths differ")
        self.readable = spec["analyzer"] == "word"
        analyze = build_analyzer(spec)
        self.count: Callable[[str], Counter] = lambda doc: Counter(analyze(doc))
        self._preprocess = _preprocessor(spec)
        self._word_columns: dict[str, list[int]] = {}  # char_wb: word -> vocabulary columns
        self.column: str = spec["column"]
        self._index: dict[str, int] | None = None  # built on first use

    def _lookup(self) -> dict[str, int]:
        if self._index is None:
            self._index = {term: j for j, term in enumerate(self.terms)}
        return self._index

    def names(self) -> list[str]:
        prefix = self.spec["prefix"]
        return [prefix + term for term in self.terms]

    def namer(self) -> Callable[[int], str]:
        prefix, terms = self.spec["prefix"], self.terms
        return lambda j: prefix + terms[j]

    def _counts(self, rows: Sequence[Row]) -> Triples:
        """Counts of in-vocabulary terms as (row, column, count), ordered by row, then column;
        out-of-vocabulary terms are ignored, as in CountVectorizer."""
        if self.spec["analyzer"] == "char_wb":
            per_row = [self._char_wb_columns(as_text(row.get(self.column))) for row in rows]
            lengths = [len(columns) for columns in per_row]
            col = np.fromiter(chain.from_iterable(per_row), dtype=np.int64, count=sum(lengths))
            rid = np.repeat(np.arange(len(rows), dtype=np.int64), lengths)
            width = max(len(self.coef), 1)
            keys = rid * width + col
            if len(rows) * width <= _DENSE_COUNT_CELLS:
                # A count per (row, column) cell, then its nonzero cells: the same keys and
                # counts as np.unique, without sorting the ~1,500 n-grams of every row.
                per_cell = np.bincount(keys, minlength=len(rows) * width)
                keys = np.flatnonzero(per_cell)
                counts = per_cell[keys]
            else:
                keys, counts = np.unique(keys, return_counts=True)
            return keys // width, keys % width, counts.astype(np.float64)
        get, count = self._lookup().get, self.count
        columns: list[int] = []
        counts_list: list[int] = []
        lengths = []
        for row in rows:
            counted = count(as_text(row.get(self.column)))  # each distinct term looked up once
            columns.extend(map(get, counted.keys(), repeat(-1)))
            counts_list.extend(counted.values())
            lengths.append(len(counted))
        col = np.asarray(columns, dtype=np.int64)
        value = np.asarray(counts_list, dtype=np.float64)
        rid = np.repeat(np.arange(len(lengths), dtype=np.int64), lengths)
        known = col >= 0
        order = np.lexsort((col[known], rid[known]))
        return rid[known][order], col[known][order], value[known][order]

    def _char_wb_columns(self, text: str) -> list[int]:
        """The vocabulary columns of every char_wb n-gram of `text` (repeated per occurrence).
        Each distinct word's columns are computed once and cached across texts."""
        out: list[int] = []
        for word, times in Counter(self._preprocess(text).split()).items():
            columns = self._word_char_columns(word)
            out.extend(columns * times if times > 1 else columns)
        return out

    def transform(self, rows: Sequence[Row]) -> Triples:
        """Counts, then binary / 1 + log(tf) / * idf / row normalisation, as CountVectorizer
        and TfidfTransformer do."""
        rid, col, value = self._counts(rows)
        spec = self.spec
        if spec["binary"]:
            value[:] = 1.0
        if spec["sublinear_tf"]:
            value = np.log(value) + 1.0
        if self.idf is not None:
            value = value * self.idf[col]
        if spec["norm"] == "l2":
            total = np.sqrt(np.bincount(rid, weights=value * value, minlength=len(rows)))
            total[total == 0.0] = 1.0
            value = value / total[rid]
        return rid, col, value

    def leave_out_scores(self, text: str, ranges: Sequence[tuple[int, int]]) -> np.ndarray | None:
        """Per (a, b) in `ranges`: the block's score of `text` with its whitespace words a..b-1
        taken out (the rest joined by one space), from the whole text's counts and the n-grams
        the range takes out and its gap creates: what `scores` gives the shortened texts, in
        time proportional to the range instead of the text. None when the word analyzer's
        token pattern is not sklearn's default (a custom one may match across a space)."""
        if self.spec["analyzer"] == "word" and self.spec["token_pattern"] != DEFAULT_TOKEN_PATTERN:
            return None
        words = self._preprocess(text).split()
        n = len(ranges)
        if self.spec["analyzer"] == "char_wb":
            per_word = [self._word_char_columns(word) for word in words]
            lengths = np.cumsum([0, *map(len, per_word)])
            flat = np.fromiter(chain.from_iterable(per_word), dtype=np.int64, count=lengths[-1])
            # every range's n-gram columns at once, keyed by (range, column), then counted
            pieces = [flat[lengths[a] : lengths[b]] for a, b in ranges]
            owner = np.repeat(np.arange(n, dtype=np.int64), [len(p) for p in pieces])
            width = max(len(self.coef), 1)
            keys, counts = np.unique(owner * width + np.concatenate([flat[:0], *pieces]),
                                     return_counts=True)  # fmt: skip
            rid, columns, change = keys // width, keys % width, -counts
        else:
            findall = re.compile(self.spec["token_pattern"]).findall
            per_word = [findall(word) for word in words]  # no token spans a space
            first = np.cumsum([0, *map(len, per_word)]).tolist()
            tokens = list(chain.from_iterable(per_word))
            flat = np.fromiter(self._gram_columns(tokens).elements(), dtype=np.int64)
            changes = [self._gap_change(tokens, first[a], first[b]) for a, b in ranges]
            sizes = [len(c) for c in changes]
            rid = np.repeat(np.arange(n, dtype=np.int64), sizes)
            columns = np.fromiter(chain.from_iterable(changes), np.int64, sum(sizes))
            change = np.fromiter(chain.from_iterable(c.values() for c in changes), np.int64,
                                 sum(sizes))  # fmt: skip
        return _TfidfSums(self, flat).scores_after(rid, columns, change, n)

    def _word_char_columns(self, word: str) -> list[int]:
        """The vocabulary columns of one (preprocessed) word's char_wb n-grams, cached."""
        columns = self._word_columns.get(word)
        if columns is None:
            if len(self._word_columns) >= _WORD_CACHE_SIZE:
                self._word_columns.clear()
            get = self._lookup().get
            grams = _padded_word_ngrams(word, *_ngram_range(self.spec))
            columns = self._word_columns[word] = [j for j in map(get, grams) if j is not None]
        return columns

    def _gram_columns(self, tokens: Sequence[str]) -> Counter[int]:
        """Vocabulary column -> count of the word n-grams of `tokens` (out-of-vocabulary left
        out)."""
        get = self._lookup().get
        counted = Counter(map(get, word_ngrams(list(tokens), _ngram_range(self.spec))))
        counted.pop(None, None)
        return counted  # type: ignore[return-value]

    def _gap_change(self, tokens: Sequence[str], start: int, end: int) -> Counter[int]:
        """The count change of taking tokens[start:end] out: minus every n-gram touching the
        range, plus the n-grams that now span its gap."""
        min_n, max_n = _ngram_range(self.spec)
        reach = max_n - 1
        lo, hi = max(0, start - reach), min(len(tokens), end + reach)
        before = self._gram_columns(tokens[lo:hi])
        after = self._gram_columns([*tokens[lo:start], *tokens[end:hi]])
        # n-grams lying wholly left or right of the range cancel out (counted in both)
        after.subtract(before)
        return Counter({j: n for j, n in after.items() if n})

    def arrays(self, prefix: str) -> dict[str, np.ndarray]:
        arrays = {**super().arrays(prefix), f"{prefix}_terms": _pack_terms(self.terms)}
        if self.idf is not None:
            arrays[f"{prefix}_idf"] = self.idf
        return arrays


class _TfidfSums:
    """A text block's score of one text as sums over its columns, updated by count changes:
    the coefficient-weighted sum of the values, the sum of their squares (the l2 norm) and the
    number of nonzero columns (a text left with none scores 0, as sklearn's zero row does)."""

    def __init__(self, block: _TextBlock, columns: np.ndarray) -> None:
        self.block = block
        self.counts = np.bincount(columns, minlength=len(block.coef))  # column -> count
        present = np.flatnonzero(self.counts)
        values = self.values(present, self.counts[present])
        self.weighted = float(np.dot(block.coef[present], values))
        self.squares = float(np.dot(values, values))
        self.nonzero = len(present)

    def values(self, columns: np.ndarray, counts: np.ndarray) -> np.ndarray:
        """Counts -> the block's values before normalisation (zero counts stay 0)."""
        spec = self.block.spec
        present = counts > 0
        out = present.astype(np.float64) if spec["binary"] else counts.astype(np.float64)
        if spec["sublinear_tf"]:
            out = np.where(present, np.log(np.where(present, out, 1.0)) + 1.0, 0.0)
        if self.block.idf is not None:
            out = out * self.block.idf[columns]
        return out

    def scores_after(
        self, rid: np.ndarray, columns: np.ndarray, change: np.ndarray, n: int
    ) -> np.ndarray:
        """The score of each of `n` variants, variant `rid[i]` changing the count of
        `columns[i]` by `change[i]` (each (variant, column) once)."""
        old = self.counts[columns]
        new = old + change
        was, now = self.values(columns, old), self.values(columns, new)
        coef = self.block.coef[columns]
        weighted = self.weighted + np.bincount(rid, weights=coef * (now - was), minlength=n)
        squares = self.squares + np.bincount(rid, weights=now * now - was * was, minlength=n)
        nonzero = self.nonzero + np.bincount(
            rid, weights=(new > 0).astype(np.float64) - (old > 0), minlength=n
        )
        if self.block.spec["norm"] == "l2":
            norm = np.sqrt(np.maximum(squares, 0.0))
            weighted = np.where(norm > 0.0, weighted / np.where(norm > 0.0, norm, 1.0), weighted)
        return np.where(nonzero > 0.5, weighted, 0.0)  # a text left with no term scores 0


def _pack_terms(terms: list[str]) -> np.ndarray:
    """A vocabulary as one uint8 array: the UTF-8 bytes of its terms joined by "\n"."""
    if any(TERM_SEPARATOR in term for term in terms):
        raise ValueError("a vocabulary term holds a line break: it cannot be stored")
    return np.frombuffer(TERM_SEPARATOR.join(terms).encode("utf-8"), dtype=np.uint8)


def _unpack_terms(packed: np.ndarray, count: int) -> list[str]:
    if packed.dtype != np.uint8 or packed.ndim != 1:
        raise ValueError(f"vocabulary stored as {packed.dtype}{packed.shape}, expected uint8 bytes")
    terms = packed.tobytes().decode("utf-8").split(TERM_SEPARATOR) if count else []
    if len(terms) != count:
        raise ValueError(f"vocabulary of {len(terms)} terms, expected {count}")
    return terms


class _NumericBlock(_Block):
    """Numeric columns, or a named row function of one text column, then StandardScaler."""

    def __init__(self, spec: dict[str, Any], coef: np.ndarray) -> None:
        super().__init__(spec, coef)
        function = spec.get("function")
        if function is not None and function not in FUNCTIONS:
            raise ValueError(f"block {self.name!r}: unknown row function {function!r}")
        self.function = None if function is None else FUNCTIONS[function]
        self.mean = None if spec.get("mean") is None else np.asarray(spec["mean"], np.float64)
        self.scale = None if spec.get("scale") is None else np.asarray(spec["scale"], np.float64)
        if len(spec["names"]) != len(self.coef):
            raise ValueError(f"block {self.name!r}: names and coef lengths differ")

    def matrix(self, rows: Sequence[Row]) -> np.ndarray:
        width = len(self.coef)
        if self.function is not None:
            column = self.spec["column"]
            raw = np.asarray(
                self.function([row.get(column) for row in rows]), dtype=np.float64
            ).reshape(len(rows), -1)
        else:
            columns = self.spec["columns"]
            raw = np.asarray(
                [[_number(row, c, i) for c in columns] for i, row in enumerate(rows)],
                dtype=np.float64,
            ).reshape(len(rows), len(columns))
        if raw.shape[1] != width:
            raise ValueError(f"block {self.name!r}: {raw.shape[1]} values, expected {width}")
        if self.mean is not None:
            raw = raw - self.mean
        if self.scale is not None:
            raw = raw / self.scale
        return raw

    def transform(self, rows: Sequence[Row]) -> Triples:
        matrix = self.matrix(rows)
        rid, col = np.nonzero(matrix)
        return rid, col, matrix[rid, col]

    def scores(self, rows: Sequence[Row], triples: Triples | None = None) -> np.ndarray:
        if triples is None:
            return self.matrix(rows) @ self.coef
        return super().scores(rows, triples)


class _OneHotBlock(_Block):
    """OneHotEncoder: one 1.0 per column whose value is a known category; unknown -> none."""

    def __init__(self, spec: dict[str, Any], coef: np.ndarray) -> None:
        super().__init__(spec, coef)
        self.offsets: list[dict[str, int]] = []
        start = 0
        for categories in spec["categories"]:
            self.offsets.append({c: start + k for k, c in enumerate(categories)})
            start += len(categories)
        if start != len(self.coef) or len(spec["names"]) != start:
            raise ValueError(f"block {self.name!r}: categories, names and coef lengths differ")

    def transform(self, rows: Sequence[Row]) -> Triples:
        rid: list[int] = []
        col: list[int] = []
        for i, row in enumerate(rows):
            for column, lookup in zip(self.spec["columns"], self.offsets, strict=True):
                value = row.get(column)
                j = lookup.get(value) if isinstance(value, str) else None
                if j is not None:
                    rid.append(i)
                    col.append(j)
                elif self.spec["handle_unknown"] == "error":
                    raise ValueError(f"row {i}: unknown category {value!r} in column {column!r}")
        return (
            np.asarray(rid, dtype=np.int64),
            np.asarray(col, dtype=np.int64),
            np.ones(len(rid), dtype=np.float64),
        )


_KINDS = {"numeric": _NumericBlock, "onehot": _OneHotBlock}


def _records(rows: Any) -> list[Row]:
    """A list of row mappings; a DataFrame-like (`to_dict`) becomes its records."""
    if hasattr(rows, "to_dict") and hasattr(rows, "columns"):
        return rows.to_dict(orient="records")
    return list(rows)


def _expit(x: np.ndarray) -> np.ndarray:
    """1 / (1 + exp(-x)) without overflow warnings."""
    out = np.empty_like(x, dtype=np.float64)
    positive = x >= 0
    out[positive] = 1.0 / (1.0 + np.exp(-x[positive]))
    e = np.exp(x[~positive])
    out[~positive] = e / (1.0 + e)
    return out


# --------------------------------------------------------------------------------------------
# The model


class LinearModel:
    """A compiled linear classifier: feature blocks, intercept and optional sigmoid calibration.

    Scores lists of row dicts (feature-table columns, one dict per item) exactly as the source
    scikit-learn model scores the same rows as a DataFrame (up to float rounding, ~1e-15).
    """

    def __init__(
        self,
        blocks: list[_Block],
        intercept: float,
        calibration: dict[str, Any] | None = None,
        classes: list[Any] | None = None,
        source: str = "",
    ) -> None:
        self.blocks = blocks
        self.intercept = float(intercept)
        self.calibration = calibration
        self.classes = list(classes) if classes is not None else [0, 1]
        self.source = source
        if calibration is not None and calibration.get("method") != "sigmoid":
            raise ValueError(f"unsupported calibration {calibration!r}")

    @property
    def calibrated(self) -> bool:
        return self.calibration is not None

    @property
    def feature_names(self) -> list[str]:
        """Every feature name, in the source pipeline's column order."""
        return [name for block in self.blocks for name in block.names()]

    @cached_property
    def feature_means(self) -> dict[str, float]:
        """`block__column` -> training mean, for the columns of centred numeric blocks."""
        return {
            name: float(mean)
            for block in self.blocks
            if isinstance(block, _NumericBlock) and block.spec.get("mean") is not None
            for name, mean in zip(block.names(), block.spec["mean"], strict=True)
        }

    def decision_function(self, rows: Sequence[Row]) -> np.ndarray:
        """The logistic regression's decision value per row, shape (n,)."""
        rows = _records(rows)
        total = np.full(len(rows), self.intercept, dtype=np.float64)
        for block in self.blocks:
            total += block.scores(rows)
        return total

    def _probability(self, decision: np.ndarray) -> np.ndarray:
        if self.calibration is None:
            return _expit(decision)
        a, b = float(self.calibration["a"]), float(self.calibration["b"])
        return _expit(-(a * decision + b))

    def predict_proba(self, rows: Sequence[Row]) -> np.ndarray:
        """P(classes[1]) per row, shape (n,); sigmoid-calibrated when the source model was."""
        return self._probability(self.decision_function(rows))

    def contributions(
        self, rows: Sequence[Row], readable_only: bool = True
    ) -> list[dict[str, float]]:
        """Per row: feature name -> coef * value over the features with a nonzero value.

        Names are those of the source `pipe["features"].get_feature_names_out()`. With
        `readable_only`, character n-gram blocks are left out. Summed over every block plus the
        intercept they give `decision_function`.
        """
        return self.predict_proba_and_contributions(rows, readable_only)[1]

    def predict_proba_leaving_out(
        self,
        row: Row,
        column: str,
        ranges: Sequence[tuple[int, int]],
        variants: Sequence[Row],
    ) -> np.ndarray:
        """P(classes[1]) of each of `variants`: `row` with the whitespace words a..b-1 of its
        text `column` taken out, per (a, b) in `ranges`, every other column as in the variant.
        Equal to `predict_proba(variants)` (a differential test checks it); the text blocks on
        `column` update the whole text's counts instead of reading every variant's text."""
        variants = _records(variants)
        if len(variants) != len(ranges):
            raise ValueError(f"{len(ranges)} ranges for {len(variants)} variants")
        total = np.full(len(variants), self.intercept, dtype=np.float64)
        if not variants:
            return total
        text = as_text(row.get(column))
        for block in self.blocks:
            fast = None
            if isinstance(block, _TextBlock) and block.column == column:
                fast = block.leave_out_scores(text, ranges)
            total += fast if fast is not None else block.scores(variants)
        return self._probability(total)

    def predict_proba_and_contributions(
        self, rows: Sequence[Row], readable_only: bool = True, top: int | None = None
    ) -> tuple[np.ndarray, list[dict[str, float]]]:
        """`predict_proba` and `contributions` together, transforming each block once.

        With `top`, each block gives each row only its `top` strongest contributions (by
        absolute value, ties at the cut kept): enough for any top-`top` list over the blocks.
        """
        rows = _records(rows)
        total = np.full(len(rows), self.intercept, dtype=np.float64)
        out: list[dict[str, float]] = [{} for _ in rows]
        for block in self.blocks:
            triples = block.transform(rows)
            total += block.scores(rows, triples)
            if readable_only and not block.readable:
                continue
            rid, col, value = triples
            weight = block.coef[col] * value
            keep = weight != 0.0
            rid, col, weight = rid[keep], col[keep], weight[keep]
            bounds = np.searchsorted(rid, np.arange(len(rows) + 1)).tolist()
            name = block.namer()
            for target, a, b in zip(out, bounds[:-1], bounds[1:], strict=True):
                columns, weights = col[a:b], weight[a:b]
                if top is not None and b - a > top:
                    strength = np.abs(weights)
                    cut = np.partition(strength, len(strength) - top)[len(strength) - top]
                    chosen = strength >= cut
                    columns, weights = columns[chosen], weights[chosen]
                for j, w in zip(columns.tolist(), weights.tolist(), strict=True):
                    target[name(j)] = w
        return self._probability(total), out

    # ---- storage --------------------------------------------------------------------------

    def _spec(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "version": VERSION,
            "source": self.source,
            "intercept": self.intercept,
            "classes": self.classes,
            "calibration": self.calibration,
            "blocks": [block.spec for block in self.blocks],
        }

    def save(self, path: Path) -> None:
        """Write one uncompressed .npz (np.savez) atomically: temporary file, then rename."""
        from pipeline.core.io import (
            atomic_path,  # only saving needs it: keep load's imports minimal
        )

        arrays: dict[str, np.ndarray] = {
            "spec": np.asarray(json.dumps(self._spec(), sort_keys=True), dtype=str)
        }
        for i, block in enumerate(self.blocks):
            arrays.update(block.arrays(f"b{i}"))
        with atomic_path(Path(path)) as temporary, open(temporary, "wb") as f:
            np.savez(f, **arrays)  # a file object: np.savez would append ".npz" to a name

    @classmethod
    def load(cls, data: bytes | Path) -> LinearModel:
        """Read a model saved by `save` from bytes or a path (allow_pickle=False)."""
        source = io.BytesIO(data) if isinstance(data, bytes | bytearray) else Path(data)
        with np.load(source, allow_pickle=False) as npz:
            arrays = {name: npz[name] for name in npz.files}
        if "spec" not in arrays:
            raise ValueError("not a compiled linear model: no 'spec' array")
        spec = json.loads(str(arrays["spec"][()]))
        if spec.get("format") != FORMAT or spec.get("version") != VERSION:
            raise ValueError(
                f"unsupported model format {spec.get('format')!r} v{spec.get('version')!r}"
            )
        blocks: list[_Block] = []
        for i, block in enumerate(spec["blocks"]):
            coef = arrays[f"b{i}_coef"]
            if block["kind"] == "text":
                terms = _unpack_terms(arrays[f"b{i}_terms"], len(coef))
                blocks.append(_TextBlock(block, coef, terms, arrays.get(f"b{i}_idf")))
            elif block["kind"] in _KINDS:
                blocks.append(_KINDS[block["kind"]](block, coef))
            else:
                raise ValueError(f"unknown block kind {block['kind']!r}")
        return cls(blocks, spec["intercept"], spec["calibration"], spec["classes"], spec["source"])


def same_features(a: _Block, b: _Block) -> bool:
    """Whether two blocks transform rows identically (their coefficients may differ): the
    per-code reason classifiers share one fitted feature set."""
    if type(a) is not type(b) or a.spec != b.spec:
        return False
    if isinstance(a, _TextBlock) and isinstance(b, _TextBlock):
        same_idf = (a.idf is None) == (b.idf is None) and (
            a.idf is None or b.idf is None or np.array_equal(a.idf, b.idf)
        )
        return same_idf and a.terms == b.terms
    return True


class SharedScorers:
    """Several compiled models scored together, each distinct feature block transformed once
    per call: eight reason classifiers fitted on one feature set extract the sentences'
    n-grams once instead of eight times (the same decision values as each model alone)."""

    def __init__(self, models: Sequence[LinearModel]) -> None:
        self.models = list(models)
        self._owners: list[_Block] = []  # one block per distinct feature set
        self._owner_of: list[list[int]] = []  # per model, per block: index into _owners
        for model in self.models:
            indices = []
            for block in model.blocks:
                found = next(
                    (k for k, owner in enumerate(self._owners) if same_features(owner, block)),
                    None,
                )
                if found is None:
                    self._owners.append(block)
                    found = len(self._owners) - 1
                indices.append(found)
            self._owner_of.append(indices)

    @property
    def distinct_blocks(self) -> int:
        return len(self._owners)

    def predict_proba(self, rows: Sequence[Row]) -> np.ndarray:
        """P(classes[1]) per row and model, shape (rows, models)."""
        rows = _records(rows)
        out = np.zeros((len(rows), len(self.models)))
        if not rows:
            return out
        triples = [owner.transform(rows) for owner in self._owners]
        for j, (model, indices) in enumerate(zip(self.models, self._owner_of, strict=True)):
            total = np.full(len(rows), model.intercept, dtype=np.float64)
            for block, k in zip(model.blocks, indices, strict=True):
                total += block.scores(rows, triples[k])
            out[:, j] = model._probability(total)
        return out


# --------------------------------------------------------------------------------------------
# Compiling a fitted scikit-learn model (the only code here that imports scikit-learn)


def compile_model(fitted: Any) -> LinearModel:
    """Compile a fitted Pipeline(ColumnTransformer, LogisticRegression), or a fitted
    GroupedCalibratedClassifier / CalibratedClassifierCV (sigmoid, ensemble=False) around one,
    into a LinearModel. Raises ValueError naming any component it cannot reproduce exactly.
    """
    from sklearn.calibration import CalibratedClassifierCV, _SigmoidCalibration
    from sklearn.pipeline import Pipeline

    calibrated = getattr(fitted, "calibrated_", fitted)
    calibration = None
    if isinstance(calibrated, CalibratedClassifierCV):
        members = getattr(calibrated, "calibrated_classifiers_", None)
        if members is None:
            raise ValueError("the calibrated classifier is not fitted")
        if len(members) != 1:
            raise ValueError(
                f"CalibratedClassifierCV with {len(members)} calibrated classifiers "
                "(ensemble=True): only ensemble=False (one) is supported"
            )
        member = members[0]
        if member.method != "sigmoid" or len(member.calibrators) != 1:
            raise ValueError(f"unsupported calibration method {member.method!r}")
        calibrator = member.calibrators[0]
        if type(calibrator) is not _SigmoidCalibration:
            raise ValueError(f"unsupported calibrator {type(calibrator).__name__}")
        if list(member.classes) != list(calibrated.classes_) or len(member.classes) != 2:
            raise ValueError(f"unsupported calibrated classes {list(member.classes)!r}")
        calibration = {"method": "sigmoid", "a": float(calibrator.a_), "b": float(calibrator.b_)}
        pipe = member.estimator
        source = f"{type(fitted).__name__}(sigmoid) of Pipeline"
    elif isinstance(fitted, Pipeline):
        pipe = fitted
        source = "Pipeline"
    else:
        raise ValueError(f"unsupported model {type(fitted).__name__}: expected a Pipeline")
    if not isinstance(pipe, Pipeline):
        raise ValueError(f"unsupported calibrated estimator {type(pipe).__name__}")
    blocks, intercept, classes = _compile_pipeline(pipe)
    return LinearModel(blocks, intercept, calibration, classes, source)


def _compile_pipeline(pipe: Any) -> tuple[list[_Block], float, list[Any]]:
    from sklearn.compose import ColumnTransformer
    from sklearn.linear_model import LogisticRegression

    steps = [(name, step) for name, step in pipe.steps if step not in (None, "passthrough")]
    kinds = [type(step).__name__ for _, step in steps]
    if (
        len(steps) != 2
        or not isinstance(steps[0][1], ColumnTransformer)
        or type(steps[1][1]) is not LogisticRegression
    ):
        raise ValueError(
            f"unsupported pipeline {kinds}: expected [ColumnTransformer, LogisticRegression]"
        )
    features, classifier = steps[0][1], steps[1][1]
    if classifier.coef_.shape[0] != 1 or len(classifier.classes_) != 2:
        raise ValueError("unsupported LogisticRegression: only binary classifiers compile")
    coef = np.asarray(classifier.coef_[0], dtype=np.float64)
    if getattr(features, "transformer_weights", None):
        raise ValueError("unsupported ColumnTransformer: transformer_weights is set")
    try:
        all_names = [str(n) for n in features.get_feature_names_out()]
        no_names = None
    except (AttributeError, ValueError) as exc:  # name the unsupported block first, below
        all_names, no_names = [f"x{j}" for j in range(len(coef))], exc
    if len(all_names) != len(coef):
        raise ValueError(f"{len(all_names)} features but {len(coef)} coefficients")

    blocks: list[_Block] = []
    covered = 0
    for name, transformer, columns in features.transformers_:
        where = features.output_indices_[name]
        width = where.stop - where.start
        if isinstance(transformer, str) and transformer == "drop":
            continue
        if width == 0:
            continue
        names, block_coef = all_names[where], coef[where]
        blocks.append(_compile_block(name, transformer, columns, names, block_coef))
        covered += width
    if covered != len(coef):
        raise ValueError("the ColumnTransformer's blocks do not cover every coefficient")
    if no_names is not None:
        raise ValueError(f"the ColumnTransformer gives no feature names: {no_names}")
    return blocks, float(classifier.intercept_[0]), classifier.classes_.tolist()


def _columns(name: str, columns: Any, scalar: bool) -> Any:
    """The block's column(s) as a str (1-D selection) or list of str (2-D selection)."""
    if scalar:
        if not isinstance(columns, str):
            raise ValueError(f"block {name!r}: a text block needs one column name, got {columns!r}")
        return columns
    if isinstance(columns, str | bytes) or not all(isinstance(c, str) for c in columns):
        raise ValueError(f"block {name!r}: unsupported column selection {columns!r}")
    return [str(c) for c in columns]


def _compile_block(
    name: str, transformer: Any, columns: Any, names: list[str], coef: np.ndarray
) -> _Block:
    from sklearn.feature_extraction.text import CountVectorizer
    from sklearn.pipeline import Pipeline
    from sklearn.preprocessing import FunctionTransformer, OneHotEncoder, StandardScaler

    if isinstance(transformer, CountVectorizer):  # TfidfVectorizer is a CountVectorizer
        return _compile_vectorizer(name, transformer, _columns(name, columns, True), names, coef)
    if isinstance(transformer, str) and transformer == "passthrough":
        steps: list[Any] = []
    elif isinstance(transformer, Pipeline):
        steps = [s for _, s in transformer.steps if s not in (None, "passthrough")]
    else:
        steps = [transformer]
    if len(steps) == 1 and type(steps[0]) is OneHotEncoder:
        return _compile_onehot(name, steps[0], _columns(name, columns, False), names, coef)

    spec: dict[str, Any] = {
        "kind": "numeric",
        "name": name,
        "names": names,
        "function": None,
        "column": None,
        "columns": None,
        "with_mean": False,
        "with_std": False,
        "mean": None,
        "scale": None,
    }
    if steps and type(steps[0]) is FunctionTransformer:
        function = steps.pop(0)
        if function.func is not polarity_features:
            raise ValueError(
                f"block {name!r}: unsupported FunctionTransformer func {function.func!r} "
                "(only pipeline.features.polarity.polarity_features compiles)"
            )
        if function.validate or function.kw_args:
            raise ValueError(f"block {name!r}: FunctionTransformer with validate/kw_args")
        spec["function"] = "pipeline.features.polarity.polarity_features"
        spec["column"] = _columns(name, columns, True)
    else:
        spec["columns"] = _columns(name, columns, False)
    if steps and type(steps[0]) is StandardScaler:
        scaler = steps.pop(0)
        spec["with_mean"], spec["with_std"] = bool(scaler.with_mean), bool(scaler.with_std)
        if scaler.with_mean:
            spec["mean"] = [float(v) for v in scaler.mean_]
        if scaler.with_std:
            spec["scale"] = [float(v) for v in scaler.scale_]
    if steps:
        unsupported = ", ".join(type(s).__name__ for s in steps)
        raise ValueError(f"block {name!r}: unsupported transformer {unsupported}")
    width = len(spec["columns"]) if spec["columns"] is not None else len(names)
    if width != len(names):
        raise ValueError(f"block {name!r}: {width} columns but {len(names)} features")
    return _NumericBlock(spec, coef)


def _compile_onehot(
    name: str, encoder: Any, columns: list[str], names: list[str], coef: np.ndarray
) -> _Block:
    if encoder.drop is not None or getattr(encoder, "drop_idx_", None) is not None:
        raise ValueError(f"block {name!r}: OneHotEncoder with drop={encoder.drop!r}")
    if getattr(encoder, "_infrequent_enabled", False):
        raise ValueError(f"block {name!r}: OneHotEncoder with infrequent categories")
    if encoder.handle_unknown not in ("ignore", "infrequent_if_exist", "warn", "error"):
        raise ValueError(f"block {name!r}: OneHotEncoder handle_unknown={encoder.handle_unknown}")
    categories = []
    for values in encoder.categories_:
        if not all(isinstance(v, str) for v in values):
            raise ValueError(f"block {name!r}: OneHotEncoder with non-string categories")
        categories.append([str(v) for v in values])
    spec = {
        "kind": "onehot",
        "name": name,
        "names": names,
        "columns": columns,
        "categories": categories,
        "handle_unknown": "error" if encoder.handle_unknown == "error" else "ignore",
    }
    return _OneHotBlock(spec, coef)


def _compile_vectorizer(
    name: str, vectorizer: Any, column: str, names: list[str], coef: np.ndarray
) -> _Block:
    from sklearn.feature_extraction.text import CountVectorizer, TfidfVectorizer

    if type(vectorizer) not in (CountVectorizer, TfidfVectorizer):
        raise ValueError(f"block {name!r}: unsupported vectorizer {type(vectorizer).__name__}")
    problems = [
        f"{attribute}={getattr(vectorizer, attribute)!r}"
        for attribute, ok in (
            ("input", vectorizer.input == "content"),
            ("analyzer", vectorizer.analyzer in ANALYZERS),
            ("preprocessor", vectorizer.preprocessor is None),
            ("tokenizer", vectorizer.tokenizer is None),
            ("strip_accents", vectorizer.strip_accents is None),
            ("stop_words", vectorizer.stop_words is None),
            ("norm", getattr(vectorizer, "norm", None) in (None, "l2")),
        )
        if not ok
    ]
    tfidf = isinstance(vectorizer, TfidfVectorizer)
    if tfidf and np.dtype(vectorizer.dtype) != np.float64:
        problems.append(f"dtype={vectorizer.dtype!r}")
    if problems:
        raise ValueError(
            f"block {name!r}: unsupported {type(vectorizer).__name__} " + ", ".join(problems)
        )
    vocabulary = vectorizer.vocabulary_
    terms = [""] * len(vocabulary)
    for term, j in vocabulary.items():
        terms[j] = term
    if any(TERM_SEPARATOR in term for term in terms):
        raise ValueError(f"block {name!r}: a vocabulary term holds a line break")
    prefix = names[0][: len(names[0]) - len(terms[0])] if names else ""
    if [prefix + t for t in terms] != names:
        raise ValueError(f"block {name!r}: feature names are not prefix + vocabulary term")
    use_idf = tfidf and vectorizer.use_idf
    spec = {
        "kind": "text",
        "name": name,
        "column": column,
        "vectorizer": type(vectorizer).__name__,
        "analyzer": vectorizer.analyzer,
        "ngram_range": [int(vectorizer.ngram_range[0]), int(vectorizer.ngram_range[1])],
        "lowercase": bool(vectorizer.lowercase),
        "token_pattern": vectorizer.token_pattern if vectorizer.analyzer == "word" else None,
        "binary": bool(vectorizer.binary),
        "sublinear_tf": bool(tfidf and vectorizer.sublinear_tf),
        "norm": vectorizer.norm if tfidf else None,
        "use_idf": bool(use_idf),
        "prefix": prefix,
    }
    idf = np.asarray(vectorizer.idf_, dtype=np.float64) if use_idf else None
    return _TextBlock(spec, coef, terms, idf)


# --------------------------------------------------------------------------------------------
# Proof that a compiled model is its source


class ScorerMismatchError(ValueError):
    """A compiled model does not score as the fitted pipeline it was compiled from."""


def _source_pipeline(fitted: Any) -> Any:
    """The fitted Pipeline whose decision function the model's probabilities transform."""
    calibrated = getattr(fitted, "calibrated_", fitted)
    members = getattr(calibrated, "calibrated_classifiers_", None)
    return members[0].estimator if members else fitted


def scorer_difference(fitted: Any, compiled: LinearModel, frame: Any) -> float:
    """The largest absolute difference, over the rows of `frame` (a DataFrame), between the
    compiled and the fitted model's probabilities and decision values (NaN counts as inf)."""
    rows = _records(frame)
    decision = compiled.decision_function(rows)  # transformed once, for both comparisons
    pairs = [
        (compiled._probability(decision), np.asarray(fitted.predict_proba(frame))[:, 1]),
        (decision, _source_pipeline(fitted).decision_function(frame)),
    ]
    worst = 0.0
    for ours, theirs in pairs:
        gap = np.abs(np.asarray(ours, dtype=np.float64) - np.asarray(theirs, dtype=np.float64))
        worst = max(worst, float(np.max(np.nan_to_num(gap, nan=np.inf), initial=0.0)))
    return worst


def check_compiled(
    fitted: Any,
    compiled: LinearModel,
    frame: Any,
    name: str = "model",
    tolerance: float = TOLERANCE,
) -> float:
    """Raise ScorerMismatchError when `compiled` scores `frame` differently from `fitted` by
    more than `tolerance`; else the largest difference."""
    worst = scorer_difference(fitted, compiled, frame)
    if not worst <= tolerance:
        raise ScorerMismatchError(
            f"the compiled {name} scorer differs from the fitted scikit-learn pipeline by "
            f"{worst:.3g} (more than {tolerance:g}) on the training rows: the models were not "
            "written. pipeline/modeling/linear.py does not reproduce this pipeline exactly."
        )
    return worst
