"""Write N realistic reports (20–30 KB: prose, numbered headings, .docx table dumps, a score table; some
with defects) from templates written for the benchmark. Deterministic for a given seed.

    python bench/generate.py OUT_DIR N [--seed 1]
"""

from __future__ import annotations

import argparse
import random
from decimal import Decimal
from pathlib import Path

PLACES = ["东城区", "西湖县", "南山区", "北塔区", "清河县", "石门县", "桃源县", "临湘市", "沅江市", "安化县"]
BODIES = ["行政审批服务局", "文化旅游广电局", "农业农村局", "自然资源局", "市场监督管理局", "卫生健康局", "司法局", "统计局"]
FILLER = [
    "我局坚持以习近平新时代中国特色社会主义思想为指导，认真落实上级关于预算绩效管理的各项部署，",
    "围绕年度重点工作任务，强化预算约束，细化资金用途，提高财政资金使用效益，",
    "严格执行中央八项规定精神，厉行节约，从严控制一般性支出和“三公”经费，",
    "健全内部控制制度，规范财务审批程序，做到专款专用、账实相符，",
    "深化“放管服”改革，持续优化营商环境，推动政务服务标准化、规范化、便利化，",
    "加强绩效目标管理，按季度开展绩效运行监控，及时纠正执行偏差，",
    "全年各项工作任务均按计划完成，群众满意度稳步提升。",
]


def money(rng: random.Random, low: int, high: int) -> Decimal:
    return Decimal(rng.randint(low * 100, high * 100)) / 100


def paragraph(rng: random.Random, sentences: int = 8) -> str:
    return "".join(rng.choice(FILLER) for _ in range(sentences)).rstrip("，。") + "。"


def report(rng: random.Random, index: int, defective: bool) -> str:
    year = rng.choice([2020, 2021, 2022, 2023])
    name = f"{rng.choice(PLACES)}{rng.choice(BODIES)}"
    personnel = money(rng, 200, 900)
    public = money(rng, 20, 150)
    basic = personnel + public
    project = money(rng, 50, 800)
    total = basic + project
    budget = (total * Decimal("1.05")).quantize(Decimal("0.01"))
    rate = (total / budget * 100).quantize(Decimal("0.01"))
    share = (basic / total * 100).quantize(Decimal("0.01"))
    reception = money(rng, 1, 9)
    car = money(rng, 1, 20)
    sangong = reception + car
    quota = rng.randint(20, 80)
    staff = quota - rng.randint(0, 5)
    stated_basic = basic
    stated_total_again = total
    if defective:
        kind = index % 4
        if kind == 0:
            stated_basic = basic + Decimal("10.00")
        elif kind == 1:
            stated_total_again = total + Decimal("11.41")
        elif kind == 2:
            rate = rate + Decimal("3.00")
        else:
            share = share + Decimal("2.50")
    lines = [
        f"{name}{year}年度部门整体支出绩效自评报告", "",
        "一、部门基本情况", "（一）部门职能", paragraph(rng, 12), paragraph(rng, 10),
        "（二）机构设置及人员情况", f"本部门共有编制人数{quota}人，实有人数{staff}人。" + paragraph(rng, 6),
        "（三）年度主要工作任务", paragraph(rng, 14), paragraph(rng, 12), "",
        "二、一般公共预算支出情况",
        f"{year}年全年预算数{budget}万元，全年支出{total}万元，其中基本支出{stated_basic}万元，项目支出{project}万元。",
        f"基本支出{basic}万元，其中人员经费{personnel}万元，公用经费{public}万元。" + paragraph(rng, 8),
        f"全年支出{stated_total_again}万元，其中基本支出{basic}万元，占{share}%。" + paragraph(rng, 8),
        f"{year}年“三公”经费实际支出{sangong}万元，其中公务接待费{reception}万元，公务用车购置及运行维护费{car}万元，因公出国（境）费0万元。",
        f"全年预算数{budget}万元，执行数{total}万元，预算执行率{rate}%。", paragraph(rng, 10), "",
        "三、政府性基金预算支出情况", "本部门无政府性基金预算支出。", "",
        "四、部门整体支出绩效情况", paragraph(rng, 16), paragraph(rng, 16), paragraph(rng, 14), "",
        "\t部门（单位）年度支出情况（万元）", "",
        "\t机构名称", "\t支出合计", "\t基本支出", "\t项目支出", "",
        "\t汇总", f"\t{total}", f"\t{basic}", f"\t{project}", "",
        "\t本级", f"\t{total}", f"\t{basic}", f"\t{project}", "",
        "五、存在的主要问题", paragraph(rng, 10), "",
        "六、下一步改进措施", paragraph(rng, 12), "",
        "七、绩效自评结果拟应用和公开情况", paragraph(rng, 6), "",
        "八、其他需要说明的情况", "无。", "",
    ]
    text = "\n".join(lines) + "\n"
    while len(text.encode("utf-8")) < 20_000:
        text += paragraph(rng, 12) + "\n"
    return text


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
        (out / f"report_{i:06d}.txt").write_text(report(rng, i, defective=(i % 5 == 0)), encoding="utf-8")


if __name__ == "__main__":
    main()
