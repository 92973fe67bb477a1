"""The continuous distributions of NumPy's legacy ``RandomState``, one float at a time.

Each function draws one number from ``bits`` (an ``MT19937``) with NumPy's algorithm,
step for step (``legacy-distributions.c`` and ``distributions.c``): the same draws from
the generator in the same order, and the same floating-point operations, so the result
is NumPy's to the last bit. Python's ``math`` calls the same C library as NumPy's C code;
where that C code can meet an infinity or a zero divisor, the ``ieee`` functions give C's
answer where Python would raise.

Three draws are the bricks of the others:

- ``gauss``: a standard normal by Marsaglia's polar method, which makes two at a time
  and keeps the second (``bits.gauss``) for the next call;
- ``standard_exponential``: ``-log(1 - U)`` of a uniform ``U`` in [0, 1);
- ``standard_gamma``: Marsaglia and Tsang's method for a shape of 1 or more, and for a
  smaller shape a rejection method built on the exponential.

The rest are transformations of these: ``normal``, ``lognormal``, ``exponential``,
``gamma``, ``beta``, ``chisquare``, ``f``, ``standard_t``, ``standard_cauchy``,
``pareto``, ``weibull``, ``power``, ``wald``, ``rayleigh``, ``laplace``, ``gumbel``,
``logistic``, ``triangular``, ``uniform``, ``vonmises``.

>>> from .mt19937 import MT19937
>>> bits = MT19937(0)
>>> gauss(bits), bits.gauss          # the pair's second normal waits for the next call
(1.764052345967664, 0.4001572083672233)
>>> standard_gamma(bits, 0.5), beta(bits, 2.0, 3.0)
(0.37827172006781556, 0.5965879654761649)
"""

from __future__ import annotations

__all__ = [
    "gauss",
    "gauss_fill",
    "standard_exponential",
    "standard_gamma",
    "normal",
    "lognormal",
    "exponential",
    "gamma",
    "beta",
    "chisquare",
    "f",
    "standard_t",
    "standard_cauchy",
    "pareto",
    "weibull",
    "power",
    "wald",
    "rayleigh",
    "laplace",
    "gumbel",
    "logistic",
    "triangular",
    "uniform",
    "vonmises",
]

import math
from typing import List

from .. import ieee
from .mt19937 import MT19937

# ---------------------------------------------------------------------------
# The three bricks
# ---------------------------------------------------------------------------


def gauss(bits: MT19937) -> float:
    """A standard normal (NumPy's ``legacy_gauss``): the kept one if there is one, else a
    new pair by the polar method, keeping its first member.

    >>> bits = MT19937(0); gauss(bits), bits.gauss, gauss(bits), bits.gauss
    (1.764052345967664, 0.4001572083672233, 0.4001572083672233, None)
    """
    if bits.gauss is not None:
        kept, bits.gauss = bits.gauss, None
        return kept
    draw = bits.next_double
    while True:  # a point uniform in the unit disc, but not its centre
        x1 = 2.0 * draw() - 1.0
        x2 = 2.0 * draw() - 1.0
        r2 = x1 * x1 + x2 * x2
        if not (r2 >= 1.0 or r2 == 0.0):
            break
    f = math.sqrt(-2.0 * math.log(r2) / r2)
    bits.gauss = f * x1
    return f * x2


def gauss_fill(bits: MT19937, count: int) -> List[float]:
    """``count`` standard normals: what ``count`` calls of ``gauss`` give, in one loop
    (the book's ``randn(784, 50)`` is 39,200 of them).

    >>> gauss_fill(MT19937(0), 3)
    [1.764052345967664, 0.4001572083672233, 0.9787379841057392]
    """
    values: List[float] = []
    if count and bits.gauss is not None:
        values.append(bits.gauss)
        bits.gauss = None
    draw, sqrt, ln = bits.next_double, math.sqrt, math.log
    while len(values) < count:
        x1 = 2.0 * draw() - 1.0
        x2 = 2.0 * draw() - 1.0
        r2 = x1 * x1 + x2 * x2
        if r2 >= 1.0 or r2 == 0.0:
            continue
        f = sqrt(-2.0 * ln(r2) / r2)
        values.append(f * x2)
        if len(values) < count:
            values.append(f * x1)
        else:
            bits.gauss = f * x1
    return values


