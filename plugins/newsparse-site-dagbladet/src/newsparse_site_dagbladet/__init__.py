"""newsparse-site-dagbladet: what newsparse's ``html`` format knows about Dagbladet.

Installing the distribution registers the site parser ``dagbladet`` (two
versions, see :mod:`newsparse_site_dagbladet.parser`) through the
``newsparse`` entry-point group; pages whose canonical URL is on
``dagbladet.no`` are then read with it.
"""

from importlib.metadata import PackageNotFoundError, version

from newsparse_site_dagbladet.parser import Dagbladet, Dagbladet2025

try:
    __version__ = version("newsparse-site-dagbladet")
except PackageNotFoundError:  # pragma: no cover - running from a source tree
    __version__ = "0+unknown"

__all__ = ["Dagbladet", "Dagbladet2025", "__version__"]
