"""Every legacy distribution of ``RandomState`` gives NumPy's numbers for a seed, takes
array parameters as NumPy's do, and meets its edge cases as NumPy meets them. The literals
are NumPy 2.4.6's (x86-64); the comparisons with a live NumPy are in test_random_oracle.py."""

import hashlib
import math
import struct

import pytest

from zeronn import tensor
from zeronn.random import RandomState
from zeronn.random.discrete import loggam
from zeronn.random.parameters import c_long, iterator_shape, shape_of

LONG_MIN = -(2**63)

# (distribution, arguments, NumPy's values after seed 0, after seed 42)
LITERALS = [
    (
        "beta",
        (0.5, 0.5, 3),
        [0.37061547061658573, 0.5503058575303685, 0.30081220227043654],
        [0.5992069666276891, 0.5000773047714704, 0.0044765792479401325],
    ),
    (
        "beta",
        (2.0, 3.0, 3),
        [0.6035897484783911, 0.7986833363091154, 0.31163262450209406],
        [0.4944725879278468, 0.3751527747114991, 0.5298115439843974],
    ),
    ("binomial", (10, 0.3, 4), [3, 4, 3, 3], [2, 5, 4, 3]),
    ("binomial", (1000, 0.7, 3), [697, 690, 700], [711, 714, 698]),
    (
        "chisquare",
        (3.0, 3),
        [8.595176347917409, 3.3089164797067245, 9.139600737780052],
        [3.579246352985752, 2.0472117146208575, 1.8631756716660912],
    ),
    (
        "dirichlet",
        ([1.0, 2.0, 3.0],),
        [0.08199566722160008, 0.29043792278812774, 0.6275664099902721],
        [0.10925336826910685, 0.14059620682266438, 0.7501504249082288],
    ),
    (
        "exponential",
        (2.0, 3),
        [1.59174901632622, 2.5118615259316757, 1.8464462916081377],
        [0.9385361799537182, 6.020242861835042, 2.6334913870908987],
    ),
    (
        "f",
        (5.0, 10.0, 3),
        [2.1264405535477655, 4.368389105000417, 0.7193870146011518],
        [1.363934553740093, 0.8805874935975696, 1.6608831336502663],
    ),
    (
        "gamma",
        (2.0, 3.0, 3),
        [15.416488729020733, 6.715442735377604, 16.28139682319624],
        [7.18103816960771, 4.483394190646763, 4.146850753112861],
    ),
    (
        "gamma",
        (0.3, 1.0, 3),
        [0.13533681858277738, 0.1849933806609573, 0.057109334869726934],
        [0.03787283477484421, 0.3564417417040225, 0.0020445055650856556],
    ),
    ("geometric", (0.25, 4), [3, 5, 4, 3], [2, 11, 5, 4]),
    ("geometric", (0.5, 4), [2, 2, 2, 2], [1, 5, 2, 2]),
    (
        "gumbel",
        (1.0, 2.0, 3),
        [1.4566275172554475, 0.5442461170012648, 1.1597686245286873],
        [2.5131621068576706, -1.2039608408891258, 0.4496733822839337],
    ),
    ("hypergeometric", (10, 5, 6, 4), [4, 3, 4, 3], [4, 3, 5, 6]),
    ("hypergeometric", (100, 200, 50, 3), [19, 17, 19], [18, 19, 15]),
    (
        "laplace",
        (1.0, 2.0, 3),
        [1.2054546552063294, 2.1255671648117858, 1.4601519304882473],
        [0.4221816504513213, 5.633948500715152, 2.2471970259710075],
    ),
    (
        "logistic",
        (1.0, 2.0, 3),
        [1.3917558231429745, 2.841445679369926, 1.833985150755149],
        [-0.02557653071485122, 6.919159510955579, 3.0095253045528967],
    ),
    (
        "lognormal",
        (1.0, 0.5, 3),
        [6.566796858086436, 3.3203779080738896, 4.434296559644668],
        [3.4846132989976137, 2.5367097046483957, 3.757839792580996],
    ),
    ("logseries", (0.9, 4), [3, 2, 4, 7], [9, 2, 2, 20]),
    ("multinomial", (20, [0.2, 0.3, 0.5], 2), [[4, 7, 9], [4, 6, 10]], [[3, 10, 7], [5, 6, 9]]),
    ("negative_binomial", (5, 0.5, 4), [12, 9, 4, 7], [3, 2, 3, 2]),
    (
        "noncentral_chisquare",
        (3.0, 2.0, 3),
        [6.239245521554961, 10.37824662578843, 1.4286972405666416],
        [1.0299416915118464, 3.3428827765451437, 2.9867895397531816],
    ),
    (
        "noncentral_chisquare",
        (0.5, 0.2, 3),
        [0.5232559677486677, 0.06442857385592375, 1.693797075178013],
        [3.571053553082895, 0.0011850480284706065, 1.3489369306113839],
    ),
    (
        "noncentral_f",
        (5.0, 10.0, 2.0, 3),
        [10.588673013320076, 4.179006752228838, 1.3928258188319496],
        [2.417936405464196, 0.9841567008957902, 1.7216417006502596],
    ),
    (
        "normal",
        (10.0, 2.0, 3),
        [13.528104691935328, 10.800314416734446, 11.957475968211478],
        [10.993428306022466, 9.723471397657631, 11.295377076201385],
    ),
    (
        "pareto",
        (3.0, 3),
        [0.30381098483863833, 0.5198985476374516, 0.3603486791304562],
        [0.16932036645405568, 1.7274682836709054, 0.5510238033601347],
    ),
    ("poisson", (4.0, 4), [6, 7, 1, 8], [5, 4, 4, 4]),
    ("poisson", (250.0, 3), [252, 255, 246], [244, 261, 232]),
    (
        "power",
        (3.0, 3),
        [0.8187316819035433, 0.8942803392122016, 0.8447255278728459],
        [0.7208298808378721, 0.983293895741171, 0.9012303919814004],
    ),
    (
        "rayleigh",
        (2.0, 3),
        [2.523290721519199, 3.169770670525977, 2.7176801074505716],
        [1.937561539620064, 4.907236640650232, 3.245607115527632],
    ),
    (
        "standard_cauchy",
        (3,),
        [4.40839827218306, 0.43676244117948704, -1.910979495807419],
        [-3.5924974762375737, 0.425263191903688, 1.000070120387526],
    ),
    (
        "standard_exponential",
        (3,),
        [0.79587450816311, 1.2559307629658378, 0.9232231458040688],
        [0.4692680899768591, 3.010121430917521, 1.3167456935454493],
    ),
    (
        "standard_gamma",
        (0.5, 3),
        [0.3040018897607044, 0.37827172006781556, 0.1794833890028876],
        [0.14028030062619642, 0.6590180328421851, 0.024341816165506288],
    ),
    (
        "standard_gamma",
        (9.0, 3),
        [14.966252583659303, 9.898878979386227, 15.409146363462586],
        [10.212736995591632, 8.26596667049727, 7.995452215955137],
    ),
    (
        "standard_normal",
        (3,),
        [1.764052345967664, 0.4001572083672233, 0.9787379841057392],
        [0.4967141530112327, -0.13826430117118466, 0.6476885381006925],
    ),
    (
        "standard_t",
        (5.0, 3),
        [1.6637059546931376, -1.6400953306985016, 1.0753707255172813],
        [0.559633537900822, -1.0757412185274327, 1.3339180441255216],
    ),
    (
        "triangular",
        (0.0, 1.0, 4.0, 3),
        [1.6731484892945785, 2.1512902868403145, 1.8166907028228287],
        [1.2603798486228697, 3.2309562281111655, 2.206658789225224],
    ),
    (
        "uniform",
        (-1.0, 1.0, 3),
        [0.0976270078546495, 0.43037873274483895, 0.20552675214328775],
        [-0.250919762305275, 0.9014286128198323, 0.4639878836228102],
    ),
    (
        "vonmises",
        (0.0, 4.0, 3),
        [0.5664411022373059, 0.5597777916728335, 0.40406878248435874],
        [0.3298952162362734, -0.6589000957030078, -0.6638836061386755],
    ),
    ("vonmises", (1.0, 1e-06, 2), [2.7241474838642956, 2.7118000146923045], [2.176651562520016, -0.8807401436120497]),
    (
        "wald",
        (1.0, 2.0, 3),
        [0.3078756406229838, 0.7542598388331518, 0.2894858227644076],
        [1.418286130790718, 1.1026636235806195, 0.8475691105266471],
    ),
    (
        "weibull",
        (2.0, 3),
        [0.892117990045661, 1.1206831679675742, 0.9608450165370421],
        [0.6850314518157974, 1.7349701527454358, 1.1474954002284494],
    ),
    ("zipf", (2.0, 4), [2, 2, 1, 1], [1, 3, 1, 1]),
    (
        "random_sample",
        (3,),
        [0.5488135039273248, 0.7151893663724195, 0.6027633760716439],
        [0.3745401188473625, 0.9507143064099162, 0.7319939418114051],
    ),
    ("tomaxint", (2,), [5061911111874532631, 6596457591747962464], [3454522818714476249, 8768791796696926855]),
    ("randint", (0, 10, 5), [5, 0, 3, 3, 7], [6, 3, 7, 4, 6]),
]