def standard_exponential(bits: MT19937) -> float:
    """``-log(1 - U)``: an exponential of mean 1 (``U`` is below 1, so the log is finite).

    >>> standard_exponential(MT19937(0))
    0.79587450816311
    """
    return -math.log(1.0 - bits.next_double())


def standard_gamma(bits: MT19937, shape: float) -> float:
    """A gamma of scale 1 (NumPy's ``legacy_standard_gamma``).

    >>> standard_gamma(MT19937(0), 0.5), standard_gamma(MT19937(0), 9.0), standard_gamma(MT19937(0), 0.0)
    (0.3040018897607044, 14.966252583659303, 0.0)
    """
    if shape == 1.0:
        return standard_exponential(bits)
    if shape == 0.0:
        return 0.0
    if shape < 1.0:  # Johnk's rejection from a mixture of a power and an exponential
        while True:
            u = bits.next_double()
            v = standard_exponential(bits)
            if u <= 1.0 - shape:
                x = ieee.power(u, 1.0 / shape)
                if x <= v:
                    return x
            else:
                y = -math.log((1 - u) / shape)
                x = ieee.power(1.0 - shape + shape * y, 1.0 / shape)
                if x <= v + y:
                    return x
    # Marsaglia and Tsang: a cubed, shifted normal, accepted by a squeeze test or the exact one
    b = shape - 1.0 / 3.0
    c = 1.0 / math.sqrt(9 * b)
    while True:
        while True:
            x = gauss(bits)
            v = 1.0 + c * x
            if not v <= 0.0:  # (a NaN shape goes on, as in C, and gives NaN)
                break
        v = v * v * v
        u = bits.next_double()
        if u < 1.0 - 0.0331 * (x * x) * (x * x):
            return b * v
        if ieee.log(u) < 0.5 * x * x + b * (1.0 - v + ieee.log(v)):
            return b * v


# ---------------------------------------------------------------------------
# From the normal
# ---------------------------------------------------------------------------


def normal(bits: MT19937, loc: float, scale: float) -> float:
    """``loc + scale * gauss``.

    >>> normal(MT19937(0), 10.0, 2.0)
    13.528104691935328
    """
    return loc + scale * gauss(bits)


def lognormal(bits: MT19937, mean: float, sigma: float) -> float:
    """``exp`` of a normal.

    >>> lognormal(MT19937(0), 0.0, 1.0), lognormal(MT19937(0), 0.0, 1000.0)
    (5.836039190663969, inf)
    """
    return ieee.exp(mean + sigma * gauss(bits))


def standard_cauchy(bits: MT19937) -> float:
    """The ratio of two normals.

    >>> standard_cauchy(MT19937(0))
    4.40839827218306
    """
    return ieee.divide(gauss(bits), gauss(bits))


def wald(bits: MT19937, mean: float, scale: float) -> float:
    """The inverse Gaussian, by Michael, Schucany and Haas's transformation of a normal.

    >>> wald(MT19937(0), 1.0, 2.0)
    0.3078756406229838
    """
    mu_2l = mean / (2 * scale)
    y = gauss(bits)
    y = mean * y * y
    x = mean + mu_2l * (y - math.sqrt(4 * scale * y + y * y))
    u = bits.next_double()
    if u <= mean / (mean + x):
        return x
    return ieee.divide(mean * mean, x)


# ---------------------------------------------------------------------------
# From the exponential
# ---------------------------------------------------------------------------


