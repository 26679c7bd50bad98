"""Tests for l10n.text.segment: golden sentence boundaries, documents, reading sources."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from l10n.errors import L10nError
from l10n.text.segment import KINDS, Segment, paragraphs, read_source, segment_document, split_sentences

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "zhejiang-stories.txt"
DATA = Path(__file__).resolve().parent / "data" / "segment"

# (id, paragraph, expected sentences).  "seed-" cases are sentences (or the
# shape of sentences) from seeds/zhejiang-stories.txt; the rest are written
# for these tests so the rules stay general.
GOLDEN: list[tuple[str, str, list[str]]] = [
    # --- from the seed ---
    ("seed-co-ltd-end",
     "Mohammad is now Chairman of Zhejiang Yingfan Trading Co., Ltd. Back in 2002, he came to Yiwu.",
     ["Mohammad is now Chairman of Zhejiang Yingfan Trading Co., Ltd.", "Back in 2002, he came to Yiwu."]),
    ("seed-co-ltd-inner",
     "In 1991, he established the Sino-US joint venture—Wenzhou CHINT Electric Co., Ltd., introduced foreign investment.",
     ["In 1991, he established the Sino-US joint venture—Wenzhou CHINT Electric Co., Ltd., introduced foreign investment."]),
    ("seed-decimals",
     "Altogether 1.16 million funds and 3.25 million times of service have been delivered. It grew.",
     ["Altogether 1.16 million funds and 3.25 million times of service have been delivered.", "It grew."]),
    ("seed-currency",
     "Otherwise, it would incur a daily demurrage cost of US$8,000. However, the employee was at home.",
     ["Otherwise, it would incur a daily demurrage cost of US$8,000.", "However, the employee was at home."]),
    ("seed-ie-in-brackets",
     "Take “One Cloud and Two Networks” (i.e., CHINT Cloud, CHINT Industrial IoT, and CHINT Energy IoT) as its guidance. It will grow.",
     ["Take “One Cloud and Two Networks” (i.e., CHINT Cloud, CHINT Industrial IoT, and CHINT Energy IoT) as its guidance.",
      "It will grow."]),
    ("seed-quote-closes-sentence",
     "“I think Yiwu is the best place to do business.” In recent years, the services improved.",
     ["“I think Yiwu is the best place to do business.”", "In recent years, the services improved."]),
    ("seed-quote-glued-said",
     "“This also testifies that China’s success promotes the common development of all countries in the world,”said Mohammad. Doing global business in Yiwu is good.",
     ["“This also testifies that China’s success promotes the common development of all countries in the world,”said Mohammad.",
      "Doing global business in Yiwu is good."]),
    ("seed-ellipsis-quote-capital",
     "With wealth come new expectations. “We hope to live in a better house, with more colorful cultural life...” Since the 1990s, the wishes appeared.",
     ["With wealth come new expectations.", "“We hope to live in a better house, with more colorful cultural life...”",
      "Since the 1990s, the wishes appeared."]),
    ("seed-ellipsis-lowercase",
     "The well-off buildings, the Senior Villager Activity Center, the Ecological Park... dreams and blueprints came true.",
     ["The well-off buildings, the Senior Villager Activity Center, the Ecological Park... dreams and blueprints came true."]),
    ("seed-multi-sentence-quote",
     "The 1978 diary gave the answer: “Reform. It is risky to be first movers. Still, we need to think out of the box.” In this way, they joined the reform.",
     ["The 1978 diary gave the answer: “Reform.", "It is risky to be first movers.",
      "Still, we need to think out of the box.”", "In this way, they joined the reform."]),
    ("seed-question-in-quote",
     "Then secretary Zhang Zhenghe often said, “if we don’t have enough to eat, what can we do?” What he desired for most was food.",
     ["Then secretary Zhang Zhenghe often said, “if we don’t have enough to eat, what can we do?”",
      "What he desired for most was food."]),
    ("seed-decimal-in-brackets-quote",
     "He recorded it in 1963: “In 1963, the total grain output reached 406,245 jin (203.1225 tons), an increase of 27% over 1962.” That year, the village won.",
     ["He recorded it in 1963: “In 1963, the total grain output reached 406,245 jin (203.1225 tons), an increase of 27% over 1962.”",
      "That year, the village won."]),
    ("seed-question-mark",
     "How did the village achieve such great changes? By reading through the 35 diaries, one can discover the secrets.",
     ["How did the village achieve such great changes?", "By reading through the 35 diaries, one can discover the secrets."]),
    ("seed-exclamation-end",
     "He once imagined that all electricity problems could be solved. What an achievement that would be!",
     ["He once imagined that all electricity problems could be solved.", "What an achievement that would be!"]),
    ("seed-quote-paragraph-end",
     "in a hoarse voice: “We know that you want to come out. What do we do? If you cooperate well, we’ll all be well.”",
     ["in a hoarse voice: “We know that you want to come out.", "What do we do?", "If you cooperate well, we’ll all be well.”"]),
    ("seed-quote-opens-paragraph",
     "“With enough to eat, the people still have no money. What should we do?” The 1978 diary gave the answer.",
     ["“With enough to eat, the people still have no money.", "What should we do?”", "The 1978 diary gave the answer."]),
    ("seed-decimal-units",
     "Lujia village covers an area of 16.7 square kilometers. It generates about 6.4 billion kWh, cutting 6.47 million tons.",
     ["Lujia village covers an area of 16.7 square kilometers.", "It generates about 6.4 billion kWh, cutting 6.47 million tons."]),
    ("seed-percent-and-number-start",
     "In 2020, the export grew by more than 60% despite the epidemic. 18 family farms have been set up.",
     ["In 2020, the export grew by more than 60% despite the epidemic.", "18 family farms have been set up."]),
    ("seed-quoted-term-before-full-stop",
     "It has preliminarily reached the goal of “becoming a village that is strong and harmonious”. Environmental governance came first.",
     ["It has preliminarily reached the goal of “becoming a village that is strong and harmonious”.",
      "Environmental governance came first."]),
    ("seed-rnd-and-straight-apostrophe",
     "The group has a global R&D system. There were several times that community workers couldn't help but burst into tears.",
     ["The group has a global R&D system.", "There were several times that community workers couldn't help but burst into tears."]),
    # --- traps written for these tests ---
    ("co-ltd-then-sentence",
     "The company was founded by Huawei Co. Ltd. The firm grew quickly.",
     ["The company was founded by Huawei Co. Ltd.", "The firm grew quickly."]),
    ("inc-before-acronym",
     "Apple Inc. CEO Tim Cook spoke on Monday. Shares rose.",
     ["Apple Inc. CEO Tim Cook spoke on Monday.", "Shares rose."]),
    ("inc-end-then-name",
     "The deal was signed by Acme Inc. Investors welcomed it.",
     ["The deal was signed by Acme Inc.", "Investors welcomed it."]),
    ("corp-lowercase-continues",
     "Sony Corp. said on Tuesday that profit fell.",
     ["Sony Corp. said on Tuesday that profit fell."]),
    ("titles-and-number",
     "Dr. Smith met Mr. and Mrs. Brown at No. 5 Main Street. They talked.",
     ["Dr. Smith met Mr. and Mrs. Brown at No. 5 Main Street.", "They talked."]),
    ("ms-prof",
     "Ms. Chen introduced Prof. Li to the class. Everyone clapped.",
     ["Ms. Chen introduced Prof. Li to the class.", "Everyone clapped."]),
    ("no-as-answer",
     "Did he agree? No. He left the room.",
     ["Did he agree?", "No.", "He left the room."]),
    ("saint-petersburg",
     "She moved to St. Petersburg in 1998. It was cold.",
     ["She moved to St. Petersburg in 1998.", "It was cold."]),
    ("street-at-end",
     "The shop is on Baker St. The owner is friendly.",
     ["The shop is on Baker St.", "The owner is friendly."]),
    ("approx-decimal-km",
     "The trail is approx. 3.5 km long. Bring water.",
     ["The trail is approx. 3.5 km long.", "Bring water."]),
    ("us-president",
     "U.S. President Joe Biden spoke on Monday. He said the U.S. economy was strong.",
     ["U.S. President Joe Biden spoke on Monday.", "He said the U.S. economy was strong."]),
    ("us-at-end",
     "She lives in the U.S. The rest of her family lives in Canada.",
     ["She lives in the U.S.", "The rest of her family lives in Canada."]),
    ("usa-in-brackets",
     "The firm (based in the U.S.A.) hired 20 people. It plans more.",
     ["The firm (based in the U.S.A.) hired 20 people.", "It plans more."]),
    ("eg-apples",
     "Buy fruit, e.g. apples and pears. Avoid sweets.",
     ["Buy fruit, e.g. apples and pears.", "Avoid sweets."]),
    ("eg-before-capital",
     "Some cities, e.g. Hangzhou and Ningbo, grew fast.",
     ["Some cities, e.g. Hangzhou and Ningbo, grew fast."]),
    ("ie-before-capital",
     "The capital, i.e. Beijing, hosted it.",
     ["The capital, i.e. Beijing, hosted it."]),
    ("etc-inner",
     "Bring fruit (e.g., apples), bread, etc. to the picnic.",
     ["Bring fruit (e.g., apples), bread, etc. to the picnic."]),
    ("etc-end-and-pm-then",
     "We sold pens, paper, etc. The shop closed at 5 p.m. Then we went home.",
     ["We sold pens, paper, etc.", "The shop closed at 5 p.m.", "Then we went home."]),
    ("am-inner",
     "The meeting starts at 9 a.m. sharp and ends at 10 a.m. Beijing time.",
     ["The meeting starts at 9 a.m. sharp and ends at 10 a.m. Beijing time."]),
    ("vs",
     "It was Spain vs. Italy in the final. Spain won.",
     ["It was Spain vs. Italy in the final.", "Spain won."]),
    ("fig-page",
     "See Fig. 3 and p. 12 for details. The table follows.",
     ["See Fig. 3 and p. 12 for details.", "The table follows."]),
    ("vol-roman",
     "It appears in Vol. II of the series.",
     ["It appears in Vol. II of the series."]),
    ("month-before-number",
     "Prices rose in Jan. 2021 and fell in Feb. 2022. Analysts were surprised.",
     ["Prices rose in Jan. 2021 and fell in Feb. 2022.", "Analysts were surprised."]),
    ("middle-initial",
     "John F. Kennedy was the 35th president. He was born in 1917.",
     ["John F. Kennedy was the 35th president.", "He was born in 1917."]),
    ("initials-of-author",
     "The novel by J. K. Rowling sold well.",
     ["The novel by J. K. Rowling sold well."]),
    ("jr-end",
     "The speech was given by Martin Luther King Jr. He spoke for 17 minutes.",
     ["The speech was given by Martin Luther King Jr.", "He spoke for 17 minutes."]),
    ("question-quote-lowercase",
     "“Are you coming?” she asked. “Yes!” he replied.",
     ["“Are you coming?” she asked.", "“Yes!” he replied."]),
    ("full-stop-curly-quote",
     "He said, “It is late.” Then he left.",
     ["He said, “It is late.”", "Then he left."]),
    ("full-stop-straight-quote",
     'He said, "It is late." Then he left.',
     ['He said, "It is late."', "Then he left."]),
    ("quote-glued-next-sentence",
     "He said, “It is late.”The next day he left.",
     ["He said, “It is late.”", "The next day he left."]),
    ("straight-quote-opens-next",
     'The talks ended. "We will return," she said.',
     ["The talks ended.", '"We will return," she said.']),
    ("single-quotes",
     "He wrote ‘Stop here.’ Nobody did.",
     ["He wrote ‘Stop here.’", "Nobody did."]),
    ("ellipsis-three-dots-capital",
     "Wait... What was that?",
     ["Wait...", "What was that?"]),
    ("ellipsis-character-lowercase",
     "I think… maybe not. We will see… Tomorrow is another day.",
     ["I think… maybe not.", "We will see…", "Tomorrow is another day."]),
    ("double-punctuation",
     "Really?! No way! That is great!!",
     ["Really?!", "No way!", "That is great!!"]),
    ("bracketed-sentence",
     "(This is a full sentence.) The next one follows.",
     ["(This is a full sentence.)", "The next one follows."]),
    ("full-stop-inside-brackets-lowercase",
     "The result (see Table 2.) was clear.",
     ["The result (see Table 2.) was clear."]),
    ("url-and-email",
     "Email info@example.com or visit www.example.com. We reply within 2.5 days.",
     ["Email info@example.com or visit www.example.com.", "We reply within 2.5 days."]),
    ("version-number",
     "Version 2.0 was released. It fixed 3 bugs.",
     ["Version 2.0 was released.", "It fixed 3 bugs."]),
    ("currency-symbols",
     "The fund raised US$1.2 billion. $500 million went to Europe. Costs fell to €3.5 million.",
     ["The fund raised US$1.2 billion.", "$500 million went to Europe.", "Costs fell to €3.5 million."]),
    ("address",
     "The office is at 221 Baker Street, London. Visitors are welcome.",
     ["The office is at 221 Baker Street, London.", "Visitors are welcome."]),
    ("phd-lowercase",
     "She holds a Ph.D. in physics. Her thesis won a prize.",
     ["She holds a Ph.D. in physics.", "Her thesis won a prize."]),
    ("camelcase-start",
     "Sales of tablets fell. iPhone sales rose.",
     ["Sales of tablets fell.", "iPhone sales rose."]),
    ("spaces-kept-inside",
     "Two  spaces stay here.   Three spaces go between sentences.",
     ["Two  spaces stay here.", "Three spaces go between sentences."]),
    ("no-final-punctuation",
     "A sentence. And a tail without a stop",
     ["A sentence.", "And a tail without a stop"]),
    ("single-word",
     "Hello",
     ["Hello"]),
    ("list-marker-at-start",
     "1. Open the box. 2. Remove the device.",
     ["1. Open the box.", "2. Remove the device."]),
    ("number-ends-sentence",
     "The score was 3. The team lost.",
     ["The score was 3.", "The team lost."]),
    ("et-al",
     "Smith et al. found that it works. The study by Li et al. The results were clear.",
     ["Smith et al. found that it works.", "The study by Li et al.", "The results were clear."]),
    ("attributed-question",
     "“Why?” Smith asked. Nobody answered.",
     ["“Why?” Smith asked.", "Nobody answered."]),
    ("initials-two",
     "The author J. A. Smith wrote it. Plan A. A new plan came.",
     ["The author J. A. Smith wrote it.", "Plan A.", "A new plan came."]),
    ("dc-then-pronoun",
     "Mr. Smith went to Washington D.C. He met the President.",
     ["Mr. Smith went to Washington D.C.", "He met the President."]),
    ("stacked-titles",
     "He met the Rev. Dr. King Jr. at the church. Gov. Newsom and Lt. Gen. Smith came too.",
     ["He met the Rev. Dr. King Jr. at the church.", "Gov. Newsom and Lt. Gen. Smith came too."]),
    ("address-abbreviations",
     "Located at No. 18 Xixi Rd., Hangzhou, the firm employs 1,200 people. It opened in 2019.",
     ["Located at No. 18 Xixi Rd., Hangzhou, the firm employs 1,200 people.", "It opened in 2019."]),
    ("possessive-after-inc",
     "Apple Inc.’s profit rose. Investors cheered.",
     ["Apple Inc.’s profit rose.", "Investors cheered."]),
    ("quote-full-stop-lowercase",
     "He said “Hello.” and left.",
     ["He said “Hello.” and left."]),
    ("placeholder-like-characters-kept",
     "Odd ∯ marks ȹ stay. They are text.",
     ["Odd ∯ marks ȹ stay.", "They are text."]),
]


@pytest.mark.parametrize(("paragraph", "expected"), [pytest.param(p, e, id=i) for i, p, e in GOLDEN])
def test_golden_boundaries(paragraph: str, expected: list[str]) -> None:
    assert split_sentences(paragraph) == expected


def test_golden_ids_are_unique() -> None:
    ids = [case[0] for case in GOLDEN]
    assert len(ids) == len(set(ids))


# --- property: segments re-join to the paragraph ----------------------------

_PIECES = st.sampled_from(
    ["Co.", "Ltd.", "Inc.", "Dr.", "Mr.", "No.", "St.", "U.S.", "e.g.", "i.e.", "etc.", "vs.", "p.m.",
     "3.25", "US$8,000.", "...", "…", ".”", "?”", "!", '."', "“", "”", "(", ")", "The", "it", "A.", "?!"]
)
_WORDS = st.text(alphabet="abcXYZ019.,:?!…“”\"'’()$∯ȹ ", min_size=1, max_size=8)
_SPACE = st.sampled_from([" ", "  ", "\t", "", " \u00a0"])


@st.composite
def _paragraphs(draw: st.DrawFn) -> str:
    parts = draw(st.lists(st.tuples(st.one_of(_PIECES, _WORDS), _SPACE), min_size=1, max_size=25))
    return "".join(piece + space for piece, space in parts)


@given(_paragraphs())
@settings(max_examples=300, deadline=None)
def test_segments_rejoin_to_paragraph(paragraph: str) -> None:
    sentences = split_sentences(paragraph)
    assert all(s and s == s.strip() for s in sentences)
    assert "".join("".join(sentences).split()) == "".join(paragraph.split())
    # Stronger: each sentence is the next slice of the paragraph, only whitespace between.
    rest = paragraph
    for sentence in sentences:
        assert rest.lstrip().startswith(sentence)
        rest = rest.lstrip()[len(sentence):]
    assert not rest.strip()


# --- documents --------------------------------------------------------------

DOC = """2021-06-10 15:27:55 source: Cultural Dialogue

