"""newsparse-site-anadolu: what newsparse's ``html`` format knows about Anadolu Ajansı.

Installing the distribution registers the site parser ``anadolu`` (two
versions, see :mod:`newsparse_site_anadolu.parser`) through the ``newsparse``
entry-point group; pages whose canonical URL is on ``aa.com.tr`` are then
read with it.
"""

from importlib.metadata import PackageNotFoundError, version

from newsparse_site_anadolu.parser import TRT, AnadoluAjansi, AnadoluAjansi2026

try:
    __version__ = version("newsparse-site-anadolu")
except PackageNotFoundError:  # pragma: no cover - running from a source tree
    __version__ = "0+unknown"

__all__ = ["TRT", "AnadoluAjansi", "AnadoluAjansi2026", "__version__"]
