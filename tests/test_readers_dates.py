"""Publication dates: every common way of writing one, and nothing that is not one."""

from __future__ import annotations

from datetime import date

import pytest

from store.readers.dates import parse_date


@pytest.mark.parametrize(
    "written",
    [
        "2024-05-07",
        "2024-05-07T09:30:00Z",
        "2024-05-07T23:30:00-05:00",
        "2024-05-07 10:22:31",
        "Tue, 07 May 2024 10:00:00 GMT",
        "Tue, 7 May 2024 10:00:00 +0100",
        "May 7, 2024",
        "7 May 2024",
        "Tuesday, May 7, 2024 at 10:00 AM EDT",
    ],
)
def test_common_ways_of_writing_a_date_are_read(written: str) -> None:
    assert parse_date(written) == date(2024, 5, 7)


def test_the_date_is_the_one_printed_not_shifted_to_another_time_zone() -> None:
    assert parse_date("2024-05-07T23:30:00-05:00") == date(2024, 5, 7)


@pytest.mark.parametrize(
    "written",
    [
        "",
        "   ",
        "sometime next spring",
        "May 2024",
        "2024",
        "32/13/2024",
        "9" * 200,
        None,
        20240507,
    ],
)
def test_what_is_not_a_full_date_is_dropped(written: object) -> None:
    assert parse_date(written) is None
