"""Where the IPTC corpus is, and how its XML Schemas are loaded without the network.

The IPTC's NewsML-G2 repository (examples, the NewsML-G2 2.35 and NITF 3.6
XML Schemas) is
CC BY 4.0 material kept outside this repository.  ``NEWSPARSE_IPTC_CORPUS``
names its folder; without it, ``shared/corpora/iptc/newsml-g2`` beside the
repository is used.  Tests that need it skip, saying where they looked,
when it is in neither.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from lxml import etree

REPO = Path(__file__).resolve().parents[3]
_CANDIDATES = [
    *(
        [Path(os.environ["NEWSPARSE_IPTC_CORPUS"])]
        if os.environ.get("NEWSPARSE_IPTC_CORPUS")
        else []
    ),
    REPO.parent / "shared" / "corpora" / "iptc" / "newsml-g2",
]


def _find_corpus() -> Path | None:
    for candidate in _CANDIDATES:
        if (candidate / "specification" / "nitf-3-6.xsd").is_file():
            return candidate
    return None


CORPUS = _find_corpus()

WIRE_CANDIDATES = [
    *(
        [Path(os.environ["NEWSPARSE_WIRE_CORPUS"])]
        if os.environ.get("NEWSPARSE_WIRE_CORPUS")
        else []
    ),
    REPO.parent / "shared" / "corpora" / "wire",
]
WIRE = next((path for path in WIRE_CANDIDATES if (path / "README.md").is_file()), None)
"""The agency wire corpus (``NEWSPARSE_WIRE_CORPUS``, else ``shared/corpora/wire``), if here."""
needs_corpus = pytest.mark.skipif(
    CORPUS is None,
    reason="the IPTC NewsML-G2 corpus is not here (looked in: "
    + ", ".join(str(path) for path in _CANDIDATES)
    + "); set NEWSPARSE_IPTC_CORPUS to its folder",
)


class LocalOnly(etree.Resolver):
    """Resolves files inside one folder and records every other request."""

    def __init__(self, folder: Path) -> None:
        super().__init__()
        self.folder = folder.resolve()
        self.refused: list[str] = []
        self.served: list[str] = []

    # lxml-stubs give Resolver.resolve an older signature and leave out
    # resolve_filename; lxml passes the context and has both.
    def resolve(  # type: ignore[override]
        self, system_url: str, public_id: str, context: object
    ) -> object:
        """Serve local files inside the folder; record anything else and serve nothing."""
        local = system_url.removeprefix("file://")
        path = Path(local)
        if "://" not in local and path.resolve().is_relative_to(self.folder):
            self.served.append(path.name)
            return self.resolve_filename(str(path), context)  # type: ignore[attr-defined]
        self.refused.append(system_url)
        return self.resolve_string("", context)  # type: ignore[call-arg]


def _local_parser(folder: Path) -> tuple[etree.XMLParser, LocalOnly]:
    resolver = LocalOnly(folder)
    parser = etree.XMLParser(no_network=True, load_dtd=False, resolve_entities=False)
    parser.resolvers.add(resolver)
    return parser, resolver


def load_schema(name: str) -> tuple[etree.XMLSchema, LocalOnly]:
    """Load an XML Schema of the corpus without the network; return it and its resolver."""
    assert CORPUS is not None
    folder = CORPUS / "specification"
    parser, resolver = _local_parser(folder)
    schema = etree.XMLSchema(etree.parse(str(folder / name), parser))
    return schema, resolver


NEWSML_G2_XSD = "NewsML-G2_2.35-spec-All-Power.xsd"

# The NewsML-G2 schema validates inlineXML "laxly": an element is checked
# when a schema for its namespace is loaded.  It imports only xml.xsd, so
# this schema imports it and NITF 3.6 side by side, and the NITF inside
# rendered items is checked too.
_NEWSML_G2_AND_NITF = f"""\
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
  <xs:import namespace="http://iptc.org/std/nar/2006-10-01/" schemaLocation="{NEWSML_G2_XSD}"/>
  <xs:import namespace="http://iptc.org/std/NITF/2006-10-18/" schemaLocation="nitf-3-6.xsd"/>
</xs:schema>
"""


def load_newsml_g2_schema() -> tuple[etree.XMLSchema, LocalOnly]:
    """Load NewsML-G2 2.35 with NITF 3.6 for its inline XML, from local files only."""
    assert CORPUS is not None
    folder = CORPUS / "specification"
    parser, resolver = _local_parser(folder)
    root = etree.fromstring(
        _NEWSML_G2_AND_NITF.encode("utf-8"), parser, base_url=str(folder / "newsml-g2+nitf.xsd")
    )
    return etree.XMLSchema(etree.ElementTree(root)), resolver
