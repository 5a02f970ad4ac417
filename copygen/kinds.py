"""The plain enumerations copygen's models and commands share (no pydantic: the CLI imports them cheaply)."""

from __future__ import annotations

from enum import Enum


# The channels copygen writes for: the one list of them. Each names the fields a draft of it is checked in, in
# order, and the field that holds its message; its module `copygen.platforms.<value>` holds the rest. (A comment,
# not a docstring: the published JSON schema would carry a docstring as the enumeration's description.)
class Platform(str, Enum):
    fields: tuple[str, ...]
    main_field: str

    def __new__(cls, value: str, fields: tuple[str, ...], main_field: str) -> Platform:
        member = str.__new__(cls, value)
        member._value_ = value
        member.fields = fields
        member.main_field = main_field
        return member

    SMS = ("sms", ("text",), "text")
    EMAIL = ("email", ("subject", "preheader", "body"), "body")
    TIKTOK = ("tiktok", ("caption", "script", "on_screen"), "caption")
    REVIEW = ("review", ("reply",), "reply")
    SOCIAL = ("social", ("caption", "alt_text"), "caption")
    SEARCH_AD = ("search_ad", ("headlines", "descriptions", "path"), "headlines")


class Jurisdiction(str, Enum):
    UK = "uk"
    US = "us"


class Severity(str, Enum):
    INFO = "info"
    WARN = "warn"
    BLOCK = "block"

    @property
    def rank(self) -> int:
        return {"info": 0, "warn": 1, "block": 2}[self.value]


class Status(str, Enum):
    PASS = "pass"
    WARN = "warn"
    BLOCKED = "blocked"

    @property
    def rank(self) -> int:
        return {"pass": 0, "warn": 1, "blocked": 2}[self.value]
