"""Reading one ninjs object (a decoded JSON object) into an article.

Problems are raised as :class:`ValueError` with a message; the format turns
them into :class:`~newsparse.ParseError` at the object's position.  The
mapping is in ``docs/reference/formats/ninjs.md``.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator, Mapping
from datetime import datetime

from newsparse import Article, Image, Section

from newsparse_iptc.dates import parse_moment
from newsparse_iptc.ninjs import bodyhtml, names, versions
from newsparse_iptc.text import html_fragment, text_of

__all__ = ["read_item"]

_FORBIDDEN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")
_HTML_TYPES = frozenset({"text/html", "application/xhtml+xml", ""})
_PICTURES = frozenset({"picture", "graphic"})
# Item types with no text of their own: never read as articles.
_MEDIA_TYPES = frozenset({"picture", "graphic", "video", "audio"})
_LOCAL_MOMENT = re.compile(r"\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?\Z")
_LOCAL_KEYS = {"firstCreated": names.FIRST_CREATED, "versionCreated": names.VERSION_CREATED}


def _text(value: object, *, single_line: bool) -> str | None:
    """Return a JSON string as model text: forbidden characters as spaces, ends stripped."""
    if value is None:
        return None
    if not isinstance(value, str):
        raise TypeError(f"expected a string, got {type(value).__name__}")
    text = _FORBIDDEN.sub(" ", value)
    if single_line:
        text = text.replace("\n", " ")
    return text.strip() or None


def _objects(value: object, name: str) -> Iterator[Mapping[str, object]]:
    if value is None:
        return
    if not isinstance(value, list):
        raise TypeError(f"{name} must be an array")
    for item in value:
        if not isinstance(item, dict):
            raise TypeError(f"each of {name} must be an object")
        yield item


def _by_role(items: list[Mapping[str, object]], role: str) -> Mapping[str, object] | None:
    return next((item for item in items if item.get("role") == role), None)


def _moment(item: Mapping[str, object], name: str, meta: dict[str, str]) -> datetime | None:
    """Return a date property; one without a UTC offset is kept as written in ``meta``."""
    value = names.get(item, name)
    if value is None:
        return None
    if isinstance(value, str) and (moment := parse_moment(value)) is not None:
        return moment
    if isinstance(value, str) and _LOCAL_MOMENT.match(value.strip()):
        meta[_LOCAL_KEYS[name]] = value.strip()
        return None
    raise ValueError(f"{name} is not a date (and time): {value!r}")


def _title_and_meta(item: Mapping[str, object], meta: dict[str, str], generation: int) -> str:
    if generation == 1:
        title = _text(item.get("headline"), single_line=True)
        if title is None:
            raise ValueError("no headline: the ninjs 1.x item has no headline with a value")
        return title
    headlines = list(_objects(item.get("headlines"), "headlines"))
    main = _by_role(headlines, "main") or next(
        (line for line in headlines if line.get("role") != "sub"), None
    )
    title = _text(main.get("value"), single_line=True) if main else None
    sub = _by_role(headlines, "sub")
    if sub is not None:
        value = sub.get("value")
        if not isinstance(value, str):
            raise ValueError("a headline's value must be a string")
        meta[names.SUBHEADLINE] = value
    if title is None:
        raise ValueError("no headline: the item has no headline with a value")
    return title


def _summary(item: Mapping[str, object], generation: int) -> str | None:
    if generation == 1:
        found = versions.description_v1(item)
        if found is None:
            return None
        name, value = found
        if name == "description_text":
            return _text(value, single_line=False)
        return _text(text_of(html_fragment(_string(value, name))), single_line=False)
    descriptions = list(_objects(item.get("descriptions"), "descriptions"))
    chosen = _by_role(descriptions, "summary") or (
        descriptions[0] if len(descriptions) == 1 and "role" not in descriptions[0] else None
    )
    return _text(chosen.get("value"), single_line=False) if chosen else None


def _string(value: object, name: str) -> str:
    if not isinstance(value, str):
        raise TypeError(f"{name} must be a string")
    return value


def _body(item: Mapping[str, object], images: list[Image], generation: int) -> list[Section]:
    kind: object
    if generation == 1:
        found = versions.body_v1(item)
        if found is None:
            return []
        name, raw = found
        value = _string(raw, name)
        kind = {"body_text": "text/plain", "body_html": "text/html"}.get(
            name, "application/xhtml+xml" if name == "body_xhtml" else name
        )
        if kind == name:
            raise ValueError(
                f"a body in {name} cannot be read (it reads body_html, body_xhtml, body_text)"
            )
    else:
        bodies = list(_objects(item.get("bodies"), "bodies"))
        chosen = _by_role(bodies, "main") or (bodies[0] if bodies else None)
        if chosen is None:
            return []
        given = chosen.get("value")
        if not isinstance(given, str):
            raise TypeError("a body has no string value")
        value = given
        kind = names.get(chosen, "contentType")
    if kind == "text/plain":
        paragraphs = [p for part in value.split("\n\n") if (p := _text(part, single_line=False))]
        return [Section(paragraphs=paragraphs)] if paragraphs else []
    if kind is not None and kind not in _HTML_TYPES:
        raise ValueError(f"a body of type {kind!r} cannot be read")
    return bodyhtml.read_sections(value, images)


def _image(association: Mapping[str, object]) -> Image | None:
    if association.get("type") not in _PICTURES:
        return None
    renditions = versions.named_objects(association.get("renditions"), "renditions")
    if isinstance(association.get("renditions"), Mapping):
        # ninjs 1.x keys renditions by name: the original is the picture itself.
        named = association["renditions"]
        assert isinstance(named, Mapping)
        original = named.get("original")
        if isinstance(original, Mapping):
            renditions.insert(0, original)
    url = next((r["href"] for r in renditions if isinstance(r.get("href"), str)), None)
    url = _text(url if url is not None else association.get("uri"), single_line=True)
    descriptions = list(_objects(association.get("descriptions"), "descriptions"))
    caption = _by_role(descriptions, "caption")
    alt = _by_role(descriptions, "alt")
    caption_text = _text(caption.get("value"), single_line=False) if caption else None
    if caption_text is None:
        caption_text = _text(association.get("description_text"), single_line=False)
    image = {
        "url": url,
        "alt": _text(alt.get("value"), single_line=False) if alt else None,
        "caption": caption_text,
        "credit": _text(
            names.get(association, "by") or association.get("byline"), single_line=False
        ),
    }
    return Image(**image) if any(image.values()) else None


def _meta(item: Mapping[str, object]) -> dict[str, str]:
    meta: dict[str, str] = {}
    for key, name in names.STRING_PROPERTIES.items():
        value = names.get(item, name)
        if value is not None:
            if not isinstance(value, str):
                raise ValueError(f"{name} must be a string")
            meta[key] = value
    urgency = item.get("urgency")
    if urgency is not None:
        if (
            isinstance(urgency, bool)
            or not isinstance(urgency, (int, float))
            or not math.isfinite(urgency)
        ):
            raise ValueError("urgency must be a number")
        meta[names.URGENCY] = str(int(urgency)) if urgency == int(urgency) else str(urgency)
    return meta


def _names_in(items: Iterator[Mapping[str, object]], rel: str | None = None) -> list[str]:
    found = []
    for item in items:
        if rel is None or item.get("rel") == rel or item.get("role") == rel:
            name = _text(item.get("name"), single_line=True)
            if name:
                found.append(name)
    return found


def read_item(item: Mapping[str, object]) -> Article:
    """Return the article a ninjs object (ninjs 1.x, 2.x or 3.x) describes.

    Raises:
        ValueError: the object is no valid ninjs item newsparse can read (no
            ``uri``, or for ninjs 1.x no ``guid`` either; no headline; a
            picture, graphic, video or audio item; a date that is no date; a
            value the model refuses: :class:`~newsparse.ValidationError` is
            one too).
        TypeError: a property has a JSON type ninjs does not give it.
    """
    generation = versions.version(item)
    kind = item.get("type")
    if isinstance(kind, str) and kind.strip().lower() in _MEDIA_TYPES:
        raise ValueError(
            f"the item is of type {kind!r}, not text: the ninjs format reads items with text"
        )
    uri = item.get("uri")
    if (not isinstance(uri, str) or not uri.strip()) and generation == 1:
        uri = item.get("guid")  # Superdesk's ninjs 1.x: the guid identifies the item
    if not isinstance(uri, str) or not uri.strip():
        raise ValueError("the item has no uri (ninjs requires one)")
    meta = _meta(item)
    title = _title_and_meta(item, meta, generation)
    images = [
        image
        for association in versions.named_objects(names.get(item, "associations"), "associations")
        if (image := _image(association)) is not None
    ]
    body = _body(item, images, generation)
    publishers = _names_in(_objects(names.get(item, "infoSources"), "infoSources"), "publisher")
    language = _text(item.get("language"), single_line=True)
    people = _names_in(_objects(item.get("people"), "people"), "author")
    people += _names_in(_objects(item.get("person"), "person"), "author")
    people += _names_in(_objects(item.get("authors"), "authors"))
    subjects = _names_in(_objects(item.get("subjects"), "subjects"))
    subjects += _names_in(_objects(item.get("subject"), "subject"))
    if generation == 1 and "byline" in item and names.BY not in meta:
        meta[names.BY] = _string(item["byline"], "byline")
    return Article(
        title=title,
        body=body,
        images=images,
        authors=tuple(dict.fromkeys(people)),
        published=_moment(item, "firstCreated", meta),
        modified=_moment(item, "versionCreated", meta),
        url=_text(uri, single_line=True),
        publisher=publishers[0] if publishers else None,
        language=language,
        topics=tuple(dict.fromkeys(subjects)),
        summary=_summary(item, generation),
        meta=meta,
    )
