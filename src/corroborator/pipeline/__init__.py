"""The stages run in order over one store: ingest → analyse → reuse → stories → compare."""
