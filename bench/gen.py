"""Generators of large, realistic catalogues and projects for the benchmarks.

Everything is deterministic (seeded) and uses the standard library only, so
the same files can be handed to l10n and to its peers (GNU msgmerge,
Translate Toolkit's pofilter) in one run.

    python bench/gen.py project OUT_DIR --entries 20000 [--edited 0.05] [--langs zh,fr]

writes ``OUT_DIR/pyproject.toml``, ``OUT_DIR/locales/doc.pot`` (the current
template, with ``--edited`` of its sources changed) and
``OUT_DIR/locales/<lang>/LC_MESSAGES/doc.po`` (translated against the
previous template), i.e. a project that ``l10n update`` and ``l10n check``
work on, and that ``msgmerge``/``pofilter`` can be pointed at.
"""

from __future__ import annotations

import argparse
import random
from dataclasses import dataclass
from pathlib import Path

# Word lists of our own.  Sentences mix in numbers, percentages, money and
# years so that number checks have work to do.
_SUBJECTS = (
    "the city", "the village", "the county government", "a local company", "the cooperative",
    "the new museum", "young farmers", "the old harbour", "the tea garden", "the river authority",
    "every primary school", "the digital platform", "the rural clinic", "the bamboo factory",
    "the provincial library", "volunteers from the town", "the bus company", "the night market",
)
_VERBS = (
    "opened", "built", "rebuilt", "expanded", "connected", "protected", "promoted", "trained",
    "welcomed", "invested in", "restored", "planned", "launched", "supported", "cleaned up",
)
_OBJECTS = (
    "a library", "the main road", "a solar farm", "the wetland park", "an online shop",
    "a training centre", "the water supply", "a cultural hall", "the cycling path", "a health code system",
    "the fishing port", "a cold-chain warehouse", "the mountain trail", "a data centre", "the riverside walk",
)
# (English, Chinese) tails; the Chinese writes numbers the way the checks expect.
_TAILS = (
    ("in {year}", "于{year}年"),
    ("with {money} yuan", "投入{money_zh}元"),
    ("for {count} families", "惠及{count_zh}户家庭"),
    ("over {years} years", "历时{years}年"),
    ("after the flood of {year}", "在{year}年洪水之后"),
    ("to serve {count} visitors a day", "每天接待{count_zh}名游客"),
    ("with help from {count} volunteers", "得到{count_zh}名志愿者的帮助"),
    ("and cut costs by {pct} percent", "并使成本降低{pct}%"),
    ("", ""), ("", ""), ("", ""),
)
_ZH_SUBJECTS = (
    "这座城市", "这个村庄", "县政府", "一家本地公司", "合作社", "新博物馆", "年轻农民", "老港口", "茶园",
    "河道管理局", "每所小学", "数字平台", "乡村诊所", "竹制品厂", "省图书馆", "镇上的志愿者", "公交公司", "夜市",
)
_ZH_VERBS = ("开设了", "建设了", "重建了", "扩建了", "连通了", "保护了", "推广了", "培训了", "迎来了", "投资了", "修复了", "规划了", "启动了", "支持了", "整治了")
_ZH_OBJECTS = (
    "一座图书馆", "主干道", "一座太阳能电站", "湿地公园", "一家网店", "一个培训中心", "供水系统", "一座文化礼堂",
    "自行车道", "健康码系统", "渔港", "一座冷链仓库", "山间步道", "一个数据中心", "滨江步道",
)

# Kinds of defects planted in a share of the translations, so that the checks
# report findings (a QA tool that finds nothing is not being measured).
_DEFECTS = ("drop-number", "ascii-period", "doubled", "english-left", "trailing-space", "placeholder")


@dataclass(frozen=True)
class Message:
    """One generated entry: source, translation (may be empty) and reference."""

    msgid: str
    msgstr: str
    reference: str
    fuzzy: bool = False


def _numbers(rng: random.Random) -> dict[str, str]:
    millions = rng.randint(2, 900)
    count = rng.randint(1000, 99999)
    wan = millions * 100
    return {
        "year": str(rng.randint(1990, 2024)),
        "money": f"{millions} million",
        "money_zh": f"{wan / 10000:g}亿" if wan >= 10000 else f"{wan}万",
        "count": f"{count:,}",
        "count_zh": str(count),
        "years": str(rng.randint(2, 30)),
        "pct": str(rng.randint(2, 60)),
    }


