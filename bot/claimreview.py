"""The desk's rulings as schema.org ClaimReview documents (JSON-LD), for search engines and
fact-check aggregators that read them.

Only rulings are exported: what a fact-checker decided and signed. The verifier's automatic
verdicts never are, since a ClaimReview is the newsroom's word. The newsroom that publishes the
reviews, and where each can be read, come from the settings (`.env.example`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from bot.wording import RULING_LABELS, ruling_finding
from store.archive import Archive, Occurrence
from store.normalise import is_http_url
from store.rulings import Ruling
from store.settings import setting

NAME_SETTING = "QUOTEBOT_NEWSROOM_NAME"
URL_SETTING = "QUOTEBOT_NEWSROOM_URL"
REVIEW_URL_SETTING = "QUOTEBOT_RULING_URL"
#: What QUOTEBOT_RULING_URL holds where the ruling's number goes.
ID_FIELD = "{id}"
#: The printings listed as a claim's appearances at most (the earliest first).
APPEARANCES = 20


class ExportSettingError(ValueError):
    """A missing or malformed export setting, in one line naming it."""


@dataclass(frozen=True)
class Publisher:
    """The newsroom the reviews are published under, and where each review can be read."""

    name: str
    url: str | None = None
    #: `https://factcheck.example/rulings/{id}`: a review's address, by ruling number.
    review_url: str | None = None


def publisher_from_environment(environ: Mapping[str, str] | None = None) -> Publisher:
    """The newsroom the settings name; ExportSettingError when they name none, or a bad URL."""
    name = (setting(NAME_SETTING, environ) or "").strip()
    if not name:
        raise ExportSettingError(
            f"{NAME_SETTING} is not set: name the newsroom that publishes the reviews "
            "(the author of every ClaimReview) in the environment or .env"
        )
    url = _http_url(URL_SETTING, setting(URL_SETTING, environ))
    review_url = _http_url(REVIEW_URL_SETTING, setting(REVIEW_URL_SETTING, environ))
    if review_url is not None and ID_FIELD not in review_url:
        raise ExportSettingError(
            f"{REVIEW_URL_SETTING} must hold {ID_FIELD} where the ruling's number goes"
        )
    return Publisher(name, url, review_url)


def claim_reviews(
    archive: Archive, publisher: Publisher, rulings: list[Ruling]
) -> list[dict[str, object]]:
    """A ClaimReview for each ruling, with the archive's printings of its words."""
    return [claim_review(ruling, publisher, _printings(archive, ruling)) for ruling in rulings]


def claim_review(
    ruling: Ruling, publisher: Publisher, printings: list[Occurrence]
) -> dict[str, object]:
    """One ruling as a ClaimReview: the words (`claimReviewed`), the claim credited to whom
    the paste credited (`itemReviewed`), where the archive saw them printed, the ruling as a
    named rating, the newsroom as author."""
    claim: dict[str, object] = {"@type": "Claim"}
    if ruling.credited:
        claim["author"] = {"@type": "Person", "name": ruling.credited}
    if printings:
        claim["appearance"] = [_creative_work(printing) for printing in printings]
        claim["firstAppearance"] = _creative_work(printings[0])
    author: dict[str, object] = {"@type": "Organization", "name": publisher.name}
    if publisher.url:
        author["url"] = publisher.url
    explanation = ruling_finding(ruling)
    review: dict[str, object] = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "claimReviewed": ruling.text,
        "itemReviewed": claim,
        "reviewRating": {
            "@type": "Rating",
            "alternateName": RULING_LABELS[ruling.kind],
            "ratingExplanation": explanation[0].upper() + explanation[1:] + ".",
        },
        "author": author,
        "datePublished": ruling.first_at.date().isoformat(),
    }
    if ruling.revision > 1:
        review["dateModified"] = ruling.at.date().isoformat()
    if ruling.note:
        review["reviewBody"] = ruling.note
    if ruling.links:
        review["citation"] = list(ruling.links)
    if publisher.review_url:
        review["url"] = publisher.review_url.replace(ID_FIELD, str(ruling.id))
    return review


def _printings(archive: Archive, ruling: Ruling) -> list[Occurrence]:
    if ruling.quotation_id is None:
        return []
    return archive.printings_of(ruling.quotation_id)[:APPEARANCES]


def _creative_work(printing: Occurrence) -> dict[str, object]:
    work: dict[str, object] = {"@type": "CreativeWork"}
    if printing.url:
        work["url"] = printing.url
    if printing.title:
        work["headline"] = printing.title
    if printing.published:
        work["datePublished"] = printing.published.isoformat()
    if printing.outlet:
        work["publisher"] = {"@type": "Organization", "name": printing.outlet}
    return work


def _http_url(name: str, value: str | None) -> str | None:
    value = (value or "").strip()
    if not value:
        return None
    if not is_http_url(value):
        raise ExportSettingError(f"{name} must be an http(s) address, not {value[:60]!r}")
    return value
