"""newsparse-iptc: the IPTC news formats for newsparse.

Installing the distribution registers, through the ``newsparse`` entry-point
group, the formats ``nitf`` (News Industry Text Format 3.x) and ``ninjs``
(News in JSON 2 and 3):

>>> import newsparse
>>> text = '<nitf><body><body.head><hedline><hl1>Rain</hl1></hedline></body.head>'
>>> text += '<body.content><p>It rained.</p></body.content></body></nitf>'
>>> [(a.title, a.paragraphs) for a in newsparse.parse(text, "nitf")]
[('Rain', ('It rained.',))]

NewsML-G2 is planned; the NITF reader is split so that NewsML-G2
can read the NITF it carries inline (:func:`newsparse_iptc.nitf.read.read_body`).
"""

from importlib.metadata import PackageNotFoundError, version

from newsparse_iptc.ninjs.format import NinjsFormat
from newsparse_iptc.ninjs.names import META_KEYS as NINJS_META_KEYS
from newsparse_iptc.nitf.format import NitfFormat
from newsparse_iptc.nitf.names import META_KEYS as NITF_META_KEYS
from newsparse_iptc.nitf.names import NAMESPACE as NITF_NAMESPACE

try:
    __version__ = version("newsparse-iptc")
except PackageNotFoundError:  # pragma: no cover - running from a source tree
    __version__ = "0+unknown"

__all__ = [
    "NINJS_META_KEYS",
    "NITF_META_KEYS",
    "NITF_NAMESPACE",
    "NinjsFormat",
    "NitfFormat",
    "__version__",
]
