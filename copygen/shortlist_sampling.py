"""Grammar-constrained sampling for the embedded model that checks the JSON grammar on a shortlist.

llama-cpp-python applies the response grammar to the whole vocabulary (49,152 tokens for SmolLM2) before
top-k at every token, which nearly doubles the time of a token. Here the grammar is asked only about the
`top_k` most likely tokens; when none of them may come next, it filters the whole vocabulary as before.
The token is still drawn from grammar-valid tokens only, seeded, so a seed gives the same draft every run.

Imported only by the embedded provider: it needs llama-cpp-python (and numpy, which that installs).
"""

from __future__ import annotations

import ctypes
from typing import Any

import llama_cpp
import numpy as np
from llama_cpp import _internals

_TOKEN_DATA = np.dtype([("id", np.int32), ("logit", np.float32), ("p", np.float32)])


class _GrammarShortlist:
    """A llama.cpp sampler, written in Python, that leaves only grammar-valid tokens among the `k` best."""

    def __init__(self, model: Any, grammar: Any, k: int):
        self.k = k
        self.grammar = llama_cpp.llama_sampler_init_grammar(model.vocab, grammar._grammar.encode("utf-8"),
                                                            grammar._root.encode("utf-8"))
        self._buffer = (llama_cpp.llama_token_data * k)()
        self._short = llama_cpp.llama_token_data_array(data=self._buffer, size=k, selected=-1, sorted=False)
        self.fallbacks = 0  # tokens for which no shortlisted token was valid

        iface = llama_cpp.llama_sampler_i()
        # Keep the callbacks referenced for as long as llama.cpp may call them.
        self._callbacks = (llama_cpp.llama_sampler_i_apply(lambda _, cur_p: self._apply(cur_p)),
                           llama_cpp.llama_sampler_i_accept(lambda _, token: self._accept(token)))
        iface.apply, iface.accept = self._callbacks
        iface.name = llama_cpp.llama_sampler_i_name(0)
        iface.reset = llama_cpp.llama_sampler_i_reset(0)
        iface.clone = llama_cpp.llama_sampler_i_clone(0)
        iface.free = llama_cpp.llama_sampler_i_free(0)
        self._iface = iface
        self.sampler = llama_cpp.llama_sampler()
        self.sampler.iface = ctypes.pointer(iface)
        self.sampler.ctx = None

    def _apply(self, cur_p: Any) -> None:
        cur = cur_p.contents
        n = cur.size
        tokens = np.frombuffer((llama_cpp.llama_token_data * n).from_address(ctypes.addressof(cur.data.contents)),
                               dtype=_TOKEN_DATA)
        k = min(self.k, n)
        best = np.argpartition(-tokens["logit"], k - 1)[:k] if n > k else np.arange(n)
        short = np.frombuffer(self._buffer, dtype=_TOKEN_DATA)[:k]
        short[:] = tokens[best]
        self._short.size, self._short.selected, self._short.sorted = k, -1, False
        llama_cpp.llama_sampler_apply(self.grammar, ctypes.byref(self._short))
        valid = np.isfinite(short["logit"])
        if valid.any():
            m = int(valid.sum())
            tokens[:m] = short[valid]
            cur.size, cur.selected, cur.sorted = m, -1, False
        else:
            self.fallbacks += 1
            llama_cpp.llama_sampler_apply(self.grammar, cur_p)

    def _accept(self, token: int) -> None:
        llama_cpp.llama_sampler_accept(self.grammar, token)

    def __del__(self) -> None:
        if getattr(self, "grammar", None) is not None:
            llama_cpp.llama_sampler_free(self.grammar)
            self.grammar = None


class ShortlistLlama(llama_cpp.Llama):
    """`llama_cpp.Llama` whose grammar-constrained sampling checks the grammar on the top-k shortlist first.
    Without a grammar, or with mirostat, it samples exactly as llama-cpp-python does."""

    def _init_sampler(self, top_k: int = 40, top_p: float = 0.95, min_p: float = 0.05, typical_p: float = 1.0,
                      temp: float = 0.80, repeat_penalty: float = 1.0, frequency_penalty: float = 0.0,
                      presence_penalty: float = 0.0, grammar: Any = None, mirostat_mode: int = 0,
                      **kwargs: Any) -> Any:
        if grammar is None or mirostat_mode != 0 or temp <= 0.0 or top_k <= 0:
            return super()._init_sampler(top_k=top_k, top_p=top_p, min_p=min_p, typical_p=typical_p, temp=temp,
                                         repeat_penalty=repeat_penalty, frequency_penalty=frequency_penalty,
                                         presence_penalty=presence_penalty, grammar=grammar,
                                         mirostat_mode=mirostat_mode, **kwargs)
        chain = _internals.LlamaSampler()
        chain.add_penalties(n_vocab=self._n_vocab, penalty_last_n=self.last_n_tokens_size,
                            penalty_repeat=repeat_penalty, penalty_freq=frequency_penalty,
                            penalty_present=presence_penalty)
        shortlist = _GrammarShortlist(self._model, grammar, top_k)
        llama_cpp.llama_sampler_chain_add(chain.sampler, ctypes.pointer(shortlist.sampler))
        # The chain must not free a sampler it does not own: it removes these before it is freed.
        chain.custom_samplers.append((llama_cpp.llama_sampler_chain_n(chain.sampler) - 1, shortlist))
        chain.add_top_k(top_k)
        chain.add_typical(typical_p, 1)
        chain.add_top_p(top_p, 1)
        chain.add_min_p(min_p, 1)
        chain.add_temp(temp)
        chain.add_dist(self._seed)
        return chain
