"""Each rule: a case that fires, one that does not, and the rounding envelope (edge silent, one unit beyond fires)."""

import pytest


def codes(findings, prefix="RL"):
    return [(f.code, f.line) for f in findings if f.code.startswith(prefix)]


# ---------------------------------------------------------------- RL101
def test_rl101_identity_breakdown_fires(lint):
    found = lint("基本支出135.36万元，其中人员经费112.53万元，公用经费22.80万元。")
    f = [x for x in found if x.code == "RL101"]
    assert len(f) == 1
    assert f[0].severity == "error"
    assert "112.53 + 公用经费 22.80 = 135.33万元" in f[0].message
    assert f[0].column == 5


def test_rl101_silent_when_consistent(lint):
    assert codes(lint("基本支出135.36万元，其中人员经费112.53万元，公用经费22.83万元。"), "RL1") == []


@pytest.mark.parametrize("total,fires", [("135.37", False), ("135.35", False), ("135.38", True), ("135.34", True)])
def test_rl101_rounding_envelope(lint, total, fires):
    # parts 112.53 + 22.83 = 135.36; three 2-decimal figures allow 0.015 in all
    found = lint(f"基本支出{total}万元，其中人员经费112.53万元，公用经费22.83万元。")
    assert ("RL101" in [f.code for f in found]) is fires


def test_rl101_whole_amount_among_decimals_is_exact(lint):
    assert "RL101" in [f.code for f in lint("“三公”经费合计89.97万元，其中公务接待费30万元，公务用车购置及运行维护费30万元，因公出国（境）费29.99万元。")]
    assert "RL101" not in [f.code for f in lint("“三公”经费合计16.65万元，其中公务接待费8万元，公务用车购置及运行维护费8.65万元，因公出国（境）费0万元。")]


_FIVE_PARTS = ("2022年本年支出合计4143.91万元，其中：基本支出1140.27万元，占27.52%；项目支出3003.64万元，占72.48%；"
               "上缴上级支出0万元，占0%；经营支出0万元，占0%；对附属单位补助支出0万元，占0%。")


def test_rl101_expenditure_with_every_optional_part_is_an_equality(lint):
    assert codes(lint(_FIVE_PARTS)) == []
    found = [f for f in lint(_FIVE_PARTS.replace("上缴上级支出0万元", "上缴上级支出100万元")) if f.code == "RL101"]
    assert [(f.severity, f.column) for f in found] == [("error", 12)]  # one finding for the total, not one per relation
    assert "基本支出 1140.27 + 项目支出 3003.64 + 上缴上级支出 100 + 经营支出 0 + 对附属单位补助支出 0 = 4243.91万元" in found[0].message


def test_rl101_list_goes_on_under_a_total_the_vocabulary_cannot_name(lint):
    text = "2017年度，本单位支出为1942.57万元。其中：基本支出1121.09万元，占57.71%；项目支出821.48万元，占42.29%；经营支出0万元，占0%。"
    assert codes(lint(text)) == []
    # the third share is read against the same total: 项目支出 is a sibling of 基本支出 after the semicolon
    found = lint(text.replace("42.29%", "44.29%"))
    assert [f.code for f in found] == ["RL202", "RL204"]
    assert "821.48万元 ÷ 1942.57万元（第1行）= 42.29%" in found[0].message


def test_rl101_table_row_identity(lint):
    text = ("\t机构名称\n\t支出合计\n\t基本支出\n\t项目支出\n\n"
            "\t汇总\n\t1125.76\n\t135.36\n\t980.40\n\n说明。\n")
    found = [f for f in lint("（万元）\n" + text) if f.code == "RL101"]
    assert len(found) == 1 and found[0].severity == "warning"  # parts short of the total: other categories may exist


# ---------------------------------------------------------------- RL102
def test_rl102_part_exceeds_total(lint):
    found = lint("支出合计100.00万元，其中基本支出120.00万元。")
    assert codes(found, "RL102") == [("RL102", 1)]
    assert codes(lint("支出合计100.00万元，其中基本支出60.00万元。"), "RL1") == []


# ---------------------------------------------------------------- RL201
def test_rl201_execution_rate(lint):
    found = [f for f in lint("全年预算数371.88万元，执行数350.00万元，预算执行率100%。") if f.code == "RL201"]
    assert len(found) == 1 and "94.12%" in found[0].message


def test_rl201_any_budget_may_match(lint):
    text = "基本支出年初预算数86.91万元，全年预算数371.88万元，本年支出371.88万元。预算执行率100%。"
    assert codes(lint(text), "RL2") == []


@pytest.mark.parametrize("rate,fires", [("95.00%", False), ("95.01%", False), ("94.99%", False),
                                        ("95.02%", True), ("94.98%", True)])
def test_rl201_envelope(lint, rate, fires):
    # a/b lies in [94.995/100.005, 95.005/99.995] = [94.9903%, 95.0098%]; a stated 95.01% stands for
    # [95.005%, 95.015%] and still meets it (silent at the edge); 95.02% does not (fires one unit beyond)
    found = lint(f"全年预算数100.00万元，执行数95.00万元，预算执行率{rate}。")
    assert ("RL201" in [f.code for f in found]) is fires


@pytest.mark.parametrize("rate,fires", [("78.0%", False), ("78.5%", False), ("77.5%", False),
                                        ("78.6%", True), ("77.4%", True)])
def test_rl201_of_the_budget_named_between(lint, rate, fires):
    # "完成预算10万元的Y%": the budget stated between the actual and the rate is its denominator; 10 is
    # exact among amounts with decimals, 7.8 stands for [7.75, 7.85]: 77.5% … 78.5%
    text = f"“三公”经费支出决算为17.06万元。其中：因公出国（境）费支出决算为7.8万元，完成预算10万元的{rate}。"
    found = [f for f in lint(text) if f.code == "RL201"]
    assert bool(found) is fires
    if fires:
        assert found[0].message.startswith(f"完成预算的比例写作 {rate}，但 7.8万元（第1行）÷ 10万元（第1行）= 78.00%")


def test_rl201_control_rate_in_a_table(lint):
    table = "\t财政供养人员情况\n\t编制数\n\t实际在职人数\n\t在职人员控制率\n\n\t\n\t8\n\t7\n\t97.50%\n\n说明。\n"
    assert "RL201" in [f.code for f in lint(table)]
    assert "RL201" not in [f.code for f in lint(table.replace("97.50%", "87.50%"))]


