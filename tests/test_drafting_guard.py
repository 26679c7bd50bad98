"""Inline codes through the engines and glossary enforcement: each code back once, paired, in order."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from l10n.drafting.enforcement import Enforcer
from l10n.drafting.guard import guard, place_codes, strip_codes
from l10n.engines import EngineInfo
from l10n.engines.fallback import FallbackEngine
from l10n.formats.base import codes_problems
from l10n.glossary.model import Glossary, Term

BRAIN = Term("City Brain", targets={"zh": "城市大脑"})
GLOSSARY = Glossary(terms=(BRAIN,), version="test")
SENTENCES = [
    "Open the <g1>City Brain</g1> dashboard and click <g2>Save</g2>.",
    "The <g1>City Brain <g2>really</g2> helps</g1> people<x3/> every day.",
    "Run <x1/> before <g2>lunch</g2>, then read <g3>the guide</g3>.",
    "Plain sentence without codes.",
]


class Mangler:
    """An engine that does what neural models do to markup: drops and rewrites it."""

    info = EngineInfo(name="mangler", model="m")

    def translate_batch(self, sentences):
        return [s.replace("<", "‹").replace("{{", "{ {")[::-1] for s in sentences]


@pytest.mark.parametrize("glossary", [None, GLOSSARY], ids=["no-glossary", "glossary"])
def test_fallback_drafts_keep_every_code(glossary):
    drafts = Enforcer(glossary, "zh").draft(FallbackEngine("en", "zh"), SENTENCES)
    for source, draft in zip(SENTENCES, drafts):
        assert codes_problems(source, draft.text) == [], draft.text
        assert "{{" not in draft.text
    if glossary is not None:
        assert "城市大脑" in drafts[0].text and drafts[0].enforced == 1


def test_an_engine_that_mangles_markup_never_sees_it():
    drafts = Enforcer(None, "zh").draft(Mangler(), SENTENCES)
    for source, draft in zip(SENTENCES, drafts):
        assert codes_problems(source, draft.text) == [], draft.text
        assert "‹" not in draft.text


def test_argos_drafts_keep_every_code(argos_home: Path):
    from l10n.engines.argos import ArgosEngine

    engine = ArgosEngine.for_pair("en", "zh", argos_home)
    for glossary in (None, GLOSSARY):
        drafts = Enforcer(glossary, "zh").draft(engine, SENTENCES)
        for source, draft in zip(SENTENCES, drafts):
            assert codes_problems(source, draft.text) == [], draft.text
    raw = guard(engine).hypotheses_batch(SENTENCES[:2], 2)
    assert all(codes_problems(s, h) == [] for s, hyps in zip(SENTENCES, raw) for h in hyps)


def test_strip_codes():
    assert strip_codes("Run <x1/> before <g2>lunch</g2>.") == "Run before lunch."


codes = st.lists(st.sampled_from(["open", "isolated", "text"]), min_size=1, max_size=8)


@settings(max_examples=200, deadline=None)
@given(shape=codes, draft=st.text(max_size=30))
def test_place_codes_always_gives_well_formed_codes(shape, draft):
    pieces, stack, number = [], [], 0
    for step in shape:
        if step == "open":
            number += 1
            pieces.append(f"<g{number}>")
            stack.append(number)
        elif step == "isolated":
            number += 1
            pieces.append(f"<x{number}/>")
        else:
            pieces.append("word ")
            if stack:
                pieces.append(f"</g{stack.pop()}>")
    pieces += [f"</g{n}>" for n in reversed(stack)]
    source = "".join(pieces)
    draft = draft.replace("<", "")
    assert codes_problems(source, place_codes(source, draft)) == []
