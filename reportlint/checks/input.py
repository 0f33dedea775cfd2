"""Input problems (RL0xx). These are reported by the reader, not by rule functions; they are declared
here so that ``reportlint rules`` lists them and ``reportlint rule RL003`` explains them."""

from reportlint.checks import declare

declare("RL001", "unreadable", "error", """文件无法读取（不存在、是目录或没有权限），或被检查目录中的子目录无法列出（其中的报告未检查）。

会报：读取时操作系统报错的路径。 怎么改：检查路径和权限。

The file cannot be read (permission denied, a directory, an I/O error), or a subfolder of a folder being
checked cannot be listed (its reports were not checked).
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
declare("RL005", "encoding-uncertain", "error", """无法确定编码：按 GB18030 解出的多是生僻字（乱码），按 Big5 也读不通，未检查。

检查乱码只会漏报或误报，所以不检查。Big5 编码的繁体报告会被识别并正常检查。 怎么改：把文件另存为 UTF-8。

The encoding is uncertain: the bytes decode as GB18030, but into mostly uncommon characters (mojibake), and
not as Big5 either; not checked. Big5 reports are recognised and checked.
""")
declare("RL006", "too-large", "error", """文件超过 ``--max-bytes`` 上限，未检查。

The file is larger than --max-bytes and was not checked.
""")
declare("RL007", "link-outside", "info", """符号链接指向被检查目录之外：不跟随，也不读取其目标。

以免把目录外的文件内容带进报告。 会报：``reports/`` 里的 ``a.txt`` 链接到 ``/etc/secret.txt``。
不会报：链接到目录内的文件；命令行上直接给出的链接。

怎么改：确需检查时用 ``--follow-links``（配置 ``follow-links = true``），或直接在命令行上给出该文件。

A symbolic link in a folder being checked points outside it: not followed, its target not read
(use --follow-links, or name the file on the command line).
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

declare("RL020", "scanned-pdf", "error", """扫描件，无文字层：PDF 的页面都是图片，没有可读取的文字，无法检查。

会报：扫描或拍照生成的 PDF。 不会报：由 Word/WPS 导出、带文字层的 PDF。

怎么改：提供原文档（.docx）或带文字层的 PDF；或先做文字识别（OCR）再检查。

A scanned PDF without a text layer: nothing to check.
""")
declare("RL021", "encrypted", "error", """文件已加密（PDF 或 Office 文档设置了打开密码），无法读取。

怎么改：提供未加密的文件。

The file is encrypted (a password is needed to open it).
""")
declare("RL022", "damaged", "error", """文件已损坏或格式不符：扩展名是 .docx/.pdf/.xlsx/.html，内容却无法按该格式读取（例如改了扩展名的文件、
下载不完整的 PDF）。

怎么改：重新导出或重新下载文件。

The file is damaged or is not what its extension says (a truncated PDF, a renamed file).
""")
declare("RL023", "too-complex", "error", """文件解压后过大或过于复杂（zip 炸弹、上百万个单元格、页数超限），未检查。

The file expands too far or is too complex to read within the limits; not checked.
""")
declare("RL024", "scanned-pages", "warning", """PDF 中有些页是扫描图片，没有文字层：这些页未检查，其余页照常检查。

A PDF in which some pages are scanned images without text: those pages were not checked.
""")
declare("RL025", "reader-missing", "error", """缺少读取该文件格式所需的库（python-docx、pdfplumber、openpyxl 或 lxml）。

怎么改：``pip install reportlint`` 会安装它们。

The library that reads this file type is not installed.
""")
