"""``np.random``: NumPy's legacy random functions, giving NumPy's very numbers for a seed.

The book starts every network from ``np.random.randn`` and draws every batch with
``np.random.choice``. With ``zeronn.random.seed(s)`` these give exactly the numbers
``numpy.random.seed(s)`` gives, so a zeronn run and a NumPy run can be compared step
by step.

NumPy's legacy generator (``RandomState``) is the Mersenne Twister, MT19937, and so is
Python's own ``random`` module: the same 624 words of state and the same stream of
32-bit numbers. Only the seeding differs (NumPy's ``seed(s)`` fills the state with
``init_genrand(s)``, Python's with ``init_by_array``), so this module seeds the state
itself and hands it to a ``random.Random`` with ``setstate``. On that stream, as NumPy
does:

- a float in [0, 1) takes two 32-bit draws (``random.random()`` is exactly that);
- a normal takes pairs of floats by the polar method and keeps the second of each pair;
- an integer in a range draws 32 bits (64 for a range wider than 32 bits), keeps the
  low bits under a mask and draws again until the value is in range;
- shuffling swaps from the last element down (Fisher-Yates).

The functions, all methods of the module's own ``RandomState``: ``seed``, ``rand``,
``randn``, ``random_sample`` (and ``random``), ``randint``, ``choice``, ``permutation``,
``shuffle``, ``normal``, ``uniform``, ``get_state``, ``set_state``.

>>> seed(0)
>>> randn(2, 3)
tensor([[ 1.76405235,  0.40015721,  0.97873798],
        [ 2.2408932 ,  1.86755799, -0.97727788]])
>>> choice(10, 4), rand()
(tensor([4, 7, 6, 8]), 0.9636627605010293)
"""

from __future__ import annotations

__all__ = [
    "RandomState",
    "seed",
    "rand",
    "randn",
    "random_sample",
    "random",
    "randint",
    "choice",
    "permutation",
    "shuffle",
    "normal",
    "uniform",
    "get_state",
    "set_state",
]

import math
import os
import random as _python_random
from bisect import bisect_right
from typing import Any, Dict, List, Optional, Sequence, Tuple, Union

from . import casting, dtypes
from ._shape import size_of
from .core import Tensor, as_tensor, tensor
from .dtypes import float64, int64

Size = Optional[Union[int, Sequence[int]]]
_N = 624  # words of Mersenne Twister state
_MASK32 = 0xFFFFFFFF


