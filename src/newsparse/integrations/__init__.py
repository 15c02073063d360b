"""Running newsparse on distributed engines: Dask and Apache Spark.

:mod:`newsparse.integrations.rows` turns articles and errors into flat rows
(one schema for every engine, and no dependency); :mod:`newsparse.integrations.dask`
and :mod:`newsparse.integrations.spark` read files into each engine's
collections.  The engines are optional: install ``newsparse[dask]``, or
``pyspark``, to use them.  Importing these modules never imports an engine;
only calling their functions does.
"""
