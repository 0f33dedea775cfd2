"""The Spark path (local[2]) produces the same findings as a local run (skipped without pyspark or Java)."""

import shutil
from pathlib import Path

import pytest

pyspark = pytest.importorskip("pyspark")
if shutil.which("java") is None:
    pytest.skip("Java is not installed", allow_module_level=True)

from reportlint.lint import expand_paths, lint_path  # noqa: E402
from tests.conftest import CORPUS  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def spark():
    from pyspark.sql import SparkSession

    session = (SparkSession.builder.master("local[2]").appName("reportlint-tests")
               .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "2").getOrCreate())
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


def test_spark_findings_equal_local_findings(spark, tmp_path):
    import pandas as pd

    from reportlint.spark import lint_corpus

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for path in sorted((ROOT / "examples").glob("*.txt")):
        shutil.copy(path, corpus / path.name)
    seeds = CORPUS / "seeds"
    if seeds.exists():
        for path in sorted(seeds.glob("*.txt")):
            shutil.copy(path, corpus / path.name)
    (corpus / "binary.txt").write_bytes(b"\x00\x01\x02")
    counts = lint_corpus(spark, str(corpus), str(tmp_path / "out"))
    files = expand_paths([str(corpus)])
    assert counts["reports"] == len(files)
    local = sorted((f.path, f.line, f.column, f.code, f.severity, f.message)
                   for p in files for f in lint_path(p).findings)
    remote = pd.read_parquet(tmp_path / "out" / "findings")
    got = sorted(zip(remote["path"], remote["line"], remote["column"], remote["code"], remote["severity"], remote["message"]))
    assert got == local
    figures = pd.read_parquet(tmp_path / "out" / "figures")
    assert len(figures) == counts["figures"] > 50
    assert set(figures.columns) >= {"path", "line", "column", "value", "unit", "concept", "value_yuan"}
