"""Where the shared sample files are: ``../shared`` beside the repository (read only).

Tests that need them skip, saying where they looked, when they are not there.
"""

from __future__ import annotations

from pathlib import Path

REPO = Path(__file__).resolve().parents[3]
SHARED = REPO.parent / "shared"
CORPORA = SHARED / "corpora"
WIRE = CORPORA / "wire"
EXAMPLES = [REPO / "examples", SHARED / "examples"]
