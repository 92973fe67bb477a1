"""What NumPy does when arithmetic goes wrong: ``errstate``, ``seterr``, ``geterr``.

IEEE 754 arithmetic never stops a program: ``1.0 / 0.0`` is ``inf``, ``0.0 / 0.0`` is
``nan``, ``1e308 * 10`` is ``inf``. Instead the processor raises one of four *flags*,
and NumPy looks at them after every ufunc and acts as it has been told to:

===========  =============================================================  ========
flag         raised by                                                      default
===========  =============================================================  ========
``divide``   an infinite result from finite numbers: ``1.0 / 0.0``,         warn
             ``log(0.0)``; and any integer division by zero
``over``     a result too large for its dtype: ``exp(1000.0)``,              warn
             ``1e308 * 10``, ``int8(-128) // -1``
``under``    a result too close to zero to keep its precision:              ignore
             ``exp(-1000.0)``
``invalid``  a result that is no number: ``0.0 / 0.0``, ``inf - inf``,      warn
             ``sqrt(-1.0)``, ``log(-1.0)``
===========  =============================================================  ========

What to do with a flag is one of ``'ignore'``; ``'warn'``, a ``RuntimeWarning``
("divide by zero encountered in divide"); ``'raise'``, a ``FloatingPointError`` with
the same words; ``'call'``, a call of the function given to ``seterrcall`` with the
kind of error and all the flags as a number (``divide + 2*over + 4*under + 8*invalid``);
``'print'``, the words on standard output; ``'log'``, the words written to the object
given to ``seterrcall``. The answer itself (``inf``, ``nan``, ``0``) is the same
whatever the mode: only what happens besides it changes.

The public names:

- ``errstate(**modes)``: the modes inside a ``with`` block (or a decorated function),
  as they were again after it;
- ``seterr(all=None, divide=None, over=None, under=None, invalid=None)``: set modes,
  returning the old ones; ``geterr()``: the modes now;
- ``seterrcall(func)``, ``geterrcall()``: the function (or log object) for ``'call'``
  and ``'log'``;
- ``report(flags, name)``: what the loops call after ufunc ``name`` raised ``flags``;
  ``watching()`` and ``watching_under()`` tell them whether to look at all;
- ``deferred(name)``: flags raised inside it reported once, as raised by ``name``
  (``divmod`` is a floor division and a remainder; ``np.add.reduce`` reports as
  ``reduce``);
- ``warn(message)``: NumPy's other ``RuntimeWarning``s ("Mean of empty slice."), pointing,
  as these do, at the first line outside zeronn.

The modes live in a ``contextvars.ContextVar``, as NumPy's do: each thread and each
asyncio task has its own, and an ``errstate`` block changes only its own context.

>>> with errstate(divide="raise"):
...     report({"divide"}, "divide")
Traceback (most recent call last):
...
FloatingPointError: divide by zero encountered in divide
>>> with errstate(all="ignore"):
...     report({"invalid"}, "sqrt")     # nothing happens
>>> geterr()
{'divide': 'warn', 'over': 'warn', 'under': 'ignore', 'invalid': 'warn'}
"""

from __future__ import annotations

__all__ = [
    "errstate",
    "seterr",
    "geterr",
    "seterrcall",
    "geterrcall",
    "report",
    "watching",
    "watching_under",
    "deferred",
    "warn",
]

import functools
import sys
import warnings
from contextlib import contextmanager
from contextvars import ContextVar, Token
from typing import Any, Callable, Dict, Iterable, Iterator, NamedTuple, Optional, Set, Tuple, TypeVar

FLAGS = ("divide", "over", "under", "invalid")  # NumPy's order, which is also the order it reports in
MODES = ("ignore", "warn", "raise", "call", "print", "log")
_WORDS = {"divide": "divide by zero", "over": "overflow", "under": "underflow", "invalid": "invalid value"}
_BITS = {"divide": 1, "over": 2, "under": 4, "invalid": 8}

Function = TypeVar("Function", bound=Callable[..., Any])


class _State(NamedTuple):
    """The modes of the four flags and the ``seterrcall`` function: one context's settings."""

    divide: str
    over: str
    under: str
    invalid: str
    call: Any


_NUMPYS_DEFAULT = _State(divide="warn", over="warn", under="ignore", invalid="warn", call=None)
_state: ContextVar[_State] = ContextVar("errstate", default=_NUMPYS_DEFAULT)  # (a tuple: immutable)
_collected: ContextVar[Optional[Set[str]]] = ContextVar("deferred_flags", default=None)


# ---------------------------------------------------------------------------
# Setting the modes
# ---------------------------------------------------------------------------


