"""Lossless conversion between articles, plain data and JSON.

The conversion is done by one :mod:`cattrs` converter (:data:`converter`), so
the JSON document follows the model field by field with no hand-written
mapping.  The document shape is fixed by the JSON Schema shipped in the package
(:func:`json_schema`):

* every field of the model is present, ``null`` when unset;
* sequences are arrays, ``meta`` is an object of strings;
* datetimes are ISO 8601 / RFC 3339 strings with their UTC offset, such as
  ``"2020-11-24T09:30:00+03:30"``.

Reading is strict: an unknown key, a value of the wrong type or a duplicated
key is an error, never silently dropped or coerced.  Missing optional keys take
their defaults, so hand-written documents can be short.

>>> from newsparse import Article
>>> from newsparse._jsonio import from_json, to_json
>>> article = Article(title="Rain", authors=["A. Writer"])
>>> from_json(to_json(article)) == article
True
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from datetime import datetime
from functools import cache
from importlib.resources import files
from typing import Any, get_origin

import attrs
import cattrs
from cattrs.errors import ClassValidationError, IterableValidationError, IterableValidationNote

from newsparse._errors import NO_VALUE, ParseError, ValidationError
from newsparse._frozenmap import FrozenMap
from newsparse._jsonblocks import register_block_hooks
from newsparse._model import Article

__all__ = [
    "DuplicateKeyError",
    "converter",
    "depth_message",
    "from_dict",
    "from_json",
    "json_schema",
    "loads",
    "nested_deeper",
    "strict_decoder",
    "to_dict",
    "to_json",
]

converter = cattrs.Converter(forbid_extra_keys=True, detailed_validation=True)
"""The :class:`cattrs.Converter` behind every JSON conversion in newsparse.

