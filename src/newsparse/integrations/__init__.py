"""Running newsparse on distributed engines (Dask, Apache Spark) and writing Parquet.

:mod:`newsparse.integrations.rows` turns articles and errors into flat rows
(one schema for every engine, and no dependency); :mod:`newsparse.integrations.dask`
and :mod:`newsparse.integrations.spark` read files into each engine's
collections; :mod:`newsparse.integrations.parquet` writes the rows, with each
article's JSON, to Parquet.  The engines are optional: install ``newsparse[dask]``,
``newsparse[parquet]``, or ``pyspark``, to use them.  Importing these modules
never imports an engine; only calling their functions does.
"""