def seterr(
    all: Optional[str] = None,
    divide: Optional[str] = None,
    over: Optional[str] = None,
    under: Optional[str] = None,
    invalid: Optional[str] = None,
) -> Dict[str, str]:
    """Set how each floating-point error is handled, and return the old settings
    (``np.seterr``). ``all`` sets the four at once; the others then override it.

    It changes the current context for good: ``errstate`` is the tidier way, since it
    puts the old settings back by itself.

    >>> old = seterr(all="ignore", invalid="raise")
    >>> geterr()
    {'divide': 'ignore', 'over': 'ignore', 'under': 'ignore', 'invalid': 'raise'}
    >>> seterr(**old)["invalid"]
    'raise'
    >>> seterr(divide="loud")
    Traceback (most recent call last):
    ...
    ValueError: invalid error mode 'loud'
    """
    old = geterr()
    _state.set(_changed(_state.get(), all, divide, over, under, invalid))
    return old


def geterr() -> Dict[str, str]:
    """How each floating-point error is handled now (``np.geterr``).

    >>> geterr()
    {'divide': 'warn', 'over': 'warn', 'under': 'ignore', 'invalid': 'warn'}
    """
    state = _state.get()
    return {flag: getattr(state, flag) for flag in FLAGS}


def seterrcall(func: Any) -> Any:
    """Set the function that the ``'call'`` mode calls (with the kind of error and the
    flags as a number) or the object whose ``write`` the ``'log'`` mode writes to, and
    return the old one (``np.seterrcall``). ``None`` removes it.

    >>> seen = []
    >>> old = seterrcall(lambda kind, flags: seen.append((kind, flags)))
    >>> with errstate(all="call"):
    ...     report({"divide", "invalid"}, "divmod")
    >>> seen, seterrcall(old) is not None
    ([('divide by zero', 9), ('invalid value', 9)], True)
    >>> seterrcall(3)
    Traceback (most recent call last):
    ...
    TypeError: python object must be callable or have a callable write method
    """
    _check_callable(func)
    old = _state.get().call
    _state.set(_state.get()._replace(call=func))
    return old


def geterrcall() -> Any:
    """The function (or log object) set by ``seterrcall``; ``None`` by default (``np.geterrcall``).

    >>> geterrcall() is None
    True
    """
    return _state.get().call


_UNSET: Any = object()


class errstate:
    """Floating-point error handling for a ``with`` block or a decorated function
    (``np.errstate``); the settings before it come back after it, even after an error.

    Keywords: ``all``, ``divide``, ``over``, ``under``, ``invalid`` (each a mode:
    ``'ignore'``, ``'warn'``, ``'raise'``, ``'call'``, ``'print'``, ``'log'``) and
    ``call`` (the ``seterrcall`` function for the block).

    >>> with errstate(over="raise"):
    ...     geterr()["over"]
    'raise'
    >>> @errstate(all="ignore")
    ... def quiet():
    ...     return geterr()["divide"]
    >>> quiet(), geterr()["divide"]
    ('ignore', 'warn')
    >>> errstate(divide="never")
    Traceback (most recent call last):
    ...
    ValueError: invalid error mode 'never'
    """

    __slots__ = ("_modes", "_call", "_token")

    def __init__(
        self,
        *,
        call: Any = _UNSET,
        all: Optional[str] = None,
        divide: Optional[str] = None,
        over: Optional[str] = None,
        under: Optional[str] = None,
        invalid: Optional[str] = None,
    ) -> None:
        self._modes = (all, divide, over, under, invalid)
        _changed(_state.get(), *self._modes)  # a bad mode is refused now, not at ``with``
        if call is not _UNSET:
            _check_callable(call)
        self._call = call
        self._token: Optional[Token[_State]] = None

    def _settings(self) -> _State:
        state = _changed(_state.get(), *self._modes)
        return state if self._call is _UNSET else state._replace(call=self._call)

    def __enter__(self) -> None:
        if self._token is not None:
            raise TypeError("Cannot enter `np.errstate` twice.")
        self._token = _state.set(self._settings())

    def __exit__(self, *exc_info: Any) -> None:
        assert self._token is not None  # (only ``with`` calls this, after __enter__)
        _state.reset(self._token)

    def __call__(self, function: Function) -> Function:
        """Use as a decorator: the settings hold while ``function`` runs."""

        @functools.wraps(function)
        def inner(*args: Any, **kwargs: Any) -> Any:
            token = _state.set(self._settings())  # a token per call: safe in threads and recursion
            try:
                return function(*args, **kwargs)
            finally:
                _state.reset(token)

        return inner  # type: ignore[return-value]


# ---------------------------------------------------------------------------
# Reporting: what the loops call
# ---------------------------------------------------------------------------


def watching() -> Tuple[bool, bool]:
    """Whether a ``divide``, ``over`` or ``invalid`` flag would do anything now, and whether
    an ``under`` flag would: the loops skip looking for flags that nobody asks about.

    >>> watching()
    (True, False)
    >>> with errstate(all="ignore", under="warn"):
    ...     watching()
    (False, True)
    """
    state = _state.get()
    return not (state.divide == state.over == state.invalid == "ignore"), state.under != "ignore"


