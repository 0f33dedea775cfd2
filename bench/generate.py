"""Write N realistic reports from templates written for the benchmark. Deterministic for a given seed.

    python bench/generate.py OUT_DIR N [--seed 1]

Each report is 20–30 KB and as dense in figures as real reports (about 13 numbers a KB; the real seeds have
10, the real excerpts 22): staffing in prose and in a .docx key-value dump, income and spending in prose with their
breakdowns, shares, year-on-year changes and rates, a 汇总 table over units, a list of projects with their
budgets and execution rates, a three-level indicator table (running text in its cells, points and scores,
a 合计 row), the stated score and grade. Every figure agrees with the others, except in every fifth report,
which carries one defect (a part, the amount executed, a rate, a share, a change or a total score off); one
report in ten is written in traditional characters. ``tests/test_generator.py`` holds the linter to both.
"""

from __future__ import annotations

import argparse
import random
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

PLACES = ["东城区", "西湖县", "南山区", "北塔区", "清河县", "石门县", "桃源县", "临湘市", "沅江市", "安化县"]
BODIES = ["行政审批服务局", "文化旅游广电局", "农业农村局", "自然资源局", "市场监督管理局", "卫生健康局", "司法局", "统计局"]
UNITS = ["机关本级", "事务中心", "服务中心", "执法大队", "信息中心", "综合站"]
PROJECTS = ["信息化建设", "业务培训", "专项督查", "宣传教育", "设备购置", "场馆运维", "基层服务能力提升", "档案数字化",
            "应急保障", "课题研究"]
INDICATORS = [  # (first level, second level, third level, target)
    ("产出指标", "数量指标", "完成年度工作任务数", "≥{n}项"),
    ("产出指标", "数量指标", "开展培训次数", "≥{n}次"),
    ("产出指标", "质量指标", "服务事项按时办结率", "100%"),
    ("产出指标", "时效指标", "资金支付及时性", "按进度支付"),
    ("产出指标", "成本指标", "支出控制在预算内", "不超预算"),
    ("效益指标", "社会效益指标", "群众办事便利度", "明显提升"),
    ("效益指标", "可持续影响指标", "长效机制建设", "持续完善"),
    ("满意度指标", "服务对象满意度指标", "服务对象满意率", "≥90%"),
]
FILLER = [
    "我局坚持以习近平新时代中国特色社会主义思想为指导，认真落实上级关于预算绩效管理的各项部署，",
    "围绕年度重点工作任务，强化预算约束，细化资金用途，提高财政资金使用效益，",
    "严格执行中央八项规定精神，厉行节约，从严控制一般性支出和“三公”经费，",
    "健全内部控制制度，规范财务审批程序，做到专款专用、账实相符，",
    "深化“放管服”改革，持续优化营商环境，推动政务服务标准化、规范化、便利化，",
    "加强绩效目标管理，按季度开展绩效运行监控，及时纠正执行偏差，",
    "全年各项工作任务均按计划完成，群众满意度稳步提升。",
]
CENT = Decimal("0.01")


def money(rng: random.Random, low: int, high: int) -> Decimal:
    return Decimal(rng.randint(low * 100, high * 100)) / 100


def percent(part: Decimal, whole: Decimal) -> Decimal:
    return (part / whole * 100).quantize(CENT, rounding=ROUND_HALF_UP)


def paragraph(rng: random.Random, sentences: int) -> str:
    return "".join(rng.choice(FILLER) for _ in range(sentences)).rstrip("，。") + "。"


def docx_rows(rows: list[list[str]]) -> list[str]:
    """A Word table as text extraction dumps it: one tab-indented cell a line, a blank line after each row."""
    out: list[str] = []
    for row in rows:
        out.extend("\t" + cell for cell in row)
        out.append("")
    return out


def pipe_rows(rows: list[list[str]]) -> list[str]:
    """A table as PDF-to-text tools write it: one row a line, cells between bars."""
    return ["| " + " | ".join(row) + " |" for row in rows]


def split(rng: random.Random, total: Decimal, n: int) -> list[Decimal]:
    """``total`` cut into ``n`` positive parts that add up to it to the cent."""
    cents = int(total * 100)
    cuts = sorted(rng.sample(range(1, cents), n - 1))
    edges = [0, *cuts, cents]
    return [Decimal(b - a) / 100 for a, b in zip(edges, edges[1:])]


