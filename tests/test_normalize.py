"""Properties of the normalisers every key and comparison relies on."""

from __future__ import annotations

import unicodedata

from hypothesis import given
from hypothesis import strategies as st
from interparty.graph.normalize import clean, fold, strip_marks

VI = "aăâbcdđeêghiklmnoôơpqrstuưvxyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ"
words = st.text(alphabet=VI + VI.upper() + " ,.-\u00d0\u00a0", max_size=60)


@given(words)
def test_clean_and_fold_are_idempotent(text: str) -> None:
    assert clean(clean(text)) == clean(text)
    assert fold(fold(text)) == fold(text)


@given(words)
def test_decomposed_and_composed_meet(text: str) -> None:
    assert fold(unicodedata.normalize("NFD", text)) == fold(text)


@given(st.sampled_from(["uỷ", "hoà", "thuý", "khoẻ", "Uỷ"]), st.sampled_from(["Thành ", "Tỉnh ", ""]))
def test_old_and_new_tone_placement_meet(old: str, prefix: str) -> None:
    new = {"uỷ": "ủy", "hoà": "hòa", "thuý": "thúy", "khoẻ": "khỏe", "Uỷ": "Ủy"}[old]
    assert fold(prefix + old) == fold(prefix + new)


@given(words)
def test_icelandic_eth_is_vietnamese_d(text: str) -> None:
    assert "\u00d0" not in clean(text)
    assert clean("\u00d0" + text)[0] == "Đ"


@given(words)
def test_strip_marks_leaves_ascii_letters(text: str) -> None:
    out = strip_marks(text)
    assert all(not unicodedata.combining(c) for c in unicodedata.normalize("NFD", out))
    assert "đ" not in out.casefold()


@given(st.text(alphabet=st.sampled_from(list("aAoOuUyY àáảãạèéẻẽẹỳýỷỹỵÀÁỲÝĐđÐ-–—qQ\u00a0\u200bỦủ")), max_size=40))
def test_fold_of_cleaned_text_needs_no_second_cleaning(text: str) -> None:
    from interparty.graph.normalize import fold_cleaned

    assert fold_cleaned(clean(text)) == fold(text)
