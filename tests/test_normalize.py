from hypothesis import given
from hypothesis import strategies as st

from reportlint.parse.normalize import normalize_line, normalize_text, to_simplified


def test_full_width_digits_and_percent_become_ascii():
    norm = normalize_line("执行率９８．５０％，（二）", 1)
    assert norm.text == "执行率98.50%,(二)".replace(",", "，")


def test_traditional_becomes_simplified_keeping_length():
    text = "預算決算萬元經費公務用車購置"
    out = to_simplified(text)
    assert out == "预算决算万元经费公务用车购置"
    assert len(out) == len(text)


def test_pinyin_glosses_and_spaces_between_han_are_dropped_with_positions_kept():
    line = to_simplified("三公經(jīng)費 合 計 49.9")
    norm = normalize_line(line, 7)
    assert norm.text == "三公经费合计 49.9"
    # the "4" of 49.9 is column 19 of the original line (1-based)
    index = norm.text.index("4")
    assert norm.pos(index).line == 7
    assert norm.pos(index).column == line.index("4") + 1


def test_normalize_text_for_terms():
    assert normalize_text("預 算 數") == "预算数"


ALPHABET = st.sampled_from(list("0123456789０１２３４５６７８９．％，。 　預算万元(jīng)abc\t年度支出"))


@given(st.lists(ALPHABET, max_size=60).map("".join))
def test_every_normalised_character_maps_back_to_an_original_position(line):
    line = to_simplified(line)
    norm = normalize_line(line, 3)
    assert len(norm.origin) == len(norm.text)
    columns = [norm.pos(i).column for i in range(len(norm.text))]
    assert columns == sorted(columns)
    for i, ch in enumerate(norm.text):
        original = line[norm.pos(i).column - 1]
        assert norm.pos(i).line == 3
        if ch.isdigit():
            assert original in "0123456789０１２３４５６７８９"
