"""Issue 15, rule documentation: whole-sentence summaries without RST markup, English as complete as the
Chinese, docs/rules pages generated from the docstrings and kept current, SARIF helpUri per rule, CI templates
that install reportlint from where a project keeps it."""

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from reportlint.checks import all_rules
from reportlint.cli import main
from reportlint.rules.docs import DOCS_DIR, chinese_sections, first_sentence, pages, rule_doc

ROOT = Path(__file__).resolve().parent.parent
DEFECTIVE = ROOT / "examples" / "defective.txt"
RULES = all_rules()


def run(*args, env=None):
    return CliRunner().invoke(main, [str(a) for a in args], env=env)


@pytest.mark.parametrize("lang,end", [("zh", "。"), ("en", ".")])
def test_the_rules_listing_gives_whole_sentences_without_markup(lang, end):
    lines = run("rules", "--lang", lang).stdout.splitlines()
    assert len(lines) == len(RULES)
    for line in lines:
        assert line.endswith(end) and "``" not in line, line
    listed = {line.split()[0]: line for line in lines}
    if lang == "zh":  # cut mid-sentence before
        assert listed["RL104"].endswith("“实际 Y，比预算 X 节约 Δ”中 Y ≠ X − Δ。")
        assert listed["RL108"].endswith("或“合计”一列不等于表头“其中：”下各列之和。")
        assert listed["RL901"].endswith("（201８）。")
    else:
        assert listed["RL401"].endswith("when read in the total's unit (e.g. 286.16元 as the part of 286.16万元).")
        assert listed["RL104"].endswith("is not the difference of the two figures before it.")


def test_a_first_sentence_ends_outside_brackets_and_literals():
    assert first_sentence("会报：``甲。乙``（丙。丁）。后一句。") == "会报：``甲。乙``（丙。丁）。"
    assert first_sentence("A rule (e.g. this one. Really) works.\nNext. One") == "A rule (e.g. this one. Really) works."


@pytest.mark.parametrize("item", RULES, ids=[r.code for r in RULES])
def test_english_says_everything_the_chinese_says(item):
    doc = rule_doc(item)
    english = dict(doc.en_sections)
    names = {"checks": "What is checked", "reported": "Reported", "not_reported": "Not reported", "fix": "How to fix"}
    for key in chinese_sections(doc):
        assert english.get(names[key]), f"{item.code}: no English for its {key} paragraph (rules/docs_en.toml)"
    text = run("rule", item.code, "--lang", "en").stdout
    assert doc.summary_en in text and "``" not in text
    for head in english:
        assert f"{head}:" in text


def test_the_english_data_names_only_real_rules_and_sections():
    from reportlint.rules.docs import english_sections

    known = {r.code for r in RULES}
    for code, sections in english_sections().items():
        assert code in known, code
        assert set(sections) <= {"checks", "reported", "not_reported", "fix"}, code


def test_the_docs_pages_are_current():
    """Regenerate with `python -m reportlint.rules.docs` when this fails."""
    wanted = pages()
    on_disk = {p.name: p.read_text(encoding="utf-8") for p in DOCS_DIR.glob("*.md")}
    stale = sorted(name for name in wanted.keys() | on_disk.keys() if wanted.get(name) != on_disk.get(name))
    assert not stale, f"stale pages in docs/rules (run `python -m reportlint.rules.docs`): {stale}"


def test_rule_format_md_prints_the_page():
    assert run("rule", "RL101", "--format", "md").stdout == (DOCS_DIR / "RL101.md").read_text(encoding="utf-8")
    page = (DOCS_DIR / "RL901.md").read_text(encoding="utf-8")
    assert "`201８`" in page and "``" not in page and "## English" in page and "**How to fix:**" in page


def test_rule_format_json():
    data = json.loads(run("rule", "sum-mismatch", "--format", "json").stdout)
    assert data["code"] == "RL101" and "会报" in data["text"] and "Reported:" in data["text_en"]