@pytest.mark.parametrize("name, arguments, after_0, after_42", LITERALS, ids=[f"{row[0]}{row[1]}" for row in LITERALS])
def test_each_distribution_gives_numpys_numbers(name, arguments, after_0, after_42):
    for seed, expected in ((0, after_0), (42, after_42)):
        drawn = getattr(RandomState(seed), name)(*arguments)
        assert (drawn.tolist() if hasattr(drawn, "tolist") else drawn) == expected


def test_numpys_own_suite_values_for_its_seed():
    seed = 1234567890  # NumPy's TestRandomDist
    assert RandomState(seed).binomial(100.123, 0.456, size=(3, 2)).tolist() == [[37, 43], [42, 48], [46, 45]]
    assert RandomState(seed).binomial(100.123, 0.456) == 37
    assert RandomState(seed).hypergeometric(10.1, 5.5, 14, size=(3, 2)).tolist() == [[10, 10], [10, 10], [9, 9]]
    assert RandomState(seed).negative_binomial(n=100, p=0.12345, size=(3, 2)).tolist() == [
        [848, 841],
        [892, 611],
        [779, 647],
    ]
    assert RandomState(seed).zipf(a=1.23, size=(3, 2)).tolist() == [[66, 29], [1, 1], [3, 13]]
    assert RandomState(seed).geometric(0.123456789, size=(3, 2)).tolist() == [[8, 7], [17, 17], [5, 12]]
    assert RandomState(seed).logseries(p=0.923456789, size=(3, 2)).tolist() == [[2, 2], [6, 17], [3, 6]]
    assert RandomState(seed).poisson(lam=0.123456789, size=(3, 2)).tolist() == [[0, 0], [1, 0], [0, 0]]
    assert RandomState(seed).multinomial(20, [1 / 6.0] * 6, size=(3, 2)).tolist() == [
        [[4, 3, 5, 4, 2, 2], [5, 2, 8, 2, 2, 1]],
        [[3, 4, 3, 6, 0, 4], [2, 1, 4, 3, 6, 4]],
        [[4, 4, 2, 5, 2, 3], [4, 3, 4, 2, 3, 4]],
    ]
    assert RandomState(seed).dirichlet([51.72840233779265162, 39.74494232180943953], size=(3, 2)).tolist() == [
        [[0.5453944457361156, 0.4546055542638844], [0.6234581682203941, 0.376541831779606]],
        [[0.5520600008578578, 0.44793999914214233], [0.589640233051543, 0.4103597669484569]],
        [[0.5926690928064783, 0.4073309071935218], [0.5697443174397521, 0.430255682560248]],
    ]


