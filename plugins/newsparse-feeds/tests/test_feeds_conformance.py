"""The conformance kit for the two parse-only formats, and the plugin's registration."""

from __future__ import annotations

from importlib import metadata

import newsparse
from newsparse.plugin import get_host
from newsparse.testing import FormatConformance

from feeds import ATOM, RSS1, RSS2
from newsparse_feeds import AtomFormat, RssFormat


class TestRssConformance(FormatConformance):
    format_name = "rss"
    accepted_examples = (RSS2, RSS1)


class TestAtomConformance(FormatConformance):
    format_name = "atom"
    accepted_examples = (ATOM,)


def test_distribution_declares_the_entry_point() -> None:
    (entry,) = [ep for ep in metadata.entry_points(group="newsparse") if ep.name == "feeds"]
    assert entry.value == "newsparse_feeds.plugin"
    assert entry.dist is not None
    assert entry.dist.metadata["Name"] == "newsparse-feeds"


def test_process_host_lists_the_plugin() -> None:
    info = {plugin.name: plugin for plugin in get_host().plugins}["feeds"]
    assert info.ok
    assert info.formats == ("rss", "atom")
    assert isinstance(newsparse.get_format("rss"), RssFormat)
    assert isinstance(newsparse.get_format("atom"), AtomFormat)
    assert not newsparse.get_format("atom").can_render
