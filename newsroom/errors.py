"""Failures the commands report as messages, never as tracebacks."""

from __future__ import annotations


class BuildFailed(Exception):
    """The build stopped; `messages` say why, each naming a file where one is known."""

    def __init__(self, messages: list[str]):
        super().__init__("\n".join(messages))
        self.messages = messages
