"""Getting models: a Hugging Face-compatible hub client, the local model cache, Ollama's store, and the one
name resolver that `serve -m`, `inspect` and `estimate` share."""
