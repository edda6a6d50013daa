"""The office news portal: recognition of units and awards, and the `newsroom` command."""
