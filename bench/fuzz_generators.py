"""Generators for ``bench/fuzz`` added by issue 16: what found the second round's failures.

Each generator takes a ``random.Random`` and returns a ``Case``: bytes to lint (``data``), or a folder to
build (``files``), and which properties to check. The properties (in ``check_case``):

* grammar: sentences in the constructions the parser reads — shares (女性职工占全部20人的50%。), 其中 lists
  (also nested, bracketed and very long), comparisons (较上年增加…，增长…%), 分别为 lists, rates, headings
  and table rows — with absurd numbers (27+ digits, zeros, full-width digits, invisible characters inside)
  and CR / CRLF / LF line ends: no exception, no RL009, every finding inside the file;
* encodings: one generated text written as UTF-8, GB18030, UTF-16 and (in traditional characters) Big5
  gives the same findings in each;
* long lines: one line of 5,000–40,000 characters (a clause repeated, or filler before a breakdown): no
  exception, positions inside the line;
* files: a folder with hostile names (newline, ``##[error]``, escape sequences, ``::``, a GBK name), links
  inside and outside it, a dangling link, a link loop, a FIFO and a link to /dev/zero named ``*.txt``:
  the walk and every output format finish, nothing outside the folder is read, JSON and JUnit parse, and
  no file name forges a line of the concise or GitHub output.
"""

from __future__ import annotations

import json
import os
import random
from dataclasses import dataclass, field

SUBJECTS = ["支出合计", "本年支出", "基本支出", "项目支出", "收入合计", "财政拨款收入", "三公经费", "公务接待费",
            "人员经费", "公用经费", "一般公共预算财政拨款", "年末结转和结余", "资本性支出", "专项资金"]
PEOPLE = ["女性职工", "在职人员", "离退休人员", "编制人数", "实有人数", "事业编制"]
UNITS = ["万元", "万元", "元", "亿元", "", "萬元"]
HEADINGS = ["一、", "二、", "（一）", "（三）", "1.", "2、", "（1）", "①", "第一部分", "五、", ""]
INVISIBLE = ["\u200b", "\u200d", "\u2060", "\u00ad", "\ufeff"]
SECRET = "外部机密甲乙丙"


@dataclass
class Case:
    kind: str
    data: bytes = b""
    texts: dict[str, bytes] = field(default_factory=dict)  # encoding → the same text encoded
    files: list = field(default_factory=list)  # for kind "files": (name bytes, what) entries
    follow: bool = False  # for kind "files": walk with follow_links


def number(rng: random.Random) -> str:
    roll = rng.random()
    if roll < 0.55:
        text = f"{rng.randrange(0, 100000) / 100:.2f}"
    elif roll < 0.7:
        text = str(rng.randrange(0, 1000))
    elif roll < 0.75:
        text = "0"
    elif roll < 0.8:
        text = "".join(rng.choice("0123456789") for _ in range(rng.randint(27, 45)))
    elif roll < 0.85:
        text = f"{rng.randrange(1, 10 ** 7):,}.{rng.randrange(100):02d}"
    elif roll < 0.9:
        text = f"{rng.randrange(1000) / 10:.1f}".translate({ord(c): ord(c) + 0xFEE0 for c in "0123456789."})
    else:
        text = f"{rng.randrange(1, 100000) / 100:.2f}"
        i = rng.randrange(len(text) + 1)
        text = text[:i] + rng.choice(INVISIBLE) + text[i:]
    return text


def _amount(rng) -> str:
    return number(rng) + rng.choice(UNITS)


def _rate(rng) -> str:
    return number(rng) + rng.choice(["%", "%", "％", "个百分点"])


def share(rng) -> str:
    if rng.random() < 0.4:
        return f"{rng.choice(PEOPLE)}占全部{number(rng)}人的{_rate(rng)}。"
    return (f"{rng.choice(SUBJECTS)}{_amount(rng)}，占{rng.choice(SUBJECTS)}"
            f"{rng.choice(['', _amount(rng)])}的{_rate(rng)}{rng.choice(['。', '，', ''])}")


def breakdown(rng, parts: int | None = None) -> str:
    k = parts if parts is not None else rng.randint(0, 8)
    items = [f"{rng.choice(SUBJECTS)}{_amount(rng)}" for _ in range(k)]
    inner = rng.choice(["、", "，", "；"]).join(items)
    head = f"{rng.choice(SUBJECTS)}{_amount(rng)}"
    if rng.random() < 0.2 and k:
        return f"{head}（其中：{inner}）。"
    if rng.random() < 0.2 and k:
        return f"{head}，其中{inner}，其中{breakdown(rng, rng.randint(0, 3))}"
    return f"{head}，其中{rng.choice(['', '：'])}{inner}{rng.choice(['。', '', '；'])}"


