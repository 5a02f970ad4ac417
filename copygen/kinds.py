"""The plain enumerations copygen's models and commands share (no pydantic: the CLI imports them cheaply)."""

from __future__ import annotations

from enum import Enum


class Platform(str, Enum):
    SMS = "sms"
    EMAIL = "email"
    TIKTOK = "tiktok"


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
