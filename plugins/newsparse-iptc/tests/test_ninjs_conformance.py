"""The ``ninjs`` format passes newsparse's conformance kit with its own strategy."""

from newsparse.testing import FormatConformance


class TestNinjsConformance(FormatConformance):
    format_name = "ninjs"
    # Lists of two still hold a boundary between articles; each article is checked as before.
    max_articles = 2
