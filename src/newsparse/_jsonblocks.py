"""How sections and their blocks look in JSON (hooks for the JSON converter).

* A section whose blocks are all paragraphs without marks is written as
  ``{"heading": ..., "paragraphs": ["...", ...]}``: the shape of every
  section before blocks existed, so most documents stay as they were and
  older readers still read them.
* Any other section is ``{"heading": ..., "blocks": [...]}``; each block is an
  object whose ``"type"`` is its kind (``"paragraph"``, ``"table"``...),
  followed by every field of the block class.
* Reading accepts either shape (never both in one section).  Types are
  strict: a number is never a boolean, a string never a number.
"""

from __future__ import annotations

from typing import Any

import attrs
import cattrs
from cattrs.gen import make_dict_structure_fn

from newsparse._blocks import (
    Block,
    Embed,
    Figure,
    ListBlock,
    LiveEntry,
    Paragraph,
    Preformatted,
    Quote,
    Table,
)
from newsparse._model import Section

__all__ = ["BLOCK_CLASSES", "register_block_hooks"]

BLOCK_CLASSES: dict[str, type[Block]] = {
    cls.kind: cls
    for cls in (Paragraph, ListBlock, Table, Quote, Preformatted, Embed, Figure, LiveEntry)
}
"""The block class of each ``"type"`` in JSON."""


@attrs.frozen(kw_only=True)
class _SectionDocument:
    """A section as JSON holds it, read field by field before the model checks it."""

    heading: str | None = None
    paragraphs: tuple[str, ...] = ()
    blocks: tuple[Block, ...] = ()


attrs.resolve_types(_SectionDocument)


def register_block_hooks(converter: cattrs.Converter) -> None:
    """Teach ``converter`` the JSON shape of sections and blocks."""

    def unstructure_section(section: Section) -> dict[str, Any]:
        blocks = section.blocks
        if all(type(block) is Paragraph and not block.marks for block in blocks):
            return {"heading": section.heading, "paragraphs": [b.text for b in blocks]}  # type: ignore[attr-defined]
        return {"heading": section.heading, "blocks": [unstructure_block(b) for b in blocks]}

    def unstructure_block(block: Block) -> dict[str, Any]:
        data: dict[str, Any] = {"type": block.kind}
        for field in attrs.fields(type(block)):  # type: ignore[arg-type]
            data[field.name] = converter.unstructure(getattr(block, field.name))
        return data

    def structure_section(value: object, _: type) -> Section:
        if not isinstance(value, dict):
            raise TypeError(f"expected an object, got {type(value).__name__}")
        document = converter.structure(value, _SectionDocument)
        return Section(
            heading=document.heading, paragraphs=document.paragraphs, blocks=document.blocks
        )

    def structure_block(value: object, _: type) -> Block:
        if not isinstance(value, dict):
            raise TypeError("expected an object (a block)")
        if "type" not in value:
            raise KeyError("required key 'type' is missing")
        kind = value["type"]
        cls = BLOCK_CLASSES.get(kind) if isinstance(kind, str) else None
        if cls is None:
            raise ValueError(f"unknown block type {kind!r} (one of: {', '.join(BLOCK_CLASSES)})")
        return structure_typed_block(value, cls)

    structure_fields: dict[type[Block], Any] = {}

    def structure_typed_block(value: object, cls: type[Block]) -> Block:
        # Every block object carries its "type", also where the field's own
        # type says which block it is (a list item's sublist, a quote's paragraphs).
        if not isinstance(value, dict):
            raise TypeError(f"expected an object (a {cls.kind} block)")
        if value.get("type", cls.kind) != cls.kind:
            raise ValueError(f"expected a block of type {cls.kind!r}, got {value['type']!r}")
        if cls not in structure_fields:
            structure_fields[cls] = make_dict_structure_fn(
                cls, converter, _cattrs_forbid_extra_keys=True
            )
        fields = {key: item for key, item in value.items() if key != "type"}
        block: Block = structure_fields[cls](fields, cls)
        return block

    def structure_int(value: object, _: type) -> int:
        if type(value) is not int:
            raise TypeError(f"expected an integer, got {value!r}")
        return value

    def structure_bool(value: object, _: type) -> bool:
        if type(value) is not bool:
            raise TypeError(f"expected true or false, got {value!r}")
        return value

    converter.register_unstructure_hook(Section, unstructure_section)
    converter.register_structure_hook(Section, structure_section)
    converter.register_unstructure_hook_func(_is_block_class, unstructure_block)
    converter.register_structure_hook_func(_is_block_class, structure_typed_block)
    converter.register_structure_hook_func(_is_block_base, structure_block)
    converter.register_structure_hook(int, structure_int)
    converter.register_structure_hook(bool, structure_bool)


def _is_block_base(cls: Any) -> bool:
    return cls is Block


def _is_block_class(cls: Any) -> bool:
    return isinstance(cls, type) and issubclass(cls, Block) and cls is not Block
