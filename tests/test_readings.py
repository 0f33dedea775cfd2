"""Readings of constructions that real reports write and that were misread (each class with phrasings of
our own, in different templates' wording): a check judges the reading the text gives, or abstains."""

import pytest

from reportlint.lint import lint_text
from reportlint.parse import parse_text


def codes(text: str) -> list[tuple[str, str]]:
    return [(f.code, f.severity) for f in lint_text(text, "r.txt").findings if not f.code.startswith("RL5")]


def relations(text: str, kind: str):
    doc = parse_text(text, "r.txt")
    return doc, [r for r in doc.relations if r.kind == kind]


# --- a change stated in a reason clause is a narrower subject's own change ------------------------------
@pytest.mark.parametrize("text", [
    "2023年度支出总决算5000.00万元，较上年下降20.00%，主要是办公楼维修支出较上年减少了800.00万元。",
    "本年支出合计1200.50万元，比上年增长10.00%，主要原因是信息化建设项目支出增加了300.00万元。",
    "部门决算支出980.00万元，同比减少5.00%，原因是会议费减少12.00万元。",
])
def test_change_in_a_reason_clause_is_not_the_subjects_change(text):
    doc, changes = relations(text, "change")
    assert changes == []
    assert ("RL203", "error") not in codes(text)


def test_the_subjects_own_change_after_its_rate_is_still_read():
    text = "本年支出合计1100.00万元，较上年增长10.00%，增加100.00万元。"
    doc, changes = relations(text, "change")
    assert [doc.figure(r.total).text for r in changes] == ["1100.00万元"]
    wrong = "本年支出合计1100.00万元，较上年增长12.00%，增加100.00万元。"
    assert ("RL203", "error") in codes(wrong)


# --- a change after a bracketed breakdown belongs to the figure the bracket follows ----------------------
@pytest.mark.parametrize("text,owner", [
    ("公务用车购置及运行维护费206.00万元（其中：公务用车运行维护费192.00万元，公务用车购置费14.00万元），"
     "减少12.00万元，下降5.50%。", "206.00万元"),
    ("会议费支出48.00万元（含培训会议经费18.00万元），比上年增加8.00万元，增长20.00%。", "48.00万元"),
    ("“三公”经费合计75.00万元(因公出国(境)费0万元、公务接待费25.00万元、公务用车费50.00万元)，"
     "较上年减少25.00万元，下降25.00%。", "75.00万元"),
])
def test_change_after_a_bracket_is_the_owners(text, owner):
    doc, changes = relations(text, "change")
    assert [doc.figure(r.total).text for r in changes] == [owner]
    assert ("RL203", "error") not in codes(text)


# --- a rate stated first is paired with a change only in its own clause group ----------------------------
@pytest.mark.parametrize("text", [
    "其中：会议费决算增加0元，增长0%；培训费支出决算1500.00元，增长50.00%；差旅费支出决算增加600.00元，增长20.00%。",
    "办公费3.20万元，增长6.00%；印刷费减少0.40万元，下降8.00%。",
    "水电费9.00万元，增长12.50%。物业费增加1.00万元，增长5.00%。",
])
def test_rate_is_not_paired_with_the_next_items_change(text):
    doc, changes = relations(text, "change")
    for r in changes:
        assert doc.figure(r.result).span.start.column < doc.figure(r.parts[0]).span.start.column or \
            doc.figure(r.parts[0]).span.start.column < doc.figure(r.result).span.start.column
        assert doc.figure(r.total).span.start.column < doc.figure(r.result).span.start.column
    assert ("RL203", "error") not in codes(text)


# --- a share's whole: not a sibling, not a narrower figure, the scope its words name ---------------------
@pytest.mark.parametrize("text", [
    "2024年全市一般公共预算总支出安排800.00亿元。其中，市本级支出300.00亿元，占总支出的37.50%；"
    "对区县转移支付400.00亿元，占总支出的50.00%；上解支出100.00亿元，占总支出的12.50%。",
    "全年支出合计安排1000.00万元，其中局本级支出600.00万元，占支出总额的60.00%；下属单位支出400.00万元，占支出总额的40.00%。",
    "本年总支出安排200.00万元，其中机关本级支出150.00万元，占75.00%，所属单位支出50.00万元，占总支出的25.00%。",
])
def test_share_of_a_total_is_not_read_against_a_sibling_part(text):
    assert ("RL202", "error") not in codes(text)


@pytest.mark.parametrize("text", [
    "涉及一般公共预算支出2800.00万元。另对专项资金开展自评，共涉及资金5900.00万元，占专项资金支出总额的100%。",
    "本年项目支出总额650.00万元，其中本级项目支出380.00万元。评为优秀的项目涉及资金650.00万元，占项目支出总额比例100%。",
    "部门支出合计3000.00万元。纳入重点评价的民生资金1200.00万元，占民生资金支出总额的80.00%。",
])
def test_share_of_a_named_scope_is_not_read_against_another_scope(text):
    assert ("RL202", "error") not in codes(text)


def test_share_against_its_own_total_is_still_checked():
    text = "全年支出合计2665.79万元，其中基本支出2038.31万元，占支出合计的84.06%。"
    assert ("RL202", "error") in codes(text)


# --- a 其中 list breaks down the figure whose concept can have its parts -----------------------------------
@pytest.mark.parametrize("text", [
    "本年支出合计1000.00万元，预算执行率为95.00%。年末结转结余50.00万元。其中，基本支出600.00万元，项目支出400.00万元。",
    "2024年支出总计820.00万元，年末结转和结余30.00万元，其中：基本支出500.00万元，项目支出320.00万元。",
    "全年支出合计300.00万元。年初结转和结余12.00万元，其中基本支出200.00万元、项目支出100.00万元。",
])
def test_breakdown_total_is_the_figure_that_can_have_the_parts(text):
    assert codes(text) == []
    doc, breakdowns = relations(text, "breakdown")
    assert [doc.figure(r.total).concept for r in breakdowns] in (["expenditure_total"], ["expenditure_grand_total"])
    assert all(not r.explicit for r in breakdowns)  # an inferred reading: at most a warning


