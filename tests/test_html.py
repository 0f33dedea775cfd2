"""The HTML report in a real browser: Debian's chromium headless (installed by .ci/run; skipped when absent)."""

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from reportlint.cli import main
from tests.conftest import CORPUS

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def browser(tmp_path: Path, *args: str) -> subprocess.CompletedProcess:
    if CHROMIUM is None:
        pytest.skip("chromium is not installed (.ci/run installs it)")
    return subprocess.run([CHROMIUM, *FLAGS, f"--user-data-dir={tmp_path / 'profile'}", *args],
                          capture_output=True, text=True, timeout=120)


HOSTILE = ('某局2023年部门整体支出绩效自评报告\n'
           '基本支出135.36万元，其中人员经费112.53万元，公用经费22.80万元。<script>document.title="pwned"</script>'
           '<img src=x onerror="alert(1)">\n')


def test_html_is_self_contained_and_escaped(tmp_path):
    report = tmp_path / "hostile.txt"
    report.write_text(HOSTILE, encoding="utf-8")
    out = tmp_path / "r.html"
    result = CliRunner().invoke(main, [str(report), "--format", "html", "-o", str(out)])
    assert result.exit_code == 1
    html = out.read_text(encoding="utf-8")
    assert "<script>document.title" not in html and "&lt;script&gt;document.title" in html
    assert "<img src=x" not in html
    assert not re.search(r'(src|href)="https?://', html)  # no network, no CDN


def test_html_of_the_seeds_renders_with_every_code(tmp_path):
    seeds = CORPUS / "seeds"
    if not seeds.exists():
        pytest.skip("shared corpus not available")
    out = tmp_path / "seeds.html"
    result = CliRunner().invoke(main, [str(seeds), "--format", "concise", "--report", f"html:{out}"])
    codes = set(re.findall(r": (RL\d{3}) \[", result.stdout))
    assert codes
    dom = browser(tmp_path, "--dump-dom", out.as_uri()).stdout
    assert "<main>" in dom and "总览" in dom
    for code in codes:
        assert f'data-code="{code}"' in dom, code
    shot = tmp_path / "seeds.png"
    browser(tmp_path, "--window-size=1280,1600", f"--screenshot={shot}", out.as_uri())
    assert shot.exists() and shot.stat().st_size > 10_000
    keep = ROOT / "build"
    keep.mkdir(exist_ok=True)
    shutil.copy(shot, keep / "html-report-seeds.png")  # for a person to look at


def test_hostile_markup_stays_text_in_the_browser(tmp_path):
    report = tmp_path / "hostile.txt"
    report.write_text(HOSTILE, encoding="utf-8")
    out = tmp_path / "r.html"
    CliRunner().invoke(main, [str(report), "--format", "html", "-o", str(out)])
    dom = browser(tmp_path, "--dump-dom", out.as_uri()).stdout
    assert "<title>reportlint" in dom and "pwned" not in dom.split("<title>")[1].split("</title>")[0]
    assert "&lt;script&gt;document.title" in dom
    assert "<img src=\"x\"" not in dom