class RandomState:
    """NumPy's legacy ``RandomState``: an MT19937 generator and the functions on top of it.

    ``RandomState(seed)`` makes an independent generator; the module's functions use one
    shared instance, as ``np.random``'s do.

    >>> RandomState(42).randint(0, 100, size=5)
    tensor([51, 92, 14, 71, 60])
    """

    def __init__(self, seed: Any = None) -> None:
        self._mt = _python_random.Random()
        self._gauss: Optional[float] = None  # the second normal of the last pair, kept
        self.seed(seed)

    # -----------------------------------------------------------------------
    # Seeding and state
    # -----------------------------------------------------------------------

    def seed(self, seed: Any = None) -> None:
        """Seed the generator: an int in [0, 2**32), a sequence of such ints, or ``None``
        for a seed from the operating system's entropy.

        >>> state = RandomState(); state.seed(7); state.rand()
        0.07630828937395717
        """
        if seed is None:
            words = list(memoryview(os.urandom(4 * _N)).cast("I"))
            words[0] = 0x80000000  # as NumPy does: never an all-zero state
            key = words
        elif isinstance(seed, int) and not isinstance(seed, bool):
            if not 0 <= seed <= _MASK32:
                raise ValueError(f"Seed must be between 0 and 2**32 - 1, got {seed}")
            key = _init_genrand(seed)
        else:
            values: List[Any] = as_tensor(seed).to_flat_list() if not isinstance(seed, (list, tuple)) else list(seed)
            if not values or not all(isinstance(v, int) and not isinstance(v, bool) for v in values):
                raise ValueError(f"Seed must be an int or a non-empty sequence of ints, got {seed!r}")
            if not all(0 <= v <= _MASK32 for v in values):
                raise ValueError("Seed must be between 0 and 2**32 - 1")
            key = _init_by_array(values)
        self._mt.setstate((3, tuple(key) + (_N,), None))
        self._gauss = None

    def get_state(self) -> Tuple[str, List[int], int, int, float]:
        """The state as NumPy's legacy tuple: ``("MT19937", keys, pos, has_gauss, gauss)``.

        >>> state = RandomState(1); saved = state.get_state(); first = state.rand()
        >>> state.set_state(saved); state.rand() == first
        True
        """
        _, words, _ = self._mt.getstate()
        return ("MT19937", list(words[:_N]), words[_N], self._gauss is not None, self._gauss or 0.0)

    def set_state(self, state: Sequence[Any]) -> None:
        """Restore a state from ``get_state`` (NumPy's legacy tuple; the keys may be a tensor)."""
        if len(state) < 3 or state[0] != "MT19937":
            raise ValueError("set_state can only be used with legacy MT19937 state instances.")
        keys = as_tensor(state[1]).to_flat_list() if not isinstance(state[1], list) else state[1]
        if len(keys) != _N or not 0 <= state[2] <= _N:
            raise ValueError(f"state must hold {_N} keys and a position in 0..{_N}")
        self._mt.setstate((3, tuple(int(key) & _MASK32 for key in keys) + (int(state[2]),), None))
        self._gauss = float(state[4]) if len(state) > 4 and state[3] else None

    # -----------------------------------------------------------------------
    # Floats
    # -----------------------------------------------------------------------

    def random_sample(self, size: Size = None) -> Any:
        """Floats in [0, 1): a Python float, or a tensor of ``size``.

        >>> RandomState(0).random_sample(3)
        tensor([0.5488135 , 0.71518937, 0.60276338])
        """
        return _fill(self._mt.random, size)

    random = random_sample

    def rand(self, *shape: int) -> Any:
        """Floats in [0, 1) in a tensor of ``shape`` (``rand(2, 3)``), or one float.

        The book's ``Dropout`` draws its masks with ``np.random.rand(*x.shape)``.

        >>> RandomState(0).rand(2, 2)
        tensor([[0.5488135 , 0.71518937],
                [0.60276338, 0.54488318]])
        """
        return self.random_sample(shape or None)

    def standard_normal(self, size: Size = None) -> Any:
        """Normally distributed floats (mean 0, standard deviation 1).

        >>> RandomState(0).standard_normal(2)
        tensor([1.76405235, 0.40015721])
        """
        return _fill(self._normal, size)

    def randn(self, *shape: int) -> Any:
        """Normal floats in a tensor of ``shape`` (``randn(784, 50)``), or one float.

        >>> RandomState(0).randn()
        1.764052345967664
        """
        return self.standard_normal(shape or None)

    def normal(self, loc: float = 0.0, scale: float = 1.0, size: Size = None) -> Any:
        """Normal floats with mean ``loc`` and standard deviation ``scale``.

        >>> RandomState(0).normal(10.0, 2.0, 2)
        tensor([13.52810469, 10.80031442])
        """
        loc, scale = casting.to_float(loc), casting.to_float(scale)
        if scale < 0:
            raise ValueError("scale < 0")
        return _fill(lambda: loc + scale * self._normal(), size)

    def uniform(self, low: float = 0.0, high: float = 1.0, size: Size = None) -> Any:
        """Floats spread evenly over [``low``, ``high``).

        >>> RandomState(0).uniform(-1.0, 1.0, 2)
        tensor([0.09762701, 0.43037873])
        """
        low, high = casting.to_float(low), casting.to_float(high)
        span = high - low
        return _fill(lambda: low + span * self._mt.random(), size)

    def _normal(self) -> float:
        """One normal, by Marsaglia's polar method; each pair gives two, the second kept."""
        if self._gauss is not None:
            value, self._gauss = self._gauss, None
            return value
        draw = self._mt.random
        while True:
            x1 = 2.0 * draw() - 1.0
            x2 = 2.0 * draw() - 1.0
            r2 = x1 * x1 + x2 * x2
            if r2 < 1.0 and r2 != 0.0:
                break
        f = math.sqrt(-2.0 * math.log(r2) / r2)
        self._gauss = f * x1
        return f * x2

    # -----------------------------------------------------------------------
    # Integers, choices and shuffles
    # -----------------------------------------------------------------------

    def randint(self, low: int, high: Optional[int] = None, size: Size = None, dtype: Any = int) -> Any:
        """Integers in [``low``, ``high``) (or [0, ``low``) without ``high``).

        >>> RandomState(0).randint(10, size=6), RandomState(0).randint(5, 8)
        (tensor([5, 0, 3, 3, 7, 9]), 5)
        """
        if high is None:
            low, high = 0, low
        to = dtypes.dtype(dtype)
        if to.kind not in "iu":
            raise TypeError(f"Unsupported dtype {to} for randint")
        if low >= high:
            raise ValueError("high <= 0" if low == 0 else "low >= high")
        if low < to.min or high - 1 > to.max:
            raise ValueError(f"low or high is out of bounds for {to}")
        span = high - 1 - low
        drawn = _fill(lambda: low + self._bounded(span), size, int64)
        return drawn.astype(to) if isinstance(drawn, Tensor) and to is not int64 else drawn

    def choice(self, a: Any, size: Size = None, replace: bool = True, p: Any = None) -> Any:
        """A random sample from ``a`` (a 1-d tensor or list), or from ``arange(a)`` for an int.

        ``replace=False`` draws without repetition; ``p`` gives each element's
        probability. The book's batches: ``np.random.choice(train_size, batch_size)``.

        >>> state = RandomState(0)
        >>> state.choice(60000, 5), state.choice([10, 20, 30], 4, p=[0.8, 0.1, 0.1])
        (tensor([ 2732, 43567, 42613, 52416, 45891]), tensor([20, 20, 10, 10]))
        >>> RandomState(0).choice(5, 3, replace=False)
        tensor([2, 0, 1])
        """
        population = None
        if isinstance(a, int) and not isinstance(a, bool):
            count = a
            if count <= 0 and (size is None or _size_of(size) != 0):
                raise ValueError("a must be greater than 0 unless no samples are taken")
        else:
            population = as_tensor(a)
            if population.ndim != 1:
                raise ValueError("a must be 1-dimensional or an integer")
            count = len(population)
            if count == 0 and (size is None or _size_of(size) != 0):
                raise ValueError("'a' cannot be empty unless no samples are taken")
        probabilities = None
        if p is not None:
            probabilities = as_tensor(p, float64)
            if probabilities.ndim != 1:
                raise ValueError("'p' must be 1-dimensional")
            if probabilities.size != count:
                raise ValueError("'a' and 'p' must have same size")
            weights = probabilities.to_flat_list()
            total = math.fsum(weights)
            if math.isnan(total):
                raise ValueError("probabilities contain NaN")
            if any(w < 0 for w in weights):
                raise ValueError("probabilities are not non-negative")
            if abs(total - 1.0) > math.sqrt(2.220446049250313e-16):
                raise ValueError("probabilities do not sum to 1")
        wanted = 1 if size is None else _size_of(size)
        if replace:
            if probabilities is not None:
                cdf = _cdf(probabilities.to_flat_list())
                picks = [bisect_right(cdf, u) for u in _as_list(self.random_sample(wanted))]
            else:  # (no samples of nothing: randint would refuse the empty range)
                picks = _as_list(self.randint(0, count, size=wanted)) if wanted else []
        else:
            if wanted > count:
                raise ValueError("Cannot take a larger sample than population when 'replace=False'")
            if probabilities is not None:
                picks = self._choice_weighted_unique(probabilities.to_flat_list(), wanted)
            else:
                picks = _as_list(self.permutation(count))[:wanted]
        if population is not None:
            picks = [population[i] for i in picks]
        if size is None:
            return picks[0]
        return tensor(picks, population.dtype if population is not None else int64).reshape(_shape_of(size))

    def _choice_weighted_unique(self, weights: List[float], wanted: int) -> List[int]:
        """NumPy's draw of ``wanted`` distinct indices with ``weights``: draw, drop repeats, redraw."""
        if sum(1 for w in weights if w > 0) < wanted:
            raise ValueError("Fewer non-zero entries in p than size")
        found: List[int] = []
        weights = list(weights)
        while len(found) < wanted:
            for index in found:
                weights[index] = 0.0
            cdf = _cdf(weights)
            new = [bisect_right(cdf, u) for u in _as_list(self.random_sample(wanted - len(found)))]
            first_seen: Dict[int, int] = {}
            for position, index in enumerate(new):
                first_seen.setdefault(index, position)
            found.extend(sorted(first_seen, key=first_seen.__getitem__))
        return found

    def permutation(self, x: Any) -> Tensor:
        """A shuffled copy of ``x``, or of ``arange(x)`` for an int; a 2-d ``x`` by rows.

        >>> RandomState(0).permutation(6)
        tensor([5, 2, 1, 3, 0, 4])
        """
        from .creation import arange  # creation imports nothing from here

        if isinstance(x, int) and not isinstance(x, bool):
            shuffled = arange(x)
            self.shuffle(shuffled)
            return shuffled
        t = as_tensor(x)
        if t.ndim < 1:
            raise ValueError("x must be an integer or at least 1-dimensional")
        order = arange(len(t))  # NumPy shuffles the row numbers, then takes the rows in that order
        self.shuffle(order)
        shuffled_rows: Tensor = t[order]
        return shuffled_rows

    def shuffle(self, x: Any) -> None:
        """Shuffle ``x`` in place along its first axis (a tensor's rows, a list's items).

        >>> x = tensor([1, 2, 3, 4, 5]); RandomState(0).shuffle(x); x
        tensor([3, 1, 2, 4, 5])
        """
        if isinstance(x, Tensor) and x.ndim > 1:
            for i in reversed(range(1, len(x))):
                j = self._bounded(i)
                if i != j:
                    row = x[j].copy()
                    x[j] = x[i]
                    x[i] = row
            return
        if isinstance(x, Tensor) and x.ndim == 0:
            raise ValueError("shuffle needs a tensor of at least one axis")
        for i in reversed(range(1, len(x))):
            j = self._bounded(i)
            x[i], x[j] = x[j], x[i]

    def _bounded(self, span: int) -> int:
        """An integer in [0, ``span``]: masked draws of 32 bits (64 past 2**32), retried until in range."""
        if span == 0:
            return 0
        mask = (1 << span.bit_length()) - 1
        draw = self._mt.getrandbits
        if span <= _MASK32:
            value = draw(32) & mask
            while value > span:
                value = draw(32) & mask
            return value
        while True:  # NumPy's 64-bit draw: the first 32 bits are the high half
            value = ((draw(32) << 32) | draw(32)) & mask
            if value <= span:
                return value


