"""The built-in ``warc`` format: HTML pages out of web archives (see its ``format`` module)."""
