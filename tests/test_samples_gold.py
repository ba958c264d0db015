"""The gold annotations of the sample articles agree with the sample files.

tests/expected/samples_gold.json is the specification extraction is tested against, and
tests/expected/README.md says how it is written. These tests check the annotations, not the
extractor: every annotated quotation is in its article, verbatim, in text order and between
matching marks; every quoted stretch of an article is annotated; and the set covers every case
extraction must handle. The samples are read here directly, the way the readers read them,
rather than through store.readers, so that a reader bug cannot make the gold look right.
"""

from __future__ import annotations

import email.utils
import html
import itertools
import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import pytest

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
GOLD_PATH = Path(__file__).resolve().parent / "expected" / "samples_gold.json"
GOLD: dict[str, dict[str, Any]] = json.loads(GOLD_PATH.read_text(encoding="utf-8"))

ARTICLE_FIELDS = {"outlet", "title", "published", "quotes", "not_quotes"}
QUOTE_FIELDS = {"text", "kind", "speaker", "speaker_role", "reported_to", "via"}
KINDS = {"direct", "partial", "reported"}
#: Each opening quotation mark and the mark that closes it.
CLOSING = {'"': '"', "“": "”", "‘": "’", "'": "'", "«": "»"}
CREDIT_LINE = re.compile(r"^Read the original article on (?P<outlet>.+)$")
CONTENT_ENCODED = "{http://purl.org/rss/1.0/modules/content/}encoded"


@dataclass(frozen=True)
class Sample:
    """One article of samples/ as the readers see it: paragraphs separated by blank lines."""

    key: str
    text: str
    title: str | None
    outlet: str | None
    published: str | None


def _text_samples(path: Path) -> Iterator[Sample]:
    lines = path.read_text(encoding="utf-8").strip().split("\n")
    credit = CREDIT_LINE.match(lines[-1])
    if credit:
        lines.pop()
    paragraphs = re.split(r"\n\s*\n", "\n".join(lines[1:]).strip())
    text = "\n\n".join([lines[0], *paragraphs])
    yield Sample(path.name, text, lines[0], credit and credit["outlet"], None)


def _jsonl_samples(path: Path) -> Iterator[Sample]:
    for line in path.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        published = record["published"][:10]
        key = f"{path.name}#{record['id']}"
        yield Sample(key, record["text"], record["title"], record["outlet"], published)


def _html_paragraphs(fragment: str) -> str:
    found = re.findall(r"<p\b[^>]*>(.*?)</p>", fragment, re.DOTALL)
    return "\n\n".join(html.unescape(re.sub(r"<[^>]+>", "", p)).strip() for p in found)


def _meta(page: str, name: str) -> str:
    match = re.search(rf'<meta (?:property|name)="{name}" content="([^"]*)"', page)
    assert match, f"no {name} meta tag"
    return html.unescape(match[1])


def _html_samples(path: Path) -> Iterator[Sample]:
    page = path.read_text(encoding="utf-8")
    article = re.search(r"<article\b.*?</article>", page, re.DOTALL)
    assert article, f"{path.name} has no <article>"
    published = _meta(page, "article:published_time")[:10]
    title, outlet = _meta(page, "og:title"), _meta(page, "og:site_name")
    yield Sample(path.name, _html_paragraphs(article[0]), title, outlet, published)


def _feed_samples(path: Path) -> Iterator[Sample]:
    channel = ET.parse(path).getroot().find("channel")
    assert channel is not None
    for item in channel.iter("item"):
        published = email.utils.parsedate_to_datetime(item.findtext("pubDate", ""))
        yield Sample(
            f"{path.name}#{item.findtext('link')}",
            _html_paragraphs(item.findtext(CONTENT_ENCODED, "")),
            item.findtext("title"),
            channel.findtext("title"),
            published.date().isoformat(),
        )


READERS: dict[str, Callable[[Path], Iterator[Sample]]] = {
    ".txt": _text_samples,
    ".jsonl": _jsonl_samples,
    ".html": _html_samples,
    ".xml": _feed_samples,
}


@cache
def samples() -> dict[str, Sample]:
    """Every article in samples/ by its gold key (README.md is not an article)."""
    found: dict[str, Sample] = {}
    for path in sorted(SAMPLES.iterdir()):
        if path.name != "README.md":
            assert path.suffix in READERS, f"samples/{path.name}: no reader for {path.suffix}"
            found.update((s.key, s) for s in READERS[path.suffix](path))
    return found


