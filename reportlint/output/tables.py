"""The exported tables (figures, relations, findings) as pandas DataFrames, validated by their pandera
schemas before they are written. Imports pandas: used only by ``reportlint facts`` and ``reportlint audit``.

Money and every other figure stays exact: ``value`` and ``value_yuan`` are ``Decimal`` in the frames, strings as
printed (``2677.20``, never ``2677.2``) in JSON and CSV, and a decimal type in Parquet."""

from __future__ import annotations

import json

from decimal import Decimal

from reportlint.document import MONEY_UNITS, Document

DECIMAL_COLUMNS = ("value", "value_yuan")  # exact figures: Decimal in the frame, never float


def figure_records(doc: Document):
    from reportlint.rules import vocabulary

    vocab = vocabulary()
    for f in doc.figures:
        yield {
            "path": doc.path, "line": f.span.start.line, "column": f.span.start.column,
            "end_line": f.span.end.line, "end_column": f.span.end.column, "text": f.text,
            "value": f.value, "value_text": format(f.value, "f"), "unit": f.unit, "decimals": f.decimals,
            "value_yuan": f.value * MONEY_UNITS[f.unit] if f.unit in MONEY_UNITS else None,
            "concept": f.concept or "", "concept_name": vocab.concept_name(f.concept),
            "qualifiers": json.dumps(dict(f.qualifiers), ensure_ascii=False, sort_keys=True),
            "state": f.qualifier("state"), "year": f.qualifier("year"), "kind": f.qualifier("kind"),
            "label": f.label, "approx": f.approx,
            "table": f.table.table if f.table else None, "row": f.table.row if f.table else None,
            "col": f.table.col if f.table else None,
            "row_header": f.table.row_header if f.table else "", "column_header": f.table.column_header if f.table else "",
        }


def relation_records(doc: Document):
    def text(fid):
        return doc.figures[fid].text if fid is not None else ""

    def line(fid):
        return doc.figures[fid].span.start.line if fid is not None else None

    for k, r in enumerate(doc.relations):
        yield {
            "path": doc.path, "id": k, "kind": r.kind, "complete": r.complete, "explicit": r.explicit,
            "total_line": line(r.total), "total_text": text(r.total),
            "parts": " + ".join(text(p) for p in r.parts), "result_line": line(r.result), "result_text": text(r.result),
            "note": r.note,
        }


def finding_records(findings):
    for f in findings:
        yield {"path": f.path, "line": f.line, "column": f.column, "end_line": f.end_line, "end_column": f.end_column,
               "code": f.code, "name": f.name, "severity": f.severity, "message": f.message}


def frame(records, schema):
    import pandas as pd

    from reportlint.validators.schemas import validate

    columns = list(schema.columns)
    df = pd.DataFrame(list(records), columns=columns)
    for name, column in schema.columns.items():
        dtype = str(column.dtype)
        if name in DECIMAL_COLUMNS:
            df[name] = df[name].astype(object).where(df[name].notna(), None)
        elif dtype == "Int64":
            df[name] = df[name].astype("Int64")
        elif dtype.startswith("int"):
            df[name] = df[name].astype("int64")
        elif dtype.startswith("float"):
            df[name] = df[name].astype("float64")
        elif dtype == "bool":
            df[name] = df[name].astype(bool)
        elif dtype in ("str", "object"):
            df[name] = df[name].fillna("").astype(object)
        elif dtype.startswith("str"):  # pandas 3's string dtype: an empty column must get it too (no rows is valid)
            df[name] = column.dtype.coerce(df[name].fillna(""))
    return validate(schema, df)


def _decimal_text(value) -> str | None:
    """A Decimal as printed, in positional notation (``2677.20``, ``26772000.00``); None stays None."""
    return format(value, "f") if isinstance(value, Decimal) else None


def as_text(df):
    """The frame with its exact figures as strings, for JSON and CSV."""
    out = df.copy()
    for name in DECIMAL_COLUMNS:
        if name in out.columns:
            out[name] = out[name].map(_decimal_text).astype(object)
    return out


def json_records(df) -> list[dict]:
    """The rows of a validated table as JSON-ready dicts, exact figures as strings."""
    return json.loads(as_text(df).to_json(orient="records", force_ascii=False))


def _arrow_table(df):
    """The frame as an Arrow table, exact figures as a decimal type (decimal128, or decimal256 past 38 digits)."""
    import pyarrow as pa

    try:
        return pa.Table.from_pandas(df, preserve_index=False)
    except (pa.ArrowInvalid, pa.ArrowTypeError, OverflowError):
        fields = []
        for name in df.columns:
            if name in DECIMAL_COLUMNS:
                values = [v for v in df[name] if isinstance(v, Decimal)]
                scale = max((max(0, -v.as_tuple().exponent) for v in values), default=0)
                fields.append(pa.field(name, pa.decimal256(76, min(scale, 38))))
            else:
                fields.append(pa.Schema.from_pandas(df[[name]], preserve_index=False).field(name))
        return pa.Table.from_pandas(df, schema=pa.schema(fields), preserve_index=False)


def csv_text(df, excel: bool = False) -> str:
    """CSV; ``excel``: what Excel on Chinese Windows opens as UTF-8 (a byte-order mark, CRLF line ends)."""
    text = as_text(df).to_csv(index=False, lineterminator="\r\n" if excel else "\n")
    return "\ufeff" + text if excel else text


def write(df, fmt: str, path: str | None, excel: bool = False) -> str | None:
    """Write a validated table; returns the text when no path is given (csv/json)."""
    if fmt == "parquet":
        if not path:
            raise ValueError("parquet needs -o FILE")
        import pyarrow.parquet as pq

        pq.write_table(_arrow_table(df), path)
        return None
    if fmt == "csv":
        text = csv_text(df, excel)
    else:
        text = json.dumps(json_records(df), ensure_ascii=False, indent=2) + "\n"
    if path:
        from reportlint.output.atomic import write_atomic

        write_atomic(path, text)
        return None
    return text
