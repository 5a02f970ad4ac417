"""Check digits and validity rules of identifier numbers. Each takes the digits (or characters) alone."""

from __future__ import annotations

import re

_NON_ALNUM = re.compile(r"[^0-9A-Za-z]")


def digits(s: str) -> str:
    return "".join(ch for ch in s if ch.isdigit())


def luhn(number: str) -> bool:
    """Luhn mod-10 check (payment cards, IMEI; NPI after the 80840 prefix)."""
    if not number.isdigit() or len(number) < 2:
        return False
    total = 0
    for i, ch in enumerate(reversed(number)):
        d = int(ch)
        if i % 2 == 1:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return total % 10 == 0


def nhs_number(number: str) -> bool:
    """NHS number: weights 10..2 on the first nine digits; 11 - (sum mod 11) is the check digit (11 -> 0,
    10 -> never issued)."""
    if len(number) != 10 or not number.isdigit() or len(set(number)) == 1:
        return False
    check = 11 - sum(int(d) * w for d, w in zip(number[:9], range(10, 1, -1))) % 11
    check = 0 if check == 11 else check
    return check != 10 and check == int(number[9])


def npi(number: str) -> bool:
    """US National Provider Identifier: 10 digits starting 1 or 2, Luhn over 80840 + the number."""
    return len(number) == 10 and number[0] in "12" and luhn("80840" + number)


def ssn(area: str, group: str, serial: str) -> bool:
    """SSA never issues area 000, 666 or 900-999, group 00 or serial 0000."""
    return (area not in ("000", "666") and not area.startswith("9") and group != "00" and serial != "0000"
            and f"{area}{group}{serial}" not in ("078051120", "219099999", "123456789"))  # advertised samples


def dea(registration: str) -> bool:
    """DEA registration: 2 letters, 7 digits; (d1+d3+d5) + 2*(d2+d4+d6) ends in d7."""
    if not re.fullmatch(r"[A-Za-z][A-Za-z9]\d{7}", registration):
        return False
    d = [int(c) for c in registration[2:]]
    return (d[0] + d[2] + d[4] + 2 * (d[1] + d[3] + d[5])) % 10 == d[6]


def iban(value: str) -> bool:
    """ISO 13616 mod-97 check."""
    s = _NON_ALNUM.sub("", value).upper()
    if not re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9]{10,30}", s):
        return False
    rearranged = s[4:] + s[:4]
    return int("".join(str(int(ch, 36)) for ch in rearranged)) % 97 == 1


_VIN_VALUES = {**{str(i): i for i in range(10)}, **dict(zip("ABCDEFGH", range(1, 9))),
               **dict(zip("JKLMN", range(1, 6))), "P": 7, "R": 9, **dict(zip("STUVWXYZ", range(2, 10)))}
_VIN_WEIGHTS = (8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2)


def vin(value: str) -> bool:
    """17-character vehicle identification number with the North American check digit (position 9)."""
    v = value.upper()
    if len(v) != 17 or any(ch not in _VIN_VALUES for ch in v):
        return False
    total = sum(_VIN_VALUES[ch] * w for ch, w in zip(v, _VIN_WEIGHTS)) % 11
    return v[8] == ("X" if total == 10 else str(total))
