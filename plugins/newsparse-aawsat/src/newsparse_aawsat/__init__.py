r"""newsparse-aawsat: the Asharq Al-Awsat "TT" wire text format for newsparse.

Installing the distribution registers the format ``tt`` through the
``newsparse`` entry-point group:

>>> import newsparse
>>> text = "Rain\n\nTT\n20\n\nRain\n\nIt rained."
>>> [(a.title, a.paragraphs, a.meta["tt.number"]) for a in newsparse.parse(text, "tt")]
[('Rain', ('It rained.',), '20')]

See :mod:`newsparse_aawsat.format` for the grammar.
"""

from importlib.metadata import PackageNotFoundError, version

from newsparse_aawsat.format import ARTICLE_SEPARATOR, MARKER, NUMBER_KEY, TTFormat

try:
    __version__ = version("newsparse-aawsat")
except PackageNotFoundError:  # pragma: no cover - running from a source tree
    __version__ = "0+unknown"

__all__ = ["ARTICLE_SEPARATOR", "MARKER", "NUMBER_KEY", "TTFormat", "__version__"]
