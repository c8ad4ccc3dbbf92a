"""Explore: step through the forward and backward passes (inspector, quiz, timeline, examples,
expression bar, numerical check)."""