@dataclass(frozen=True)
class Located:
    """An annotated quotation found in its article: one span per paragraph it runs over."""

    sample: Sample
    quote: dict[str, Any]
    spans: tuple[tuple[int, int], ...]

    @property
    def start(self) -> int:
        return self.spans[0][0]

    @property
    def end(self) -> int:
        return self.spans[-1][1]

    @property
    def quoted(self) -> bool:
        return self.quote["kind"] != "reported"

    @property
    def opening(self) -> str:
        """The character before the words: the opening mark of a quotation."""
        return self.sample.text[self.start - 1] if self.start else ""

    @property
    def closing_end(self) -> int:
        """Where the closing mark ends (for reported speech, where the clause ends)."""
        if not self.quoted:
            return self.end
        text, end = self.sample.text, self.end
        end += text.startswith(",", end)
        return end + (text[end : end + 1] in CLOSING.values())

    @property
    def paragraph(self) -> tuple[int, int]:
        """Start and end of the paragraph where the words begin."""
        text = self.sample.text
        start = text.rfind("\n\n", 0, self.start)
        end = text.find("\n\n", self.start)
        return (0 if start < 0 else start + 2, len(text) if end < 0 else end)

    @property
    def before(self) -> str:
        """The paragraph before the words and their opening mark."""
        return self.sample.text[self.paragraph[0] : self.start - self.quoted]

    @property
    def after(self) -> str:
        """The paragraph after the words and their closing mark."""
        return self.sample.text[self.closing_end : self.paragraph[1]]

    @property
    def names(self) -> str:
        """A pattern for the speaker's full name or surname."""
        speaker = self.quote["speaker"] or "\0"
        return "|".join(re.escape(n) for n in (speaker, speaker.split()[-1]))


def _parts(quote: dict[str, Any]) -> list[str]:
    return quote.get("paragraphs") or [quote["text"]]


def _find(text: str, words: str, start: int, quoted: bool) -> int:
    """The first occurrence from `start`, preferring one that is (or is not) after a mark."""
    hits = [m.start() for m in re.finditer(re.escape(words), text[start:])]
    hits = [start + h for h in hits]
    fitting = [h for h in hits if (h > 0 and text[h - 1] in CLOSING) == quoted]
    return (fitting or hits or [-1])[0]


def locate(sample: Sample, quotes: list[dict[str, Any]]) -> list[Located | None]:
    """Each annotation's place in the article, searching on from the previous one's start."""
    located: list[Located | None] = []
    position = 0
    for quote in quotes:
        spans: list[tuple[int, int]] = []
        for part in _parts(quote):
            start = spans[-1][1] if spans else position
            found = _find(sample.text, part, start, quote["kind"] != "reported")
            spans.append((found, found + len(part)))
        if any(start < 0 for start, _ in spans):
            located.append(None)
            continue
        located.append(Located(sample, quote, tuple(spans)))
        position = spans[0][0] + 1
    return located


@cache
def corpus() -> tuple[Located, ...]:
    """Every annotation of every sample, located (those not found are left out here)."""
    return tuple(
        loc
        for key, sample in samples().items()
        for loc in locate(sample, GOLD.get(key, {}).get("quotes", []))
        if loc is not None
    )


def corpus_of(key: str) -> list[Located]:
    """The located annotations of one article."""
    return [loc for loc in corpus() if loc.sample.key == key]


def without_nicknames(text: str) -> str:
    """The text with quoted nicknames taken out of names: Marcus "Tugboat" Fenwick."""
    return re.sub(r' ["“][^"”]{1,30}["”](?= [A-Z])', "", text)


def key_id(key: str) -> str:
    """A test id that stays readable for feed items keyed by their whole link."""
    file, _, item = key.partition("#")
    return f"{file}#{item.rsplit('/', 1)[-1]}" if item else file


# --- the files and the gold describe the same articles ------------------------------------


def test_every_sample_has_gold_annotations_and_every_annotation_a_sample() -> None:
    assert set(samples()) == set(GOLD)


