"""Plugins: the hook specifications (:mod:`civilsamfund.plugins.hookspecs`) and the manager."""
