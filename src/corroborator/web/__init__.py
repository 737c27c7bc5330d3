"""Templates and static files of the web dossier (package data, no Python)."""
