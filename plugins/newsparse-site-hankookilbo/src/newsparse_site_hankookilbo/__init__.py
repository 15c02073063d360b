"""newsparse-site-hankookilbo: what newsparse's ``html`` format knows about Hankook Ilbo.

Installing the distribution registers the site parser ``hankookilbo`` (two
versions, see :mod:`newsparse_site_hankookilbo.parser`) through the
``newsparse`` entry-point group; pages whose canonical URL is on
``hankookilbo.com`` are then read with it:

>>> import newsparse
>>> [article] = newsparse.parse(open("page.html", "rb").read(), "html")  # doctest: +SKIP
"""

from importlib.metadata import PackageNotFoundError, version

from newsparse_site_hankookilbo.parser import KST, HankookIlbo, HankookIlbo2026

try:
    __version__ = version("newsparse-site-hankookilbo")
except PackageNotFoundError:  # pragma: no cover - running from a source tree
    __version__ = "0+unknown"

__all__ = ["KST", "HankookIlbo", "HankookIlbo2026", "__version__"]
