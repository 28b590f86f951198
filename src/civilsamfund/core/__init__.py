"""The shared core every domain builds on: text, money, dates, sources, errors, audit.

Its public names are re-exported from :mod:`civilsamfund`; import them from there.
"""