# ---------------------------------------------------------------------------
# Seeding the Mersenne Twister as NumPy does
# ---------------------------------------------------------------------------


def _init_genrand(seed: int) -> List[int]:
    """MT19937's ``init_genrand``: the state NumPy's ``seed(int)`` makes."""
    key = [seed & _MASK32]
    for i in range(1, _N):
        previous = key[-1]
        key.append((1812433253 * (previous ^ (previous >> 30)) + i) & _MASK32)
    return key


def _init_by_array(values: Sequence[int]) -> List[int]:
    """MT19937's ``init_by_array``: the state NumPy's ``seed([a, b, ...])`` makes."""
    key = _init_genrand(19650218)
    i, j = 1, 0
    for _ in range(max(_N, len(values))):
        key[i] = ((key[i] ^ ((key[i - 1] ^ (key[i - 1] >> 30)) * 1664525)) + values[j] + j) & _MASK32
        i, j = i + 1, j + 1
        if i >= _N:
            key[0], i = key[_N - 1], 1
        if j >= len(values):
            j = 0
    for _ in range(_N - 1):
        key[i] = ((key[i] ^ ((key[i - 1] ^ (key[i - 1] >> 30)) * 1566083941)) - i) & _MASK32
        i += 1
        if i >= _N:
            key[0], i = key[_N - 1], 1
    key[0] = 0x80000000  # the most significant bit set: the state is never all zero
    return key


