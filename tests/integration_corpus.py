"""The corpus that the Dask and Spark tests read, and its serial parse."""

from __future__ import annotations

import json
from pathlib import Path

import newsparse
from newsparse._errors import NewsparseError, ParseError

ARTICLE = {
    "title": "Talks in Muscat",
    "body": [
        {"heading": None, "paragraphs": ["One two three.", "Four five."]},
        {"heading": "Reactions", "paragraphs": ["Six."]},
    ],
    "images": [{"url": "https://example.com/a.jpg"}],
    "authors": ["A. Writer", "B. Writer"],
    "published": "2025-04-29T09:30:00+03:00",
    "topics": ["Iran", "Oman"],
    "meta": {"z": "1", "a": "ü"},
}


def make_corpus(folder: Path) -> Path:
    """Good and bad inputs: 20 jsonl files (one with a bad line), a json file, prose."""
    for number in range(20):
        lines = [json.dumps({"title": f"File {number} article {n}"}) for n in range(5)]
        if number == 7:
            lines[2] = '{"title": 5}'
        (folder / f"f{number:02}.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (folder / "one.json").write_text(json.dumps([ARTICLE]), encoding="utf-8")
    (folder / "prose.txt").write_text("Not an article.\n", encoding="utf-8")
    return folder


def described(item: object) -> object:
    if isinstance(item, (NewsparseError, OSError)):
        return (type(item).__name__, str(item))
    return item


def titles(folder: Path) -> list[str]:
    """The titles of the articles of a serial parse, in order."""
    return [item.title for item in serial(folder) if isinstance(item, newsparse.Article)]


def serial(folder: Path) -> list[object]:
    """The reference: every item of every file, in name order, from iter_parse."""
    found: list[object] = []
    for path in sorted(folder.iterdir()):
        errors: list[ParseError] = []
        try:
            for article in newsparse.iter_parse(path, source=str(path), on_error=errors.append):
                found.extend(described(error) for error in errors)
                errors.clear()
                found.append(article)
        except NewsparseError as error:
            found.extend(described(error) for error in errors)
            errors.clear()
            found.append(described(error))
        found.extend(described(error) for error in errors)
    return found
