"""Tests of newsparse.integrations that need no engine installed."""

from __future__ import annotations

import sys

import pytest

from newsparse.integrations import dask as dask_integration
from newsparse.integrations import spark as spark_integration


def test_without_dask_the_error_says_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "dask.bag", None)
    with pytest.raises(ImportError, match=r"pip install 'newsparse\[dask\]'"):
        dask_integration.read_articles("*.jsonl")


def test_without_pyspark_the_error_says_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pyspark.sql", None)
    with pytest.raises(ImportError, match="pip install pyspark"):
        spark_integration.schema()
