"""A Markdown / pipe table's delimiter row (``|---|---|``, ``|:---:|``) is the header's underline: neither a
header nor a data row (tables written for this test)."""

import pytest

from reportlint.lint import lint_text

TABLE = """一、部门基本情况

2023年度支出情况如下表（单位：万元）。

| 项目 | 预算数 | 决算数 |
{rule}
| 基本支出 | 100.00 | 90.00 |
| 项目支出 | 50.00 | 40.00 |
| 合计 | 150.00 | 140.00 |
"""


@pytest.mark.parametrize("rule", ["|---|---|---|", "|:---|:---:|---:|", "| --- | --- | --- |", "|-|-|-|"])
def test_the_delimiter_row_is_neither_header_nor_data(rule):
    result = lint_text(TABLE.format(rule=rule), "t.txt", "utf-8")
    table = result.document.tables[0]
    assert all("-" not in h for h in table.column_headers)
    assert all("-" not in h for h in table.row_headers)
    assert [h for h in table.row_headers if h] == ["项目", "基本支出", "项目支出", "合计"]
    messages = [f.message for f in result.findings]
    assert messages == ["合计行“决算数”列写作 140.00，但各行之和为 130.00（90.00 + 40.00）"]
    assert all("---" not in m for m in messages)


def test_a_row_of_dashes_for_missing_values_keeps_its_label():
    text = TABLE.format(rule="|---|---|---|").replace("| 项目支出 | 50.00 | 40.00 |", "| 项目支出 | 50.00 | 40.00 |\n| 其他支出 | - | - |")
    table = lint_text(text, "t.txt", "utf-8").document.tables[0]
    assert "其他支出" in table.row_headers
