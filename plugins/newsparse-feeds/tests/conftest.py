"""Test settings: newsparse's Hypothesis profile, and where the shared corpora are."""

from __future__ import annotations

import os
from pathlib import Path

import newsparse.testing
from hypothesis import settings

settings.load_profile(os.environ.get("NEWSPARSE_HYPOTHESIS_PROFILE", newsparse.testing.CI))

REPO = Path(__file__).resolve().parents[3]
SHARED = REPO.parent / "shared"
"""The shared data folder beside the repository (absent in a plain clone)."""
