"""Model providers, each a module of this package: an OpenAI-compatible endpoint (`openai_compatible`), or the
embedded llama.cpp model when none is set (`embedded`). Each module says from the settings alone whether it is
the one to use (`choose`) and builds its provider (`build`); `MODULES` lists them in the order they are asked,
the last being the fallback. A third provider is one module and its name in `MODULES`.

`openai` and `llama_cpp` are imported only when a provider is built, so the CLI starts fast.
openai/httpx errors are caught in `openai_compatible` and nowhere else.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib import import_module
from typing import Any, Protocol

from ..config import Settings
from ..errors import ConfigError

MODULES = ("openai_compatible", "embedded")


@dataclass
class Completion:
    text: str
    model: str
    prompt_tokens: int = 0
    completion_tokens: int = 0
    exact_usage: bool = True


class Provider(Protocol):
    name: str  # "openai" or "local"
    model: str
    endpoint: str  # base URL, or the GGUF file path
    # Runs on this machine: free, one request at a time, and several first replies per draft by default.
    in_process: bool

    def complete(self, messages: list[dict[str, str]], schema: dict[str, Any], *, max_tokens: int,
                 seed: int | None = None) -> Completion: ...


@dataclass
class Choice:
    """Which provider is active and why, in words for `copygen doctor`."""

    provider: str
    model: str
    endpoint: str
    reasons: list[str] = field(default_factory=list)


def _modules() -> list[Any]:
    return [import_module(f"{__name__}.{name}") for name in MODULES]


def choose(settings: Settings) -> Choice:
    """Decide the provider from the settings alone (no network, no model loading)."""
    names = [m.NAME for m in _modules()]
    if settings.provider not in ("auto", *names):
        where = settings.sources.get("provider", "settings")
        raise ConfigError(f"Unknown provider {settings.provider!r} ({where}): choose auto, " + " or ".join(names) + ".")
    for module in _modules():
        choice = module.choose(settings)
        if choice is not None:
            return choice
    raise AssertionError("the last provider module is the fallback and always chooses")


def build_provider(settings: Settings) -> Provider:
    choice = choose(settings)
    return next(m for m in _modules() if m.NAME == choice.provider).build(choice, settings)

