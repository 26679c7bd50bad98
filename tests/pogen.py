"""Generated catalogues for the PO tests, and GNU gettext as the oracle.

Text mixes English words, Chinese characters, full-width and ASCII
punctuation, curly quotes, digits, runs of spaces and the characters PO files
escape (newline, tab, double quote, backslash).  Generated entries keep the
rules ``msgfmt --check`` enforces (a translation begins and ends with a
newline exactly when its msgid does; one plural form for Chinese), so every
generated catalogue is also a valid compiled catalogue.
"""

from __future__ import annotations

import difflib
import random
import shutil
import subprocess
from pathlib import Path

import pytest
from hypothesis import strategies as st

from l10n.po.catalog import Catalog, Entry

WORDS = (
    "The quick brown fox jumps over the lazy dog in Hangzhou's Xihu District; "
    "e.g. 1.16 million people, US$2 billion and 8,000 jobs (2021), COVID-19, "
    "non-face-to-face \"Qinqing Online\" platform: a village-level reform! "
    "Why? Because Zhejiang's digital economy grew 13.3% year-on-year."
).split()
HANZI = (
    "浙江数字化改革的故事杭州市政府推出了亲清在线平台打通政府与企业之间直接沟通渠道"
    "这是转型一项重要成果年初为帮助渡过新冠肺炎疫情带来难关并以非接触方式及时兑现"
    "对承诺扶持政策乡村振兴共同富裕示范区建设万亿元人民币增长百分之"
)
FULLWIDTH = "，。“”‘’（）：；、！？《》「」—…·％"
ASCII_PUNCT = ".,;:!?()[]{}'-/%$#@&*+=<>|~^_`"
ESCAPED = '\n\t"\\'
SOUP = (
    "abcdefghijklmnopqrstuvwxyzABCXYZ0123456789" + HANZI[:40] + FULLWIDTH
    + ASCII_PUNCT + ESCAPED + "   "
)
SEPARATORS = ("", " ", " ", " ", "  ", "\n", "\t")

HEADER = (
    ("Project-Id-Version", "l10n tests"),
    ("Report-Msgid-Bugs-To", ""),
    ("POT-Creation-Date", "2024-05-01 12:00+0000"),
    ("PO-Revision-Date", "2024-05-02 08:30+0800"),
    ("Last-Translator", "Test Translator <test@example.com>"),
    ("Language-Team", "Chinese <zh@li.org>"),
    ("Language", "zh"),
    ("MIME-Version", "1.0"),
    ("Content-Type", "text/plain; charset=UTF-8"),
    ("Content-Transfer-Encoding", "8bit"),
    ("Plural-Forms", "nplurals=1; plural=0;"),
    ("X-Generator", "l10n 0.1.0"),
)

_token = st.one_of(
    st.sampled_from(WORDS),
    st.text(alphabet=HANZI, min_size=1, max_size=14),
    st.sampled_from(FULLWIDTH + ASCII_PUNCT + "0123456789"),
)
sentences = st.lists(st.tuples(_token, st.sampled_from(SEPARATORS)), max_size=45).map(
    lambda pairs: "".join(t + s for t, s in pairs)
)
soup = st.text(alphabet=SOUP, max_size=160)
texts = st.one_of(sentences, soup)
comment_texts = st.text(alphabet=SOUP.replace("\n", ""), max_size=60)
references = st.builds(
    lambda name, n: f"seeds/{name}.txt:{n}",
    st.text(alphabet="abcdefghijklmnopqrstuvwxyz-_", min_size=1, max_size=30),
    st.integers(min_value=1, max_value=99999),
)


def same_newlines(model: str, text: str) -> str:
    """``text`` with a leading/trailing newline exactly where ``model`` has one."""
    core = text.strip("\n") or "译"
    return ("\n" if model.startswith("\n") else "") + core + ("\n" if model.endswith("\n") else "")


