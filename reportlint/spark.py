"""Lint a corpus on a Spark cluster: files distributed as binary records, the same ``lint`` applied per
report on the executors, findings and figures written as Parquet tables (the columns of the local facts and
findings tables).

Python API::

    from pyspark.sql import SparkSession
    from reportlint.spark import lint_corpus
    spark = SparkSession.builder.getOrCreate()
    counts = lint_corpus(spark, "hdfs:///reports/2024/", "hdfs:///reportlint/2024")

Command line (``pip install 'reportlint[spark]'``)::

    reportlint spark reports/ --output out/ --master 'local[2]'

On a cluster, submit this module as the application, with reportlint installed on the executors
(``pip install reportlint`` in the image, or ``--py-files reportlint.zip``)::

    spark-submit --master yarn --deploy-mode cluster \\
        --conf spark.pyspark.python=python3 \\
        "$(python -c 'import reportlint.spark as m; print(m.__file__)')" \\
        hdfs:///reports/2024/ --output hdfs:///reportlint/2024      # or s3a://bucket/reports/
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

FINDING_COLUMNS = ("path", "line", "column", "end_line", "end_column", "code", "name", "severity", "message")


def _inputs(source: str) -> tuple[str, dict[str, str]]:
    """What to hand to ``binaryFiles`` and, for local inputs, each file's path as a local run prints it."""
    if "://" in source:
        return (source if source.endswith(".txt") or "*" in source else source.rstrip("/") + "/*.txt"), {}
    from reportlint.lint import expand_paths

    # (a link leaving the folder or an unlistable subfolder, reportlint.walk.Skipped, is not handed to Spark)
    files = [p for p in expand_paths([source]) if p != "-" and getattr(p, "problem", None) is None]
    names = {Path(p).resolve().as_uri(): p for p in files}
    return ",".join(names), names


def _display(uri: str, names: dict[str, str]) -> str:
    if uri in names:
        return names[uri]
    if uri.startswith("file:"):  # Spark may write file:/x for file:///x
        return names.get("file://" + uri[5:], names.get(Path(uri[5:]).as_uri(), uri))
    return uri


def lint_record(path: str, data: bytes):
    """Run on an executor: (findings rows, figure rows) for one report."""
    from reportlint.lint import lint_bytes
    from reportlint.output.tables import figure_records

    result = lint_bytes(data, path)
    findings = [tuple(getattr(f, c) for c in FINDING_COLUMNS) for f in result.findings]
    figures = list(figure_records(result.document)) if result.document is not None else []
    return findings, figures


def lint_corpus(spark, source: str, output: str) -> dict:
    """Lint every *.txt under ``source`` (a folder or file, or an hdfs:// / s3a:// URI or glob) and write
    ``output/findings`` and ``output/figures`` as Parquet. Returns counts."""
    from reportlint.validators_spark import FIGURE_SCHEMA, FINDING_SCHEMA

    pattern, names = _inputs(source)
    if not pattern:
        raise ValueError(f"no *.txt reports under {source}")
    shared = spark.sparkContext.broadcast(names)
    records = spark.sparkContext.binaryFiles(pattern)
    linted = records.map(lambda kv: lint_record(_display(kv[0], shared.value), kv[1])).cache()
    findings = spark.createDataFrame(linted.flatMap(lambda r: r[0]), schema=FINDING_SCHEMA)
    columns = [f.name for f in FIGURE_SCHEMA.fields]
    figures = spark.createDataFrame(linted.flatMap(lambda r: [tuple(row[c] for c in columns) for row in r[1]]),
                                    schema=FIGURE_SCHEMA)
    findings.write.mode("overwrite").parquet(output.rstrip("/") + "/findings")
    figures.write.mode("overwrite").parquet(output.rstrip("/") + "/figures")
    counts = {"reports": linted.count(), "findings": findings.count(), "figures": figures.count()}
    linted.unpersist()
    return counts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="reportlint spark", description=__doc__.split("\n\n")[0])
    parser.add_argument("source", help="folder, glob or URI (hdfs://, s3a://) of *.txt reports")
    parser.add_argument("--output", required=True, help="folder or URI for the Parquet tables")
    parser.add_argument("--master", default=None, help="Spark master (default: as spark-submit sets it)")
    args = parser.parse_args(argv)
    from pyspark.sql import SparkSession

    builder = SparkSession.builder.appName("reportlint")
    if args.master:
        builder = builder.master(args.master)
    spark = builder.getOrCreate()
    spark.sparkContext.setLogLevel("ERROR")
    try:
        counts = lint_corpus(spark, args.source, args.output)
    finally:
        spark.stop()
    print(f"reportlint spark: {counts['reports']} reports, {counts['findings']} findings, "
          f"{counts['figures']} figures → {args.output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
