"""Failures the commands report as messages, never as tracebacks."""

from __future__ import annotations


class BuildFailed(Exception):
    """The build stopped; `messages` say why, each naming a file where one is known.

    `reasons` are the same, as given: the content's Problems (newsroom.problems) stay Problems, so that
    what shows them (serve's panel) reads their fields instead of parsing their text.
    """

    def __init__(self, reasons: list):
        self.reasons = list(reasons)
        self.messages = [str(reason) for reason in self.reasons]
        super().__init__("\n".join(self.messages))
