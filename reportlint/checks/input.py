"""Input problems (RL0xx). These are reported by the reader, not by rule functions; they are declared
here so that ``reportlint rules`` lists them and ``reportlint rule RL003`` explains them."""

from reportlint.checks import declare

declare("RL001", "unreadable", "error", """文件无法读取（不存在、是目录或没有权限）。

会报：读取时操作系统报错的路径。 怎么改：检查路径和权限。

The file cannot be read (permission denied, a directory, an I/O error).
""")
declare("RL002", "not-text", "error", """不是文本文件：含有 NUL 字节或大量控制字符（例如 .docx、.pdf 或图片）。

怎么改：先把报告导出为纯文本（.txt）再检查。

The input is binary (NUL bytes or many control characters), not text.
""")
declare("RL003", "empty-file", "error", """文件为空或只有空白。

The file is empty or holds only whitespace.
""")
declare("RL004", "undecodable", "error", """无法解码：既不是 UTF-8（可带 BOM）、也不是 GB18030/GBK 或 UTF-16。

怎么改：把文件另存为 UTF-8。

The bytes are not UTF-8, GB18030/GBK or UTF-16.
""")
declare("RL006", "too-large", "error", """文件超过 ``--max-bytes`` 上限，未检查。

The file is larger than --max-bytes and was not checked.
""")
declare("RL009", "internal-error", "error", """内部错误：某条规则在检查这个文件时出错。其他规则和文件照常检查；请把文件和信息报告给维护者。

An internal error in one rule on one file; the other rules and files still ran.
""")

declare("RL701", "expectation-failed", "error", """语料期望未满足：审计人员的期望套件（great-expectations）中某条期望在这些数字上不成立。

检查什么：``reportlint audit PATHS --suite SUITE.json`` 把所有报告的数字表（与 ``reportlint facts`` 相同的列）交给
一个 GX ExpectationSuite 检查；不满足的每一行数字都在它所在的文件、行、列报告。

会报：期望“执行率在 0–120% 之间”，而某报告写“预算执行率135%”。
不会报：所有执行率都在范围内。

怎么改：核对该数字；或在套件中放宽期望。

A corpus expectation (great-expectations suite) fails at this figure.
""")
declare("RL702", "table-expectation-failed", "error", """语料期望未满足（整表）：一条针对整个数字表的期望不成立（如行数、唯一值个数），无法定位到某个数字。

会报：期望“至少有 1000 个数字”，而语料只有 300 个。

怎么改：核对语料，或修改套件。

A table-level corpus expectation fails (reported at the first file).
""")
