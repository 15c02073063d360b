"""The ``nitf`` format passes newsparse's conformance kit with its own strategy."""

from newsparse.testing import FormatConformance


class TestNitfConformance(FormatConformance):
    format_name = "nitf"
