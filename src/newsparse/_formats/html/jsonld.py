"""Finding the JSON-LD objects that describe a page's article.

JSON-LD is the first source of ``metadata``,
whose documentation says which objects count and which one wins.
:func:`article_objects` returns them best first, each script read
defensively (comment wrappers, rubbish after the object, size and depth
limits).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from typing import Any

from lxml import etree

from newsparse._formats.html.cleaning import clean_line, unescape

__all__ = ["article_objects", "is_article", "is_live_blog", "json_ld_objects"]

_MAX_DEPTH = 12  # how deep JSON-LD objects are looked for
_MAX_OBJECTS = 500  # how many JSON-LD objects are looked at
_MAX_SCRIPT = 2_000_000  # characters of one JSON-LD script


_ARTICLE_TYPES = frozenset(
    {
        "article",
        "newsarticle",
        "reportagenewsarticle",
        "analysisnewsarticle",
        "opinionnewsarticle",
        "reviewnewsarticle",
        "backgroundnewsarticle",
        "askpublicnewsarticle",
        "satiricalarticle",
        "scholarlyarticle",
        "techarticle",
        "report",
        "blogposting",
        "liveblogposting",
    }
)
_PAGE_TYPES = frozenset({"webpage", "itempage", "collectionpage", "mediagallery"})
_ARTICLE_FIELDS = (
    "headline",
    "author",
    "datePublished",
    "dateModified",
    "publisher",
    "image",
    "description",
    "keywords",
    "articleBody",
    "inLanguage",
)


def _types(obj: dict[str, Any]) -> set[str]:
    """Return the lower-cased local names of an object's ``@type``."""
    value = obj.get("@type")
    values = value if isinstance(value, list) else [value]
    names = set()
    for item in values[:20]:
        if isinstance(item, str):
            names.add(re.split(r"[/:#]", item.strip())[-1].lower())
    return names


def is_article(obj: dict[str, Any]) -> bool:
    """Whether ``obj`` has an ``@type`` of the schema.org article family."""
    return bool(_types(obj) & _ARTICLE_TYPES)


def is_live_blog(obj: dict[str, Any]) -> bool:
    """Whether ``obj`` is a schema.org ``LiveBlogPosting``."""
    return "liveblogposting" in _types(obj)


def json_ld_objects(scripts: Iterable[etree._Element]) -> list[dict[str, Any]]:
    """Return every JSON-LD object in ``scripts``, flattened out of arrays and graphs."""
    found: list[dict[str, Any]] = []
    for script in scripts:
        kind = (script.get("type") or "").strip().lower()
        if kind != "application/ld+json":
            continue
        data = _load_json(script.text or "")
        if data is not None:
            _collect(data, found, 0)
        if len(found) >= _MAX_OBJECTS:
            break
    return found


def _load_json(text: str) -> object:
    """Parse a JSON-LD script, forgiving comment wrappers; ``None`` when it is not JSON."""
    if len(text) > _MAX_SCRIPT:
        return None
    text = text.strip()
    for wrapper in ("<!--", "//<![CDATA[", "<![CDATA["):
        if text.startswith(wrapper):
            text = text[len(wrapper) :]
    for wrapper in ("-->", "//]]>", "]]>", ";"):
        if text.endswith(wrapper):
            text = text[: -len(wrapper)]
    try:
        return json.loads(text, strict=False)
    except (ValueError, RecursionError):  # JSONDecodeError is a ValueError
        pass
    try:  # a valid object followed by rubbish
        return json.JSONDecoder(strict=False).raw_decode(text.strip())[0]
    except (ValueError, RecursionError):
        return None


def _collect(data: object, found: list[dict[str, Any]], depth: int) -> None:
    """Add the objects in ``data`` (arrays, ``@graph``, ``mainEntity``) to ``found``."""
    if depth > _MAX_DEPTH or len(found) >= _MAX_OBJECTS:
        return
    if isinstance(data, list):
        for item in data[:_MAX_OBJECTS]:
            _collect(item, found, depth + 1)
    elif isinstance(data, dict):
        found.append(data)
        for key in ("@graph", "mainEntity", "mainEntityOfPage"):
            inner = data.get(key)
            if isinstance(inner, (list, dict)):
                _collect(inner, found, depth + 1)


def _article_score(obj: dict[str, Any]) -> int | None:
    """Return how likely ``obj`` describes the page's article, or ``None`` when it does not."""
    types = _types(obj)
    fields = sum(1 for name in _ARTICLE_FIELDS if obj.get(name))
    if types & _ARTICLE_TYPES:
        base = 100
    elif types & _PAGE_TYPES and any(obj.get(n) for n in ("headline", "author", "datePublished")):
        base = 0
    else:
        return None
    return base + (50 if isinstance(obj.get("headline"), str) else 0) + fields


def article_objects(objects: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Return the article objects: the best first, then those that may fill its gaps."""
    scored = [
        (score, i, obj)
        for i, obj in enumerate(objects)
        if (score := _article_score(obj)) is not None
    ]
    if not scored:
        return []
    scored.sort(key=lambda item: (-item[0], item[1]))
    best = scored[0][2]
    headline = clean_line(unescape(best.get("headline")))
    chosen = [best]
    for _, _, obj in scored[1:]:
        other = clean_line(unescape(obj.get("headline")))
        if other is None or headline is None or other == headline:
            chosen.append(obj)
    return chosen
