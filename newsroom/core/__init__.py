"""The portal's brain, in plain Python: no Pelican import here.

Text normalisation, the registry of units and awards, recognition and
honours live in this package so the command line and the tests reuse them
without building a site.
"""
