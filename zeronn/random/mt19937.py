"""The Mersenne Twister, MT19937, as NumPy's legacy ``RandomState`` seeds it and reads it.

Every number ``RandomState`` gives starts as 32-bit words from one MT19937 generator:
624 words of state and a position in them. Python's own ``random.Random`` is the same
generator, so zeronn reads the words from one, after giving it the state NumPy's seeding
makes (the seeding is where the two differ: NumPy's ``seed(s)`` is MT19937's
``init_genrand(s)``, Python's its ``init_by_array``). NumPy reads the words three ways:

- ``next_uint32()``: one word;
- ``next_uint64()``: two words, the first one the high half;
- ``next_double()``: a float in [0, 1) from two words (27 + 26 bits), exactly
  ``random.Random.random``;
- ``gauss``: the second normal of the last pair the polar method made (see
  ``continuous.gauss``); NumPy keeps it beside the generator, and its state tuple
  carries it, so it lives here with the words.

>>> bits = MT19937(0)
>>> bits.next_uint32(), bits.next_uint64(), bits.next_double()
(2357136044, 10936052917074306677, 0.8442657485810173)
>>> bits.seed(2**32)
Traceback (most recent call last):
...
ValueError: Seed must be between 0 and 2**32 - 1
"""

from __future__ import annotations

__all__ = ["MT19937", "KEYS"]

import operator
import os
import random
from functools import partial
from typing import Any, Callable, List, Optional, Sequence

from .._shape import OutOfBoundsError
from ..core import Tensor, tensor
from ..dtypes import IntegerOutOfBoundsError

KEYS = 624  # words of Mersenne Twister state
_WORD = 0xFFFFFFFF


class MT19937:
    """NumPy's MT19937 bit generator with its legacy seeding, and the kept normal.

    >>> MT19937([1, 2, 3]).next_double()
    0.6098612722867289
    """

    __slots__ = ("_python", "next_double", "next_uint32", "gauss")

    def __init__(self, seed: Any = None) -> None:
        self._python = random.Random()
        # Bound once, C functions both: the distributions call them millions of times.
        self.next_double: Callable[[], float] = self._python.random
        self.next_uint32: Callable[[], int] = partial(self._python.getrandbits, 32)
        self.gauss: Optional[float] = None
        self.seed(seed)

    def next_uint64(self) -> int:
        """A 64-bit word from two 32-bit ones, the first the high half (NumPy's order;
        Python's ``getrandbits(64)`` puts the first one low).

        >>> bits = MT19937(0); high, low = bits.next_uint32(), bits.next_uint32()
        >>> MT19937(0).next_uint64() == high << 32 | low
        True
        """
        draw = self._python.getrandbits
        return (draw(32) << 32) | draw(32)

    # -----------------------------------------------------------------------
    # Seeding (NumPy's MT19937._legacy_seeding)
    # -----------------------------------------------------------------------

    def seed(self, seed: Any = None) -> None:
        """Seed as NumPy's legacy ``seed`` does: an int in [0, 2**32) through
        ``init_genrand``, a 1-d sequence of such ints through ``init_by_array``, or
        ``None`` for fresh words from the operating system.

        >>> bits = MT19937(); bits.seed([1, 2, 3]); bits.keys[:2], bits.position
        ([2147483648, 188977461], 624)
        >>> bits.seed(1.5)
        Traceback (most recent call last):
        ...
        TypeError: Cannot cast scalar from dtype('float64') to dtype('int64') according to the rule 'safe'

        Raises ``ValueError`` for a value out of range, an empty or a 2-d sequence, and
        ``TypeError`` for floats (NumPy casts the sequence to int64 "safely").
        """
        self.gauss = None
        if seed is None:
            # As NumPy: 623 fresh words after a first word with its top bit set (so the
            # state is never all zero), and the position left where it was.
            words = list(memoryview(os.urandom(4 * KEYS)).cast("I"))
            words[0] = 0x80000000
            self._set(words, self.position)
            return
        single = _single_int(seed)
        if single is not None:
            if not 0 <= single <= _WORD:
                raise ValueError("Seed must be between 0 and 2**32 - 1")
            self._set(_init_genrand(single), KEYS)
            return
        values = _seed_sequence(seed)
        if not all(0 <= value <= _WORD for value in values):
            raise ValueError("Seed must be between 0 and 2**32 - 1")
        self._set(_init_by_array(values), KEYS)

    # -----------------------------------------------------------------------
    # State
    # -----------------------------------------------------------------------

    @property
    def keys(self) -> List[int]:
        """The 624 words of state.

        >>> MT19937(5).keys[:3]
        [5, 472231674, 2253902500]
        """
        return list(self._python.getstate()[1][:KEYS])

    @property
    def position(self) -> int:
        """How many of the 624 words have been read since the last twist (624: none left).

        >>> bits = MT19937(5); bits.next_double(); bits.position
        0.22199317108973948
        2
        """
        return int(self._python.getstate()[1][KEYS])

    def set_state(self, keys: Any, position: Any) -> None:
        """Restore 624 words and a position (NumPy reads the first 624 of ``keys``).

        Raises an ``IndexError`` (also a ``ValueError``) for fewer than 624 words or a
        position outside 0..624 (where NumPy would read past its state), and a
        ``ValueError`` (also an ``OverflowError``, NumPy's type) for a word outside
        [0, 2**32).

        >>> bits = MT19937(0); words = bits.keys; first = bits.next_uint32()
        >>> bits.set_state(words, 624); bits.next_uint32() == first
        True
        >>> bits.set_state(words[:10], 624)  # doctest: +IGNORE_EXCEPTION_DETAIL
        Traceback (most recent call last):
        ...
        OutOfBoundsError: state must hold 624 keys, got 10
        """
        given: List[Any] = keys.to_flat_list() if isinstance(keys, Tensor) else list(keys)
        if len(given) < KEYS:
            raise OutOfBoundsError(f"state must hold {KEYS} keys, got {len(given)}")
        words = [operator.index(word) for word in given[:KEYS]]
        if not all(0 <= word <= _WORD for word in words):
            raise IntegerOutOfBoundsError("state keys must be between 0 and 2**32 - 1")
        position = operator.index(position)
        if not 0 <= position <= KEYS:
            raise OutOfBoundsError(f"state position must be in 0..{KEYS}, got {position}")
        self._set(words, position)

    def _set(self, words: Sequence[int], position: int) -> None:
        self._python.setstate((3, tuple(words) + (position,), None))