# ---------------------------------------------------------------- RL202
def test_rl202_share(lint):
    assert "RL202" in [f.code for f in lint("全年支出2665.79万元，其中基本支出2038.31万元，占84.06%。")]
    assert "RL202" not in [f.code for f in lint("全年支出2665.79万元，其中基本支出2038.31万元，占76.46%。")]


# ---------------------------------------------------------------- RL203
def test_rl203_change_rate(lint):
    assert "RL203" not in [f.code for f in lint("机关运行经费312.23万元，比上年增加15.18万元，增长5.11%。")]
    found = [f for f in lint("公务接待费支出5.21万元，减少0.1万元，下降0.006%。") if f.code == "RL203"]
    assert found and "1.88%" in found[0].message


# ---------------------------------------------------------------- RL301
def test_rl301_restated_total(lint):
    text = ("2022年实际支出2677.20万元，其中基本支出2049.72万元，项目支出627.48万元。\n"
            "全年支出2665.79万元，其中基本支出2038.31万元，占76.46%。\n")
    found = [f for f in lint(text) if f.code == "RL301"]
    assert [(f.line, f.column) for f in found] == [(2, 5), (2, 21)]
    assert "2677.20万元" in found[0].message and found[0].related[0].line == 1


def test_rl301_same_digits_at_same_precision_must_match(lint):
    text = "基本支出135.36万元，其中人员经费112.53万元，公用经费22.83万元。\n基本支出合计135.35万元。\n"
    assert [f.line for f in lint(text) if f.code == "RL301"] == [2]
    assert [f.code for f in lint(text.replace("135.35", "135.4"))].count("RL301") == 0


def test_rl301_qualifiers_keep_different_quantities_apart(lint):
    text = ("2023年基本支出年初预算数86.91万元，全年预算数371.88万元，本年支出371.88万元。\n"
            "2022年基本支出300.00万元。\n局机关基本支出100.00万元。\n")
    assert [f for f in lint(text) if f.code == "RL301"] == []


# ---------------------------------------------------------------- RL401
def test_rl401_unit_slip(lint):
    found = [f for f in lint("2018年部门预算总收入286.16万元，其中一般预算拨款收入286.16元。") if f.code.startswith("RL")]
    assert [(f.code, f.column) for f in found] == [("RL401", 32)]


def test_rl401_slip_in_a_complete_breakdown(lint):
    found = lint("基本支出543.02万元，其中人员经费514.98元，公用经费28.04万元。")
    assert [f.code for f in found if f.code.startswith(("RL1", "RL4"))] == ["RL401"]


# ---------------------------------------------------------------- RL501/RL502
REPORT = "某局2023年部门整体支出绩效自评报告\n一、部门基本情况\n内容。\n二、部门整体支出绩效情况\n内容。\n{rest}"


def test_rl501_missing_sections(lint):
    found = [f for f in lint(REPORT.format(rest="")) if f.code == "RL501"]
    assert {f.message.split("“")[1].split("”")[0] for f in found} == {
        "存在的主要问题", "下一步改进措施", "绩效自评结果拟应用和公开情况", "其他需要说明的情况"}


def test_rl501_merged_heading_satisfies_two_sections(lint):
    rest = "三、存在的主要问题及下一步改进措施\n内容。\n四、绩效自评结果拟应用和公开情况\n内容。\n五、其他需要说明的情况\n无。\n"
    assert [f for f in lint(REPORT.format(rest=rest)) if f.code == "RL501"] == []


def test_rl501_not_judged_on_an_excerpt(lint):
    assert [f for f in lint("一、部门基本情况\n内容。\n") if f.code == "RL501"] == []


def test_rl502_numbering(lint):
    text = ("一、概况\n内容。\n（一）机构\n内容。\n（二）人员\n内容。\n（1）在职\n内容。\n（二）职能\n内容。\n"
            "二、问题\n内容。\n3、 改进措施\n内容。\n四、其他\n内容。\n")
    found = [(f.line, f.message[:6]) for f in lint(text) if f.code == "RL502"]
    assert [line for line, _ in found] == [9, 13, 15]


def test_rl502_restart_and_toc(lint):
    toc = "目录\n一、概况\n二、支出\n三、问题\n"
    body = "一、概况\n内容。\n二、支出\n内容。\n一、推行不见面办\n内容。\n三、问题\n内容。\n"
    found = [f for f in lint(toc + body) if f.code == "RL502"]
    assert [f.line for f in found] == [9]


# ---------------------------------------------------------------- RL6xx
SCORE_TABLE = ("部门整体支出绩效评价评分表\n\t一级指标\n\t分值\n\t得分\n\n\t投入\n\t20\n\t20\n\n\t过程\n\t40\n\t{p}\n\n"
               "\t产出\n\t40\n\t38\n\n\t总分\n\t100\n\t\n\n说明。\n")


def test_rl601_rl602_score_table(lint):
    text = "经综合评定，自评得分为98分，评价等次为“优秀”。\n" + SCORE_TABLE.format(p="30")
    found = {f.code: f for f in lint(text)}
    assert "RL601" in found and "88" in found["RL601"].message
    assert found["RL601"].severity == "error"
    assert "RL602" in found  # 88 would be 良
    clean = "经综合评定，自评得分为98分，评价等次为“优秀”。\n" + SCORE_TABLE.format(p="40")
    assert not {"RL601", "RL602"} & {f.code for f in lint(clean)}


def test_rl601_rl602_leave_a_table_that_holds_only_part_of_the_points(lint):
    # the funds row of a 项目支出绩效自评表 (分值 10) is not the whole scoring of a 94.5-point report
    form = ("| 项目资金（万元） | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 |\n"
            "| 年度资金总额 | 120 | 150 | 142.5 | 10 | 95% | 9.5 |\n"
            "项目自评得分94.5分，评价等级为优。\n")
    assert codes(lint(form)) == []
    # a table of the full 100 points is still held to the stated score
    whole = "经综合评定，自评得分为{}分，评价等次为“优秀”。\n" + SCORE_TABLE.format(p="40")
    assert "RL601" not in [f.code for f in lint(whole.format("98"))]
    assert "RL601" in [f.code for f in lint(whole.format("96"))]


def test_rl602_grade_band(lint):
    assert "RL602" in [f.code for f in lint("自评分数为89.5分，评价等次为优秀。")]
    assert "RL602" not in [f.code for f in lint("自评分数为90分，评价等次为优秀。")]


def test_rl603_score_above_weight(lint):
    text = "\t指标\n\t分值\n\t得分\n\n\t预算执行\n\t5\n\t6\n\n说明。\n"
    assert "RL603" in [f.code for f in lint(text)]