def test_breakdown_owner_mismatch_is_judged_against_the_owner():
    text = "本年支出合计1000.00万元。年末结转结余50.00万元。其中，基本支出600.00万元，项目支出420.00万元。"
    found = [f for f in lint_text(text, "r.txt").findings if f.code.startswith("RL1")]
    assert [f.code for f in found] == ["RL101"]
    assert "1000.00万元" in found[0].message and "50.00万元" not in found[0].message


@pytest.mark.parametrize("text", [
    "收入包括：财政拨款收入700.00万元、上年结转结余23.00万元；支出包括：教育支出500.00万元、卫生健康支出150.00万元、住房保障支出73.00万元。",
    "本年收入主要包括：一般公共预算拨款90.00万元、年初结转10.00万元。支出主要包括：社会保障和就业支出60.00万元、农林水支出40.00万元。",
    "收入包括上年结转结余5.00万元。支出包括：一般公共服务支出80.00万元，公共安全支出20.00万元。",
])
def test_a_list_that_names_its_total_is_not_read_against_another_figure(text):
    assert [c for c in codes(text) if c[0].startswith("RL1")] == []


# --- masked names, several candidate totals, enumerated items ----------------------------------------------
@pytest.mark.parametrize("text", [
    "一般公共预算财政拨款支出500.00万元。其中：按功能分类，********支出2.00万元，********支出498.00万元；按经济分类，工资福利支出300.00万元，商品和服务支出150.00万元，对个人和家庭的补助支出50.00万元。",
    "财政拨款支出100.00万元，其中＊＊＊＊支出60.00万元，＊＊＊＊支出40.00万元。",
    "本年支出120.00万元，####支出20.00万元，####支出100.00万元。",
])
def test_masked_names_are_not_the_total(text):
    found = [c for c in codes(text) if c[0] in ("RL101", "RL102", "RL301")]
    assert found == []


@pytest.mark.parametrize("text", [
    "1、一般公共服务支出（类）年初预算为100.00万元，支出决算为90.00万元。2、教育支出（类）年初预算为50.00万元，支出决算为48.00万元。3、卫生健康支出（类）年初预算为30.00万元，支出决算为29.00万元。",
    "（一）行政运行支出决算30.00万元；（二）一般行政管理事务支出决算20.00万元；（三）机关服务支出决算10.00万元。",
    "①村道硬化项目支出12.00万元；②水渠修缮项目支出8.00万元；③路灯安装项目支出5.00万元。",
])
def test_enumerated_items_are_not_restatements_of_one_quantity(text):
    assert [c for c in codes(text) if c[0] == "RL301"] == []


def test_a_real_restatement_is_still_a_contradiction():
    text = "本年支出合计2677.20万元。\n全年支出合计2665.79万元。"
    assert ("RL301", "error") in codes(text)


# --- counts are not money; shares of one whole broken down several ways ---------------------------------
@pytest.mark.parametrize("text", [
    "公务用车购置费支出42.38万元。\n公务用车购置数32辆。",
    "公务接待费7.15万元。国内公务接待批次486个，国内公务接待人次7371人。",
    "单位：万元\n公务用车购置费 | 42.38 |\n公务用车购置数 | 3 |\n公务接待费 | 7.15 |\n国内公务接待批次 | 48 |\n",
])
def test_counts_named_after_a_money_concept_are_not_money(text):
    doc = parse_text(text, "r.txt")
    counted = [f for f in doc.figures if f.value in (32, 486, 7371, 3, 48)]
    assert counted and all(f.concept is None for f in counted)
    assert [c for c in codes(text) if c[0] == "RL301"] == []


@pytest.mark.parametrize("text", [
    "政府采购预算17000元，其中集中采购17000元，占政府采购预算的100%；分散采购0元，占政府采购预算的0%。"
    "按项目类型，货物类采购10000元，占政府采购预算58.8%；工程类采购0元，占政府采购预算0%；服务类采购7000元，占政府采购预算41.2%。",
    "从征收部门看，税务部门完成1386万元，占一般公共预算收入的48.51%；财政部门完成1471万元，占一般公共预算收入的51.49%。"
    "从收入分类看，税收收入完成1113万元，占一般公共预算收入的38.96%；非税收入完成1744万元，占一般公共预算收入的61.04%。",
    "按人员类别，在职人员支出80.00万元，占支出总额的80%，离退休人员支出20.00万元，占支出总额的20%；"
    "按资金来源，财政拨款支出90.00万元，占支出总额的90%，其他资金支出10.00万元，占支出总额的10%。",
])
def test_shares_of_one_whole_in_several_partitions_do_not_exceed_it(text):
    assert [c for c in codes(text) if c[0] == "RL204"] == []


def test_shares_over_the_whole_in_one_partition_still_reported():
    text = "其中：基本支出800.00万元，占支出总额的70.00%；项目支出400.00万元，占支出总额的40.00%。"
    assert ("RL204", "error") in codes(text)


# --- lists of names: 和/及 inside a name, a name repeated at a PDF line start ------------------------------
@pytest.mark.parametrize("text", [
    "我乡内设办室4个，包括：党政办公室（人大办公室）、民政和社会事务办公室、平安建设办公室、财政办公室。",
    "本局内设机构3个，分别为：综合办公室、市场规范管理和价格监督科、网络交易及信用监管科。",
    "常委会内设机构3个：监察和司法委员会、财政经济委员会、城乡建设与环境保护委员会。",
])
def test_and_inside_a_name_does_not_split_it(text):
    assert [c for c in codes(text) if c[0] == "RL106"] == []