# ---------------------------------------------------------------------------
# MT19937's two seeding routines
# ---------------------------------------------------------------------------


def _init_genrand(seed: int) -> List[int]:
    """MT19937's ``init_genrand``: the state NumPy's ``seed(int)`` makes."""
    key = [seed]
    for i in range(1, KEYS):
        previous = key[-1]
        key.append((1812433253 * (previous ^ (previous >> 30)) + i) & _WORD)
    return key


def _init_by_array(values: Sequence[int]) -> List[int]:
    """MT19937's ``init_by_array``: the state NumPy's ``seed([a, b, ...])`` makes."""
    key = _init_genrand(19650218)
    i, j = 1, 0
    for _ in range(max(KEYS, len(values))):
        key[i] = ((key[i] ^ ((key[i - 1] ^ (key[i - 1] >> 30)) * 1664525)) + values[j] + j) & _WORD
        i, j = i + 1, j + 1
        if i >= KEYS:
            key[0], i = key[KEYS - 1], 1
        if j >= len(values):
            j = 0
    for _ in range(KEYS - 1):
        key[i] = ((key[i] ^ ((key[i - 1] ^ (key[i - 1] >> 30)) * 1566083941)) - i) & _WORD
        i += 1
        if i >= KEYS:
            key[0], i = key[KEYS - 1], 1
    key[0] = 0x80000000  # the most significant bit set: the state is never all zero
    return key


# ---------------------------------------------------------------------------
# What a seed is
# ---------------------------------------------------------------------------


def _single_int(seed: Any) -> Optional[int]:
    """The seed as one int if it is one (NumPy: ``operator.index`` of the squeezed seed,
    so ``np.array([5])`` seeds as ``5``), else None."""
    if isinstance(seed, Tensor):
        if seed.size == 1 and seed.dtype.kind in "iu":
            return int(seed.item())
        return None
    try:
        return operator.index(seed)
    except TypeError:
        return None


def _seed_sequence(seed: Any) -> List[int]:
    """The words of a sequence seed, checked as NumPy checks them."""
    if isinstance(seed, Tensor):
        values = seed
    elif isinstance(seed, float):
        raise TypeError("Cannot cast scalar from dtype('float64') to dtype('int64') according to the rule 'safe'")
    else:
        try:
            values = tensor(seed if isinstance(seed, (list, tuple, range)) else list(seed))
        except TypeError:
            raise TypeError(
                f"Cannot use {type(seed).__name__} {_brief(seed)} as a seed: "
                "it must be an int or a 1-d sequence of ints"
            ) from None
    if values.size == 0:
        raise ValueError("Seed must be non-empty")
    if values.dtype.kind not in "biu" or values.dtype.name == "uint64":
        raise TypeError(f"Cannot cast array data from dtype('{values.dtype.name}') to dtype('int64') "
                        "according to the rule 'safe'")
    if values.ndim != 1:
        raise ValueError("Seed array must be 1-d")
    return [int(value) for value in values.to_flat_list()]


def _brief(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."

