"""Every built-in format passes the conformance kit that plugin authors use."""

from newsparse.testing import FormatConformance


class TestJson(FormatConformance):
    format_name = "json"


class TestJsonLines(FormatConformance):
    format_name = "jsonl"


class TestText(FormatConformance):
    format_name = "text"


class TestMarkdown(FormatConformance):
    format_name = "markdown"


class TestHtml(FormatConformance):
    format_name = "html"
