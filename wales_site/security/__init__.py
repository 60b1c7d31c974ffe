"""Checks that keep harmful content off the published site."""
