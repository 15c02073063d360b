"""The testing kit: Hypothesis strategies, settings profiles and conformance checks.

It ships inside the package so that plugin authors test their formats exactly
as newsparse tests its own.  It needs the ``testing`` extra
(``pip install newsparse[testing]``), which brings Hypothesis and pytest.

Importing this package registers the settings profiles of
:mod:`newsparse.testing.profiles`.
"""

from newsparse.testing.checks import (
    check_accepted_input,
    check_canonical,
    check_cut_points,
    check_refused_or_kept,
    check_renders_or_refuses,
    check_reported_like_raised,
    check_round_trip,
    check_split,
)
from newsparse.testing.conformance import FormatConformance
from newsparse.testing.fields import FieldSample, field_samples, with_sample
from newsparse.testing.profiles import CI, DEV, THOROUGH, register_profiles
from newsparse.testing.strategies import (
    articles,
    datetimes,
    field_values,
    images,
    languages,
    meta_maps,
    sections,
    sparse_articles,
    texts,
    urls,
)

register_profiles()

__all__ = [
    "CI",
    "DEV",
    "THOROUGH",
    "FieldSample",
    "FormatConformance",
    "articles",
    "check_accepted_input",
    "check_canonical",
    "check_cut_points",
    "check_refused_or_kept",
    "check_renders_or_refuses",
    "check_reported_like_raised",
    "check_round_trip",
    "check_split",
    "datetimes",
    "field_samples",
    "field_values",
    "images",
    "languages",
    "meta_maps",
    "register_profiles",
    "sections",
    "sparse_articles",
    "texts",
    "urls",
    "with_sample",
]
