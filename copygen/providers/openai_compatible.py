"""An OpenAI-compatible chat endpoint (OpenAI itself, or a local server such as Ollama, vLLM or llama.cpp's)."""

from __future__ import annotations

from typing import Any

from ..config import Settings
from ..errors import ProviderError
from . import Choice, Completion

NAME = "openai"
DEFAULT_ENDPOINT_MODEL = "gpt-4o-mini"


def choose(settings: Settings) -> Choice | None:
    """This provider, when the settings ask for it or give an endpoint or a key; else None."""
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
    return None


def build(choice: Choice, settings: Settings) -> OpenAIProvider:
    return OpenAIProvider(settings, choice.model, choice.endpoint)



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
