"""How closely a pasted quote follows a stored quotation, word by word.

The words are compared after normalisation (store.search.words), so case, punctuation, quote
marks and dashes never count. A word that differs by a typo ("joystik") still pairs with its
original; bracketed insertions in the archive ("[eventually]") may be left out. The alignment
says where the query sits in the text (for bolding), which words differ (the diff a
fact-checker reads), and enough numbers to decide whether it is a match at all.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz, process
from rapidfuzz.distance import Levenshtein, Opcode

from bot.verifier.spelling import compared, without_apostrophes
from bot.verifier.verdict import WordChange
from store.search.words import COMMON_WORDS, Word, words

#: Words around the stretch the character alignment found, read too in case it cut a word off,
#: and, when the text is longer than the query, as many more as a paste may leave out inside a
#: quotation ("as everyone here knows", "it seems likely that") without losing its place.
_MARGIN = 3
_LEFT_OUT = 8
#: What sets an aside off from the words around it.
_SETS_OFF = re.compile(r"[,;:()—–]|\s-\s")
_JOINING = frozenset({"and", "but", "or", "so", "yet"})
#: could_hold: queries with this many telling words are screened, and a text must hold this
#: share of them (a match needs half of them found: bot.verifier.verify.TELLING_FOUND).
_SCREENED_WORDS = 4
_SCREEN_SHARE = 0.25
#: Two words this similar (0-1) are one word mistyped.
_TYPO_SIMILARITY = 0.75


@dataclass(frozen=True)
class Alignment:
    """A query against one text (a quotation or a paragraph)."""

    query_words: int
    #: Query words found as they are, and found with a typo.
    equal: int
    near: int
    #: Where the matched words sit in the text.
    start: int
    end: int
    changes: tuple[WordChange, ...]
    #: The longest run of the query's words found together, in order.
    longest_run: int
    #: The largest stretch of the text's own words inside the match that the query leaves out
    #: (bracketed insertions do not count): a sign of words joined from separate places.
    gap: int
    #: The text's words inside the match, and outside it (the rest of a longer quotation).
    span_words: int
    outside_words: int
    #: For each query word: found in the text (as it is or with a typo).
    covered: tuple[bool, ...]
    #: For each query word: found among two or more of the query's words in a row. A stray
    #: "the" or "will" found on its own does not show that the text holds that stretch.
    anchored: tuple[bool, ...] = ()
    #: For each query word: a word that tells quotations apart (not "the", "we", "will").
    telling: tuple[bool, ...] = ()
    #: Words edited between the query and the text inside the stretch they share: the longer
    #: side of each word changed, words added, words left out. A query word standing for a word
    #: at either end of that stretch ("quot" for "is") counts once, as a word the query adds.
    edited_words: int = 0
    #: Words written differently that are the same words (a contraction spelled out or made,
    #: a dropped apostrophe, a number as digits or as a word): shown, but no change.
    notes: tuple[WordChange, ...] = ()

    @property
    def telling_matched(self) -> int:
        """The query's telling words found in the text."""
        return sum(t and c for t, c in zip(self.telling, self.covered, strict=False))

    @property
    def telling_found(self) -> float:
        """The share of the query's telling words found (1.0 when it has none): "I cannot sort
        the mugs" shares "I cannot sort the" with "I cannot sort the uniform", not its subject."""
        count = sum(self.telling)
        return self.telling_matched / count if count else 1.0

    @property
    def matched(self) -> int:
        return self.equal + self.near

    @property
    def exact(self) -> bool:
        """Every query word as printed, in order, none of the speaker's left out inside."""
        return self.query_words > 0 and self.equal == self.query_words and not self.changes

    @property
    def score(self) -> float:
        """0-100: the share of the query found, discounted for words it adds or leaves out."""
        if not self.query_words or not self.matched:
            return 0.0
        spread = max(self.span_words, self.query_words)
        return 100.0 * (self.equal + 0.9 * self.near) / spread


def could_hold(telling: frozenset[str], text: str) -> bool:
    """False when the text cannot be a match: it lacks three quarters of the query's telling
    words (`telling_words`) even as substrings of its lower-cased letters. Far cheaper than
    reading the text's words; the margin leaves room for typos and for words printed with a
    hyphen or an accent."""
    if len(telling) < _SCREENED_WORDS:
        return True
    return telling_in(telling, text) >= len(telling) * _SCREEN_SHARE


