"""The reporting tests reuse the small trained model folder of tests/modeling."""

from tests.modeling.conftest import synthetic_models  # noqa: F401