@pytest.mark.parametrize("key", GOLD, ids=key_id)
def test_gold_names_the_outlet_title_and_date_the_file_carries(key: str) -> None:
    sample = samples()[key]
    gold = GOLD[key]
    assert (gold["outlet"], gold["title"], gold["published"]) == (
        sample.outlet,
        sample.title,
        sample.published,
    )


@pytest.mark.parametrize("key", GOLD, ids=key_id)
def test_annotations_have_the_documented_fields(key: str) -> None:
    article = GOLD[key]
    assert set(article) == ARTICLE_FIELDS
    assert all(isinstance(text, str) and text for text in article["not_quotes"])
    for quote in article["quotes"]:
        assert set(quote) - {"paragraphs"} == QUOTE_FIELDS, quote
        assert quote["kind"] in KINDS, quote
        assert all(quote[f] is None or quote[f].strip() for f in QUOTE_FIELDS - {"kind"}), quote
        if "paragraphs" in quote:
            assert len(quote["paragraphs"]) >= 2, quote
            assert quote["text"] == " ".join(quote["paragraphs"]), quote


@pytest.mark.parametrize("key", GOLD, ids=key_id)
def test_annotated_words_occur_verbatim_in_text_order(key: str) -> None:
    quotes = GOLD[key]["quotes"]
    for quote, found in zip(quotes, locate(samples()[key], quotes), strict=True):
        assert found is not None, f"not in the article, or out of order: {quote['text']!r}"


@pytest.mark.parametrize("key", GOLD, ids=key_id)
def test_quotations_sit_between_matching_marks(key: str) -> None:
    text = samples()[key].text
    for loc in corpus_of(key):
        if not loc.quoted:
            continue
        assert loc.opening in CLOSING, f"no opening mark before {loc.quote['text']!r}"
        for start, _ in loc.spans:
            assert text[start - 1] == loc.opening, f"each paragraph opens: {loc.quote['text']!r}"
        for _, end in loc.spans[:-1]:
            assert text[end : end + 2] == "\n\n", f"only the last closes: {loc.quote['text']!r}"
        closing = text[loc.end + text.startswith(",", loc.end)]
        assert closing == CLOSING[loc.opening], f"not closed by its mark: {loc.quote['text']!r}"


@pytest.mark.parametrize("key", GOLD, ids=key_id)
def test_reported_speech_is_outside_quotation_marks(key: str) -> None:
    for loc in corpus_of(key):
        if loc.quote["kind"] == "reported":
            assert loc.opening not in CLOSING, loc.quote
            assert not re.search(r'["“”«»]', loc.quote["text"]), loc.quote


@pytest.mark.parametrize("key", GOLD, ids=key_id)
def test_every_double_quoted_or_guillemet_stretch_is_annotated(key: str) -> None:
    # Single quotes are left out: they cannot be told from apostrophes without reading.
    gold = GOLD[key]
    annotated = {part for quote in gold["quotes"] for part in _parts(quote)}
    annotated |= set(gold["not_quotes"])
    for paragraph in samples()[key].text.split("\n\n"):
        stretches = paragraph.split('"')[1::2]
        stretches += re.findall(r"“([^“”]*)”", paragraph) + re.findall(r"«([^«»]*)»", paragraph)
        last = paragraph.rfind("“")
        if last >= 0 and "”" not in paragraph[last:]:
            stretches.append(paragraph[last + 1 :])  # continues in the next paragraph
        for stretch in stretches:
            assert stretch.removesuffix(",") in annotated, f"not annotated: {stretch!r}"


@pytest.mark.parametrize("key", GOLD, ids=key_id)
def test_not_quotes_are_quoted_in_the_article(key: str) -> None:
    text = samples()[key].text
    for words in GOLD[key]["not_quotes"]:
        marked = rf"([\"“‘'«]){re.escape(words)},?[\"”’'»]"
        assert re.search(marked, text), f"not between quotation marks: {words!r}"


@pytest.mark.parametrize("key", GOLD, ids=key_id)
def test_speakers_and_roles_are_as_the_article_introduces_them(key: str) -> None:
    text = without_nicknames(samples()[key].text)
    for quote in GOLD[key]["quotes"]:
        speaker, role = quote["speaker"], quote["speaker_role"]
        if speaker is None:
            assert role is None, f"a role without a speaker: {quote}"
            continue
        assert speaker in text, f"the article never names {speaker!r}"
        if role is not None:
            prefixed = f"{role} {speaker}" in text
            appositive = re.search(rf"{re.escape(speaker)}, (?:\d+, )?{re.escape(role)}\b", text)
            assert prefixed or appositive, f"{role!r} is not how the article introduces {speaker}"


