"""``RandomState``: NumPy's legacy generator, every distribution, NumPy's numbers for a seed.

Each method is NumPy's (``numpy/random/mtrand.pyx``): it checks its arguments as NumPy
does, with NumPy's messages (``parameters.py``), and draws with NumPy's algorithm
(``continuous.py``, ``discrete.py``, ``mixtures.py``, ``integers.py``) from one
Mersenne Twister (``mt19937.py``). The methods, by kind:

- state: ``seed``, ``get_state``, ``set_state``;
- uniform numbers: ``random_sample`` (``random``), ``rand``, ``uniform``, ``randint``,
  ``random_integers``, ``tomaxint``, ``bytes``;
- normal numbers: ``standard_normal``, ``randn``, ``normal``, ``multivariate_normal``
  (for a diagonal covariance; see its docstring);
- the other continuous distributions: ``beta``, ``chisquare``, ``dirichlet``,
  ``exponential``, ``f``, ``gamma``, ``gumbel``, ``laplace``, ``logistic``,
  ``lognormal``, ``noncentral_chisquare``, ``noncentral_f``, ``pareto``, ``power``,
  ``rayleigh``, ``standard_cauchy``, ``standard_exponential``, ``standard_gamma``,
  ``standard_t``, ``triangular``, ``vonmises``, ``wald``, ``weibull``;
- the discrete ones: ``binomial``, ``geometric``, ``hypergeometric``, ``logseries``,
  ``multinomial``, ``negative_binomial``, ``poisson``, ``zipf``;
- samples: ``choice``, ``permutation``, ``shuffle``.

A distribution's parameters may be numbers or arrays (lists, tensors); arrays broadcast
against each other and ``size`` as NumPy's do. One draw with number parameters and no
``size`` is a Python number (NumPy gives a Python float too; for an integer, a Python
int where NumPy gives an ``np.int64``).

>>> state = RandomState(1234)
>>> state.normal([0.0, 10.0], 1.0), state.poisson(3.0, size=4), state.beta(0.5, 0.5)
(tensor([0.47143516, 8.80902431]), tensor([4, 7, 2, 4]), 0.72894723322309)
"""

from __future__ import annotations

__all__ = ["RandomState", "RangeOverflowError", "Size"]

import math
import operator
import warnings
from bisect import bisect_right
from collections.abc import Sequence
from typing import Any, Dict, List, Optional, Tuple, Union, overload
from typing import Sequence as SequenceType

from .. import dtypes, ieee
from .._shape import OutOfBoundsError, Shape, broadcast_shapes, broadcast_to, size_of
from ..core import Tensor, as_tensor
from ..dtypes import float64, int64, uint32

# The distributions, by name from their modules (``from . import continuous`` would import
# this package's __init__, which imports this module: a circle).
from .continuous import (
    beta,
    chisquare,
    exponential,
    f,
    gamma,
    gauss,
    gauss_fill,
    gumbel,
    laplace,
    logistic,
    lognormal,
    normal,
    pareto,
    power,
    rayleigh,
    standard_cauchy,
    standard_exponential,
    standard_gamma,
    standard_t,
    triangular,
    uniform,
    vonmises,
    wald,
    weibull,
)
from .discrete import binomial, geometric, hypergeometric, logseries, multinomial, poisson, zipf
from .integers import randint, random_interval
from .mixtures import negative_binomial, noncentral_chisquare, noncentral_f
from .mt19937 import KEYS, MT19937
from .parameters import (
    ABOVE_1,
    AT_LEAST_1,
    LONG,
    NON_NEGATIVE,
    POISSON_LAM,
    POISSON_LAM_MAX,
    POSITIVE,
    PROBABILITY,
    PROBABILITY_NOT_0,
    PROBABILITY_NOT_1,
    Parameter,
    check,
    check_array,
    fill,
    floats,
    leading_shape,
    shape_of,
)
from .parameters import integers as integer_parameter

Size = Optional[Union[int, SequenceType[int]]]
_TOO_DEEP = (
    "setting an array element with a sequence. The requested array would exceed the maximum number of dimension of 1."
)


class RangeOverflowError(OverflowError, ValueError):
    """A range too wide for float64 (``uniform(0, inf)``): NumPy's ``OverflowError``, and a
    ``ValueError`` as zeronn's bad input is.

    >>> issubclass(RangeOverflowError, OverflowError), issubclass(RangeOverflowError, ValueError)
    (True, True)
    """


