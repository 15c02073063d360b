"""The newsparse plugin: registers the ``brief`` format.

newsparse finds this module through the entry point in ``pyproject.toml``.
"""

from __future__ import annotations

import newsparse
from newsparse.plugin import FormatRegistry

from newsparse_brief.format import BriefFormat

__all__ = ["newsparse_register_formats"]


@newsparse.hookimpl
def newsparse_register_formats(registry: FormatRegistry) -> None:
    """Register the ``brief`` format."""
    registry.add(BriefFormat())
