"""Errors copygen raises on purpose. The CLI turns each into a one-line message and exit code 3."""

from __future__ import annotations


class CopygenError(Exception):
    """Base for every error copygen raises deliberately (a traceback means a bug)."""

    exit_code = 3


class ConfigError(CopygenError):
    """Bad settings, an unreadable config or brand file, or no usable model provider."""


class InputError(CopygenError):
    """Bad user input: an unreadable file, an empty topic, a malformed draft to check."""

    exit_code = 2


class TemplateError(CopygenError):
    """A prompt template is missing or refers to variables the brief does not provide."""


class RulePackError(CopygenError):
    """A rule pack failed to load or failed its own examples; raised at load, never mid-run."""

    def __init__(self, message: str, *, path: str | None = None, rule_id: str | None = None):
        where = " ".join(p for p in (path and f"[{path}]", rule_id and f"rule {rule_id}:") if p)
        super().__init__(f"{where} {message}".strip())
        self.path = path
        self.rule_id = rule_id


class ProviderError(CopygenError):
    """The model endpoint failed; `retryable` says whether trying again later may help."""

    def __init__(self, message: str, *, status_code: int | None = None, retryable: bool = False):
        super().__init__(message)
        self.status_code = status_code
        self.retryable = retryable


class ModelOutputError(ProviderError):
    """The model answered, but not with a draft that parses against the platform schema."""


class PartialGenerationError(ModelOutputError):
    """Some drafts could not be made because the model's reply was unusable; the others are in `drafts`."""

    def __init__(self, drafts: list, failures: list[tuple[str, int, str]]):
        what = "; ".join(f"{platform} #{variant}: {reason}" for platform, variant, reason in failures)
        super().__init__(f"{len(failures)} of {len(drafts) + len(failures)} drafts could not be made ({what})")
        self.drafts = drafts
        self.failures = failures