Formats that map articles to other plain-data shapes can reuse it.
"""


def _structure_str(value: object, _: type) -> str:
    if not isinstance(value, str):
        raise TypeError(f"expected a string, got {_json_type(value)}")
    return value


def _structure_datetime(value: object, _: type) -> datetime:
    if not isinstance(value, str):
        raise TypeError(f"expected an ISO 8601 date-time string, got {_json_type(value)}")
    text = value
    if sys.version_info < (3, 11) and text.endswith(("Z", "z")):  # pragma: no cover
        text = text[:-1] + "+00:00"
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        raise ValueError(f"not an ISO 8601 date-time: {value!r}") from None


def _is_tuple(cls: Any) -> bool:
    return get_origin(cls) is tuple


def _structure_array(value: object, cls: Any) -> tuple[Any, ...]:
    # cattrs would iterate any iterable, turning "abc" into ("a", "b", "c").
    if not isinstance(value, list):
        raise TypeError(f"expected an array, got {_json_type(value)}")
    (item_type, _ellipsis) = cls.__args__
    items: list[Any] = []
    errors: list[Exception] = []
    for index, item in enumerate(value):
        try:
            items.append(_structure_item(item, item_type))
        except Exception as error:
            error.__notes__ = [  # type: ignore[attr-defined]
                *getattr(error, "__notes__", []),
                IterableValidationNote(f"Structuring item {index}", index, item_type),
            ]
            errors.append(error)
    if errors:
        raise IterableValidationError(f"While structuring {cls}", errors, cls)
    return tuple(items)


def _structure_item(item: object, item_type: Any) -> Any:
    if attrs.has(item_type) and not isinstance(item, dict):
        raise TypeError(f"expected an object, got {_json_type(item)}")
    return converter.structure(item, item_type)


def _is_frozen_map(cls: Any) -> bool:
    return cls is FrozenMap or get_origin(cls) is FrozenMap


def _structure_meta(value: object, _: type) -> FrozenMap[str, str]:
    if not isinstance(value, dict):
        raise TypeError(f"expected an object of strings, got {_json_type(value)}")
    return FrozenMap(value)


converter.register_structure_hook(str, _structure_str)
converter.register_structure_hook(datetime, _structure_datetime)
converter.register_unstructure_hook(datetime, datetime.isoformat)
converter.register_structure_hook_func(_is_frozen_map, _structure_meta)
converter.register_structure_hook_func(_is_tuple, _structure_array)
converter.register_unstructure_hook_func(_is_frozen_map, FrozenMap.to_dict)
# Arrays, not tuples, so that the plain data is exactly what JSON holds.
converter.register_unstructure_hook_func(
    _is_tuple, lambda value: [converter.unstructure(v) for v in value]
)
register_block_hooks(converter)


def to_dict(article: Article) -> dict[str, Any]:
    """Return ``article`` as plain data: dicts, lists, strings and ``None``.

    The result is what :func:`to_json` serialises, and :func:`from_dict` turns
    it back into an equal article.
    """
    result: dict[str, Any] = converter.unstructure(article)
    return result


def from_dict(data: object) -> Article:
    """Build an :class:`~newsparse.Article` from plain data, as :func:`to_dict` makes it.

    Raises:
        ValidationError: the data does not describe a valid article.  Its
            ``field`` is a JSON path such as ``"$.body[0].paragraphs[2]"``.
    """
    if not isinstance(data, dict):
        raise ValidationError("$", data, f"an article must be an object, not {_json_type(data)}")
    try:
        return converter.structure(data, Article)
    except ValidationError as error:  # raised by the model itself, at the top level
        raise ValidationError(_join("$", error.field), error.value, error.reason) from None
    except (ClassValidationError, IterableValidationError) as group:
        problems = list(_leaf_errors(group, "$"))
        path, leaf = problems[0]
        if isinstance(leaf, ValidationError):
            path, value, reason = _join(path, leaf.field), leaf.value, leaf.reason
            if len(problems) > 1:
                reason += f" (and {len(problems) - 1} more problem(s))"
            raise ValidationError(path, value, reason) from group
        reason = _describe(leaf)
        if len(problems) > 1:
            reason += f" (and {len(problems) - 1} more problem(s))"
        raise ValidationError(path, NO_VALUE, reason) from group


def to_json(article: Article, *, indent: int | None = None) -> str:
    """Return ``article`` as a JSON document (UTF-8 text, non-ASCII kept as is)."""
    return json.dumps(to_dict(article), ensure_ascii=False, indent=indent)


def from_json(text: str, *, source: str = "<string>") -> Article:
    """Parse one article from a JSON document made by :func:`to_json`.

    Raises:
        ParseError: the text is not JSON, or not a valid article; the error
            names ``source`` and the line and column.
    """
    data = loads(text, source=source, format="json")
    try:
        return from_dict(data)
    except ValidationError as error:
        raise ParseError(str(error), format="json", source=source) from error


def loads(
    text: str,
    *,
    source: str,
    format: str,
    line: int = 1,
    column: int = 1,
    max_depth: int | None = None,
) -> object:
    """Decode JSON ``text`` strictly, raising :class:`~newsparse.ParseError`.

    Duplicate keys are an error (JSON parsers differ on which one wins, so
    keeping either would lose data silently), and so are arrays and objects
    nested more than ``max_depth`` deep.  ``line`` and ``column`` say where
    ``text`` starts in the whole input, so positions in errors are absolute.
    """
    try:
        data = strict_decoder.decode(text)
    except json.JSONDecodeError as error:
        err_column = error.colno + (column - 1 if error.lineno == 1 else 0)
        raise ParseError(
            f"invalid JSON: {error.msg}",
            format=format,
            source=source,
            line=line + error.lineno - 1,
            column=err_column,
            excerpt=text[max(0, error.pos - 20) : error.pos + 20],
        ) from None
    except DuplicateKeyError as error:
        raise ParseError(
            str(error), format=format, source=source, line=line, column=column
        ) from None
    except RecursionError:
        raise ParseError(
            depth_message(None), format=format, source=source, line=line, column=column
        ) from None
    if nested_deeper(text, data, max_depth):
        raise ParseError(
            depth_message(max_depth), format=format, source=source, line=line, column=column
        )
    return data


def depth_message(max_depth: int | None) -> str:
    """Return the message for JSON nested beyond ``max_depth`` (or Python's own limit)."""
    if max_depth is None:
        return "JSON nested too deeply"
    return f"JSON nested more than {max_depth} deep (max_depth)"


def nested_deeper(text: str, data: object, max_depth: int | None) -> bool:
    """Whether ``data``, decoded from ``text``, nests arrays and objects past ``max_depth``.

    A value nests no deeper than the number of ``[`` and ``{`` in its text, so
    the values are only walked when the text holds more than ``max_depth``.
    """
    if max_depth is None or text.count("[") + text.count("{") <= max_depth:
        return False
    level = [data] if isinstance(data, (dict, list)) else []
    depth = 0
    while level:
        depth += 1
        if depth > max_depth:
            return True
        level = [
            child
            for value in level
            for child in (value.values() if isinstance(value, dict) else value)
            if isinstance(child, (dict, list))
        ]
    return False


@cache
def json_schema() -> dict[str, Any]:
    """Return the JSON Schema (draft 2020-12) of one article document.

    The schema ships in the package as ``newsparse/schemas/article.schema.json``.
    """
    text = files("newsparse").joinpath("schemas/article.schema.json").read_text("utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


class DuplicateKeyError(ValueError):
    """A JSON object holds the same key twice (raised by :data:`strict_decoder`)."""


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise DuplicateKeyError(f"duplicate key {key!r} in a JSON object")
        result[key] = value
    return result


strict_decoder = json.JSONDecoder(object_pairs_hook=_unique_keys)
"""A :class:`json.JSONDecoder` that raises :class:`DuplicateKeyError` on a repeated key."""


def _leaf_errors(error: BaseException, path: str) -> Iterator[tuple[str, BaseException]]:
    if isinstance(error, ClassValidationError):
        with_notes, others = error.group_exceptions()
        for inner, attribute in with_notes:
            yield from _leaf_errors(inner, f"{path}.{attribute.name}")
        for inner in others:
            yield from _leaf_errors(inner, path)
    elif isinstance(error, IterableValidationError):
        with_index, others = error.group_exceptions()
        for inner, item in with_index:
            yield from _leaf_errors(inner, f"{path}[{item.index}]")
        for inner in others:
            yield from _leaf_errors(inner, path)
    elif isinstance(error, cattrs.ForbiddenExtraKeysError):
        yield path, KeyError(f"unknown key(s): {', '.join(sorted(error.extra_fields))}")
    else:
        yield path, error


def _join(path: str, field: str) -> str:
    # A model error names "Section.paragraphs[2]": keep the part after the class.
    _, dot, rest = field.partition(".")
    return f"{path}.{rest}" if dot else path


def _describe(error: BaseException) -> str:
    if isinstance(error, KeyError) and error.args:
        text = str(error.args[0])
        return text if " " in text else f"required key {text!r} is missing"
    return str(error)


def _json_type(value: object) -> str:
    names = {dict: "an object", list: "an array", str: "a string", bool: "a boolean"}
    if value is None:
        return "null"
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return "a number"
    return names.get(type(value), type(value).__name__)
