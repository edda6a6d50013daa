"""One validator for `newsroom build` and `newsroom check`: errors stop the build before a byte is written."""

from .problems import Problem, Severity
from .site import check_site

__all__ = ["Problem", "Severity", "check_site"]
