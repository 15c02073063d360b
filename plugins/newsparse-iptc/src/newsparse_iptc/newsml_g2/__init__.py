"""The ``newsml-g2`` format: NewsML-G2 text news items, read and written.

:mod:`~newsparse_iptc.newsml_g2.format` is the format,
:mod:`~newsparse_iptc.newsml_g2.read` and :mod:`~newsparse_iptc.newsml_g2.write`
do the mapping (the text inside an item is read by
:mod:`~newsparse_iptc.newsml_g2.content`), and
:mod:`~newsparse_iptc.newsml_g2.names` lists the namespace and the ``meta`` keys.
"""
