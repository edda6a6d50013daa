"""One module per `newsroom` subcommand; each has `add_arguments(parser)` and `run(args) -> int`."""
