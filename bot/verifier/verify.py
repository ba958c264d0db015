"""The verifier: a pasted quote in, a verdict with its evidence out.

The same for the command line, the Slack bot and the benchmarks. For each quoted stretch of a
paste: candidates come from the archive's index (rare words and word pairs, never a scan), the
best few are aligned word by word, and the alignment decides the verdict:
- every word as printed (ellipses and bracketed insertions allowed for) → `verified`;
- close, with words changed, missing, added or mistyped → `wording_differs`;
- parts that belong to different quotations, or to distant places of one → `spliced`;
- found only as reported speech or in the writer's own sentences → `not_a_direct_quote`;
- nothing close enough → `not_found`, with the closest quotation offered as a hint only.
A weak candidate is never presented as a match: the thresholds tighten as the query shortens.
A check given a deadline (bot.verifier.deadline) stops at the first step past it with CheckTimedOut.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass, replace

from rapidfuzz import fuzz

from bot.verifier.acceptance import SPLICE_GAP, acceptable
from bot.verifier.claims import claims_speaker, described_speaker, mentioned_in
from bot.verifier.deadline import Deadline, checkpoint, within
from bot.verifier.matching import (
    Alignment,
    align,
    could_hold,
    spoken_words,
    telling_in,
    telling_words,
)
from bot.verifier.notes import hedge_note, respelled_note
from bot.verifier.query import parse_query
from bot.verifier.rulings import printed_instead, ruled_match
from bot.verifier.trust import Trust, TrustPolicy
from bot.verifier.verdict import (
    ArticleRef,
    Attribution,
    CheckResult,
    Match,
    Printing,
    Verdict,
    sure_attribution,
)
from store.archive import Archive, StoredParagraph
from store.article import Article
from store.extract.capped import CappedQuotations, extract_capped
from store.limits import DEFAULT_MAX_QUOTATIONS
from store.normalise import name_key
from store.quotation import Kind, Quotation
from store.search.grams import pairs
from store.search.words import COMMON_WORDS, Word, only_common, segments
from store.stored import StoredQuotation

#: Candidates the index proposes, and how many of the best are aligned word by word.
CANDIDATES = 24
ALIGNED = 6
#: A piece of a splice of at most this many words held by this many quotations is a stock
#: phrase, not a source.
STOCK_WORDS = 8
STOCK_QUOTATIONS = 20
#: The second look (Verifier._second_look): words the best candidate lacks, each with this many
#: pairs of words it holds.
SECOND_LOOK_WORDS = 4
SECOND_LOOK_ANCHORS = 3
#: A splice cut where the paste puts a mark (Verifier._split_at_marks): the fewest and the most
#: words of a piece, and how many cuts are tried, those nearest the middle first.
MARKED_PIECE = 4
MARKED_PIECE_MOST = 8
MARKED_CUTS = 2
#: The least of the query a hint must share to be shown as "closest, but not a match".
HINT_SCORE = 40.0
#: A query this short made only of common words ("we will") identifies nothing.
_FEW_WORDS = 3
#: The printings an answer lists (trusted first); it counts them all.
PRINTINGS_LISTED = 20


@dataclass(frozen=True)
class _Found:
    """One candidate aligned with (part of) the query."""

    quotation: StoredQuotation
    alignment: Alignment
    #: The query words aligned (all of the query, or one piece of it).
    query: tuple[Word, ...] = ()
    #: The alignment is against the quotation's paragraph, not its words.
    in_context: bool = False

    @property
    def direct(self) -> bool:
        return self.quotation.kind is not Kind.REPORTED and not self.in_context


class Verifier:
    """Checks pasted quotes against one archive; `trust` says which printings the newsroom
    trusts (bot.verifier.trust; by default, what was not added from Slack)."""

    def __init__(
        self, archive: Archive, trust: TrustPolicy | None = None, *, rulings: bool = True
    ) -> None:
        self.archive = archive
        self.trust = trust or TrustPolicy()
        #: Look each quote up among the desk's rulings (bot.verifier.rulings); off only to
        #: measure what the lookup costs.
        self.rulings = rulings

    def check(
        self, text: str, speaker: str | None = None, *, deadline: Deadline | None = None
    ) -> list[CheckResult]:
        """One result per quoted stretch of the paste; `speaker` overrides the claimed one.

        Past `deadline` (None: no limit), CheckTimedOut (bot.verifier.deadline) ends the check.
        """
        with within(deadline):
            parsed = parse_query(text, speaker)
            if parsed.problem is not None or not parsed.quotes:
                problem = parsed.problem or "There is no quotation to check in the paste."
                return [_not_found(parsed.text, parsed.claimed_speaker, problem=problem)]
            results = []
            for quote in parsed.quotes:
                checkpoint()
                results.append(self.check_quote(quote, parsed.claimed_speaker))
            return results

    def review(
        self,
        article: Article,
        *,
        limit: int = DEFAULT_MAX_QUOTATIONS,
        deadline: Deadline | None = None,
    ) -> tuple[list[tuple[Quotation, CheckResult]], CappedQuotations]:
        """Every direct or partial quotation of a draft (the first `limit` of a hostile one),
        checked with the draft's speaker; and what the cap kept. Past `deadline` (one for the
        whole draft; None: no limit), CheckTimedOut."""
        with within(deadline):
            checkpoint()
            kept = extract_capped(article, limit)
            checked = []
            for quotation in kept.quotations:
                checkpoint()
                if quotation.kind is Kind.REPORTED:
                    continue
                claimed = quotation.speaker or _named(quotation.speaker_as_written)
                checked.append((quotation, self.check_quote(quotation.text, claimed)))
            return checked, kept

    def check_quote(
        self, quote: str, claimed: str | None, *, deadline: Deadline | None = None
    ) -> CheckResult:
        """The verdict on one quoted stretch (already parsed out of a paste); past `deadline`,
        CheckTimedOut. Inside `check`, the paste's deadline holds already."""
        if deadline is None:
            return self._ruled(self._unmentioned(self._check_quote(quote, claimed)))
        with within(deadline):
            return self._ruled(self._unmentioned(self._check_quote(quote, claimed)))

    def _ruled(self, result: CheckResult) -> CheckResult:
        """The result with the desk's ruling on its words, if there is one."""
        if not self.rulings or result.problem is not None:
            return result
        found = ruled_match(self.archive.rulings_snapshot(), result.query)
        if found is None or printed_instead(result, *found):
            return result
        return replace(result, ruling=found[0])

    def _unmentioned(self, result: CheckResult) -> CheckResult:
        """A paste crediting someone the printing article never mentions is misattributed,
        however unsure the archive is of its own speaker (or however vaguely the article
        describes them): nothing in that article ties the words to the claimed person.

        Not when another article credits the claimed person with the same words."""
        claimed = result.claimed_speaker
        if not claimed or result.attribution not in (Attribution.UNCERTAIN, Attribution.UNKNOWN):
            return result
        if any(
            claims_speaker(claimed, other, set())
            for match in result.matches
            for other in match.conflicting_speakers
        ):
            return result
        texts = self.archive.article_texts(match.quotation_id for match in result.matches)
        absent = [
            match
            for match in result.matches
            if match.quotation_id in texts
            and mentioned_in(claimed, texts[match.quotation_id]) is False
        ]
        if not absent:
            return result
        note = f"The article that printed these words never mentions {claimed}."
        return replace(result, attribution=Attribution.DIFFERS, notes=(*result.notes, note))

    def _check_quote(self, quote: str, claimed: str | None) -> CheckResult:
        parts = [spoken_words(part) for part in segments(quote)]
        parts = [part for part in parts if part]
        if not parts:
            return _not_found(quote, claimed, problem="The quotation has no words to look for.")
        whole = [word for part in parts for word in part]
        if len(whole) <= _FEW_WORDS and only_common(whole):
            note = "The words are too common to tell one quotation from another."
            return _not_found(quote, claimed, notes=(note,))
        candidates = self.archive.search(
            [[w.norm for w in part] for part in parts], limit=CANDIDATES
        )
        if len(parts) > 1:
            found = self._with_ellipsis(quote, claimed, parts, candidates)
            if found is not None:
                return found
        return self._decide(quote, claimed, whole, candidates)

    # -- deciding -----------------------------------------------------------------------------

    def _decide(
        self,
        quote: str,
        claimed: str | None,
        query: list[Word],
        candidates: list[StoredQuotation],
    ) -> CheckResult:
        ranked = _aligned(query, candidates)
        direct = [found for found in ranked if found.direct and acceptable(found.alignment)]
        if direct and not direct[0].alignment.exact:
            ranked = sorted(ranked + self._second_look(query, direct[0], ranked), key=_rank)
            direct = [found for found in ranked if found.direct and acceptable(found.alignment)]
        if direct:
            best = direct[0]
            spliced = self._splice(quote, claimed, query, best)
            if spliced is not None:
                return spliced
            if best.alignment.gap >= SPLICE_GAP:
                return self._spliced_within(quote, claimed, query, best)
            verdict = Verdict.VERIFIED if best.alignment.exact else Verdict.WORDING_DIFFERS
            return self._result(quote, claimed, verdict, best, ranked)
        paraphrase = [
            found for found in ranked if not found.direct and acceptable(found.alignment)
        ] or self._in_paragraphs(query)
        if paraphrase:
            return self._result(quote, claimed, Verdict.NOT_A_DIRECT_QUOTE, paraphrase[0], ranked)
        closest = next((found for found in ranked if found.direct), None)
        if closest is not None and 3 * closest.alignment.longest_run >= 2 * len(query):
            # Two thirds of the words printed together in one quotation, the rest in another:
            # "We will build the new terminal beside the old one. We are not against machines."
            spliced = self._splice(quote, claimed, query, closest)
            if spliced is not None:
                return spliced
        spliced = self._split_and_search(quote, claimed, query, ranked)
        if spliced is None:
            spliced = self._split_at_marks(quote, claimed, query)
        if spliced is not None:
            return spliced
        closest = ranked[0] if ranked and ranked[0].alignment.score >= HINT_SCORE else None
        return _not_found(quote, claimed, closest=self._match(closest) if closest else None)

    def _result(
        self,
        quote: str,
        claimed: str | None,
        verdict: Verdict,
        best: _Found,
        ranked: list[_Found],
    ) -> CheckResult:
        match, chosen = self._with_occurrences(best, ranked)
        return CheckResult(
            query=quote,
            claimed_speaker=claimed,
            verdict=verdict,
            excerpt=verdict is not Verdict.NOT_A_DIRECT_QUOTE and best.alignment.outside_words > 0,
            attribution=self._attribution(claimed, [chosen], [match]),
            matches=(match,),
            notes=_notes(verdict, [match]),
        )

    def _with_ellipsis(
        self,
        quote: str,
        claimed: str | None,
        parts: list[list[Word]],
        candidates: list[StoredQuotation],
    ) -> CheckResult | None:
        """`A … B`: both in one quotation, in order, is an excerpt; in two is a splice."""
        holding = []
        for candidate in candidates[:CANDIDATES]:
            checkpoint()
            pieces = [align(part, candidate.text) for part in parts]
            if all(acceptable(piece) for piece in pieces) and all(
                before.end <= after.start for before, after in itertools.pairwise(pieces)
            ):
                query = tuple(w for part in parts for w in part)
                exact = all(piece.exact for piece in pieces)
                holding.append((exact, _Found(candidate, _merge(pieces), query)))
                if exact:
                    break  # its other printings are found by fingerprint (_with_occurrences)
        if holding:
            # Every piece word for word beats a closer-looking printing with a word changed.
            exact, found = min(holding, key=lambda held: (not held[0], _rank(held[1])))
            verdict = Verdict.VERIFIED if exact else Verdict.WORDING_DIFFERS
            if found.quotation.kind is Kind.REPORTED:
                verdict = Verdict.NOT_A_DIRECT_QUOTE
            result = self._result(quote, claimed, verdict, found, [found])
            return replace(result, excerpt=verdict is not Verdict.NOT_A_DIRECT_QUOTE)
        best_pieces = []
        for part in parts:
            ranked = [f for f in _aligned(part, candidates) if f.direct and acceptable(f.alignment)]
            if not ranked:
                return None
            best_pieces.append((part, ranked[0]))
        return self._spliced(quote, claimed, best_pieces)

    def _splice(
        self, quote: str, claimed: str | None, query: list[Word], best: _Found
    ) -> CheckResult | None:
        """The best match leaves a run of the query unexplained that another quotation has."""
        anchored = best.alignment.anchored
        rest = _longest_uncovered(anchored)
        if rest is None:
            return None
        start, end = rest
        if end - start < 3 or (end - start) < len(query) // 4:
            return None
        if sum(anchored) < 3:
            return None  # the best match explains too little of the rest to be one piece
        piece = query[start:end]
        others = [
            found
            for found in self._direct_matches(piece)
            if found.quotation.id != best.quotation.id
        ]
        if not others:
            return None
        # The query in contiguous pieces: what the best match explains, and the rest.
        pieces = [
            (part, found)
            for part, found in (
                (query[:start], best),
                (piece, others[0]),
                (query[end:], best),
            )
            if part
        ]
        if not acceptable(best.alignment) and not all(
            _splice_piece(align(part, found.quotation.text))
            for part, found in pieces
            if found is best
        ):
            return None  # a best match that is no match as a whole must be one piece by piece
        return self._spliced(quote, claimed, pieces)

    def _split_and_search(
        self, quote: str, claimed: str | None, query: list[Word], ranked: list[_Found]
    ) -> CheckResult | None:
        """No single quotation holds the words: do two, one for each part?

        The candidates already aligned usually hold both sources (each shares half the query's
        terms); only when they do not is each half of the query searched on its own.
        """
        if len(query) < 8:
            return None
        sources = [found for found in ranked if found.direct]
        pieces = _two_sources(query, sources)
        # The other half searched alone, when a candidate holds a good stretch of the query
        # (the index ranked its source first) but nothing aligned holds the rest.
        holds = max((sum(found.alignment.anchored) for found in sources), default=0)
        if pieces is None and holds >= len(query) // 3:
            pieces = self._with_other_half(query, sources)
        if pieces is None:
            return None
        return self._spliced(quote, claimed, pieces)

    def _with_other_half(
        self, query: list[Word], sources: list[_Found]
    ) -> list[tuple[list[Word], _Found]] | None:
        """The candidate holding the most of the query, if it holds the half it holds more of,
        joined to the quotation that a search of the other half finds. Only that half is
        searched: a search of the half it holds would find it again, and when it does not hold
        that half, neither half is a source it started (a pasted phrase found nowhere paid
        both searches)."""
        holder = max(sources, key=lambda found: sum(found.alignment.anchored))
        middle = len(query) // 2
        anchored = holder.alignment.anchored
        starts = sum(anchored[:middle]) >= sum(anchored[middle:])
        head, tail = query[:middle], query[middle:]
        held, rest = (head, tail) if starts else (tail, head)
        if not acceptable(align(held, holder.quotation.text)):
            return None
        found = self._direct_matches(rest)
        if not found or found[0].quotation.id == holder.quotation.id:
            return None
        other = found[0]
        whole = [
            _Found(each.quotation, align(query, each.quotation.text), tuple(query))
            for each in ((holder, other) if starts else (other, holder))
        ]
        return _two_sources(query, whole)

    def _split_at_marks(
        self, quote: str, claimed: str | None, query: list[Word]
    ) -> CheckResult | None:
        """Two short quotations joined where the paste puts a full stop or a comma ("We will
        not sit back. It is time to move on."): pieces of five or six words, made of common
        words, that no half of the query singles out. Each piece must be a quotation's words
        as printed, and the two must be different quotations."""
        if len(query) > 2 * MARKED_PIECE_MOST:
            return None  # longer pieces have words enough for _split_and_search
        cuts = sorted(
            (
                cut
                for cut in _marked_cuts(quote, query)
                if min(cut, len(query) - cut) >= MARKED_PIECE
            ),
            key=lambda cut: abs(2 * cut - len(query)),
        )
        for cut in cuts[:MARKED_CUTS]:
            checkpoint()
            pieces = []
            for part in (query[:cut], query[cut:]):
                found = [f for f in self._direct_matches(part) if _verbatim(f.alignment)]
                if not found:
                    break
                pieces.append((part, found[0]))
            if len(pieces) == 2 and _different(pieces[0][1], pieces[1][1]):
                return self._spliced(quote, claimed, pieces)
        return None

    def _in_paragraphs(self, query: list[Word]) -> list[_Found]:
        """The words in an article's own sentences, outside any quotation: a paraphrase."""
        found = []
        terms = [[w.norm for w in query]]
        telling = telling_words(query)
        for paragraph in self.archive.search_paragraphs(terms, limit=ALIGNED):
            checkpoint()
            if not could_hold(telling, paragraph.text):
                continue
            alignment = align(query, paragraph.text)
            if not acceptable(alignment):
                continue
            start, end = paragraph.start + alignment.start, paragraph.start + alignment.end
            quotations = self.archive.article_quotations(paragraph.article_id)
            quoted = [
                q
                for q in quotations
                if q.kind is not Kind.REPORTED and q.start <= start and end <= q.end
            ]
            if quoted:
                # Inside a quotation: the quotation search speaks for it. (A paragraph wholly
                # inside one is therefore not even indexed: store.search.paragraphs.)
                continue
            near = _nearest(paragraph, quotations, start, end)
            as_written = replace(
                near,
                text=paragraph.text,
                context=paragraph.text,
                context_offset=0,
                start=paragraph.start,
                end=paragraph.start + len(paragraph.text),
            )
            found.append(_Found(as_written, alignment, tuple(query), in_context=True))
        found.sort(key=_rank)
        return found

    def _second_look(self, query: list[Word], best: _Found, ranked: list[_Found]) -> list[_Found]:
        """Quotations holding the words the best candidate lacks next to those it has.

        In a large archive many quotations share a paste's phrasing ("the people of Cinderford
        Bay want to …"), and a mistyped or changed word leaves the pairs that would single out
        its source unfound; the best candidate is then another quotation of the same phrasing.
        Each telling word it lacks, looked up together with a pair of words it holds, finds the
        quotations holding both.
        """
        covered = best.alignment.covered
        if len(covered) != len(query) or sum(covered) < 3:
            return []
        norms = [word.norm for word in query]
        lacking = list(
            dict.fromkeys(_around(norms, i) for i, found in enumerate(covered) if not found)
        )
        held = [
            pair
            for pair, (seen_a, seen_b) in zip(
                pairs(norms), itertools.pairwise(covered), strict=True
            )
            if seen_a and seen_b
        ]
        if not lacking or not held:
            return []
        # Pairs spread over the stretch the candidate holds: one of them is likely rare.
        anchors = list(
            dict.fromkeys(
                held[(i * len(held)) // SECOND_LOOK_ANCHORS] for i in range(SECOND_LOOK_ANCHORS)
            )
        )
        terms = [f"{word} {pair}" for word in lacking[:SECOND_LOOK_WORDS] for pair in anchors]
        seen = {found.quotation.id for found in ranked}
        fresh = [q for q in self.archive.search_terms(terms, limit=ALIGNED) if q.id not in seen]
        return _aligned(query, fresh)

    def _direct_matches(self, query: list[Word]) -> list[_Found]:
        """Direct or partial quotations that match these words, best first."""
        candidates = self.archive.search([[word.norm for word in query]], limit=CANDIDATES)
        return [f for f in _aligned(query, candidates) if f.direct and acceptable(f.alignment)]

    def _spliced_within(
        self, quote: str, claimed: str | None, query: list[Word], best: _Found
    ) -> CheckResult:
        """Words from two distant places of one quotation, joined without an ellipsis."""
        match, chosen = self._with_occurrences(best, [best])
        return CheckResult(
            query=quote,
            claimed_speaker=claimed,
            verdict=Verdict.SPLICED,
            excerpt=False,
            attribution=self._attribution(claimed, [chosen], [match]),
            matches=(match,),
            notes=("The words come from two places of one quotation, joined without an ellipsis.",),
        )

    def _stock(self, part: Sequence[Word]) -> bool:
        """Whether the archive holds this piece of a splice in many quotations ("Put simply,
        they are"): a stock phrase is no evidence of where the words came from."""
        norms = [word.norm for word in part]
        if len(norms) < 2:
            return True
        if len(norms) > STOCK_WORDS:
            return False  # a stock opening is a few words; a longer piece says something
        phrase = " ".join(pairs(norms))
        return self.archive.quotations_holding(phrase) >= STOCK_QUOTATIONS

    def _spliced(
        self, quote: str, claimed: str | None, pieces: Sequence[tuple[list[Word], _Found]]
    ) -> CheckResult | None:
        if any(self._stock(part) for part, _ in pieces):
            return None
        # Each piece aligned on its own, so that its match shows just its words in bold.
        pieces = [
            (part, _Found(found.quotation, align(part, found.quotation.text), tuple(part)))
            for part, found in pieces
        ]
        evidence = [self._with_occurrences(found, [found]) for _, found in pieces]
        matches = tuple(
            replace(match, piece=_text_of(quote, part))
            for (part, _), (match, _) in zip(pieces, evidence, strict=True)
        )
        return CheckResult(
            query=quote,
            claimed_speaker=claimed,
            verdict=Verdict.SPLICED,
            excerpt=False,
            attribution=self._attribution(
                claimed, [chosen for _, chosen in evidence], [match for match, _ in evidence]
            ),
            matches=matches,
            notes=_notes(Verdict.SPLICED, matches),
        )

    # -- evidence -----------------------------------------------------------------------------

    def _with_occurrences(self, best: _Found, ranked: list[_Found]) -> tuple[Match, _Found]:
        """The match as first printed by a trusted outlet (else as first printed), with every
        article that printed the same words, trusted ones first."""
        same = {found.quotation.id: found for found in ranked if _same_words(found, best)}
        fingerprints = [best.quotation.fingerprint] if best.quotation.fingerprint else []
        at_hand = [found.quotation for found in ranked]
        stored = {q.id: q for q in self.archive.printed(fingerprints, at_hand)}
        stored.update({qid: found.quotation for qid, found in same.items()})
        stored.setdefault(best.quotation.id, best.quotation)
        everyone = sorted(stored.values(), key=self._trusted_first)
        earliest = everyone[0]
        chosen = best
        if earliest.id != best.quotation.id:
            chosen = same.get(earliest.id) or _Found(
                earliest, align(list(best.query), earliest.text), best.query, best.in_context
            )
        speakers = {q.speaker for q in everyone if q.speaker}
        match = self._match(chosen)
        match = replace(
            match,
            occurrences=len(everyone),
            first_seen=min((q.published for q in everyone if q.published), default=None),
            conflicting_speakers=tuple(sorted(speakers - {match.speaker})) if match.speaker else (),
            printings=self._printings(everyone),
        )
        return match, chosen

    def _trust_of(self, quotation: StoredQuotation) -> Trust:
        return self.trust.of(quotation.outlet, quotation.url, quotation.added_via)

    def _trusted_first(self, quotation: StoredQuotation) -> tuple[object, ...]:
        return (self._trust_of(quotation) is not Trust.TRUSTED, *_chronological(quotation))

    def _printings(self, quotations: Sequence[StoredQuotation]) -> tuple[Printing, ...]:
        """One entry per article, in the order given (trusted first), at most PRINTINGS_LISTED."""
        listed: dict[int, Printing] = {}
        for quotation in quotations:
            if len(listed) == PRINTINGS_LISTED:
                break
            listed.setdefault(quotation.article_id, self._printing(quotation))
        return tuple(listed.values())

    def _printing(self, quotation: StoredQuotation) -> Printing:
        return Printing(
            outlet=quotation.outlet,
            title=quotation.title,
            url=quotation.url,
            published=quotation.published,
            trust=self._trust_of(quotation),
        )

    def _match(self, found: _Found) -> Match:
        quotation, alignment = found.quotation, found.alignment
        text = quotation.context if found.in_context else quotation.text
        return Match(
            quotation_id=quotation.id,
            text=text,
            matched_start=alignment.start,
            matched_end=alignment.end,
            speaker=quotation.speaker,
            speaker_role=quotation.speaker_role,
            outlet=quotation.outlet,
            reported_to=quotation.reported_to,
            via=quotation.via,
            speaker_as_written=quotation.speaker_as_written,
            speaker_found_by=quotation.speaker_found_by,
            speaker_evidence=quotation.speaker_evidence,
            speaker_confidence=quotation.speaker_confidence,
            speaker_rule=quotation.speaker_rule,
            kind="paraphrase" if found.in_context else str(quotation.kind),
            score=alignment.score,
            context=quotation.context,
            diff=alignment.changes,
            respelled=alignment.notes,
            article=ArticleRef(
                quotation.title, quotation.url, quotation.published, quotation.outlet
            ),
            trust=self._trust_of(quotation),
            printings=(self._printing(quotation),),
        )

    def _attribution(
        self, claimed: str | None, found: list[_Found], matches: Sequence[Match]
    ) -> Attribution:
        """Whether the claimed speaker is the one the archive credits (every piece's, for a
        splice). `differs` only when the archive is sure of its own speaker and no article
        credits the claimed one; otherwise `uncertain`, and the evidence is shown."""
        if not claimed:
            return Attribution.NOT_CLAIMED
        quotations = [piece.quotation for piece in found]
        aliases = self.archive.aliases(q.speaker_id for q in quotations if q.speaker_id)
        outcomes = [
            _piece_attribution(claimed, q, match, aliases.get(q.speaker_id or 0, set()))
            for q, match in zip(quotations, matches, strict=True)
        ]
        for outcome in (Attribution.DIFFERS, Attribution.UNCERTAIN, Attribution.UNKNOWN):
            if outcome in outcomes:
                return outcome
        return Attribution.MATCHES


def _piece_attribution(
    claimed: str, quotation: StoredQuotation, match: Match, aliases: set[str]
) -> Attribution:
    if quotation.speaker is None or quotation.speaker_id is None:
        written = quotation.speaker_as_written
        if written and name_key(claimed) == name_key(written):
            return Attribution.MATCHES  # "the campaign said", pasted as the campaign's
        # "the minister", unnamed: the paste may or may not name the same person.
        described = described_speaker(written)
        return Attribution.UNKNOWN if described is None else Attribution.UNCERTAIN
    if claims_speaker(claimed, quotation.speaker, aliases):
        return Attribution.MATCHES
    if any(claims_speaker(claimed, other, set()) for other in match.conflicting_speakers):
        return Attribution.UNCERTAIN  # another article credits the claimed speaker
    return Attribution.DIFFERS if sure_of_speaker(quotation) else Attribution.UNCERTAIN


def sure_of_speaker(quotation: StoredQuotation) -> bool:
    """Whether the archive is sure of this quotation's speaker (verdict.sure_attribution)."""
    return sure_attribution(quotation.speaker_found_by, quotation.speaker_confidence)


# -- helpers ---------------------------------------------------------------------------------------


def _not_found(
    quote: str,
    claimed: str | None,
    *,
    problem: str | None = None,
    notes: tuple[str, ...] = (),
    closest: Match | None = None,
) -> CheckResult:
    """Nothing in the archive is close enough (or there was nothing to look for)."""
    return CheckResult(
        query=quote,
        claimed_speaker=claimed,
        verdict=Verdict.NOT_FOUND,
        excerpt=False,
        attribution=Attribution.UNKNOWN if claimed else Attribution.NOT_CLAIMED,
        closest=closest,
        problem=problem,
        notes=notes,
    )


def _notes(verdict: Verdict, matches: Sequence[Match]) -> tuple[str, ...]:
    """The sentences beside the verdict: words written differently but the same, and a hedge
    the paste leaves out (bot.verifier.notes)."""
    notes = [respelled_note(change for match in matches for change in match.respelled)]
    if verdict is Verdict.WORDING_DIFFERS:
        notes.append(hedge_note(change for match in matches for change in match.diff))
    return tuple(note for note in notes if note)


def _named(written: str | None) -> str | None:
    if not written or written.lower() in {"he", "she", "they", "it", "i", "we"}:
        return None
    return written


def _aligned(query: list[Word], candidates: Sequence[StoredQuotation]) -> list[_Found]:
    """The candidates most like the query, aligned, best first."""
    if not candidates:
        return []
    # The index ranks candidates by the rare terms they share with the query. Where many share
    # as much (common phrases in a large archive), those holding more of the query's telling
    # words come first, then those holding its letters most nearly in one stretch; the first
    # few that could hold the query are aligned word by word.
    telling = telling_words(query)
    spelled = " ".join(word.norm for word in query)
    screened = [candidate for candidate in candidates if could_hold(telling, candidate.text)]

    def closeness(candidate: StoredQuotation) -> tuple[int, float]:
        checkpoint()
        return (
            -telling_in(telling, candidate.text),
            -fuzz.partial_ratio(spelled, candidate.text.lower()),
        )

    screened.sort(key=closeness)
    found = []
    for candidate in screened[:ALIGNED]:
        checkpoint()
        found.append(_Found(candidate, align(query, candidate.text), tuple(query)))
    found.sort(key=_rank)
    return found


def _rank(found: _Found) -> tuple[object, ...]:
    a = found.alignment
    # The best alignment, direct quotations before reported speech, the original (earliest)
    # printing before later ones.
    return (
        not acceptable(a),
        not a.exact,
        -a.matched,
        -a.score,
        not found.direct,
        _chronological(found.quotation),
    )


def _chronological(quotation: StoredQuotation) -> tuple[object, ...]:
    published = quotation.published
    return (published is None, published.isoformat() if published else "", quotation.id)


def _around(norms: list[str], index: int) -> str:
    """An index term for the query word at `index`: the word itself when it tells quotations
    apart, else the pairs either side of it ("election_but but_the" for "but")."""
    if norms[index] not in COMMON_WORDS:
        return norms[index]
    return " ".join(pairs(norms[max(0, index - 1) : index + 2]))


def _nearest(
    paragraph: StoredParagraph, quotations: Sequence[StoredQuotation], start: int, end: int
) -> StoredQuotation:
    """The quotation of the paragraph nearest the words (whose speaker the sentence is about),
    or a stand-in with nobody credited when the paragraph holds none."""
    inside = [
        q
        for q in quotations
        if q.start < paragraph.start + len(paragraph.text) and q.end > paragraph.start
    ]
    if inside:
        return min(inside, key=lambda q: min(abs(q.start - end), abs(start - q.end)))
    return StoredQuotation(
        id=0,
        text=paragraph.text,
        kind=Kind.REPORTED,
        speaker=None,
        speaker_id=None,
        speaker_as_written=None,
        speaker_role=None,
        reported_to=None,
        via=None,
        fingerprint="",
        context=paragraph.text,
        context_offset=0,
        start=paragraph.start,
        end=paragraph.start + len(paragraph.text),
        article_id=paragraph.article_id,
        title=paragraph.title,
        url=paragraph.url,
        published=paragraph.published,
        outlet=paragraph.outlet,
        added_via=paragraph.added_via,
    )


def _same_words(found: _Found, best: _Found) -> bool:
    """Another printing of the words the paste matched: the paste relates to it exactly as to
    the best match (the same words found, the same differences), though one printing may run
    longer than the other."""
    a, b = found.alignment, best.alignment
    return (
        found.direct == best.direct
        and a.matched == b.matched
        and a.exact == b.exact
        and a.changes == b.changes
    )


def _longest_uncovered(covered: Sequence[bool]) -> tuple[int, int] | None:
    best: tuple[int, int] | None = None
    start = None
    for index, seen in enumerate([*covered, True]):
        if not seen and start is None:
            start = index
        elif seen and start is not None:
            if best is None or index - start > best[1] - best[0]:
                best = (start, index)
            start = None
    return best


def _two_sources(
    query: list[Word], sources: Sequence[_Found]
) -> list[tuple[list[Word], _Found]] | None:
    """The query as the start of one quotation joined to the end of another: the two sources
    and the cut between them that explain the most of it, each piece a match on its own."""
    best: tuple[int, int, _Found, _Found] | None = None
    for first, second in itertools.permutations(sources, 2):
        checkpoint()
        if first.quotation.fingerprint == second.quotation.fingerprint:
            continue  # one quotation printed twice is not two sources
        head = list(itertools.accumulate(first.alignment.anchored, initial=0))
        tail = list(itertools.accumulate(reversed(second.alignment.anchored), initial=0))
        for cut in range(3, len(query) - 2):
            explained = head[cut] + tail[len(query) - cut]
            if best is None or explained > best[0]:
                best = (explained, cut, first, second)
    if best is None or best[0] < 0.75 * len(query):
        return None
    _, cut, first, second = best
    pieces = [(query[:cut], first.quotation), (query[cut:], second.quotation)]
    found = [
        (part, _Found(quotation, align(part, quotation.text), tuple(part)))
        for part, quotation in pieces
    ]
    if not all(_splice_piece(piece.alignment) for _, piece in found):
        return None
    return found


def _marked_cuts(quote: str, query: list[Word]) -> list[int]:
    """Where the paste's words are cut by a full stop, a question or exclamation mark, a
    semicolon, a colon, a comma or a dash: the index of the first query word after each."""
    cuts = []
    for index in range(1, len(query)):
        between = quote[query[index - 1].end : query[index].start]
        if any(mark in between for mark in ".?!;:,—–") or " - " in between:
            cuts.append(index)
    return cuts


def _verbatim(a: Alignment) -> bool:
    """Every word of the piece found as printed, in one run: a quotation's own words."""
    return acceptable(a) and a.longest_run == a.query_words and not a.changes


def _different(first: _Found, second: _Found) -> bool:
    """Two quotations, not one printed twice."""
    a, b = first.quotation, second.quotation
    return a.id != b.id and (not a.fingerprint or a.fingerprint != b.fingerprint)


def _splice_piece(a: Alignment) -> bool:
    """A piece of a splice found as printed: calling a quote joined from two places says more
    than a wording difference does, so each piece must be close to word for word and hold its
    subject (two telling words at least), not only a phrase as common as "put simply, they"."""
    return (
        acceptable(a)
        and a.matched >= 0.8 * a.query_words
        and a.telling_found >= 0.75
        and a.telling_matched >= 2
    )


def _merge(pieces: list[Alignment]) -> Alignment:
    first, last = pieces[0], pieces[-1]
    return replace(
        first,
        query_words=sum(p.query_words for p in pieces),
        equal=sum(p.equal for p in pieces),
        near=sum(p.near for p in pieces),
        end=last.end,
        changes=tuple(change for p in pieces for change in p.changes),
        longest_run=max(p.longest_run for p in pieces),
        gap=0,
        span_words=sum(p.span_words for p in pieces),
        outside_words=min(p.outside_words for p in pieces),
        covered=tuple(seen for p in pieces for seen in p.covered),
        anchored=tuple(seen for p in pieces for seen in p.anchored),
        telling=tuple(word for p in pieces for word in p.telling),
        edited_words=sum(p.edited_words for p in pieces),
        notes=tuple(note for p in pieces for note in p.notes),
    )


def _text_of(quote: str, part: list[Word]) -> str:
    if not part:
        return ""
    return quote[part[0].start : part[-1].end]