def test_and_joining_two_names_still_counts_both():
    assert [c[0] for c in codes("下属单位有3个，分别为局机关本级、财政事务中心、审计中心和国库集中支付中心。")] == ["RL106"]
    assert [c[0] for c in codes("内设股室3个：办公室、预算股和国库股。")] == []


@pytest.mark.parametrize("text", [
    "本院内设3个内设机构，即办公室、检察部、政治部、办公室\n- 人员情况\n",
    "设有2个科室：综合科、业务科、综合科\n",
    "下设3个中心，即甲中心、乙中心、丙中心\n● 人员编制情况\n",
])
def test_a_name_repeated_or_a_bullet_after_the_list_is_not_an_item(text):
    assert [c for c in codes(text) if c[0] == "RL106"] == []


# --- items of a list: a restated total, a payment to date -------------------------------------------------
@pytest.mark.parametrize("text", [
    "项目批复总投资61.80万元，其中中央财政资金30.90万元，县财政资金30.90万元，共计下达61.80万元。",
    "项目总投资120.00万元，其中省级资金80.00万元，市级资金40.00万元，2023年度下达资金120.00万元。",
    "年度资金总额50.00万元，其中：中央补助30.00万元、县级配套20.00万元、合计50.00万元。",
])
def test_an_item_restating_the_total_is_not_a_part(text):
    assert [c for c in codes(text) if c[0] in ("RL101", "RL102")] == []


def test_parts_still_checked_when_an_item_restates_the_total():
    text = "项目批复总投资61.80万元，其中中央财政资金30.90万元，县财政资金20.90万元，共计下达61.80万元。"
    assert "RL101" in [c[0] for c in codes(text)]


@pytest.mark.parametrize("text", [
    "统筹整合使用财政涉农资金107.13万元，其中项目管理费1.07万元，目前项目资金已拨付106.36万元。",
    "项目资金300.00万元，其中设备购置200.00万元，截至12月底已支付120.00万元。",
    "安排专项资金80.00万元，其中培训经费20.00万元，资金已到位80.00万元。",
])
def test_a_payment_to_date_is_not_an_item_of_the_allocation(text):
    assert [c for c in codes(text) if c[0] in ("RL101", "RL102")] == []


# --- constructions that state a relation the checks now read -----------------------------------------------
@pytest.mark.parametrize("text,fires", [
    ("公务接待费2.30万元，较上年减少1.5万元（42.86%），主要原因是厉行节约。", True),
    ("会议费12.00万元，比上年增加2.00万元（16.67%）。", True),
    ("培训费8.00万元，同比减少2.00万元(20.00%)。", False),
])
def test_a_bracketed_rate_after_a_change_is_its_rate(text, fires):
    assert (("RL203", "error") in codes(text)) is fires


@pytest.mark.parametrize("text,fires", [
    ("本单位主要有部门预算项目支出、专项预算支出二类支出，项目资金总预算为2455.50万元，其中部门预算项目支出87.50万元，专项预算支出2350.00万元。", True),
    ("资金共分为三类，总额300.00万元，其中：设备购置100.00万元，工程建设150.00万元，人员培训50.00万元。", False),
    ("项目资金包括两个部分，合计为90.00万元，其中中央资金60.00万元，地方配套资金20.00万元。", True),
])
def test_a_stated_number_of_classes_makes_the_list_complete(text, fires):
    assert (("RL101", "error") in codes(text)) is fires


@pytest.mark.parametrize("text,fires", [
    ("全年资金支付18501.10万元，未支付703.00万元，支付率95%。", True),
    ("项目资金到位450.00万元，未到位50.00万元，资金到位率90.00%。", False),
    ("专项资金已拨付80.00万元，尚未拨付20.00万元，拨付率85.00%。", True),
])
def test_a_rate_after_done_and_left_is_done_over_both(text, fires):
    assert (("RL201", "error") in codes(text)) is fires


@pytest.mark.parametrize("text,fires", [
    ("下达资金2263万元。其中：河道治理1435万元，水库维护25万元，饮水维护55万元，小流域治理700万元，设施维养6万元，水资源管理14万元，水价改革18万元。", True),
    ("下达资金2253万元。其中：河道治理1435万元，水库维护25万元，饮水维护55万元，小流域治理700万元，设施维养6万元，水资源管理14万元，水价改革18万元。", False),
    ("下达资金2600万元。其中：河道治理1435万元，水库维护25万元，饮水维护55万元，小流域治理700万元。", False),  # a partial list
])
def test_a_long_list_just_short_of_its_total_is_a_warning(text, fires):
    found = [c for c in codes(text) if c[0] == "RL101"]
    assert (found == [("RL101", "warning")]) is fires


# --- a 合计 row takes its concept from the table's title, never from the paragraph before the table --------
TAB_TABLE = "单位：万元\n\t项目\n\t年初预算数\n\t决算数\n\n\t基本支出\n\t600.00\n\t610.20\n\n\t项目支出\n\t400.00\n\t370.20\n\n\t合计\n\t1000.00\n\t980.40\n"
PIPE_TABLE = "单位：万元\n项目 | 年初预算数 | 决算数 |\n基本支出 | 600.00 | 610.20 |\n项目支出 | 400.00 | 370.20 |\n合计 | 1000.00 | 980.40 |\n"


