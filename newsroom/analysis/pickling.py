"""Analyses as bytes (cache entries, results of worker processes): registry entries travel as their slugs.

Pickled whole, every analysis carried its own copies of the units and awards
it names (a sixth of its bytes), and reading it back made new objects for
each: time on every cached article, and memory on large sites. An entry is
written as (registry digest, kind, slug) and read back as the registry's own
object. The digest is part of every cache key, so the registry an entry
names is the one loaded; if it is not loaded, reading fails and the article
is analysed again, as with any entry that cannot be read.
"""

from __future__ import annotations

import io
import pickle

from newsroom.core.registry import Award, Registry, Unit

_REGISTRIES: dict[str, Registry] = {}


def known_registry(digest: str, registry: Registry) -> None:
    """Entries of `registry` may be written by slug and read back (in this process and its forks)."""
    _REGISTRIES[digest] = registry


def dumps(value, digest: str) -> bytes:
    buffer = io.BytesIO()
    _Pickler(buffer, digest).dump(value)
    return buffer.getvalue()


def loads(data: bytes):
    return pickle.loads(data)


def registry_entry(digest: str, kind: str, slug: str):
    table = _REGISTRIES[digest].units if kind == "unit" else _REGISTRIES[digest].awards
    return table[slug]


class _Pickler(pickle.Pickler):
    def __init__(self, file, digest: str):
        super().__init__(file, protocol=pickle.HIGHEST_PROTOCOL)
        registry = _REGISTRIES.get(digest)
        self.digest = digest
        self.units = registry.units if registry else {}
        self.awards = registry.awards if registry else {}

    def reducer_override(self, obj):
        # Called only for objects of other types than str, int, list, dict…: cheap for everything else.
        kind = type(obj)
        if kind is Unit and self.units.get(obj.slug) is obj:
            return registry_entry, (self.digest, "unit", obj.slug)
        if kind is Award and self.awards.get(obj.slug) is obj:
            return registry_entry, (self.digest, "award", obj.slug)
        return NotImplemented
