r"""newsparse-wire: the agency text wires ANPA 1312 and IPTC 7901 for newsparse.

Installing the distribution registers the parse-only formats ``anpa1312``
and ``iptc7901`` through the ``newsparse`` entry-point group:

>>> import newsparse
>>> story = (
...     b"\x01eca062 4 i 9 dpa\r\n\r\nRain/\r\n\x02Rain in Berlin =\r\n\r\n"
...     b"   It rained.\r\n\x03121015 GMT Nov 13\r\n\x04"
... )
>>> [(a.title, a.paragraphs, a.published.isoformat()) for a in newsparse.parse(story)]
[('Rain in Berlin', ('It rained.',), '2013-11-12T10:15:00+00:00')]

See :mod:`newsparse_wire.anpa`, :mod:`newsparse_wire.iptc7901` and
:mod:`newsparse_wire.framing` (the framing and the decoding rule they share).
"""

from importlib.metadata import PackageNotFoundError, version

from newsparse_wire.anpa import Anpa1312Format
from newsparse_wire.iptc7901 import Iptc7901Format

try:
    __version__ = version("newsparse-wire")
except PackageNotFoundError:  # pragma: no cover - running from a source tree
    __version__ = "0+unknown"

__all__ = ["Anpa1312Format", "Iptc7901Format", "__version__"]
