"""`python -m copygen`: the same as the `copygen` command."""

from .cli import main

main()
