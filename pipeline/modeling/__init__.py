"""Outcome models: the decision reader and the reasoning model, their splits and artifacts."""
