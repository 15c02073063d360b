"""Tests of the Spark recipe (newsparse.integrations.spark), in local mode.

One local Spark session (``local[2]``) serves the module; results are compared
with a serial parse by :func:`newsparse.iter_parse`, and with values worked
out by hand.
"""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from integration_corpus import make_corpus, titles
from newsparse.integrations.rows import COLUMNS
from newsparse.integrations.spark import read_dataframe


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_corpus(tmp_path_factory.mktemp("corpus"))


@pytest.fixture(scope="module")
def spark() -> Iterator[Any]:
    """One local Spark session (two cores, no UI, no network), with this Python."""
    sql = pytest.importorskip("pyspark.sql", reason="the Spark recipe's test needs pyspark")
    if shutil.which("java") is None and "JAVA_HOME" not in os.environ:
        pytest.skip("the Spark recipe's test needs Java (java on PATH, or JAVA_HOME)")
    os.environ["PYSPARK_PYTHON"] = sys.executable
    session = (
        sql.SparkSession.builder.master("local[2]")
        .appName("newsparse-tests")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.session.timeZone", "UTC")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


@pytest.mark.filterwarnings("ignore:PySpark does not yet fully support pandas:FutureWarning")
def test_the_spark_recipe_gives_the_rows_of_a_serial_parse(corpus: Path, spark: Any) -> None:
    frame = read_dataframe(spark, str(corpus / "*"))
    assert frame.columns == [column.name for column in COLUMNS]
    found = frame.orderBy("source", "position").collect()
    assert [row["title"] for row in found if row["title"] is not None] == titles(corpus)
    assert len(found) == 20 * 5 + 1 + 1
    one = next(row for row in found if row["source"].endswith("one.json"))
    assert one["source"] == "file:" + str(corpus / "one.json")
    assert one["authors"] == "A. Writer\nB. Writer"
    # Spark hands timestamps back as naive datetimes in the session's zone (UTC).
    assert one["published"] == datetime(2025, 4, 29, 6, 30)
    assert (one["sections"], one["images"], one["words"]) == (2, 1, 6)
    errors = [
        (row["source"].rsplit("/", 1)[1], row["position"], row["line"])
        for row in found
        if row["error"]
    ]
    assert errors == [("f07.jsonl", 2, 3), ("prose.txt", 0, None)]
