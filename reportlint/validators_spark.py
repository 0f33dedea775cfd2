"""Spark schemas of the tables written by ``reportlint spark``: the same columns as the local tables
(``reportlint.validators.schemas``)."""

from pyspark.sql import types as T

EXACT = T.DecimalType(38, 10)  # figures are exact decimals, as in the local tables (never float)

FINDING_SCHEMA = T.StructType([
    T.StructField("path", T.StringType(), False),
    T.StructField("line", T.IntegerType(), False),
    T.StructField("column", T.IntegerType(), False),
    T.StructField("end_line", T.IntegerType(), False),
    T.StructField("end_column", T.IntegerType(), False),
    T.StructField("code", T.StringType(), False),
    T.StructField("name", T.StringType(), False),
    T.StructField("severity", T.StringType(), False),
    T.StructField("message", T.StringType(), False),
])

FIGURE_SCHEMA = T.StructType([
    T.StructField("path", T.StringType(), False),
    T.StructField("line", T.IntegerType(), False),
    T.StructField("column", T.IntegerType(), False),
    T.StructField("end_line", T.IntegerType(), False),
    T.StructField("end_column", T.IntegerType(), False),
    T.StructField("text", T.StringType(), False),
    T.StructField("value", EXACT, False),
    T.StructField("value_text", T.StringType(), False),
    T.StructField("unit", T.StringType(), False),
    T.StructField("decimals", T.IntegerType(), False),
    T.StructField("value_yuan", EXACT, True),
    T.StructField("concept", T.StringType(), False),
    T.StructField("concept_name", T.StringType(), False),
    T.StructField("qualifiers", T.StringType(), False),
    T.StructField("state", T.StringType(), False),
    T.StructField("year", T.StringType(), False),
    T.StructField("kind", T.StringType(), False),
    T.StructField("label", T.StringType(), False),
    T.StructField("approx", T.StringType(), False),
    T.StructField("table", T.IntegerType(), True),
    T.StructField("row", T.IntegerType(), True),
    T.StructField("col", T.IntegerType(), True),
    T.StructField("row_header", T.StringType(), False),
    T.StructField("column_header", T.StringType(), False),
])
