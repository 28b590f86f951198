"""Grants: applications to a municipality's pools, assessed criterion by criterion."""
