"""The testing kit's ``example_share``: a slow format's checks run a share of the examples."""

from __future__ import annotations

import pytest
from hypothesis import settings
from hypothesis.strategies import SearchStrategy

from newsparse import Article
from newsparse.testing import FormatConformance, sparse_articles


def runs_of_one_check(share: float) -> int:
    """Run ``test_round_trips_one_article`` for ``json`` with ``share``; return its examples."""
    runs = 0

    class Shared(FormatConformance):
        format_name = "json"
        example_share = share

        def strategy(self) -> SearchStrategy[Article]:
            nonlocal runs
            runs += 1  # called once for each example the check runs
            return sparse_articles()

    Shared().test_round_trips_one_article()
    return runs


def test_a_share_of_the_profile_examples_is_run() -> None:
    profile = settings.default
    assert profile is not None
    # Hypothesis counts valid examples; a draw it throws away (too large)
    # also calls strategy(), so a run may call it a few more times.
    expected = round(profile.max_examples * 0.1)
    assert expected <= runs_of_one_check(0.1) < 2 * expected
    assert runs_of_one_check(1.0) >= profile.max_examples


def test_a_share_gives_at_least_one_example() -> None:
    assert runs_of_one_check(1e-9) == 1


@pytest.mark.parametrize("share", [0, -0.5])
def test_a_share_of_nothing_is_refused(share: float) -> None:
    with pytest.raises(ValueError, match="example_share must be above 0"):
        runs_of_one_check(share)
