"""Tests of the plugin machinery: hook specs, the plugin host and entry points."""

from __future__ import annotations

import logging
import sys
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any, TextIO

import attrs
import pluggy
import pytest

import newsparse
from fixtures_plugins import (
    BROKEN_IMPORT_SOURCE,
    BROKEN_REGISTER_SOURCE,
    GOOD_SOURCE,
    UNKNOWN_HOOK_SOURCE,
    FakeDists,
    fake_dists,
    isolated_host,
)
from newsparse import Article, Format, ParseError, PluginError, UnknownFormatError, hookimpl
from newsparse._api import formats as all_formats
from newsparse._formats import builtin
from newsparse._hookspecs import hookspec
from newsparse._plugins import PluginHost, PluginInfo, get_host, registered, reset_host
from newsparse._registry import Extension, FormatRegistry, Registered, Registry
from newsparse._textio import TextStream

BUILTIN_FORMATS = {"json", "jsonl", "html", "warc", "text", "markdown"}


@pytest.fixture(autouse=True)
def _own_host(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    with isolated_host(monkeypatch):
        yield


@pytest.fixture
def dists(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeDists]:
    with fake_dists(tmp_path / "site", monkeypatch) as made:
        yield made


class _Lines(Format):
    """Titles, one per line (parse and render)."""

    label = "Lines"

    def parse(self, stream: TextStream, source: str) -> Iterator[Article | ParseError]:
        for line in stream:
            if line.strip():
                yield Article(title=line.strip())

    def render(self, articles: Iterable[Article], out: TextIO) -> None:
        for article in articles:
            out.write(article.title + "\n")


class Alpha(_Lines):
    name = "alpha"


class Beta(_Lines):
    name = "beta"


class SameAsAlpha(_Lines):
    name = "alpha"


class AlphaPlugin:
    @hookimpl
    def newsparse_register_formats(self, registry: FormatRegistry) -> None:
        registry.add(Alpha())


class BetaThenAlphaPlugin:
    """Adds a fresh name first, then one that is taken."""

    @hookimpl
    def newsparse_register_formats(self, registry: FormatRegistry) -> None:
        registry.add(Beta())
        registry.add(SameAsAlpha())


def infos_by_name() -> dict[str, PluginInfo]:
    return {info.name: info for info in get_host().plugins}


# --- hook specs -------------------------------------------------------------


def test_hookimpl_is_exported_and_marks_newsparse_hooks() -> None:
    assert isinstance(newsparse.hookimpl, pluggy.HookimplMarker)
    assert newsparse.hookimpl.project_name == "newsparse"
    assert "hookimpl" in newsparse.__all__

    @newsparse.hookimpl
    def newsparse_register_formats(registry: FormatRegistry) -> None:
        del registry

    assert hasattr(newsparse_register_formats, "newsparse_impl")


def test_the_hook_has_a_spec_with_a_docstring() -> None:
    caller = get_host().manager.hook.newsparse_register_formats
    assert caller.has_spec()
    assert caller.spec is not None
    assert caller.spec.argnames == ("registry",)
    doc = newsparse._hookspecs.newsparse_register_formats.__doc__
    assert doc is not None
    assert "Register" in doc


# --- the built-in plugin ----------------------------------------------------


def test_builtin_formats_are_registered_through_the_hook() -> None:
    host = get_host()
    assert host.manager.get_plugin("newsparse.builtin") is builtin
    impls = host.manager.hook.newsparse_register_formats.get_hookimpls()
    assert [impl.plugin_name for impl in impls] == ["newsparse.builtin"]
    info = infos_by_name()["newsparse.builtin"]
    assert info.ok
    assert info.hooks == ("newsparse_register_formats",)
    assert set(info.formats) == BUILTIN_FORMATS
    assert info.distribution == "newsparse"
    for name in BUILTIN_FORMATS:
        assert host.plugin_of(name) == "newsparse.builtin"


def test_autoload_off_means_only_builtin_formats() -> None:
    assert set(all_formats()) == BUILTIN_FORMATS
    assert [info.name for info in get_host().plugins] == ["newsparse.builtin"]
    assert get_host().autoload is False


# --- runtime registration ---------------------------------------------------


def test_registered_adds_the_formats_for_the_block_only() -> None:
    assert "alpha" not in all_formats()
    with registered(AlphaPlugin(), name="alpha-plugin") as info:
        assert info.name == "alpha-plugin"
        assert info.ok
        assert info.formats == ("alpha",)
        assert info.hooks == ("newsparse_register_formats",)
        assert "alpha" in all_formats()
        assert get_host().plugin_of("alpha") == "alpha-plugin"
        assert "alpha-plugin" in infos_by_name()
        assert [a.title for a in newsparse.parse("One\n\nTwo\n", "alpha")] == ["One", "Two"]
        assert newsparse.render([Article(title="X")], "alpha") == "X\n"
    assert "alpha" not in all_formats()
    assert "alpha-plugin" not in infos_by_name()
    assert get_host().manager.get_plugin("alpha-plugin") is None
    with pytest.raises(UnknownFormatError, match="alpha"):
        newsparse.get_format("alpha")


def test_registering_the_builtin_module_again_names_both_plugins() -> None:
    with pytest.raises(PluginError) as caught:
        get_host().register(builtin, name="builtin-again")
    message = str(caught.value)
    assert "builtin-again" in message
    assert "newsparse.builtin" in message
    assert caught.value.plugin == "builtin-again"


def test_two_plugins_claiming_one_format_name_is_an_error_naming_both() -> None:
    with registered(AlphaPlugin(), name="first-plugin"):
        with pytest.raises(PluginError) as caught, registered(BetaThenAlphaPlugin(), name="second"):
            pass  # pragma: no cover
        message = str(caught.value)
        assert "'first-plugin'" in message
        assert "'second'" in message
        assert "'alpha'" in message
        # The failing plugin registered nothing, not even the name it added first...
        assert "beta" not in all_formats()
        # ...and the first plugin's format still works.
        assert get_host().plugin_of("alpha") == "first-plugin"
        assert newsparse.parse("A\n", "alpha") == [Article(title="A")]
        # registered() is for tests: a failed registration leaves no record behind.
        assert "second" not in infos_by_name()
        # PluginHost.register itself records the failure, as for entry points.
        with pytest.raises(PluginError):
            get_host().register(BetaThenAlphaPlugin(), name="second")
        failed = infos_by_name()["second"]
        get_host().unregister("second")
        assert not failed.ok
        assert failed.formats == ()
        assert failed.error is not None
        assert "first-plugin" in failed.error


def test_one_plugin_adding_a_name_twice_is_an_error() -> None:
    class Twice:
        @hookimpl
        def newsparse_register_formats(self, registry: FormatRegistry) -> None:
            registry.add(Alpha())
            registry.add(SameAsAlpha())

    with pytest.raises(PluginError, match="'alpha'"), registered(Twice(), name="twice"):
        pass  # pragma: no cover
    assert "alpha" not in all_formats()


def test_a_hook_implementation_without_a_spec_is_caught() -> None:
    class Typo:
        @hookimpl
        def newsparse_register_formatz(self, registry: FormatRegistry) -> None:
            registry.add(Alpha())  # pragma: no cover - never called

    with pytest.raises(PluginError) as caught, registered(Typo(), name="typo"):
        pass  # pragma: no cover
    assert "newsparse_register_formatz" in str(caught.value)
    assert caught.value.plugin == "typo"
    assert get_host().manager.get_plugin("typo") is None
    assert "alpha" not in all_formats()


def test_a_typo_next_to_a_good_hook_still_fails_the_whole_plugin() -> None:
    class HalfTypo(AlphaPlugin):
        @hookimpl
        def newsparse_register_formatz(self, registry: FormatRegistry) -> None:
            del registry  # pragma: no cover

    with pytest.raises(PluginError, match="newsparse_register_formatz"):
        get_host().register(HalfTypo(), name="half-typo")
    assert "alpha" not in all_formats()


def test_a_failing_registration_hook_registers_nothing_and_keeps_the_cause() -> None:
    class Failing:
        @hookimpl
        def newsparse_register_formats(self, registry: FormatRegistry) -> None:
            registry.add(Alpha())
            raise KeyError("missing piece")

    with pytest.raises(PluginError) as caught:
        get_host().register(Failing(), name="failing")
    assert isinstance(caught.value.__cause__, KeyError)
    assert "KeyError" in str(caught.value)
    assert "missing piece" in str(caught.value)
    assert "alpha" not in all_formats()
    assert infos_by_name()["failing"].error is not None


def test_the_registry_accepts_only_format_instances() -> None:
    registry = FormatRegistry("some-plugin", {})
    with pytest.raises(PluginError, match="some-plugin"):
        registry.add("json")  # type: ignore[arg-type]
    with pytest.raises(PluginError, match="some-plugin"):
        registry.add(Alpha)  # type: ignore[arg-type]  # the class, not an instance
    registry.add(Alpha())
    assert list(registry.added()) == ["alpha"]


def test_a_plugin_name_can_only_be_used_once() -> None:
    with registered(AlphaPlugin(), name="alpha-plugin"):
        with pytest.raises(PluginError, match="alpha-plugin"):
            get_host().register(BetaThenAlphaPlugin(), name="alpha-plugin")
        assert "beta" not in all_formats()


def test_format_names_must_be_lower_case_words() -> None:
    with pytest.raises(ValueError, match="Bad Name"):

        class Bad(Format):  # pragma: no cover - the class statement fails
            name = "Bad Name"
            label = "Bad"


# --- entry points -----------------------------------------------------------


def add_good(dists: FakeDists, format_name: str, *, entry_point: str = "good") -> None:
    dists.add(
        dist=f"newsparse-{entry_point}",
        version="1.4.0",
        entry_point=entry_point,
        module=f"np_test_{entry_point.replace('-', '_')}",
        source=GOOD_SOURCE.format(format_name=format_name),
    )


def add_broken_import(dists: FakeDists, *, entry_point: str = "broken") -> None:
    dists.add(
        dist=f"newsparse-{entry_point}",
        version="2.0.1",
        entry_point=entry_point,
        module=f"np_test_{entry_point.replace('-', '_')}",
        source=BROKEN_IMPORT_SOURCE.format(reason="no such library"),
    )


def test_an_installed_plugin_is_loaded_with_its_version(dists: FakeDists) -> None:
    add_good(dists, "lines")
    dists.use()
    assert newsparse.parse("A\nB\n", "lines") == [Article(title="A"), Article(title="B")]
    info = infos_by_name()["good"]
    assert info.ok
    assert info.version == "1.4.0"
    assert info.distribution == "newsparse-good"
    assert info.formats == ("lines",)
    assert info.hooks == ("newsparse_register_formats",)
    assert get_host().plugin_of("lines") == "good"
    assert set(all_formats()) == BUILTIN_FORMATS | {"lines"}


def test_a_plugin_that_fails_to_import_is_reported_and_the_others_work(
    dists: FakeDists, caplog: pytest.LogCaptureFixture
) -> None:
    # "a-broken" sorts before "z-good": loading goes on after the failure.
    add_broken_import(dists, entry_point="a-broken")
    add_good(dists, "lines", entry_point="z-good")
    dists.use()
    with caplog.at_level(logging.WARNING, logger="newsparse._plugins"):
        formats = all_formats()
    assert "lines" in formats
    assert newsparse.parse("A\n", "lines") == [Article(title="A")]
    broken = infos_by_name()["a-broken"]
    assert not broken.ok
    assert broken.version == "2.0.1"
    assert broken.distribution == "newsparse-a-broken"
    assert broken.formats == ()
    assert broken.error is not None
    assert "RuntimeError" in broken.error
    assert "no such library" in broken.error
    assert infos_by_name()["z-good"].ok
    logged = [r.getMessage() for r in caplog.records if r.name == "newsparse._plugins"]
    assert any("a-broken" in text and "no such library" in text for text in logged)


def test_a_plugin_whose_hook_fails_is_reported_and_the_others_work(dists: FakeDists) -> None:
    dists.add(
        dist="newsparse-bad-hook",
        version="0.3",
        entry_point="bad-hook",
        module="np_test_bad_hook",
        source=BROKEN_REGISTER_SOURCE.format(reason="registry exploded"),
    )
    add_good(dists, "lines", entry_point="good")
    dists.use()
    assert "lines" in all_formats()
    failed = infos_by_name()["bad-hook"]
    assert not failed.ok
    assert failed.version == "0.3"
    assert failed.error is not None
    assert "KeyError" in failed.error
    assert "registry exploded" in failed.error
    assert failed.hooks == ("newsparse_register_formats",)


def test_an_installed_plugin_with_an_unknown_hook_is_reported(dists: FakeDists) -> None:
    dists.add(
        dist="newsparse-typo",
        version="1.0",
        entry_point="typo",
        module="np_test_typo",
        source=UNKNOWN_HOOK_SOURCE,
    )
    dists.use()
    failed = infos_by_name()["typo"]
    assert not failed.ok
    assert failed.error is not None
    assert "newsparse_register_formatz" in failed.error
    assert set(all_formats()) == BUILTIN_FORMATS


def test_two_installed_plugins_claiming_one_name(dists: FakeDists) -> None:
    add_good(dists, "lines", entry_point="one")
    add_good(dists, "lines", entry_point="two")
    dists.use()
    assert get_host().plugin_of("lines") == "one"
    failed = infos_by_name()["two"]
    assert not failed.ok
    assert failed.error is not None
    assert "'one'" in failed.error
    assert "'lines'" in failed.error


def test_strict_switch_turns_a_failure_into_plugin_error(dists: FakeDists) -> None:
    add_broken_import(dists, entry_point="broken")
    add_good(dists, "lines", entry_point="good")
    dists.use(strict=True)
    with pytest.raises(PluginError) as caught:
        get_host()
    assert caught.value.plugin == "broken"
    assert "no such library" in str(caught.value)
    assert isinstance(caught.value.__cause__, RuntimeError)


def test_strict_switch_with_only_good_plugins_loads_them(dists: FakeDists) -> None:
    add_good(dists, "lines")
    dists.use(strict=True)
    assert "lines" in all_formats()


def test_strict_argument_overrides_the_environment(dists: FakeDists) -> None:
    add_broken_import(dists)
    dists.use(strict=False)
    with pytest.raises(PluginError, match="broken"):
        PluginHost(strict=True)
    assert PluginHost(strict=False).plugins[-1].name == "broken"


def test_disable_autoload_loads_no_entry_points(
    dists: FakeDists, monkeypatch: pytest.MonkeyPatch
) -> None:
    add_good(dists, "lines")
    add_broken_import(dists)
    dists.use(strict=True)  # strict, yet the broken plugin is never tried
    monkeypatch.setenv("NEWSPARSE_DISABLE_PLUGIN_AUTOLOAD", "1")
    reset_host()
    assert set(all_formats()) == BUILTIN_FORMATS
    assert [info.name for info in get_host().plugins] == ["newsparse.builtin"]
    assert set(PluginHost(autoload=False).formats) == BUILTIN_FORMATS


def test_disable_autoload_set_to_zero_does_not_disable(
    dists: FakeDists, monkeypatch: pytest.MonkeyPatch
) -> None:
    add_good(dists, "lines")
    dists.use()
    monkeypatch.setenv("NEWSPARSE_DISABLE_PLUGIN_AUTOLOAD", "0")
    reset_host()
    assert "lines" in all_formats()


def test_reset_host_makes_a_new_host() -> None:
    first = get_host()
    assert get_host() is first
    reset_host()
    assert get_host() is not first


def test_entry_points_are_found_on_sys_path_without_any_help(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # No narrowing of importlib.metadata here: the plain discovery finds the
    # distribution through sys.path, as it finds one installed by pip.
    site = tmp_path / "plain-site"
    site.mkdir()
    plain = FakeDists(site, monkeypatch)
    add_good(plain, "plainlines", entry_point="np-plain-test")
    monkeypatch.syspath_prepend(str(site))
    try:
        with isolated_host(monkeypatch, autoload=True):
            assert "plainlines" in all_formats()
            assert get_host().plugin_of("plainlines") == "np-plain-test"
            assert infos_by_name()["np-plain-test"].version == "1.4.0"
    finally:
        monkeypatch.delitem(sys.modules, "np_test_np_plain_test", raising=False)


# --- hooks called through pluggy, one plugin at a time -----------------------


def test_a_registration_hook_is_called_through_pluggy_for_that_plugin_alone() -> None:
    calls: list[tuple[str, list[str]]] = []

    def before(hook: str, impls: Sequence[pluggy.HookImpl], kwargs: Mapping[str, Any]) -> None:
        del kwargs
        calls.append((hook, [impl.plugin_name for impl in impls]))

    def after(*_: object) -> None:
        pass

    undo = get_host().manager.add_hookcall_monitoring(before, after)
    try:
        with registered(AlphaPlugin(), name="alpha-plugin"):
            pass
    finally:
        undo()
    assert calls == [("newsparse_register_formats", ["alpha-plugin"])]


class UnhashablePlugin:
    __hash__ = None  # type: ignore[assignment]

    @hookimpl
    def newsparse_register_formats(self, registry: FormatRegistry) -> None:
        registry.add(Alpha())


def test_an_unhashable_plugin_is_refused_and_the_others_keep_working() -> None:
    with pytest.raises(PluginError, match="unhashable"):
        get_host().register(UnhashablePlugin(), name="unhashable")
    assert get_host().manager.get_plugin("unhashable") is None
    assert not infos_by_name()["unhashable"].ok
    with registered(AlphaPlugin(), name="alpha-plugin"):
        assert get_host().plugin_of("alpha") == "alpha-plugin"


# --- a format's own extension -------------------------------------------------


class Stamp:
    """The thing the test format lets plugins register: a named stamp."""

    def __init__(self, name: str) -> None:
        self.name = name


@attrs.frozen
class RegisteredStamp:
    stamp: Stamp
    plugin: str


class StampRegistry(Registry[Stamp, str, RegisteredStamp]):
    def entry(self, item: Stamp) -> tuple[str, RegisteredStamp]:
        if not isinstance(item, Stamp):
            raise PluginError(self.plugin, f"{item!r} is not a Stamp")
        return item.name, RegisteredStamp(item, self.plugin)

    def taken(self, key: str, by: str) -> str:
        return f"stamp {key!r} belongs to {by!r}"


class StampSpecs:
    @hookspec
    def newsparse_register_stamps(self, registry: StampRegistry) -> None:
        """Register stamps for the ``stamped`` format."""


STAMPS = Extension(
    name="stamps", hookspecs=StampSpecs, hook="newsparse_register_stamps", registry=StampRegistry
)


class Stamped(_Lines):
    """Writes each title after the stamps plugins registered."""

    name = "stamped"

    def __init__(self, stamps: Registered[str, RegisteredStamp]) -> None:
        self.stamps = stamps

    def render(self, articles: Iterable[Article], out: TextIO) -> None:
        prefix = "".join(f"[{entry.stamp.name}]" for entry in self.stamps)
        for article in articles:
            out.write(prefix + article.title + "\n")


class StampedFormatPlugin:
    @hookimpl
    def newsparse_register_formats(self, registry: FormatRegistry) -> None:
        registry.add(Stamped(registry.add_extension(STAMPS)))


class StampPlugin:
    def __init__(self, *names: str) -> None:
        self.names = names

    @hookimpl
    def newsparse_register_stamps(self, registry: StampRegistry) -> None:
        for name in self.names:
            registry.add(Stamp(name))


class FailingStampPlugin:
    @hookimpl
    def newsparse_register_stamps(self, registry: StampRegistry) -> None:
        registry.add(Stamp("half"))
        raise RuntimeError("stamp press jammed")


def test_a_format_declares_its_own_hook_and_reads_what_plugins_register() -> None:
    host = get_host()
    with registered(StampedFormatPlugin(), name="stamped-format") as format_info:
        assert format_info.extensions == {"site_parsers": (), "stamps": ()}
        assert host.manager.hook.newsparse_register_stamps.has_spec()
        with registered(StampPlugin("a", "b"), name="stamper") as info:
            assert info.hooks == ("newsparse_register_stamps",)
            assert info.formats == ()
            assert info.extensions == {"site_parsers": (), "stamps": ("a", "b")}
            assert info.to_dict()["stamps"] == ["a", "b"]
            assert [entry.plugin for entry in host.extension_entries("stamps")] == ["stamper"] * 2
            out = newsparse.render([Article(title="T")], "stamped")
            assert out == "[a][b]T\n"
        assert newsparse.render([Article(title="T")], "stamped") == "T\n"  # stamper gone


def test_a_plugin_failing_in_a_format_s_hook_is_reported_and_registers_nothing() -> None:
    host = get_host()
    with registered(StampedFormatPlugin(), name="stamped-format"):
        with pytest.raises(PluginError, match="stamp press jammed"):
            host.register(FailingStampPlugin(), name="jammed")
        assert infos_by_name()["jammed"].error == "RuntimeError: stamp press jammed"
        assert infos_by_name()["jammed"].to_dict()["stamps"] == []  # same keys as the others
        assert host.extension_entries("stamps") == ()
        with registered(StampPlugin("a"), name="stamper"):
            with pytest.raises(PluginError, match="stamp 'a' belongs to 'stamper'"):
                host.register(StampPlugin("a"), name="copycat")
            assert [entry.plugin for entry in host.extension_entries("stamps")] == ["stamper"]
        host.unregister("jammed")
        host.unregister("copycat")


def test_an_extension_is_declared_once() -> None:
    with registered(StampedFormatPlugin(), name="stamped-format"):

        class Again:
            @hookimpl
            def newsparse_register_formats(self, registry: FormatRegistry) -> None:
                registry.add_extension(STAMPS)

        with pytest.raises(PluginError, match="already declared by plugin 'stamped-format'"):
            get_host().register(Again(), name="again")
        get_host().unregister("again")


def test_the_html_format_declares_the_site_parser_hook_and_the_core_does_not() -> None:
    assert not hasattr(newsparse._hookspecs, "newsparse_register_site_parsers")
    host = get_host()
    assert host.manager.hook.newsparse_register_site_parsers.has_spec()
    assert infos_by_name()["newsparse.builtin"].extensions == {"site_parsers": ()}