def exponential(bits: MT19937, scale: float) -> float:
    """``scale`` times a standard exponential.

    >>> exponential(MT19937(0), 2.0), exponential(MT19937(0), 0.0)
    (1.59174901632622, 0.0)
    """
    return scale * standard_exponential(bits)


def pareto(bits: MT19937, a: float) -> float:
    """The Lomax (Pareto II) distribution: ``exp(E / a) - 1``.

    >>> pareto(MT19937(0), 3.0), pareto(MT19937(0), 1e-4)
    (0.30381098483863833, inf)
    """
    return ieee.exp(standard_exponential(bits) / a) - 1


def weibull(bits: MT19937, a: float) -> float:
    """``E ** (1 / a)``, and 0 for ``a = 0``.

    >>> weibull(MT19937(0), 2.0), weibull(MT19937(0), 0.0)
    (0.892117990045661, 0.0)
    """
    if a == 0.0:
        return 0.0
    return ieee.power(standard_exponential(bits), 1.0 / a)


def power(bits: MT19937, a: float) -> float:
    """``(1 - exp(-E)) ** (1 / a)``: values in [0, 1] with density ``a x ** (a - 1)``.

    >>> power(MT19937(0), 3.0)
    0.8187316819035433
    """
    return ieee.power(1 - math.exp(-standard_exponential(bits)), 1.0 / a)


# ---------------------------------------------------------------------------
# From the gamma
# ---------------------------------------------------------------------------


def gamma(bits: MT19937, shape: float, scale: float) -> float:
    """``scale`` times a standard gamma.

    >>> gamma(MT19937(0), 2.0, 3.0)
    15.416488729020733
    """
    return scale * standard_gamma(bits, shape)


def chisquare(bits: MT19937, df: float) -> float:
    """Twice a gamma of shape ``df / 2``.

    >>> chisquare(MT19937(0), 3.0)
    8.595176347917409
    """
    return 2.0 * standard_gamma(bits, df / 2.0)


def f(bits: MT19937, dfnum: float, dfden: float) -> float:
    """Fisher's F: the ratio of two chi-squares, each over its degrees of freedom.

    >>> f(MT19937(0), 5.0, 10.0)
    2.1264405535477655
    """
    return ieee.divide(chisquare(bits, dfnum) * dfden, chisquare(bits, dfden) * dfnum)


def standard_t(bits: MT19937, df: float) -> float:
    """Student's t: a normal over the root of a gamma.

    >>> standard_t(MT19937(0), 5.0)
    1.6637059546931376
    """
    num = gauss(bits)
    denom = standard_gamma(bits, df / 2)
    return ieee.divide(math.sqrt(df / 2) * num, math.sqrt(denom))


def beta(bits: MT19937, a: float, b: float) -> float:
    """The beta: Johnk's algorithm when both shapes are at most 1, else ``Ga / (Ga + Gb)``.

    >>> beta(MT19937(0), 0.5, 0.5), beta(MT19937(0), 2.0, 3.0)
    (0.37061547061658573, 0.6035897484783911)
    """
    if a <= 1.0 and b <= 1.0:
        while True:
            u = bits.next_double()
            v = bits.next_double()
            x = ieee.power(u, 1.0 / a)
            y = ieee.power(v, 1.0 / b)
            if x + y <= 1.0:
                if x + y > 0:
                    return x / (x + y)
                # Both powers underflowed to 0: the same ratio, from their logarithms.
                log_x = ieee.log(u) / a
                log_y = ieee.log(v) / b
                log_m = log_x if log_x > log_y else log_y
                log_x -= log_m
                log_y -= log_m
                return ieee.exp(log_x - ieee.log(ieee.exp(log_x) + ieee.exp(log_y)))
    ga = standard_gamma(bits, a)
    gb = standard_gamma(bits, b)
    return ieee.divide(ga, ga + gb)


# ---------------------------------------------------------------------------
# From one uniform
# ---------------------------------------------------------------------------