# ---------------------------------------------------------------- RL9xx
def test_rl901_rl902(lint):
    found = [f.code for f in lint("根据201８年文件。督查机制。。按期办结率率99%。等等。\n")]
    assert found.count("RL901") == 1 and found.count("RL902") == 2


# ---------------------------------------------------------------- RL503/RL604/RL605
RULE_TABLE = (
    "\t人员编制\n\t{quota}\n\t实有人数\n\t{staff}\n\n说明。\n\n"
    "部门整体支出绩效评价评分表\n"
    "\t一级指标\n\t三级指标\n\t评分标准\n\t分值\n\t自评得分\n\n"
    "\t投入（10分）\n\t财政供养人员控制率\n\t在职人员控制率≦100%，计5分；每超过一个百分点扣0.5分，扣完为止。\n\t5\n\t{score}\n\n"
    "\t\n\t资金结余\n\t无结余，5分；有结余，但不超过上年结转，3分。\n\t5\n\t5\n\n"
    "\t总分\n\t\n\t\n\t100\n\t\n\n说明。\n"
)


def test_rl605_control_rate_against_its_rule(lint):
    found = [f for f in lint(RULE_TABLE.format(quota=18, staff=38, score=5)) if f.code == "RL605"]
    assert len(found) == 1 and "211.11%" in found[0].message
    assert not [f for f in lint(RULE_TABLE.format(quota=18, staff=17, score=5)) if f.code == "RL605"]
    # 101/100 = 101%: one point over allows 4.5
    assert [f for f in lint(RULE_TABLE.format(quota=100, staff=102, score=5)) if f.code == "RL605"]
    assert not [f for f in lint(RULE_TABLE.format(quota=100, staff=101, score="4.5")) if f.code == "RL605"]


def test_rl605_balance_scored_full(lint):
    text = "2020年度当年结余469.57万元。\n" + RULE_TABLE.format(quota=18, staff=17, score=5)
    found = [f for f in lint(text) if f.code == "RL605"]
    assert len(found) == 1 and "469.57" in found[0].message


def test_rl604_group_weights(lint):
    assert not [f for f in lint(RULE_TABLE.format(quota=18, staff=17, score=5)) if f.code == "RL604"]
    bad = RULE_TABLE.format(quota=18, staff=17, score=5).replace("投入（10分）", "投入（15分）")
    found = [f for f in lint(bad) if f.code == "RL604"]
    assert len(found) == 1 and "5 + 5 = 10" in found[0].message


def test_rl503_empty_score_and_prompt(lint):
    text = RULE_TABLE.format(quota=18, staff=17, score="") + "评价结论\n结合自评情况，说明项目自评总分。（200字以内）\n"
    found = [f for f in lint(text) if f.code == "RL503"]
    assert len(found) == 2
    assert "财政供养人员控制率" in found[0].message


# ---------------------------------------------------------------- RL103
def test_rl103_head_counts(lint):
    assert [f.code for f in lint("编制6名，其中主任1名，副主任2名，干部4名。")] == ["RL103"]
    assert [f.code for f in lint("编制6名，其中主任1名，副主任2名，干部3名。")] == []
    assert [f.code for f in lint("实有人数11人，其中：在职人员10人，离休人员0人，退休人员1人。")] == []
    assert [f.code for f in lint("在职63人，其中党员30人，女职工40人。")] == []  # overlapping categories
    assert [f.code for f in lint("编制614名，其中：在职在编455名，退休13名，长沙")] == []  # the list goes on


# ---------------------------------------------------------------- RL104 and unit slips between restatements
def test_rl104_budget_adjustment(lint):
    assert [f.code for f in lint("收入由年初预算12981.26万元调整为13250.10万元，调增300.00万元。")] == ["RL104"]
    assert [f.code for f in lint("收入由年初预算79552.91万元调整为82513.70万元，调增2960.79万元。")] == []
    assert [f.code for f in lint("收入由年初预算3574.04万元调整为3842.88万元，主要由于：(1)企业利润上缴调增49.16万元。")] == []


def test_rl104_stated_difference(lint):
    text = "“三公”经费支出2.05万元，年初预算为2.95万元，差值为{}万元。"
    assert [f.code for f in lint(text.format("0.9"))] == []
    found = lint(text.format("0.8"))
    assert [(f.code, f.line, f.column) for f in found] == [("RL104", 1, 31)]
    assert "差值写作 0.8万元，但 2.05万元 与 2.95万元 相差 0.90万元" in found[0].message
    # the edge: with 2.05 ± 0.005, 2.95 ± 0.005 and 0.91 ± 0.005 the difference may be 0.915 − 0.015
    assert [f.code for f in lint(text.format("0.91"))] == []
    assert [f.code for f in lint(text.format("0.92"))] == ["RL104"]
    # two figures of different concepts before it: not a stated difference of them
    assert [f.code for f in lint("基本支出2.05万元，项目支出2.95万元，差额为0.5万元。")] == []


def test_rl401_restated_in_another_unit(lint):
    found = lint("全年支出980.40万元，其中基本支出610.20万元。\n基本支出610.20元，主要用于人员。\n")
    assert [(f.code, f.line) for f in found] == [("RL401", 2)]


# ---------------------------------------------------------------- RL606
TARGETS = ("\t指标\n\t年度指标值\n\t实际完成值\n\t分值\n\t得分\n\n"
           "\t政府采购执行率\n\t100%\n\t{actual}\n\t2\n\t{score}\n\n\t注册用户\n\t≥5万\n\t5万余人\n\t5\n\t5\n\n说明。\n")


def test_rl606_full_marks_despite_missed_target(lint):
    assert [f.line for f in lint(TARGETS.format(actual="72.74%", score=2)) if f.code == "RL606"] == [11]  # the score cell
    assert not [f for f in lint(TARGETS.format(actual="72.74%", score="1.5")) if f.code == "RL606"]
    assert not [f for f in lint(TARGETS.format(actual="100%", score=2)) if f.code == "RL606"]


def test_rl606_rate_times_weight(lint):
    table = "\t项目\n\t全年预算数\n\t全年执行数\n\t分值\n\t执行率\n\t得分\n\n\t年度资金总额\n\t43.2\n\t37.24\n\t10\n\t{rate}\n\t{score}\n\n说明。\n"
    assert [f.code for f in lint(table.format(rate="76%", score=10)) if f.code == "RL606"] == ["RL606"]
    assert not [f for f in lint(table.format(rate="86%", score=9)) if f.code == "RL606"]  # 8.6, within 0.5


