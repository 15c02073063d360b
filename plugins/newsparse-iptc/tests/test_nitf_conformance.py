"""The ``nitf`` format passes newsparse's conformance kit with its own strategy."""

from newsparse.testing import FormatConformance


class TestNitfConformance(FormatConformance):
    format_name = "nitf"
    # Lists of two still hold a boundary between articles; each article is checked as before.
    max_articles = 2