def test_unknown_rule_suggests_one():
    result = run("rule", "RL1O1")
    assert result.exit_code == 2 and "RL101" in result.stderr


def _sarif_rules(*args, env=None):
    document = json.loads(run(DEFECTIVE, "--format", "sarif", *args, env=env).stdout)
    return document["runs"][0]["tool"]["driver"]["rules"]


def test_sarif_help_uri_points_at_each_rules_page():
    for entry in _sarif_rules(env={"GITHUB_WORKSPACE": None, "CI_PROJECT_DIR": None}):
        assert entry["helpUri"] == (DOCS_DIR / f"{entry['id']}.md").resolve().as_uri()
        assert (DOCS_DIR / f"{entry['id']}.md").exists()
        assert "``" not in entry["shortDescription"]["text"] + entry["fullDescription"]["text"]


def test_sarif_help_uri_in_a_github_job_is_the_repository_page():
    env = {"GITHUB_WORKSPACE": str(ROOT.parent), "GITHUB_SERVER_URL": "https://github.example",
           "GITHUB_REPOSITORY": "team/budget", "GITHUB_SHA": "abc123", "CI_PROJECT_DIR": None}
    entry = _sarif_rules(env=env)[0]
    assert entry["helpUri"] == f"https://github.example/team/budget/blob/abc123/{ROOT.name}/docs/rules/{entry['id']}.md"


def test_sarif_help_uri_is_configurable(tmp_path, monkeypatch):
    entry = _sarif_rules("--docs-url", "https://docs.example/reportlint/rules")[0]
    assert entry["helpUri"] == f"https://docs.example/reportlint/rules/{entry['id']}.md"
    (tmp_path / "rules").mkdir()
    (tmp_path / "reportlint.toml").write_text('docs-url = "rules"\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    entry = _sarif_rules(env={"GITHUB_WORKSPACE": None, "CI_PROJECT_DIR": None})[0]
    assert entry["helpUri"] == (tmp_path / "rules" / f"{entry['id']}.md").as_uri()


def test_sarif_descriptions_follow_the_language():
    rl104 = next(e for e in _sarif_rules("--lang", "en") if e["id"] == "RL104")
    assert rl104["shortDescription"]["text"].endswith("the two figures before it.")
    assert "Reported:" in rl104["help"]["text"]
    rl104 = next(e for e in _sarif_rules() if e["id"] == "RL104")
    assert rl104["shortDescription"]["text"].endswith("中 Y ≠ X − Δ。")


@pytest.mark.parametrize("name", ["github-workflow.yml", "gitlab-ci.yml"])
def test_ci_templates_install_reportlint_from_a_path_or_vcs_url(name):
    text = (ROOT / "reportlint" / "ci" / "templates" / name).read_text(encoding="utf-8")
    installs = [line for line in text.splitlines() if "pip install" in line and not line.strip().startswith("#")]
    assert installs and all(not re.search(r"pip install\s+['\"]?reportlint\b(?![/\[])", line) for line in installs)
    assert "REPORTLINT_SOURCE" in text and "git+" in text


def test_sarif_help_uri_in_a_gitlab_job_is_the_repository_page():
    env = {"CI_PROJECT_DIR": str(ROOT), "CI_PROJECT_URL": "https://gitlab.example/team/budget", "CI_COMMIT_SHA": "f00d",
           "GITHUB_WORKSPACE": None}
    entry = _sarif_rules(env=env)[0]
    assert entry["helpUri"] == f"https://gitlab.example/team/budget/-/blob/f00d/docs/rules/{entry['id']}.md"


def test_a_docs_url_folder_that_does_not_exist_is_a_warning(tmp_path):
    result = run(DEFECTIVE, "--format", "sarif", "--docs-url", tmp_path / "nowhere")
    assert result.exit_code == 1 and "is not a folder" in result.stderr
    assert json.loads(result.stdout)["runs"][0]["tool"]["driver"]["rules"][0]["helpUri"].startswith("https://")
