"""A self-contained HTML report for auditors: no network, no CDN (it must open from a USB stick).

A run header (date, version, configuration, fail level, each input's SHA-256); an overview of the reports with
findings (counts by family and severity, worst first, a chart with its legend) and the clean ones in one line;
then each report's findings: for a figure in prose the source line with the whole figure highlighted, for a
table cell the table itself (headers, the cell, the cells it was checked against), the place in the
document's own terms (第3页 / 表2 第4行 第5列), the arithmetic and the rule's explanation; filters by code,
family and severity, and a button that exports the findings shown as CSV. Every piece of report text is
escaped.
"""

from __future__ import annotations

import inspect
import json
import os
import time
from html import escape

from reportlint import __version__
from reportlint.checks import FAMILIES, all_rules
from reportlint.finding import SEVERITY_RANK
from reportlint.output.escape import visible
from reportlint.output.html_assets import CSS, JS, chart
from reportlint.output.html_table import render_grid

DOCUMENT_LEVEL = ("RL501",)  # about the whole report: no source line to show


def _marked(line: str, column: int, end_column: int, css: str = "") -> str:
    start = max(column - 1, 0)
    stop = end_column - 1 if end_column > column else start + 1
    klass = f' class="{css}"' if css else ""
    return escape(line[:start]) + f"<mark{klass}>" + escape(line[start:stop]) + "</mark>" + escape(line[stop:])


