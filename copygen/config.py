"""Settings: CLI flag > environment > config file > default, resolved once at the entry point."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import tomllib
from pydantic import BaseModel, ConfigDict, Field, SecretStr, ValidationError

from .errors import ConfigError

# Environment variable -> setting. OPENAI_* are honoured so existing set-ups work unchanged.
ENV_VARS: dict[str, str] = {
    "COPYGEN_PROVIDER": "provider",
    "COPYGEN_BASE_URL": "base_url",
    "OPENAI_BASE_URL": "base_url",
    "COPYGEN_API_KEY": "api_key",
    "OPENAI_API_KEY": "api_key",
    "COPYGEN_MODEL": "model",
    "COPYGEN_MODEL_PATH": "model_path",
    "COPYGEN_TIMEOUT": "timeout",
    "COPYGEN_MAX_RETRIES": "max_retries",
    "COPYGEN_BRAND": "brand",
    "COPYGEN_CLAIMS": "claims",
    "COPYGEN_LOG_DB": "log_db",
    "COPYGEN_REPAIR_ROUNDS": "repair_rounds",
    "COPYGEN_CANDIDATES": "candidates",
}


class Settings(BaseModel):
    model_config = ConfigDict(extra="forbid", defer_build=True)  # validators built on first use, not at import

    provider: str = "auto"  # or the NAME of a module of copygen.providers, which checks it
    base_url: str | None = None
    api_key: SecretStr | None = None
    model: str | None = None  # None: "gpt-4o-mini" on an endpoint, the embedded model locally
    model_path: str | None = None  # a GGUF file for the local provider
    timeout: float = 60.0
    max_retries: int = 3
    brand: str | None = None  # default brand profile path
    disable: list[str] = []  # rule ids switched off
    packs: list[str] = []  # extra rule pack files
    claims: str | None = None  # claims library (YAML or CSV) that substantiates factual claims
    repair_rounds: int = Field(default=2, ge=0, le=5)  # model repair rounds per draft
    token_budget: int = Field(default=8000, ge=0)  # tokens the repair rounds of one draft may spend
    candidates: int | None = Field(default=None, ge=1, le=8)  # first replies per draft (None: 4 embedded, 1 endpoint)
    log: bool = True  # record every generation in the audit log
    log_db: str | None = None  # the audit log's SQLite file (default: ~/.local/share/copygen/log.db)
    # Where each value came from ("flag", "env OPENAI_API_KEY", "config file ...", "default"), for `doctor`.
    sources: dict[str, str] = {}


def config_path(env: Mapping[str, str]) -> Path:
    if "COPYGEN_CONFIG" in env:
        return Path(env["COPYGEN_CONFIG"])
    base = Path(env.get("XDG_CONFIG_HOME") or Path.home() / ".config")
    return base / "copygen" / "config.toml"


def _read_config_file(path: Path) -> dict[str, Any]:
    if not path.exists():
        return {}
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as e:
        raise ConfigError(f"Cannot read config file {path}: {e}") from None
    return data.get("copygen", data)


def resolve_settings(flags: Mapping[str, Any] | None = None, env: Mapping[str, str] | None = None) -> Settings:
    """Merge flags, environment and the config file. Reads the environment only when called."""
    env = os.environ if env is None else env
    path = config_path(env)
    values: dict[str, Any] = {}
    sources: dict[str, str] = {}
    for key, value in _read_config_file(path).items():
        values[key] = value
        sources[key] = f"config file {path}"
    # Later entries of ENV_VARS win only where the earlier ones are absent: COPYGEN_* beats OPENAI_*.
    for var in reversed(list(ENV_VARS)):
        if env.get(var):
            values[ENV_VARS[var]] = env[var]
            sources[ENV_VARS[var]] = f"environment {var}"
    for key, value in (flags or {}).items():
        if value not in (None, [], ()):
            values[key] = value
            sources[key] = "command-line flag"
    try:
        return Settings(**values, sources=sources)
    except ValidationError as e:
        problems = "; ".join(f"{'.'.join(map(str, err['loc']))}: {err['msg']}" for err in e.errors())
        raise ConfigError(f"Invalid settings ({problems}). Check {path} and your COPYGEN_* variables.") from None
