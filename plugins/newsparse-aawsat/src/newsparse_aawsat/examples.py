"""Hand-written synthetic TT texts: canonical ones and accepted variants.

The conformance tests give them to the kit (as
:attr:`~newsparse.testing.FormatConformance.canonical_examples` and
:attr:`~newsparse.testing.FormatConformance.accepted_examples`), and they are
small illustrations of the grammar.  They are made up;
the published sample lives in the repository's ``examples/`` folder.
"""

from __future__ import annotations

__all__ = ["ACCEPTED_EXAMPLES", "CANONICAL_EXAMPLES", "RAIN", "TWO_ARTICLES"]

RAIN = (
    "Rain Returns to Riyadh After a Dry Summer\n"
    "\n"
    "Clouds gather over the Kingdom Centre tower in Riyadh\n"
    "Clouds gather over the Kingdom Centre tower in Riyadh on Monday (SPA)\n"
    "TT\n"
    "20\n"
    "\n"
    "Rain Returns to Riyadh After a Dry Summer\n"
    "\n"
    "Clouds gather over the Kingdom Centre tower in Riyadh\n"
    "Clouds gather over the Kingdom Centre tower in Riyadh on Monday (SPA)\n"
    "\n"
    "Light rain fell across Riyadh on Monday, the first in five months.\n"
    "\n"
    "Forecasters expect showers to continue until Thursday."
)
"""One article with one image whose alt text and caption differ."""

TWO_ARTICLES = (
    "الأمطار تعود إلى الرياض\n"
    "\n"
    "TT\n"
    "21\n"
    "\n"
    "الأمطار تعود إلى الرياض\n"
    "\n"
    "هطلت أمطار خفيفة على الرياض يوم الاثنين.\n"
    "\n"
    "TT\n"
    "\n"
    "\n"
    "\n"
    "Markets Open Higher in Cairo\n"
    "\n"
    "Traders at the Egyptian Exchange in Cairo (Reuters)\n"
    "TT\n"
    "7\n"
    "\n"
    "Markets Open Higher in Cairo\n"
    "\n"
    "Traders at the Egyptian Exchange in Cairo (Reuters)\n"
    "\n"
    "Shares rose at the opening bell on Sunday."
)
"""Two articles: an Arabic one without image whose second paragraph is ``TT``,
and one whose only image is a single caption line."""

CANONICAL_EXAMPLES = (RAIN, TWO_ARTICLES)
"""Canonical TT texts: they render back byte for byte after parsing."""

ACCEPTED_EXAMPLES = (
    # Windows line ends and a final newline.
    RAIN.replace("\n", "\r\n") + "\r\n",
    # A byte-order mark, trailing and leading spaces, extra blank lines.
    "\ufeff" + TWO_ARTICLES.replace("\n\n", "\n \n\t\n").replace("TT\n", "TT  \n") + "\n\n",
    # No repeated header, paragraphs without blank lines, one blank line
    # between articles.
    (
        "Markets Open Higher in Cairo\n"
        "\n"
        "Traders at the Egyptian Exchange in Cairo (Reuters)\n"
        "TT\n"
        "7\n"
        "\n"
        "Shares rose at the opening bell on Sunday.\n"
        "Volumes were thin.\n"
        "\n"
        "Rain Returns to Riyadh After a Dry Summer\n"
        "\n"
        "TT\n"
        "20\n"
        "\n"
        "Light rain fell across Riyadh on Monday, the first in five months.\n"
    ),
)
"""Valid but non-canonical TT texts (rendering normalises them)."""
