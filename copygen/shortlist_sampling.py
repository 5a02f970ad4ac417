"""How the embedded model samples its JSON replies, faster than llama-cpp-python's own path.

- The response grammar is asked only about the `top_k` most likely tokens; when none of them may come next, it
  filters the whole vocabulary, as llama-cpp-python does at every token (49,152 tokens for SmolLM2, which
  nearly doubles the time of a token). The token is still drawn from grammar-valid tokens only.
- `ParallelCandidates` samples a draft's candidates together, one batch per step, in a context of its own
  that keeps the last prompt's cache for the next (a repair round shares the draft's prompt).
Each reply is seeded, so the same run gives the same drafts.

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


# ---- several candidates at once ----------------------------------------------------------------


class ParallelCandidates:
    """Samples one or several replies to a prompt: the prompt is evaluated once (only its part that differs from
    the last prompt), and each step decodes one token of every unfinished reply in a single batch, which on two
    cores costs about twice one token of one reply. Each reply has its own seed, sampler chain and grammar
    state, so the same calls in the same order give the same replies."""

    def __init__(self, llama: ShortlistLlama, n_seq: int, n_ctx: int = 4096):
        from llama_cpp import llama_chat_format

        self.llama = llama
        self.n_seq = n_seq
        params = llama_cpp.llama_context_params.from_buffer_copy(llama.context_params)
        params.n_ctx, params.n_seq_max, params.kv_unified = n_ctx, n_seq, True
        params.flash_attn_type = llama_cpp.LLAMA_FLASH_ATTN_TYPE_ENABLED  # about a sixth faster on a long prompt here
        self.n_ctx = n_ctx
        self.ctx = _internals.LlamaContext(model=llama._model, params=params, verbose=False)
        template = llama.metadata.get("tokenizer.chat_template")
        if template is None:
            raise ValueError("the model has no chat template")
        eos, bos = llama.token_eos(), llama.token_bos()
        self.formatter = llama_chat_format.Jinja2ChatFormatter(
            template=template, eos_token=llama._model.token_get_text(eos) if eos != -1 else "",
            bos_token=llama._model.token_get_text(bos) if bos != -1 else "", stop_token_ids=[eos])
        self._grammar_for = llama_chat_format._grammar_for_response_format
        self._held: list[int] = []  # the prompt whose cache sequence 0 holds: a prompt sharing its start reuses it

    def close(self) -> None:
        self.ctx.close()

    def complete(self, messages: list[dict[str, str]], schema: dict[str, Any], max_tokens: int, seeds: list[int],
                 top_k: int = 40, top_p: float = 0.95, min_p: float = 0.05, temperature: float = 0.8,
                 repeat_penalty: float = 1.0) -> list[tuple[str, int, int]] | None:
        """(text, prompt tokens, completion tokens) of one reply per seed; None when the replies could not all
        fit in the context (the caller then samples them one at a time)."""
        formatted = self.formatter(messages=messages)
        prompt = self.llama.tokenize(formatted.prompt.encode("utf-8"), add_bos=not formatted.added_special,
                                     special=True)
        n = len(seeds)
        if n > self.n_seq or len(prompt) + n * max_tokens > self.n_ctx:
            return None
        grammar = self._grammar_for({"type": "json_object", "schema": schema})
        ctx = self.ctx.ctx
        memory = llama_cpp.llama_get_memory(ctx)
        # Keep the start this prompt shares with the last one (less its final token, whose logits are needed).
        common = 0
        for a, b in zip(self._held, prompt[:-1]):
            if a != b:
                break
            common += 1
        for s in range(1, self.n_seq):
            llama_cpp.llama_memory_seq_rm(memory, s, -1, -1)
        if not llama_cpp.llama_memory_seq_rm(memory, 0, common, -1):
            llama_cpp.llama_memory_clear(memory, True)
            common = 0
        self._held = []
        batch = llama_cpp.llama_batch_init(max(self.llama.n_batch, n), 0, n)
        chains, shortlists = [], []
        try:
            for start in range(common, len(prompt), self.llama.n_batch):  # the rest of the prompt, as sequence 0
                chunk = prompt[start:start + self.llama.n_batch]
                batch.n_tokens = len(chunk)
                for i, token in enumerate(chunk):
                    batch.token[i], batch.pos[i], batch.n_seq_id[i] = token, start + i, 1
                    batch.seq_id[i][0], batch.logits[i] = 0, start + i == len(prompt) - 1
                if llama_cpp.llama_decode(ctx, batch) != 0:
                    llama_cpp.llama_memory_clear(memory, True)
                    return None
            self._held = list(prompt)
            for s in range(1, n):  # every reply shares the prompt's cache
                llama_cpp.llama_memory_seq_cp(memory, 0, s, -1, -1)
            for seed in seeds:
                chain = _internals.LlamaSampler()
                chain.add_penalties(n_vocab=self.llama._n_vocab, penalty_last_n=self.llama.last_n_tokens_size,
                                    penalty_repeat=repeat_penalty, penalty_freq=0.0, penalty_present=0.0)
                shortlist = _GrammarShortlist(self.llama._model, grammar, top_k)
                llama_cpp.llama_sampler_chain_add(chain.sampler, ctypes.pointer(shortlist.sampler))
                chain.custom_samplers.append((llama_cpp.llama_sampler_chain_n(chain.sampler) - 1, shortlist))
                chain.add_top_k(top_k)
                chain.add_typical(1.0, 1)
                chain.add_top_p(top_p, 1)
                chain.add_min_p(min_p, 1)
                chain.add_temp(temperature)
                chain.add_dist(seed)
                chains.append(chain)
                shortlists.append(shortlist)
            vocab = self.llama._model.vocab
            outputs: list[list[int]] = [[] for _ in seeds]
            live = list(range(n))
            where = {s: -1 for s in live}  # each reply's row of logits in the last batch (the prompt's last row)
            pos = len(prompt)
            while live:
                batch.n_tokens = 0
                still = []
                for s in live:
                    token = llama_cpp.llama_sampler_sample(chains[s].sampler, ctx, where[s])
                    if llama_cpp.llama_vocab_is_eog(vocab, token) or len(outputs[s]) >= max_tokens:
                        continue
                    outputs[s].append(token)
                    if len(outputs[s]) >= max_tokens:
                        continue
                    i = batch.n_tokens
                    batch.token[i], batch.pos[i], batch.n_seq_id[i] = token, pos, 1
                    batch.seq_id[i][0], batch.logits[i] = s, True
                    where[s] = i
                    batch.n_tokens = i + 1
                    still.append(s)
                live = still
                if live and llama_cpp.llama_decode(ctx, batch) != 0:
                    self._held = []
                    llama_cpp.llama_memory_clear(memory, True)
                    return None
                pos += 1
            return [(self.llama.detokenize(out).decode("utf-8", errors="ignore"), len(prompt), len(out))
                    for out in outputs]
        finally:
            llama_cpp.llama_batch_free(batch)
            for chain in chains:
                chain.close()
