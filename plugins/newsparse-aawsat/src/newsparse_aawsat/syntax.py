"""The fixed strings of the TT format, shared by its reader and writer."""

from __future__ import annotations

__all__ = ["ARTICLE_SEPARATOR", "MARKER", "NUMBER_KEY", "SEPARATING_BLANKS"]

NUMBER_KEY = "tt.number"
"""The :attr:`Article.meta <newsparse.Article.meta>` key holding the TT number
(the line after ``TT``), exactly as written, such as ``"20"``."""

MARKER = "TT"
"""The marker line that ends an article's header, before the TT number."""

ARTICLE_SEPARATOR = "\n\n\n\n"
"""What canonical text puts between two articles: three blank lines."""

SEPARATING_BLANKS = 3
"""This many blank lines in a row always end an article."""
