"""The built-in plugin: registers newsparse's own formats through the public hook."""

from __future__ import annotations

from newsparse._formats.html.format import HtmlFormat
from newsparse._formats.html.hooks import SITE_PARSERS
from newsparse._formats.jsonformats import JsonFormat, JsonLinesFormat
from newsparse._formats.views import MarkdownView, TextView
from newsparse._formats.warc.format import WarcFormat
from newsparse._hookspecs import hookimpl
from newsparse._registry import FormatRegistry

__all__ = ["newsparse_register_formats"]


@hookimpl
def newsparse_register_formats(registry: FormatRegistry) -> None:
    """Register ``json``, ``jsonl``, ``html``, ``warc``, ``text`` and ``markdown``.

    The ``html`` format declares its own hook, for site parsers, and
    receives what plugins register through it; ``warc`` reads its pages
    with that same ``html`` format.
    """
    html = HtmlFormat(site_parsers=registry.add_extension(SITE_PARSERS))
    for fmt in (
        JsonFormat(),
        JsonLinesFormat(),
        html,
        WarcFormat(html),
        TextView(),
        MarkdownView(),
    ):
        registry.add(fmt)
