"""What a user meets first: the package namespace, help(), and immutability."""

from __future__ import annotations

import importlib
import inspect
import pydoc
import types
import typing
from datetime import datetime

import attrs
import pytest

from newsparse import Article, FrozenMap, Image, Section

PUBLIC_MODULES = ["newsparse", "newsparse.plugin", "newsparse.testing"]


@pytest.mark.parametrize("module_name", PUBLIC_MODULES)
def test_the_namespace_holds_only_the_public_names_and_submodules(module_name: str) -> None:
    module = importlib.import_module(module_name)
    public = {name for name in dir(module) if not name.startswith("_")}
    modules = {name for name in public if isinstance(getattr(module, name), types.ModuleType)}
    leaked = sorted(public - modules - set(module.__all__))
    assert not leaked, f"names in {module_name} that are not in __all__: {leaked}"
    assert "version" not in public
    assert "PackageNotFoundError" not in public


def _published_classes() -> list[type]:
    classes = []
    for module_name in PUBLIC_MODULES:
        module = importlib.import_module(module_name)
        for name in module.__all__:
            value = getattr(module, name)
            if isinstance(value, type) and value.__module__ == module_name:
                classes.append(value)
    return classes


@pytest.mark.parametrize("cls", _published_classes(), ids=lambda cls: cls.__qualname__)
def test_type_hints_of_public_classes_resolve_under_their_public_module(cls: type) -> None:
    # A published class reports its public module; the names its annotations
    # use (datetime, Mapping, ...) live in the private module that defines it.
    hints = typing.get_type_hints(cls)
    assert set(inspect.get_annotations(cls)) <= set(hints)


def test_article_dates_are_typed_as_datetimes() -> None:
    hints = typing.get_type_hints(Article)
    assert hints["published"] == datetime | None
    assert hints["title"] is str


@pytest.mark.parametrize("cls", [Article, Section, Image])
def test_help_shows_what_each_field_means(cls: type) -> None:
    page = pydoc.render_doc(cls, renderer=pydoc.TextDoc())
    for field in attrs.fields(cls):
        # "name: explanation" in the class's help text, for every field.
        line = next((line for line in page.splitlines() if f" {field.name}: " in line), None)
        assert line is not None, f"help({cls.__name__}) does not explain {field.name}"
        assert len(line.split(f"{field.name}: ", 1)[1].strip()) > 10, line


def test_help_of_article_names_meta_keys_namespacing() -> None:
    page = pydoc.render_doc(Article, renderer=pydoc.TextDoc())
    assert "namespaced by the format" in page


MUTATIONS = [
    lambda m: m.__setitem__("k", "v"),
    lambda m: m.__delitem__("a"),
    lambda m: m.update({"k": "v"}),
    lambda m: m.setdefault("k", "v"),
    lambda m: m.pop("a"),
    lambda m: m.popitem(),
    lambda m: m.clear(),
    lambda m: setattr(m, "_items", {}),
    lambda m: setattr(m, "anything", 1),
    lambda m: delattr(m, "_items"),
]


@pytest.mark.parametrize("mutate", MUTATIONS)
def test_frozen_map_refuses_every_change_with_type_error(mutate: object) -> None:
    meta = FrozenMap({"a": "b"})
    before = hash(meta)
    with pytest.raises(TypeError):
        mutate(meta)  # type: ignore[operator]
    assert meta == {"a": "b"}
    assert hash(meta) == before


def test_frozen_map_in_place_union_is_refused() -> None:
    meta = FrozenMap({"a": "b"})
    alias = meta
    with pytest.raises(TypeError):
        alias |= {"k": "v"}
    assert meta == {"a": "b"}


def test_frozen_map_behaves_like_mapping_proxy_for_item_assignment() -> None:
    proxy = types.MappingProxyType({"a": "b"})
    meta = FrozenMap({"a": "b"})
    for target in (proxy, meta):
        with pytest.raises(TypeError):
            target["a"] = "c"  # type: ignore[index]
