"""A problem found in the content: where, how bad, and what to do, in Vietnamese then English."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from pathlib import Path


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Problem:
    path: Path
    line: int
    severity: Severity
    vietnamese: str
    english: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.severity.value}: {self.vietnamese} / {self.english}"

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR


def error(path: Path, line: int, vietnamese: str, english: str) -> Problem:
    return Problem(Path(path), line, Severity.ERROR, vietnamese, english)


def warning(path: Path, line: int, vietnamese: str, english: str) -> Problem:
    return Problem(Path(path), line, Severity.WARNING, vietnamese, english)
