"""kakehashi (架け橋): a local-first, OpenAI-compatible LLM gateway."""

__version__ = "0.1.0"
