"""Parsing is thread-safe and works across processes.

The same inputs are parsed serially, in a thread pool and in a process pool;
all three must give equal articles (and equal errors).  Articles, and the
errors, cross process boundaries by pickling, so the process pool also proves
that they pickle.

The inputs are the repository's examples, pages rendered by the ``html``
format, and, when the shared corpora sit beside the repository, a sample of
their real pages (more varied HTML, the TT seed).
"""

from __future__ import annotations

import gzip
import multiprocessing
import pickle
from concurrent.futures import Executor, ProcessPoolExecutor, ThreadPoolExecutor
from pathlib import Path

import pytest

import newsparse
from newsparse import Article, NewsparseError, Section

REPO = Path(__file__).resolve().parents[1]
CORPORA = REPO.parent / "shared" / "corpora"

Outcome = tuple[str, list[Article] | str]
"""An input's name and its articles, or its error as ``"Type: message"``."""


def parse_named(item: tuple[str, bytes]) -> Outcome:
    """Parse one input, detecting its format (module level, so processes can call it)."""
    name, data = item
    try:
        return name, newsparse.parse(data, source=name)
    except NewsparseError as error:
        return name, f"{type(error).__name__}: {error}"


def _rendered_pages() -> list[tuple[str, bytes]]:
    articles = [
        Article(
            title=f"Story {number}",
            authors=("A. Writer",),
            body=[Section(paragraphs=[f"Paragraph {number}.{i} of the story." for i in range(5)])],
        )
        for number in range(20)
    ]
    return [
        (f"rendered-{number}.html", newsparse.render([article], "html").encode("utf-8"))
        for number, article in enumerate(articles)
    ]


def _inputs() -> list[tuple[str, bytes]]:
    inputs = [(path.name, path.read_bytes()) for path in sorted((REPO / "examples").iterdir())]
    inputs += _rendered_pages()
    inputs.append(("broken.json", b'{"title": "unterminated'))  # errors must match too
    if CORPORA.is_dir():
        pages = sorted((CORPORA / "scrapinghub" / "html").glob("*.html.gz"))[:25]
        pages += sorted((CORPORA / "fundus" / "test_data").glob("*/*.html.gz"))[:25]
        inputs += [(page.name, gzip.decompress(page.read_bytes())) for page in pages]
    return inputs


def _run(executor: Executor, inputs: list[tuple[str, bytes]]) -> list[Outcome]:
    with executor:
        return list(executor.map(parse_named, inputs))


@pytest.fixture(scope="module")
def inputs() -> list[tuple[str, bytes]]:
    return _inputs()


@pytest.fixture(scope="module")
def serial(inputs: list[tuple[str, bytes]]) -> list[Outcome]:
    outcomes = [parse_named(item) for item in inputs]
    articles = sum(len(result) for _, result in outcomes if isinstance(result, list))
    assert articles >= len(inputs) - 1  # the examples hold articles, so the check has teeth
    return outcomes


def test_a_thread_pool_gives_the_serial_result(
    inputs: list[tuple[str, bytes]], serial: list[Outcome]
) -> None:
    # Each input twice, so that threads parse the same page at the same time.
    doubled = inputs + inputs
    assert _run(ThreadPoolExecutor(max_workers=8), doubled) == serial + serial


@pytest.mark.parametrize("start_method", ["spawn", "forkserver"])
def test_a_process_pool_gives_the_serial_result(
    inputs: list[tuple[str, bytes]], serial: list[Outcome], start_method: str
) -> None:
    context = multiprocessing.get_context(start_method)
    assert _run(ProcessPoolExecutor(2, mp_context=context), inputs) == serial


def test_articles_and_errors_pickle(serial: list[Outcome]) -> None:
    for name, result in serial:
        if isinstance(result, list):
            copy = pickle.loads(pickle.dumps(result))
            assert copy == result, name
            assert all(type(article) is Article for article in copy)
    with pytest.raises(NewsparseError) as caught:
        newsparse.parse(b'{"title": "unterminated', "json", source="in.json")
    error = pickle.loads(pickle.dumps(caught.value))
    assert (type(error), str(error)) == (type(caught.value), str(caught.value))