def sentence_pair(index: int, rng: random.Random) -> tuple[str, str]:
    """Return a unique English sentence and a correct Chinese translation of it."""
    numbers = _numbers(rng)
    k = rng.randrange(len(_SUBJECTS))
    v = rng.randrange(len(_VERBS))
    o = rng.randrange(len(_OBJECTS))
    en = [_SUBJECTS[k].capitalize(), _VERBS[v], _OBJECTS[o]]
    zh = _ZH_SUBJECTS[k] + _ZH_VERBS[v] + _ZH_OBJECTS[o]
    tail_en, tail_zh = rng.choice(_TAILS)
    if tail_en:
        en.append(tail_en.format(**numbers))
        zh += "，" + tail_zh.format(**numbers)
    # A second clause in half the sentences gives msgmerge/rapidfuzz real text to compare.
    if rng.random() < 0.5:
        v2, o2 = rng.randrange(len(_VERBS)), rng.randrange(len(_OBJECTS))
        en.append(f"and {_VERBS[v2]} {_OBJECTS[o2]}")
        zh += "，并" + _ZH_VERBS[v2] + _ZH_OBJECTS[o2]
    if rng.random() < 0.03:
        en.append("for %s people")
        zh += "，惠及%s人"
    en.append(f"(project {index})")
    zh += f"（项目{index}）"
    end = rng.choice(".....!?")
    return " ".join(en) + end, zh + {"!": "！", "?": "？"}.get(end, "。")


def with_defect(text: str, rng: random.Random) -> str:
    """Return ``text`` with one defect of a kind the QA checks look for."""
    defect = rng.choice(_DEFECTS)
    if defect == "drop-number":
        digits = [c for c in text if c.isdigit()]
        return text.replace(digits[0], "", 1) if digits else text
    if defect == "ascii-period":
        return text[:-1] + "."
    if defect == "doubled":
        return text.replace("了", "了了", 1)
    if defect == "english-left":
        return text[:-1] + " project" + text[-1]
    if defect == "trailing-space":
        return text + " "
    if "%s" in text:
        return text.replace("%s", "%d")
    return text[:-1] + "!!"


def messages(
    count: int, seed: int = 20240601, translated: float = 0.9, fuzzy: float = 0.05, defects: float = 0.04
) -> list[Message]:
    """Return ``count`` unique messages; ``translated`` of them have a translation, some fuzzy, some defective."""
    rng = random.Random(seed)
    out = []
    for index in range(count):
        sentence, target = sentence_pair(index, rng)
        has = rng.random() < translated
        if has and rng.random() < defects:
            target = with_defect(target, rng)
        out.append(Message(sentence, target if has else "", f"doc.txt:{index + 1}", fuzzy=has and rng.random() < fuzzy))
    return out


def edit_sources(msgs: list[Message], fraction: float, seed: int = 7) -> list[Message]:
    """Return the next version of a template: ``fraction`` of sources edited, a few removed and added.

    Edits are small (a word changed or added), the kind msgmerge turns into
    fuzzy matches.  Translations are dropped: this is a template.
    """
    rng = random.Random(seed)
    out: list[Message] = []
    edited = set(rng.sample(range(len(msgs)), int(len(msgs) * fraction)))
    for i, m in enumerate(msgs):
        msgid = m.msgid
        if i in edited:
            kind = rng.random()
            if kind < 0.6:
                msgid = msgid.replace(" the ", " its ", 1) if " the " in msgid else msgid.replace("(project", "(new project", 1)
            elif kind < 0.85:
                msgid = msgid[:-1] + " this year" + msgid[-1]
            else:
                continue  # removed: becomes obsolete
        out.append(Message(msgid, "", m.reference))
    rng2 = random.Random(seed + 1)
    for j in range(max(1, int(len(msgs) * fraction / 4))):
        sentence, _ = sentence_pair(len(msgs) + j, rng2)
        out.append(Message(sentence, "", f"doc.txt:{len(msgs) + j + 1}"))
    return out


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\t", "\\t") + '"'