@pytest.mark.parametrize("text", [
    "示例局2023年部门决算说明\n2023年全年支出980.40万元，其中基本支出610.20万元，项目支出370.20万元。\n" + TAB_TABLE,
    "某中心2024年决算\n本年支出合计980.40万元，包括基本支出610.20万元和项目支出370.20万元。\n" + PIPE_TABLE,
    "一、支出情况\n全年支出980.40万元。其中：基本支出610.20万元；项目支出370.20万元。\n" + TAB_TABLE,
])
def test_a_total_row_does_not_take_the_last_concept_of_the_paragraph_before(text):
    assert [c for c in codes(text) if c[0] == "RL301"] == []


def test_a_total_row_under_a_title_is_that_titles_total():
    text = "“三公”经费支出决算表\n单位：万元\n项目 | 预算数 | 决算数 |\n因公出国（境）费 | 10.00 | 8.00 |\n公务接待费 | 5.00 | 4.00 |\n合计 | 15.00 | 12.00 |\n" \
           "“三公”经费支出决算12.50万元。\n"
    assert ("RL301", "error") in codes(text) or ("RL301", "warning") in codes(text)


# --- "决算X，较上年Y减少Δ，较预算Z减少Δ′": each change is X's, against its own reference ----------------------
@pytest.mark.parametrize("text", [
    "2023年度支出决算1200.00万元，较上年1300.00万元减少100.00万元，下降7.69%，较年初预算1250.00万元减少50.00万元，下降4.00%。",
    "“三公”经费支出决算25.00万元，比上年决算30.00万元减少5.00万元，下降16.67%；比预算数28.00万元减少3.00万元，下降10.71%。",
    "公用经费支出90.00万元，较2022年的100.00万元减少10.00万元，降幅10.00%，与调整后预算95.00万元相比减少5.00万元，下降5.26%。",
])
def test_each_comparison_is_the_subjects_against_its_own_reference(text):
    assert codes(text) == []
    doc, adjusts = relations(text, "adjust")
    assert len({r.total for r in adjusts}) == 1  # every change is the subject's


def test_a_wrong_change_against_the_budget_is_still_found():
    text = "2023年度支出决算1200.00万元，较上年1300.00万元减少100.00万元，下降7.69%，较年初预算1250.00万元减少60.00万元，下降4.80%。"
    assert "RL104" in [c[0] for c in codes(text)]


# --- "占调整预算105.47%" is a completion rate; "总支出安排X" states the total ---------------------------------
@pytest.mark.parametrize("text", [
    "税务部门完成13866万元，占调整预算100.93%；财政部门完成14717万元，占调整预算110.14%。",
    "本年收入完成520.00万元，占年初预算的104.00%，占全年计划的98.00%。",
    "项目一完成投资300.00万元，占计划90.00%；项目二完成投资200.00万元，占计划40.00%。",
])
def test_a_share_of_a_budget_is_a_completion_rate_not_a_part_of_a_whole(text):
    assert [c for c in codes(text) if c[0] in ("RL202", "RL204")] == []


@pytest.mark.parametrize("text,fires", [
    ("2024年一般公共预算总支出安排600.00亿元。其中，市本级支出150.00亿元，占总支出的25.00%。", False),
    ("2024年一般公共预算总支出安排600.00亿元。其中，市本级支出150.00亿元，占总支出的30.00%。", True),
    ("全年支出安排200.00万元，其中基本支出120.00万元，占全年支出的65.00%。", True),
])
def test_a_total_stated_with_anpai_is_the_whole(text, fires):
    assert (("RL202", "error") in codes(text)) is fires


# --- damaged text: cells run together, a clause without its verb ------------------------------------------
@pytest.mark.parametrize("text", [
    "预算执行率 | 877383.91% |\n",
    "年度资金总额3555035550355501082.12%8.5\n",
    "全年预算数100.00万元，执行数95.00万元，执行率9500.00100%。\n",
])
def test_cells_run_together_are_not_figures(text):
    doc = parse_text(text, "r.txt")
    assert all(f.approx for f in doc.figures if f.unit == "%" and f.value >= 10000)
    assert [c for c in codes(text) if c[0].startswith("RL2")] == []


@pytest.mark.parametrize("text", [
    "本年支出合计200.00万元，较上年决算数120.50万元36.20万元，增长22.11%。",
    "公务接待费支出8.00万元，比上年6.00万元2.00万元，增长33.33%。",
    "基本支出150.00万元，与上年相比140.00万元10.00万元。",
])
def test_an_amount_without_its_verb_is_not_read(text):
    doc = parse_text(text, "r.txt")
    glued = [f for f in doc.figures if f.approx == "damaged"]
    assert len(glued) == 1
    assert [c for c in codes(text) if c[0] in ("RL101", "RL203", "RL301")] == []


def test_findings_record_the_reading_they_judged_and_its_certainty():
    import json

    from reportlint.output.json_output import render

    text = "全年支出合计2665.79万元，其中基本支出2038.31万元，占支出合计的84.06%。"
    result = lint_text(text, "r.txt")
    finding = next(f for f in json.loads(render([result]))["findings"] if f["code"] == "RL202")
    assert finding["reading"] == {"text": "“占支出合计”的整体理解为 2665.79万元（第1行）", "certainty": "explicit"}
    owner = "本年支出合计1000.00万元。年末结转结余50.00万元。其中，基本支出1600.00万元，项目支出420.00万元。"
    inferred = [f for f in lint_text(owner, "r.txt").findings if f.code == "RL102"]
    assert inferred and all(f.severity == "warning" and f.certainty == "inferred" for f in inferred)


# --- scopes: funds named with 预算, 收支总计 of one fund or all ---------------------------------------------
@pytest.mark.parametrize("text", [
    "2023年度收入总计1500.00万元，支出总计1500.00万元。财政拨款收入支出总计1000.00万元。",
    "本年收入合计1200.00万元，本年支出合计1100.00万元。2023年度收入支出决算总计1500.00万元。",
    "部门收支总计860.00万元。其中财政拨款收支总计700.00万元。支出总计860.00万元。",
])
def test_grand_totals_of_another_scope_are_other_quantities(text):
    assert [c for c in codes(text) if c[0] in ("RL105", "RL301")] == []


