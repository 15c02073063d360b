"""Hypothesis settings profiles for newsparse and its plugins.

Importing :mod:`newsparse.testing` registers them; load one in a
``conftest.py`` or with pytest's ``--hypothesis-profile`` option:

``newsparse-ci``
    200 examples per test, no deadline and no timing health checks, so shared
    or slow CI machines give no flaky failures.  The default for newsparse's own
    test suite.
``newsparse-dev``
    50 examples per test, for a quick local loop.
``newsparse-thorough``
    2,000 examples per test and no deadline, for a run before a release or
    after changing a format.
"""

from __future__ import annotations

from hypothesis import HealthCheck, settings

__all__ = ["CI", "DEV", "THOROUGH", "register_profiles"]

CI = "newsparse-ci"
"""Name of the CI profile."""
DEV = "newsparse-dev"
"""Name of the quick local profile."""
THOROUGH = "newsparse-thorough"
"""Name of the thorough profile."""

_SLOW_CHECKS = (HealthCheck.too_slow, HealthCheck.data_too_large)


def register_profiles() -> None:
    """Register the three profiles with Hypothesis (safe to call repeatedly)."""
    settings.register_profile(
        CI, max_examples=200, deadline=None, suppress_health_check=_SLOW_CHECKS, print_blob=True
    )
    settings.register_profile(DEV, max_examples=50, deadline=None)
    settings.register_profile(
        THOROUGH, max_examples=2000, deadline=None, suppress_health_check=_SLOW_CHECKS
    )