def run_date() -> str:
    """The run's date (UTC): SOURCE_DATE_EPOCH when set (reproducible reports), else now."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    moment = time.gmtime(int(epoch)) if epoch.isdigit() else time.gmtime()
    return time.strftime("%Y-%m-%d %H:%M:%S UTC", moment)


def _run_header(results, findings, t, fail_level: str, run: dict) -> str:
    none = t("（无）", "(none)")
    config = run.get("config") or t("无（默认设置）", "none (defaults)")
    rows = [(t("日期", "date"), run_date()), (t("版本", "version"), f"reportlint {__version__}"),
            (t("配置", "configuration"), config),
            (t("选择规则", "select"), run.get("select") or t("全部（默认）", "all (default)")),
            (t("忽略规则", "ignore"), run.get("ignore") or none),
            (t("报告类型", "profile"), run.get("profile") or t("自动识别", "detected")),
            (t("失败级别", "fail level"), fail_level)]
    out = [f"<header><h1>reportlint {escape(t('预算绩效报告一致性检查', 'consistency report'))}</h1>",
           f"<div>{len(results)} {t('个文件', 'file(s)')}, {len(findings)} {t('个问题', 'finding(s)')}</div>",
           '<dl id="run">' + "".join(f"<dt>{escape(k)}</dt><dd>{escape(visible(str(v)))}</dd>" for k, v in rows) + "</dl>",
           f'<details id="inputs"><summary>{t("输入文件及其 SHA-256", "inputs and their SHA-256")}</summary><table>']
    for r in results:
        out.append(f'<tr><td>{escape(visible(r.path))}</td><td class="hash">{escape(r.sha256 or "—")}</td></tr>')
    out.append("</table></details></header>")
    return "".join(out)


def _place_label(t, line: int, location: str) -> str:
    where = f"{t('第', 'line ')}{line}{t('行', '')}"
    return where + (f' · <span class="where">{escape(visible(location))}</span>' if location else "")


def _finding(r, f, rules, family, lang, t, grids, places) -> str:
    out = [f'<div class="finding" data-code="{escape(f.code)}" data-family="{escape(family)}" '
           f'data-severity="{escape(f.severity)}" data-path="{escape(visible(r.path))}" data-line="{f.line}" '
           f'data-column="{f.column}" data-location="{escape(visible(f.location))}">',
           f'<div><span class="code">{escape(f.code)}</span> <span class="sev sev-{escape(f.severity)}">'
           f'{escape(f.severity)}</span> {escape(f.name)} · {escape(visible(r.path))}:{f.line}:{f.column}'
           + (f' · <span class="where">{escape(visible(f.location))}</span>' if f.location else "") + "</div>",
           f'<p class="msg">{escape(visible(f.text(lang)))}</p>']
    hit = places.get((f.line, f.column))
    related_cells = [places[(q.line, q.column)] for q in f.related if (q.line, q.column) in places]
    for number in dict.fromkeys([p.table for p in ([hit] if hit else []) + related_cells]):
        out.append(render_grid(grids[number], hit, related_cells, lang))
    shown = []
    line = r.line(f.line) if f.code not in DOCUMENT_LEVEL and hit is None else None
    if line is not None:
        end = f.end_column if f.end_line == f.line else len(line) + 1
        shown.append(f'<div><b>{_place_label(t, f.line, f.location)}</b><pre class="src">{_marked(line, f.column, end)}</pre></div>')
    for rel in f.related:
        if (rel.line, rel.column) in places:
            continue  # highlighted in its table
        text = r.line(rel.line)
        if text is None:
            continue
        label = rel.message if lang == "zh" or not rel.message_en else rel.message_en
        end_line, end_column = rel.end()
        stop = end_column if end_line == rel.line else len(text) + 1
        shown.append(f'<div><b>{_place_label(t, rel.line, rel.location)}: {escape(visible(label))}</b>'
                     f'<pre class="src">{_marked(text, rel.column, stop, "related")}</pre></div>')
    if shown:
        out.append('<div class="places">' + "".join(shown) + "</div>")
    if f.code in rules:  # the rule's documentation is on the page once, at the end
        out.append(f'<div class="about"><a href="#rule-{escape(f.code)}">{t("规则说明", "about this rule")} '
                   f"(reportlint rule {escape(f.code)})</a></div>")
    out.append("</div>")
    return "".join(out)


def render(results, lang: str = "zh", fail_level: str = "error", run: dict | None = None) -> str:
    """The page. ``run``: the settings of the run to show in its header (config, select, ignore, profile)."""
    rules = {r.code: r for r in all_rules()}
    family_name = {prefix: (zh if lang == "zh" else en) for prefix, (zh, en) in FAMILIES.items()}
    t = (lambda zh, en: zh) if lang == "zh" else (lambda zh, en: en)
    severity_names = {"error": t("错误", "error"), "warning": t("警告", "warning"), "info": t("提示", "info")}

    def family_of(code: str) -> str:
        return family_name.get(code[:3], code[:3])

    findings = [f for r in results for f in r.findings]
    by_family: dict[str, dict[str, int]] = {}
    for f in findings:
        counts = by_family.setdefault(family_of(f.code), {})
        counts[f.severity] = counts.get(f.severity, 0) + 1

    def worst(item):
        number, result = item
        return (-max((SEVERITY_RANK[f.severity] for f in result.findings), default=-1), -len(result.findings),
                result.path, number)

    ordered = sorted(enumerate(results), key=worst)  # (anchor number, result): no results.index (quadratic)
    with_findings = [(k, r) for k, r in ordered if r.findings]
    clean = [r for _, r in ordered if not r.findings]
    out = [
        "<!DOCTYPE html>", f'<html lang="{"zh-CN" if lang == "zh" else "en"}"><head><meta charset="utf-8">',
        f"<title>reportlint {escape(t('检查报告', 'report'))}</title><style>{CSS}</style></head><body>",
        _run_header(results, findings, t, fail_level, run or {}), "<main>",
        f"<h2>{t('总览', 'Overview')}</h2>", chart(by_family, severity_names),
    ]
    if with_findings:
        out.append(f"<table id=\"overview\"><tr><th>{t('文件', 'file')}</th>"
                   + "".join(f"<th>{escape(n)}</th>" for n in severity_names.values())
                   + "".join(f"<th>{escape(n)}</th>" for n in family_name.values()) + "</tr>")
        for k, r in with_findings:
            sev = {s: 0 for s in severity_names}
            fam = {n: 0 for n in family_name.values()}
            for f in r.findings:
                sev[f.severity] += 1
                fam[family_of(f.code)] = fam.get(family_of(f.code), 0) + 1
            out.append(f'<tr><td><a href="#r{k}">{escape(visible(r.path))}</a></td>' + "".join(
                f'<td class="num">{sev[s] or ""}</td>' for s in sev) + "".join(
                f'<td class="num">{fam[n] or ""}</td>' for n in family_name.values()) + "</tr>")
        out.append("</table>")
    if clean:
        out.append(f'<details class="clean" id="clean"><summary>{len(clean)} {t("个文件未发现问题", "file(s) without findings")}'
                   f"</summary><p>{'、'.join(escape(visible(r.path)) for r in clean)}</p></details>")
    codes = sorted({f.code for f in findings})
    head = [t("文件", "file"), t("行", "line"), t("列", "column"), t("位置", "location"), t("代码", "code"),
            t("严重程度", "severity"), t("说明", "message")]
    out.append('<div class="filters">'
               f'<label>{t("代码", "code")} <select id="f-code" onchange="applyFilters()"><option value="">*</option>'
               + "".join(f'<option value="{escape(c)}">{escape(c)} {escape(rules[c].name) if c in rules else ""}</option>' for c in codes)
               + f'</select></label><label>{t("类别", "family")} <select id="f-family" onchange="applyFilters()"><option value="">*</option>'
               + "".join(f'<option value="{escape(n)}">{escape(n)}</option>' for n in sorted({family_of(c) for c in codes}))
               + f'</select></label><label>{t("严重程度", "severity")} <select id="f-severity" onchange="applyFilters()"><option value="">*</option>'
               + "".join(f'<option value="{s}">{s}</option>' for s in ("error", "warning", "info"))
               + f'</select></label><button type="button" id="export-csv" onclick="exportCsv()">'
               f'{t("导出问题表（CSV）", "Export findings (CSV)")}</button></div>'
               f'<script type="application/json" id="csv-head">{json.dumps(head, ensure_ascii=False).replace("<", chr(92) + "u003c")}</script>')
    for k, r in with_findings:
        grids, places = r.table_places() if hasattr(r, "table_places") else ({}, {})
        out.append(f'<section class="report" id="r{k}"><h3>{escape(visible(r.path))}</h3>')
        for f in r.findings:
            out.append(_finding(r, f, rules, family_of(f.code), lang, t, grids, places))
        out.append("</section>")
    documented = [c for c in codes if c in rules]
    if documented:
        out.append(f'<h2 id="rules">{t("规则说明", "The rules")}</h2>')
        for c in documented:
            out.append(f'<details class="rule" id="rule-{escape(c)}"><summary><span class="code">{escape(c)}</span> '
                       f"{escape(rules[c].name)}</summary><pre>{escape(inspect.cleandoc(rules[c].doc))}</pre></details>")
    out.append(f"</main><script>{JS}</script></body></html>")
    return "\n".join(out) + "\n"
