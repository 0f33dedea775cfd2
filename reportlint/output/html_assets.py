"""The HTML report's style sheet, script and chart: inline, so the page opens from a USB stick (no network)."""

from __future__ import annotations

from html import escape

SEVERITY_COLORS = {"error": "#cf222e", "warning": "#bf8700", "info": "#0969da"}

CSS = """
body{font-family:"Noto Sans CJK SC","Microsoft YaHei","PingFang SC",sans-serif;margin:0;color:#1f2328;background:#f6f8fa}
header{background:#24292f;color:#fff;padding:16px 24px}header h1{margin:0;font-size:20px}
header dl{display:grid;grid-template-columns:max-content auto;gap:2px 12px;margin:8px 0 0;font-size:13px}
header dt{color:#afb8c1}header dd{margin:0;word-break:break-all}header details{font-size:13px;color:#fff}
header .hash{font-family:monospace;font-size:12px}
main{padding:16px 24px;max-width:1200px}
table{border-collapse:collapse;background:#fff;width:100%}th,td{border:1px solid #d0d7de;padding:4px 8px;text-align:left;font-size:13px}
th{background:#eaeef2}.num{text-align:right}
.filters{margin:12px 0;display:flex;gap:12px;flex-wrap:wrap;align-items:center}.filters label{font-size:13px}
section.report{background:#fff;border:1px solid #d0d7de;border-radius:6px;margin:16px 0;padding:8px 16px}
.finding{border-top:1px solid #eaeef2;padding:8px 0}.finding:first-of-type{border-top:none}
.code{font-family:monospace;font-weight:bold}.sev{font-size:12px;padding:1px 6px;border-radius:8px;color:#fff}
.sev-error{background:#cf222e}.sev-warning{background:#bf8700}.sev-info{background:#0969da}
.where{color:#57606a;font-size:13px}
pre.src{background:#f6f8fa;padding:6px 8px;overflow-x:auto;margin:4px 0;font-size:13px;white-space:pre-wrap}
mark{background:#ffd8b5;padding:0 1px}mark.related{background:#ddf4ff}
.places{display:flex;gap:12px;flex-wrap:wrap}.places>div{flex:1 1 45%;min-width:280px}
table.grid{width:auto;margin:6px 0}table.grid caption{text-align:left;font-size:13px;font-weight:bold;padding:2px 0}
table.grid td{text-align:right}table.grid th[scope=row]{text-align:left}
table.grid .hit{background:#ffd8b5;outline:2px solid #cf222e}table.grid .rel{background:#ddf4ff;outline:1px solid #0969da}
table.grid .gap{text-align:center;color:#8c959f;background:#fff}
.legend{display:flex;gap:16px;font-size:13px;margin:4px 0 8px}.legend span{display:inline-flex;align-items:center;gap:4px}
.legend i{display:inline-block;width:12px;height:12px;border-radius:2px}
details{font-size:13px;color:#57606a}.hidden{display:none}.about{font-size:13px}.about a{color:#57606a}
details.rule:target{background:#fff8c5}
details.clean{background:#fff;border:1px solid #d0d7de;border-radius:6px;padding:8px 16px;margin:16px 0}
svg text{font-size:12px}
button{font:inherit;font-size:13px;padding:2px 10px;cursor:pointer}
"""

JS = """
function applyFilters(){
  var code=document.getElementById('f-code').value, fam=document.getElementById('f-family').value,
      sev=document.getElementById('f-severity').value;
  document.querySelectorAll('.finding').forEach(function(el){
    var ok=(!code||el.dataset.code===code)&&(!fam||el.dataset.family===fam)&&(!sev||el.dataset.severity===sev);
    el.classList.toggle('hidden',!ok);
  });
  document.querySelectorAll('section.report').forEach(function(sec){
    sec.classList.toggle('hidden',sec.querySelectorAll('.finding:not(.hidden)').length===0);
  });
}
function openTarget(){
  var el=location.hash&&document.getElementById(decodeURIComponent(location.hash.slice(1)));
  if(el&&el.tagName==='DETAILS'){el.open=true;}
}
window.addEventListener('hashchange',openTarget);
function csvField(v){
  v=String(v==null?'':v);
  if(/^[=+@\\t\\r]/.test(v)||/^-[^0-9]/.test(v)){v="'"+v;}
  return /[",\\r\\n]/.test(v)?'"'+v.replace(/"/g,'""')+'"':v;
}
function findingsCsv(){
  var head=JSON.parse(document.getElementById('csv-head').textContent);
  var rows=[head];
  document.querySelectorAll('.finding:not(.hidden)').forEach(function(el){
    var d=el.dataset;
    rows.push([d.path,d.line,d.column,d.location||'',d.code,d.severity,el.querySelector('.msg').textContent]);
  });
  return rows.map(function(r){return r.map(csvField).join(',');}).join('\\r\\n')+'\\r\\n';
}
function exportCsv(){
  var blob=new Blob(['\\ufeff'+findingsCsv()],{type:'text/csv;charset=utf-8'});
  var a=document.createElement('a');
  a.href=URL.createObjectURL(blob);a.download='reportlint-findings.csv';
  document.body.appendChild(a);a.click();a.remove();
}
"""


def legend(names: dict[str, str]) -> str:
    """What each bar colour means (``names``: severity → its label)."""
    return '<div class="legend" id="legend">' + "".join(
        f'<span><i style="background:{SEVERITY_COLORS[s]}"></i>{escape(label)}</span>' for s, label in names.items()
    ) + "</div>"


def chart(counts: dict[str, dict[str, int]], names: dict[str, str]) -> str:
    """A stacked bar per rule family (findings by severity), with its legend; "" when there is nothing."""
    families = [f for f in counts if sum(counts[f].values())]
    if not families:
        return ""
    peak = max(sum(counts[f].values()) for f in families)
    bar_h, width = 22, 360
    parts = [legend(names),
             f'<svg role="img" aria-label="findings by family" width="{width + 160}" height="{bar_h * len(families) + 10}">']
    for i, family in enumerate(families):
        y = i * bar_h + 5
        x = 120
        parts.append(f'<text x="0" y="{y + 14}">{escape(family)}</text>')
        for severity in ("error", "warning", "info"):
            n = counts[family].get(severity, 0)
            w = int(width * n / peak) if peak else 0
            if w:
                parts.append(f'<rect x="{x}" y="{y}" width="{w}" height="{bar_h - 6}" fill="{SEVERITY_COLORS[severity]}">'
                             f'<title>{escape(names[severity])}: {n}</title></rect>')
                x += w
        parts.append(f'<text x="{x + 6}" y="{y + 14}">{sum(counts[family].values())}</text>')
    parts.append("</svg>")
    return "".join(parts)
