"""The formats that ship with newsparse: ``json``, ``jsonl``, ``text`` and ``markdown``.

They are registered by ``newsparse._formats.builtin`` through the same hook
as any plugin's formats.
"""
