"""The built-in ``html`` format: news pages in, articles out (see :mod:`.format`)."""
