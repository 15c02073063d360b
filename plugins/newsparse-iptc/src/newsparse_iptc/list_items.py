"""A list item's content cut at its nested lists, for the NITF and XHTML list readers.

A model :class:`~newsparse.ListItem` holds text, then one nested list.  An
``li`` may hold more: text after its nested list, or several nested lists.
:func:`item_parts` cuts an ``li`` at each nested list, so that nothing is
lost and the order is kept: each part is read as one item, the first as the
``li`` itself, every later one as an item that follows it.  So
``<li>A<ul>..</ul>B</li>`` reads as the item "A" with its sublist, then the
item "B"; ``<li>A<ul>..</ul><ol>..</ol></li>`` as "A" with the bulleted
sublist, then an item holding only the numbered one.
"""

from __future__ import annotations

import copy
from collections.abc import Callable

from lxml import etree

__all__ = ["item_parts"]


def item_parts(
    li: etree._Element, is_list: Callable[[etree._Element], bool]
) -> list[tuple[etree._Element, etree._Element | None]]:
    """Return ``li`` cut at its child lists: ``(text part, nested list or None)`` pairs.

    Each text part is an element like ``li`` holding the content before its
    nested list (after the previous one); the last pair's list is ``None``
    and its part holds what follows the last nested list.  An ``li`` without
    a child list is returned whole, uncopied: ``[(li, None)]``.
    """
    if not any(is_list(child) for child in li):
        return [(li, None)]
    parts: list[tuple[etree._Element, etree._Element | None]] = []
    part = etree.Element(li.tag)
    part.text = li.text
    for child in li:
        if is_list(child):
            parts.append((part, child))
            part = etree.Element(li.tag)
            part.text = child.tail
        else:
            part.append(copy.deepcopy(child))  # the copy keeps the child's tail
    parts.append((part, None))
    return parts
