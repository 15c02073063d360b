"""Test settings: load newsparse's Hypothesis profile for CI."""

import os

import newsparse.testing
from hypothesis import settings

settings.load_profile(os.environ.get("NEWSPARSE_HYPOTHESIS_PROFILE", newsparse.testing.CI))
