"""Text escaped twice in agencies' XHTML (``&amp;#39;`` where ``&#39;`` was meant)."""

from __future__ import annotations

import html
import re

from newsparse_iptc.text import collapse

__all__ = ["unescape_twice"]

# An entity reference that was escaped once too often: "&amp;#39;" reads "&#39;".
_ESCAPED_TWICE = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


def unescape_twice(text: str) -> str:
    """Return ``text`` with the character references it still holds as text replaced.

    >>> unescape_twice("Alko&#39;s &quot;monopoly&quot; &amp; more")
    'Alko\\'s "monopoly" & more'
    >>> unescape_twice("AT&T; R&D")
    'AT&T; R&D'
    """
    if "&" not in text:
        return text
    return _ESCAPED_TWICE.sub(_one_reference, text)


def _one_reference(found: re.Match[str]) -> str:
    # html.unescape leaves what it does not know (such as "&T;") as it is.
    return collapse(html.unescape(found.group())) or found.group()
