"""Calling a plugin's code: whatever it raises and however long it runs, the program
goes on to a :class:`PluginError` naming the plugin.

A plugin's ``SystemExit``, ``KeyboardInterrupt`` or other ``BaseException`` would end
the program as if it had finished or been interrupted; each becomes a ``PluginError``.
The user's own Ctrl-C and SIGTERM stay what they are: the command line raises them as
:class:`Interrupted` and :class:`Terminated`, which pass through.

Time is bounded by a budget per call (:class:`Budget`). Python cannot stop a thread
from outside, and a watchdog thread would outlive the call, so the budget is kept by
the process's real-time timer: in the main thread (where POSIX delivers the alarm) its
signal raises into the plugin's code once the budget is spent, which ends a sleep, a
wait or a loop of Python code. Code that stays inside one C call is stopped when that
call returns; code that catches ``BaseException`` and carries on, and code run outside
the main thread or where there is no such timer (Windows), is stopped when it returns:
the call then fails all the same, as one that took too long. No thread or process is
started, and the timer and its handler are as they were after every call.
"""

from __future__ import annotations

import os
import signal
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import lru_cache
from time import perf_counter
from types import FrameType
from typing import Any, Generic, Literal, TypeVar

from attrs import field, frozen

from civilsamfund.core._errors import ConfigError, PluginError

T = TypeVar("T")

BUILTIN = "civilsamfund"
"""The name the library's own plugins give what they contribute: their code is the
library's, called directly, its bugs left as tracebacks."""


@frozen
class Attributed(Generic[T]):
    """A hook's result, with the plugin that gave it."""

    plugin: str
    value: T


BUDGET_VARIABLE = "CIVILSAMFUND_PLUGIN_BUDGET"
"""Seconds a plugin may take per call: ``hook=S,check=S`` (either may be left out), or
one number for both; ``0`` sets no limit. Since 0.3.0."""


def _seconds(instance: object, attribute: object, value: float) -> None:
    if not value >= 0:  # also refuses NaN
        raise ValueError(f"expected 0 or more seconds, got {value}")


@frozen(kw_only=True)
class Budget:
    """How long a plugin's code may run per call, in seconds; 0 sets no limit.

    ``hook`` bounds importing a plugin and each call of its hooks, commands' arguments,
    sections' validation and schemas; ``check`` bounds each evaluation of a plugin's
    check (its ``evaluate``, the facts it reads with its own code, a volunteer check's
    ``obligations``). A plugin's command, once running, is not bounded: its work is
    the user's.
    """

    hook: float = field(default=5.0, validator=_seconds)
    check: float = field(default=1.0, validator=_seconds)


DEFAULT_BUDGET = Budget()


def budget() -> Budget:
    """The budget ``CIVILSAMFUND_PLUGIN_BUDGET`` sets, or the default."""
    value = os.environ.get(BUDGET_VARIABLE)
    if value is None or not value.strip():
        return DEFAULT_BUDGET
    return _parsed(value)


@lru_cache(maxsize=8)
def _parsed(value: str) -> Budget:
    try:
        if "=" not in value:
            seconds = float(value)
            return Budget(hook=seconds, check=seconds)
        parts = dict(part.split("=", 1) for part in value.split(",") if part.strip())
        given = {key.strip(): float(seconds) for key, seconds in parts.items()}
        return Budget(**given)
    except (TypeError, ValueError):
        raise ConfigError.at(
            BUDGET_VARIABLE,
            "",
            f"expected seconds per call, as hook=5,check=1 or one number, got {value!r}",
        ) from None


class Interrupted(KeyboardInterrupt):
    """The user's Ctrl-C, as the command line raises it: never taken for a plugin's."""


class Terminated(BaseException):
    """SIGTERM, raised where the run is so that ``finally`` blocks clean up."""


_USERS: tuple[type[BaseException], ...] = (Interrupted, Terminated)
"""What the user, not a plugin, raised: passed on as it is."""


class _Overrun(BaseException):
    """Raised by the alarm into a plugin's code that has spent its budget; a
    ``BaseException``, so that ``except Exception`` in the plugin does not swallow it."""


_TIMED = hasattr(signal, "setitimer")
_owner: _Timer | None = None
"""The call the timer is set for, if any."""
_ready = False
"""Whether a run has set the alarm's handler for its life (:func:`timed`)."""


def _on_alarm(signum: int, frame: FrameType | None) -> None:
    owner = _owner
    if owner is not None:  # otherwise the call ended just before the alarm came
        raise _Overrun(owner)


