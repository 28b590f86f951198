"""Remembering the ids of a stream in little memory: 8 bytes per id, not the id itself.

A JSON Lines stream of a million applications must be checked for repeated ids
without holding a million strings. Each id is kept as a 64-bit digest in an open
addressing table; two different ids share a digest with a chance of about one in
10^7 for a stream of a million, which would be reported as a repeated id.
"""

from __future__ import annotations

from array import array
from hashlib import blake2b


class SeenIds:
    """The set of ids seen so far, as 64-bit digests."""

    __slots__ = ("_count", "_mask", "_table")

    def __init__(self) -> None:
        self._table = array("Q", bytes(8 * 1024))
        self._mask = 1023
        self._count = 0

    def add(self, key: str) -> bool:
        """Remember ``key``; ``False`` if it was seen before."""
        digest = (
            int.from_bytes(
                blake2b(key.encode("utf-8", "surrogatepass"), digest_size=8).digest(), "little"
            )
            | 1
        )
        table, mask = self._table, self._mask
        slot = digest & mask
        while (held := table[slot]) != 0:
            if held == digest:
                return False
            slot = (slot + 1) & mask
        table[slot] = digest
        self._count += 1
        if self._count * 2 > mask:
            self._grow()
        return True

    def _grow(self) -> None:
        old = self._table
        self._table = array("Q", bytes(16 * len(old)))
        self._mask = 2 * len(old) - 1
        self._count = 0
        for digest in old:
            if digest:
                slot = digest & self._mask
                while self._table[slot]:
                    slot = (slot + 1) & self._mask
                self._table[slot] = digest
                self._count += 1