class Defects:
    """Which defect (if any) a report carries; each ``take(kind)`` is true only for the chosen kind."""

    KINDS = ("part", "executed", "rate", "share", "score", "change")

    def __init__(self, index: int, defective: bool) -> None:
        self.kind = self.KINDS[(index // 5) % len(self.KINDS)] if defective else ""

    def take(self, kind: str) -> bool:
        return self.kind == kind


def staffing(rng: random.Random, year: int) -> list[str]:
    quota = rng.randint(20, 120)
    actual = quota - rng.randint(0, 6)
    serving = actual - rng.randint(2, 12)
    retired = actual - serving
    return [
        "（二）机构设置及人员情况",
        f"本部门内设机构{rng.randint(4, 12)}个，下属单位{rng.randint(1, 5)}个。" + rng.choice([
            f"核定编制{quota}人，实有人数{actual}人，其中在职人员{serving}人，退休人员{retired}人。",
            f"编制数{quota}人，实有{actual}人（在职{serving}人、退休{retired}人）。",
            f"年末实有人数{actual}人，其中：在职人员{serving}人，退休人员{retired}人；核定编制{quota}人。",
        ]) + f"{year}年末实有车辆{rng.randint(1, 9)}辆。",
        *docx_rows([["联系人", "张明"], ["人员编制", str(quota), "实有人数", str(actual)]]),
    ]


def income_and_spending(rng: random.Random, year: int, defects: Defects) -> tuple[list[str], Decimal, list[str]]:
    fiscal = money(rng, 600, 3000)
    other = money(rng, 10, 200)
    carried = money(rng, 5, 150)
    income = fiscal + other
    personnel = money(rng, 300, 1500)
    public = money(rng, 40, 300)
    basic = personnel + public
    project = money(rng, 100, 1200)
    spending = basic + project
    budget = (spending * Decimal(rng.choice(["1.02", "1.05", "1.08", "1.12"]))).quantize(CENT)
    rate = percent(spending, budget)
    previous = (spending * Decimal(rng.choice(["0.88", "0.93", "0.97", "1.04"]))).quantize(CENT)
    change = spending - previous
    growth = percent(abs(change), previous)
    basic_share, project_share = percent(basic, spending), percent(project, spending)
    stated_personnel = personnel + Decimal("10.00") if defects.take("part") else personnel
    executed = spending + Decimal("11.41") if defects.take("executed") else spending
    if defects.take("rate"):
        rate += Decimal("3.00")
    if defects.take("share"):
        basic_share += Decimal("2.50")
    verb, trend = ("增加", "增长") if change >= 0 else ("减少", "下降")
    reception, car, abroad = money(rng, 1, 9), money(rng, 2, 25), Decimal("0")
    sangong = reception + car
    sangong_before = sangong + money(rng, 1, 5)
    sangong_cut = sangong_before - sangong
    sangong_drop = percent(sangong_cut, sangong_before)
    if defects.take("change"):
        sangong_drop += Decimal("4.00")
    units = rng.sample(UNITS, rng.randint(2, 4))
    unit_totals = split(rng, spending, len(units))
    unit_basic = split(rng, basic, len(units))
    table = [["机构名称", "支出合计", "基本支出", "项目支出"], ["汇总", str(spending), str(basic), str(project)]]
    for k, (unit, total, part) in enumerate(zip(units, unit_totals, unit_basic)):
        # keep each unit's 项目支出 non-negative: move the difference into the unit's basic spending
        part = min(part, total)
        table.append([f"{k + 1}、{unit}", str(total), str(part), str(total - part)])
    # the columns must still add up: rebalance the last unit
    basic_rows = sum(Decimal(r[2]) for r in table[2:])
    last = table[-1]
    last_basic = Decimal(last[2]) + basic - basic_rows
    if last_basic < 0 or last_basic > Decimal(last[1]):
        table = table[:2] + [[f"1、{units[0]}", str(spending), str(basic), str(project)]]
    else:
        last[2], last[3] = str(last_basic), str(Decimal(last[1]) - last_basic)
    lines = [
        "二、部门收支情况",
        "（一）收入情况",
        f"{year}年度收入合计{income}万元，其中财政拨款收入{fiscal}万元，占{percent(fiscal, income)}%；"
        f"其他收入{other}万元，占{percent(other, income)}%。年初结转和结余{carried}万元。" + paragraph(rng, 3),
        "（二）支出情况",
        rng.choice([
            f"{year}年度支出合计{spending}万元，比上年{verb}{abs(change)}万元，{trend}{growth}%。其中：基本支出{basic}万元，"
            f"占{basic_share}%；项目支出{project}万元，占{project_share}%。",
            f"本年支出合计{spending}万元，较上年{verb}{abs(change)}万元，{trend}{growth}%，主要原因是业务工作量变化。"
            f"基本支出{basic}万元，占支出合计的{basic_share}%；项目支出{project}万元，占支出合计的{project_share}%。",
            f"{year}年总支出{spending}万元，同比{verb}{abs(change)}万元，{trend}{growth}%。基本支出、项目支出分别为"
            f"{basic}万元、{project}万元，分别占总支出的{basic_share}%、{project_share}%。",
        ]),
        f"基本支出{basic}万元，其中人员经费{stated_personnel}万元，主要包括基本工资、津贴补贴、奖金、社会保障缴费；"
        f"公用经费{public}万元，主要包括办公费、印刷费、水电费、差旅费。" + paragraph(rng, 2),
        rng.choice([
            f"“三公”经费支出{sangong}万元，较上年减少{sangong_cut}万元，下降{sangong_drop}%。其中：公务接待费{reception}万元，"
            f"公务用车购置及运行维护费{car}万元，因公出国（境）费{abroad}万元。",
            f"{year}年度“三公”经费财政拨款支出决算为{sangong}万元，比上年减少{sangong_cut}万元，下降{sangong_drop}%。"
            f"其中：因公出国（境）费支出决算为{abroad}万元；公务用车购置及运行维护费支出决算为{car}万元；"
            f"公务接待费支出决算为{reception}万元。",
        ]) + paragraph(rng, 2),
        "（三）预算执行情况",
        rng.choice([
            f"{year}年全年预算数{budget}万元，全年执行数{executed}万元，预算执行率{rate}%。",
            f"部门整体支出全年预算{budget}万元，实际支出{executed}万元，预算执行率为{rate}%。",
        ]) + paragraph(rng, 2),
        "",
        "\t部门（单位）年度支出情况（万元）",
        "",
        *(docx_rows(table) if rng.random() < 0.7 else pipe_rows(table)),
    ]
    return lines, project, units


def projects(rng: random.Random, year: int, project_total: Decimal) -> list[str]:
    names = rng.sample(PROJECTS, rng.randint(5, 8))
    spent = split(rng, project_total, len(names))
    lines = ["（四）项目支出情况",
             f"{year}年度共实施项目{len(names)}个，项目支出合计{project_total}万元，具体如下："]
    for k, (name, amount) in enumerate(zip(names, spent), start=1):
        budget = (amount * Decimal(rng.choice(["1.00", "1.03", "1.06", "1.10", "1.25"]))).quantize(CENT)
        lines.append(f"{k}.{name}项目：全年预算数{budget}万元，实际支出{amount}万元，执行率{percent(amount, budget)}%。"
                     f"完成{rng.randint(3, 40)}项工作任务，开展{rng.randint(2, 20)}次检查，覆盖{rng.randint(10, 300)}个单位。"
                     + paragraph(rng, 4))
    return lines


def indicators(rng: random.Random, defects: Defects) -> tuple[list[str], int]:
    weights = [10, 10, 10, 10, 10, 20, 10, 20]
    header = ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"]
    rows = [header]
    scores = []
    for (first, second, third, target), weight in zip(INDICATORS, weights):
        lost = rng.choice([0, 0, 0, 1, 2])
        score = weight - lost
        scores.append(score)
        n = rng.randint(5, 60)
        done = (f"{year_text(rng)}共完成{n + rng.randint(0, 9)}项，较计划多{rng.randint(0, 5)}项，办结{rng.randint(100, 900)}件，"
                f"办结率{rng.choice(['98.50', '99.20', '100'])}%")
        rows.append([first, second, third, target.format(n=n), done, str(weight), str(score)])
    total = sum(scores)
    stated = total + 3 if defects.take("score") else total
    rows.append(["合计", "", "", "", "", "100", str(stated)])
    lines = ["三、部门整体支出绩效指标完成情况", "", "\t部门整体支出绩效指标完成情况表", "", *docx_rows(rows)]
    return lines, total


def year_text(rng: random.Random) -> str:
    return rng.choice(["全年", "本年度", "年内"])


def grade(score: int) -> str:
    return "优" if score >= 90 else "良" if score >= 80 else "中" if score >= 60 else "差"


def report(rng: random.Random, index: int, defective: bool) -> str:
    year = rng.choice([2020, 2021, 2022, 2023])
    name = f"{rng.choice(PLACES)}{rng.choice(BODIES)}"
    defects = Defects(index, defective)
    money_lines, project_total, _ = income_and_spending(rng, year, defects)
    score_lines, score = indicators(rng, defects)
    lines = [
        f"{name}{year}年度部门整体支出绩效自评报告", "",
        "一、部门基本情况", "（一）部门职能", paragraph(rng, 10), paragraph(rng, 8),
        *staffing(rng, year), "",
        *money_lines,
        *projects(rng, year, project_total), "",
        *score_lines,
        "四、自评结论",
        f"经自评，本部门{year}年度整体支出绩效自评得分{score}分，评价等级为“{grade(score)}”。" + paragraph(rng, 2), "",
        "五、存在的主要问题", paragraph(rng, 4), "",
        "六、下一步改进措施", paragraph(rng, 4), "",
        "七、绩效自评结果拟应用和公开情况", paragraph(rng, 2), "",
        "八、其他需要说明的情况", "无。", "",
    ]
    text = "\n".join(lines) + "\n"
    while len(text.encode("utf-8")) < 20_000:  # more projects' worth of prose, never more filler than figures
        text += "\n".join(projects(rng, year, money(rng, 100, 900))[2:]) + "\n"
    return text


def traditional(text: str) -> str:
    import opencc  # a dependency of reportlint

    return opencc.OpenCC("s2t").convert(text)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("n", type=int)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    for i in range(args.n):
        text = report(rng, i, defective=(i % 5 == 0))
        if i % 10 == 3:
            text = traditional(text)
        (out / f"report_{i:06d}.txt").write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
