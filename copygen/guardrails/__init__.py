"""Deterministic guardrails: rule packs, the engine that runs them, and the measurements behind them."""
