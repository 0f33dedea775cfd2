from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reportlint.parse.numbers import find_numbers, parse_cell_number


def nums(text):
    return [(n.text, n.value, n.decimals, n.unit, n.approx) for n in find_numbers(text)]


def test_money_with_units_and_precision():
    assert nums("支出2665.79万元，其中基本支出2038.31万元") == [
        ("2665.79万元", Decimal("2665.79"), 2, "万元", ""),
        ("2038.31万元", Decimal("2038.31"), 2, "万元", ""),
    ]


def test_thousands_separators_and_yuan():
    assert nums("合计25,754,899.39元")[0][1:4] == (Decimal("25754899.39"), 2, "元")


def test_bare_wan_after_an_amount_is_wanyuan():
    assert nums("该项目预算20万，实际支出13.08万。")[0][3] == "万元"


@pytest.mark.parametrize(
    "text",
    [
        "2022年度", "7月13日", "湘财绩〔2024〕1号", "电话0730-8177768", "12345热线", "5G全覆盖", "24小时自助服务区",
        "1、贯彻执行", "（1）负责",
    ],
)
def test_things_that_are_not_figures(text):
    assert nums(text) == []


def test_approximate_words_and_thresholds():
    assert nums("约300万元")[0][4] == "约"
    assert nums("5万余人")[0][4] == "余"
    assert nums("在职人员控制率≤100%，计5分")[0][4] == "≤"
    assert nums("在职人员控制率≤100%，计5分")[1][4] == "rule"
    ranged = nums("0-10%(含)计2分")
    assert ranged[0][0] == "10%" and ranged[0][4] in ("range", "(含)")
    assert nums("20-30%计2分")[0][4] == "range"


def test_counts_keep_their_measure_word():
    assert [n[3] for n in nums("受理工单11204件，共30批次579人次")] == ["件", "批次", "人次"]


def test_cell_numbers():
    assert parse_cell_number(" 1125.76 ") == (Decimal("1125.76"), 2, "")
    assert parse_cell_number("87.50%") == (Decimal("87.50"), 2, "%")
    assert parse_cell_number("-5.2") == (Decimal("-5.2"), 1, "")
    assert parse_cell_number("按时完成") is None


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="0123456789.,， A-z万元%个人年约余-/" + "支出合计", max_size=40))
def test_the_fast_scan_finds_what_the_reference_pattern_finds(text):
    """find_numbers scans without NUMBER_RE's look-behinds and tests the character before in Python: the
    figures found must be the reference pattern's."""
    from reportlint.parse.numbers import NUMBER_RE, _NUMBER_SCAN, _glued

    reference = [m.span() for m in NUMBER_RE.finditer(text)]
    fast = [m.span() for m in _NUMBER_SCAN.finditer(text) if not _glued(text, m.start())]
    assert fast == reference
