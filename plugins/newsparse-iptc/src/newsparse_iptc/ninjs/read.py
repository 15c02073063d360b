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

from lxml import etree, html
from newsparse import Article, Image, Section

from newsparse_iptc.dates import parse_moment
from newsparse_iptc.ninjs import names
from newsparse_iptc.sections import SectionBuilder
from newsparse_iptc.text import text_of

__all__ = ["read_item"]

_FORBIDDEN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")
_HTML_TYPES = frozenset({"text/html", "application/xhtml+xml", ""})
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_CONTAINERS = frozenset({"div", "section", "article", "blockquote", "main", "body"})
_PICTURES = frozenset({"picture", "graphic"})


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


def _moment(item: Mapping[str, object], name: str) -> datetime | None:
    value = names.get(item, name)
    if value is None:
        return None
    if not isinstance(value, str) or (moment := parse_moment(value)) is None:
        raise ValueError(f"{name} is not a date and time with a UTC offset: {value!r}")
    return moment


def _title_and_meta(item: Mapping[str, object], meta: dict[str, str]) -> str:
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


def _summary(item: Mapping[str, object]) -> str | None:
    descriptions = list(_objects(item.get("descriptions"), "descriptions"))
    chosen = _by_role(descriptions, "summary") or (
        descriptions[0] if len(descriptions) == 1 and "role" not in descriptions[0] else None
    )
    return _text(chosen.get("value"), single_line=False) if chosen else None


def _body(item: Mapping[str, object], images: list[Image]) -> list[Section]:
    bodies = list(_objects(item.get("bodies"), "bodies"))
    chosen = _by_role(bodies, "main") or (bodies[0] if bodies else None)
    if chosen is None:
        return []
    value = chosen.get("value")
    if not isinstance(value, str):
        raise TypeError("a body has no string value")
    kind = names.get(chosen, "contentType")
    sections: list[Section] = []
    if kind == "text/plain":
        paragraphs = [p for part in value.split("\n\n") if (p := _text(part, single_line=False))]
        return [Section(paragraphs=paragraphs)] if paragraphs else []
    if kind is not None and kind not in _HTML_TYPES:
        raise ValueError(f"a body of type {kind!r} cannot be read")
    if value.strip():
        builder = SectionBuilder(sections)
        _read_html(_fragment(value), builder, images)
        builder.close()
    return sections


def _fragment(markup: str) -> etree._Element:
    parser = html.HTMLParser(
        encoding="utf-8", no_network=True, remove_comments=True, remove_pis=True, huge_tree=False
    )
    data = markup.encode("utf-8", "surrogatepass")
    document = html.document_fromstring(b"<html><body>" + data + b"</body></html>", parser=parser)
    for fatal in parser.error_log.filter_from_fatals():
        # libxml2 stopped at one of its limits (elements nested over 256
        # deep, say): the rest of the body would be lost without a word.
        raise ValueError(f"the HTML body is beyond the HTML parser's limits: {fatal.message}")
    body = document.find("body")
    return body if body is not None else document


def _read_html(element: etree._Element, builder: SectionBuilder, images: list[Image]) -> None:
    for child in element:
        tag: object = child.tag
        if tag in _HEADINGS:
            if text := text_of(child):
                builder.heading_found(text)
        elif tag in {"p", "li", "pre"}:
            if text := text_of(child):
                builder.paragraph_found(text)
        elif tag in {"ul", "ol"} or tag in _CONTAINERS:
            _read_html(child, builder, images)
        elif tag in {"figure", "img"}:
            image = _figure(child)
            if image is not None:
                images.append(image)
    if element.tag == "body":
        builder.close()


def _figure(element: etree._Element) -> Image | None:
    img = element if element.tag == "img" else element.find(".//img")
    caption = element.find(".//figcaption")
    url = (img.get("src") or "").strip() if img is not None else ""
    if not url or any(char.isspace() for char in url):
        return None
    alt = _text(img.get("alt"), single_line=False) if img is not None else None
    return Image(
        url=url, alt=alt, caption=text_of(caption) or None if caption is not None else None
    )


def _image(association: Mapping[str, object]) -> Image | None:
    if association.get("type") not in _PICTURES:
        return None
    renditions = list(_objects(association.get("renditions"), "renditions"))
    url = next((r["href"] for r in renditions if isinstance(r.get("href"), str)), None)
    url = _text(url if url is not None else association.get("uri"), single_line=True)
    descriptions = list(_objects(association.get("descriptions"), "descriptions"))
    caption = _by_role(descriptions, "caption")
    alt = _by_role(descriptions, "alt")
    image = {
        "url": url,
        "alt": _text(alt.get("value"), single_line=False) if alt else None,
        "caption": _text(caption.get("value"), single_line=False) if caption else None,
        "credit": _text(association.get("by"), single_line=False),
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
    """Return the article a ninjs object describes.

    Raises:
        ValueError: the object is no valid ninjs item newsparse can read (no
            ``uri`` or headline, a date without a UTC offset, a value the
            model refuses: :class:`~newsparse.ValidationError` is one too).
        TypeError: a property has a JSON type ninjs does not give it.
    """
    uri = item.get("uri")
    if not isinstance(uri, str) or not uri.strip():
        raise ValueError("the item has no uri (ninjs requires one)")
    meta = _meta(item)
    title = _title_and_meta(item, meta)
    images = [
        image
        for association in _objects(names.get(item, "associations"), "associations")
        if (image := _image(association)) is not None
    ]
    body = _body(item, images)
    publishers = _names_in(_objects(names.get(item, "infoSources"), "infoSources"), "publisher")
    language = _text(item.get("language"), single_line=True)
    return Article(
        title=title,
        body=body,
        images=images,
        authors=tuple(dict.fromkeys(_names_in(_objects(item.get("people"), "people"), "author"))),
        published=_moment(item, "firstCreated"),
        modified=_moment(item, "versionCreated"),
        url=_text(uri, single_line=True),
        publisher=publishers[0] if publishers else None,
        language=language,
        topics=tuple(dict.fromkeys(_names_in(_objects(item.get("subjects"), "subjects")))),
        summary=_summary(item),
        meta=meta,
    )