def po_text(msgs: list[Message], lang: str | None) -> str:
    """Return a PO (``lang`` given) or POT (``lang`` None) file holding ``msgs``."""
    header = [
        "Project-Id-Version: doc",
        "Report-Msgid-Bugs-To: ",
        "POT-Creation-Date: 2024-06-01 12:00+0000",
        "PO-Revision-Date: 2024-06-02 12:00+0000" if lang else "PO-Revision-Date: YEAR-MO-DA HO:MI+ZONE",
        "Last-Translator: Bench <bench@example.org>" if lang else "Last-Translator: FULL NAME <EMAIL@ADDRESS>",
        f"Language-Team: {lang} <LL@li.org>" if lang else "Language-Team: LANGUAGE <LL@li.org>",
        f"Language: {lang or ''}",
        "MIME-Version: 1.0",
        "Content-Type: text/plain; charset=UTF-8",
        "Content-Transfer-Encoding: 8bit",
    ]
    if lang:
        header.append("Plural-Forms: nplurals=1; plural=0;")
    lines = ['msgid ""', 'msgstr ""'] + [_quote(h + "\n") for h in header]
    if not lang:
        lines.insert(0, "#, fuzzy")
    for m in msgs:
        lines.append("")
        lines.append(f"#: {m.reference}")
        flags = ["fuzzy"] if (lang and m.fuzzy) else []
        if "%s" in m.msgid:
            flags.append("c-format")
        if flags:
            lines.append("#, " + ", ".join(flags))
        lines.append(f"msgid {_quote(m.msgid)}")
        lines.append(f"msgstr {_quote(m.msgstr if lang else '')}")
    return "\n".join(lines) + "\n"


PYPROJECT = """[tool.l10n]
source-language = "en"
target-languages = [{langs}]
"""


def write_project(
    root: Path, entries: int, *, edited: float = 0.05, langs: tuple[str, ...] = ("zh",), seed: int = 20240601
) -> dict[str, Path]:
    """Write a project of ``entries`` messages under ``root``; return its main paths.

    Returns ``{"pot": ..., "po:<lang>": ..., "root": ...}``.  The template is the
    edited version; each catalogue was translated against the previous one.
    """
    root = Path(root)
    (root / "locales").mkdir(parents=True, exist_ok=True)
    (root / "seeds").mkdir(exist_ok=True)
    (root / "pyproject.toml").write_text(PYPROJECT.format(langs=", ".join(f'"{l}"' for l in langs)), encoding="utf-8")
    old = messages(entries, seed=seed)
    new = edit_sources(old, edited) if edited else [Message(m.msgid, "", m.reference) for m in old]
    paths: dict[str, Path] = {"root": root, "pot": root / "locales" / "doc.pot"}
    paths["pot"].write_text(po_text(new, None), encoding="utf-8")
    for k, lang in enumerate(langs):
        po = root / "locales" / lang / "LC_MESSAGES" / "doc.po"
        po.parent.mkdir(parents=True, exist_ok=True)
        msgs = old if k == 0 else messages(entries, seed=seed)
        po.write_text(po_text(msgs, lang), encoding="utf-8")
        paths[f"po:{lang}"] = po
    return paths


def glossary_csv(count: int, seed: int = 11) -> str:
    """Return a glossary CSV (source,zh,status) with ``count`` approved invented terms."""
    rng = random.Random(seed)
    letters = "abcdefghijklmnopqrstuvwxyz"
    seen: set[str] = set()
    rows = ["source,zh,status"]
    while len(rows) <= count:
        words = ["".join(rng.choices(letters, k=rng.randint(4, 9))) for _ in range(rng.randint(1, 3))]
        source = " ".join(words)
        if source in seen:
            continue
        seen.add(source)
        rows.append(f"{source},术语{len(rows)},approved")
    return "\n".join(rows) + "\n"


def _main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="what", required=True)
    p = sub.add_parser("project", help="write a project with a template and catalogues")
    p.add_argument("out", type=Path)
    p.add_argument("--entries", type=int, default=20_000)
    p.add_argument("--edited", type=float, default=0.05)
    p.add_argument("--langs", default="zh")
    args = parser.parse_args()
    paths = write_project(args.out, args.entries, edited=args.edited, langs=tuple(args.langs.split(",")))
    for name, path in paths.items():
        print(f"{name}: {path}")


if __name__ == "__main__":
    _main()
