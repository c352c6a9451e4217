"""The tagging pipeline and the verified models, loaded once per process.

A run loads them in its main process before forking its workers (`runner.engine.warm_up`), so
each worker inherits them; a Dask worker loads them on its first chunk. The corpus report's
span recorder builds on the same pipeline (`tagging_nlp`), without importing the runner.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

_cache: dict[str, Any] = {}


def tagging_nlp(models_dir: Path | None) -> Any:
    """A new tagging pipeline: with models, their `models/nlp` exactly as trained (the models
    are verified first, `nlp/` and the rule files included); without, built from the package."""
    if models_dir is None:
        from pipeline.tagging import build_nlp

        return build_nlp()
    from pipeline.modeling.nlp_artifact import load_trained_nlp

    loaded_models(models_dir)
    return load_trained_nlp(models_dir)


def loaded_nlp(models_dir: Path | None = None) -> Any:
    """This process's tagging pipeline for `models_dir` (None: the package's), built once."""
    key = f"nlp:{models_dir}"
    if key not in _cache:
        _cache[key] = tagging_nlp(models_dir)
    return _cache[key]


def loaded_models(models_dir: Path) -> Any:
    """The verified models, loaded once per process; refused (ModelIntegrityError) when a
    shipped rule file differs from the ones they were trained with."""
    key = f"models:{models_dir}"
    if key not in _cache:
        from pipeline.modeling.nlp_artifact import check_rule_files
        from pipeline.modeling.predict import load_models

        models = load_models(models_dir)
        check_rule_files(models.metadata, models_dir)
        _cache[key] = models
    return _cache[key]


def forget_loaded() -> None:
    """Drop this process's loaded pipeline and models (the benchmark times loading them)."""
    _cache.clear()
