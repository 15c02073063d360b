"""One sample per field of the model: what the per-field conformance check sends.

Guarantee 4 says that a format keeps every value or refuses it.  Random
articles find a silent drop only by chance: a format that refuses most
fields refuses nearly every generated article for one of those, and never
shows that it loses another.  So the conformance kit also sends, for every
field of :class:`~newsparse.Article` and of the :class:`~newsparse.Section`
and :class:`~newsparse.Image` inside it, articles that set just that field
to a few typical values (:func:`~newsparse.testing.field_samples`), and checks each one
(``test_each_field_is_kept_or_refused``).

The fields are read from the model with ``attrs.fields``, so a field added
to the model is covered at once: it gets a value made from its type when no
hand-picked one is listed here, and when its type is one this module does
not know, its sample carries a :attr:`~newsparse.testing.FieldSample.problem` that fails the
check, naming the field.
"""

from __future__ import annotations

import typing
from collections.abc import Callable, Mapping, Sequence
from datetime import datetime, timedelta, timezone
from functools import cache, partial
from types import NoneType, UnionType
from typing import Any

import attrs

from newsparse._errors import ValidationError
from newsparse._model import Article, Image, Section
from newsparse.testing._blockstrategies import typical_blocks

__all__ = ["FieldSample", "field_samples", "with_sample"]

_ARABIAN = timezone(timedelta(hours=3))
_INDIA = timezone(timedelta(hours=5, minutes=30))
_NEWFOUNDLAND = timezone(-timedelta(hours=3, minutes=30))

_MOMENTS: tuple[tuple[str, object], ...] = (
    ("utc", datetime(2025, 4, 29, 6, 30, tzinfo=timezone.utc)),
    ("offset", datetime(2025, 4, 29, 9, 30, tzinfo=_ARABIAN)),
    ("offset-seconds", datetime(2025, 4, 29, 12, 0, 15, tzinfo=_INDIA)),
    ("negative-offset-microseconds", datetime(2025, 4, 29, 3, 0, 15, 123456, tzinfo=_NEWFOUNDLAND)),
)

#: Hand-picked values of the article's own fields, by field name.
_ARTICLE_VALUES: dict[str, tuple[tuple[str, object], ...]] = {
    "title": (
        ("plain", "Rain returns to Riyadh"),
        ("arabic", "الأمطار تعود إلى الرياض"),
        ("markup-characters", 'Q&A: why "<b>" & *stars* [matter] #1'),
    ),
    "body": (
        (
            "two-sections",
            (
                Section(paragraphs=["Light rain fell on Monday."]),
                Section(heading="Forecast", paragraphs=["Showers until Thursday."]),
            ),
        ),
    ),
    "images": (
        (
            "two-images",
            (
                Image(url="https://example.com/images/rain.jpg", caption="Rain in Riyadh."),
                Image(url="https://example.com/images/sky.jpg", credit="AFP"),
            ),
        ),
    ),
    "authors": (("one", ("A. Writer",)), ("two", ("A. Writer", "B. Reporter"))),
    "published": _MOMENTS,
    "modified": _MOMENTS,
    "url": (
        ("plain", "https://example.com/news/2025/04/rain"),
        ("query", "https://example.com/news?id=7&lang=en"),
    ),
    "publisher": (("plain", "Asharq Al-Awsat"),),
    "language": (("en", "en"), ("region", "pt-BR")),
    "topics": (("one", ("Weather",)), ("two", ("Weather", "Saudi Arabia"))),
    "summary": (
        ("one-line", "Light rain fell across Riyadh on Monday."),
        ("two-lines", "Light rain fell on Monday.\nShowers are expected until Thursday."),
    ),
    "meta": (("one-key", {"kit.note": "a value"}), ("empty-value", {"kit.empty": ""})),
}

#: Hand-picked values of the fields of an image, by field name.
_IMAGE_VALUES: dict[str, object] = {
    "url": "https://example.com/images/rain.jpg",
    "alt": "Clouds over Riyadh",
    "caption": "Rain clouds gathered over Riyadh on Monday.",
    "credit": "AFP",
}

#: Hand-picked sections, each setting the section field named first.
_SECTION_VALUES: tuple[tuple[str, str, dict[str, object]], ...] = (
    ("heading", "alone", {"heading": "Background"}),
    ("heading", "with-paragraph", {"heading": "Background", "paragraphs": ["It rained."]}),
    ("paragraphs", "one", {"paragraphs": ["It rained."]}),
    ("paragraphs", "two", {"paragraphs": ["It rained.", "A lot."]}),
    ("paragraphs", "two-lines", {"paragraphs": ["It rained\nall day."]}),
)


