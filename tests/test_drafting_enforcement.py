"""Glossary enforcement: masking, n-best reranking, repair and verification."""

from __future__ import annotations

from l10n.drafting.enforcement import Enforcer, mask, unmask
from l10n.engines import EngineInfo
from l10n.glossary.model import Glossary, Term, find_terms

BRAIN = Term("City Brain", targets={"zh": "城市大脑"}, forbidden={"zh": ("城市之脑",)})
PROSPERITY = Term("common prosperity", targets={"zh": "共同富裕"}, forbidden={"zh": ("共同繁荣",)})
GLOSSARY = Glossary(terms=(BRAIN, PROSPERITY), version="test")


class NBest:
    info = EngineInfo(name="nbest", model="m")

    def __init__(self, hypotheses):
        self.hypotheses = hypotheses
        self.asked = []

    def translate_batch(self, sentences):
        return [self.hypotheses[s][0] for s in sentences]

    def hypotheses_batch(self, sentences, n):
        self.asked.append((list(sentences), n))
        return [self.hypotheses[s][:n] for s in sentences]


def test_mask_then_unmask_puts_every_target_in_place():
    sentence = "The City Brain serves common prosperity and the City Brains grow."
    masked, targets = mask(sentence, find_terms(sentence, GLOSSARY, "zh"))
    assert "City Brain" not in masked and "prosperity" not in masked
    assert targets == ["城市大脑", "共同富裕", "城市大脑"]
    assert unmask(masked, targets) == "The 城市大脑 serves 共同富裕 and the 城市大脑 grow."


def test_nbest_prefers_the_hypothesis_with_the_required_terms():
    source = "The City Brain helps."
    engine = NBest({source: ["城市之脑有帮助。", "大脑有帮助。", "城市大脑有帮助。"], "Plain.": ["平常。"]})
    drafts = Enforcer(GLOSSARY, "zh").draft(engine, [source, "Plain."])
    assert [d.text for d in drafts] == ["城市大脑有帮助。", "平常。"]
    assert drafts[0].enforced == 1 and drafts[0].missing == ()
    assert engine.asked == [([source], 4)]  # only sentences with terms pay for n-best


def test_forbidden_variant_is_repaired_and_missing_term_reported():
    source = "Common prosperity and the City Brain."
    engine = NBest({source: ["共同繁荣和大脑。"]})
    [draft] = Enforcer(GLOSSARY, "zh").draft(engine, [source])
    assert draft.text == "共同富裕和大脑。"
    assert draft.missing == (("City Brain", "城市大脑"),) and draft.enforced == 1


def test_no_glossary_passes_drafts_through():
    engine = NBest({"A.": ["甲。"]})
    assert [d.text for d in Enforcer(None, "zh").draft(engine, ["A."])] == ["甲。"]