# (distribution, array arguments, NumPy's values after seed 123456789): NumPy's TestBroadcast and more
BROADCAST = [
    ("normal", ([0, 0, 0], [1]), [2.2129019979039612, 2.128397797652002, 1.8417114045748335]),
    ("normal", ([0], [1, 1, 1]), [2.2129019979039612, 2.128397797652002, 1.8417114045748335]),
    ("uniform", ([0, 0, 0], [1]), [0.532833024789759, 0.5341366008904166, 0.509553035526467]),
    ("beta", ([1, 1, 1], [2]), [0.19843558305989056, 0.07523033640942364, 0.24976865978980844]),
    ("exponential", ([1, 1, 1],), [0.7610685365884524, 0.7638628227869165, 0.712438131258918]),
    ("standard_gamma", ([1, 1, 1],), [0.7610685365884524, 0.7638628227869165, 0.712438131258918]),
    ("gamma", ([1, 1, 1], [2]), [1.5221370731769048, 1.527725645573833, 1.424876262517836]),
    ("f", ([1, 1, 1], [2]), [0.800389516382648, 0.8676871963536351, 2.72510951683868]),
    ("noncentral_f", ([2, 2, 2], [3], [4]), [9.139394326370521, 13.025456344595602, 8.801809835910055]),
    ("chisquare", ([1, 1, 1],), [0.5702280113308829, 0.5194770210884078, 0.1320969254923558]),
    ("noncentral_chisquare", ([1, 1, 1], [2]), [9.001559946791376, 4.580413504971874, 6.087230243283456]),
    ("standard_t", ([1, 1, 1],), [3.0702872575217643, 5.856072516736161, 1.0274791436474273]),
    ("vonmises", ([2, 2, 2], [1]), [2.9883443664201312, -2.7064099483995943, -1.8672476700665914]),
    ("pareto", ([1, 1, 1],), [1.1405622680198362, 1.146551976204453, 1.0389564467453547]),
    ("weibull", ([1, 1, 1],), [0.7610685365884524, 0.7638628227869165, 0.712438131258918]),
    ("power", ([1, 1, 1],), [0.532833024789759, 0.5341366008904166, 0.509553035526467]),
    ("laplace", ([0, 0, 0], [1]), [0.06792135602850716, 0.07071564222697133, 0.019290950698972624]),
    ("gumbel", ([0, 0, 0], [1]), [0.2730318639556768, 0.26936705726291116, 0.3390622039303794]),
    ("logistic", ([0, 0, 0], [1]), [0.1315213583758617, 0.13675915696285773, 0.038216792802833396]),
    ("lognormal", ([0, 0, 0], [1]), [9.142208604484843, 8.401395287012626, 6.307323411657867]),
    ("rayleigh", ([1, 1, 1],), [1.2337491937897689, 1.2360119924878694, 1.193681809578179]),
    ("wald", ([0.5, 0.5, 0.5], [1]), [0.11873681120271318, 0.12450084820795027, 0.9096122728408238]),
    ("triangular", ([1, 1, 1], [2], [3]), [2.03339048710429, 2.0347400359389356, 2.0095991069536208]),
    ("triangular", ([1], [2], [3, 3, 3]), [2.03339048710429, 2.0347400359389356, 2.0095991069536208]),
    ("binomial", ([1, 1, 1], [0.5]), [1, 1, 1]),
    ("negative_binomial", ([1, 1, 1], [0.5]), [1, 0, 1]),
    ("poisson", ([1, 1, 1],), [1, 1, 0]),
    ("zipf", ([2, 2, 2],), [2, 2, 1]),
    ("geometric", ([0.5, 0.5, 0.5],), [2, 2, 2]),
    ("hypergeometric", ([1, 1, 1], [2], [2]), [1, 1, 1]),
    ("logseries", ([0.5, 0.5, 0.5],), [1, 1, 1]),
    (
        "normal",
        ([[0], [10]], [1, 2, 3]),
        [
            [2.2129019979039612, 4.256795595304004, 5.525134213724501],
            [10.082382479514061, 11.717927359129206, 7.521950718599719],
        ],
    ),
    ("binomial", ([[10], [100]], [0.1, 0.5]), [[1, 5], [10, 53]]),
    ("poisson", ([[1.0, 20.0]],), [[1, 20]]),
]