@pytest.mark.parametrize("text,fund", [
    ("政府性基金预算财政拨款支出150.00万元。", "gov_fund_fiscal"),
    ("国有资本经营预算财政拨款支出0万元。", "soe_capital_fiscal"),
    ("政府性基金预算支出30.00万元。", "gov_fund"),
])
def test_a_fund_named_with_yusuan_is_that_fund_and_no_budget_state(text, fund):
    doc = parse_text(text, "r.txt")
    q = dict(doc.figures[0].qualifiers)
    assert q.get("fund") == fund and q.get("state") == "actual"


def test_funds_are_not_compared_across_scopes():
    text = "一般公共预算财政拨款支出800.00万元，政府性基金预算财政拨款支出150.00万元。\n国有资本经营预算财政拨款支出0万元。"
    assert [c for c in codes(text) if c[0] == "RL301"] == []


@pytest.mark.parametrize("text", [
    "本年支出预算合计24169.74万元，其中：基本支出15844.04万元，项目支出4335.30万元，单位预留机动经费3990.40万元。",
    "2023年支出合计500.00万元，基本支出300.00万元，项目支出150.00万元，经营支出50.00万元。",
    "全年支出合计1000.00万元。基本支出700.00万元，项目支出250.00万元。",
])
def test_a_prose_total_short_of_its_required_parts_may_have_other_categories(text):
    assert [c for c in codes(text) if c[0] == "RL101"] == []


# --- a bracket after a figure holding a comparand is not a part (class: brackets) ----------------------------
@pytest.mark.parametrize("text", [
    "会议费支出85.00万元（2023年度为96.00万元）。",
    "公务用车运行维护费3.20万元（上年同期4.10万元），下降21.95%。",
    "项目自评得分88.5分（满分100分），评价等级为良。",
    "培训费1.20万元，与上年（1.50万元）相比减少0.30万元，下降20.00%。",
])
def test_a_bracketed_comparand_is_not_a_part(text):
    assert [c for c in codes(text) if c[0] in ("RL101", "RL102", "RL203")] == []


# --- a reference stated in its own clause is the base of the change after it -------------------------------
@pytest.mark.parametrize("text", [
    "本年支出合计2,400.00万元，上年为2,000.00万元，增加400.00万元，增长20.00%。",
    "收入决算5,150.00万元，年初预算5,000.00万元，增加150.00万元，增长3.00%。",
    "会议费4.50万元，上年同期为5.00万元，同比减少0.50万元，下降10.00%。",
])
def test_a_reference_in_its_own_clause_is_the_base(text):
    assert codes(text) == []
    wrong = text.replace("20.00%", "16.67%").replace("3.00%", "2.91%").replace("10.00%", "11.11%")
    assert "RL203" in [c[0] for c in codes(wrong)]


# --- 其中 after a reference breaks down the subject; 超过/低于预算 is a difference; a change after 其中 ----------
@pytest.mark.parametrize("text", [
    "支出决算2,000.00万元，年初预算1,900.00万元。其中：行政运行1,500.00万元，机关服务500.00万元。",
    "本年支出合计900.00万元，比上年850.00万元增加50.00万元。其中：基本支出600.00万元，项目支出300.00万元。",
    "一般公共预算财政拨款支出1,000.00万元（含上年结转资金80.00万元），其中基本支出700.00万元（占70.00%）。",
])
def test_the_list_after_a_reference_breaks_down_the_subject(text):
    assert [c for c in codes(text) if c[0] in ("RL101", "RL102", "RL202")] == []


@pytest.mark.parametrize("text", [
    "支出决算1,050.00万元，超过年初预算50.00万元，完成年初预算的105.00%。",
    "会议费支出决算9.00万元，低于预算1.00万元，完成预算的90.00%。",
    "差旅费决算12.00万元，高于上年2.00万元，增长20.00%。",
])
def test_over_or_under_a_reference_is_a_difference(text):
    assert codes(text) == []


@pytest.mark.parametrize("text", [
    "“三公”经费支出20.00万元，其中：公务用车运行维护费12.00万元，公务接待费8.00万元。与上年相比减少5.00万元，下降20.00%。",
    "项目支出300.00万元，其中：设备购置200.00万元，培训100.00万元。较上年增加60.00万元，增长25.00%。",
    "会议费合计6.00万元，其中：全体会议4.00万元，专题会议2.00万元。同比减少1.50万元，下降20.00%。",
])
def test_a_change_after_a_list_is_the_totals(text):
    assert codes(text) == []


# --- an enumerated item's figures are that item's (class 2) -------------------------------------------------
@pytest.mark.parametrize("text", [
    "1.行政运行（项）年初预算820.00万元，支出决算845.30万元，完成年初预算的103.09%。\n"
    "2.机关服务（项）年初预算60.00万元，支出决算58.50万元，完成年初预算的97.50%。",
    "（一）一般公共服务支出（类）（2010301）。年初预算为300.00万元，支出决算为280.00万元。\n"
    "（二）教育支出（类）。年初预算为50.00万元，支出决算为48.00万元。",
    "1.公务接待费。全年支出2.36万元，比上年减少0.44万元，下降15.71%。\n"
    "2.公务用车购置及运行维护费。全年支出10.00万元，比上年减少0.40万元，下降3.85%。",
])
def test_enumerated_items_spend_their_own_money(text):
    assert codes(text) == []


