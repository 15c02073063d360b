"""The ``nitf`` format: News Industry Text Format 3.x, read and written.

:mod:`~newsparse_iptc.nitf.format` is the format, :mod:`~newsparse_iptc.nitf.read`
and :mod:`~newsparse_iptc.nitf.write` do the mapping, and
:mod:`~newsparse_iptc.nitf.names` lists NITF's namespace and the ``meta`` keys.
"""
