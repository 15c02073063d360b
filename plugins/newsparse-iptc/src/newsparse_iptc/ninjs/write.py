"""Writing an article as a ninjs 3.0 object.

:func:`check` refuses, with a :class:`~newsparse.RenderError` naming the
field, every value that would not read back unchanged; :func:`to_item` then
builds the object.
"""

from __future__ import annotations

from newsparse import Article, Image, RenderError

from newsparse_iptc.dates import format_extended
from newsparse_iptc.ninjs import bodyhtml, names
from newsparse_iptc.text import problem

__all__ = ["check", "to_item"]

_PUB_STATUSES = frozenset({"usable", "withheld", "canceled"})


def _refuse(field: str, reason: str, *, missing: bool = False) -> RenderError:
    return RenderError(names.FORMAT_NAME, field, reason, missing=missing)


def _check_body(article: Article) -> None:
    for index, section in enumerate(article.body):
        if index and section.heading is None:
            raise _refuse(
                f"body[{index}].heading",
                "only the first section may be untitled: a heading is what starts a section",
                missing=True,
            )
        if section.heading is not None and (reason := problem(section.heading)) is not None:
            raise _refuse(f"body[{index}].heading", f"in the HTML body, {reason}")
        for number, block in enumerate(section.blocks):
            for name, text in bodyhtml.block_texts(f"body[{index}].blocks[{number}]", block):
                reason = bodyhtml.body_problem(text)
                if reason is not None:
                    raise _refuse(name, f"in the HTML body, {reason}")


def _check_images(article: Article) -> None:
    for index, image in enumerate(article.images):
        if image.url is None:
            raise _refuse(
                f"images[{index}].url",
                "an association needs a uri: the image's url",
                missing=True,
            )


def _check_meta(article: Article) -> None:
    for key, value in article.meta.items():
        field = f"meta[{key!r}]"
        if key not in names.META_KEYS:
            raise _refuse(
                field,
                f"not a key of the ninjs format ({', '.join(names.META_KEYS)}), and ninjs 3.0"
                " has no place for other names and values (its schema allows no other"
                " property); leave it out with --drop-unrepresentable (on_drop= in Python)",
            )
        if key == names.URGENCY and not (value.isascii() and value.isdigit()):
            raise _refuse(field, "must be a whole number (decimal digits)")
        if key == names.URGENCY and str(int(value)) != value:
            raise _refuse(field, "leading zeros are not kept in a JSON number")
        if key == names.PUB_STATUS and value not in _PUB_STATUSES:
            raise _refuse(field, "must be usable, withheld or canceled")


def check(article: Article) -> None:
    """Raise :class:`~newsparse.RenderError` if ninjs cannot hold ``article`` exactly."""
    if article.url is None:
        raise _refuse(
            "url", "ninjs requires a uri, and the article's url is written there", missing=True
        )
    _check_body(article)
    _check_images(article)
    _check_meta(article)


def _association(index: int, image: Image) -> dict[str, object]:
    item: dict[str, object] = {"name": f"image{index + 1}", "uri": image.url, "type": "picture"}
    item["renditions"] = [{"name": "original", "href": image.url}]
    descriptions = [
        {"role": role, "value": value}
        for role, value in (("caption", image.caption), ("alt", image.alt))
        if value is not None
    ]
    if descriptions:
        item["descriptions"] = descriptions
    if image.credit is not None:
        item["by"] = image.credit
    return item


def _add_meta(article: Article, item: dict[str, object]) -> None:
    meta = article.meta
    if names.URGENCY in meta:
        item["urgency"] = int(meta[names.URGENCY])
    for key, name in names.STRING_PROPERTIES.items():
        if key in meta:
            item[name] = meta[key]
    if article.language is not None:
        item["language"] = article.language


def to_item(article: Article) -> dict[str, object]:
    """Return the ninjs 3.0 object of a :func:`checked <check>` article."""
    meta = article.meta
    item: dict[str, object] = {
        "uri": article.url,
        "type": "text",
        "standard": {"name": "ninjs", "version": names.VERSION, "schema": names.SCHEMA_URI},
    }
    if article.published is not None:
        item["firstCreated"] = format_extended(article.published)
    if article.modified is not None:
        item["versionCreated"] = format_extended(article.modified)
    _add_meta(article, item)
    headlines = [{"role": "main", "value": article.title}]
    if names.SUBHEADLINE in meta:
        headlines.append({"role": "sub", "value": meta[names.SUBHEADLINE]})
    item["headlines"] = headlines
    if article.summary is not None:
        item["descriptions"] = [
            {"role": "summary", "contentType": "text/plain", "value": article.summary}
        ]
    if article.body:
        value = bodyhtml.write_sections(article.body)
        item["bodies"] = [{"role": "main", "contentType": "text/html", "value": value}]
    if article.authors:
        item["people"] = [{"name": author, "rel": "author"} for author in article.authors]
    if article.topics:
        item["subjects"] = [{"name": topic} for topic in article.topics]
    if article.publisher is not None:
        item["infoSources"] = [{"name": article.publisher, "role": "publisher"}]
    if article.images:
        item["associations"] = [_association(n, image) for n, image in enumerate(article.images)]
    return item
