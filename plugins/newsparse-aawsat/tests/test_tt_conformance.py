"""The ``tt`` format passes newsparse's conformance kit with its own strategy and examples."""

from hypothesis.strategies import SearchStrategy
from newsparse import Article
from newsparse.testing import FormatConformance

from newsparse_aawsat.examples import ACCEPTED_EXAMPLES, CANONICAL_EXAMPLES
from newsparse_aawsat.testing import tt_articles


class TestTTConformance(FormatConformance):
    format_name = "tt"
    canonical_examples = CANONICAL_EXAMPLES
    accepted_examples = ACCEPTED_EXAMPLES

    def strategy(self) -> SearchStrategy[Article]:
        """Articles TT represents exactly: see :func:`newsparse_aawsat.testing.tt_articles`."""
        return tt_articles()
