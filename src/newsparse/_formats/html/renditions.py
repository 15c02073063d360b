"""Renditions of one photo: the sizes and crops a page offers of the same picture.

A page offers one photo at several sizes and crops: ``srcset`` candidates,
the ``<source>`` elements of a ``<picture>``, a JSON-LD ``image`` list with
its 16:9, 4:3 and 1:1 crops, an ``og:image`` sized for sharing next to the
figure in the text.  They are one image of the article.

``photo_key`` tells renditions apart from other photos by their address:
the query and fragment are left out, and so are, in the path, the size and
crop marks that image servers and content systems add (``-1200x630``,
``_800w``, ``@2x``, ``-16x9``, ``-thumbnail``, a folder such as
``/1200x630/`` or ``/w_800,h_450/``).  Two addresses with the same key are
taken for one photo; the first one met is kept.  ``best_candidate``
picks the largest candidate of a ``srcset``.
"""

from __future__ import annotations

import re

__all__ = ["best_candidate", "photo_key"]

_EXTENSION = re.compile(r"\.(?:jpe?g|png|webp|gif|avif|bmp|tiff?)$")
# Size and crop marks at the end of a file name (after the extension is cut).
_NAME_MARKS = re.compile(
    r"(?:[-_.](?:\d{2,5}x\d{2,5}|[wh]\d{2,5}|\d{2,5}[wh]|\d{1,2}x\d{1,2}"
    r"|small|medium|large|thumb|thumbnail|square|landscape|portrait|wide|crop(?:ped)?)"
    r"|@\d(?:\.\d)?x)+$"
)
# A folder of the path that only names a size or crop.
_SIZE_FOLDER = re.compile(
    r"^(?:\d{2,5}x\d{2,5}|\d{2,5}|[whc]_[\w,.:]+|(?:width|height|w|h)=\d+[\w,=&]*)$"
)
_CANDIDATE = re.compile(r"^\s*(\S+?)(?:\s+(\d+(?:\.\d+)?)([wx]))?\s*$")


def photo_key(url: str) -> str:
    """Return the part of the address ``url`` that all renditions of its photo share."""
    address = url.split("#", 1)[0].split("?", 1)[0].lower()
    _, separator, rest = address.partition("://")
    if not separator:
        rest = address
    folders = rest.split("/")
    name = _EXTENSION.sub("", folders[-1])
    name = _NAME_MARKS.sub("", name) or name
    kept = [folder for folder in folders[:-1] if not _SIZE_FOLDER.match(folder)]
    return "/".join([*kept, name])


def best_candidate(srcset: str | None) -> str | None:
    """Return the address of the largest candidate of a ``srcset`` value, if any.

    Candidates are separated by a comma and whitespace; a candidate's width
    (``800w``) or density (``2x``) descriptor ranks it, and one without a
    descriptor counts as ``1x``.
    """
    if not srcset:
        return None
    best: tuple[float, str] | None = None
    for part in re.split(r",\s+", srcset.strip()):
        found = _CANDIDATE.match(part.rstrip(","))
        if found is None:
            continue
        size = float(found.group(2)) if found.group(2) else 1.0
        if best is None or size > best[0]:
            best = (size, found.group(1))
    return best[1] if best is not None else None
