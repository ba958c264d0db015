"""One article prepared for extraction: tokens, paragraphs, sentences and quotation positions.

Built once per article and read by every rule, so that each rule is a small function over
token indices instead of a new scan of the text.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import compress

from store.extract.grammar import NAME_PARTICLES, VERB_MODIFIERS, ly_adverb
from store.extract.nonspeech import nickname_spans
from store.extract.paragraphs import Paragraph, split_paragraphs
from store.extract.phrases.names import body_appositive, relative_after
from store.extract.quotemarks import QuoteSpan, find_quote_spans
from store.extract.sentences import sentence_index, sentence_starts
from store.extract.tokens import Tokens, tokenize

SpanFilter = Callable[[str, QuoteSpan, Tokens], bool]
#: Tokens either side of a quotation that attribution rules may read.
WINDOW = 150
#: The longest paragraph kept whole as a quotation's context.
MAX_CONTEXT_CHARS = 4_000


@dataclass(frozen=True)
class QuoteTokens:
    """Where a quoted stretch sits among the tokens."""

    span: QuoteSpan
    #: Token of the opening mark; tokens of the words (first..last); token of the closing mark,
    #: or last + 1 when the quotation is never closed in its paragraph.
    open: int
    first: int
    last: int
    close: int


@dataclass
class Document:
    text: str
    tokens: Tokens
    paragraphs: list[Paragraph]
    quotes: list[QuoteTokens]
    #: For each token: the quotation holding it (marks included), or -1.
    inside: list[int]
    #: For each token: True inside a quotation (`inside[i] >= 0`), for rules that skip quotes.
    quoted: list[bool]
    #: Lowercase forms of the words the text capitalises mid-sentence: its names.
    names: frozenset[str]
    paragraph_of: list[int]
    paragraph_first: list[int]
    paragraph_last: list[int]
    sentence_starts: list[int]
    sentence_of: list[int]
    #: The first word of each sentence (after any opening marks).
    sentence_first: set[int]
    #: Indexes the attribution rules build once per article (kept linear on long text).
    indexes: dict[str, list[int]] = field(default_factory=dict)
    #: What the attribution model's features read more than once per article, by token
    #: (candidates.py): kept here so that one article's answers never leak into another's.
    memo: dict[tuple[str, int], object] = field(default_factory=dict)

    def near(self, low: int, high: int, index: int) -> tuple[int, int]:
        """`low..high` cut to a window around token `index`.

        A cue sits within a sentence's reach of its quotation; on text without sentence ends
        (a million characters of one paragraph) the window keeps every rule linear.
        """
        return max(low, index - WINDOW), min(high, index + WINDOW)

    def context(self, paragraph: int, start: int, end: int) -> tuple[int, int]:
        """Where the context of the text at `start:end` begins and ends: its paragraph, cut
        to a window when the paragraph is abnormally long (an export without paragraph
        breaks), so that no quotation carries a megabyte with it."""
        first, last = self.paragraphs[paragraph].start, self.paragraphs[paragraph].end
        if last - first <= MAX_CONTEXT_CHARS:
            return first, last
        margin = (MAX_CONTEXT_CHARS - min(end - start, MAX_CONTEXT_CHARS)) // 2
        return max(first, start - margin), min(last, max(end, start + MAX_CONTEXT_CHARS) + margin)

    def sentence_bounds(self, index: int) -> tuple[int, int]:
        """First and last token of the sentence holding token `index`."""
        number = self.sentence_of[index]
        first = self.sentence_starts[number]
        last = (
            self.sentence_starts[number + 1] - 1
            if number + 1 < len(self.sentence_starts)
            else len(self.tokens) - 1
        )
        paragraph = self.paragraph_of[index]
        return max(first, self.paragraph_first[paragraph]), min(
            last, self.paragraph_last[paragraph]
        )

    def outside(self, index: int) -> bool:
        return self.inside[index] < 0


def prepare(
    text: str, is_speech: SpanFilter | None = None, names: frozenset[str] = frozenset()
) -> Document:
    """Tokenise and segment an article, keeping the quoted stretches `is_speech` accepts.

    `names`: lowercase words known to be capitalised names from elsewhere (when the text is a
    quotation read on its own, the article around it).
    """
    tokens = tokenize(text)
    paragraphs = split_paragraphs(text)
    spans = find_quote_spans(text, paragraphs)
    for nickname in nickname_spans(text, spans):
        first, last = tokens.index_at(nickname.open), tokens.index_at(nickname.close)
        tokens.nicknames.update(range(first, last + 1))
    if is_speech is not None:
        spans = [span for span in spans if is_speech(text, span, tokens)]
    count = len(tokens)
    paragraph_of = [0] * count
    paragraph_first: list[int] = []
    paragraph_last: list[int] = []
    for paragraph in paragraphs:
        first = tokens.index_at(paragraph.start)
        last = tokens.index_at(paragraph.end) - 1
        paragraph_first.append(first)
        paragraph_last.append(last)
        paragraph_of[first : last + 1] = [paragraph.index] * (last + 1 - first)
    quotes: list[QuoteTokens] = []
    inside = [-1] * count
    close_of: dict[int, int] = {}
    for span in spans:
        opened = tokens.index_at(span.open)
        first = tokens.index_at(span.start)
        last = tokens.index_at(span.end) - 1
        close = tokens.index_at(span.close) if span.closed else last + 1
        number = len(quotes)
        quotes.append(QuoteTokens(span, opened, first, last, close))
        stop = min(close, count - 1) + 1 if span.closed else last + 1
        if stop > opened:
            inside[opened:stop] = [number] * (stop - opened)
        close_of[number] = close
    starts = sentence_starts(tokens, paragraph_first, inside, close_of)
    first_words = _first_words(tokens, starts)
    tokens.not_names = _sentence_initial_non_names(tokens, first_words, names) | _shouted(tokens)
    return Document(
        text=text,
        tokens=tokens,
        paragraphs=paragraphs,
        quotes=quotes,
        inside=inside,
        quoted=[number >= 0 for number in inside],
        names=frozenset(
            tokens.lowers[i]
            for i in compress(range(count), tokens.capitalised)
            if i not in first_words and i not in tokens.not_names
        ),
        paragraph_of=paragraph_of,
        paragraph_first=paragraph_first,
        paragraph_last=paragraph_last,
        sentence_starts=starts,
        sentence_of=sentence_index(starts, count),
        sentence_first=first_words,
    )


_LEADING = frozenset({"“", '"', "‘", "'", "«", "(", "[", "—", "-", "•", "*", "–"})


def _first_words(tokens: Tokens, starts: list[int]) -> set[int]:
    count = len(tokens)
    first: set[int] = set()
    for start in starts:
        index = start
        while index < count and tokens.words[index] in _LEADING:
            index += 1
        if index < count:
            first.add(index)
    return first


def _sentence_initial_non_names(
    tokens: Tokens, initial: set[int], names: frozenset[str]
) -> set[int]:
    """Sentence-initial capitalised words that are capitalised only there, standing alone.

    "Hours later, Hale ..." must not make "Hours" a speaker; "Tessa Quill, ..." stays a name
    because a capitalised word follows, "Hale returned ..." because the article writes "Hale"
    capitalised mid-sentence too, and "Ruiz lamented ..." because a speech verb follows.
    """
    from store.extract.lexicon import given_names, role_nouns, speech_verbs, titles

    count = len(tokens)
    elsewhere = names | {
        tokens.lowers[i] for i in compress(range(count), tokens.capitalised) if i not in initial
    }
    names = given_names()
    doubtful: set[int] = set()
    for index in initial:
        word = tokens.words[index]
        lower = tokens.lowers[index]
        if not tokens.capitalised[index] or word.isupper() or lower in elsewhere:
            continue
        following = index + 1
        while following < count and following in tokens.nicknames:
            following += 1
        if following < count and tokens.capitalised[following]:
            continue
        particles = following
        while particles < count and tokens.lowers[particles] in _SURNAME_PARTICLES:
            particles += 1
        if particles > following and particles < count and tokens.capitalised[particles]:
            continue  # "Jan van der Berg", "Ludwig van Beethoven"
        if lower in names or lower in titles() or lower + "." in titles():
            continue
        if following < count and lower not in role_nouns():
            verb_at = _past_adverbs(tokens, following)
            after = tokens.lowers[verb_at]
            pair = after + " " + tokens.lowers[verb_at + 1] if verb_at + 1 < count else after
            verb = speech_verbs().base(pair) or speech_verbs().base(after)
            if verb is not None and verb != after:
                continue  # "Ruiz lamented …", "Lind went on to say …", "Ruiz also said …"
            if relative_after(tokens, following - 1) is not None:
                continue  # "Ardelle, who won the award, …", "Vexco, which runs the ferry, …"
            if body_appositive(tokens, index) is not None:
                continue  # "Tidewatch, a conservation group, …"
        doubtful.add(index)
    return doubtful


#: How many adverbs may stand between a lone name and its speech verb ("Ruiz later also said").
_ADVERBS_BEFORE_VERB = 2


#: Verbs that help another: "Inquiries have shown that …" is no person's speech ("have" after a
#: plural noun), where "Ruiz also said" is.
_AUXILIARIES = frozenset(
    "are be been can could did do does had has have is may might was were will would".split()
)


def _past_adverbs(tokens: Tokens, index: int) -> int:
    """`index` moved over the adverbs that may come between a subject and its verb: "Ruiz
    openly admitted", "Hale also said"."""
    lowers = tokens.lowers
    stop = min(len(tokens) - 1, index + _ADVERBS_BEFORE_VERB)
    while (
        index < stop
        and not tokens.capitalised[index]
        and (
            (lowers[index] in VERB_MODIFIERS and lowers[index] not in _AUXILIARIES)
            or ly_adverb(lowers[index])
        )
    ):
        index += 1
    return index


#: The particles that open a surname ("van der Berg"), not "of" ("Supporters of Pike").
_SURNAME_PARTICLES = NAME_PARTICLES - {"of"}
_SHOUTED_RUN = 3


def _shouted(tokens: Tokens) -> set[int]:
    """Words of all-capital headlines ("OBAMA'S LAST STATE OF THE UNION"): not names.

    Acronyms such as IDF or NATO stand alone or in pairs; three capitalised-only words in a row
    are a headline shouting.
    """
    shouted: set[int] = set()
    run: list[int] = []
    capitalised = tokens.capitalised
    for index, word in enumerate(tokens.words):
        if capitalised[index] and len(word) >= 2 and word.isupper() and word[0].isalpha():
            run.append(index)
            continue
        if not run or word in {"’s", "'s", "-", "’", "'", ":"}:
            continue
        if len(run) >= _SHOUTED_RUN:
            shouted.update(run)
        run = []
    if len(run) >= _SHOUTED_RUN:
        shouted.update(run)
    return shouted