def test_an_items_own_restatement_is_still_compared():
    text = "1.公务接待费。全年支出2.36万元。\n2.其他说明。公务接待费支出2.63万元。"
    assert "RL301" in [c[0] for c in codes(text)]


def test_a_sibling_item_is_not_one_more_part_of_the_items_list():
    text = ("1、一般公共预算收入由年初预算120.00万元调整为130.00万元，调增10.00万元。其中：税收收入年初预算90.00万元不变；"
            "非税收入由年初预算30.00万元调整为40.00万元。\n2、上级补助收入由年初预算170.00万元调整为200.00万元，调增30.00万元。")
    assert [c for c in codes(text) if c[0] in ("RL101", "RL102")] == []


# --- table columns of differences and of score rates ---------------------------------------------------------
@pytest.mark.parametrize("text", [
    "单位：万元\n项目 | 2023年 | 2022年 | 增减额 |\n公务接待费 | 6.40 | 7.50 | -1.10 |\n",
    "单位：万元\n项目 | 预算数 | 决算数 | 差额 |\n会议费 | 7.00 | 6.40 | 0.60 |\n",
    "单位：万元\n项目 | 年初预算 | 决算数 | 决算数比年初预算增减 |\n培训费 | 12.00 | 10.50 | -1.50 |\n",
])
def test_a_column_of_differences_is_not_a_level(text):
    assert codes(text) == []


def test_a_column_of_differences_still_adds_up_in_the_total_row():
    text = ("单位：万元\n项目 | 2023年 | 2022年 | 增减额 |\n会议费 | 6.40 | 7.50 | -1.10 |\n培训费 | 3.00 | 2.00 | 1.00 |\n"
            "合计 | 9.40 | 9.50 | -0.30 |\n")
    assert "RL108" in [c[0] for c in codes(text)]


@pytest.mark.parametrize("text", [
    "指标 | 分值 | 得分 | 得分率 |\n投入 | 20 | 19 | 95.00% |\n过程 | 20 | 18 | 90.00% |\n合计 | 40 | 37 | 92.50% |\n",
    "一级指标 | 权重 | 得分 | 得分率 |\n产出 | 50 | 45 | 90% |\n效益 | 30 | 27 | 90% |\n合计 | 80 | 72 | 90% |\n",
])
def test_a_score_rate_column_is_not_a_score(text):
    assert codes(text) == []
    assert "RL108" in [c[0] for c in codes(text.replace("| 37 |", "| 38 |").replace("| 72 |", "| 70 |"))]


@pytest.mark.parametrize("text,fires", [
    ("基本支出和项目支出分别为1,200.00万元和800.00万元，分别占本年支出合计2,000.00万元的60.00%和40.00%。", False),
    ("人员经费、公用经费分别为900.00万元、300.00万元，分别占基本支出1,200.00万元的75.00%、25.00%。", False),
    ("基本支出和项目支出分别为1,200.00万元和800.00万元，分别占本年支出合计2,000.00万元的62.00%和40.00%。", True),
])
def test_respective_shares_with_the_wholes_figure_inside(text, fires):
    found = [f for f in lint_text(text, "r.txt").findings if f.code == "RL202"]
    assert bool(found) is fires
    if fires:
        assert "1,200.00万元 ÷ 2,000.00万元" in found[0].message


# --- long 决算/预算 documents: tables of a hierarchy, column numbers, wholes named 总收入, classifications -----
def test_a_table_whose_rows_hold_their_own_subtotals_is_not_summed_flat():
    text = ("单位：万元\n科目 | 合计 |\n一般公共服务支出 | 300.00 |\n财政事务 | 200.00 |\n行政运行 | 120.00 |\n一般行政管理事务 | 80.00 |\n"
            "人大事务 | 100.00 |\n行政运行 | 100.00 |\n合计 | 300.00 |\n")
    assert [c for c in codes(text) if c[0] == "RL108"] == []


@pytest.mark.parametrize("row", ["栏次 | 1 | 2 | 3 |", "行次 | 1 | 2 | 3 |", " | 1 | 2 | 3 |"])
def test_a_row_of_column_numbers_holds_no_figures(row):
    text = f"单位：万元\n科目名称 | 本年支出合计 | 基本支出 | 项目支出 |\n{row}\n行政运行 | 30.00 | 20.00 | 10.00 |\n"
    assert [c for c in codes(text) if c[0] == "RL101"] == []


@pytest.mark.parametrize("text", [
    "学校2024年度收入总计500.00万元，其中：财政拨款收入300.00万元，占总收入的60.00%；事业收入200.00万元，占总收入的40.00%。",
    "本年支出总计800.00万元，其中：基本支出600.00万元，占总支出的75.00%；项目支出200.00万元，占总支出的25.00%。",
    "财政拨款支出总计为400.00万元，其中：基本支出300.00万元，占总支出的75.00%；项目支出100.00万元，占总支出的25.00%。",
])
def test_a_whole_named_with_zong_is_the_total_the_list_breaks_down(text):
    assert [c for c in codes(text) if c[0] in ("RL202", "RL204")] == []


def test_classifications_marked_in_the_text_are_separate_partitions():
    text = ("各项支出总计1000.00万元，其中：基本支出700.00万元，占总支出的70.00%；项目支出300.00万元，占总支出的30.00%。"
            "按照支出功能科目划分，教育支出900.00万元，占总支出的90.00%；其他支出100.00万元，占总支出的10.00%。")
    assert [c for c in codes(text) if c[0] == "RL204"] == []


def test_two_table_cells_that_disagree_are_info():
    table = "\t项目\n\t决算数\n\n\t公务接待费\n\t{}\n\n\t会议费\n\t3.00\n"
    text = "表一 单位：万元\n" + table.format("6.40") + "\n说明文字。\n\n表二 单位：万元\n" + table.format("7.40")
    found = [c for c in codes(text) if c[0] == "RL301"]
    assert found and all(severity == "info" for _, severity in found)


