"""l10n.text.segrules: the rule tables as data, project abbreviations and no-break rules, upgrades."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from helpers import translate_by_hand

from l10n.errors import L10nError
from l10n.extract import extract_all
from l10n.po.read import read_catalog
from l10n.project.config import load_settings
from l10n.text.segrules import CLASSES, DATA, default_rules, project_rules
from l10n.text.sentences import split_sentences
from l10n.update import update_all


def test_rule_tables_are_data() -> None:
    data = tomllib.loads(DATA.read_text(encoding="utf-8"))
    assert set(CLASSES) <= set(data)
    rules = default_rules()
    assert "mr" in rules.inner and "fig" in rules.numbered and "inc" in rules.suffixes and "the" in rules.openers
    assert rules.known == rules.inner | rules.numbered | rules.ambiguous | rules.suffixes


def test_project_abbreviations_join_the_ambiguous_class() -> None:
    text = "See Exh. B for the plan. It is approved."
    assert split_sentences(text) == ["See Exh.", "B for the plan.", "It is approved."]
    rules = project_rules(["Exh."])
    assert split_sentences(text, rules) == ["See Exh. B for the plan.", "It is approved."]
    # an ambiguous abbreviation still ends a sentence before a common opener
    assert split_sentences("We filed it as Exh. The court agreed.", rules) == ["We filed it as Exh.", "The court agreed."]


def test_project_abbreviation_classes() -> None:
    rules = project_rules({"inner": ["Approx"], "numbered": ["Cl"]})
    assert split_sentences("It costs Approx. Ten dollars.", rules) == ["It costs Approx. Ten dollars."]
    assert split_sentences("See Cl. 4 of the lease. It is clear.", rules) == ["See Cl. 4 of the lease.", "It is clear."]
    assert split_sentences("See Cl. The lease is clear.", rules) == ["See Cl.", "The lease is clear."]
    # moving a built-in word to another class takes it out of its old one
    moved = project_rules({"inner": ["fig"]})
    assert "fig" not in moved.numbered and "fig" in moved.inner


def test_no_break_rules_veto_a_boundary() -> None:
    text = "The fee is in Sched. B of the deal. The rest follows."
    assert split_sentences(text) == ["The fee is in Sched.", "B of the deal.", "The rest follows."]
    rules = project_rules(no_break=[{"before": r"\bSched\.", "after": r"\s+[A-Z]\b"}])
    assert split_sentences(text, rules) == ["The fee is in Sched. B of the deal.", "The rest follows."]
    assert split_sentences("It is in Sched. The rest follows.", rules) == ["It is in Sched.", "The rest follows."]


@pytest.mark.parametrize(
    ("kwargs", "needle"),
    [
        ({"abbreviations": [3]}, "abbreviations must be a list of words"),
        ({"abbreviations": {"sometimes": ["x"]}}, "unknown abbreviation class 'sometimes'"),
        ({"no_break": [{"before": "("}]}, "invalid regular expression"),
        ({"no_break": [{"before": "a", "later": "b"}]}, "must be a table with string keys before and after"),
        ({"no_break": "x"}, "no-break must be a list"),
        ({"quotes": "sometimes"}, "quotes must be one of"),
    ],
)
def test_bad_rules_are_l10n_errors(kwargs: dict, needle: str) -> None:
    with pytest.raises(L10nError) as error:
        project_rules(**kwargs)
    assert needle in str(error.value)


def test_bad_rules_in_pyproject_name_the_file(tmp_path: Path) -> None:
    (tmp_path / "seeds").mkdir()
    (tmp_path / "pyproject.toml").write_text('[tool.l10n]\nno-break = [{ before = "[" }]\n', encoding="utf-8")
    with pytest.raises(L10nError) as error:
        load_settings(tmp_path)
    assert "pyproject.toml" in str(error.value) and "no-break rule 1" in str(error.value)


# --- upgrading: a segmentation change must not lose translations ----------------------

SEED = "The contract is in Exh. B of the file. It was signed in May.\n"


def test_update_after_a_segmentation_change_carries_translations_over(tmp_path: Path) -> None:
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "deal.txt").write_text(SEED, encoding="utf-8")
    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_text('[tool.l10n]\ntarget-languages = ["fr"]\n', encoding="utf-8")
    settings = load_settings(tmp_path)
    french = {
        "The contract is in Exh.": "Le contrat est à l'annexe.",
        "B of the file.": "B du dossier.",
        "It was signed in May.": "Il a été signé en mai.",
    }
    _, catalog = translate_by_hand(settings, "fr", french)
    assert [e.msgid for e in catalog.entries if e.msgid] == list(french)

    # The project teaches the segmenter its abbreviation: two segments become one.
    pyproject.write_text('[tool.l10n]\ntarget-languages = ["fr"]\nabbreviations = ["Exh"]\n', encoding="utf-8")
    settings = load_settings(tmp_path)
    extract_all(settings)
    [result] = update_all(settings, ["fr"])
    after = read_catalog(result.path)
    active = {e.msgid: e for e in after.active if e.msgid}
    assert set(active) == {"The contract is in Exh. B of the file.", "It was signed in May."}
    unchanged = active["It was signed in May."]
    assert unchanged.msgstr == "Il a été signé en mai." and not unchanged.fuzzy
    changed = active["The contract is in Exh. B of the file."]
    assert changed.fuzzy and changed.msgstr == "Le contrat est à l'annexe."  # carried over, to be reviewed
    assert changed.previous_msgid == "The contract is in Exh."
    # nothing a translator typed is lost: an old entry no fuzzy match took stays as an obsolete one
    obsolete = {e.msgid: e.msgstr for e in after.entries if e.obsolete}
    assert obsolete == {"B of the file.": "B du dossier."}
    assert set(french.values()) <= {e.msgstr for e in after.entries}
