"""One validator for `newsroom build` and `newsroom check`: errors stop the build before a byte is written."""

from .problems import Problem, Severity

__all__ = ["Problem", "Severity", "check_site"]


def check_site(content, settings=None):
    """Every problem of a content folder (see newsroom.checks.site)."""
    from .site import check_site as check  # the analysis imports these checks: import it late

    return check(content, settings)
