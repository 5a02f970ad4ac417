"""copygen: compliance-first copy generation for healthcare marketing."""

from __future__ import annotations

import importlib
from typing import Any

__version__ = "0.1.0"

# Imported on first use, so `copygen --help` and other commands load only what they need.
_EXPORTS = {
    "check": "api", "check_draft": "api", "generate": "api", "redact": "api", "Brand": "brand", "load_brand": "brand",
    "CopygenError": "errors", **{name: "models" for name in (
        "Brief", "Finding", "Jurisdiction", "Platform", "Redaction", "Report", "Severity", "Status")},
    **{name: "drafts" for name in ("Draft", "DraftSet")},
}
__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'copygen' has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *_EXPORTS])
