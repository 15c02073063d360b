"""newsparse-brief: the ``brief`` news format for newsparse.

Installing the distribution is enough: newsparse loads the plugin through the
``newsparse`` entry-point group and the format ``brief`` appears.
"""

from newsparse_brief.format import BYLINE, HEADLINE, SEPARATOR, BriefFormat

__all__ = ["BYLINE", "HEADLINE", "SEPARATOR", "BriefFormat"]
