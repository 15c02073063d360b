"""Shared pytest configuration: the Hypothesis settings profile and the seed.

Importing :mod:`newsparse.testing` registers newsparse's profiles; the one to
use is named by ``NEWSPARSE_HYPOTHESIS_PROFILE`` (``newsparse-ci`` by default).
"""

from __future__ import annotations

import os
from pathlib import Path

import newsparse.testing
import pytest
from hypothesis import settings

settings.load_profile(os.environ.get("NEWSPARSE_HYPOTHESIS_PROFILE", newsparse.testing.CI))

DATA = Path(__file__).parent / "data"


@pytest.fixture(scope="session")
def seed_bytes() -> bytes:
    """The published sample, byte for byte."""
    return (DATA / "aawsat-seed.txt").read_bytes()


@pytest.fixture(scope="session")
def seed_text(seed_bytes: bytes) -> str:
    """The published sample as text."""
    return seed_bytes.decode("utf-8")