@pytest.mark.parametrize("key", GOLD, ids=key_id)
def test_credited_outlets_are_outlets_the_article_names(key: str) -> None:
    outlets = {article["outlet"] for article in GOLD.values()}
    sample = samples()[key]
    for quote in GOLD[key]["quotes"]:
        for field in ("reported_to", "via"):
            outlet = quote[field]
            if outlet is not None:
                assert outlet in outlets, f"{field} {outlet!r} is not an outlet"
                assert outlet in sample.text or outlet == sample.outlet, quote


# --- every case extraction must handle is covered -----------------------------------------

Check = Callable[[], bool]
CASES: dict[str, Check] = {}


def case(name: str) -> Callable[[Check], Check]:
    def register(check: Check) -> Check:
        CASES[name] = check
        return check

    return register


def any_quote(predicate: Callable[[Located], object]) -> bool:
    return any(predicate(loc) for loc in corpus())


def pairs() -> Iterator[tuple[Located, Located]]:
    """Each annotation with the one after it in the same article."""
    for first, second in itertools.pairwise(corpus()):
        if first.sample.key == second.sample.key:
            yield first, second


def all_text() -> str:
    return "\n\n".join(sample.text for sample in samples().values())


for _kind in sorted(KINDS):
    case(f"kind {_kind}")(lambda kind=_kind: any_quote(lambda q: q.quote["kind"] == kind))

MARK_NAMES = {
    '"': "straight",
    "“": "curly",
    "«": "guillemet",
    "'": "straight single",
    "‘": "curly single",
}
for _mark, _name in MARK_NAMES.items():
    case(f"{_name} quotation marks")(
        lambda mark=_mark: any_quote(lambda q: q.quoted and q.opening == mark)
    )


@case("a quotation nested inside another")
def _nested() -> bool:
    return any(
        outer.sample is inner.sample and outer.start < inner.start and inner.end < outer.end
        for outer in corpus()
        for inner in corpus()
    )


@case("a quotation over several paragraphs")
def _multi_paragraph() -> bool:
    return any_quote(lambda q: len(q.spans) >= 2)


@case("apostrophes that are not quotation marks")
def _apostrophes() -> bool:
    patterns = [
        r"\b[Ii]t['’]s\b",
        r"\bworkers['’] union",
        r"['’]90s",
        r"rock ['’]n['’] roll",
        r"\b[A-Z][a-z]+s['’] [a-z]",
    ]
    text = all_text()
    within_single_quotes = any_quote(
        lambda q: q.opening in "'‘" and re.search("['’]", q.quote["text"])
    )
    return within_single_quotes and all(re.search(p, text) for p in patterns)


@case("a quoted title that is not speech")
def _title() -> bool:
    titles = [t for g in GOLD.values() for t in g["not_quotes"] if len(t.split()) >= 2]
    return any(all(word[0].isupper() for word in t.split()) for t in titles)


@case("a quoted nickname")
def _nickname() -> bool:
    nicknames = [re.escape(t) for g in GOLD.values() for t in g["not_quotes"]]
    return any(re.search(rf"[A-Z]\w+ [\"“]{n}[\"”] [A-Z]", all_text()) for n in nicknames)


@case("a so-called term")
def _so_called() -> bool:
    terms = [t for g in GOLD.values() for t in g["not_quotes"]]
    return any(re.search(rf"so-called [\"“]{re.escape(t)}", all_text()) for t in terms)


@case('"…," Name said.')
def _name_said() -> bool:
    return any_quote(lambda q: q.quoted and re.match(rf" (?:{q.names}) said\b", q.after))


@case('"…," said Name.')
def _said_name() -> bool:
    return any_quote(lambda q: q.quoted and re.match(rf" said (?:{q.names})\b", q.after))


@case('Name said: "…"')
def _said_colon() -> bool:
    return any_quote(lambda q: q.quoted and re.search(rf"(?:{q.names}) said: $", q.before))


