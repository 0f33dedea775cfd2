"""Corpus expectations with great-expectations: an auditor's ExpectationSuite (GX's own JSON format) run
against the facts table of a corpus, in an ephemeral context that writes nothing unless Data Docs are asked
for. Each failed expectation becomes findings (RL7xx) located at the offending figures."""

from __future__ import annotations

import json
import logging
import os
from dataclasses import dataclass


@dataclass(frozen=True)
class Violation:
    expectation: str  # type, e.g. expect_column_values_to_be_between
    description: str
    rows: tuple[int, ...]  # indexes into the facts table; empty for a table-level expectation
    observed: str


def load_suite(path: str):
    from reportlint.validators import quiet_pyspark

    with quiet_pyspark():
        import great_expectations as gx

    with open(path, encoding="utf-8") as handle:
        data = json.load(handle)
    if not isinstance(data, dict) or not isinstance(data.get("expectations"), list):
        raise ValueError("not a GX ExpectationSuite (expected {\"name\": …, \"expectations\": [...]})")
    data = {k: v for k, v in data.items() if k in ("name", "expectations", "meta", "notes", "id")}
    data.setdefault("name", os.path.splitext(os.path.basename(path))[0])
    return gx.ExpectationSuite(**data)


def run_suite(frame, suite, docs_dir: str | None = None) -> list[Violation]:
    os.environ.setdefault("GX_ANALYTICS_ENABLED", "False")
    from reportlint.validators import quiet_pyspark

    with quiet_pyspark():
        import great_expectations as gx

    logging.getLogger("great_expectations").setLevel(logging.ERROR)
    if docs_dir:
        context = gx.get_context(mode="file", project_root_dir=docs_dir)
    else:
        context = gx.get_context(mode="ephemeral")
    try:
        from great_expectations.data_context.types.base import ProgressBarsConfig

        context.variables.progress_bars = ProgressBarsConfig(globally=False)
    except Exception:  # pragma: no cover - older/newer GX
        pass
    source = context.data_sources.add_or_update_pandas("reportlint")
    asset = source.add_dataframe_asset("facts")
    batch_definition = asset.add_batch_definition_whole_dataframe("corpus")
    if docs_dir:
        suite = context.suites.add_or_update(suite)
        definition = context.validation_definitions.add_or_update(
            gx.ValidationDefinition(name="reportlint-audit", data=batch_definition, suite=suite))
        result = definition.run(batch_parameters={"dataframe": frame}, result_format={"result_format": "COMPLETE"})
        context.build_data_docs()
    else:
        batch = batch_definition.get_batch(batch_parameters={"dataframe": frame})
        result = batch.validate(suite, result_format={"result_format": "COMPLETE"})
    violations = []
    for item in result.results:
        if item.success:
            continue
        config = item.expectation_config
        kwargs = {k: v for k, v in dict(config.kwargs).items() if k not in ("batch_id",)}
        description = f"{config.type}({', '.join(f'{k}={v}' for k, v in kwargs.items() if k not in ('row_condition', 'condition_parser'))})"
        notes = (config.meta or {}).get("notes") if hasattr(config, "meta") else None
        if notes:
            description = f"{notes}（{description}）"
        details = item.result or {}
        rows = tuple(int(i) for i in details.get("unexpected_index_list") or [] if isinstance(i, (int,)) or str(i).isdigit())
        observed = str(details.get("observed_value", details.get("partial_unexpected_list", "")))[:200]
        violations.append(Violation(config.type, description, rows, observed))
    return violations
