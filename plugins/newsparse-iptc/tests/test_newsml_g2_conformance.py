"""The ``newsml-g2`` format passes newsparse's conformance kit with its own strategy."""

from newsparse.testing import FormatConformance


class TestNewsmlG2Conformance(FormatConformance):
    format_name = "newsml-g2"
    # Lists of two still hold a boundary between articles; each article is checked as before.
    max_articles = 2