@case('"…," Name, a role at Org, said.')
def _name_role_said() -> bool:
    def fits(q: Located) -> object:
        speaker = re.escape(q.quote["speaker"] or "\0")
        role = re.escape(q.quote["speaker_role"] or "\0")
        return q.quoted and re.match(rf" {speaker}, {role}, said\b", q.after)

    return any_quote(fits)


@case('Name told Outlet: "…"')
def _told_outlet_colon() -> bool:
    return any_quote(
        lambda q: (
            q.quote["reported_to"]
            and re.search(rf"(?:{q.names})(?:, [^:]+,)? told [^:]+: $", q.before)
        )
    )


@case('"…," she told Outlet.')
def _pronoun_told() -> bool:
    return any_quote(lambda q: q.quote["reported_to"] and re.match(r" (?:she|he) told ", q.after))


@case("according to Name")
def _according_to_name() -> bool:
    return any_quote(lambda q: re.match(rf",? according to (?:{q.names})\b", q.after))


@case("a quotation split by its attribution")
def _split() -> bool:
    return any(
        a.quoted
        and b.quoted
        and a.quote["speaker"] == b.quote["speaker"]
        and a.paragraph == b.paragraph
        and re.search(r"\b(?:said|told)\b", a.sample.text[a.closing_end : b.start])
        for a, b in pairs()
    )


@case("a paragraph that only continues the previous speaker's quotation")
def _continuation() -> bool:
    return any(
        b.quoted
        and len(b.spans) == 1
        and not b.before
        and not b.after
        and a.quote["speaker"] == b.quote["speaker"]
        for a, b in pairs()
    )


@case("two speakers in a row")
def _two_speakers() -> bool:
    return any(
        a.quoted
        and b.quoted
        and None not in (a.quote["speaker"], b.quote["speaker"])
        and a.quote["speaker"] != b.quote["speaker"]
        and b.paragraph[0] == a.paragraph[1] + 2
        and not re.search(r'["“”«»]', a.before + a.after + b.before + b.after)
        for a, b in pairs()
    )


@case("an appositive role")
def _appositive() -> bool:
    return any_quote(lambda q: (q.quote["speaker_role"] or "").startswith(("a ", "an ", "the ")))


@case("a title before the name")
def _prefixed() -> bool:
    return any_quote(
        lambda q: (
            q.quote["speaker_role"]
            and q.quote["speaker_role"][0].isupper()
            and f"{q.quote['speaker_role']} {q.quote['speaker']}" in q.sample.text
        )
    )


@case("a speaker named later by surname alone")
def _surname() -> bool:
    def fits(q: Located) -> bool:
        speaker = q.quote["speaker"] or "\0 \0"
        attribution = q.before + q.after
        first_named = q.sample.text.find(speaker)
        return (
            speaker.split()[-1] in attribution
            and speaker not in attribution
            and (0 <= first_named < q.start)
        )

    return any_quote(fits)


def _by_pronoun(q: Located) -> str | None:
    match = re.match(r" (he|she) (?:said|told)\b", q.after)
    return match[1] if match and q.quote["speaker"] else None


def _previous_speaker(q: Located) -> str | None:
    earlier = [p for p in corpus_of(q.sample.key) if p.start < q.start and p.quote["speaker"]]
    return earlier[-1].quote["speaker"] if earlier else None


@case("a pronoun that skips the nearest speaker, of the other gender")
def _pronoun_gender() -> bool:
    return any_quote(lambda q: _by_pronoun(q) and _previous_speaker(q) != q.quote["speaker"])


@case("a pronoun that takes the nearest of two speakers of its gender")
def _pronoun_distance() -> bool:
    def fits(q: Located) -> bool:
        pronoun = _by_pronoun(q)
        earlier = [p for p in corpus_of(q.sample.key) if p.start < q.start]
        same_pronoun_other_speaker = any(
            _by_pronoun(p) == pronoun and p.quote["speaker"] != q.quote["speaker"] for p in earlier
        )
        return (
            bool(pronoun)
            and _previous_speaker(q) == q.quote["speaker"]
            and (same_pronoun_other_speaker)
        )

    return any_quote(fits)