def comparison(rng) -> str:
    way, rate_way = rng.choice([("增加", "增长"), ("减少", "下降"), ("增加", "下降"), ("节约", "下降")])
    reference = rng.choice(["较上年", "比上年", "与上年相比", "比预算", "较年初预算"])
    tail = rng.choice([f"，{rate_way}{_rate(rng)}", "", "，主要原因是业务量增加", f"，{rate_way}幅度为{_rate(rng)}"])
    if rng.random() < 0.1:
        return f"{rng.choice(SUBJECTS)}{_amount(rng)}，与上年持平。"
    return f"{rng.choice(SUBJECTS)}{_amount(rng)}，{reference}{way}{_amount(rng)}{tail}。"


def respectively(rng) -> str:
    k = rng.randint(1, 5)
    names = "、".join(rng.choice(SUBJECTS) for _ in range(k))
    values = "、".join(_amount(rng) for _ in range(rng.choice([k, k, k - 1, k + 1])))
    return f"{names}分别为{values}。"


def rate(rng) -> str:
    return rng.choice([
        f"预算执行率为{_rate(rng)}，年初预算{_amount(rng)}，实际支出{_amount(rng)}。",
        f"年初预算{_amount(rng)}，全年执行{_amount(rng)}，执行率{_rate(rng)}。",
        f"资金到位率{_rate(rng)}。",
    ])


def table_rows(rng) -> str:
    rows = ["|项目|金额|占比|"]
    for _ in range(rng.randint(1, 6)):
        rows.append(f"|{rng.choice(SUBJECTS + ['合计'])}|{number(rng)}|{_rate(rng)}|")
    return "\n".join(rows)


SENTENCES = [share, breakdown, comparison, respectively, rate, table_rows]


def grammar_text(rng: random.Random) -> str:
    """A short report of generated sentences under generated headings, with mixed line ends."""
    lines = []
    for _ in range(rng.randint(1, 12)):
        if rng.random() < 0.3:
            lines.append(rng.choice(HEADINGS) + rng.choice(["部门概况", "收支情况", "绩效目标", "存在问题", ""]))
        lines.append("".join(rng.choice(SENTENCES)(rng) for _ in range(rng.randint(1, 4))))
    return rng.choice(["\n", "\n", "\r\n", "\r"]).join(lines) + "\n"


def grammar(rng: random.Random) -> Case:
    text = grammar_text(rng)
    return Case("grammar", text.encode(rng.choice(["utf-8", "utf-8", "gb18030", "utf-16"])))


def encodings(rng: random.Random) -> Case:
    """One text in several encodings (a traditional version for Big5): findings must agree."""
    # (invisible characters, which grammar covers, are not in Big5; a BOM inside would read as one at the start)
    text = grammar_text(rng).translate({ord(ch): None for ch in INVISIBLE})
    if rng.random() < 0.5:
        text = _to_traditional(text).replace("爲", "為")  # (OpenCC's 爲 is not in Big5; 為 is)
    texts = {enc: text.encode(enc) for enc in ("utf-8", "gb18030", "utf-16")}
    try:
        texts["big5"] = text.encode("big5")
    except UnicodeEncodeError:
        pass
    return Case("encodings", texts=texts)


_S2T = []


def _to_traditional(text: str) -> str:
    if not _S2T:
        import opencc  # (a dependency of reportlint)

        _S2T.append(opencc.OpenCC("s2t"))
    return _S2T[0].convert(text)