# ---------------------------------------------------------------- listed totals, count rates, named wholes
def test_listed_items_before_a_total(lint):
    text = "项目共分三期实施，第一期投入80万元，第二期投入70万元，第三期投入55.5万元，合计{t}万元。"
    assert [f.code for f in lint(text.format(t="205.5"))] == []
    found = [f for f in lint(text.format(t="215.5")) if f.code == "RL101"]
    assert found and "第一期投入 80 + 第二期投入 70 + 第三期投入 55.5 = 205.50万元" in found[0].message


def test_count_rate_from_the_two_counts_before_it(lint):
    text = "受益群众5600人，满意度调查共发放问卷500份，回收有效问卷480份，满意率{r}。"
    assert [f.code for f in lint(text.format(r="96%"))] == []
    assert [f.code for f in lint(text.format(r="98%"))] == ["RL201"]
    # truncated rather than rounded is accepted: 1100/1150 = 95.65%
    assert [f.code for f in lint("受理1200件，办结1150件，按时办结1100件，按时办结率95%。")] == []


def test_named_whole_prefers_the_specific_concept(lint):
    text = ("本年支出合计1180.00万元，其中：基本支出900.00万元，项目支出280.00万元。\n"
            "政府采购支出总额200.00万元。授予中小企业合同金额180.00万元，占政府采购支出总额的90%。\n")
    assert [f.code for f in lint(text)] == []


def test_change_against_an_explicit_base(lint):
    text = "2023年全年支出2665.79万元，比上年{base}万元增加165.79万元，增长6.63%。"
    assert [f.code for f in lint(text.format(base="2500.00"))] == []
    found = lint(text.format(base="2400.00"))
    assert sorted(f.code for f in found) == ["RL104", "RL203"]
    assert "上年数 2400.00万元 + 变动 165.79万元 = 2565.79万元" in next(f.message for f in found if f.code == "RL104")


def test_rl401_on_the_total_when_its_unit_is_the_odd_one(lint):
    found = lint("全年支出543.02元，其中人员经费514.98万元，公用经费28.04万元。")
    assert [(f.code, f.column) for f in found] == [("RL401", 5)]
    assert "应为 543.02万元" in found[0].message


def test_count_rates_need_named_operands_right_before_them(lint):
    # 2735/2792 are not the operands of 问题解决率: the denominator is not named as a total
    assert [f.code for f in lint("共签收工单3037条，办结2792条，回访工单2735条，问题解决率87%。")] == []
    assert [f.code for f in lint("全区642项事项进驻中心，683项事项可在网上办理，网上可办率达96.87%。")] == []
    assert [f.code for f in lint("应办理工单11303件，已办理11303件，办结率99%。")] == ["RL201"]


PROJECT_FUNDS = ("项目资金（万元）\n"
                 "\t项目\n\t年初预算数\n\t全年预算数\n\t全年执行数\n\n"
                 "\t年度资金总额\n\t43.2\n\t43.2\n\t{total}\n\n"
                 "\t其中：当年财政拨款\n\t43.2\n\t43.2\n\t37.24\n\n"
                 "\t上年结转资金\n\t\n\t\n\t\n\n"
                 "\t其他资金\n\t\n\t\n\t\n\n说明。\n")


def test_project_funds_with_empty_rows_as_zero(lint):
    assert [f.code for f in lint(PROJECT_FUNDS.format(total="37.24"))] == []
    found = [f for f in lint(PROJECT_FUNDS.format(total="39.24")) if f.code == "RL101"]
    assert len(found) == 1 and found[0].line == 10


def test_rl105_balances(lint):
    text = "年初结转和结余0万元，本年收入484.14万元，本年支出{spent}万元，年末结转和结余0万元。"
    assert [f.code for f in lint(text.format(spent="484.14"))] == []
    assert [f.code for f in lint(text.format(spent="480.00"))] == ["RL105"]
    assert [f.code for f in lint("2023年度收入总计434.72万元，支出总计434.70万元。")] == ["RL105"]
    assert [f.code for f in lint("2023年度收入总计434.72万元，支出总计434.72万元。")] == []


def test_rl106_count_against_the_list(lint):
    assert [f.code for f in lint("直属事业单位10个，即A中心、B中心、C中心、D中心、E中心、F中心、G中心、H中心、I所。")] == ["RL106"]
    assert [f.code for f in lint("单位有3个，分别为局机关本级、财政事务中心和国库集中支付中心。")] == []
    assert [f.code for f in lint("下设办公室、预算股、人事教育股等16个股室。")] == []
    assert [f.code for f in lint("内设股室4个，分别是：办公室（加挂政工股、法规股牌子）、审批股、电子政务股、效能股。")] == []
    assert [f.code for f in lint("设4个内设机构：办公室、法规科、审批科、监督科及所属事业单位：政务服务中心。")] == []
    # the list goes with the count just before 分别为, not with an earlier one of the same sentence
    two_counts = "下设3个股室、2个二级机构，分别为水利站、河道所{}。"
    assert [f.code for f in lint(two_counts.format(""))] == []
    found = lint(two_counts.format("、测量队"))
    assert [(f.code, f.column) for f in found] == [("RL106", 8)]
    assert "写明 2个二级机构，但列出了 3 个" in found[0].message


def test_rl302_no_change_against_a_different_budget(lint):
    table = ("单位:万元\n项 目 |\n预算数 |\n决算数 |\n合计 |\n49.9 |\n7.69 |\n因公出国(境)费 |\n20 |\n|\n"
             "公务接待费 |\n14.9 |\n5.21 |\n说明。\n")
    text = table + "2021年度因公出国(境)费支出{v}万元，与2021年度预算相比无增减。\n"
    assert [f.code for f in lint(text.format(v="0"))] == ["RL302"]
    assert [f.code for f in lint(text.format(v="20"))] == []


def test_rl107_changes_of_the_parts_add_up(lint):
    text = ("2021年“三公经费”财政拨款支出4,855万元，比上年减支433万元。其中：公车购置支出470万元，比上年减支1122万元；"
            "公务用车运行维护费支出3758万元，比上年增支{car}万元；公务接待费支出627万元，比上年减支125万元；"
            "因公出国费支出0万元，比上年减支2万元。")
    assert [f.code for f in lint(text.format(car="816"))] == []
    found = [f for f in lint(text.format(car="861")) if f.code == "RL107"]
    assert len(found) == 1 and "−388.00万元" in found[0].message


