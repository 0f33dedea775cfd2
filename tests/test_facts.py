from decimal import Decimal


def figures(parse, text):
    return {f.text: f for f in parse(text).figures}


def q(fig):
    return dict(fig.qualifiers)


def test_breakdown_parts_and_generic_total(parse):
    doc = parse("2022年预算批复2970.96万元；实际支出2677.20万元，其中基本支出2049.72万元，项目支出627.48万元。")
    figs = {f.text: f for f in doc.figures}
    assert figs["2677.20万元"].concept == "expenditure_total"
    assert figs["2049.72万元"].concept == "basic_expenditure"
    assert q(figs["2049.72万元"])["year"] == "2022"
    assert figs["2970.96万元"].concept is None
    rel = next(r for r in doc.relations if r.kind == "breakdown")
    assert doc.figures[rel.total].text == "2677.20万元"
    assert [doc.figures[p].text for p in rel.parts] == ["2049.72万元", "627.48万元"]


def test_subject_carries_budget_and_actual(parse):
    figs = figures(parse, "2023年基本支出年初结转和结余0万元，本年年初预算数86.91万元，全年预算数371.88万元，本年支出371.88万元。")
    assert figs["86.91万元"].concept == "basic_expenditure"
    assert q(figs["86.91万元"])["state"] == "budget_initial"
    assert q(figs["371.88万元"])["state"] in ("budget_adjusted", "actual")
    assert all(f.concept == "basic_expenditure" for t, f in figs.items() if t != "0万元")


def test_glued_words_are_not_the_generic_concept(parse):
    figs = figures(parse, "教育支出1595.95万元，非税收入170.81万元，结余分配0.00万元。")
    assert figs["1595.95万元"].concept is None
    assert figs["170.81万元"].concept is None
    assert figs["0.00万元"].concept == "balance_distribution"


def test_words_between_concept_and_number_break_the_link(parse):
    figs = figures(parse, "项目支出包括委员活动经费36.3万元。")
    assert figs["36.3万元"].concept is None


def test_foreign_subject(parse):
    figs = figures(parse, "该项目预算20万，实际支出13.08万。")
    assert figs["13.08万"].concept is None


def test_traditional_and_full_width(parse):
    figs = figures(parse, "2021年“三公”經費支出決算為７．８萬元。")
    fig = figs["７．８萬元"]
    assert fig.value == Decimal("7.8") and fig.unit == "万元" and fig.concept == "sangong"


def test_share_and_change_relations(parse):
    doc = parse("全年支出2665.79万元，其中基本支出2038.31万元，占76.46%。机关运行经费312.23万元，比上年增加15.18万元，增长5.11%。")
    kinds = sorted(r.kind for r in doc.relations)
    assert kinds == ["breakdown", "change", "share"]
