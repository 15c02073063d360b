"""The plugin is found through its entry point, like any third-party plugin."""

from __future__ import annotations

from importlib import metadata

import newsparse
from newsparse.plugin import PluginHost, get_host

from newsparse_iptc import NitfFormat, __version__


def test_distribution_declares_the_entry_point() -> None:
    (entry,) = [ep for ep in metadata.entry_points(group="newsparse") if ep.name == "iptc"]
    assert entry.value == "newsparse_iptc.plugin"
    assert entry.dist is not None
    assert entry.dist.metadata["Name"] == "newsparse-iptc"


def test_version_is_the_distributions() -> None:
    assert __version__ == metadata.version("newsparse-iptc") == "0.1.0.dev0"


def test_nitf_is_a_registered_format() -> None:
    fmt = newsparse._api.formats()["nitf"]
    assert isinstance(fmt, NitfFormat)
    assert fmt.can_parse
    assert fmt.can_render
    assert not fmt.lossy
    assert fmt.media_types == ("application/nitf+xml",)


def test_process_host_lists_the_plugin() -> None:
    info = {plugin.name: plugin for plugin in get_host().plugins}["iptc"]
    assert info.ok
    assert info.distribution == "newsparse-iptc"
    assert info.formats == ("nitf", "ninjs", "newsml-g2", "newsml1")
    assert get_host().plugin_of("nitf") == "iptc"


def test_a_fresh_host_loads_it_only_when_autoloading() -> None:
    host = PluginHost(autoload=True, strict=False)
    assert isinstance(host.formats["nitf"], NitfFormat)
    assert "nitf" not in PluginHost(autoload=False).formats