@st.composite
def entries(draw: st.DrawFn) -> Entry:
    """One entry of any kind (plural, msgctxt, previous msgid, obsolete, comments...)."""
    msgid = draw(texts.filter(lambda t: t.strip("\n") != ""))
    plural = draw(st.integers(0, 5)) == 0
    translated = draw(st.booleans())
    flags: tuple[str, ...] = ()
    if translated and draw(st.booleans()):
        flags += ("fuzzy",)
    if draw(st.integers(0, 9)) == 0:
        flags += ("no-wrap",)
    msgstr = same_newlines(msgid, draw(texts)) if translated else ""
    return Entry(
        msgid=msgid,
        msgstr="" if plural else msgstr,
        msgctxt=draw(st.one_of(st.none(), st.none(), texts)),
        msgid_plural=same_newlines(msgid, draw(texts)) if plural else None,
        msgstr_plural=(msgstr,) if plural else (),
        flags=flags,
        references=tuple(draw(st.lists(references, max_size=6, unique=True))),
        extracted_comments=tuple(draw(st.lists(comment_texts, max_size=2))),
        translator_comments=tuple(draw(st.lists(comment_texts, max_size=2))),
        # Left to the formatter: a previous msgctxt without a previous msgid,
        # comments ending in a backslash (gettext can read neither back).
        previous_msgctxt=draw(st.one_of(st.none(), texts)) if draw(st.integers(0, 5)) == 0 else None,
        previous_msgid=draw(st.one_of(st.none(), texts)),
        obsolete=translated and draw(st.integers(0, 5)) == 0,
    )


def catalogs(min_entries: int = 1, max_entries: int = 40) -> st.SearchStrategy[Catalog]:
    """Catalogues with the full header and unique message keys."""
    return st.builds(
        lambda es, comments, fuzzy: Catalog(
            header=HEADER,
            entries=tuple(es),
            header_comments=tuple(comments),
            header_flags=("fuzzy",) if fuzzy else (),
        ),
        st.lists(entries(), min_size=min_entries, max_size=max_entries, unique_by=lambda e: e.key),
        st.lists(comment_texts, max_size=3),
        st.booleans(),
    )


def random_catalog(seed: int, count: int) -> Catalog:
    """A large catalogue drawn from ``random`` (for one bulk oracle call)."""
    rng = random.Random(seed)

    def text(size: int) -> str:
        if rng.random() < 0.5:
            return "".join(rng.choice(SOUP) for _ in range(rng.randint(0, size)))
        parts = []
        for _ in range(rng.randint(1, size // 4)):
            kind = rng.random()
            if kind < 0.45:
                parts.append(rng.choice(WORDS))
            elif kind < 0.85:
                parts.append("".join(rng.choice(HANZI) for _ in range(rng.randint(1, 12))))
            else:
                parts.append(rng.choice(FULLWIDTH + ASCII_PUNCT))
            parts.append(rng.choice(SEPARATORS))
        return "".join(parts)

    seen, out = set(), []
    while len(out) < count:
        msgid = text(300)
        if not msgid.strip("\n") or msgid in seen:
            continue
        seen.add(msgid)
        msgstr = same_newlines(msgid, text(300)) if rng.random() < 0.7 else ""
        out.append(Entry(
            msgid=msgid,
            msgstr=msgstr,
            flags=("fuzzy",) if msgstr and rng.random() < 0.3 else (),
            references=tuple(f"seeds/doc-{rng.randint(1, 9)}.txt:{rng.randint(1, 999)}" for _ in range(rng.randint(0, 12))),
            translator_comments=(text(60).replace("\n", " ").strip(),) if rng.random() < 0.2 else (),
            previous_msgid=text(120) if rng.random() < 0.1 else None,
        ))
    return Catalog(header=HEADER, entries=tuple(out), header_comments=("Bulk test.",))


def gettext_tool(name: str) -> str:
    """Path of a GNU gettext program; skips the test when it is not installed."""
    exe = shutil.which(name)
    if exe is None:
        pytest.skip(f"GNU gettext's {name} is not installed")
    return exe


def msgcat(path: Path) -> bytes:
    """What ``msgcat PATH -o OUT`` writes to OUT."""
    out = path.with_name(path.name + ".msgcat")
    proc = subprocess.run([gettext_tool("msgcat"), str(path), "-o", str(out)], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    return out.read_bytes()


def assert_msgcat_keeps(path: Path) -> None:
    """Assert that ``msgcat`` rewrites the file byte for byte, showing the first differences."""
    ours = path.read_bytes()
    theirs = msgcat(path)
    if theirs != ours:
        diff = difflib.unified_diff(
            ours.decode("utf-8").splitlines(keepends=True),
            theirs.decode("utf-8").splitlines(keepends=True),
            "ours",
            "msgcat",
        )
        pytest.fail("msgcat changed the file:\n" + "".join(list(diff)[:60]))


def msgfmt_check(path: Path) -> None:
    """Assert that ``msgfmt --check`` accepts the file."""
    proc = subprocess.run(
        [gettext_tool("msgfmt"), "--check", "-o", "/dev/null", str(path)], capture_output=True, text=True
    )
    assert proc.returncode == 0, proc.stderr
