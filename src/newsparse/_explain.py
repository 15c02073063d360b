"""``newsparse explain``: where each field of a parsed article came from, and how sure it is.

The html format records, for each page it reads, the source and the
confidence of the title, authors, dates and body in ``meta`` keys of its
namespace (see the html format's reference page).  This command shows them
as a table per article, or as JSON (``--json``).  Articles of formats that
record no such keys are listed with their title only.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import click

from newsparse._api import formats, parse
from newsparse._errors import NewsparseError
from newsparse._model import Article

__all__ = ["FIELDS", "explain_article", "explain_command"]

FIELDS = ("title", "authors", "published", "modified", "body")
"""The fields whose source and confidence are shown, in this order."""

_PREFIX = "html."
_ALTERNATIVE = _PREFIX + "title-alternative."


def explain_article(article: Article) -> dict[str, Any]:
    """Return what ``article.meta`` records of its fields' sources, as plain data.

    One entry per field of :data:`FIELDS` that has a recorded source:
    ``source``, ``confidence`` (a float, or ``None``), ``value`` (the field
    as text), and for the title the ``alternatives`` other sources offered.
    """
    meta = article.meta
    fields: dict[str, Any] = {}
    for name in FIELDS:
        source = meta.get(f"{_PREFIX}{name}-source")
        if source is None:
            continue
        entry: dict[str, Any] = {
            "source": source,
            "confidence": _number(meta.get(f"{_PREFIX}{name}-confidence")),
            "value": _value(article, name, meta),
        }
        if name == "title":
            entry["alternatives"] = {
                key.removeprefix(_ALTERNATIVE): text
                for key, text in meta.items()
                if key.startswith(_ALTERNATIVE)
            }
        fields[name] = entry
    return {"title": article.title, "fields": fields}


def _number(text: str | None) -> float | None:
    try:
        return float(text) if text is not None else None
    except ValueError:
        return None


def _value(article: Article, name: str, meta: Mapping[str, str]) -> str:
    if name == "title":
        return article.title
    if name == "authors":
        return "; ".join(article.authors)
    if name in {"published", "modified"}:
        moment = getattr(article, name)
        return moment.isoformat() if moment is not None else ""
    paragraphs = article.paragraphs
    text = f"{len(paragraphs)} paragraphs, {sum(map(len, paragraphs))} characters"
    container = meta.get(_PREFIX + "body-container")
    return f"{text} in {container}" if container else text


@click.command("explain")
@click.argument("source", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("-f", "--from", "from_", metavar="FORMAT", help="Input format (default: detect).")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
def explain_command(source: Path, from_: str | None, as_json: bool) -> None:
    """Show where each field of SOURCE's articles came from, and how sure it is.

    For each article: the title, authors, dates and body, each with its
    source (JSON-LD, og:title, h1, the body's container...) and its
    extraction confidence from 0 to 1, and the titles other sources gave.
    """
    if from_ is not None and from_ not in formats():
        known = ", ".join(sorted(formats()))
        raise click.BadParameter(f"no format named {from_!r} (known: {known})", param_hint="--from")
    try:
        articles = parse(source, from_)
    except NewsparseError as error:
        click.echo(f"error: {error}", err=True)
        sys.exit(1)
    explained = [explain_article(article) for article in articles]
    if as_json:
        click.echo(json.dumps(explained, indent=2, ensure_ascii=False))
        return
    for number, item in enumerate(explained, 1):
        click.echo(f"{source}: article {number}: {item['title']}")
        if not item["fields"]:
            click.echo("  (no sources recorded by this format)")
        for name, entry in item["fields"].items():
            confidence = entry["confidence"]
            shown = "-" if confidence is None else f"{confidence:.2f}"
            click.echo(f"  {name:<10} {entry['source']:<22} {shown:>4}  {entry['value']}")
            for other, text in entry.get("alternatives", {}).items():
                click.echo(f"  {'':<10} {'also ' + other:<22} {'':>4}  {text}")
