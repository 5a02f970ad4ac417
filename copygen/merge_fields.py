"""Mail-merge fields in human-written copy: `{{first_name}}`, `{first_name}`, `*|FNAME|*`, `%%FirstName%%`.

An SMS or email platform fills these per recipient, so they are not placeholder text. What matters is how
long the copy can get once filled (each field counts at a worst-case length) and what a field would put in
front of the reader: a field that carries a diagnosis, a date of birth, a result or an appointment is
patient information in marketing, which the phi pack's `merge_field` rule refuses.
"""

from __future__ import annotations

import re

# The syntaxes of the common platforms: Handlebars/Liquid/HubSpot, Python-style, Mailchimp, Salesforce.
MERGE_FIELD = re.compile(
    r"\{\{\s*(?P<a>[A-Za-z_][\w.]*)\s*\}\}|\{(?P<b>[a-z_][a-z0-9_]*)\}|\*\|(?P<c>[A-Z0-9_]+)\|\*|%%(?P<d>[A-Za-z_]\w*)%%")

# Worst-case lengths of the fields a practice merges, by normalised name (letters and digits only).
WORST_CASE: dict[str, int] = {
    "firstname": 20, "fname": 20, "forename": 20, "givenname": 20, "lastname": 25, "lname": 25, "surname": 25,
    "name": 40, "fullname": 40, "title": 10, "salutation": 15, "practicename": 40, "clinic": 40, "practice": 40,
    "sender": 11, "phone": 16, "email": 60, "city": 25, "town": 25,
}
DEFAULT_WORST_CASE = 40  # a field not listed: links, offers, anything else


def field_name(match: re.Match[str]) -> str:
    """The merge field's name, lower case, without a `contact.` style prefix or separators."""
    raw = next(g for g in match.groups() if g is not None)
    return re.sub(r"[^a-z0-9]", "", raw.rsplit(".", 1)[-1].lower())


def worst_case(text: str) -> str:
    """The text with each merge field replaced by its worst-case length of GSM-7 letters, for counting."""
    if "{" not in text and "|*" not in text and "%%" not in text:
        return text
    return MERGE_FIELD.sub(lambda m: "x" * WORST_CASE.get(field_name(m), DEFAULT_WORST_CASE), text)
