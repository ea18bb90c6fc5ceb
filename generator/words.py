"""Facts in words as UN documents print them: dates, meeting ordinals, session names.

No locale is involved anywhere: output must not depend on the machine that builds it.
"""

from __future__ import annotations

from datetime import date

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")


def long_date(day: date) -> str:
    """"21 December 2009", as UN documents print dates (no locale involved)."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def ordinal_suffix(number: int) -> str:
    """"66th", "91st", "112th": how the plenary meeting line is printed."""
    if 10 <= number % 100 <= 20:
        return f"{number}th"
    return f"{number}{ {1: 'st', 2: 'nd', 3: 'rd'}.get(number % 10, 'th') }"


_UNITS = ("", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
          "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
          "eighteen", "nineteen")
_UNIT_ORDINALS = ("", "first", "second", "third", "fourth", "fifth", "sixth", "seventh",
                  "eighth", "ninth", "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth",
                  "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth")
_TENS = ("", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")


def ordinal_words(number: int) -> str:
    """64 -> "sixty-fourth": sessions are named in words ("Sixty-fourth session")."""
    if number <= 0 or number >= 1000:
        return ordinal_suffix(number)
    hundreds, rest = divmod(number, 100)
    if hundreds:
        head = f"{_UNITS[hundreds]} hundred"
        return f"{head} and {ordinal_words(rest)}" if rest else f"{head}th"
    if rest < 20:
        return _UNIT_ORDINALS[rest]
    tens, unit = divmod(rest, 10)
    if not unit:
        return _TENS[tens][:-1] + "ieth"
    return f"{_TENS[tens]}-{_UNIT_ORDINALS[unit]}"


def session_name(session: int | str) -> str:
    """"Sixty-fourth session"; "Eleventh emergency special session" for "ES-11"; "Tenth
    special session" for "S-10"."""
    kind = ""
    if isinstance(session, str):
        prefix, _, number = session.partition("-")
        kind = {"ES": "emergency special ", "S": "special "}.get(prefix, "")
        session = int(number) if number.isdigit() else 0
    words = ordinal_words(session)
    return f"{words[0].upper()}{words[1:]} {kind}session"


def session_key(session: int | str) -> tuple[int, int]:
    """Regular sessions in order, then special sessions, then emergency special sessions."""
    if isinstance(session, int):
        return (0, session)
    prefix, _, number = session.partition("-")
    return ({"S": 1, "ES": 2}.get(prefix, 3), int(number) if number.isdigit() else 0)
