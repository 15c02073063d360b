"""newsparse-feeds: RSS and Atom feeds for newsparse.

Installing the distribution registers, through the ``newsparse`` entry-point
group, the formats ``rss`` (RSS 2.0, 0.9x and 1.0) and ``atom`` (Atom 1.0).
Each item or entry of a feed is one article; its HTML content is read with
the ``html`` format's rules (:func:`newsparse.plugin.read_fragment`):

>>> import newsparse
>>> feed = '<rss version="2.0"><channel><title>News</title><item><title>Rain</title>'
>>> feed += '<description>&lt;p&gt;It rained.&lt;/p&gt;&lt;p&gt;Then it stopped.&lt;/p&gt;'
>>> feed += '</description></item></channel></rss>'
>>> [(a.title, a.paragraphs) for a in newsparse.parse(feed, "rss")]
[('Rain', ('It rained.', 'Then it stopped.'))]
"""

from importlib.metadata import PackageNotFoundError, version

from newsparse_feeds.format import AtomFormat, RssFormat
from newsparse_feeds.names import META_KEYS

try:
    __version__ = version("newsparse-feeds")
except PackageNotFoundError:  # pragma: no cover - running from a source tree
    __version__ = "0+unknown"

__all__ = ["META_KEYS", "AtomFormat", "RssFormat", "__version__"]
