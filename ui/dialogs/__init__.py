"""Dialogs of the editor (Build MLP…)."""
