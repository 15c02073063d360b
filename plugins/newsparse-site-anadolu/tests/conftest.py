"""Shared test setup: parsing with the generic rules only.

The page tests read the fundus pages from ``shared/corpora/fundus`` beside the
repository (flairNLP/fundus test data, MIT; see ``shared/corpora/README.md``);
nothing of them is copied into the repository, and those tests are skipped
when that folder is absent.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from newsparse.plugins import ENV_DISABLE_AUTOLOAD, reset_host


@pytest.fixture
def generic_only(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Run newsparse without plugins from entry points (no site parsers) in the test."""
    monkeypatch.setenv(ENV_DISABLE_AUTOLOAD, "1")
    reset_host()
    yield
    reset_host()  # the next use, after the variable is restored, loads the plugins again