# --- rates: a fund's budget in the rate's own clause; what is left undone is not an operand -----------------
@pytest.mark.parametrize("text", [
    "全年预算3,520.00万元，执行3,300.00万元，执行率93.75%；其中政府性基金预算500.00万元，执行350.00万元，执行率70.00%。",
    "一般公共预算拨款预算3,020.00万元，执行2,950.00万元，执行率97.68%；政府性基金预算拨款预算500.00万元，执行350.00万元，执行率70.00%。",
    "项目总预算800.00万元，执行760.00万元，执行率95.00%；其中国有资本经营预算200.00万元，执行150.00万元，执行率75.00%。",
])
def test_a_funds_budget_in_the_rates_clause_is_a_candidate(text):
    assert codes(text) == []


@pytest.mark.parametrize("text,fires", [
    ("共设置绩效指标25个，完成22个，未完成3个，完成率88.00%。", False),
    ("本年度设置绩效指标共40个，其中：完成的36个，部分完成的3个，未完成的1个，指标完成率为90.00%。", False),
    ("共设置绩效指标25个，完成22个，未完成3个，完成率80.00%。", True),
])
def test_the_undone_count_is_not_the_numerator(text, fires):
    assert bool([c for c in codes(text) if c[0] == "RL201"]) is fires


@pytest.mark.parametrize("text", [
    "本部门自评得分96.5分。投入类指标得分19分（分值20分），过程类指标得分19.5分（分值20分），产出类指标得分38分（分值40分）。",
    "综合得分88分（满分100分），其中产出指标得分45分（权重50分）。",
    "效益指标得分27分（标准分30分），满意度指标得分9分（分值10分）。",
])
def test_a_bracketed_weight_is_not_a_part_of_the_score(text):
    assert [c for c in codes(text) if c[0] in ("RL101", "RL102")] == []


@pytest.mark.parametrize("text", [
    "“三公”经费支出预算为24.00万元，支出决算为18.60万元，完成预算的77.50%。其中：因公出国（境）费全年未安排预算，支出决算为0万元；"
    "公务用车购置及运行维护费支出决算为12.40万元；公务接待费支出决算为6.20万元。与上年相比减少1.50万元，下降7.46%。",
    "会议费、培训费合计支出10.00万元。其中：会议费年初未列预算，实际支出4.00万元；培训费支出6.00万元。",
])
def test_an_item_named_before_its_clause_is_that_item(text):
    assert codes(text) == []


@pytest.mark.parametrize("text", [
    "单位：万元\n项目 | 2023年 | 2022年 | 增减率 |\n会议费 | 6.40 | 7.50 | -14.67% |\n培训费 | 3.00 | 2.00 | 50.00% |\n合计 | 9.40 | 9.50 | -1.05% |\n",
    "单位：万元\n项目 | 预算数 | 决算数 | 执行率 |\n会议费 | 8.00 | 6.40 | 80.00% |\n培训费 | 2.00 | 2.00 | 100.00% |\n合计 | 10.00 | 8.40 | 84.00% |\n",
])
def test_a_column_of_rates_is_not_summed(text):
    assert [c for c in codes(text) if c[0] == "RL108"] == []


def test_items_of_one_sentence_are_not_restatements():
    text = "3.公务接待费支出8.12万元。国内公务接待56批次，共计支出8.12万元；外事接待0批次，共计支出0万元。"
    assert [c for c in codes(text) if c[0] == "RL301"] == []


def test_a_cell_under_a_merged_column_header_against_prose_is_a_warning():
    table = ("单位：万元\n\t项目\n\t“三公”经费\n\t\n\n\t\n\t公务用车运行维护费\n\t公务接待费\n\n"
             "\t2019年预算\n\t80.00\n\t237.00\n\n")
    text = table + "说明：公务用车运行维护费预算237.00万元，公务接待费预算101.26万元。\n"
    found = [(c, s) for c, s in codes(text) if c == "RL301"]
    assert all(s == "warning" for _, s in found)


def test_the_full_format_shows_the_reading():
    from reportlint.output.text import render_full

    result = lint_text("全年支出合计2665.79万元，其中基本支出2038.31万元，占支出合计的84.06%。", "r.txt")
    assert "  = 读法: “占支出合计”的整体理解为 2665.79万元（第1行）" in render_full([result])


# --- "X中，A a、B b": a list that names its total right before 中 breaks down X ----------------------------
@pytest.mark.parametrize("text", [
    "本年支出合计2912.60万元，其中基本支出2105.40万元。基本支出中，人员经费1786.20万元，公用经费319.20万元。",
    "本年支出合计2912.60万元，其中：基本支出2105.40万元，项目支出807.20万元。基本支出中，人员经费1786.20万元，公用经费319.20万元。",
    "“三公”经费支出30.00万元，其中公务用车购置及运行维护费20.00万元；公务用车购置及运行维护费中，购置费12.00万元，运行维护费8.00万元。",
])
def test_a_list_naming_its_total_before_zhong_breaks_that_total_down(text):
    assert codes(text) == []
    assert "RL101" in [c for c, _ in codes(text.replace("319.20", "329.20").replace("8.00万元。", "9.00万元。"))]


