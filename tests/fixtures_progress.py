"""Reading the progress bar that ``newsparse convert`` draws on stderr.

The bar is tqdm's.  Each drawing starts with a carriage return, and a message
printed while the bar is shown clears it first, so the text on stderr is
split at carriage returns and newlines into drawings and messages.
"""

from __future__ import annotations

import re

import attrs

__all__ = ["State", "read_stderr"]

_STATE = re.compile(
    r"converting:\s+(?:(?P<percent>\d+)%\|.*?\| )?(?P<done>\S+?)(?:/(?P<total>\S+))? \["
    r".*, inputs (?P<finished>\d+)/(?P<inputs>\d+), articles (?P<articles>\d+)\]"
)


@attrs.frozen
class State:
    """One drawing of the bar."""

    percent: int | None
    done: str
    total: str | None
    finished: int
    inputs: int
    articles: int


def read_stderr(text: str) -> tuple[list[State], list[str]]:
    """Split stderr into the bar's drawings and the other lines (messages)."""
    states: list[State] = []
    messages: list[str] = []
    for line in text.split("\n"):
        for piece in line.split("\r"):
            if not piece.strip():
                continue
            found = _STATE.fullmatch(piece.strip())
            if found is None:
                messages.append(piece)
                continue
            percent = found["percent"]
            states.append(
                State(
                    percent=int(percent) if percent is not None else None,
                    done=found["done"],
                    total=found["total"],
                    finished=int(found["finished"]),
                    inputs=int(found["inputs"]),
                    articles=int(found["articles"]),
                )
            )
    return states, messages