def test_rate_of_a_named_budget(lint):
    text = "“三公经费”财政拨款支出4,855万元，比上年减支433万元，为年初预算数6180万元的{r}%。"
    assert [f.code for f in lint(text.format(r="78.56"))] == []
    found = lint(text.format(r="79.56"))
    assert [f.code for f in found] == ["RL201"] and "完成预算的比例" in found[0].message


TABLE_TOTAL = ("单位：万元\n\t项目名称\n\t预算数\n\t执行数\n\n\t办公设备购置\n\t40.00\n\t35.00\n\n"
               "\t信息化运维\n\t35.00\n\t30.00\n\n\t{third}\n\t25.00\n\t{x}\n\n\t合计\n\t100.00\n\t90.00\n\n说明。\n")


def test_rl108_total_row_of_a_flat_table(lint):
    assert [f.code for f in lint(TABLE_TOTAL.format(third="培训经费", x="25.00"))] == []
    found = [f for f in lint(TABLE_TOTAL.format(third="培训经费", x="30.00")) if f.code == "RL108"]
    assert len(found) == 1 and found[0].line == 20 and "95.00" in found[0].message
    # a 其中 row makes the table hierarchical: not checked
    assert [f.code for f in lint(TABLE_TOTAL.format(third="其中：培训经费", x="30.00"))] == []


def test_rl205_complementary_rates(lint):
    assert [f.code for f in lint("群众满意率96.5%，不满意率4.5%。")] == ["RL205"]
    assert [f.code for f in lint("群众满意率96.5%，不满意率3.5%。")] == []
    assert [f.code for f in lint("满意率90%，基本满意率8%，不满意率2%。")] == []


def test_income_sources(lint):
    text = "本年收入合计1200.00万元，其中：一般公共预算财政拨款收入1150.00万元，事业收入30.00万元，其他收入{o}万元。"
    assert [f.code for f in lint(text.format(o="20.00"))] == []
    assert [(f.code, f.severity) for f in lint(text.format(o="30.00"))] == [("RL101", "error")]
    assert [(f.code, f.severity) for f in lint(text.format(o="10.00"))] == [("RL101", "warning")]


def test_shares_listed_after_fenbie_zhan_go_with_the_amounts_in_order(lint):
    text = "本年支出合计1000.00万元，其中：基本支出、项目支出分别为700.00万元、300.00万元，分别占{}%、{}%。"
    assert codes(lint(text.format("70.00", "30.00"))) == []  # not 70% of the last amount (300)
    found = lint(text.format("72.50", "30.00"))
    assert [(f.code, f.column) for f in found] == [("RL202", 53), ("RL204", 60)]
    assert "占比写作 72.50%，但 700.00万元 ÷ 1000.00万元（第1行）= 70.00%" in found[0].message
    named = "总支出1000.00万元。基本支出、项目支出分别为700.00万元、300.00万元，分别占总支出的{}%、{}%。"
    assert codes(lint(named.format("70.00", "30.00"))) == []
    assert codes(lint(named.format("70.00", "32.50"))) == [("RL202", 1), ("RL204", 1)]
    # shares of different wholes ("各自预算") are not a list of one whole's parts
    assert codes(lint("甲项目、乙项目分别为700.00万元、300.00万元，分别占各自预算的95.00%、98.00%。")) == []


def test_a_bare_balance_after_budget_and_spending_is_their_difference(lint):
    # not the year-end balance that the 其中 list after it would break down (that was an RL102 false alarm)
    text = ("项目预算800万元，实际支出760万元，结余40万元，结余率5%。其中设备购置费400万元，占支出的52.63%；"
            "工程费300万元，占39.47%；其他费用60万元，占7.89%。")
    assert codes(lint(text)) == []
    same_concept = "“三公”经费年初预算20.00万元，实际支出16.00万元，结余{}万元。"
    assert codes(lint(same_concept.format("4.00"))) == []
    found = lint(same_concept.format("5.00"))
    assert [(f.code, f.column) for f in found] == [("RL104", 33)]
    assert "20.00万元 与 16.00万元 相差 4.00万元" in found[0].message
    # the year-end balance itself still heads its breakdown
    assert codes(lint("年末结转和结余50.00万元，其中基本支出结转10.00万元，项目支出结转45.00万元。")) == [("RL101", 1)]


def test_an_optional_part_that_is_stated_counts(lint):
    # 资本性支出 is optional in the economic classification of 支出合计; when stated it is one of the parts
    text = ("全年总支出2600万元。按经济分类：工资福利支出1500万元，商品和服务支出600万元，对个人和家庭的补助100万元，"
            "资本性支出{}万元。")
    assert codes(lint(text.format("400"))) == []
    found = lint(text.format("450"))
    assert [(f.code, f.severity) for f in found] == [("RL101", "error")]
    assert "+ 资本性支出 450 = 2650.00万元，与支出合计 2600万元" in found[0].message


# ---------------------------------------------------------------- relations that run across sentences
def test_change_in_the_next_sentence_goes_on_about_the_amount_before(lint):
    text = "1、收入：792.22万元。同比上年度增加189.25万元，增加{}。"
    assert codes(lint(text.format("31.39%"))) == []
    found = lint(text.format("33.76%"))
    assert [(f.code, f.column) for f in found] == [("RL203", 33)]
    assert "变动额 189.25万元 ÷ 上年数 602.97（= 792.22万元 − 189.25万元） = 31.39%" in found[0].message
    # a sentence that does not open with the comparison names its own subject: not paired
    assert codes(lint("收入792.22万元。项目支出增加189.25万元，增加33.76%。")) == []
    # after a breakdown the comparison may be about the total or the last part: not paired
    assert codes(lint("“三公”经费支出6.50万元，其中：公务接待费2.50万元，公务用车购置及运行维护费4.00万元，"
                      "因公出国（境）费0万元。较上年减少1.14万元，下降14.92%。")) == []


def test_identity_items_in_later_sentences_of_the_paragraph(lint):
    text = ("2018年全市“三公”经费决算总额2771万元，比上年下降1.8%。分项情况是：因公出国（境）经费决算120万元，"
            "比上年增长79.1%；公务接待费决算{}万元，与上年下降7.6%；公务用车购置及运行费决算1618万元，比上年下降1.2%。")
    assert codes(lint(text.format("1033"))) == []
    found = lint(text.format("1133"))
    assert [(f.code, f.severity) for f in found] == [("RL101", "error")]
    assert "因公出国（境）费 120 + 公务用车购置及运行维护费 1618 + 公务接待费 1133" in found[0].message


