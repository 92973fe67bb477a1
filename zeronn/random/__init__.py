"""``np.random``: NumPy's legacy random functions, giving NumPy's very numbers for a seed.

The book starts every network from ``np.random.randn`` and draws every batch with
``np.random.choice``. With ``zeronn.random.seed(s)`` these give exactly the numbers
``numpy.random.seed(s)`` gives, so a zeronn run and a NumPy run can be compared step
by step; and so does every other distribution of NumPy's legacy ``RandomState``.

Where to read:

- ``mt19937.py``: the Mersenne Twister, seeded as NumPy seeds it, and its three reads:
  32-bit words, 64-bit words, floats in [0, 1);
- ``integers.py``: bounded integers (``randint``): masked rejection, and the word split
  into 16-, 8- or 1-bit pieces for the narrow dtypes;
- ``continuous.py``: the normal (Marsaglia's polar method, two at a time), the
  exponential, the gamma, and the continuous distributions made from them;
- ``discrete.py``: Poisson, binomial, geometric, hypergeometric, logarithmic series, Zipf;
- ``mixtures.py``: the noncentral chi-square and F, the negative binomial;
- ``parameters.py``: how a distribution takes numbers or arrays, broadcasts them, and
  checks them with NumPy's messages;
- ``randomstate.py``: ``RandomState``, NumPy's methods on all of these.

The functions here are the methods of one shared ``RandomState``, as in ``np.random``.

>>> seed(0)
>>> randn(2, 3)
tensor([[ 1.76405235,  0.40015721,  0.97873798],
        [ 2.2408932 ,  1.86755799, -0.97727788]])
>>> choice(10, 4), rand(), poisson([1.0, 100.0])
(tensor([4, 7, 6, 8]), 0.9636627605010293, tensor([  1, 101]))
"""

from __future__ import annotations

__all__ = [
    "RandomState",
    "seed",
    "get_state",
    "set_state",
    "random_sample",
    "random",
    "ranf",
    "sample",
    "rand",
    "randn",
    "randint",
    "random_integers",
    "tomaxint",
    "bytes",
    "choice",
    "permutation",
    "shuffle",
    "uniform",
    "standard_normal",
    "normal",
    "multivariate_normal",
    "beta",
    "chisquare",
    "dirichlet",
    "exponential",
    "f",
    "gamma",
    "gumbel",
    "laplace",
    "logistic",
    "lognormal",
    "noncentral_chisquare",
    "noncentral_f",
    "pareto",
    "power",
    "rayleigh",
    "standard_cauchy",
    "standard_exponential",
    "standard_gamma",
    "standard_t",
    "triangular",
    "vonmises",
    "wald",
    "weibull",
    "binomial",
    "geometric",
    "hypergeometric",
    "logseries",
    "multinomial",
    "negative_binomial",
    "poisson",
    "zipf",
]

from . import mtrand  # noqa: F401  (np.random.mtrand, as NumPy has it)
from .mtrand import (
    beta,
    binomial,
    bytes,
    chisquare,
    choice,
    dirichlet,
    exponential,
    f,
    gamma,
    geometric,
    get_state,
    gumbel,
    hypergeometric,
    laplace,
    logistic,
    lognormal,
    logseries,
    multinomial,
    multivariate_normal,
    negative_binomial,
    noncentral_chisquare,
    noncentral_f,
    normal,
    pareto,
    permutation,
    poisson,
    power,
    rand,
    randint,
    randn,
    random,
    random_integers,
    random_sample,
    ranf,
    rayleigh,
    sample,
    seed,
    set_state,
    shuffle,
    standard_cauchy,
    standard_exponential,
    standard_gamma,
    standard_normal,
    standard_t,
    tomaxint,
    triangular,
    uniform,
    vonmises,
    wald,
    weibull,
    zipf,
)
from .randomstate import RandomState