def telling_in(telling: frozenset[str], text: str) -> int:
    """How many of these telling words (as `telling_words` gives them) the text holds, as
    substrings of its lower-cased letters: a rough count, for ranking before aligning."""
    lowered = text.lower()
    return sum(norm in lowered for norm in telling)


def telling_words(query: Sequence[Word]) -> frozenset[str]:
    """The query's words that tell quotations apart (store.search.words.COMMON_WORDS aside)."""
    return frozenset(word.norm for word in query if word.norm not in COMMON_WORDS)


def align(query: Sequence[Word], text: str) -> Alignment:
    """Align the words of a query (store.search.words.words of the paste) with a text."""
    printed = _words_of(text)
    if not query or not printed:
        return _nothing(query)
    query = _joined_compounds(query, {word.norm for word in printed})
    first, last = _region([word.norm for word in query], printed)
    region = printed[first:last]
    query = without_apostrophes(query, region)
    norms = [word.norm for word in query]
    if not any(word.inserted and word.norm in norms for word in region):
        region = [word for word in region if not word.inserted]  # "[eventually]" left out
    # Numbers compare as digits; a mistyped word is aligned as the word it stands for, so that
    # it pairs with it.
    spelled = [compared(norm) for norm in norms]
    theirs_spelled = [compared(word.norm) for word in region]
    typed = _untyped(spelled, set(theirs_spelled))
    ops = _opcodes(typed, theirs_spelled)
    equal = near = run = longest = 0
    covered = [False] * len(query)
    anchored = [False] * len(query)
    matched: list[int] = []
    for op in ops:
        if op.tag == "replace":  # changed words still mark where the query sits
            matched.extend((op.dest_start, op.dest_end - 1))
        if op.tag != "equal":
            run = 0
            continue
        size = op.src_end - op.src_start
        run += size
        longest = max(longest, run)
        for offset in range(size):
            index = op.src_start + offset
            covered[index] = True
            anchored[index] = size >= 2
            matched.append(op.dest_start + offset)
            if typed[index] == spelled[index]:
                equal += 1
            else:
                near += 1
    if not any(covered):
        return _nothing(query)
    low, high = min(matched), max(matched)
    edited = _edited_words(ops, region, text)
    changes: list[WordChange] = []
    notes: list[WordChange] = []
    gap = 0
    for op in ops:
        mine = " ".join(word.norm for word in query[op.src_start : op.src_end])
        theirs = region[op.dest_start : op.dest_end]
        if op.tag == "equal":
            typos, respelled = _respelled(query, spelled, typed, region, text, op)
            changes.extend(typos)
            notes.extend(respelled)
            continue
        if op.tag == "insert":  # words of the text the query leaves out
            if op.dest_end - 1 < low or op.dest_start > high:
                continue  # the rest of a longer quotation: the query is an excerpt
            said = [word for word in theirs if not word.inserted]
            if said:
                if not _aside(text, region, op.dest_start, op.dest_end):
                    gap = max(gap, len(said))
                changes.append(WordChange("delete", "", _printed(text, said)))
        elif op.tag == "delete":  # words the query adds
            changes.append(WordChange("insert", mine, ""))
        else:
            changes.append(WordChange("replace", mine, _printed(text, theirs)))
    return Alignment(
        query_words=len(query),
        equal=equal,
        near=near,
        start=region[low].start,
        end=region[high].end,
        changes=tuple(changes),
        longest_run=longest,
        gap=gap,
        span_words=(inside := sum(1 for word in region[low : high + 1] if not word.inserted)),
        outside_words=sum(1 for word in printed if not word.inserted) - inside,
        covered=tuple(covered),
        anchored=tuple(anchored),
        telling=_telling(query),
        edited_words=edited,
        notes=tuple(notes),
    )


