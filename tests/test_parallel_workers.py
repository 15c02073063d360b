"""How ``--jobs`` starts its workers (newsparse._parallel, _worker).

A forked worker freezes the objects it inherits out of the garbage
collector's reach (``gc.freeze``): its collections then never write to their
pages, which stay shared with the main process instead of being copied.  And
a pool that cannot start a worker is an error of its own, not the fault of
the format whose byte ranges were being handed out.
"""

from __future__ import annotations

import gc
import multiprocessing
import threading
from collections.abc import Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path
from typing import Any

import pytest

import newsparse._parallel as parallel
from newsparse import hookimpl
from newsparse._format import Format, ParseItem
from newsparse._model import Article
from newsparse._parallel import iter_parse_inputs
from newsparse._plugins import registered
from newsparse._registry import FormatRegistry
from newsparse._textio import TextStream


class FrozenCountFormat(Format):
    """One article per input, titled with the number of objects the parsing process froze."""

    name = "frozen-count"
    label = "Frozen count"

    def parse(self, stream: TextStream, source: str) -> Iterator[ParseItem]:
        stream.read()
        yield Article(title=str(gc.get_freeze_count()))


class FrozenCountPlugin:
    @hookimpl
    def newsparse_register_formats(self, registry: FormatRegistry) -> None:
        registry.add(FrozenCountFormat())


@pytest.mark.skipif(
    "fork" not in multiprocessing.get_all_start_methods(), reason="this platform cannot fork"
)
def test_forked_workers_freeze_what_they_inherit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(threading, "active_count", lambda: 1)  # fork
    paths = []
    for number in range(4):
        path = tmp_path / f"{number}.txt"
        path.write_text("anything\n", encoding="utf-8")
        paths.append(str(path))
    assert gc.get_freeze_count() == 0  # this process freezes nothing
    with registered(FrozenCountPlugin(), name="frozen-count"):
        found = [
            item
            for _index, item in iter_parse_inputs(paths, "frozen-count", jobs=2)
            if isinstance(item, Article)
        ]
    assert len(found) == 4
    # newsparse and its plugins alone are tens of thousands of objects.
    assert all(int(article.title) > 10_000 for article in found), found
    assert gc.get_freeze_count() == 0


class _RefusingPool(ProcessPoolExecutor):
    """A pool that cannot start a task (as when a worker cannot be started)."""

    def submit(self, fn: Any, /, *args: Any, **kwargs: Any) -> Future[Any]:
        raise RuntimeError("no worker can start")


def test_a_pool_that_cannot_start_is_no_fault_of_the_format(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(parallel, "CHUNK_CHARS", 2_000)
    path = tmp_path / "big.jsonl"
    path.write_text('{"title": "A"}\n' * 1_000, encoding="utf-8")  # cut into byte ranges
    monkeypatch.setattr(parallel, "ProcessPoolExecutor", _RefusingPool)
    with pytest.raises(RuntimeError, match="no worker can start"):
        list(iter_parse_inputs([str(path)], "jsonl", jobs=2))
