"""Score settings per target language come from its profile (l10n.score.metrics)."""

from __future__ import annotations

import pytest

from l10n.score import score
from l10n.text.languages import tokenizer_available


@pytest.mark.parametrize("lang, tok", [("zh", "tok:zh"), ("zh_TW", "tok:zh"), ("zh_HK", "tok:zh"), ("de", "tok:13a"), ("fr", "tok:13a")])
def test_bleu_tokenizer_per_language(lang: str, tok: str) -> None:
    signature = score(["一"], ["一"], lang).scores[0].signature
    assert tok in signature


def test_japanese_uses_mecab_when_installed() -> None:
    bleu, chrf, ter = score(["同市は投資した。"], ["同市は投資した。"], "ja").scores
    assert ("tok:ja-mecab" in bleu.signature) == tokenizer_available("ja-mecab")
    assert "tok:char" in bleu.signature or "tok:ja-mecab" in bleu.signature
    assert "asian:yes" in ter.signature


def test_japanese_words_are_tokens() -> None:
    # Unspaced Japanese under 13a would be one token per sentence: one changed word would zero BLEU.
    report = score(["同市は20億円を投資した。"], ["同市は20億円を投資しました。"], "ja")
    bleu = report.scores[0]
    assert 20 < bleu.value < 100
