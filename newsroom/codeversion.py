"""A digest of the portal's code: anything remembered between builds is keyed by it."""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

import markdown
from lxml import etree


@lru_cache(maxsize=1)
def code_version() -> str:
    """Changes with any source file of the package, and with the Markdown and HTML parser versions."""
    digest = hashlib.sha256()
    package = Path(__file__).resolve().parent
    for path in sorted(package.rglob("*.py")):
        digest.update(path.relative_to(package).as_posix().encode() + b"\0" + path.read_bytes())
    digest.update(f"{markdown.__version__} {etree.LXML_VERSION} {etree.LIBXML_VERSION}".encode())
    return digest.hexdigest()