@pytest.mark.parametrize("rate,fires", [("95.10%", False), ("95.11%", False), ("95.09%", False),
                                        ("95.12%", True), ("95.08%", True)])
def test_share_of_a_whole_stated_before_de(lint, rate, fires):
    # head-counts are exact: 136 / 143 = 95.1049%; a share stands for ±½ unit plus one unit of slack (shares
    # are nudged to add up to 100%), so 95.11% and 95.09% are at the edge and 95.12% / 95.08% beyond it
    text = f"本单位2018年年末实际在职人员为136人，占编委核定的落实编制数143人的比率为{rate}。"
    found = [f for f in lint(text) if f.code == "RL202"]
    assert bool(found) is fires


def test_change_of_an_amount_stated_in_an_earlier_paragraph(lint):
    text = ("2017年度“三公”经费财政拨款支出年初预算为22.00万元，支出决算为8.77万元。\n"
            "2017年度“三公”经费财政拨款支出决算数比2016年度减少0.28万元，降低{}，其中：公务接待费减少0.01万元，降低5.00%。\n")
    assert codes(lint(text.format("3.09%"))) == []  # 0.28 / (8.77 + 0.28) = 3.09%; the items are not read against 8.77
    found = lint(text.format("5.46%"))
    assert [(f.code, f.line) for f in found] == [("RL203", 2)]
    assert "上年数 9.05（= 8.77万元 + 0.28万元） = 3.09%" in found[0].message
    # two different earlier statements of the amount: which one changed is not known
    assert codes(lint(text.format("5.46%").replace("。\n", "。2017年度“三公”经费财政拨款支出决算为8.80万元。\n", 1)), "RL203") == []


def test_bracketed_list_after_a_total(lint):
    text = "现有人员1894人，其中局本级187人（在职在编139人、退休人员{}人、协管员40人），环卫处1707人（在职在编132人、退休人员148人、临聘人员272人、3个市场化公司聘用人员1155人）。"
    assert codes(lint(text.format(8))) == []
    found = lint(text.format(9))
    assert [(f.code, f.severity, f.column) for f in found] == [("RL101", "warning", 16)]
    assert found[0].message.startswith("在职在编 139 + 退休人员 9 + 协管员 40 = 188人，与局本级 187人（第1行）不符，相差 1人")
    # a bracket that compares, includes or approximates is not the list of parts
    for bracket in ("（含协管员40人、临聘人员9人）", "（上年为139人、预算为180人）", "（在职在编约139人、退休人员9人）"):
        assert codes(lint(f"现有人员187人{bracket}。"), "RL1") == []


SUB_COLUMNS = ("年度收入情况（万元）\n\t机构名称\n\t收入合计\n\t其中：\n\n\t\n\t\n\t上年结转\n\t公共财政拨款\n"
               "\t政府基金拨款\n\t{last}\n\n\t汇总\n\t1595.33\n\t\n\t797.73\n\t{x}\n\t\n\n"
               "\t1、局机关\n\t1000.00\n\t\n\t600.00\n\t400.00\n\t\n\n说明。\n")


def test_rl108_total_column_against_the_columns_under_of_which(lint):
    assert codes(lint(SUB_COLUMNS.format(last="其他收入", x="797.6"))) == []
    found = [f for f in lint(SUB_COLUMNS.format(last="其他收入", x="897.6")) if f.code == "RL108"]
    assert [(f.line, f.column) for f in found] == [(14, 2)]  # the 合计 cell of the row
    assert found[0].message == "“汇总”一行的合计写作 1595.33，但其中各列之和为 1695.33（797.73 + 897.6）"
    # without an 其他… column (and no identity naming every part) the columns may be only some of the parts
    assert codes(lint(SUB_COLUMNS.format(last="纳入专户管理的非税收入拨款", x="897.6")), "RL108") == []


def test_rl108_sub_columns_that_name_every_part_of_an_identity(lint):
    table = ("单位：万元\n\t机构名称\n\t三公经费合计\n\t其中：\n\n\t\n\t\n\t公务接待费\n\t公务用车运维费\n"
             "\t公务用车购置费\n\t因公出国费\n\n\t汇总\n\t16.65\n\t8\n\t{x}\n\t\n\t\n\n"
             "\t1、局机关\n\t16.65\n\t8\n\t8.65\n\t\n\t\n\n说明。\n")
    assert codes(lint(table.format(x="8.65"))) == []
    assert [f.code for f in lint(table.format(x="9.65")) if f.code.startswith("RL1")] == ["RL108"]


def test_count_rate_over_the_count_named_as_the_total(lint):
    text = "其中，应办理工单11303件，已办理11303件，办结率100%；按期办理11297件，按期办结率{}。"
    assert codes(lint(text.format("99.95%"))) == []
    found = [f for f in lint(text.format("98.95%")) if f.code == "RL201"]
    assert len(found) == 1 and found[0].severity == "warning"  # the pairing is inferred
    assert "11297件（第1行）÷ 11303件（第1行）= 99.95%" in found[0].message


def test_running_text_in_a_table_cell_is_read_as_prose(lint):
    table = ("\t整体支出绩效目标完成情况\n\t预期目标\n\t实际完成\n\n\t\n\t目标1：提升政务公开水平。\n"
             "\t2020年，我区受理工单11204件。其中，应办理工单11303件，已办理11303件，办结率{}。\n\n说明。\n")
    assert codes(lint(table.format("100%"))) == []
    found = [f for f in lint(table.format("98%")) if f.code == "RL201"]
    assert [(f.line, f.column) for f in found] == [(7, 49)]


# ---------------------------------------------------------------- phrasings
@pytest.mark.parametrize("text,broken,code", [
    ("2023年度本部门支出合计1180.00万元，其中基本支出、项目支出分别为860.50万元、319.50万元。",
     ("860.50", "960.50"), "RL101"),
    ("基本支出和项目支出分别为860.50万元和319.50万元，合计1180.00万元。", ("319.50", "419.50"), "RL101"),
    ("在职人员和退休人员分别为40人、8人，共48人。", ("、8人", "、9人"), "RL101"),
    ("2023年度本部门支出合计1180.00万元，较上年增长7.27%，增加80.00万元。", ("7.27%", "8.27%"), "RL203"),
    ("2023年“三公”经费支出24.60万元，同比下降8.89%，减少2.40万元。", ("2.40", "3.40"), "RL203"),
    ("2023年度部门整体支出全年预算数为1200.00万元，实际支出1180.00万元，预算执行率为98.33%。", ("98.33", "99.33"), "RL201"),
    ("2023年收入1200.00万元，支出1180.00万元，收支结余20.00万元。", ("20.00", "30.00"), "RL104"),
    # 节约 is a change word, not 约 (about); the base is the budget named before it
    ("“三公”经费支出24.60万元，比预算30.00万元节约5.40万元，下降18.00%。", ("18.00", "19.00"), "RL203"),
    ("“三公”经费支出24.60万元，比预算30.00万元节约5.40万元，下降18.00%。", ("24.60", "25.60"), "RL104"),
])
def test_phrasings_read_and_checked(lint, text, broken, code):
    assert codes(lint(text)) == []
    assert code in [f.code for f in lint(text.replace(*broken))]


