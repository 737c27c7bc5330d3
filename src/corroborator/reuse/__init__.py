"""Text reuse and derivation: copies, near-copies, rewrites, partial copies, lineages."""
