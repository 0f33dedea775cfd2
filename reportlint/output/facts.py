"""The facts export: one row per figure (and the relations between figures), as JSON or CSV.

Plain Python (csv/json); the pandera-validated DataFrame export is separate and imports pandas lazily.
"""

from __future__ import annotations

import csv
import io
import json

from reportlint.document import MONEY_UNITS, Document

FIGURE_COLUMNS = ("path", "line", "column", "end_line", "end_column", "text", "value", "unit", "decimals",
                  "value_yuan", "concept", "concept_name", "qualifiers", "label", "approx",
                  "table", "row", "col", "row_header", "column_header")


def figure_rows(doc: Document):
    from reportlint.rules import vocabulary

    vocab = vocabulary()
    for f in doc.figures:
        yield {
            "path": doc.path, "line": f.span.start.line, "column": f.span.start.column,
            "end_line": f.span.end.line, "end_column": f.span.end.column, "text": f.text,
            "value": str(f.value), "unit": f.unit, "decimals": f.decimals,
            "value_yuan": str(f.value * MONEY_UNITS[f.unit]) if f.unit in MONEY_UNITS else "",
            "concept": f.concept or "", "concept_name": vocab.concept_name(f.concept),
            "qualifiers": dict(f.qualifiers), "label": f.label, "approx": f.approx,
            "table": f.table.table if f.table else "", "row": f.table.row if f.table else "",
            "col": f.table.col if f.table else "", "row_header": f.table.row_header if f.table else "",
            "column_header": f.table.column_header if f.table else "",
        }


def relation_rows(doc: Document):
    def where(fid):
        f = doc.figures[fid]
        return {"line": f.span.start.line, "column": f.span.start.column, "text": f.text}

    for k, r in enumerate(doc.relations):
        yield {
            "path": doc.path, "id": k, "kind": r.kind, "complete": r.complete, "explicit": r.explicit,
            "total": where(r.total) if r.total is not None else None,
            "parts": [where(p) for p in r.parts],
            "result": where(r.result) if r.result is not None else None,
            "alternatives": [[where(n), where(d)] for n, d in r.alternatives],
            "note": r.note,
        }


def render_json(docs: list[Document]) -> str:
    payload = {
        "figures": [row for d in docs for row in figure_rows(d)],
        "relations": [row for d in docs for row in relation_rows(d)],
    }
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


def render_csv(docs: list[Document]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=FIGURE_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for d in docs:
        for row in figure_rows(d):
            row = dict(row)
            row["qualifiers"] = ";".join(f"{k}={v}" for k, v in sorted(row["qualifiers"].items()))
            writer.writerow(row)
    return buffer.getvalue()