@pytest.mark.parametrize("name, arguments, expected", BROADCAST, ids=[f"{row[0]}{row[1]}" for row in BROADCAST])
def test_array_parameters_broadcast_as_numpys_do(name, arguments, expected):
    assert getattr(RandomState(123456789), name)(*arguments).tolist() == expected


SINGLE = [
    "exponential",
    "standard_gamma",
    "chisquare",
    "standard_t",
    "pareto",
    "weibull",
    "power",
    "rayleigh",
    "poisson",
    "zipf",
]


@pytest.mark.parametrize("name", SINGLE)
def test_a_one_element_array_parameter_gives_a_one_element_tensor(name):
    assert getattr(RandomState(0), name)(tensor([2])).shape == (1,)
    assert getattr(RandomState(0), name)(2, size=(2, 1)).shape == (2, 1)


def test_two_and_three_parameters_of_one_element_broadcast_to_shape_1():
    for name in (
        "uniform",
        "normal",
        "beta",
        "gamma",
        "f",
        "noncentral_chisquare",
        "vonmises",
        "laplace",
        "gumbel",
        "logistic",
        "lognormal",
        "wald",
    ):
        for arguments in (([2], [3]), (2, [3]), ([2], 3)):
            assert getattr(RandomState(0), name)(*arguments).shape == (1,), name
    for name in ("binomial", "negative_binomial"):
        assert getattr(RandomState(0), name)([2], [0.5]).shape == (1,)
    for name in ("noncentral_f", "triangular", "hypergeometric"):
        assert getattr(RandomState(0), name)([2], 3, [4]).shape == (1,)


