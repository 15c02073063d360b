"""Shared pytest configuration: the Hypothesis profile, and fixtures for the XML Schemas.

Where the IPTC corpus is looked for is in ``iptc_corpus.py``.
"""

from __future__ import annotations

import os
from collections.abc import Callable

import newsparse.testing
import pytest
from hypothesis import settings
from lxml import etree

from iptc_corpus import CORPUS, load_newsml_g2_schema, load_schema

# Helpers that assert: their failures show the values, as in the tests.
pytest.register_assert_rewrite("harbour_story")

settings.load_profile(os.environ.get("NEWSPARSE_HYPOTHESIS_PROFILE", newsparse.testing.CI))


_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n'
_ABSENT = "the IPTC NewsML-G2 corpus is not here; set NEWSPARSE_IPTC_CORPUS"


def _validator(schema: etree.XMLSchema) -> Callable[[str], None]:
    def validate(text: str) -> None:
        for document in (part for part in text.split(_DECLARATION) if part):
            tree = etree.fromstring(document.encode("utf-8"))
            if not schema.validate(tree):
                raise AssertionError(f"{schema.error_log}\n{document}")

    return validate


@pytest.fixture(scope="session")
def newsml_g2_schema() -> etree.XMLSchema:
    """NewsML-G2 2.35 with NITF 3.6 for inline NITF (skips when the corpus is absent)."""
    if CORPUS is None:
        pytest.skip(_ABSENT)
    schema, resolver = load_newsml_g2_schema()
    assert resolver.refused == []
    return schema


@pytest.fixture(scope="session")
def validate_newsml_g2(newsml_g2_schema: etree.XMLSchema) -> Callable[[str], None]:
    """Assert that a NewsML-G2 text (one document or several) is valid, inline NITF included."""
    return _validator(newsml_g2_schema)


@pytest.fixture(scope="session")
def nitf_schema() -> etree.XMLSchema:
    """The NITF 3.6 XML Schema (skips when the corpus is absent)."""
    if CORPUS is None:
        pytest.skip(_ABSENT)
    schema, resolver = load_schema("nitf-3-6.xsd")
    assert resolver.refused == []
    return schema


@pytest.fixture(scope="session")
def validate_nitf(nitf_schema: etree.XMLSchema) -> Callable[[str], None]:
    """Assert that an NITF text (one document or several) is valid NITF 3.6."""
    return _validator(nitf_schema)