# ---------------------------------------------------------------------------
# Private helpers
# ---------------------------------------------------------------------------


def _shape_of(size: Union[int, Sequence[int]]) -> Tuple[int, ...]:
    shape = (size,) if isinstance(size, int) else tuple(size)
    if any(not isinstance(n, int) or isinstance(n, bool) or n < 0 for n in shape):
        raise ValueError(f"size must hold non-negative ints, got {size!r}")
    return shape


def _size_of(size: Union[int, Sequence[int]]) -> int:
    return size_of(_shape_of(size))


def _fill(draw: Any, size: Size, dtype: Any = float64) -> Any:
    """One draw as a Python number (``size=None``), or a tensor of ``size`` filled in row-major order."""
    if size is None:
        return draw()
    shape = _shape_of(size)
    dtypes.check_fits(shape, dtype)
    return Tensor.from_storage(dtype.storage([draw() for _ in range(size_of(shape))]), shape, dtype)


def _as_list(values: Any) -> List[Any]:
    return values.to_flat_list() if isinstance(values, Tensor) else [values]


def _cdf(weights: Sequence[float]) -> List[float]:
    """The running sums of ``weights``, divided by the last one (NumPy's ``cumsum`` then ``/=``)."""
    running, cdf = 0.0, []
    for weight in weights:
        running += weight
        cdf.append(running)
    return [value / cdf[-1] for value in cdf]


# The module's functions are the methods of one shared generator, as in np.random.
_global = RandomState()
seed = _global.seed
get_state = _global.get_state
set_state = _global.set_state
random_sample = _global.random_sample
random = _global.random_sample
rand = _global.rand
randn = _global.randn
standard_normal = _global.standard_normal
normal = _global.normal
uniform = _global.uniform
randint = _global.randint
choice = _global.choice
permutation = _global.permutation
shuffle = _global.shuffle
