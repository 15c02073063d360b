"""newsparse-iptc: the IPTC news formats for newsparse.

Installing the distribution registers, through the ``newsparse`` entry-point
group, the formats ``nitf`` (News Industry Text Format 3.x), ``ninjs``
(News in JSON 2 and 3), ``newsml-g2`` (NewsML-G2 text news items) and
``newsml1`` (NewsML 1.x, read only):

>>> import newsparse
>>> text = '<nitf><body><body.head><hedline><hl1>Rain</hl1></hedline></body.head>'
>>> text += '<body.content><p>It rained.</p></body.content></body></nitf>'
>>> [(a.title, a.paragraphs) for a in newsparse.parse(text, "nitf")]
[('Rain', ('It rained.',))]

NewsML-G2 items carry their text as inline NITF, which the ``newsml-g2``
format reads with the NITF reader (:func:`newsparse_iptc.nitf.read.read_nitf`).
"""

from importlib.metadata import PackageNotFoundError, version

from newsparse_iptc.newsml1.format import Newsml1Format
from newsparse_iptc.newsml1.names import META_KEYS as NEWSML1_META_KEYS
from newsparse_iptc.newsml_g2.format import NewsmlG2Format
from newsparse_iptc.newsml_g2.names import META_KEYS as NEWSML_G2_META_KEYS
from newsparse_iptc.newsml_g2.names import NAMESPACE as NEWSML_G2_NAMESPACE
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
    "NEWSML1_META_KEYS",
    "NEWSML_G2_META_KEYS",
    "NEWSML_G2_NAMESPACE",
    "NINJS_META_KEYS",
    "NITF_META_KEYS",
    "NITF_NAMESPACE",
    "Newsml1Format",
    "NewsmlG2Format",
    "NinjsFormat",
    "NitfFormat",
    "__version__",
]
