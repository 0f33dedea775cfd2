"""pandera DataFrameSchemas: the documented contract for anyone loading reportlint's tables.

``FIGURES``   one row per figure (``reportlint facts``); ``value`` and ``value_yuan`` are exact ``Decimal``s
``RELATIONS`` one row per relation between figures (``--relations``)
``FINDINGS``  one row per finding (``--findings``)

A table is validated before it is written; a violation is a bug in reportlint, reported with the offending rows.
"""

from __future__ import annotations

import math
from decimal import Decimal

import pandas as pd

from reportlint.validators import quiet_pyspark

with quiet_pyspark():
    import pandera.pandas as pa

from reportlint.document import MONEY_UNITS
from reportlint.parse.numbers import COUNT_WORDS
from reportlint.rules import vocabulary

_COUNTS = [w for w in COUNT_WORDS.split("|") if w]
UNITS = sorted(set(["", "%", "‰", "分", "元", "万元", "千元", "亿元", "万人"] + _COUNTS + [f"万{w}" for w in _COUNTS]))
RELATION_KINDS = ["breakdown", "identity", "share", "rate", "remainder-rate", "change", "adjust", "difference", "balance", "table-sum"]


def _money_consistent(df: pd.DataFrame) -> pd.Series:
    """value_yuan = value × unit factor exactly for money; empty otherwise."""
    def row_ok(value, unit, yuan) -> bool:
        if unit in MONEY_UNITS:
            return isinstance(yuan, Decimal) and yuan == value * MONEY_UNITS[unit]
        return yuan is None or (isinstance(yuan, float) and math.isnan(yuan))

    return pd.Series([row_ok(v, u, y) for v, u, y in zip(df["value"], df["unit"], df["value_yuan"])],
                     index=df.index, dtype=bool)


def _exact(series: pd.Series, nullable: bool = False) -> pd.Series:
    """Every value a finite Decimal (or, when ``nullable``, empty): figures are never floats."""
    return series.map(lambda v: (isinstance(v, Decimal) and v.is_finite()) or (nullable and v is None)).astype(bool)


def _concepts() -> list[str]:
    return [""] + sorted(vocabulary().concepts)


FIGURES = pa.DataFrameSchema(
    {
        "path": pa.Column(str, pa.Check.str_length(min_value=1)),
        "line": pa.Column(int, pa.Check.ge(1)),
        "column": pa.Column(int, pa.Check.ge(1)),
        "end_line": pa.Column(int, pa.Check.ge(1)),
        "end_column": pa.Column(int, pa.Check.ge(1)),
        "text": pa.Column(str, pa.Check.str_length(min_value=1)),
        "value": pa.Column(object, pa.Check(_exact, element_wise=False, name="exact decimal")),
        "value_text": pa.Column(str, pa.Check.str_matches(r"^-?\d+(\.\d+)?$")),
        "unit": pa.Column(str, pa.Check.isin(UNITS)),
        "decimals": pa.Column(int, pa.Check.ge(0)),
        "value_yuan": pa.Column(object, pa.Check(lambda s: _exact(s, nullable=True), element_wise=False,
                                                 name="exact decimal or empty"), nullable=True),
        "concept": pa.Column(str, pa.Check.isin(_concepts())),
        "concept_name": pa.Column(str),
        "qualifiers": pa.Column(str),
        "state": pa.Column(str),
        "year": pa.Column(str),
        "kind": pa.Column(str),
        "label": pa.Column(str),
        "approx": pa.Column(str),
        "table": pa.Column("Int64", pa.Check.ge(0), nullable=True),
        "row": pa.Column("Int64", pa.Check.ge(0), nullable=True),
        "col": pa.Column("Int64", pa.Check.ge(0), nullable=True),
        "row_header": pa.Column(str),
        "column_header": pa.Column(str),
    },
    checks=[
        pa.Check(lambda df: df["end_line"] >= df["line"], name="end_line >= line"),
        pa.Check(_money_consistent, name="value_yuan = value × unit"),
    ],
    strict=True,
    ordered=True,
    name="figures",
)

RELATIONS = pa.DataFrameSchema(
    {
        "path": pa.Column(str, pa.Check.str_length(min_value=1)),
        "id": pa.Column(int, pa.Check.ge(0)),
        "kind": pa.Column(str, pa.Check.isin(RELATION_KINDS)),
        "complete": pa.Column(bool),
        "explicit": pa.Column(bool),
        "total_line": pa.Column("Int64", pa.Check.ge(1), nullable=True),
        "total_text": pa.Column(str),
        "parts": pa.Column(str),
        "result_line": pa.Column("Int64", pa.Check.ge(1), nullable=True),
        "result_text": pa.Column(str),
        "note": pa.Column(str),
    },
    strict=True,
    ordered=True,
    name="relations",
)

FINDINGS = pa.DataFrameSchema(
    {
        "path": pa.Column(str, pa.Check.str_length(min_value=1)),
        "line": pa.Column(int, pa.Check.ge(1)),
        "column": pa.Column(int, pa.Check.ge(1)),
        "end_line": pa.Column(int, pa.Check.ge(1)),
        "end_column": pa.Column(int, pa.Check.ge(1)),
        "code": pa.Column(str, pa.Check.str_matches(r"^RL\d{3}$")),
        "name": pa.Column(str),
        "severity": pa.Column(str, pa.Check.isin(["error", "warning", "info"])),
        "message": pa.Column(str, pa.Check.str_length(min_value=1)),
    },
    strict=True,
    ordered=True,
    name="findings",
)


class TableBug(Exception):
    """A table failed its schema: a bug in reportlint, with the offending rows."""


def validate(schema: pa.DataFrameSchema, frame: pd.DataFrame) -> pd.DataFrame:
    try:
        with quiet_pyspark():
            return schema.validate(frame, lazy=True)
    except pa.errors.SchemaErrors as exc:
        cases = exc.failure_cases.head(20).to_string()
        raise TableBug(f"the {schema.name} table failed its schema (a bug in reportlint; please report it):\n{cases}") from None
