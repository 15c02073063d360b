"""Shared pytest configuration: the Hypothesis profile, and fixtures for the NITF schema.

Where the IPTC corpus is looked for is in ``iptc_corpus.py``.
"""

from __future__ import annotations

import os
from collections.abc import Callable

import newsparse.testing
import pytest
from hypothesis import settings
from lxml import etree

from iptc_corpus import CORPUS, load_schema

settings.load_profile(os.environ.get("NEWSPARSE_HYPOTHESIS_PROFILE", newsparse.testing.CI))


@pytest.fixture(scope="session")
def nitf_schema() -> etree.XMLSchema:
    """The NITF 3.6 XML Schema (skips when the corpus is absent)."""
    if CORPUS is None:
        pytest.skip("the IPTC NewsML-G2 corpus is not here; set NEWSPARSE_IPTC_CORPUS")
    schema, resolver = load_schema("nitf-3-6.xsd")
    assert resolver.refused == []
    return schema


@pytest.fixture(scope="session")
def validate_nitf(nitf_schema: etree.XMLSchema) -> Callable[[str], None]:
    """Assert that an NITF text (one document or several) is valid NITF 3.6."""

    def validate(text: str) -> None:
        documents = [
            part for part in text.split('<?xml version="1.0" encoding="UTF-8"?>\n') if part
        ]
        for document in documents:
            tree = etree.fromstring(document.encode("utf-8"))
            if not nitf_schema.validate(tree):
                raise AssertionError(f"{nitf_schema.error_log}\n{document}")

    return validate
