"""The ``ninjs`` format: IPTC's News in JSON, versions 2 and 3.

:mod:`~newsparse_iptc.ninjs.format` is the format, :mod:`~newsparse_iptc.ninjs.read`
and :mod:`~newsparse_iptc.ninjs.write` do the mapping, and
:mod:`~newsparse_iptc.ninjs.names` lists the property names and ``meta`` keys.
"""