def test_a_share_whole_or_an_explicit_total_is_not_the_sentence_subject(lint):
    assert codes(lint("2023年基本支出860.50万元，占本年支出合计1180.00万元的72.92%。")) == []
    assert codes(lint("项目支出319.50万元，占总支出的27.08%，基本支出860.50万元，占总支出的72.92%，总支出1180.00万元。")) == []


def test_a_named_project_is_not_the_departments_project_expenditure(lint):
    text = "乡村振兴项目支出100.00万元，增加10.00万元，增长11.11%；农田水利项目支出50.00万元，增长5.26%，增加2.50万元。"
    assert codes(lint(text)) == []
    assert [f.code for f in lint(text.replace("5.26%", "6.26%"))] == ["RL203"]


PROJECT = ("某县2023年度农田建设项目支出绩效自评报告\n"
           "该项目年度资金总额为500.00万元，其中：中央资金300.00万元，省级资金150.00万元，县级配套资金50.00万元。\n"
           "截至2023年12月31日，项目资金实际到位500.00万元，资金到位率100%；实际支出450.00万元，预算执行率90.00%。\n"
           "项目共完成培训12期，培训人数1200人次，计划培训1000人次，完成率120.00%。\n"
           "项目绩效自评得分92分，其中：预算执行率得分9分，产出指标得分46分，效益指标得分28分，满意度指标得分9分。\n")


@pytest.mark.parametrize("broken,code,line", [
    (("省级资金150.00", "省级资金140.00"), "RL101", 2),  # funds by level of government add up to the total
    (("资金到位率100%", "资金到位率90%"), "RL201", 3),  # 到位 over 年度资金总额
    (("预算执行率90.00%", "预算执行率80.00%"), "RL201", 3),  # the 年度资金总额 stated a line before
    (("完成率120.00%", "完成率110.00%"), "RL201", 4),  # done over planned, the planned count last
    (("满意度指标得分9分", "满意度指标得分8分"), "RL101", 5),  # group scores add up to the total
])
def test_project_report_phrasings(lint, broken, code, line):
    assert codes(lint(PROJECT)) == []
    found = [f for f in lint(PROJECT.replace(*broken)) if f.code == code]
    assert [(f.line, f.severity) for f in found] == [(line, "warning")]  # each pairing is inferred


OVERALL = ("某局2023年度部门整体支出绩效自评报告\n"
           "2023年度部门整体支出预算数为1180.00万元，其中基本支出预算860.50万元，项目支出预算319.50万元。\n"
           "全年实际支出1150.00万元，预算执行率97.46%。\n"
           "“三公”经费预算30.00万元，实际支出24.60万元，“三公”经费控制率82.00%。\n"
           "公用经费预算110.00万元，实际支出100.20万元，公用经费控制率91.09%。\n"
           "政府采购预算50.00万元，实际采购45.00万元，政府采购执行率90.00%。\n")


@pytest.mark.parametrize("broken,line", [
    (("预算执行率97.46%", "预算执行率96.46%"), 3),  # over the 部门整体支出预算数 of the line before
    (("经费控制率82.00%", "经费控制率83.00%"), 4),
    (("公用经费控制率91.09%", "公用经费控制率92.09%"), 5),
    (("政府采购执行率90.00%", "政府采购执行率91.00%"), 6),  # an unnamed 实际采购 in the rate's sentence
])
def test_control_and_execution_rates_of_one_concept(lint, broken, line):
    assert codes(lint(OVERALL)) == []
    assert [f.line for f in lint(OVERALL.replace(*broken)) if f.code == "RL201"] == [line]


FUNCTIONS = ("2023年度一般公共预算财政拨款支出1100.00万元，主要用于以下方面：一般公共服务（类）支出800.00万元，占72.73%；"
             "社会保障和就业（类）支出200.00万元，占18.18%；卫生健康（类）支出60.00万元，占5.45%；"
             "住房保障（类）支出40.00万元，占3.64%。")


def test_functional_classes_are_items_not_totals(lint, parse):
    # "（类）支出" is one class's spending: four different values are not a contradiction of 支出合计
    assert codes(lint(FUNCTIONS)) == []
    doc = parse(FUNCTIONS)
    assert [f.concept for f in doc.figures if f.unit == "万元"] == ["expenditure_total", None, None, None, None]
    assert dict(doc.figures[0].qualifiers)["fund"] == "gpb_fiscal"  # 一般公共预算财政拨款支出: spending, by fund


def test_items_worded_alike_go_on_with_the_list_after_semicolons(lint):
    found = [f for f in lint(FUNCTIONS.replace("占5.45%", "占6.45%")) if f.code == "RL202"]
    assert [(f.line, f.column) for f in found] == [(1, 113)]
    assert "60.00万元 ÷ 1100.00万元（第1行）= 5.45%" in found[0].message


def test_a_label_broken_by_a_pdf_wrap_is_read_whole(lint):
    text = "本单位编制人数50人，实有人数48人，其中：在职人员40人，退\n休人员{}人。\n"
    assert codes(lint(text.format(8))) == []
    found = [f for f in lint(text.format(9)) if f.code.startswith("RL1")]
    assert [(f.code, f.line) for f in found] == [("RL103", 1)]
    assert "退休人员 9人" in found[0].message  # the label, not "休人员"