def _aside(text: str, region: Sequence[Word], start: int, end: int) -> bool:
    """Whether the text's words `region[start:end]` are an aside the speaker set off with
    commas, dashes or parentheses ("and, as everyone here knows, nobody"): a paste that leaves
    one out changes the wording, but it does not join two places of the quotation."""
    if not 0 < start < end < len(region) or end - start > _LEFT_OUT:
        return False
    opening = start - 1 if region[start - 1].norm in _JOINING and start > 1 else start
    before = text[region[opening - 1].end : region[opening].start]  # ", and, as we know,"
    after = text[region[end - 1].end : region[end].start]
    return _SETS_OFF.search(before) is not None and _SETS_OFF.search(after) is not None


def _edited_words(ops: Sequence[Opcode], region: Sequence[Word], text: str) -> int:
    """Alignment.edited_words for these opcodes (query -> region words)."""
    kept = [op for op in ops if op.tag == "equal"]
    core_low, core_high = kept[0].dest_start, kept[-1].dest_end - 1
    edited = 0
    for op in ops:
        added = op.src_end - op.src_start
        left_out = sum(1 for word in region[op.dest_start : op.dest_end] if not word.inserted)
        inside = op.dest_start <= core_high and op.dest_end - 1 >= core_low
        if op.tag == "delete":
            edited += added
        elif op.tag == "insert":
            aside = _aside(text, region, op.dest_start, op.dest_end)
            edited += left_out if inside and not aside else 0
        elif op.tag == "replace":
            edited += max(added, left_out) if inside else added
    return edited


def _respelled(
    query: Sequence[Word],
    spelled: list[str],
    typed: list[str],
    region: list[Word],
    text: str,
    op: Opcode,
) -> tuple[list[WordChange], list[WordChange]]:
    """Words that pair up but are not printed alike: typos ("joystik" for "joystick"), which
    are changes; and notes, the same words written differently: a contraction spelled out,
    made or typed without its apostrophe ("do not", "dont" for "don't"), a number as digits
    or as a word ("3" for "three")."""
    changes: list[WordChange] = []
    notes: list[tuple[int, WordChange]] = []  # by their place in the query
    contracted: list[tuple[int, int]] = []  # query and text positions of a contraction changed
    for offset in range(op.src_end - op.src_start):
        index, found = op.src_start + offset, op.dest_start + offset
        mine, theirs = query[index], region[found]
        if typed[index] != spelled[index]:
            changes.append(WordChange("replace", mine.norm, _printed(text, [theirs])))
        elif mine.contraction != theirs.contraction:
            contracted.append((index, found))
        elif mine.norm != theirs.norm:  # compared alike: a number written another way
            notes.append((index, WordChange("replace", mine.norm, _printed(text, [theirs]))))
    while contracted:
        # The words of one contraction and their partners, shown together.
        index, found = contracted.pop(0)
        group = [(index, found)]
        while contracted and contracted[0] == (group[-1][0] + 1, group[-1][1] + 1):
            group.append(contracted.pop(0))
        mine_words = dict.fromkeys(query[i].contraction or query[i].norm for i, _ in group)
        theirs_words = [region[j] for _, j in group]
        change = WordChange("replace", " ".join(mine_words), _printed(text, theirs_words))
        notes.append((index, change))
    return changes, [change for _, change in sorted(notes, key=lambda note: note[0])]


def _opcodes(query: list[str], text: list[str]) -> list[Opcode]:
    """The word-level edit from the query to the text, the matched words kept together.

    Of two equally cheap edits Levenshtein takes the one matching the earliest text word, so
    "the surgeries before the summer" in "… the developers created the surgeries before the
    summer" pairs its "the" with the first "the", leaving a false gap. The edit read from the
    end pairs it with the second; the one whose matched words lie closer together wins.
    """
    forward = list(Levenshtein.opcodes(query, text))
    if not any(op.tag == "insert" for op in forward[1:-1]):
        return forward
    query_size, text_size = len(query), len(text)
    backward = [
        Opcode(
            op.tag,
            query_size - op.src_end,
            query_size - op.src_start,
            text_size - op.dest_end,
            text_size - op.dest_start,
        )
        for op in reversed(Levenshtein.opcodes(query[::-1], text[::-1]))
    ]
    return backward if _spread(backward) < _spread(forward) else forward


def _spread(ops: Sequence[Opcode]) -> int:
    """The text words from the first matched word to the last."""
    matched = [op for op in ops if op.tag == "equal"]
    return matched[-1].dest_end - matched[0].dest_start if matched else 0


