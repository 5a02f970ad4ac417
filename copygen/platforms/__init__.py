"""One module per platform (`copygen.platforms.sms`, `.email`, `.tiktok`), each defining its `Channel` as
`CHANNEL`: limits, the reply schema, the prompt's values, the assembly of a draft and how it reads. The
`Platform` enumeration is the list of them; `channel(platform)` finds a platform's module by its value, so a
new platform is its module, its prompt and its pack, and a line in the enumeration."""

from __future__ import annotations

from functools import cache
from importlib import import_module

from ..kinds import Platform
from .base import Channel


@cache
def channel(platform: Platform) -> Channel:
    found = import_module(f"{__name__}.{platform.value}").CHANNEL
    assert isinstance(found, Channel) and found.platform is platform, platform
    return found


__all__ = ["Channel", "channel"]
