"""`python -m timeline` runs the command line."""
from .cli import run

run()
