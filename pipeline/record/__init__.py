"""The typed item record every output is a view of (`model`), the facts read off it (`facts`),
its rows for each output (`views`) and its JSON Schema (`schema`)."""

from pipeline.record.model import (
    Citation,
    Decision,
    Evidence,
    Frequency,
    GuidelineLimit,
    Item,
    Letter,
    MtusCitation,
    NonMtusSource,
    Prediction,
    Reason,
    ReviewFlag,
    Ruling,
    Span,
    VisitCap,
)

__all__ = [
    "Citation",
    "Decision",
    "Evidence",
    "Frequency",
    "GuidelineLimit",
    "Item",
    "Letter",
    "MtusCitation",
    "NonMtusSource",
    "Prediction",
    "Reason",
    "ReviewFlag",
    "Ruling",
    "Span",
    "VisitCap",
]
