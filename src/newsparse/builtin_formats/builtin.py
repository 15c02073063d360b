"""The built-in plugin: registers newsparse's own formats through the public hook."""

from __future__ import annotations

from newsparse.builtin_formats.html.format import HtmlFormat
from newsparse.builtin_formats.jsonformats import JsonFormat, JsonLinesFormat
from newsparse.builtin_formats.views import MarkdownView, TextView
from newsparse.hookspecs import hookimpl
from newsparse.registry import FormatRegistry

__all__ = ["newsparse_register_formats"]


@hookimpl
def newsparse_register_formats(registry: FormatRegistry) -> None:
    """Register ``json``, ``jsonl``, ``html``, ``text`` and ``markdown``."""
    for fmt in (JsonFormat(), JsonLinesFormat(), HtmlFormat(), TextView(), MarkdownView()):
        registry.add(fmt)