def watching_under() -> bool:
    """Whether an ``under`` flag would do anything now (NumPy ignores it by default): the
    one question a loop whose results are all numbers still has to ask.

    >>> watching_under(), errstate(under="raise")(watching_under)()
    (False, True)
    """
    return _state.get().under != "ignore"


def report(flags: Iterable[str], name: str) -> None:
    """Act on the ``flags`` ufunc ``name`` raised, each as its mode says, in NumPy's order
    (divide, over, under, invalid): warn, raise, call, print or log. Inside ``deferred``
    the flags are kept for it instead.

    >>> with errstate(all="raise"):
    ...     report({"invalid", "over"}, "floor_divide")
    Traceback (most recent call last):
    ...
    FloatingPointError: overflow encountered in floor_divide
    """
    raised = set(flags)
    if not raised:
        return
    collecting = _collected.get()
    if collecting is not None:
        collecting.update(raised)
        return
    state = _state.get()
    bits = sum(_BITS[flag] for flag in raised)
    for flag in FLAGS:
        if flag not in raised:
            continue
        mode = getattr(state, flag)
        message = f"{_WORDS[flag]} encountered in {name}"
        if mode == "warn":
            warnings.warn(message, RuntimeWarning, stacklevel=_caller_level())
        elif mode == "raise":
            raise FloatingPointError(message)
        elif mode == "print":
            print(f"Warning: {message}")
        elif mode in ("call", "log"):
            _call(state.call, mode, flag, name, message, bits)


@contextmanager
def deferred(name: str) -> Iterator[None]:
    """Keep the flags raised inside, and report them once at the end as raised by ``name``.

    NumPy's ``divmod`` is one loop, so ``divmod(1.0, 0.0)`` reports "divide by zero
    encountered in divmod", not one message from the division and another from the
    remainder; and an error inside ``np.floor_divide.reduce`` is "... in reduce".

    >>> with errstate(divide="raise"), deferred("divmod"):
    ...     report({"divide"}, "floor_divide")
    ...     report({"invalid"}, "remainder")
    Traceback (most recent call last):
    ...
    FloatingPointError: divide by zero encountered in divmod
    """
    kept: Set[str] = set()
    token = _collected.set(kept)
    try:
        yield
    finally:
        _collected.reset(token)
    report(kept, name)


def warn(message: str) -> None:
    """A ``RuntimeWarning`` with ``message``, shown at the caller's line outside this package.

    >>> import warnings
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     warn("Mean of empty slice.")
    >>> caught[0].category.__name__, str(caught[0].message)
    ('RuntimeWarning', 'Mean of empty slice.')
    """
    warnings.warn(message, RuntimeWarning, stacklevel=_caller_level())


# ---------------------------------------------------------------------------
# Private helpers
# ---------------------------------------------------------------------------


def _changed(
    state: _State, all: Optional[str], divide: Optional[str], over: Optional[str],
    under: Optional[str], invalid: Optional[str],
) -> _State:
    """``state`` with the modes given (``all`` first, the single flags over it), each checked."""
    changes: Dict[str, str] = {}
    for flag, mode in zip(("all",) + FLAGS, (all, divide, over, under, invalid)):
        if mode is None:
            continue
        if mode not in MODES:
            raise ValueError(f"invalid error mode {mode!r}")
        changes.update(dict.fromkeys(FLAGS, mode) if flag == "all" else {flag: mode})
    return state._replace(**changes)


def _check_callable(func: Any) -> None:
    if func is not None and not callable(func) and not callable(getattr(func, "write", None)):
        raise TypeError("python object must be callable or have a callable write method")


def _call(handler: Any, mode: str, flag: str, name: str, message: str, bits: int) -> None:
    """The ``'call'`` and ``'log'`` modes (NumPy's words, and its NameError, when nothing is set)."""
    if handler is None:
        raise NameError(f"python callback specified for {_WORDS[flag]} (in  {name}) but no function found.")
    if mode == "call":
        handler(_WORDS[flag], bits)
    else:
        handler.write(f"Warning: {message}\n")


_PACKAGE = __name__.rpartition(".")[0] + "."  # "zeronn." or whatever a vendored copy is called
_PACKAGE_AND_CONTEXTLIB = (_PACKAGE, "contextlib")  # (deferred's report runs from a with-statement's exit)


def _caller_level() -> int:
    """The ``stacklevel`` that makes a warning point at the first line outside this package:
    the user's ``x / 0``, not the loop inside zeronn that found the flag."""
    level, frame = 1, sys._getframe(1)
    while frame is not None and frame.f_globals.get("__name__", "").startswith(_PACKAGE_AND_CONTEXTLIB):
        level, frame = level + 1, frame.f_back  # type: ignore[assignment]
    return level
