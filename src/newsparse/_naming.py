"""Giving public classes the name of the module users import them from."""

from __future__ import annotations

import inspect
import typing

import attrs

__all__ = ["DEFINED_IN", "publish"]

DEFINED_IN = "__newsparse_defined_in__"
"""The attribute that keeps the module a published class was defined in (the
documentation build reads the source there)."""


def publish(module: str, *classes: type) -> None:
    """Make each class report ``module`` as its home, in tracebacks, reprs, pickles and docs.

    Annotations are resolved first, in the module that defines them, and
    stored resolved: ``typing.get_type_hints`` and cattrs look names up in the
    class's ``__module__``, which from now on is the public one, where a name
    such as ``datetime`` is not defined.
    """
    for cls in classes:
        own = inspect.get_annotations(cls)
        if own:
            hints = typing.get_type_hints(cls)
            cls.__annotations__ = {name: hints[name] for name in own}
        if attrs.has(cls):
            attrs.resolve_types(cls)
        setattr(cls, DEFINED_IN, cls.__module__)
        cls.__module__ = module
