"""The brief format registered for these tests only, with autoloading off.

This is how to test a format without installing its plugin, or alone,
without the formats of other installed plugins.
"""

from collections.abc import Iterator

import newsparse
import pytest
from newsparse.plugin import ENV_DISABLE_AUTOLOAD, registered, reset_host

from newsparse_brief import plugin


@pytest.fixture(autouse=True)
def brief_only(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Make newsparse know the built-in formats and ``brief``, nothing else."""
    monkeypatch.setenv(ENV_DISABLE_AUTOLOAD, "1")
    reset_host()  # the next use builds a new host, which reads the variable
    with registered(plugin, name="brief-under-test"):
        yield
    reset_host()  # forget this host: later tests get the usual one


def test_only_builtin_formats_and_brief() -> None:
    assert sorted(newsparse.formats()) == [
        "brief",
        "html",
        "json",
        "jsonl",
        "markdown",
        "text",
        "warc",
    ]


def test_detection_sees_brief() -> None:
    assert newsparse.detect("# Rain\n\nIt rained.\n").name == "brief"