class RandomState:
    """NumPy's legacy ``RandomState``: a Mersenne Twister and the distributions on it.

    ``RandomState(seed)`` makes an independent generator (the seed as ``seed`` takes
    it); ``zeronn.random``'s functions use one shared instance, as ``np.random``'s do.

    >>> RandomState(42).randint(0, 100, size=5)
    tensor([51, 92, 14, 71, 60])
    >>> RandomState(7)
    RandomState(MT19937) at 0x...
    """

    _poisson_lam_max = POISSON_LAM_MAX

    def __init__(self, seed: Any = None) -> None:
        self._bits = MT19937(seed)

    def __str__(self) -> str:
        return "RandomState(MT19937)"

    def __repr__(self) -> str:
        return f"{self} at 0x{id(self):X}"

    # -----------------------------------------------------------------------
    # State
    # -----------------------------------------------------------------------

    def seed(self, seed: Any = None) -> None:
        """Seed the generator: an int in [0, 2**32), a 1-d sequence of such ints, or
        ``None`` for a seed from the operating system (``np.random.seed``).

        >>> state = RandomState(); state.seed(7); state.rand()
        0.07630828937395717

        Raises ``ValueError`` for a value out of range or an empty or 2-d sequence, and
        ``TypeError`` for a float, as NumPy does.
        """
        self._bits.seed(seed)

    def get_state(self, legacy: bool = True) -> Any:
        """The state: NumPy's legacy tuple ``("MT19937", keys, pos, has_gauss, gauss)``
        (``keys`` a uint32 tensor), or with ``legacy=False`` the dict NumPy gives.
        NumPy's ``np.random.get_state``.

        >>> state = RandomState(1); saved = state.get_state(); first = state.rand()
        >>> state.set_state(saved); state.rand() == first
        True
        >>> name, keys, pos, has_gauss, gauss = saved; name, keys.dtype, keys.shape, pos
        ('MT19937', dtype('uint32'), (624,), 624)
        """
        keys = Tensor.from_storage(uint32.storage(self._bits.keys), (KEYS,), uint32)
        position, kept = self._bits.position, self._bits.gauss
        has_gauss, gauss = (0, 0.0) if kept is None else (1, kept)
        if legacy:
            return ("MT19937", keys, position, has_gauss, gauss)
        return {
            "bit_generator": "MT19937",
            "state": {"key": keys, "pos": position},
            "has_gauss": has_gauss,
            "gauss": gauss,
        }

    def set_state(self, state: Any) -> None:
        """Restore a state from ``get_state``: the legacy tuple (or its first three items,
        NumPy's older form) or the dict.
        NumPy's ``np.random.set_state``.

        Raises ``TypeError`` for anything else, ``ValueError`` for another generator's
        state, and an ``IndexError`` (a ``ValueError`` too) for a short tuple.
        """
        if isinstance(state, dict):
            if "bit_generator" not in state or "state" not in state:
                raise ValueError("state dictionary is not valid.")
            given = state
        elif isinstance(state, (tuple, list)):
            given = _legacy_state(state)
        else:
            raise TypeError("state must be a dict or a tuple.")
        has_gauss, gauss = int(given.get("has_gauss", 0)), float(given.get("gauss", 0.0))
        self._bits.gauss = gauss if has_gauss else None  # (NumPy sets it first too)
        if given["bit_generator"] != "MT19937":
            raise ValueError("state must be for a MT19937 PRNG")
        self._bits.set_state(given["state"]["key"], given["state"]["pos"])

    def __getstate__(self) -> Dict[str, Any]:
        state: Dict[str, Any] = self.get_state(legacy=False)
        return state

    def __setstate__(self, state: Dict[str, Any]) -> None:
        self.set_state(state)

    def __reduce__(self) -> Tuple[Any, ...]:
        return (RandomState, (), self.get_state(legacy=False))

    # -----------------------------------------------------------------------
    # Uniform numbers
    # -----------------------------------------------------------------------

    @overload
    def random_sample(self, size: None = None) -> float: ...
    @overload
    def random_sample(self, size: Union[int, SequenceType[int]]) -> Tensor: ...
    @overload
    def random_sample(self, size: Size = None) -> Any: ...
    def random_sample(self, size: Size = None) -> Any:
        """Floats in [0, 1) (``np.random.random_sample``; also ``random``).

        >>> RandomState(0).random_sample(3)
        tensor([0.5488135 , 0.71518937, 0.60276338])
        """
        draw = self._bits.next_double
        if size is None:
            return draw()
        shape = shape_of(size)
        dtypes.check_fits(shape, float64)
        return _float_tensor([draw() for _ in range(size_of(shape))], shape)

    @overload
    def random(self, size: None = None) -> float: ...
    @overload
    def random(self, size: Union[int, SequenceType[int]]) -> Tensor: ...
    @overload
    def random(self, size: Size = None) -> Any: ...
    def random(self, size: Size = None) -> Any:
        """``random_sample`` by NumPy's newer name, ``np.random.random``.

        >>> RandomState(0).random()
        0.5488135039273248
        """
        return self.random_sample(size)

    @overload
    def rand(self) -> float: ...
    @overload
    def rand(self, d0: int, /, *shape: int) -> Tensor: ...
    def rand(self, *shape: int) -> Any:
        """Floats in [0, 1) in a tensor of ``shape`` (``rand(2, 3)``), or one float.

        The book's ``Dropout`` draws its masks with ``np.random.rand(*x.shape)``.

        >>> RandomState(0).rand(2, 2)
        tensor([[0.5488135 , 0.71518937],
                [0.60276338, 0.54488318]])
        """
        return self.random_sample(shape or None)

    @overload
    def uniform(self, low: float = 0.0, high: float = 1.0, size: None = None) -> float: ...
    @overload
    def uniform(self, low: Any = 0.0, high: Any = 1.0, *, size: Union[int, SequenceType[int]]) -> Tensor: ...
    @overload
    def uniform(self, low: Any = 0.0, high: Any = 1.0, size: Size = None) -> Any: ...
    def uniform(self, low: Any = 0.0, high: Any = 1.0, size: Size = None) -> Any:
        """Floats spread evenly over [``low``, ``high``): ``low + (high - low) * U``.
        NumPy's ``np.random.uniform``.

        >>> RandomState(0).uniform(-1.0, 1.0, 2), RandomState(0).uniform([0, 10], 20)
        (tensor([0.09762701, 0.43037873]), tensor([10.97627008, 17.15189366]))
        >>> RandomState(0).uniform(0, float("inf"))  # doctest: +IGNORE_EXCEPTION_DETAIL
        Traceback (most recent call last):
        ...
        RangeOverflowError: Range exceeds valid bounds

        Raises ``RangeOverflowError`` (an ``OverflowError``, as NumPy's, and a
        ``ValueError``) where ``high - low`` is not finite.
        """
        lows, low_shape = floats(low)
        highs, high_shape = floats(high)
        if not low_shape and not high_shape:
            span = highs[0] - lows[0]
            if not math.isfinite(span):
                raise RangeOverflowError("Range exceeds valid bounds")
            return fill(uniform, self._bits, size, [(lows[0], "low"), (span, "high")])
        shape = broadcast_shapes(high_shape, low_shape)
        spans = [h - lo for h, lo in zip(broadcast_to(highs, high_shape, shape), broadcast_to(lows, low_shape, shape))]
        if not all(math.isfinite(span) for span in spans):
            raise RangeOverflowError("Range exceeds valid bounds")
        low_tensor, span_tensor = _float_tensor(lows, low_shape), _float_tensor(spans, shape)
        return fill(uniform, self._bits, size, [(low_tensor, "low"), (span_tensor, "high")])

    def randint(self, low: Any, high: Any = None, size: Size = None, dtype: Any = int) -> Any:
        """Integers in [``low``, ``high``) (or [0, ``low``) without ``high``), of ``dtype``
        (int64 for ``int``); array bounds broadcast.
        NumPy's ``np.random.randint``.

        >>> RandomState(0).randint(10, size=6), RandomState(0).randint(5, 8)
        (tensor([5, 0, 3, 3, 7, 9]), 5)
        >>> RandomState(0).randint([0, 100], [10, 200], dtype="uint8")
        tensor([  4, 123], dtype=uint8)
        >>> RandomState(0).randint(0)
        Traceback (most recent call last):
        ...
        ValueError: high <= 0

        Raises ``TypeError`` for a dtype that is not an integer or bool, ``ValueError``
        for bounds out of the dtype's range or ``low >= high``.
        """
        if high is None:
            low, high = 0, low
        to = int64 if dtype is int else dtypes.dtype(dtype)
        return randint(self._bits, low, high, size, to)

    def random_integers(self, low: Any, high: Any = None, size: Size = None) -> Any:
        """Integers in the closed interval [``low``, ``high``] (or [1, ``low``]); NumPy
        deprecated it for ``randint(low, high + 1)``, and so it warns.
        NumPy's ``np.random.random_integers``.

        >>> import warnings
        >>> with warnings.catch_warnings():
        ...     warnings.simplefilter("ignore")
        ...     RandomState(0).random_integers(1, 6, size=4)
        tensor([5, 6, 1, 4])
        """
        if high is None:
            warnings.warn(
                f"This function is deprecated. Please call randint(1, {low} + 1) instead",
                DeprecationWarning,
                stacklevel=2,
            )
            low, high = 1, low
        else:
            warnings.warn(
                f"This function is deprecated. Please call randint({low}, {high} + 1) instead",
                DeprecationWarning,
                stacklevel=2,
            )
        return self.randint(low, int(high) + 1, size=size, dtype=int64)

    def tomaxint(self, size: Size = None) -> Any:
        """Integers in [0, 2**63 - 1], the range of a C long (the top bits of 64-bit words).
        NumPy's ``np.random.tomaxint``.

        >>> RandomState(0).tomaxint(2)
        tensor([5061911111874532631, 6596457591747962464])
        """
        draw = self._bits.next_uint64
        if size is None:
            return draw() >> 1
        shape = shape_of(size)
        dtypes.check_fits(shape, int64)
        return Tensor.from_storage(int64.storage([draw() >> 1 for _ in range(size_of(shape))]), shape, int64)

    def bytes(self, length: int) -> bytes:
        """``length`` random bytes: 32-bit words, little-endian, cut to length.
        NumPy's ``np.random.bytes``.

        >>> RandomState(0).bytes(6).hex()
        'ac0a7f8c2faa'
        """
        length = operator.index(length)
        words = _c_divide(length - 1, 4) + 1  # (so a length of 0 still draws a word, as NumPy's C does)
        drawn = self.randint(0, 4294967296, size=words, dtype=uint32)
        return b"".join(word.to_bytes(4, "little") for word in drawn.to_flat_list())[:length]

    # -----------------------------------------------------------------------
    # Normal numbers
    # -----------------------------------------------------------------------

    @overload
    def standard_normal(self, size: None = None) -> float: ...
    @overload
    def standard_normal(self, size: Union[int, SequenceType[int]]) -> Tensor: ...
    @overload
    def standard_normal(self, size: Size = None) -> Any: ...
    def standard_normal(self, size: Size = None) -> Any:
        """Normally distributed floats (mean 0, standard deviation 1). NumPy's ``np.random.standard_normal``.

        >>> RandomState(0).standard_normal(2)
        tensor([1.76405235, 0.40015721])
        """
        if size is None:
            return gauss(self._bits)
        shape = shape_of(size)
        dtypes.check_fits(shape, float64)
        return _float_tensor(gauss_fill(self._bits, size_of(shape)), shape)

    @overload
    def randn(self) -> float: ...
    @overload
    def randn(self, d0: int, /, *shape: int) -> Tensor: ...
    def randn(self, *shape: int) -> Any:
        """Normal floats in a tensor of ``shape`` (``randn(784, 50)``), or one float.
        NumPy's ``np.random.randn``.

        >>> RandomState(0).randn()
        1.764052345967664
        """
        return self.standard_normal(shape or None)

    @overload
    def normal(self, loc: float = 0.0, scale: float = 1.0, size: None = None) -> float: ...
    @overload
    def normal(self, loc: Any = 0.0, scale: Any = 1.0, *, size: Union[int, SequenceType[int]]) -> Tensor: ...
    @overload
    def normal(self, loc: Any = 0.0, scale: Any = 1.0, size: Size = None) -> Any: ...
    def normal(self, loc: Any = 0.0, scale: Any = 1.0, size: Size = None) -> Any:
        """Normal floats of mean ``loc`` and standard deviation ``scale``.
        NumPy's ``np.random.normal``.

        >>> RandomState(0).normal(10.0, 2.0, 2), RandomState(0).normal([0, 100], 1)
        (tensor([13.52810469, 10.80031442]), tensor([  1.76405235, 100.40015721]))
        >>> RandomState(0).normal(scale=-0.0)
        Traceback (most recent call last):
        ...
        ValueError: scale < 0
        """
        return fill(normal, self._bits, size, [(loc, ""), (scale, "scale", NON_NEGATIVE)])

    def multivariate_normal(
        self, mean: Any, cov: Any, size: Size = None, check_valid: str = "warn", tol: float = 1e-8
    ) -> Tensor:
        """Normal vectors of mean ``mean`` and covariance ``cov``: shape ``size + (n,)``.

        NumPy transforms standard normals by the singular value decomposition of ``cov``
        (LAPACK's), whose rounding and choice of signs zeronn does not reproduce bit for
        bit. For a diagonal ``cov`` the decomposition is exact and known: the singular
        values are the diagonal in decreasing order, and the vectors pick out its
        entries. zeronn draws for a diagonal ``cov`` whose entries are all different or
        all equal, and refuses the others (a ``ValueError`` that says so), rather than
        give other numbers than NumPy's.

        >>> RandomState(0).multivariate_normal([0.0, 10.0], [[1.0, 0.0], [0.0, 4.0]], 2)
        tensor([[ 0.40015721, 13.52810469],
                [ 2.2408932 , 11.95747597]])
        """
        mean_values, mean_shape = floats(mean)
        cov_values, cov_shape = floats(cov)
        if len(mean_shape) != 1:
            raise ValueError("mean must be 1 dimensional")
        if len(cov_shape) != 2 or cov_shape[0] != cov_shape[1]:
            raise ValueError("cov must be 2 dimensional and square")
        n = mean_shape[0]
        if n != cov_shape[0]:
            raise ValueError("mean and cov must have same length")
        order, roots = _diagonal_decomposition(cov_values, n)
        if check_valid not in ("warn", "raise", "ignore"):
            raise ValueError("check_valid must equal 'warn', 'raise', or 'ignore'")
        # (A diagonal covariance of entries >= 0 is positive-semidefinite: nothing to warn of.)
        shape = (() if size is None else shape_of(size)) + (n,)
        draws = self.standard_normal(shape).to_flat_list() if n else []
        out: List[float] = []
        for start in range(0, len(draws), n):
            row = draws[start : start + n]
            # Output entry j takes the normal the decomposition puts there, times sqrt(cov[j, j]).
            out.extend(0.0 + row[order[j]] * roots[j] + mean_values[j] for j in range(n))
        return _float_tensor(out, shape)

    # -----------------------------------------------------------------------
    # The other continuous distributions
    # -----------------------------------------------------------------------

    def beta(self, a: Any, b: Any, size: Size = None) -> Any:
        """Beta-distributed floats in [0, 1] of shapes ``a`` and ``b`` (both > 0).
        NumPy's ``np.random.beta``.

        >>> RandomState(0).beta(0.5, 0.5, 3)
        tensor([0.37061547, 0.55030586, 0.3008122 ])
        """
        return fill(beta, self._bits, size, [(a, "a", POSITIVE), (b, "b", POSITIVE)])

    def exponential(self, scale: Any = 1.0, size: Size = None) -> Any:
        """Exponential floats of mean ``scale`` (>= 0; ``-0.0`` is refused, as NumPy
        checks the sign bit).
        NumPy's ``np.random.exponential``.

        >>> RandomState(0).exponential(2.0, 3)
        tensor([1.59174902, 2.51186153, 1.84644629])
        """
        return fill(exponential, self._bits, size, [(scale, "scale", NON_NEGATIVE)])

    def standard_exponential(self, size: Size = None) -> Any:
        """Exponential floats of mean 1: ``-log(1 - U)``. NumPy's ``np.random.standard_exponential``.

        >>> RandomState(0).standard_exponential()
        0.79587450816311
        """
        return fill(standard_exponential, self._bits, size, [])

    def standard_gamma(self, shape: Any, size: Size = None) -> Any:
        """Gamma floats of scale 1 and shape ``shape`` (>= 0). NumPy's ``np.random.standard_gamma``.

        >>> RandomState(0).standard_gamma([0.5, 2.0, 9.0])
        tensor([ 0.30400189,  3.27641877, 17.07911586])
        """
        return fill(standard_gamma, self._bits, size, [(shape, "shape", NON_NEGATIVE)])

    def gamma(self, shape: Any, scale: Any = 1.0, size: Size = None) -> Any:
        """Gamma floats of shape ``shape`` and scale ``scale`` (both >= 0).
        NumPy's ``np.random.gamma``.

        >>> RandomState(0).gamma(2.0, 3.0, 2)
        tensor([15.41648873,  6.71544274])
        """
        parameters = [(shape, "shape", NON_NEGATIVE), (scale, "scale", NON_NEGATIVE)]
        return fill(gamma, self._bits, size, parameters)

    def f(self, dfnum: Any, dfden: Any, size: Size = None) -> Any:
        """Fisher's F of ``dfnum`` and ``dfden`` degrees of freedom (both > 0).
        NumPy's ``np.random.f``.

        >>> RandomState(0).f(5.0, 10.0, 2)
        tensor([2.12644055, 4.36838911])
        """
        return fill(f, self._bits, size, [(dfnum, "dfnum", POSITIVE), (dfden, "dfden", POSITIVE)])

    def noncentral_f(self, dfnum: Any, dfden: Any, nonc: Any, size: Size = None) -> Any:
        """The noncentral F (``nonc`` >= 0; a NaN ``nonc`` gives NaN, as in NumPy).
        NumPy's ``np.random.noncentral_f``.

        >>> RandomState(0).noncentral_f(5.0, 10.0, 2.0, 2)
        tensor([10.58867301,  4.17900675])
        """
        parameters = [(dfnum, "dfnum", POSITIVE), (dfden, "dfden", POSITIVE), (nonc, "nonc", NON_NEGATIVE)]
        return fill(noncentral_f, self._bits, size, parameters)

    def chisquare(self, df: Any, size: Size = None) -> Any:
        """Chi-square floats of ``df`` degrees of freedom (> 0). NumPy's ``np.random.chisquare``.

        >>> RandomState(0).chisquare(3.0, 2)
        tensor([8.59517635, 3.30891648])
        """
        return fill(chisquare, self._bits, size, [(df, "df", POSITIVE)])

    def noncentral_chisquare(self, df: Any, nonc: Any, size: Size = None) -> Any:
        """The noncentral chi-square (``df`` > 0, ``nonc`` >= 0). NumPy's ``np.random.noncentral_chisquare``.

        >>> RandomState(0).noncentral_chisquare(3.0, 2.0, 2)
        tensor([ 6.23924552, 10.37824663])
        """
        parameters = [(df, "df", POSITIVE), (nonc, "nonc", NON_NEGATIVE)]
        return fill(noncentral_chisquare, self._bits, size, parameters)

    def standard_cauchy(self, size: Size = None) -> Any:
        """Cauchy floats: the ratio of two normals. NumPy's ``np.random.standard_cauchy``.

        >>> RandomState(0).standard_cauchy(2)
        tensor([4.40839827, 0.43676244])
        """
        return fill(standard_cauchy, self._bits, size, [])

    def standard_t(self, df: Any, size: Size = None) -> Any:
        """Student's t of ``df`` degrees of freedom (> 0). NumPy's ``np.random.standard_t``.

        >>> RandomState(0).standard_t(5.0, 2)
        tensor([ 1.66370595, -1.64009533])
        """
        return fill(standard_t, self._bits, size, [(df, "df", POSITIVE)])

    def vonmises(self, mu: Any, kappa: Any, size: Size = None) -> Any:
        """Von Mises angles in [-pi, pi] of mode ``mu`` and concentration ``kappa`` (>= 0).
        NumPy's ``np.random.vonmises``.

        >>> RandomState(0).vonmises(0.0, 4.0, 2)
        tensor([0.5664411 , 0.55977779])
        """
        return fill(vonmises, self._bits, size, [(mu, "mu"), (kappa, "kappa", NON_NEGATIVE)])

    def pareto(self, a: Any, size: Size = None) -> Any:
        """Lomax (Pareto II) floats of shape ``a`` (> 0): ``exp(E / a) - 1``.
        NumPy's ``np.random.pareto``.

        >>> RandomState(0).pareto(3.0, 2)
        tensor([0.30381098, 0.51989855])
        """
        return fill(pareto, self._bits, size, [(a, "a", POSITIVE)])

    def weibull(self, a: Any, size: Size = None) -> Any:
        """Weibull floats of shape ``a`` (>= 0): ``E ** (1 / a)``, and 0 for ``a = 0``.
        NumPy's ``np.random.weibull``.

        >>> RandomState(0).weibull(2.0, 2)
        tensor([0.89211799, 1.12068317])
        """
        return fill(weibull, self._bits, size, [(a, "a", NON_NEGATIVE)])

    def power(self, a: Any, size: Size = None) -> Any:
        """Floats in [0, 1] of density ``a * x ** (a - 1)`` (``a`` > 0).
        NumPy's ``np.random.power``.

        >>> RandomState(0).power(3.0, 2)
        tensor([0.81873168, 0.89428034])
        """
        return fill(power, self._bits, size, [(a, "a", POSITIVE)])

    def laplace(self, loc: Any = 0.0, scale: Any = 1.0, size: Size = None) -> Any:
        """Laplace (double exponential) floats of centre ``loc`` and scale ``scale`` (>= 0).
        NumPy's ``np.random.laplace``.

        >>> RandomState(0).laplace(0.0, 1.0, 2)
        tensor([0.10272733, 0.56278358])
        """
        return fill(laplace, self._bits, size, [(loc, "loc"), (scale, "scale", NON_NEGATIVE)])

    def gumbel(self, loc: Any = 0.0, scale: Any = 1.0, size: Size = None) -> Any:
        """Gumbel floats of mode ``loc`` and scale ``scale`` (>= 0). NumPy's ``np.random.gumbel``.

        >>> RandomState(0).gumbel(0.0, 1.0, 2)
        tensor([ 0.22831376, -0.22787694])
        """
        return fill(gumbel, self._bits, size, [(loc, "loc"), (scale, "scale", NON_NEGATIVE)])

    def logistic(self, loc: Any = 0.0, scale: Any = 1.0, size: Size = None) -> Any:
        """Logistic floats of centre ``loc`` and scale ``scale`` (>= 0).
        NumPy's ``np.random.logistic``.

        >>> RandomState(0).logistic(0.0, 1.0, 2)
        tensor([0.19587791, 0.92072284])
        """
        return fill(logistic, self._bits, size, [(loc, "loc"), (scale, "scale", NON_NEGATIVE)])

    def lognormal(self, mean: Any = 0.0, sigma: Any = 1.0, size: Size = None) -> Any:
        """``exp`` of normal floats of mean ``mean`` and standard deviation ``sigma`` (>= 0).
        NumPy's ``np.random.lognormal``.

        >>> RandomState(0).lognormal(0.0, 1.0, 2)
        tensor([5.83603919, 1.49205924])
        """
        return fill(lognormal, self._bits, size, [(mean, "mean"), (sigma, "sigma", NON_NEGATIVE)])

    def rayleigh(self, scale: Any = 1.0, size: Size = None) -> Any:
        """Rayleigh floats of mode ``scale`` (>= 0). NumPy's ``np.random.rayleigh``.

        >>> RandomState(0).rayleigh(1.0, 2)
        tensor([1.26164536, 1.58488534])
        """
        return fill(rayleigh, self._bits, size, [(scale, "scale", NON_NEGATIVE)])

    def wald(self, mean: Any, scale: Any, size: Size = None) -> Any:
        """Wald (inverse Gaussian) floats of mean ``mean`` and scale ``scale`` (both > 0).
        NumPy's ``np.random.wald``.

        >>> RandomState(0).wald(1.0, 2.0, 2)
        tensor([0.30787564, 0.75425984])
        """
        return fill(wald, self._bits, size, [(mean, "mean", POSITIVE), (scale, "scale", POSITIVE)])

    def triangular(self, left: Any, mode: Any, right: Any, size: Size = None) -> Any:
        """Triangular floats over [``left``, ``right``] peaking at ``mode``.
        NumPy's ``np.random.triangular``.

        >>> RandomState(0).triangular(0.0, 1.0, 4.0, 2)
        tensor([1.67314849, 2.15129029])

        Raises ``ValueError`` for ``left > mode``, ``mode > right`` or ``left == right``.
        """
        lefts, left_shape = floats(left)
        modes, mode_shape = floats(mode)
        rights, right_shape = floats(right)
        if any(a > b for a, b in _broadcast_pairs(lefts, left_shape, modes, mode_shape)):
            raise ValueError("left > mode")
        if any(a > b for a, b in _broadcast_pairs(modes, mode_shape, rights, right_shape)):
            raise ValueError("mode > right")
        if any(a == b for a, b in _broadcast_pairs(lefts, left_shape, rights, right_shape)):
            raise ValueError("left == right")
        if not (left_shape or mode_shape or right_shape):
            parameters: List[Parameter] = [(lefts[0], "left"), (modes[0], "mode"), (rights[0], "right")]
        else:
            parameters = [
                (_float_tensor(lefts, left_shape), "left"),
                (_float_tensor(modes, mode_shape), "mode"),
                (_float_tensor(rights, right_shape), "right"),
            ]
        return fill(triangular, self._bits, size, parameters)

    def dirichlet(self, alpha: Any, size: Size = None) -> Tensor:
        """Vectors on the simplex (entries > 0 that sum to 1), of concentrations ``alpha``:
        shape ``size + (len(alpha),)``.
        NumPy's ``np.random.dirichlet``.

        >>> RandomState(0).dirichlet([1.0, 2.0, 3.0])
        tensor([0.08199567, 0.29043792, 0.62756641])

        Raises ``ValueError`` for an ``alpha`` deeper than 1-d or with an entry <= 0.
        """
        values, alpha_shape = floats(alpha)
        if not alpha_shape:
            raise TypeError(f"object of type '{type(alpha).__name__}' has no len()")
        if len(alpha_shape) > 1:
            raise ValueError(_TOO_DEEP)
        if any(value <= 0 for value in values):
            raise ValueError("alpha <= 0")
        k = len(values)
        shape = (() if size is None else leading_shape(size)) + (k,)
        dtypes.check_fits(shape, float64)
        out: List[float] = []
        for _ in range(size_of(shape) // k if k else 0):
            row = []
            total = 0.0
            for value in values:
                row.append(standard_gamma(self._bits, value))
                total = total + row[-1]
            inverse = ieee.divide(1.0, total)
            out.extend(x * inverse for x in row)
        return _float_tensor(out, shape)

    # -----------------------------------------------------------------------
    # Discrete distributions
    # -----------------------------------------------------------------------

    def binomial(self, n: Any, p: Any, size: Size = None) -> Any:
        """Successes in ``n`` trials (>= 0; floats truncated) of probability ``p`` (in [0, 1]).
        NumPy's ``np.random.binomial``.

        >>> RandomState(0).binomial(10, 0.5, 5), RandomState(0).binomial([10, 1000], 0.3)
        (tensor([5, 6, 5, 5, 5]), tensor([  3, 311]))
        """
        parameters = [(p, "p", PROBABILITY), (n, "n", LONG, "int")]
        return fill(_binomial_by_p_n, self._bits, size, parameters, int64)

    def negative_binomial(self, n: Any, p: Any, size: Size = None) -> Any:
        """Failures before the ``n``-th success (``n`` > 0, a float too), each of
        probability ``p`` (in [0, 1]).
        NumPy's ``np.random.negative_binomial``.

        >>> RandomState(0).negative_binomial(5, 0.5, 4)
        tensor([12,  9,  4,  7])
        """
        parameters = [(n, "n", POSITIVE), (p, "p", PROBABILITY)]
        return fill(negative_binomial, self._bits, size, parameters, int64)

    def poisson(self, lam: Any = 1.0, size: Size = None) -> Any:
        """Poisson counts of mean ``lam`` (>= 0, and ten standard deviations below 2**63).
        NumPy's ``np.random.poisson``.

        >>> RandomState(0).poisson(4.0, 5), RandomState(0).poisson([1.0, 1000.0])
        (tensor([6, 7, 1, 8, 4]), tensor([   2, 1004]))
        """
        return fill(poisson, self._bits, size, [(lam, "lam", POISSON_LAM)], int64)

    def zipf(self, a: Any, size: Size = None) -> Any:
        """Zipf (zeta) counts of exponent ``a`` (> 1; below 1025, where NumPy's loop ends).
        NumPy's ``np.random.zipf``.

        >>> RandomState(0).zipf(2.0, 5)
        tensor([ 2,  2,  1,  1, 27])
        """
        return fill(zipf, self._bits, size, [(a, "a", ABOVE_1)], int64)

    def geometric(self, p: Any, size: Size = None) -> Any:
        """Trials up to the first success, each of probability ``p`` (in (0, 1]).
        NumPy's ``np.random.geometric``.

        >>> RandomState(0).geometric(0.25, 5)
        tensor([3, 5, 4, 3, 2])
        """
        return fill(geometric, self._bits, size, [(p, "p", PROBABILITY_NOT_0)], int64)

    def hypergeometric(self, ngood: Any, nbad: Any, nsample: Any, size: Size = None) -> Any:
        """Good items among ``nsample`` drawn without replacement from ``ngood`` good and
        ``nbad`` bad ones.
        NumPy's ``np.random.hypergeometric``.

        >>> RandomState(0).hypergeometric(10, 5, 6, 4)
        tensor([4, 3, 4, 3])

        Raises ``ValueError`` for ``ngood + nbad < nsample``, a negative count or
        ``nsample < 1``.
        """
        goods, good_shape = integer_parameter(ngood)
        bads, bad_shape = integer_parameter(nbad)
        samples, sample_shape = integer_parameter(nsample)
        pairs = _broadcast_pairs(goods, good_shape, bads, bad_shape)
        totals, total_shape = [good + bad for good, bad in pairs], broadcast_shapes(good_shape, bad_shape)
        if any(total < sample for total, sample in _broadcast_pairs(totals, total_shape, samples, sample_shape)):
            raise ValueError("ngood + nbad < nsample")
        parameters = [
            (ngood, "ngood", LONG, "int"),
            (nbad, "nbad", NON_NEGATIVE, "int"),
            (nsample, "nsample", AT_LEAST_1, "int"),
        ]
        return fill(hypergeometric, self._bits, size, parameters, int64)

    def logseries(self, p: Any, size: Size = None) -> Any:
        """Logarithmic series counts of parameter ``p`` (in [0, 1)). NumPy's ``np.random.logseries``.

        >>> RandomState(0).logseries(0.9, 5)
        tensor([3, 2, 4, 7, 1])
        """
        return fill(logseries, self._bits, size, [(p, "p", PROBABILITY_NOT_1)], int64)

    def multinomial(self, n: Any, pvals: Any, size: Size = None) -> Tensor:
        """Counts of ``n`` trials over outcomes of probabilities ``pvals`` (the last one
        takes what the others leave): shape ``size + (len(pvals),)``.
        NumPy's ``np.random.multinomial``.

        >>> RandomState(0).multinomial(20, [0.2, 0.3, 0.5], size=2)
        tensor([[ 4,  7,  9],
                [ 4,  6, 10]])

        Raises ``ValueError`` for a probability outside [0, 1] or ``sum(pvals[:-1]) > 1``,
        ``TypeError`` for ``pvals`` that is not a sequence.
        """
        trials = int(n)  # (NumPy's C long truncates a float)
        values, pvals_shape = floats(pvals)
        if not pvals_shape:
            raise TypeError("pvals must be a 1-d sequence")
        if len(pvals_shape) > 1:
            raise ValueError(_TOO_DEEP)
        d = len(values)
        check_array(values, "pvals", PROBABILITY)
        if d and _kahan_sum(values[:-1]) > 1.0 + 1e-12:
            narrower = isinstance(pvals, Tensor) and pvals.dtype.kind == "f" and pvals.dtype is not float64
            if narrower and float(pvals.sum()) < 1.0001:
                raise ValueError(
                    "sum(pvals[:-1].astype(np.float64)) > 1.0. The pvals array is cast to 64-bit floating point "
                    "prior to checking the sum. Precision changes when casting may cause problems even if the "
                    "sum of the original pvals is valid."
                )
            raise ValueError("sum(pvals[:-1]) > 1.0")
        shape = (() if size is None else leading_shape(size)) + (d,)
        dtypes.check_fits(shape, int64)
        check(trials, "n", NON_NEGATIVE)
        out: List[int] = []
        for _ in range(size_of(shape) // d if d else 0):
            out.extend(multinomial(self._bits, trials, values))
        return Tensor.from_storage(int64.storage(out), shape, int64)

    # -----------------------------------------------------------------------
    # Samples, permutations, shuffles
    # -----------------------------------------------------------------------

    def choice(self, a: Any, size: Size = None, replace: bool = True, p: Any = None) -> Any:
        """A random sample from ``a`` (a 1-d tensor or list), or from ``arange(a)`` for an int.

        ``replace=False`` draws without repetition; ``p`` gives each element's
        probability. The book's batches: ``np.random.choice(train_size, batch_size)``.

        >>> state = RandomState(0)
        >>> state.choice(60000, 5), state.choice([10, 20, 30], 4, p=[0.8, 0.1, 0.1])
        (tensor([ 2732, 43567, 42613, 52416, 45891]), tensor([20, 20, 10, 10]))
        >>> RandomState(0).choice(5, 3, replace=False)
        tensor([2, 0, 1])

        Raises ``ValueError`` as NumPy does: an empty or 2-d ``a``, a ``p`` that is not
        1-d, of another length, negative, NaN or not summing to 1, a sample larger than
        the population without replacement.
        """
        population = as_tensor(a)
        shape = () if size is None else _raw_shape(size)
        wanted = math.prod(shape)  # (NumPy's np.prod(size): checked for negatives only below)
        if population.ndim == 0:
            try:
                count = operator.index(population.item())  # type: ignore[arg-type]  # (a float raises)
            except TypeError:
                raise ValueError("a must be 1-dimensional or an integer") from None
            if count <= 0 and (size is None or wanted != 0):
                raise ValueError("a must be greater than 0 unless no samples are taken")
        elif population.ndim != 1:
            raise ValueError("a must be 1-dimensional")
        else:
            count = len(population)
            if count == 0 and (size is None or wanted != 0):
                raise ValueError("'a' cannot be empty unless no samples are taken")
        weights = None if p is None else _probabilities(p, count)
        if replace:
            if weights is not None:
                cdf = _cdf(weights)
                uniforms = self.random_sample(shape).to_flat_list() if shape else [self.random_sample()]
                picks = [bisect_right(cdf, u) for u in uniforms]
            else:
                picks = self.randint(0, count, size=shape).to_flat_list()
        else:
            if wanted > count:
                raise ValueError("Cannot take a larger sample than population when 'replace=False'")
            if wanted < 0:
                raise ValueError("Negative dimensions are not allowed")
            shape = shape_of(shape)
            if weights is not None:
                picks = self._choice_weighted_unique(weights, wanted)
            else:
                dtypes.check_fits((count,), int64)  # (NumPy's permutation(count), cut to size)
                picks = list(range(count))
                self._shuffle_list(picks)
                picks = picks[:wanted]
        if population.ndim == 0:
            if size is None:
                return picks[0]
            return Tensor.from_storage(int64.storage(picks), shape, int64)
        chosen = population.to_flat_list()
        values = [chosen[i] for i in picks]
        if size is None:
            return values[0]
        return Tensor.from_storage(population.dtype.storage(values), shape, population.dtype)

    def _choice_weighted_unique(self, weights: List[float], wanted: int) -> List[int]:
        """NumPy's draw of ``wanted`` distinct indices with ``weights``: draw, drop repeats
        (the first of each stays), zero the weights found, redraw the rest."""
        if sum(1 for w in weights if w > 0) < wanted:
            raise ValueError("Fewer non-zero entries in p than size")
        found: List[int] = []
        weights = list(weights)
        while len(found) < wanted:
            uniforms = self.random_sample(wanted - len(found)).to_flat_list()
            for index in found:
                weights[index] = 0.0
            cdf = _cdf(weights)
            new = [bisect_right(cdf, u) for u in uniforms]
            first_seen: Dict[int, int] = {}
            for position, index in enumerate(new):
                first_seen.setdefault(index, position)
            found.extend(sorted(first_seen, key=first_seen.__getitem__))
        return found

    def permutation(self, x: Any) -> Tensor:
        """A shuffled copy of ``x``, or of ``arange(x)`` for an int; a 2-d ``x`` by rows.
        NumPy's ``np.random.permutation``.

        >>> RandomState(0).permutation(6), RandomState(0).permutation([[1, 2], [3, 4]])
        (tensor([5, 2, 1, 3, 0, 4]), tensor([[3, 4],
                [1, 2]]))

        Raises an ``IndexError`` (a ``ValueError`` too) for a number that is not an int.
        """
        if isinstance(x, int) and not isinstance(x, bool):
            dtypes.check_fits((max(x, 0),), int64)
            order = list(range(x))
            self._shuffle_list(order)
            return Tensor.from_storage(int64.storage(order), (len(order),), int64)
        if isinstance(x, (str, bytes)):
            raise OutOfBoundsError("x must be an integer or at least 1-dimensional")  # (a 0-d array in NumPy)
        t = as_tensor(x)
        if t.ndim < 1:
            raise OutOfBoundsError("x must be an integer or at least 1-dimensional")
        if t.ndim == 1:
            values = t.to_flat_list()
            self._shuffle_list(values)
            return Tensor.from_storage(t.dtype.storage(values), t.shape, t.dtype)
        order = list(range(len(t)))  # NumPy shuffles the row numbers, then takes the rows in that order
        self._shuffle_list(order)
        rows: Tensor = t[_index_tensor(order)]
        return rows

    def shuffle(self, x: Any) -> None:
        """Shuffle ``x`` in place along its first axis (a tensor's rows, a list's items),
        by Fisher-Yates from the last element down.
        NumPy's ``np.random.shuffle``.

        >>> x = [1, 2, 3, 4, 5]; RandomState(0).shuffle(x); x
        [3, 1, 2, 4, 5]

        Raises ``ValueError`` for a read-only tensor; warns, as NumPy does, for an
        object that is not a ``Sequence``.
        """
        if isinstance(x, Tensor):
            if x.ndim == 0:
                raise TypeError("len() of unsized object")
            if not x.flags.writeable:
                raise ValueError("array is read-only")
            if x.size == 0:
                return
            if x.ndim == 1:
                values = x.to_flat_list()
                self._shuffle_list(values)
                x[...] = Tensor.from_storage(x.dtype.storage(values), x.shape, x.dtype)
                return
            order = list(range(len(x)))
            self._shuffle_list(order)
            x[...] = x[_index_tensor(order)]
            return
        if not isinstance(x, Sequence):
            warnings.warn(
                f"you are shuffling a '{type(x).__name__}' object which is not a subclass of 'Sequence'; "
                "`shuffle` is not guaranteed to behave correctly. E.g., non-numpy array/tensor objects "
                "with view semantics may contain duplicates after shuffling.",
                UserWarning,
                stacklevel=2,
            )
        self._shuffle_list(x)

    def _shuffle_list(self, items: Any) -> None:
        """Fisher-Yates in place: swap each place, from the last down, with one at or below it."""
        bits = self._bits
        for i in reversed(range(1, len(items))):
            j = random_interval(bits, i)
            items[i], items[j] = items[j], items[i]


# ---------------------------------------------------------------------------
# Helpers
# ---------------------------------------------------------------------------


def _c_divide(a: int, b: int) -> int:
    """C's integer division, which truncates toward zero (Python's ``//`` floors)."""
    quotient = abs(a) // abs(b)
    return quotient if (a < 0) == (b < 0) else -quotient


def _binomial_by_p_n(bits: MT19937, p: float, n: int) -> int:
    """``discrete.binomial`` with NumPy's order of checks: ``p``, then ``n``."""
    return binomial(bits, n, p)


def _legacy_state(state: SequenceType[Any]) -> Dict[str, Any]:
    """NumPy's legacy tuple as its state dict; an ``IndexError`` where an item is missing."""
    try:
        if state[0] != "MT19937":
            raise ValueError("set_state can only be used with legacy MT19937 state instances.")
        given: Dict[str, Any] = {"bit_generator": state[0], "state": {"key": state[1], "pos": state[2]}}
        if len(state) > 3:
            given["has_gauss"], given["gauss"] = state[3], state[4]
    except IndexError:
        raise OutOfBoundsError(
            "a legacy state is ('MT19937', keys, pos) or ('MT19937', keys, pos, has_gauss, gauss), "
            f"not a sequence of {len(state)} items"
        ) from None
    return given


def _diagonal_decomposition(cov: List[float], n: int) -> Tuple[List[int], List[float]]:
    """For a diagonal ``cov``: which normal of a row each output entry takes, and its
    scale, as NumPy's SVD makes them (the values in decreasing order; all in place when
    they are all equal); a ``ValueError`` for the covariances zeronn cannot decompose as
    LAPACK does."""
    diagonal = [cov[i * n + i] for i in range(n)]
    off_diagonal = any(cov[i * n + j] != 0 for i in range(n) for j in range(n) if i != j)
    finite = all(math.isfinite(value) for value in diagonal)
    distinct = len(set(diagonal)) == n
    equal = len(set(diagonal)) <= 1
    if off_diagonal or not finite or not (distinct or equal) or any(value < 0 for value in diagonal):
        raise ValueError(
            "multivariate_normal: zeronn draws only for a diagonal covariance whose entries are all "
            "different or all equal (and not negative); NumPy transforms the normals by LAPACK's "
            "singular value decomposition, which zeronn does not reproduce bit for bit"
        )
    by_size = sorted(range(n), key=lambda i: -diagonal[i]) if distinct else list(range(n))
    order = [0] * n
    for rank, index in enumerate(by_size):
        order[index] = rank  # entry ``index`` takes the normal in column ``rank``
    return order, [math.sqrt(value) for value in diagonal]


def _probabilities(p: Any, count: int) -> List[float]:
    """``choice``'s ``p``, checked as NumPy checks it (a float32 tensor gets float32's
    wider tolerance on the sum)."""
    tolerance = 1.4901161193847656e-08  # sqrt(float64's eps)
    if isinstance(p, Tensor) and p.dtype.kind == "f" and p.dtype is not float64:
        tolerance = 0.0003452669770922512  # sqrt(float32's eps), as NumPy computes it
    values, shape = floats(p)
    if not shape:
        raise TypeError(f"object of type '{type(p).__name__}' has no len()")
    if len(shape) != 1:
        raise ValueError("'p' must be 1-dimensional")
    if len(values) != count:
        raise ValueError("'a' and 'p' must have same size")
    total = _kahan_sum(values)
    if math.isnan(total):
        raise ValueError("probabilities contain NaN")
    if any(value < 0 for value in values):
        raise ValueError("probabilities are not non-negative")
    if abs(total - 1.0) > tolerance:
        raise ValueError("probabilities do not sum to 1")
    return values


def _kahan_sum(values: SequenceType[float]) -> float:
    """NumPy's ``kahan_sum``: compensated summation, in order."""
    if not values:
        return 0.0
    total = values[0]
    compensation = 0.0
    for value in values[1:]:
        y = value - compensation
        t = total + y
        compensation = (t - total) - y
        total = t
    return total


def _cdf(weights: SequenceType[float]) -> List[float]:
    """The running sums of ``weights``, divided by the last one (NumPy's ``cumsum`` then ``/=``)."""
    running, cdf = 0.0, []
    for weight in weights:
        running += weight
        cdf.append(running)
    return [ieee.divide(value, cdf[-1]) for value in cdf]


def _raw_shape(size: Any) -> Shape:
    """``size`` as a tuple of ints, negative ones too (``choice`` reports those itself)."""
    try:
        return (operator.index(size),)
    except TypeError:
        return tuple(operator.index(length) for length in size)


def _broadcast_pairs(a: List[Any], a_shape: Shape, b: List[Any], b_shape: Shape) -> List[Tuple[Any, Any]]:
    shape = broadcast_shapes(a_shape, b_shape)
    return list(zip(broadcast_to(a, a_shape, shape), broadcast_to(b, b_shape, shape)))


def _index_tensor(order: List[int]) -> Tensor:
    return Tensor.from_storage(int64.storage(order), (len(order),), int64)


def _float_tensor(values: List[float], shape: Shape) -> Tensor:
    return Tensor.from_storage(float64.storage(values), shape, float64)