@attrs.frozen
class FieldSample:
    """An article change that sets one field of the model to one typical value."""

    id: str
    """The pytest id of the sample, such as ``"published-utc"`` or ``"Image.credit-alone"``."""

    field: str
    """The field as failures name it: ``"published"``, ``"images[0].credit"``..."""

    changes: Mapping[str, object] = attrs.field(factory=dict)
    """The :class:`~newsparse.Article` arguments to set (``meta`` is added to)."""

    problem: str | None = None
    """Why the kit has no value for this field, or ``None`` when it has one."""

    def __str__(self) -> str:
        return self.id


def with_sample(article: Article, sample: FieldSample) -> Article:
    """Return ``article`` with the field of ``sample`` set to its value.

    The sample's ``meta`` keys are added to the article's own (a format may
    need one of those, such as ``tt.number``); every other field is replaced.
    """
    changes: dict[str, Any] = dict(sample.changes)
    meta = changes.get("meta")
    if isinstance(meta, Mapping):
        changes["meta"] = {**article.meta, **meta}
    return attrs.evolve(article, **changes)


def _value_of_type(hint: object) -> object:
    """Return a typical valid value of a field of type ``hint``, or ``None`` if unknown."""
    parts = set(typing.get_args(hint)) - {NoneType} if isinstance(hint, UnionType) else {hint}
    if len(parts) != 1:
        return None
    [kind] = parts
    origin = typing.get_origin(kind) or kind
    if kind is str:
        return "Sample text"
    if kind is datetime:
        return datetime(2025, 4, 29, 9, 30, tzinfo=_ARABIAN)
    if origin is tuple and typing.get_args(kind) == (str, ...):
        return ("Sample text",)
    if isinstance(origin, type) and issubclass(origin, Mapping):
        return {"kit.sample": "a value"}
    return None


def _sample(
    sample_id: str, field: str, name: str, make: Callable[[], object] | None
) -> FieldSample:
    """Return the sample that sets ``name`` to ``make()``, or one that says why it cannot.

    ``make`` is ``None`` when the kit knows no value for the field.
    """
    if make is None:
        problem = "the kit has no value for it: add one to newsparse.testing._fields"
        return FieldSample(sample_id, field, problem=problem)
    try:
        value = make()
    except ValidationError as error:
        return FieldSample(sample_id, field, problem=f"the kit's value is invalid: {error}")
    return FieldSample(sample_id, field, {name: value})


def _known(owner: type, name: str, listed: Mapping[str, object]) -> object:
    """Return the hand-picked value of field ``name`` of ``owner``, or one made from its type."""
    if name in listed:
        return listed[name]
    return _value_of_type(typing.get_type_hints(owner)[name])


def _image_samples() -> list[FieldSample]:
    samples = []
    for field in attrs.fields(Image):
        name = field.name
        value = _known(Image, name, _IMAGE_VALUES)
        kinds = [("alone", {name: value})]
        if name != "url":
            kinds.append(("with-url", {"url": _IMAGE_VALUES["url"], name: value}))
        for label, arguments in kinds:
            make = None if value is None else partial(_one_image, arguments)
            samples.append(_sample(f"Image.{name}-{label}", f"images[0].{name}", "images", make))
    return samples


def _one_image(arguments: dict[str, Any]) -> tuple[Image]:
    return (Image(**arguments),)


def _one_section(arguments: dict[str, Any]) -> tuple[Section]:
    return (Section(**arguments),)


def _section_samples() -> list[FieldSample]:
    # One section holding one block of each kind, and one paragraph with each
    # mark: a format must keep each one or refuse it, whatever it declares.
    rows = list(_SECTION_VALUES) + [
        ("blocks", kind, {"blocks": [block]}) for kind, block in typical_blocks().items()
    ]
    listed = {name for name, _, _ in rows}
    for field in attrs.fields(Section):
        if field.name not in listed:
            value = _known(Section, field.name, {})
            rows.append((field.name, "alone", {field.name: value, "paragraphs": ["It rained."]}))
    return [
        _sample(
            f"Section.{name}-{label}",
            f"body[0].{name}",
            "body",
            None if None in arguments.values() else partial(_one_section, arguments),
        )
        for name, label, arguments in rows
    ]


def _constant(value: object) -> object:
    return value


@cache
def field_samples() -> Sequence[FieldSample]:
    """Return the samples of every field of the model, in the model's order.

    Each field of :class:`~newsparse.Article` has its hand-picked values (or
    one made from its type), and ``body`` and ``images`` have in addition
    one sample per field of :class:`~newsparse.Section` and
    :class:`~newsparse.Image` (an image field alone, and beside a url).
    """
    samples: list[FieldSample] = []
    for field in attrs.fields(Article):
        name = field.name
        if name == "body":
            samples += _section_samples()
        elif name == "images":
            samples += _image_samples()
        values = _ARTICLE_VALUES.get(name) or (("typical", _known(Article, name, {})),)
        for label, value in values:
            make = None if value is None else partial(_constant, value)
            samples.append(_sample(f"{name}-{label}", name, name, make))
    return tuple(samples)
