"""The ``ninjs`` format passes newsparse's conformance kit with its own strategy."""

from newsparse.testing import FormatConformance


class TestNinjsConformance(FormatConformance):
    format_name = "ninjs"
