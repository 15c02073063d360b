"""The ``tt`` format passes newsparse's conformance kit with its own strategy."""

from newsparse.testing import FormatConformance


class TestTTConformance(FormatConformance):
    format_name = "tt"