def test_an_output_size_must_hold_the_broadcast_parameters():
    with pytest.raises(
        ValueError, match=r"^Output size \(2, 1\) is not compatible with broadcast dimensions of inputs"
    ):
        RandomState(0).binomial([1, 2], [0.3, 0.7], size=(2, 1))
    with pytest.raises(ValueError, match=r"Mismatch is between arg 0 with shape \(3,\) and arg 1 with shape \(2,\)"):
        RandomState(0).normal([0, 1], 1, size=3)
    assert RandomState(0).normal([0, 1], 1, size=(3, 2)).shape == (3, 2)
    assert iterator_shape((2, 1), (3,), ()) == (2, 3) and shape_of([2, 3]) == (2, 3)


# ---------------------------------------------------------------------------
# Edge cases, where NumPy's C meets zeros, infinities and NaN
# ---------------------------------------------------------------------------


def test_zero_scales_give_the_location():
    assert RandomState(0).exponential(scale=0) == 0.0 and RandomState(0).gamma(0, 0) == 0.0
    assert RandomState(0).standard_gamma(0) == 0.0 and RandomState(0).lognormal(sigma=0) == 1.0
    assert RandomState(0).laplace(scale=0) == 0.0 and RandomState(0).gumbel(scale=0) == 0.0
    assert RandomState(0).rayleigh(scale=0) == 0.0 and RandomState(0).normal(scale=0) == 0.0
    assert RandomState(0).logistic(1.0, 0.0) == 1.0 and RandomState(0).weibull(0, size=12).tolist() == [0.0] * 12
    assert RandomState(0).logseries(0) == 1 and RandomState(0).binomial(0, 0.5, size=3).tolist() == [0, 0, 0]


def test_what_draws_numpy_makes_for_the_trivial_cases():
    state = RandomState(1)
    assert state.binomial(0, 0.5) == 0 and state.rand() == 0.7203244934421581  # n = 0 still draws once
    state = RandomState(1)
    assert state.poisson(0.0) == 0 and state.rand() == 0.417022004702574  # lam = 0 draws nothing


def test_nan_parameters_give_nan_and_draw_as_numpy_does():
    state = RandomState(1)
    assert math.isnan(state.noncentral_f(5, 2, math.nan)) and state.rand() == 0.14675589081711304
    state = RandomState(1)
    assert math.isnan(state.noncentral_chisquare(0.5, math.nan)) and state.rand() == 0.0923385947687978
    state = RandomState(1)
    assert math.isnan(state.vonmises(0, math.nan)) and state.rand() == 0.417022004702574
    assert all(math.isnan(v) for v in RandomState(0).noncentral_f([2], [3], [math.nan] * 3).tolist())


def test_out_of_range_casts_give_what_numpys_c_gives():
    # NumPy casts an infinite double to a C long: x86-64 gives -2**63 ("integer indefinite").
    assert RandomState(1).negative_binomial(1, 0.0, 3).tolist() == [LONG_MIN] * 3
    assert RandomState(1).geometric(1e-17, 3).tolist() == [LONG_MIN] * 3
    assert (c_long(2.5), c_long(-2.5), c_long(math.nan), c_long(2.0**63)) == (2, -2, LONG_MIN, LONG_MIN)


def test_overflows_are_infinities_not_errors():
    state = RandomState(1)
    assert state.pareto(0.001, 3).tolist() == [2.2276016168935716e234, math.inf, 0.12117961490206008]
    assert state.lognormal(0, 1000, 3).tolist() == [0.0, 1.1346059534388798e-195, 0.0]


