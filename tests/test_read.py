import codecs

import pytest

from reportlint.parse.read import InputProblem, decode, split_lines

TEXT = "2022年全年支出2665.79万元，其中基本支出2038.31万元。\n"


@pytest.mark.parametrize(
    "data,encoding",
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8-sig"),
        (TEXT.encode("gb18030"), "gb18030"),
        (codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"), "utf-16"),
        (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "utf-16"),
        (TEXT.encode("utf-16-le"), "utf-16-le"),
        (TEXT.encode("utf-16-be"), "utf-16-be"),
    ],
)
def test_decodes_every_supported_encoding_to_the_same_text(data, encoding):
    text, detected = decode(data)
    assert text == TEXT
    assert detected == encoding


@pytest.mark.parametrize(
    "data,code",
    [
        (b"", "RL003"),
        (b"  \n\t\r\n", "RL003"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "RL002"),
        (b"abc\x00def", "RL002"),
        (b"\xff\xfe\xfd\x80\x81\xfe\xff" * 3, "RL004"),
    ],
)
def test_bad_input_becomes_a_coded_problem(data, code):
    with pytest.raises(InputProblem) as info:
        decode(data)
    assert info.value.code == code
    assert info.value.message_zh and info.value.message_en


def test_split_lines_counts_like_an_editor():
    assert split_lines("a\r\nb\n\nc") == ["a", "b", "", "c"]
    assert split_lines("a\n") == ["a"]
