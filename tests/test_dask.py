"""Tests of the Dask integration (newsparse.integrations.dask).

Dask runs on a ``dask.distributed`` local cluster of two worker processes,
started once for the module; results are compared with a serial parse by
:func:`newsparse.iter_parse`, and the flat columns with values worked out by hand.
"""

from __future__ import annotations

import copyreg
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from integration_corpus import described, make_corpus, serial, titles
from newsparse._errors import ParseError
from newsparse.integrations.dask import DTYPES, read_articles, read_dataframe
from newsparse.integrations.rows import COLUMNS

# Importing Dask makes every exception pickle with its traceback (tblib's
# reducers in copyreg.dispatch_table), for the whole process.  The other tests
# in this process must not see that, so the table is put back as it was, and
# Dask's is used only while a test of this module runs.
_PLAIN = dict(copyreg.dispatch_table)
dask_distributed = pytest.importorskip(
    "dask.distributed", reason="the Dask tests need newsparse[dask]"
)
pd = pytest.importorskip("pandas", reason="the Dask tests need newsparse[dask]")
_DASK = dict(copyreg.dispatch_table)


def _use(table: dict[Any, Any]) -> None:
    copyreg.dispatch_table.clear()
    copyreg.dispatch_table.update(table)


_use(_PLAIN)


@pytest.fixture(autouse=True)
def _dask_pickling() -> Iterator[None]:
    _use(_DASK)
    try:
        yield
    finally:
        _use(_PLAIN)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_corpus(tmp_path_factory.mktemp("corpus"))


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    """A local cluster of two worker processes, one thread each, and its client."""
    cluster = dask_distributed.LocalCluster(
        n_workers=2,
        processes=True,
        threads_per_worker=1,
        dashboard_address=None,
        host="127.0.0.1",
    )
    with cluster, dask_distributed.Client(cluster) as connected:
        yield connected


def test_a_dask_bag_holds_what_a_serial_parse_gives(corpus: Path, client: Any) -> None:
    bag = read_articles(str(corpus / "*"), errors="include")
    assert bag.npartitions == 22  # one file per partition
    got = [described(item) for item in bag.compute()]
    assert got == serial(corpus)
    workers = client.run(os.getpid)
    assert len(set(workers.values())) == 2


def test_a_dask_bag_raises_the_first_error_by_default(corpus: Path, client: Any) -> None:
    bag = read_articles([str(corpus / "f07.jsonl")], files_per_partition=3)
    with pytest.raises(ParseError, match=r"f07\.jsonl:3:1: \$\.title: expected a string"):
        bag.compute()


def test_the_dask_dataframe_has_the_documented_columns(corpus: Path, client: Any) -> None:
    frame = read_dataframe(str(corpus / "*"), files_per_partition=4)
    assert list(frame.columns) == [column.name for column in COLUMNS]
    table = frame.compute()
    assert [str(dtype) for dtype in table.dtypes] == [DTYPES[c.kind] for c in COLUMNS]
    assert len(table) == 20 * 5 + 1 + 1
    # Titles in file order match the serial parse.
    assert table["title"].dropna().tolist() == titles(corpus)
    one = table[table["source"].str.endswith("one.json")].iloc[0]
    assert one["authors"] == "A. Writer\nB. Writer"
    assert one["topics"] == "Iran\nOman"
    assert one["published"].isoformat() == "2025-04-29T06:30:00+00:00"
    assert pd.isna(one["modified"])
    assert one["text"] == "One two three.\n\nFour five.\n\nReactions\n\nSix."
    assert (one["sections"], one["images"], one["words"]) == (2, 1, 6)
    assert one["meta"] == '{"a": "ü", "z": "1"}'
    assert pd.isna(one["error"])
    bad = table[table["error"].notna()]
    assert [Path(source).name for source in bad["source"]] == ["f07.jsonl", "prose.txt"]
    f07, prose = bad.iloc[0], bad.iloc[1]
    assert (f07["position"], f07["line"], f07["column"]) == (2, 3, 1)
    assert f07["error"].endswith("f07.jsonl:3:1: $.title: expected a string, got a number [jsonl]")
    assert pd.isna(f07["title"])
    assert prose["position"] == 0
    assert pd.isna(prose["line"])
    assert "prose.txt: no format recognises this input" in prose["error"]
