"""The rounding envelope of every arithmetic rule: at the edge of what rounding allows the rule is silent,
one unit of the last printed digit beyond it fires (DESIGN.md: each figure stands for ±½ unit of its last
digit; whole amounts among amounts with decimals count as exact)."""

import pytest

CASES = [
    # (rule, text with {}, value at the edge, value one unit beyond, why)
    ("RL102", "支出合计100.00万元，其中基本支出{}万元。", "100.01", "100.02",
     "100.00 + 0.005 + 0.005 ≥ part"),
    ("RL103", "编制6名，其中主任1名，副主任2名，干部{}名。", "3", "4", "head-counts are exact"),
    ("RL104", "收入由年初预算100.00万元调整为130.00万元，调增{}万元。", "30.01", "30.02",
     "130.00 − 100.00 = 30.00 ± 0.015"),
    ("RL104", "“三公”经费支出2.05万元，年初预算为2.95万元，差值为{}万元。", "0.91", "0.92", "0.90 ± 0.015"),
    ("RL105", "年初结转和结余0万元，本年收入484.14万元，本年支出480.00万元，年末结转和结余{}万元。", "4.15", "4.16",
     "0 is exact among decimals; 484.14 − 480.00 = 4.14 ± 0.015"),
    ("RL107", "2021年“三公经费”财政拨款支出4,855万元，比上年减支433万元。其中：公车购置支出470万元，比上年减支1122万元；"
              "公务用车运行维护费支出3758万元，比上年增支{}万元；公务接待费支出627万元，比上年减支125万元；"
              "因公出国费支出0万元，比上年减支2万元。", "818", "819",
     "five whole changes, ±0.5 each: −1122 + 816 − 125 − 2 = −433 ± 2.5"),
    ("RL202", "支出合计200.00万元，其中基本支出100.00万元，占{}%。", "50.01", "50.02",
     "100.00/200.00 = 50.00 ± 0.004; a share also has one unit of slack"),
    ("RL203", "本年支出110.00万元，比上年增加10.00万元，增长{}%。", "10.01", "10.02",
     "10.00 / 100.00: 9.994% … 10.006%"),
    ("RL204", "基本支出1000.00万元，占一般公共预算支出的50.00%；项目支出1000.00万元，占一般公共预算支出的{}%。",
     "50.01", "50.02", "50.00 + 50.01 is within the shares' ±0.005 each"),
    ("RL108", "单位：万元\n\t项目名称\n\t预算数\n\t执行数\n\n\t办公设备购置\n\t40.00\n\t35.00\n\n"
              "\t信息化运维\n\t35.00\n\t30.00\n\n\t培训经费\n\t25.00\n\t{}\n\n\t合计\n\t100.00\n\t90.00\n\n说明。\n",
     "25.02", "25.03", "35.00 + 30.00 + x = 90.00 ± 0.02 (four figures)"),
    ("RL302", "单位:万元\n项 目 |\n预算数 |\n决算数 |\n合计 |\n49.9 |\n7.69 |\n因公出国(境)费 |\n20 |\n|\n"
              "公务接待费 |\n14.9 |\n5.21 |\n说明。\n2021年度因公出国(境)费支出{}万元，与2021年度预算相比无增减。\n",
     "20.0", "20.1", "the budget 20 is a whole amount: exact"),
    ("RL106", "单位有3个，分别为局机关本级、{}和国库集中支付中心。", "财政事务中心", "财政事务中心、审计中心",
     "names are counted exactly"),
    ("RL205", "群众满意率96.5%，不满意率{}%。", "3.6", "3.7", "96.5 + 3.5 = 100 ± 0.1"),
    ("RL301", "基本支出135.36万元，其中人员经费112.53万元，公用经费22.83万元。\n基本支出合计{}万元。\n", "135.4", "135.5",
     "135.36 rounds to 135.4, not to 135.5"),
]


@pytest.mark.parametrize("code,text,edge,beyond,why", CASES, ids=[f"{c[0]}-{c[2]}" for c in CASES])
def test_edge_is_silent_and_one_unit_beyond_fires(lint, code, text, edge, beyond, why):
    assert code not in [f.code for f in lint(text.format(edge))], why
    assert code in [f.code for f in lint(text.format(beyond))], why


@pytest.mark.parametrize("part,code", [("370.20", "RL401"), ("370.21", "RL401"), ("370.22", "RL101")])
def test_unit_slip_only_while_the_other_unit_makes_the_sum(lint, part, code):
    # 610.20 + 370.20 = 980.40 when the 元 part is read as 万元; rounding allows ±0.015, so 370.21 is still
    # a slip (the edge) and 370.22 is a sum that does not add up whatever the unit
    found = [f.code for f in lint(f"全年支出980.40万元，其中基本支出610.20万元，项目支出{part}元。")]
    assert found == [code]
