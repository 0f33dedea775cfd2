"""Guards for zip-based formats (.docx, .xlsx): a file that is not a zip, or one that expands too far."""

from __future__ import annotations

import zipfile

from reportlint.parse.read import InputProblem

MAX_EXPANDED = 256 * 1024 * 1024  # bytes a .docx/.xlsx may expand to
MAX_RATIO = 200  # a part compressed more than this is a zip bomb


def check_zip(path: str, kind: str, required: str) -> None:
    """Raise InputProblem unless ``path`` is a sane zip holding ``required`` (word/document.xml, xl/workbook.xml)."""
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
    except zipfile.BadZipFile:
        raise InputProblem("RL022", f"文件已损坏或不是有效的 {kind} 文件（不是 zip 压缩包）",
                           f"damaged or not a valid {kind} file (not a zip archive)") from None
    except (OSError, ValueError, EOFError) as exc:
        raise InputProblem("RL022", f"文件已损坏或不是有效的 {kind} 文件：{exc}",
                           f"damaged or not a valid {kind} file: {exc}") from None
    names = {info.filename for info in infos}
    if "EncryptedPackage" in names or "EncryptionInfo" in names:
        raise InputProblem("RL021", f"{kind} 文件已加密（有打开密码），无法读取", f"the {kind} file is encrypted")
    if required not in names:
        raise InputProblem("RL022", f"不是有效的 {kind} 文件（缺少 {required}）", f"not a valid {kind} file ({required} missing)")
    total = 0
    for info in infos:
        total += info.file_size
        if info.file_size > 1024 * 1024 and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise InputProblem("RL023", f"{kind} 文件中的 {info.filename} 解压后 {info.file_size} 字节，压缩比异常（zip 炸弹），未检查",
                               f"{info.filename} expands to {info.file_size} bytes (a zip bomb); not checked")
    if total > MAX_EXPANDED:
        raise InputProblem("RL023", f"{kind} 文件解压后共 {total} 字节，超过上限 {MAX_EXPANDED} 字节，未检查",
                           f"the {kind} file expands to {total} bytes, over the limit of {MAX_EXPANDED}; not checked")