@lru_cache(maxsize=1024)
def _words_of(text: str) -> tuple[Word, ...]:
    """The words of a text, read once: a check aligns the same candidates several times
    (the whole paste, its halves, each piece of a splice)."""
    return tuple(words(text))


def _region(query: list[str], printed: Sequence[Word]) -> tuple[int, int]:
    """The stretch of the text's words the query sits in (all of it when the query is longer)."""
    joined_query = " ".join(query)
    joined_text = " ".join(word.norm for word in printed)
    if len(joined_query) >= len(joined_text):
        return 0, len(printed)
    found = fuzz.partial_ratio_alignment(joined_query, joined_text)
    first = joined_text.count(" ", 0, found.dest_start)
    last = joined_text.count(" ", 0, found.dest_end) + 1
    first, last = max(0, first - _MARGIN), min(len(printed), last + _MARGIN)
    # A query that leaves words out inside the text shifts the stretch found: its first or
    # last two words may lie just outside. Reach for them, and only for them.
    norms = [word.norm for word in printed]
    head, tail = query[:2], query[-2:]
    edge = 2 * _MARGIN + 2
    # The stretch found may be shorter than the query: reach that much further.
    reach = _LEFT_OUT + max(0, len(query) - (last - first))
    if len(query) >= 4 and not _holds(norms[first : first + edge], head):
        for start in range(first - 1, max(0, first - reach) - 1, -1):
            if norms[start : start + 2] == head:
                first = start
                break
    if len(query) >= 4 and not _holds(norms[max(first, last - edge) : last], tail):
        for end in range(last + 1, min(len(norms), last + reach) + 1):
            if norms[end - 2 : end] == tail:
                last = end
                break
    return first, last


def _holds(norms: list[str], pair: list[str]) -> bool:
    return any(norms[i : i + 2] == pair for i in range(len(norms) - 1))


def _joined_compounds(query: Sequence[Word], known: set[str]) -> list[Word]:
    """ "cease fire" is "ceasefire" where the text writes it as one word (or "cease-fire")."""
    joined: list[Word] = []
    index = 0
    while index < len(query):
        word = query[index]
        if index + 1 < len(query) and word.norm not in known:
            both = word.norm + query[index + 1].norm
            if both in known:
                joined.append(Word(both, word.start, query[index + 1].end, word.inserted))
                index += 2
                continue
        joined.append(word)
        index += 1
    return joined


def _untyped(query: list[str], known: set[str]) -> list[str]:
    """Each query word the text lacks, replaced by the text's word it is a typo of (if any)."""
    fixed = []
    choices = [word for word in known if len(word) >= 3]
    for word in query:
        if word not in known and len(word) >= 3 and not word.isdigit():
            best = process.extractOne(
                word, choices, scorer=Levenshtein.normalized_similarity, score_cutoff=0.5
            )
            if best is not None and _typo(word, best[0]):
                word = best[0]
        fixed.append(word)
    return fixed


def _typo(mine: str, theirs: str) -> bool:
    """The same word mistyped: one slip in a short word, a few in a long one."""
    if mine.isdigit() or theirs.isdigit() or min(len(mine), len(theirs)) < 3:
        return False
    if min(len(mine), len(theirs)) <= 4:
        return Levenshtein.distance(mine, theirs) <= 1
    return Levenshtein.normalized_similarity(mine, theirs) >= _TYPO_SIMILARITY


def _printed(text: str, found: Sequence[Word]) -> str:
    """The words as the text printed them; a contraction read as two words is printed once."""
    spans = dict.fromkeys((word.start, word.end) for word in found)
    return " ".join(text[start:end] for start, end in spans)


def _nothing(query: Sequence[Word]) -> Alignment:
    nowhere = tuple(False for _ in query)
    return Alignment(len(query), 0, 0, 0, 0, (), 0, 0, 0, 0, nowhere, nowhere, _telling(query))


def _telling(query: Sequence[Word]) -> tuple[bool, ...]:
    return tuple(word.norm not in COMMON_WORDS for word in query)


def spoken_words(text: str) -> list[Word]:
    """The words of a query part; the query's own [bracketed] words are optional too."""
    return [word for word in words(text) if not word.inserted]
