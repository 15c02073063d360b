"""The ``nitf`` format passes newsparse's conformance kit with its own strategy and examples."""

from hypothesis.strategies import SearchStrategy
from newsparse import Article
from newsparse.testing import FormatConformance

from newsparse_iptc.nitf.examples import ACCEPTED, CANONICAL
from newsparse_iptc.testing import nitf_articles


class TestNitfConformance(FormatConformance):
    format_name = "nitf"
    canonical_examples = (CANONICAL,)
    accepted_examples = (ACCEPTED,)
    # Lists of two still hold a boundary between articles; each article is checked as before.
    max_articles = 2
    # Each example renders a schema-valid document and parses it back (0.1 to
    # 0.25 s on the 2-core CI machine): at the CI profile's 200 examples the
    # IPTC checks took two fifths of the whole suite's time, so half as many.
    example_share = 0.5

    def strategy(self) -> SearchStrategy[Article]:
        """Return :func:`newsparse_iptc.testing.nitf_articles`."""
        return nitf_articles()
