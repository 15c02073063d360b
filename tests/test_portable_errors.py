"""Errors cross process boundaries with their place, whatever their chain holds.

Dask's ``distributed`` installs tblib's reducers for every exception class in
``copyreg.dispatch_table``: from then on an exception pickles with its
``__cause__``, ``__context__`` and traceback, in this process and in the
processes forked from it.  A format that reads XML raises its
:class:`~newsparse.ParseError` while handling an lxml error, which stays in
``__context__`` even with ``raise ... from None``; lxml's errors do not pickle.
These tests install tblib's reducers as ``distributed`` does (and put the
table back after), then send such errors through ``--jobs`` workers and a
Dask cluster, and check that they arrive with source, line and column.
"""

from __future__ import annotations

import copyreg
import multiprocessing
import pickle
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from lxml import etree

from newsparse import hookimpl
from newsparse._errors import ForeignError, ParseError, portable
from newsparse._format import Format, ParseItem
from newsparse._model import Article
from newsparse._parallel import iter_parse_inputs
from newsparse._plugins import registered
from newsparse._registry import FormatRegistry
from newsparse._textio import TextStream


@pytest.fixture
def tblib_pickling() -> Iterator[None]:
    """Every exception pickles with its chain, as after ``import distributed``."""
    pickling_support = pytest.importorskip(
        "tblib.pickling_support", reason="tblib comes with newsparse[dask]"
    )
    table = dict(copyreg.dispatch_table)
    pickling_support.install()
    try:
        yield
    finally:
        copyreg.dispatch_table.clear()
        copyreg.dispatch_table.update(table)


def xml_error(text: str, source: str) -> ParseError:
    """The ParseError an XML format raises for ``text``: lxml's error stays in its context."""
    try:
        etree.fromstring(text.encode("utf-8"))
    except etree.XMLSyntaxError as problem:
        line, column = problem.position
        return _raised("lines-of-xml", source, line, column)
    raise AssertionError(f"{text!r} is well-formed")


def _raise_parse_error(format_name: str, source: str, line: int, column: int) -> None:
    raise ParseError(
        "not well-formed XML", format=format_name, source=source, line=line, column=column
    ) from None


def _raised(format_name: str, source: str, line: int, column: int) -> ParseError:
    """Return a ParseError raised (and caught) where it is made, as in an ``except`` of lxml's."""
    try:
        _raise_parse_error(format_name, source, line, column)
    except ParseError as error:
        return error
    raise AssertionError("not raised")


def _chained(inner: ParseError) -> ParseError:
    """A ParseError caused by a KeyError caused by ``inner``."""

    def key_error() -> None:
        raise KeyError("k") from inner

    def outer(cause: KeyError) -> None:
        raise ParseError("outer", format="f", source="s", line=4, column=2) from cause

    try:
        try:
            key_error()
        except KeyError as cause:
            outer(cause)
    except ParseError as error:
        return error
    raise AssertionError("not raised")


def test_an_error_with_an_lxml_context_does_not_pickle_with_tblib_until_portable(
    tblib_pickling: None,
) -> None:
    error = xml_error("<a>\n  <b></a>", "feed.xml")
    assert isinstance(error.__context__, etree.XMLSyntaxError)
    with pytest.raises(TypeError, match="_ListErrorLog"):
        pickle.dumps(error)  # what broke Dask and --jobs
    assert portable(error) is error
    back = pickle.loads(pickle.dumps(error))
    assert (back.source, back.line, back.column, back.message) == (
        "feed.xml",
        2,
        10,
        "not well-formed XML",
    )
    assert back.__suppress_context__ is True
    assert isinstance(back.__context__, ForeignError)
    assert back.__context__.kind == "lxml.etree.XMLSyntaxError"
    assert "Opening and ending tag mismatch" in back.__context__.message


def test_portable_keeps_newsparse_and_builtin_links_and_replaces_others() -> None:
    inner = xml_error("<a>", "x.xml")
    outer = _chained(inner)
    portable(outer)
    assert outer.__traceback__ is None
    assert isinstance(outer.__cause__, KeyError)
    assert outer.__cause__.__cause__ is inner  # a newsparse error stays itself
    assert isinstance(inner.__context__, ForeignError)  # and its own chain is made portable


class LinesOfXmlFormat(Format):
    """Each line is an XML document whose root's text is an article's title (tests only)."""

    name = "lines-of-xml"
    label = "Lines of XML"

    def parse(self, stream: TextStream, source: str) -> Iterator[ParseItem]:
        for number, line in enumerate(stream.read().splitlines(), start=1):
            try:
                yield Article(title=etree.fromstring(line.encode("utf-8")).text or "?")
            except etree.XMLSyntaxError as problem:
                yield _raised(self.name, source, number, problem.position[1])


class LinesOfXmlPlugin:
    @hookimpl
    def newsparse_register_formats(self, registry: FormatRegistry) -> None:
        registry.add(LinesOfXmlFormat())


def lines_file(folder: Path, name: str) -> Path:
    path = folder / name
    path.write_text("<t>One</t>\n<t>Two</t>\n<t>Three</u>\n<t>Four</t>\n", encoding="utf-8")
    return path


@pytest.mark.skipif(
    "fork" not in multiprocessing.get_all_start_methods(), reason="this platform cannot fork"
)
def test_jobs_send_back_errors_with_an_lxml_context_and_their_place(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, tblib_pickling: None
) -> None:
    monkeypatch.setattr(threading, "active_count", lambda: 1)  # fork: workers see the plugin
    paths = [str(lines_file(tmp_path, f"{n}.xml")) for n in range(3)]
    with registered(LinesOfXmlPlugin(), name="lines-of-xml"):
        found = [
            (index, item)
            for index, item in iter_parse_inputs(paths, "lines-of-xml", jobs=2)
            if item is not None
        ]
    errors = [(index, item) for index, item in found if isinstance(item, ParseError)]
    assert [(i, e.source, e.line, e.column) for i, e in errors] == [
        (n, paths[n], 3, 13) for n in range(3)
    ]
    titles = [item.title for _, item in found if isinstance(item, Article)]
    assert titles == ["One", "Two", "Four"] * 3


def test_a_dask_cluster_sends_back_errors_with_an_lxml_context(
    tmp_path: Path, tblib_pickling: None
) -> None:
    pytest.importorskip("newsparse_iptc", reason="the nitf format is in newsparse-iptc")
    distributed = pytest.importorskip("dask.distributed", reason="needs newsparse[dask]")
    from newsparse.integrations.dask import read_articles  # noqa: PLC0415

    path = tmp_path / "broken.xml"
    path.write_text(
        '<?xml version="1.0"?>\n<nitf>\n<head><title>T</title></head>\n'
        "<body><body.content><p>One</body></nitf>\n",
        encoding="utf-8",
    )
    # Line 4: </body> (columns 27-33) closes the <p>; libxml2 names the column after it.
    cluster = distributed.LocalCluster(
        n_workers=1, processes=True, threads_per_worker=1, dashboard_address=None, host="127.0.0.1"
    )
    with cluster, distributed.Client(cluster):
        got: list[Any] = read_articles([str(path)], "nitf", errors="include").compute()
        with pytest.raises(ParseError) as raised:
            read_articles([str(path)], "nitf").compute()
    assert [(type(e), e.source, e.line, e.column) for e in got] == [(ParseError, str(path), 4, 34)]
    assert (raised.value.source, raised.value.line, raised.value.column) == (str(path), 4, 34)
