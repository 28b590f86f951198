"""Remembering the ids of a stream in little memory: 8 bytes per id, not the id itself.

A JSON Lines stream of a million applications must be checked for repeated ids
without holding a million strings. Each id is kept as a 64-bit digest in an open
addressing table; two different ids share a digest with a chance of about one in
10^7 for a stream of a million, which would be reported as a repeated id.

The digests are spread over 256 tables by their first byte. A table three quarters
full is copied into one half as large again, so it stays between half and three
quarters full. With one table, that copy would hold the old and the new table at
once (24 MiB at half a million ids); spread out, a copy is 1/256 of that, and memory
follows the count of ids: about 11 MiB at a million.
"""

from __future__ import annotations

from array import array
from hashlib import blake2b

_TABLES = 256
_FIRST_SIZE = 64
"""Slots of each table at the start: 128 KiB in all."""


class SeenIds:
    """The set of ids seen so far, as 64-bit digests."""

    __slots__ = ("_counts", "_tables")

    def __init__(self) -> None:
        self._tables = [array("Q", bytes(8 * _FIRST_SIZE)) for _ in range(_TABLES)]
        self._counts = [0] * _TABLES

    def add(self, key: str) -> bool:
        """Remember ``key``; ``False`` if it was seen before."""
        digest = (
            int.from_bytes(
                blake2b(key.encode("utf-8", "surrogatepass"), digest_size=8).digest(), "little"
            )
            | 1  # 0 marks an empty slot
        )
        which = digest >> 56
        table = self._tables[which]
        size = len(table)
        slot = digest % size
        while (held := table[slot]) != 0:
            if held == digest:
                return False
            slot = slot + 1 if slot + 1 < size else 0
        table[slot] = digest
        count = self._counts[which] = self._counts[which] + 1
        if 4 * count > 3 * size:
            self._tables[which] = _grown(table)
        return True


def _grown(old: array[int]) -> array[int]:
    size = len(old) * 3 // 2
    table = array("Q", bytes(8 * size))
    for digest in old:
        if digest:
            slot = digest % size
            while table[slot]:
                slot = slot + 1 if slot + 1 < size else 0
            table[slot] = digest
    return table
