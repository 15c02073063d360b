"""The testing kit: Hypothesis strategies, settings profiles and conformance checks.

It ships inside the package so that plugin authors test their formats exactly
as newsparse tests its own.  It needs the ``testing`` extra
(``pip install newsparse[testing]``), which brings Hypothesis and pytest.

Importing this package registers the settings profiles of
the settings profiles (:data:`CI`, :data:`DEV`, :data:`THOROUGH`).
"""

from newsparse.testing._blockstrategies import blocks, marked_paragraphs, marks_over, typical_blocks
from newsparse.testing._checks import (
    ARTICLE_FIELDS,
    check_accepted_input,
    check_canonical,
    check_cut_points,
    check_refusal,
    check_refused_or_kept,
    check_renders_or_refuses,
    check_reported_like_raised,
    check_round_trip,
    check_split,
    differences,
)
from newsparse.testing._conformance import FormatConformance
from newsparse.testing._fields import FieldSample, field_samples, with_sample
from newsparse.testing._primitives import datetimes, images, languages, meta_maps, texts, urls
from newsparse.testing._profiles import CI, DEV, THOROUGH, register_profiles
from newsparse.testing._sitepages import (
    Gap,
    SitePage,
    SitePageTests,
    as_given,
    autoload_disabled_fixture,
    compare,
    normalized,
    page_params,
    parse_page,
    plugin_autoload_disabled,
    read_pages,
)
from newsparse.testing._strategies import articles, field_values, sections, sparse_articles

register_profiles()

__all__ = [
    "ARTICLE_FIELDS",
    "CI",
    "DEV",
    "THOROUGH",
    "FieldSample",
    "FormatConformance",
    "Gap",
    "SitePage",
    "SitePageTests",
    "articles",
    "as_given",
    "autoload_disabled_fixture",
    "blocks",
    "check_accepted_input",
    "check_canonical",
    "check_cut_points",
    "check_refusal",
    "check_refused_or_kept",
    "check_renders_or_refuses",
    "check_reported_like_raised",
    "check_round_trip",
    "check_split",
    "compare",
    "datetimes",
    "differences",
    "field_samples",
    "field_values",
    "images",
    "languages",
    "marked_paragraphs",
    "marks_over",
    "meta_maps",
    "normalized",
    "page_params",
    "parse_page",
    "plugin_autoload_disabled",
    "read_pages",
    "register_profiles",
    "sections",
    "sparse_articles",
    "texts",
    "typical_blocks",
    "urls",
    "with_sample",
]