class _Timer:
    """The real-time timer set for one call, and the handler as it was before."""

    __slots__ = ("previous",)

    def __init__(self, previous: Any) -> None:
        self.previous = previous

    @classmethod
    def start(cls, seconds: float) -> _Timer | None:
        """Set the timer for ``seconds``, unless it cannot be ours: outside the main
        thread, inside another timed call, or when someone else's handler or timer is set."""
        global _owner
        if not _TIMED or _owner is not None:
            return None
        if not _main_thread():
            return None
        previous = _on_alarm if _ready else signal.getsignal(signal.SIGALRM)
        if previous is not _on_alarm:
            if previous is not signal.SIG_DFL or signal.getitimer(signal.ITIMER_REAL)[0]:
                return None  # someone else's alarm: leave it alone
            signal.signal(signal.SIGALRM, _on_alarm)
        timer = cls(previous)
        _owner = timer
        signal.setitimer(signal.ITIMER_REAL, seconds)
        return timer

    def stop(self) -> None:
        """Unset the timer and put the handler back; a second call does nothing."""
        global _owner
        if _owner is self:
            _owner = None  # first: an alarm that comes now does nothing
            signal.setitimer(signal.ITIMER_REAL, 0)
            if self.previous is not _on_alarm:
                signal.signal(signal.SIGALRM, self.previous)


def call(
    plugin: str,
    doing: str,
    bound: Literal["hook", "check"] | None,
    function: Callable[..., T],
    *args: Any,
    seconds: float | None = None,
    passing: tuple[type[BaseException], ...] = (),
) -> T:
    """``function(*args)``, a plugin's code, within its ``bound`` of the :func:`budget`
    (``None``: unbounded), or ``seconds`` when the caller has read the budget already.

    Anything it raises but ``passing`` and the user's interrupts, ``SystemExit`` and
    ``KeyboardInterrupt`` included, becomes a :class:`PluginError` naming ``plugin``
    and what it was ``doing``; so does running over its budget.
    """
    if seconds is None:
        seconds = 0.0 if bound is None else getattr(budget(), bound)
    timer = _Timer.start(seconds) if seconds else None
    began = perf_counter()
    try:
        try:
            result = function(*args)
        finally:
            if timer is not None:
                timer.stop()
    except _Overrun as exc:
        if timer is None or exc.args[0] is not timer:
            raise  # an outer call's budget is spent: it reports it
        timer.stop()  # the alarm may have come while the timer was being unset
        raise PluginError(plugin, _late(doing, bound, seconds)) from None
    except _USERS + passing:
        raise
    except BaseException as exc:
        raise PluginError(plugin, f"{doing} failed: {exc!r}") from exc
    if seconds and perf_counter() - began > seconds:
        raise PluginError(plugin, _late(doing, bound, seconds))
    return result


def _late(doing: str, bound: str | None, seconds: float) -> str:
    return (
        f"{doing} failed: it took longer than its budget of {seconds:g} s and was stopped; "
        f"if it needs longer, raise the budget with {BUDGET_VARIABLE}={bound}=<seconds>"
    )


def _main_thread() -> bool:
    return threading.current_thread() is threading.main_thread()


@contextmanager
def timed() -> Iterator[None]:
    """Keep the alarm's handler set for a run of many timed calls (a batch), so that
    each only sets the timer: several microseconds less a call. Nothing changes
    outside the main thread, or when the alarm is someone else's."""
    global _ready
    if _ready or not (_TIMED and _main_thread()):
        yield
        return
    if signal.getsignal(signal.SIGALRM) is not signal.SIG_DFL or any(
        signal.getitimer(signal.ITIMER_REAL)
    ):
        yield
        return
    signal.signal(signal.SIGALRM, _on_alarm)
    _ready = True
    try:
        yield
    finally:
        _ready = False
        signal.signal(signal.SIGALRM, signal.SIG_DFL)


@contextmanager
def run_signals() -> Iterator[None]:
    """For the life of a command line run in the main thread: SIGTERM raises
    :class:`Terminated` and Ctrl-C :class:`Interrupted`, so that neither is taken for
    a plugin's, and the plugins' calls are :func:`timed`."""
    if not _main_thread():
        yield  # signals go to the main thread only: leave them alone
        return

    def terminate(signum: int, frame: FrameType | None) -> None:
        raise Terminated

    def interrupt(signum: int, frame: FrameType | None) -> None:
        raise Interrupted

    handlers: dict[int, Any] = {signal.SIGTERM: terminate}
    if signal.getsignal(signal.SIGINT) is signal.default_int_handler:
        handlers[signal.SIGINT] = interrupt  # an ignored Ctrl-C stays ignored
    previous = {number: signal.signal(number, handler) for number, handler in handlers.items()}
    try:
        with timed():
            yield
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)


def own_or_guarded(
    plugin: str,
    doing: str,
    bound: Literal["hook", "check"] | None,
    function: Callable[..., T],
    *args: Any,
    passing: tuple[type[BaseException], ...] = (),
) -> T:
    """``function(*args)``: the library's own code called directly (its bugs stay
    tracebacks), a plugin's through :func:`call`, named by the plugin."""
    if plugin == BUILTIN:
        return function(*args)
    return call(plugin, doing, bound, function, *args, passing=passing)
