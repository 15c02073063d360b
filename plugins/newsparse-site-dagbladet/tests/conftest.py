"""Shared test setup for the Dagbladet plugin: parsing with the generic rules only.

The page tests read the Dagbladet pages of the fundus corpus from
``shared/corpora/fundus`` beside the repository (flairNLP/fundus test data,
MIT; see ``shared/corpora/README.md``) with :class:`newsparse.testing.SitePageTests`;
nothing of them is copied into the repository, and those tests are skipped
when that folder is absent.
"""

from __future__ import annotations

from newsparse.testing import autoload_disabled_fixture

# Runs newsparse without plugins from entry points (no site parsers) in the test.
generic_only = autoload_disabled_fixture()