@case("a title resolved to its holder (the mayor said)")
def _title_holder() -> bool:
    def fits(q: Located) -> bool:
        match = re.match(r" the (\w+) said\b", q.after)
        role = (q.quote["speaker_role"] or "").lower()
        return bool(match) and match[1] in role.split()

    return any_quote(fits)


@case("an organisation speaking in a statement")
def _organisation_statement() -> bool:
    return any_quote(
        lambda q: (
            q.quote["speaker"]
            and q.quote["speaker_role"] is None
            and "said in a statement" in q.before + q.after
        )
    )


@case("an organisation named by a common noun (the union said)")
def _organisation_noun() -> bool:
    return any_quote(
        lambda q: (
            q.quote["speaker"]
            and q.quote["speaker_role"] is None
            and re.search(r"\b[Tt]he (?:union|council|trust) (?:said|says)\b", q.before + q.after)
        )
    )


@case("reported_to an outlet named in full")
def _told_outlet() -> bool:
    return any_quote(lambda q: f"told {q.quote['reported_to']}" in q.before + q.after)


@case("reported_to the article's own outlet, abbreviated")
def _told_abbreviation() -> bool:
    def fits(q: Located) -> bool:
        outlet = q.quote["reported_to"]
        told = re.search(r"told (?:the )?([A-Z]\w+)", q.before + q.after)
        if outlet is None or outlet != q.sample.outlet or told is None:
            return False
        short = told[1]
        named_in_full = outlet.removeprefix("The ").startswith(short)
        return not named_in_full and (short in outlet.split() or f"({short})" in q.sample.text)

    return any_quote(fits)


for _form in ("per {}", "according to the {}", "obtained by {}"):
    case(f"via: {_form.format('Outlet')}")(
        lambda form=_form: any_quote(
            lambda q: q.quote["via"] and form.format(q.quote["via"]) in q.before + q.after
        )
    )


@case("a quotation with no credible speaker")
def _no_speaker() -> bool:
    return any_quote(lambda q: q.quoted and q.quote["speaker"] is None)


@case("one quotation printed by two outlets on different dates, credited to different people")
def _conflict() -> bool:
    return any(
        a.quote["text"] == b.quote["text"]
        and a.quoted
        and b.quoted
        and a.sample.outlet != b.sample.outlet
        and None not in (a.sample.published, b.sample.published)
        and a.sample.published != b.sample.published
        and a.quote["speaker"] != b.quote["speaker"]
        for a in corpus()
        for b in corpus()
    )


@case("a long quotation a fact-checker might paste a fragment of")
def _long() -> bool:
    return any_quote(lambda q: q.quote["kind"] == "direct" and len(q.quote["text"].split()) >= 50)


def _word_runs(text: str, size: int = 4) -> set[tuple[str, ...]]:
    words = re.findall(r"\w+", text.lower())
    return {tuple(words[i : i + size]) for i in range(len(words) - size + 1)}


@case("two speakers' quotations in one article that could be spliced")
def _splice() -> bool:
    return any(
        a.sample is b.sample
        and a.quote["kind"] == b.quote["kind"] == "direct"
        and None not in (a.quote["speaker"], b.quote["speaker"])
        and a.quote["speaker"] != b.quote["speaker"]
        and _word_runs(a.quote["text"]) & _word_runs(b.quote["text"])
        for a in corpus()
        for b in corpus()
    )


@case("a statement printed only as reported speech")
def _paraphrase_only() -> bool:
    quoted = " ".join(loc.quote["text"] for loc in corpus() if loc.quoted)
    return any_quote(
        lambda q: (
            q.quote["kind"] == "reported"
            and len(q.quote["text"].split()) >= 6
            and not _word_runs(q.quote["text"]) & _word_runs(quoted)
        )
    )


@case("one article stored twice (in the export and as a text file)")
def _duplicate() -> bool:
    by_text: dict[str, list[str]] = {}
    for key, sample in samples().items():
        by_text.setdefault(sample.text, []).append(key)
    return any(
        len({key.split("#")[0] for key in keys}) >= 2
        and all(GOLD[key]["quotes"] == GOLD[keys[0]]["quotes"] for key in keys)
        for keys in by_text.values()
    )


@pytest.mark.parametrize("name", CASES)
def test_case_is_covered_by_an_annotation(name: str) -> None:
    assert CASES[name](), f"no sample annotation covers: {name}"
