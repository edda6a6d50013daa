"""One analysis per article, shared by `newsroom check`, `newsroom extract`, the build and `newsroom serve`.

Each source file is read once; its Markdown is rendered once, its HTML parsed
once, and units, awards and honours are recognised once. The result is kept
in a cache folder keyed by the file's bytes, the registry and the code, so an
unchanged article is never analysed again.
"""

from .article import ArticleAnalysis, analyse
from .batch import Analyser

__all__ = ["Analyser", "ArticleAnalysis", "analyse"]
