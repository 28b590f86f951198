"""How much a reader takes in before it refuses: limits with documented defaults.

Without limits a 5 MB file of a million ``null`` items, a symlink to ``/dev/zero`` or
JSON nested a thousand levels deep costs gigabytes or a crash. Every limit can be
raised (``Limits(max_items=...)``, or the command line's ``--max-*`` options).
"""

from __future__ import annotations

from attrs import field, frozen

from civilsamfund.core._validators import at_least

MIB = 1 << 20


@frozen(kw_only=True)
class Limits:
    """What one input may hold; a file beyond a limit is refused with a message naming it.

    ``max_file_bytes`` and ``max_items`` bound a JSON or TOML document, which is read
    whole; a JSON Lines stream is read one line at a time, each line at most
    ``max_line_bytes``, and may hold any number of items. The defaults admit a round of
    100,000 applications of about a kilobyte each in one document. ``max_problems`` is how many
    problems an error lists before it says how many more there are.
    """

    max_file_bytes: int = field(default=128 * MIB, validator=at_least(1))
    max_line_bytes: int = field(default=1 * MIB, validator=at_least(1))
    max_items: int = field(default=100_000, validator=at_least(1))
    max_depth: int = field(default=16, validator=at_least(1))
    max_string: int = field(default=10_000, validator=at_least(1))
    max_problems: int = field(default=100, validator=at_least(1))


DEFAULT_LIMITS = Limits()
