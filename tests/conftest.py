"""Shared pytest configuration: the Hypothesis settings profile.

Importing :mod:`newsparse.testing` registers newsparse's profiles; the one to
use is named by ``NEWSPARSE_HYPOTHESIS_PROFILE`` (``newsparse-ci`` by default).
"""

from __future__ import annotations

import os

from hypothesis import settings

import newsparse.testing

settings.load_profile(os.environ.get("NEWSPARSE_HYPOTHESIS_PROFILE", newsparse.testing.CI))
