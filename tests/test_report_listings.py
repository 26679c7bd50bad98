"""Rendering glossary list/check/import, model list/search/install and engines (l10n.report.listings)."""

from __future__ import annotations

from pathlib import Path

from l10n.engines.package_index import IndexEntry
from l10n.engines.packages import InstallResult, ModelInfo
from l10n.engines.registry import EngineListing, PairCoverage
from l10n.glossary.model import Glossary, GlossaryProblem, LangMap, Status, Term
from l10n.report.listings import (
    MAX_PROBLEMS,
    MAX_WARNINGS,
    render_engines,
    render_glossary_check,
    render_glossary_count,
    render_glossary_exported,
    render_glossary_import,
    render_glossary_list,
    render_glossary_problems,
    render_import_warnings,
    render_model_install,
    render_model_list,
    render_model_search,
)

GLOSSARY = Glossary(
    (
        Term("City Brain", targets=LangMap({"zh": "城市大脑", "fr": "cerveau urbain"}), forbidden=LangMap({"zh": ("城脑", "市脑")})),
        Term("Qinqing", targets=LangMap({"zh": "亲清"}), case_sensitive=True, do_not_translate=True, status=Status.PROPOSED),
        Term("commune", targets=LangMap({"fr": "commune"})),
    ),
    version="abc123",
    files=(Path("glossary/terms.csv"), Path("glossary/more.csv")),
)


def test_glossary_list_lines_are_tab_separated_with_marks_and_forbidden_renderings():
    assert render_glossary_list(GLOSSARY).splitlines() == [
        "City Brain\tfr: cerveau urbain  zh: 城市大脑\t[approved]\tnot 城脑; not 市脑",
        # a do-not-translate term's target in a language without one is its source
        "Qinqing\tfr: Qinqing  zh: 亲清\t[proposed, case-sensitive, do-not-translate]",
        "commune\tfr: commune\t[approved]",
    ]
    # one language: only its targets, only the terms that have one
    assert render_glossary_list(GLOSSARY, "de") == "Qinqing\tde: Qinqing\t[proposed, case-sensitive, do-not-translate]\n"
    assert render_glossary_list(GLOSSARY, "fr").splitlines()[0] == "City Brain\tfr: cerveau urbain\t[approved]"
    assert render_glossary_list(Glossary()) == ""


def test_glossary_counts_and_verdicts():
    assert render_glossary_count(GLOSSARY) == "3 terms (2 approved, 1 proposed), glossary version abc123\n"
    assert render_glossary_check(GLOSSARY) == "glossary OK: 3 terms (2 approved, 1 proposed) in 2 file(s), version abc123\n"
    assert render_glossary_exported("out.tbx", GLOSSARY) == "out.tbx: 3 terms, glossary version abc123\n"
    assert render_glossary_import("glossary/new.csv", 7) == "glossary/new.csv: 7 terms imported; run l10n glossary check\n"


def test_glossary_problems_name_file_and_line_and_stop_after_the_cap():
    root = Path("/p")
    problems = [GlossaryProblem(root / "glossary/a.csv", 3, "duplicate", "“x” twice"), GlossaryProblem(root / "glossary/b.csv", 0, "malformed", "no header")]
    relative = lambda path: path.relative_to(root).as_posix()  # noqa: E731
    assert render_glossary_problems(problems, relative).splitlines() == [
        "2 glossary problem(s):",
        "glossary/a.csv:3: duplicate: “x” twice",
        "glossary/b.csv: malformed: no header",
        "  fix them and run l10n glossary check again",
    ]
    many = render_glossary_problems([problems[0]] * (MAX_PROBLEMS + 5), relative).splitlines()
    assert many[0] == f"{MAX_PROBLEMS + 5} glossary problem(s):"
    assert len(many) == MAX_PROBLEMS + 3 and many[-2] == "... and 5 more"


def test_import_warnings_stop_after_the_cap():
    assert render_import_warnings([]) == ""
    assert render_import_warnings(["entry 3 has no term"]) == "warning: entry 3 has no term\n"
    lines = render_import_warnings([f"w{i}" for i in range(MAX_WARNINGS + 3)]).splitlines()
    assert len(lines) == MAX_WARNINGS + 1 and lines[0] == "warning: w0"
    assert lines[-1] == "warning: 3 more warnings not shown"


def _model(version: str, folder: str) -> ModelInfo:
    return ModelInfo(f"translate-en_zh-{version}", "en", "zh", version.replace("_", "."), Path(folder))


def test_model_install_list_and_search():
    new, old = _model("1_9", "/m/new"), _model("1_8", "/m/old")
    downloaded = IndexEntry("en", "zh", "1.9", ("https://x/p.argosmodel",), from_name="English", to_name="Chinese")
    assert render_model_install(InstallResult(new, (old,)), Path("/m"), downloaded).splitlines() == [
        "downloaded en→zh 1.9 English → Chinese",
        "replaced en→zh translate-en_zh-1_8 1.8 (/m/old)",
        "installed en→zh translate-en_zh-1_9 1.9 (/m/new)",
        "models folder: /m (set ARGOS_PACKAGES_DIR to change)",
    ]
    assert render_model_install(InstallResult(new), Path("/m")).splitlines()[0] == "installed en→zh translate-en_zh-1_9 1.9 (/m/new)"
    assert render_model_list([], Path("/m")) == "no models installed in /m\ninstall one with: l10n model install FILE.argosmodel\n"
    assert render_model_list([new, old], Path("/m")) == f"{new.describe()}\n{old.describe()}\n"
    assert render_model_search([], "file:///i.json", None, "zh") == "no package in file:///i.json for any→zh\n"
    assert render_model_search([downloaded], "u", "en", "zh") == "en→zh 1.9 English → Chinese  (l10n model install en zh)\n"


def test_engines_lines():
    listings = [
        EngineListing("argos", "offline", True, ("device", "beam-size"), (PairCoverage("en", "zh", False, "no model"),)),
        EngineListing("fallback", "a dictionary", False, (), (PairCoverage("en", "zh", True, "always"), PairCoverage("en", "xx", None, "bad option"))),
        EngineListing("broken", error="cannot load engine 'broken'"),
    ]
    assert render_engines(listings).splitlines() == [
        "argos: offline",
        "  options: device, beam-size",
        "  does not cover en→zh: no model",
        "fallback: a dictionary (never picked by auto)",
        "  covers en→zh: always",
        "  en→xx: bad option",
        "broken: cannot be loaded (cannot load engine 'broken')",
    ]
