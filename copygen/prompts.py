"""Render prompts from the Jinja2 templates in `prompts/` (StrictUndefined: a missing variable is an error)."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import cache
from typing import Any

import jinja2
from jinja2 import meta

from .errors import TemplateError
from .resources import data_dir


@cache
def environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(data_dir("prompts"))),
        undefined=jinja2.StrictUndefined,
        autoescape=False,  # prompts are plain text, not HTML
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
    )


@dataclass(frozen=True)
class RenderedPrompt:
    template: str
    template_hash: str  # sha256 of the template source, for evidence notes and the audit log
    text: str


@cache
def examples(platform: str) -> tuple[dict[str, Any], ...]:
    """The worked examples for a platform (`prompts/examples/<platform>.yaml`): each a `brief` and a `reply`."""
    import yaml

    path = data_dir("prompts") / "examples" / f"{platform}.yaml"
    if not path.is_file():
        return ()
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    if not isinstance(data, list) or not all(isinstance(e, dict) and {"brief", "reply"} <= set(e) for e in data):
        raise TemplateError(f"{path} should be a list of examples, each with a brief and a reply")
    return tuple(data)


@cache
def _source(name: str) -> str:
    env = environment()
    assert env.loader is not None
    return env.loader.get_source(env, name)[0]


@cache
def _undeclared(name: str) -> frozenset[str]:
    env = environment()
    source = _source(name)
    names = set(meta.find_undeclared_variables(env.parse(source)))
    for ref in meta.find_referenced_templates(env.parse(source)):
        if ref:
            names |= _undeclared(ref)
    return frozenset(names)


def render(name: str, **variables: Any) -> RenderedPrompt:
    """Render template `name`; raise one TemplateError naming every variable it needs but was not given."""
    env = environment()
    try:
        template = env.get_template(name)
    except jinja2.TemplateNotFound:
        raise TemplateError(f"Prompt template {name!r} not found in {data_dir('prompts')}") from None
    missing = sorted(_undeclared(name) - set(variables) - set(env.globals))
    if missing:
        raise TemplateError(f"Prompt template {name!r} needs variables that were not given: {', '.join(missing)}")
    return RenderedPrompt(
        template=name,
        template_hash=hashlib.sha256(_source(name).encode("utf-8")).hexdigest()[:16],
        text=template.render(**variables).strip() + "\n",
    )
