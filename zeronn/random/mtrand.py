"""The module-level functions of ``np.random``: the methods of one shared ``RandomState``.

NumPy's ``numpy/random/mtrand.pyx`` ends the same way: one ``RandomState`` made at
import (seeded from the operating system), and its methods bound to module names, so
that ``seed(0)`` then ``randn()`` draw from the same generator.

Its public names are ``zeronn.random``'s (listed in that package's ``__all__``).

>>> seed(3); rand() == RandomState(3).rand()
True
"""

from __future__ import annotations

from .randomstate import RandomState

_rand = RandomState()

seed = _rand.seed
get_state = _rand.get_state
set_state = _rand.set_state
random_sample = _rand.random_sample
random = _rand.random_sample
ranf = _rand.random_sample  # NumPy's old aliases
sample = _rand.random_sample
rand = _rand.rand
randn = _rand.randn
randint = _rand.randint
random_integers = _rand.random_integers
tomaxint = _rand.tomaxint
bytes = _rand.bytes
choice = _rand.choice
permutation = _rand.permutation
shuffle = _rand.shuffle
uniform = _rand.uniform
standard_normal = _rand.standard_normal
normal = _rand.normal
multivariate_normal = _rand.multivariate_normal
beta = _rand.beta
chisquare = _rand.chisquare
dirichlet = _rand.dirichlet
exponential = _rand.exponential
f = _rand.f
gamma = _rand.gamma
gumbel = _rand.gumbel
laplace = _rand.laplace
logistic = _rand.logistic
lognormal = _rand.lognormal
noncentral_chisquare = _rand.noncentral_chisquare
noncentral_f = _rand.noncentral_f
pareto = _rand.pareto
power = _rand.power
rayleigh = _rand.rayleigh
standard_cauchy = _rand.standard_cauchy
standard_exponential = _rand.standard_exponential
standard_gamma = _rand.standard_gamma
standard_t = _rand.standard_t
triangular = _rand.triangular
vonmises = _rand.vonmises
wald = _rand.wald
weibull = _rand.weibull
binomial = _rand.binomial
geometric = _rand.geometric
hypergeometric = _rand.hypergeometric
logseries = _rand.logseries
multinomial = _rand.multinomial
negative_binomial = _rand.negative_binomial
poisson = _rand.poisson
zipf = _rand.zipf
