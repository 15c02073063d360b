"""The ``newsml1`` format: NewsML 1.x documents, as news agencies send them (read only)."""

from __future__ import annotations

__all__: list[str] = []