def uniform(bits: MT19937, low: float, span: float) -> float:
    """``low + span * U``.

    >>> uniform(MT19937(0), -1.0, 2.0)
    0.0976270078546495
    """
    return low + span * bits.next_double()


def rayleigh(bits: MT19937, scale: float) -> float:
    """``scale * sqrt(-2 log(1 - U))`` (NumPy's ``legacy_rayleigh``, with ``log1p``).

    >>> rayleigh(MT19937(0), 1.0)
    1.2616453607595994
    """
    return scale * math.sqrt(-2.0 * math.log1p(-bits.next_double()))


def laplace(bits: MT19937, loc: float, scale: float) -> float:
    """The double exponential, by inversion; a draw of exactly 0 is drawn again.

    >>> laplace(MT19937(0), 0.0, 1.0)
    0.10272732760316473
    """
    while True:
        u = bits.next_double()
        if u >= 0.5:
            return loc - scale * math.log(2.0 - u - u)
        if u > 0.0:
            return loc + scale * math.log(u + u)


def gumbel(bits: MT19937, loc: float, scale: float) -> float:
    """The Gumbel, by inversion of ``1 - U``; a value of exactly 1 is drawn again.

    >>> gumbel(MT19937(0), 0.0, 1.0)
    0.2283137586277238
    """
    while True:
        u = 1.0 - bits.next_double()
        if u < 1.0:
            return loc - scale * math.log(-math.log(u))


def logistic(bits: MT19937, loc: float, scale: float) -> float:
    """The logistic, by inversion; a draw of exactly 0 is drawn again.

    >>> logistic(MT19937(0), 0.0, 1.0)
    0.19587791157148726
    """
    while True:
        u = bits.next_double()
        if u > 0.0:
            return loc + scale * math.log(u / (1.0 - u))


def triangular(bits: MT19937, left: float, mode: float, right: float) -> float:
    """The triangular, by inversion on either side of the mode.

    >>> triangular(MT19937(0), 0.0, 1.0, 4.0)
    1.6731484892945785
    """
    base = right - left
    left_base = mode - left
    ratio = ieee.divide(left_base, base)
    left_product = left_base * base
    right_product = (right - mode) * base
    u = bits.next_double()
    if u <= ratio:
        return left + math.sqrt(u * left_product)
    return right - math.sqrt((1.0 - u) * right_product)


def vonmises(bits: MT19937, mu: float, kappa: float) -> float:
    """The von Mises on [-pi, pi] (NumPy's ``legacy_vonmises``): Best and Fisher's
    rejection method, and a uniform angle for a ``kappa`` below 1e-8.

    >>> vonmises(MT19937(0), 0.0, 4.0), vonmises(MT19937(0), 0.0, float("nan"))
    (0.5664411022373059, nan)
    """
    if kappa != kappa:
        return math.nan
    if kappa < 1e-8:
        return math.pi * (2 * bits.next_double() - 1)
    if kappa < 1e-5:
        s = 1.0 / kappa + kappa  # the second-order Taylor expansion around kappa = 0
    else:
        r = 1 + math.sqrt(1 + 4 * kappa * kappa)
        rho = (r - math.sqrt(2 * r)) / (2 * kappa)
        s = (1 + rho * rho) / (2 * rho)
    while True:
        u = bits.next_double()
        z = math.cos(math.pi * u)
        w = ieee.divide(1 + s * z, s + z)
        y = kappa * (s - w)
        v = bits.next_double()
        if y * (2 - y) - v >= 0 or ieee.log(ieee.divide(y, v)) + 1 - y >= 0:
            break
    u = bits.next_double()
    result = math.acos(w) if -1.0 <= w <= 1.0 else math.nan
    if u < 0.5:
        result = -result
    result += mu
    negative = result < 0
    mod = abs(result)
    mod = math.fmod(mod + math.pi, 2 * math.pi) - math.pi if mod != math.inf else math.nan
    return -mod if negative else mod
