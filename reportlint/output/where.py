"""A finding's place in a structured document's own terms ("第3页第12行", "表2 第4行 第5列", "Sheet1!B7"), as
the writers append it to a message. Plain-text reports have no such place: line:column says it all."""

from __future__ import annotations


def suffix(location: str, lang: str = "zh") -> str:
    """``（第3页第12行）`` in Chinese, `` (第3页第12行)`` in English; "" when there is no location."""
    if not location:
        return ""
    return f"（{location}）" if lang == "zh" else f" ({location})"


def located_text(finding, lang: str = "zh") -> str:
    """The finding's message followed by its location."""
    return finding.text(lang) + suffix(finding.location, lang)


def related_text(related, lang: str = "zh") -> str:
    """A related place's message followed by its location."""
    text = related.message if lang == "zh" or not related.message_en else related.message_en
    return text + suffix(related.location, lang)
