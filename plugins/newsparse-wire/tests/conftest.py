"""Shared pytest configuration: the Hypothesis settings profile."""

from __future__ import annotations

import os

import newsparse.testing
from hypothesis import settings

settings.load_profile(os.environ.get("NEWSPARSE_HYPOTHESIS_PROFILE", newsparse.testing.CI))
