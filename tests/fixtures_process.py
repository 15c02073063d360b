"""Running ``python -m newsparse convert`` as a real process, for the CLI tests.

The process gets real standard streams (a pipe, a file the test opened) and
imports newsparse from this checkout's ``src``, whatever is installed.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import IO

SRC = Path(__file__).resolve().parents[1] / "src"


def convert_process(
    folder: Path,
    *args: str,
    stdin: bytes = b"",
    stdout: int | IO[str] | IO[bytes] = subprocess.PIPE,
    timeout: float = 300,
) -> subprocess.CompletedProcess[bytes]:
    """Run ``newsparse convert ARGS`` in ``folder``; stdout to ``stdout``, stderr captured."""
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(SRC), os.environ.get("PYTHONPATH", "")]),
    }
    return subprocess.run(
        [sys.executable, "-m", "newsparse", "convert", *args],
        cwd=folder,
        env=env,
        input=stdin,
        stdout=stdout,
        stderr=subprocess.PIPE,
        timeout=timeout,
        check=False,
    )
