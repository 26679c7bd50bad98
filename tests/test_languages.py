"""Language codes and profiles (l10n.text.languages, l10n/text/data/languages.toml)."""

from __future__ import annotations

import pytest

from l10n.errors import L10nError
from l10n.text.languages import fold, normalize_language, plural_forms, profile, profile_tags, same_code


@pytest.mark.parametrize(
    "code, tag, script",
    [
        ("zh", "zh-Hans", "Hans"), ("zh_CN", "zh-Hans", "Hans"), ("zh-Hans", "zh-Hans", "Hans"),
        ("zh_Hans_CN", "zh-Hans", "Hans"), ("zh_SG", "zh-Hans", "Hans"),
        ("zh_TW", "zh-Hant-TW", "Hant"), ("zh-Hant", "zh-Hant", "Hant"), ("zh_Hant_TW", "zh-Hant-TW", "Hant"),
        ("zh_HK", "zh-Hant-HK", "Hant"), ("zh_MO", "zh-Hant-MO", "Hant"),
        ("ja", "ja", "Jpan"), ("ja_JP", "ja", "Jpan"), ("ko", "ko", "Kore"),
        ("de", "de", "Latn"), ("de_AT", "de", "Latn"), ("fr", "fr", "Latn"), ("es", "es", "Latn"),
        ("pt_BR", "latin", "Latn"), ("ru", "other", "Cyrl"),
    ],
)  # fmt: skip
def test_codes_resolve_to_profiles(code: str, tag: str, script: str) -> None:
    language = profile(code)
    assert (language.tag, language.script) == (tag, script)
    assert language.code == normalize_language(code)
    assert language.plural_forms == plural_forms(code)


def test_unknown_code_is_an_error() -> None:
    with pytest.raises(L10nError, match="unknown language code"):
        profile("xx_nonsense_code")


def test_every_profile_of_the_table_is_complete() -> None:
    # Each table resolves (through inherit) to every field the Profile has.
    for tag in profile_tags():
        if tag in ("latin", "other"):
            continue
        language = profile(tag.replace("-", "_"))
        assert language.tag == tag
        assert set(language.marks) == {"stop", "question", "exclamation", "colon", "semicolon", "ellipsis"}
        low, high = language.ratio
        assert 0 < low < high


@pytest.mark.parametrize(
    "code, spaced, fullwidth, latin, numbers, decimal",
    [
        ("zh", False, True, False, "han", "."), ("zh_TW", False, True, False, "han", "."),
        ("ja", False, True, False, "han", "."), ("ko", True, False, False, "western", "."),
        ("de", True, False, True, "western", ","), ("fr", True, False, True, "western", ","),
        ("es", True, False, True, "western", ","), ("en", True, False, True, "western", "."),
    ],
)  # fmt: skip
def test_writing_rules(code, spaced, fullwidth, latin, numbers, decimal) -> None:
    language = profile(code)
    assert (language.spaced, language.fullwidth, language.latin, language.numbers, language.decimal) == (
        spaced, fullwidth, latin, numbers, decimal,
    )  # fmt: skip


def test_quotation_marks() -> None:
    assert "「」" in profile("zh_TW").quotes and profile("zh_TW").quotes[0] == "「」"
    assert profile("zh").quotes[0] == "“”"
    assert profile("ja").quotes[0] == "「」"
    assert "„“" in profile("de").quotes and "«»" in profile("fr").quotes and "«»" in profile("es").quotes


def test_pause_marks() -> None:
    assert profile("zh").native[","] == "，" and profile("ja").native[","] == "、"


def test_numeral_fold_keeps_length_and_reads_variants() -> None:
    for code, text, folded in [
        ("zh_TW", "116萬元與20億個", "116万元与20亿个"),
        ("zh_HK", "兩億", "两亿"),
        ("ja", "20億円", "20亿円"),
        ("zh", "20亿元", "20亿元"),
    ]:
        result = profile(code).fold_numerals(text)
        assert result == folded and len(result) == len(text)


def test_fold_falls_back_to_one_character_at_a_time() -> None:
    # A phrase rule of OpenCC would change the length; the fold never does.
    text = "著名的滑鼠與萬"
    assert len(fold(text, "opencc:t2s")) == len(text)


def test_numeral_advice_in_the_language() -> None:
    assert profile("zh_TW").render_numerals("20亿元") == "20億元"
    assert profile("zh_HK").render_numerals("116万") == "116萬"
    assert profile("ja").render_numerals("20亿日元") == "20億円"
    assert profile("zh").render_numerals("20亿元") == "20亿元"


def test_bleu_tokenizers() -> None:
    assert profile("zh").bleu_tokenizer() == "zh" and profile("zh_TW").bleu_tokenizer() == "zh"
    assert profile("de").bleu_tokenizer() == "13a"
    assert profile("ja").bleu_tokenizer() in ("ja-mecab", "char")
    assert profile("ja").ter_asian and profile("zh").ter_asian and not profile("de").ter_asian


def test_only_chinese_has_the_fallback_engine() -> None:
    assert all(profile(c).fallback for c in ("zh", "zh_CN", "zh_TW", "zh_HK", "zh-Hant"))
    assert not any(profile(c).fallback for c in ("ja", "ko", "de", "fr", "es"))


def test_same_code() -> None:
    assert same_code("zh-Hant", "zh_hant") and not same_code("zh", "zh_TW")