def test_a_zipf_that_numpy_would_never_finish_is_refused():
    assert RandomState(1).zipf(1000.0, 3).tolist() == [1, 1, 1]  # 2 ** 999 is finite: NumPy's numbers
    with pytest.raises(ValueError, match="too large: 2 \\*\\* \\(a - 1\\) overflows"):
        RandomState(1).zipf(2000.0)  # NumPy loops forever here


def _untemper(word):
    """The state word whose Mersenne Twister output is ``word`` (the tempering undone)."""
    word ^= word >> 18
    word ^= (word << 15) & 0xEFC60000
    result = word
    for _ in range(5):
        result = word ^ ((result << 7) & 0x9D2C5680)
    word = result & 0xFFFFFFFF
    result = word
    for _ in range(3):
        result = word ^ (result >> 11)
    return result & 0xFFFFFFFF


def test_a_crafted_state_cannot_make_geometric_hang():
    # Two words of all ones make the largest double below 1; for this p the search's sum of
    # chances stops at 0.999999999999999, so NumPy's loop never ends. zeronn says so instead.
    keys = [0] * 622 + [_untemper(0xFFFFFFFF)] * 2
    state = RandomState()
    state.set_state(("MT19937", keys, 622))
    assert state.random_sample() == 1 - 2**-53
    state.set_state(("MT19937", keys, 622))
    with pytest.raises(ValueError, match="never ends"):
        state.geometric(0.3465212935436027)
    state.set_state(("MT19937", keys, 622))
    assert state.geometric(0.5) == 53  # NumPy 2.4.6 too: where the sum reaches 1, the same draw ends the search


def test_vonmises_of_tiny_concentration_is_uniform_and_finite():
    drawn = RandomState(1234567890).vonmises(0.0, 1.1e-8, size=10**4).tolist()
    assert all(-math.pi <= v <= math.pi for v in drawn)
    large = RandomState(1234567890).vonmises(0.0, 1e7, size=3).tolist()
    assert [round(v, 8) for v in large] == [
        round(v, 8) for v in (4.634253748521111e-04, 3.558873596114509e-04, -2.337119622577433e-04)
    ]


def test_loggam_is_log_gamma():
    assert loggam(1.0) == loggam(2.0) == 0.0
    for x in (0.5, 3.0, 7.5, 10.0, 123.25):
        assert math.isclose(loggam(x), math.lgamma(x), rel_tol=1e-13)


# ---------------------------------------------------------------------------
# The multivariate ones
# ---------------------------------------------------------------------------


def test_multinomial_is_numpys_and_checks_as_numpy_does():
    state = RandomState(2)
    assert state.multinomial(100.5, [0.2, 0.8]).tolist() == [19, 81]  # n truncated, as NumPy's C long
    assert state.multinomial(5, [0.5, 0.5, 0, 0]).tolist() == [0, 5, 0, 0]
    assert state.multinomial(1, [0.5, 0.5], [2, 2]).shape == (2, 2, 2)
    assert RandomState(2).multinomial(100, [0.0, 3 / 45, 12 / 45, 21 / 45, 9 / 45]).shape == (5,)
    x = [9.9e-01, 9.9e-01] + [1.0e-09] * 8
    total = sum(tensor(x, "float32").tolist())
    pvals = tensor([v / total for v in tensor(x, "float32").tolist()], "float32")
    with pytest.raises(ValueError, match=r"pvals array is cast to 64-bit floating"):
        RandomState(0).multinomial(1, pvals)
    for bad in ([[0, 1]], [[0], [1]], tensor([[0, 1], [1, 0]])):
        with pytest.raises(ValueError, match="exceed the maximum number of dimension of 1"):
            RandomState(0).multinomial(10, bad)
    with pytest.raises(TypeError):
        RandomState(0).multinomial(1, [0.5, 0.5], 1.0)


def test_dirichlet_shapes_and_checks():
    alpha = [51.72840233779265162, 39.74494232180943953]
    assert RandomState(0).dirichlet(alpha, 1).shape == (1, 2) and RandomState(0).dirichlet(alpha, [2, 2]).shape == (
        2,
        2,
        2,
    )
    assert RandomState(0).dirichlet(alpha, tensor([2, 2])).shape == (2, 2, 2)
    with pytest.raises(ValueError, match="alpha <= 0"):
        RandomState(0).dirichlet([5.4e-01, -1.0e-16])
    with pytest.raises(TypeError):
        RandomState(0).dirichlet(alpha, 1.0)


