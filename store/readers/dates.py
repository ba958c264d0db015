"""Publication dates from whatever string a source gives.

Sources write dates every way there is (ISO dates and datetimes, RFC 2822 in feeds, "May 7,
2024" in bylines). A date that cannot be read is dropped rather than failing the article: the
text matters more than its date, and `ingest --published` can fill it in.
"""

from __future__ import annotations

import datetime as dt

from dateutil import parser as dateutil_parser

#: Longer strings are not dates; bounding them keeps the parser's work small on untrusted input.
_MAX_DATE_LENGTH = 100

# dateutil fills missing fields from a default date; parsing with two defaults that differ in
# every field tells a full date from a partial one such as "May 2024", which is not a date.
# Time zones are ignored: the date as the source printed it is the one a reader saw.
_DEFAULTS = (dt.datetime(2001, 1, 1), dt.datetime(2002, 2, 2))


def parse_date(value: object) -> dt.date | None:
    """The calendar date `value` names, or None when it names none (or only part of one)."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str) or not value.strip() or len(value) > _MAX_DATE_LENGTH:
        return None
    # ISO 8601 is what exports and Quotebank write, millions of times per dump: the standard
    # library reads it many times faster than dateutil's general parser.
    try:
        return dt.datetime.fromisoformat(value.strip()).date()
    except ValueError:
        pass
    try:
        first, second = (dateutil_parser.parse(value, default=d, ignoretz=True) for d in _DEFAULTS)
    except (ValueError, OverflowError):
        return None
    return first.date() if first.date() == second.date() else None