def long_line(rng: random.Random) -> Case:
    width = rng.randint(5_000, 40_000)
    if rng.random() < 0.5:
        clause = rng.choice(SENTENCES[:5])(rng)
        line = (clause * (width // max(1, len(clause)) + 1))[:width]
    else:
        line = rng.choice(["的", "a", "。", "，", " "]) * width + breakdown(rng, rng.randint(1, 5))
    return Case("long-line", (f"一、收支情况\n{line}\n{breakdown(rng)}\n").encode("utf-8"))


HOSTILE_NAMES = [b"new\nline.txt", b"##[error]forged.txt", b"\x1b[2J\x1b[1Aclear.txt", b"::error::x.txt",
                 "报告".encode("gbk") + b".txt", b"-dash.txt", b"a b %0A.txt", "\u202eevil.txt".encode(),
                 b"x" * 200 + b".txt", b"tab\there.txt", b"quote\"'.txt", b"bell\x07.txt"]


def files(rng: random.Random) -> Case:
    """A folder to build: hostile names, links in and out, a FIFO, a link to /dev/zero."""
    entries = [(rng.choice(HOSTILE_NAMES), "report") for _ in range(rng.randint(1, 3))]
    extras = ["outside-link", "outside-folder", "inside-link", "dangling", "loop", "fifo", "zero", "locked"]
    entries += [(f"{what}-{i}.txt".encode(), what) for i, what in enumerate(rng.sample(extras, rng.randint(1, 5)))]
    return Case("files", data=grammar_text(rng).encode("utf-8"), files=entries, follow=rng.random() < 0.2)


GENERATORS = {"grammar": grammar, "encodings": encodings, "long-line": long_line, "files": files}
WEIGHTS = {"grammar": 10, "encodings": 4, "long-line": 0.25, "files": 1}


# --- checking ---------------------------------------------------------------------------------------------

def findings_problem(result) -> str | None:
    """An exception-free result's problem: an internal error, or a finding outside the file."""
    if any(f.code == "RL009" for f in result.findings):
        return "RL009: " + next(f.message for f in result.findings if f.code == "RL009")
    if result.document is not None:
        lines = result.document.lines
        for f in result.findings:
            if not 1 <= f.line <= max(1, len(lines)):
                return f"{f.code} line {f.line} outside 1..{len(lines)}"
            if not f.code.startswith("RL0") and lines and not 1 <= f.column <= len(lines[f.line - 1]) + 1:
                return f"{f.code} column {f.column} outside line {f.line}"
    return None


def _seen(result):
    return [(f.code, f.line, f.column, f.end_line, f.end_column, f.message) for f in result.findings]


def check_case(case: Case, workdir: str) -> str | None:
    from reportlint.lint import lint_bytes

    if case.kind == "encodings":
        results = {enc: lint_bytes(data, "fuzz.txt") for enc, data in case.texts.items()}
        for enc, result in results.items():
            problem = findings_problem(result)
            if problem:
                return f"{enc}: {problem}"
        first = _seen(results["utf-8"])
        for enc, result in results.items():
            if _seen(result) != first:
                return f"{enc} ({result.encoding}) gives other findings than utf-8: {_seen(result)[:3]} vs {first[:3]}"
        return None
    if case.kind == "files":
        return check_folder(case, workdir)
    return findings_problem(lint_bytes(case.data, "fuzz.txt"))


def build_folder(case: Case, workdir: str) -> tuple[bytes, bytes]:
    """Make the folder of a "files" case under ``workdir``; (the folder, the secret file outside it)."""
    import shutil

    base = os.path.join(os.fsencode(workdir), b"case")
    if os.path.lexists(base):
        for root, dirs, _ in os.walk(base):
            for d in dirs:
                os.chmod(os.path.join(root, d), 0o755)
        shutil.rmtree(base)
    top, outside = os.path.join(base, b"tree"), os.path.join(base, b"outside")
    os.makedirs(os.path.join(top, b"sub"))
    os.makedirs(os.path.join(outside, b"folder"))
    secret = os.path.join(outside, b"secret.txt")
    for path in (secret, os.path.join(outside, b"folder", b"more.txt")):
        with open(path, "wb") as handle:
            handle.write(f"{SECRET}：支出合计100.00万元，其中甲项60.00万元、乙项50.00万元。\n".encode())
    for name, what in case.files:
        path = os.path.join(top, name)
        if what == "report":
            with open(path, "wb") as handle:
                handle.write(case.data)
        elif what == "outside-link":
            os.symlink(secret, path)
        elif what == "outside-folder":
            os.symlink(os.path.join(outside, b"folder"), path[:-4])
        elif what == "inside-link":
            with open(os.path.join(top, b"sub", b"in.txt"), "wb") as handle:
                handle.write(case.data)
            os.symlink(b"sub/in.txt", path)
        elif what == "dangling":
            os.symlink(b"nowhere.txt", path)
        elif what == "loop":
            os.symlink(b"..", os.path.join(top, b"sub", b"up"))
        elif what == "fifo":
            os.mkfifo(path)
        elif what == "zero":
            os.symlink(b"/dev/zero", path)
        elif what == "locked":
            os.makedirs(path[:-4])
            with open(os.path.join(path[:-4], b"r.txt"), "wb") as handle:
                handle.write(case.data)
            os.chmod(path[:-4], 0)
    return top, secret


def check_folder(case: Case, workdir: str) -> str | None:
    from xml.etree import ElementTree

    from reportlint.lint import expand_paths, lint_path
    from reportlint.output import render

    top, _ = build_folder(case, workdir)
    paths = expand_paths([os.fsdecode(top)], follow_links=case.follow)
    results = [lint_path(p, max_bytes=1 << 20) for p in paths]
    for result in results:
        problem = findings_problem(result)
        if problem and not problem.startswith("RL009"):
            return problem
        if problem:
            return f"{result.path!r}: {problem}"
    findings = [f for r in results for f in r.findings]
    for fmt in ("full", "concise", "json", "junit", "sarif", "github", "gitlab", "html"):
        out = render(fmt, results)
        if SECRET in out and not case.follow:
            return f"{fmt}: text from outside the folder in the output"
        if fmt == "json":
            json.loads(out)
        elif fmt == "junit":
            ElementTree.fromstring(out.encode("utf-8"))
        elif fmt == "concise":
            lines = out.splitlines()
            if len(lines) != len(findings) or not all(" RL" in line for line in lines):
                return f"concise: {len(lines)} lines for {len(findings)} findings"
        elif fmt == "github":
            commands = [line for line in out.splitlines() if line.startswith("::") or "##[" in line]
            if len(commands) != len(findings) + (1 if "::notice::GitHub shows" in out else 0):
                return f"github: {len(commands)} command lines for {len(findings)} findings"
    for result in results:
        if "zero-" in result.path and not any(f.code in ("RL001", "RL007") for f in result.findings):
            return f"{result.path!r}: a link to /dev/zero was read"
        if "fifo-" in result.path and not any(f.code == "RL001" for f in result.findings):
            return f"{result.path!r}: a FIFO was not reported"
    return None
