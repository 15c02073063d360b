"""The plugin is found through its entry point and registers two parse-only formats."""

from __future__ import annotations

from importlib.metadata import entry_points

import newsparse
import pytest
from newsparse import Article, NewsparseError

import newsparse_wire


def test_the_entry_point() -> None:
    [point] = [ep for ep in entry_points(group="newsparse") if ep.name == "wire"]
    assert point.value == "newsparse_wire.plugin"


def test_formats_are_registered() -> None:
    assert isinstance(newsparse.formats()["anpa1312"], newsparse_wire.Anpa1312Format)
    assert isinstance(newsparse.formats()["iptc7901"], newsparse_wire.Iptc7901Format)


@pytest.mark.parametrize("name", ["anpa1312", "iptc7901"])
def test_parse_only(name: str) -> None:
    fmt = newsparse.get_format(name)
    assert fmt.can_parse
    assert not fmt.can_render
    with pytest.raises(NewsparseError):
        newsparse.render([Article(title="x")], name)
