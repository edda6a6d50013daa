"""One validator for `newsroom build` and `newsroom check`: errors stop the build before a byte is written.

The checks read the one analysis of each file (newsroom.analysis) and sit above it: nothing below imports them.
"""
