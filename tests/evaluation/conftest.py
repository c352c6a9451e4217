"""The evaluation tests reuse the corpus fixture of tests/modeling."""

from tests.modeling.conftest import tagged_corpus  # noqa: F401
