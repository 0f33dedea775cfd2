"""A self-contained HTML report for auditors: no network, no CDN (it must open from a USB stick).

An overview of every report (counts by family and severity, worst first, with a chart), then each report's
findings with the source lines shown and the figures highlighted, the related figures side by side, the
arithmetic and the rule's explanation; filters by code, family and severity. Every piece of report text is
escaped.
"""

from __future__ import annotations

import inspect
from html import escape

from reportlint import __version__
from reportlint.checks import FAMILIES, all_rules
from reportlint.finding import SEVERITY_RANK
from reportlint.output.escape import visible

DOCUMENT_LEVEL = ("RL501",)  # about the whole report: no source line to show

_CSS = """
body{font-family:"Noto Sans CJK SC","Microsoft YaHei","PingFang SC",sans-serif;margin:0;color:#1f2328;background:#f6f8fa}
header{background:#24292f;color:#fff;padding:16px 24px}header h1{margin:0;font-size:20px}
main{padding:16px 24px;max-width:1200px}
table{border-collapse:collapse;background:#fff;width:100%}th,td{border:1px solid #d0d7de;padding:4px 8px;text-align:left;font-size:13px}
th{background:#eaeef2}.num{text-align:right}
.filters{margin:12px 0;display:flex;gap:12px;flex-wrap:wrap}.filters label{font-size:13px}
section.report{background:#fff;border:1px solid #d0d7de;border-radius:6px;margin:16px 0;padding:8px 16px}
.finding{border-top:1px solid #eaeef2;padding:8px 0}.finding:first-of-type{border-top:none}
.code{font-family:monospace;font-weight:bold}.sev{font-size:12px;padding:1px 6px;border-radius:8px;color:#fff}
.sev-error{background:#cf222e}.sev-warning{background:#bf8700}.sev-info{background:#0969da}
pre.src{background:#f6f8fa;padding:6px 8px;overflow-x:auto;margin:4px 0;font-size:13px;white-space:pre-wrap}
mark{background:#ffd8b5;padding:0 1px}mark.related{background:#ddf4ff}
.places{display:flex;gap:12px;flex-wrap:wrap}.places>div{flex:1 1 45%;min-width:280px}
details{font-size:13px;color:#57606a}.hidden{display:none}
svg text{font-size:12px}
"""

_JS = """
function applyFilters(){
  var code=document.getElementById('f-code').value, fam=document.getElementById('f-family').value,
      sev=document.getElementById('f-severity').value;
  document.querySelectorAll('.finding').forEach(function(el){
    var ok=(!code||el.dataset.code===code)&&(!fam||el.dataset.family===fam)&&(!sev||el.dataset.severity===sev);
    el.classList.toggle('hidden',!ok);
  });
  document.querySelectorAll('section.report').forEach(function(sec){
    var any=sec.querySelectorAll('.finding:not(.hidden)').length>0||sec.dataset.clean==='1';
    sec.classList.toggle('hidden',!any);
  });
}
"""


def _marked(line: str, column: int, end_column: int, css: str = "") -> str:
    start = max(column - 1, 0)
    stop = end_column - 1 if end_column > column else start + 1
    klass = f' class="{css}"' if css else ""
    return escape(line[:start]) + f"<mark{klass}>" + escape(line[start:stop]) + "</mark>" + escape(line[stop:])


def _chart(counts: dict[str, dict[str, int]]) -> str:
    families = [f for f in counts if sum(counts[f].values())]
    if not families:
        return ""
    peak = max(sum(counts[f].values()) for f in families)
    bar_h, width = 22, 360
    parts = [f'<svg role="img" aria-label="findings by family" width="{width + 160}" height="{bar_h * len(families) + 10}">']
    colors = {"error": "#cf222e", "warning": "#bf8700", "info": "#0969da"}
    for i, family in enumerate(families):
        y = i * bar_h + 5
        x = 120
        parts.append(f'<text x="0" y="{y + 14}">{escape(family)}</text>')
        for severity in ("error", "warning", "info"):
            n = counts[family].get(severity, 0)
            w = int(width * n / peak) if peak else 0
            if w:
                parts.append(f'<rect x="{x}" y="{y}" width="{w}" height="{bar_h - 6}" fill="{colors[severity]}">'
                             f'<title>{escape(severity)}: {n}</title></rect>')
                x += w
        parts.append(f'<text x="{x + 6}" y="{y + 14}">{sum(counts[family].values())}</text>')
    parts.append("</svg>")
    return "".join(parts)


