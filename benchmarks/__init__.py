"""Benchmarks: a generated corpus of known figures and the script that times every stage on it."""
