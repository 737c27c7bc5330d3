"""Scoring helpers shared by the evaluation scripts and quality gates."""