@pytest.mark.parametrize("text", [
    "财政拨款支出2739.86万元，其中：农林水支出1876.07万元，占68.47%；社会保障和就业支出471.23万元，占17.20%。\n"
    "农林水支出中，农业农村支出1380.34万元，占农林水支出的73.58%。\n",
    "一般公共预算财政拨款支出900.00万元，其中：教育支出600.00万元；卫生健康支出200.00万元。\n"
    "教育支出中，普通教育支出450.00万元。\n",
    "本年支出合计512.00万元，其中：一般公共服务支出400.00万元，住房保障支出80.00万元。\n"
    "一般公共服务支出中：政府办公厅（室）及相关机构事务支出390.00万元。\n",
])
def test_a_sentence_opening_with_an_items_name_and_zhong_lists_that_items_parts(text):
    """"X中，A a" after a list: A is a part of the item X, not one more item of the list."""
    assert codes(text) == []


@pytest.mark.parametrize("text, expected", [
    ("授予中小企业合同金额12,127.08万元，其中：授予小微企业合同金额7,295.12万元，占授予中小企业合同金额的60.02%。\n", "60.16%"),
    ("本年度培训经费使用额80.00万元，其中线上课程开发费30.00万元，占培训经费使用额的40.00%。\n", "37.50%"),
    ("专项债券安排资金500.00万元，用于老旧小区改造200.00万元，占专项债券安排资金的45.00%。\n", "40.00%"),
])
def test_a_share_of_a_whole_named_by_an_earlier_amounts_own_words(text, expected):
    """"占W的r%" where W is not a concept but the words an amount of the paragraph was stated with."""
    found = [f.message for f in lint_text(text, "r.txt").findings if f.code == "RL202"]
    assert len(found) == 1 and expected in found[0]


def test_a_share_of_words_no_amount_was_stated_with_is_not_judged():
    text = "授予中小企业合同金额12,127.08万元，其中：货物采购授予中小企业合同金额占货物支出金额的55.48%。\n"
    assert codes(text) == []


@pytest.mark.parametrize("text", [
    "2023年度收入总计3,456.78万元，上年收入总计3,222.22万元，比上年增加243.56万元。\n",
    "某局2024年度部门决算\n本年支出合计120.00万元，比上年100.00万元减少20.00万元。\n",
    "某局2024年度部门决算\n机关运行经费支出58.00万元，2023年为50.00万元，较上年增加6.00万元。\n",
])
def test_an_explicit_year_on_year_triple_without_a_rate(text):
    """"本年X，上年Y，比上年增加Δ": X = Y ± Δ is judged even when no growth rate follows Δ."""
    assert ("RL104", "error") in codes(text)


@pytest.mark.parametrize("text", [
    "某局2024年度部门决算\n本年支出合计120.00万元，比上年100.00万元增加20.00万元。\n",
    "某局2024年度部门决算\n本年支出合计120.00万元，上年支出合计110.00万元，其中基本支出比上年增加6.00万元。\n",
    "某局2024年度部门决算\n本年支出合计120.00万元，年初预算100.00万元，比上年增加8.00万元。\n",
])
def test_consistent_or_unrelated_triples_are_silent(text):
    assert ("RL104", "error") not in codes(text)


@pytest.mark.parametrize("text, code", [
    ("二、自评得分情况\n一级指标\t分值\t得分\n决策\t20\t18\n过程\t20\t19\n产出\t40\t37\n效益\t20\t18\n合计\t100\t94\n", "RL108"),
    ("支出明细（万元）\n项目\t预算数\t决算数\n基本支出\t300.00\t290.00\n项目支出\t200.00\t180.00\n合计\t500.00\t480.00\n", "RL108"),
    ("三公经费（元）\n项目\t预算数\t决算数\n因公出国（境）费\t0.00\t0.00\n公务接待费\t5000.00\t4500.00\n"
     "公务用车运行维护费\t12000.00\t12000.00\n合计\t17000.00\t17500.00\n", "RL108"),
])
def test_a_table_copied_as_tab_separated_rows_is_read_as_a_table(text, code):
    """Word or Excel tables pasted as text: one row a line, cells between tabs."""
    assert (code, "error") in codes(text)


@pytest.mark.parametrize("text", [
    "基本支出\t135.36万元，其中人员经费112.53万元，公用经费22.83万元。\n项目支出\t20.00万元。\n",
    "一级指标\t分值\t得分\n决策\t20\t18\n过程\t20\t19\n合计\t40\t37\n",
])
def test_prose_with_a_stray_tab_and_consistent_tab_tables_are_silent(text):
    assert codes(text) == []


@pytest.mark.parametrize("text", [
    "表1 支出功能分类（单位：万元）\n科目\t金额\n一般公共服务支出\t300.00\n社会保障和就业支出\t60.00\n卫生健康支出\t30.00\n合计\t400.00\n",
    "| 单位 | 决算数 |\n| 机关本级 | 120.00 |\n| 下属中心 | 70.00 |\n| 下属研究所 | 40.00 |\n| 合计 | 250.00 |\n",
    "三公经费（元）\n项目\t金额\n因公出国（境）费\t0.00\n公务接待费\t4500.00\n公务用车运行维护费\t12000.00\n合计\t17500.00\n",
])
def test_a_plain_two_column_table_whose_total_is_off_is_a_warning(text):
    """"科目 | 金额" with a 合计 row: no other column confirms the structure, so the reading is inferred."""
    assert ("RL108", "warning") in codes(text)


@pytest.mark.parametrize("text", [
    "| 项目 | 决算数 |\n| 基本支出 | 120.00 |\n| 项目支出 | 80.00 |\n| 合计 | 200.00 |\n",
    # a hierarchy: the 类 row holds its 款 rows
    "| 科目 | 金额 |\n| 一般公共服务支出 | 100.00 |\n| 政府办公厅事务 | 60.00 |\n| 财政事务 | 40.00 |\n| 教育支出 | 50.00 |\n| 合计 | 150.00 |\n",
])
def test_a_plain_two_column_table_that_adds_up_or_is_a_hierarchy_is_silent(text):
    assert [c for c in codes(text) if c[0] == "RL108"] == []
