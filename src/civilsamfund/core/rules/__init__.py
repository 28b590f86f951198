"""The rules core: checks judge a subject, rules configure them, findings explain them.

Its public names are re-exported from :mod:`civilsamfund`; import them from there.
"""