@pytest.mark.parametrize("text", [
    "全局共有干部职工120人（含退休人员20人、临聘人员10人）。",  # 含: some of them
    "项目总投资500.00万元（中央资金300.00万元、省级资金150.00万元）。",  # money in brackets: the larger sources
    "2023年实有人数48人，2022年实有人数50人，人员控制率96.00%。",  # no 编制数 to divide by
    "2023年基本支出860.50万元。人员经费760.30万元。2022年公用经费90.00万元。",  # two years
    "2022年“三公”经费支出27.00万元。2023年“三公”经费支出比2022年减少2.40万元，下降8.89%。",  # 2023's amount not stated
    "本年度共举办培训班3期，参训人员150人次（其中科级以上干部30人次）。",
    "全年共受理信访件45件，办结43件，办结率95.56%；群众满意率98%。",
    # 中央资金 of two different funds is not one quantity stated twice
    "上级转移支付资金200.00万元，其中：农业生产发展资金120.00万元（中央资金100.00万元、省级资金20.00万元），"
    "农田建设资金80.00万元。\n项目总投资500.00万元，其中中央资金300.00万元。",
])
def test_correct_statements_that_look_like_relations_are_silent(lint, text):
    assert codes(lint(text)) == []


def test_count_rate_over_the_one_planned_count(lint):
    text = "全年计划召开会议12次，召开11次，完成率{}。"
    assert codes(lint(text.format("91.67%"))) == []
    assert [(f.code, f.severity) for f in lint(text.format("93.67%"))] == [("RL201", "warning")]


SUMMARY_ROW = ("单位：万元\n\t机构名称\n\t收入合计\n\t财政拨款\n\n\t局机关及二级机构汇总\n\t1595.33\n\t797.73\n\n"
               "\t1、局机关\n\t{x}\n\t797.73\n\n\t2、二级机构1\n\t\n\t\n\n\t3、二级机构2\n\t\n\t\n\n说明。\n")


def test_rl108_summary_row_over_numbered_units_some_blank(lint):
    # 汇总 = the units' rows; a unit whose cells are blank counts 0; "1、" "2、" "3、" are one numbering style
    assert codes(lint(SUMMARY_ROW.format(x="1595.33"))) == []
    found = [f for f in lint(SUMMARY_ROW.format(x="1695.33")) if f.code == "RL108"]
    assert [(f.line, f.column) for f in found] == [(7, 2)]
    assert found[0].message.startswith("合计行“收入合计”列写作 1595.33，但各行之和为 1695.33")


SANGONG_TABLE = ("2023年度“三公”经费财政拨款支出决算表\n单位：万元\n项目 | 预算数 | 决算数 |\n合计 | 30.00 | {total} |\n"
                 "因公出国（境）费 | 0.00 | 0.00 |\n公务用车购置及运行维护费 | 20.00 | 16.80 |\n"
                 "其中：公务用车购置费 | 0.00 | 0.00 |\n公务用车运行维护费 | 20.00 | 16.80 |\n公务接待费 | 10.00 | 7.80 |\n")


def test_a_total_row_takes_the_specific_concept_of_the_caption(lint, parse):
    doc = parse(SANGONG_TABLE.format(total="24.60"))
    total = next(f for f in doc.figures if f.text == "24.60")
    assert total.concept == "sangong" and "entity" not in dict(total.qualifiers)  # not 支出, not a row of its own
    assert codes(lint(SANGONG_TABLE.format(total="24.60"))) == []
    found = [f for f in lint(SANGONG_TABLE.format(total="25.60")) if f.code == "RL101"]
    assert [(f.line, f.column) for f in found] == [(4, 14)]


def test_rl106_reads_a_list_across_a_pdf_wrap(lint):
    text = "本局设4个内设机构，分别为：办公室、法规科、\n审批科、监督科。\n"
    assert codes(lint(text)) == []
    found = lint(text.replace("、\n审批科", "、\n审批科、督查科"))
    assert [(f.code, f.line, f.column) for f in found] == [("RL106", 1, 4)]
    assert "列出了 5 个" in found[0].message


def test_a_pinyin_gloss_cut_by_a_line_break_is_dropped(parse):
    doc = parse("2019年度“三公”經費支出決算為17.06萬元。公務用車購置及運(\nyùn)行費支出決算為7.5萬元。\n")
    assert [f.concept for f in doc.figures] == ["sangong", "sangong_car"]


SCORE_TABLE_WITH_TOTALS = ("某局2023年度部门整体支出绩效自评报告\n经自评，本部门整体支出绩效自评得分95分，等级为“优”。\n"
               "\t一级指标\n\t二级指标\n\t分值\n\t得分\n\n\t投入\n\t预算执行率\n\t{w}\n\t19\n\n"
               "\t过程\n\t资金管理\n\t20\n\t19\n\n\t产出\n\t任务完成\n\t30\n\t29\n\n"
               "\t效益\n\t满意度\n\t30\n\t28\n\n\t合计\n\t\n\t100\n\t{t}\n\n")


def test_rl108_the_total_row_of_a_score_table(lint):
    assert codes(lint(SCORE_TABLE_WITH_TOTALS.format(w="20", t="95"))) == []
    found = [f for f in lint(SCORE_TABLE_WITH_TOTALS.format(w="25", t="95")) if f.code == "RL108"]
    assert [f.message for f in found] == ["合计行“分值”列写作 100，但各行之和为 105（25 + 20 + 30 + 30）"]
    assert [f.code for f in lint(SCORE_TABLE_WITH_TOTALS.format(w="20", t="96"))] == ["RL108"]


def test_a_fund_named_before_a_concept_keeps_the_quantities_apart(lint, parse):
    text = "2023年度基本支出860.50万元。\n一般公共预算财政拨款基本支出850.00万元。\n"
    assert codes(lint(text)) == []  # all funds against one fund: two quantities
    figure = parse(text).figures[1]
    assert figure.concept == "basic_expenditure" and dict(figure.qualifiers)["fund"] == "gpb_fiscal"


@pytest.mark.parametrize("text", [
    "2023年度本年支出合计1180.00万元。\n2023年1-6月支出合计500.00万元。\n",
    "2023年度基本支出860.50万元。\n截至2023年9月底，基本支出620.00万元。\n",
    "上半年基本支出400.00万元，全年基本支出860.50万元。",
])
def test_part_of_the_year_is_not_the_year(lint, text):
    assert codes(lint(text), "RL3") == []  # 1-6月, 截至9月底, 上半年: another quantity than the year's


def test_rl104_budget_raised_during_the_year(lint):
    text = "2022年度部门整体支出年初预算1500.00万元，年中追加预算200.00万元，全年预算{}万元。"
    assert codes(lint(text.format("1700.00"))) == []
    found = lint(text.format("1800.00"))
    assert [(f.code, f.column) for f in found] == [("RL104", 46)]
    assert found[0].message == "调整前 1500.00万元 + 变动 200.00万元 = 1700.00万元，与调整后的 1800.00万元 不符"
