"""Reusable layout pieces."""