def render(results, lang: str = "zh") -> str:
    rules = {r.code: r for r in all_rules()}
    family_name = {prefix: (zh if lang == "zh" else en) for prefix, (zh, en) in FAMILIES.items()}

    def family_of(code: str) -> str:
        return family_name.get(code[:3], code[:3])

    findings = [f for r in results for f in r.findings]
    by_family: dict[str, dict[str, int]] = {}
    for f in findings:
        by_family.setdefault(family_of(f.code), {}).setdefault(f.severity, 0)
        by_family[family_of(f.code)][f.severity] += 1

    def worst(result):
        return (-max((SEVERITY_RANK[f.severity] for f in result.findings), default=-1), -len(result.findings), result.path)

    ordered = sorted(results, key=worst)
    t = (lambda zh, en: zh) if lang == "zh" else (lambda zh, en: en)
    out = [
        "<!DOCTYPE html>", f'<html lang="{"zh-CN" if lang == "zh" else "en"}"><head><meta charset="utf-8">',
        f"<title>reportlint {escape(t('检查报告', 'report'))}</title><style>{_CSS}</style></head><body>",
        f"<header><h1>reportlint {escape(t('预算绩效报告一致性检查', 'consistency report'))}</h1>"
        f"<div>{len(results)} {t('个文件', 'file(s)')}, {len(findings)} {t('个问题', 'finding(s)')} · v{__version__}</div></header><main>",
        f"<h2>{t('总览', 'Overview')}</h2>", _chart(by_family),
        f"<table id=\"overview\"><tr><th>{t('文件', 'file')}</th><th>{t('错误', 'errors')}</th><th>{t('警告', 'warnings')}</th>"
        f"<th>{t('提示', 'info')}</th>" + "".join(f"<th>{escape(n)}</th>" for n in family_name.values()) + "</tr>",
    ]
    for r in ordered:
        sev = {s: sum(1 for f in r.findings if f.severity == s) for s in ("error", "warning", "info")}
        fam = {n: sum(1 for f in r.findings if family_of(f.code) == n) for n in family_name.values()}
        anchor = f"r{results.index(r)}"
        out.append(f'<tr><td><a href="#{anchor}">{escape(visible(r.path))}</a></td>' + "".join(
            f'<td class="num">{sev[s] or ""}</td>' for s in sev) + "".join(f'<td class="num">{fam[n] or ""}</td>' for n in fam) + "</tr>")
    out.append("</table>")
    codes = sorted({f.code for f in findings})
    out.append('<div class="filters">'
               f'<label>{t("代码", "code")} <select id="f-code" onchange="applyFilters()"><option value="">*</option>'
               + "".join(f'<option value="{escape(c)}">{escape(c)} {escape(rules[c].name) if c in rules else ""}</option>' for c in codes)
               + f'</select></label><label>{t("类别", "family")} <select id="f-family" onchange="applyFilters()"><option value="">*</option>'
               + "".join(f'<option value="{escape(n)}">{escape(n)}</option>' for n in sorted({family_of(c) for c in codes}))
               + f'</select></label><label>{t("严重程度", "severity")} <select id="f-severity" onchange="applyFilters()"><option value="">*</option>'
               + "".join(f'<option value="{s}">{s}</option>' for s in ("error", "warning", "info"))
               + "</select></label></div>")
    for r in ordered:
        anchor = f"r{results.index(r)}"
        clean = "1" if not r.findings else "0"
        out.append(f'<section class="report" id="{anchor}" data-clean="{clean}"><h3>{escape(visible(r.path))}</h3>')
        if not r.findings:
            out.append(f"<p>{t('未发现问题', 'No findings')}</p>")
        for f in r.findings:
            rule = rules.get(f.code)
            doc = inspect.cleandoc(rule.doc) if rule else ""
            first = doc.split("\n\n")[0] if doc else ""
            out.append(f'<div class="finding" data-code="{escape(f.code)}" data-family="{escape(family_of(f.code))}" '
                       f'data-severity="{escape(f.severity)}">')
            out.append(f'<div><span class="code">{escape(f.code)}</span> <span class="sev sev-{escape(f.severity)}">'
                       f'{escape(f.severity)}</span> {escape(f.name)} · {escape(visible(r.path))}:{f.line}:{f.column}</div>')
            out.append(f"<p>{escape(f.text(lang))}</p>")
            places = []
            line = r.line(f.line) if f.code not in DOCUMENT_LEVEL else None
            if line is not None:
                places.append(f'<div><b>{t("第", "line ")}{f.line}{t("行", "")}</b><pre class="src">'
                              f'{_marked(line, f.column, f.end_column if f.end_line == f.line else len(line) + 1)}</pre></div>')
            for rel in f.related:
                text = r.line(rel.line)
                label = rel.message if lang == "zh" or not rel.message_en else rel.message_en
                if text is not None:
                    places.append(f'<div><b>{t("第", "line ")}{rel.line}{t("行", "")}: {escape(label)}</b>'
                                  f'<pre class="src">{_marked(text, rel.column, rel.column + 1, "related")}</pre></div>')
            if places:
                out.append('<div class="places">' + "".join(places) + "</div>")
            if first:
                out.append(f"<details><summary>{t('规则说明', 'about this rule')} (reportlint rule {escape(f.code)})</summary>"
                           f"<pre>{escape(doc)}</pre></details>")
            out.append("</div>")
        out.append("</section>")
    out.append(f"</main><script>{_JS}</script></body></html>")
    return "\n".join(out) + "\n"
