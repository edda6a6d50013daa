"""The content folder: which files are articles and pages, where each is written, what its links lead to.

Declared once here; the analysis, the checks, the plugin and the commands ask these modules.
"""
