"""The memo of findings keeps findings only while keeping them pays."""

from __future__ import annotations

from civilsamfund.core.rules._evaluator import Memo


def test_keys_that_never_repeat_stop_being_kept():
    """After the trial, a memo whose lookups never hit keeps nothing new."""
    memo = Memo()
    for key in range(Memo.TRIAL + 100):
        assert memo.get(key) is None
        memo.offer(key, object())
    assert len(memo.findings) == Memo.TRIAL


def test_keys_that_repeat_keep_being_kept():
    """A memo whose lookups often hit goes on keeping new findings."""
    memo = Memo()
    for key in range(Memo.TRIAL + 100):
        for _ in range(3):
            if memo.get(key) is None:
                memo.offer(key, object())
    assert len(memo.findings) == Memo.TRIAL + 100