def test_multivariate_normal_with_a_diagonal_covariance_is_numpys():
    state = RandomState(1234567890)  # NumPy's test_multivariate_normal, to the last bit
    assert state.multivariate_normal((0.123456789, 10), [[1, 0], [0, 1]], (3, 2)).tolist() == [
        [[1.4636202467186312, 11.73759122771936], [1.622445133300628, 9.771356667546383]],
        [[2.154490787682787, 12.170324946056553], [1.7199094382018647, 9.230548443648306]],
        [[0.689515026297799, 9.880729819607714], [-0.023054015651997814, 9.20109662354288]],
    ]
    assert state.multivariate_normal((0.123456789, 10), [[1, 0], [0, 1]]).tolist() == [
        0.8952895694637081,
        9.17180864067987,
    ]
    assert RandomState(3).multivariate_normal([1, 2, 3], [[2, 0, 0], [0, 0.5, 0], [0, 0, 9]], 2).tolist() == [
        [1.617318150703508, 2.0682340140410496, 8.365885420290956],
        [0.6077138419618422, 1.7491475200720816, -2.590478110093472],
    ]
    assert RandomState(3).multivariate_normal([0, 0], [[3, 0], [0, 3]], 2).tolist() == [
        [3.0979953918456715, 0.7560572390910612],
        [0.1671385175024745, -3.2276640417611766],
    ]
    assert RandomState(3).multivariate_normal([0, 0, 0], [[1, 0, 0], [0, 0, 0], [0, 0, 4]], 2).tolist() == [
        [0.43650985051198943, 0.0, 3.577256946860637],
        [-0.27738820251439905, 0.0, -3.7269854067289816],
    ]


@pytest.mark.parametrize(
    "cov",
    [
        [[1, 2], [2, 1]],
        [[1, 0.1], [0.1, 1]],
        [[2, 0, 0], [0, 2, 0], [0, 0, 3]],
        [[-1, 0], [0, 2]],
        [[math.inf, 0], [0, 1]],
    ],
)
def test_multivariate_normal_refuses_what_it_cannot_draw_as_numpy(cov):
    with pytest.raises(ValueError, match="zeronn draws only for a diagonal covariance"):
        RandomState(0).multivariate_normal([0] * len(cov), cov)


# ---------------------------------------------------------------------------
# NumPy's test_integer_repeat: a million draws of each discrete distribution
# ---------------------------------------------------------------------------

INT_FUNCS = {
    "binomial": ((100.0, 0.6), "8626dd9d052cb608e93d8868de0a7b347258b199493871a1dc56e2a26cacb112"),
    "geometric": ((0.5,), "8edd53d272e49c4fc8fbbe6c7d08d563d62e482921f3131d0a0e068af30f0db9"),
    "hypergeometric": ((20, 20, 10), "83496cc4281c77b786c9b7ad88b74d42e01603a55c60577ebab81c3ba8d45657"),
    "logseries": ((0.5,), "65878a38747c176bc00e930ebafebb69d4e1e16cd3a704e264ea8f5e24f548db"),
    "multinomial": ((20, [1 / 6.0] * 6), "7a984ae6dca26fd25374479e118b22f55db0aedccd5a0f2584ceada33db98605"),
    "negative_binomial": ((100, 0.5), "d636d968e6a24ae92ab52fe11c46ac45b0897e98714426764e820a7d77602a61"),
    "poisson": ((10.0,), "956552176f77e7c9cb20d0118fc9cf690be488d790ed4b4c4747b965e61b0bb4"),
    "zipf": ((2,), "f84ba7feffda41e606e20b28dfc0f1ea9964a74574513d4a4cbc98433a8bfa45"),
}


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(INT_FUNCS))
def test_a_million_draws_hash_to_numpys_own_test_hash(name):
    arguments, sha256 = INT_FUNCS[name]
    values = getattr(RandomState(123456789), name)(*arguments, size=1000000)
    assert values.dtype.name == "int64"
    flat = values.to_flat_list()
    assert hashlib.sha256(struct.pack(f"<{len(flat)}q", *flat)).hexdigest() == sha256