The Story of Digital Reform in Hangzhou
It began in 2016. Dr. Wang led it.

Chapter summary:
Read More
"""


def test_segment_document_kinds_paragraphs_and_lines() -> None:
    segments = segment_document(DOC, "seeds/demo.txt", ("read more",))
    assert [(s.text, s.paragraph, s.position, s.line, s.kind) for s in segments] == [
        ("2021-06-10 15:27:55 source: Cultural Dialogue", 0, 0, 1, "dateline"),
        ("The Story of Digital Reform in Hangzhou", 1, 0, 3, "title"),
        ("It began in 2016.", 2, 0, 4, "sentence"),
        ("Dr. Wang led it.", 2, 1, 4, "sentence"),
        ("Chapter summary:", 3, 0, 6, "title"),
    ]
    assert {s.document for s in segments} == {"seeds/demo.txt"}


def test_ignore_lines_match_whole_line_case_insensitively() -> None:
    text = "Read more\nYou can read more here.\n  READ MORE  \n"
    segments = segment_document(text, "d.txt", ("read more",))
    assert [s.text for s in segments] == ["You can read more here."]
    assert segments[0].paragraph == 0 and segments[0].line == 2


def test_without_ignore_lines_boilerplate_is_a_title() -> None:
    segments = segment_document("A sentence.\nread more\n", "d.txt")
    assert [(s.text, s.kind) for s in segments] == [("A sentence.", "sentence"), ("read more", "title")]


def test_bad_ignore_pattern_is_an_l10n_error() -> None:
    with pytest.raises(L10nError) as info:
        segment_document("Text.", "d.txt", ("read (more",))
    assert "ignore-lines" in str(info.value)
    assert info.value.hint


def test_one_sentence_with_final_punctuation_is_not_a_title() -> None:
    segments = segment_document("Finally, their hard work won the support of more people.\n", "d.txt")
    assert segments[0].kind == "sentence"


def test_crlf_and_bom_in_text_are_normalised() -> None:
    segments = segment_document("\ufeffTitle\r\nOne. Two.\r\n", "d.txt")
    assert [(s.text, s.line) for s in segments] == [("Title", 1), ("One.", 2), ("Two.", 2)]


def test_paragraphs_regroups_in_order() -> None:
    segments = segment_document(DOC, "seeds/demo.txt", ("read more",))
    groups = paragraphs(list(reversed(segments)))
    assert sorted([s.text for s in g] for g in groups) == sorted(
        [[s.text for s in segments if s.paragraph == n] for n in range(4)]
    )
    two = next(g for g in groups if len(g) == 2)
    assert [s.position for s in two] == [0, 1]
    assert all(isinstance(s, Segment) for g in groups for s in g)


def test_paragraphs_keeps_documents_apart() -> None:
    a = segment_document("One. Two.", "a.txt")
    b = segment_document("Three.", "b.txt")
    assert [[s.text for s in g] for g in paragraphs(a + b)] == [["One.", "Two."], ["Three."]]


# --- the seed ---------------------------------------------------------------


def test_seed_segments() -> None:
    text = read_source(SEED)
    segments = segment_document(text, "seeds/zhejiang-stories.txt", ("read more",))
    lines = [line.strip() for line in text.split("\n")]
    content = [line for line in lines if line and line.lower() != "read more"]
    # every paragraph survives, rebuilt from its segments
    groups = paragraphs(segments)
    assert len(groups) == len(content)
    for group, line in zip(groups, content):
        assert "".join("".join(s.text for s in group).split()) == "".join(line.split())
        assert lines[group[0].line - 1] == line
    assert segments[0].kind == "dateline"
    assert {s.kind for s in segments} <= set(KINDS)
    assert segments[0].text == "2021-06-10 15:27:55 source: Cultural Dialogue"
    assert all(s.text != "read more" for s in segments)
    titles = [s.text for s in segments if s.kind == "title"]
    assert titles == [line for line in content if line.startswith("The Story of")]
    texts = {s.text for s in segments}
    assert "Mohammad Falah Nasser, a Jordanian businessman, is now Chairman of Zhejiang Yingfan Trading Co., Ltd." in texts
    assert "Otherwise, it would incur a daily demurrage cost of US$8,000." in texts
    assert any(t.endswith("world,”said Mohammad.") for t in texts)
    assert "“Reform." not in texts  # the quotation opens inside a sentence
    assert any(t.endswith("gave the answer: “Reform.") for t in texts)


# --- read_source ------------------------------------------------------------


def test_read_source_strips_bom_and_normalises_crlf(tmp_path: Path) -> None:
    path = tmp_path / "doc.txt"
    path.write_bytes(b"\xef\xbb\xbfTitle\r\nOne. Two.\r\nOld\rmac\n")
    assert read_source(path) == "Title\nOne. Two.\nOld\nmac\n"


def test_read_source_keeps_plain_utf8(tmp_path: Path) -> None:
    path = tmp_path / "doc.txt"
    path.write_text("Zhejiang’s “Qinqing Online” … 16.7 km²\n", encoding="utf-8")
    assert read_source(path) == "Zhejiang’s “Qinqing Online” … 16.7 km²\n"


BAD_SOURCES = {  # file in tests/data/segment/ -> (words in the message, line)
    "bad.empty.txt": ("empty", None),
    "bad.whitespace-only.txt": ("empty", None),
    "bad.bom-only.txt": ("empty", None),
    "bad.nul-byte.txt": ("binary", 2),
    "bad.latin-1.txt": ("UTF-8", 3),
    "bad.bad-byte-crlf.txt": ("UTF-8", 3),
}


def test_every_bad_source_file_has_an_expectation() -> None:
    assert sorted(p.name for p in DATA.glob("bad.*.txt")) == sorted(BAD_SOURCES)


@pytest.mark.parametrize("name", sorted(BAD_SOURCES))
def test_read_source_rejects_bad_content(name: str) -> None:
    message, line = BAD_SOURCES[name]
    with pytest.raises(L10nError) as info:
        read_source(DATA / name)
    error = info.value
    assert message in error.message
    assert error.path == DATA / name
    assert error.line == line
    assert error.hint


def test_read_source_bom_crlf_file_segments_cleanly() -> None:
    segments = segment_document(read_source(DATA / "good.bom-crlf.txt"), "good.txt", ("read more",))
    assert [(s.text, s.line, s.kind) for s in segments] == [
        ("The Story of a Test", 1, "title"),
        ("One sentence.", 2, "sentence"),
        ("Dr. Li wrote “this.”", 2, "sentence"),
    ]


def test_read_source_missing_file(tmp_path: Path) -> None:
    with pytest.raises(L10nError) as info:
        read_source(tmp_path / "nope.txt")
    assert "not found" in info.value.message
    assert info.value.path == tmp_path / "nope.txt"
    assert info.value.hint


def test_read_source_directory(tmp_path: Path) -> None:
    with pytest.raises(L10nError) as info:
        read_source(tmp_path)
    assert "directory" in info.value.message
    assert info.value.hint


def test_the_seed_segments_exactly_as_recorded() -> None:
    # Recorded before the segmenter was made faster (tests/data/segment/seed-segments.json):
    # a change of speed must not change one segment of the seed.
    recorded = json.loads((ROOT / "tests" / "data" / "segment" / "seed-segments.json").read_text(encoding="utf-8"))
    segments = segment_document(read_source(SEED), recorded["source"], tuple(recorded["ignore_lines"]))
    assert [[s.paragraph, s.position, s.line, s.kind, s.text] for s in segments] == recorded["segments"]
    assert len(segments) == 226
