"""zeronn.random's generator, seeds, state, integers and samples give NumPy's numbers and
NumPy's errors (the literals are NumPy 2.4.6's; the distributions are in
test_random_distributions.py, the comparisons with a live NumPy in test_random_oracle.py)."""

import hashlib
import math
import pickle
import struct
import warnings

import pytest

from zeronn import arange, random, tensor
from zeronn.random import RandomState
from zeronn.random.integers import WordBuffer, mask_for
from zeronn.random.mt19937 import MT19937

# ---------------------------------------------------------------------------
# The book's functions
# ---------------------------------------------------------------------------


def test_randn_after_seed_is_numpys():
    random.seed(0)
    assert random.randn(3).tolist() == [1.764052345967664, 0.4001572083672233, 0.9787379841057392]
    # The polar method makes normals in pairs; the second of a pair is kept for the next call.
    assert random.randn(2, 2).tolist() == [
        [2.240893199201458, 1.8675579901499675],
        [-0.977277879876411, 0.9500884175255894],
    ]


def test_uniform_floats_are_numpys():
    random.seed(1)
    assert random.rand(3).tolist() == [0.417022004702574, 0.7203244934421581, 0.00011437481734488664]
    assert random.random_sample() == 0.30233257263183977
    assert random.random((2,)).tolist() == [0.14675589081711304, 0.0923385947687978]
    assert random.ranf() == 0.1862602113776709 and random.sample(1).tolist() == [0.34556072704304774]


def test_integers_are_numpys_masked_draws():
    random.seed(2)
    assert random.randint(10, size=8).tolist() == [8, 8, 6, 2, 8, 7, 2, 1]
    assert random.randint(-5, 5, size=(2, 3)).tolist() == [[0, -1, -1], [0, 2, -2]]
    assert random.randint(0, 2**40, size=3).tolist() == [440292465412, 730936603499, 222416320871]  # 64-bit draws
    assert random.randint(7) == 6


def test_choices_are_numpys():
    random.seed(3)
    assert random.choice(60000, 6).tolist() == [5994, 1688, 11513, 59011, 48056, 25544]  # the book's batches
    assert random.choice([10, 20, 30], 5, p=[0.1, 0.6, 0.3]).tolist() == [20, 30, 30, 20, 20]
    assert random.choice(8, 4, replace=False).tolist() == [3, 2, 1, 5]
    assert random.choice(5, 3, replace=False, p=[0.1, 0.2, 0.3, 0.2, 0.2]).tolist() == [2, 1, 3]
    assert random.choice(4) == 3


def test_shuffles_and_permutations_are_numpys():
    random.seed(4)
    x = arange(10)
    random.shuffle(x)
    assert x.tolist() == [3, 8, 4, 9, 2, 6, 0, 1, 5, 7]
    assert random.permutation(7).tolist() == [6, 3, 2, 4, 0, 1, 5]
    assert random.permutation(arange(6).reshape(3, 2)).tolist() == [[2, 3], [0, 1], [4, 5]]
    items = list(range(5))
    RandomState(4).shuffle(items)  # a plain list shuffles in place too
    assert items == RandomState(4).permutation(5).tolist()
    rows = arange(10).reshape(5, 2)
    RandomState(0).shuffle(rows)  # rows move whole, drawn as NumPy draws them
    assert rows.tolist() == [[4, 5], [0, 1], [2, 3], [6, 7], [8, 9]]


def test_the_books_weights_are_numpys_weights():
    random.seed(0)
    weight = 0.01 * random.randn(784, 50)  # TwoLayerNet's W1
    assert weight.shape == (784, 50)
    assert weight[783, :3].tolist() == [0.000272306333876963, -0.008412454742213025, 0.0023972215688536688]


def test_normal_and_uniform_are_numpys():
    random.seed(6)
    assert random.normal(3.0, 0.5, 3).tolist() == [2.8441081632562417, 3.364501961806252, 3.108910394038001]
    assert random.uniform(2, 4, 2).tolist() == [3.059634724385643, 2.8376148571133086]


def test_choice_with_p_and_no_size_draws_one_number_and_uniform_defaults_to_0_1():
    random.seed(0)  # NumPy 2.4: choice(3, p=[.2, .3, .5]) is 2, and the next rand() is 0.7151893663724195
    assert random.choice(3, p=[0.2, 0.3, 0.5]) == 2 and random.rand() == 0.7151893663724195
    random.seed(0)
    assert random.uniform() == 0.5488135039273248


# ---------------------------------------------------------------------------
# Seeds (NumPy's TestSeed)
# ---------------------------------------------------------------------------


def test_seeds_of_every_form():
    random.seed([1, 2, 3])  # init_by_array
    assert random.rand(2).tolist() == [0.6098612722867289, 0.8866970434146851]
    random.seed(2**32 - 1)
    assert random.randn(2).tolist() == [0.6484086742306527, 0.6693235306338161]
    random.seed(tensor([1, 2, 3]))
    assert random.rand() == 0.6098612722867289
    assert RandomState([2**32 - 1]).rand() == 0.6353574441341173  # the largest word a sequence may hold
    random.seed(0)  # the smallest seed, and a sequence's smallest word
    assert random.rand() == 0.5488135039273248 and RandomState([0]).rand() == 0.8444218515250481


def test_seeds_pick_numpys_integers():
    # NumPy's TestSeed: an int, a range, a tensor, one-word sequences.
    assert RandomState(0).randint(1000) == 684 and RandomState(4294967295).randint(1000) == 419
    assert RandomState(range(10)).randint(1000) == 468 == RandomState(arange(10)).randint(1000)
    assert RandomState([0]).randint(1000) == 973 and RandomState([4294967295]).randint(1000) == 265
    # A one-element tensor squeezes to an int seed, as np.array([5]) does; a list stays a sequence.
    assert RandomState(tensor([5])).rand() == RandomState(5).rand() != RandomState([5]).rand()
    assert RandomState(True).rand() == RandomState(1).rand()  # operator.index(True) is 1


def test_a_seed_from_the_system_is_never_the_all_zero_state(monkeypatch):
    from zeronn.random import mt19937

    monkeypatch.setattr(mt19937.os, "urandom", bytes)  # the worst the system could give: all zeros
    name, keys, position, *_ = RandomState().get_state()
    assert (name, keys.tolist()[0], keys.tolist()[1:], position) == ("MT19937", 0x80000000, [0] * 623, 624)


def test_seeding_none_keeps_the_position_as_numpy_does():
    state = RandomState(5)
    state.rand(3)  # six words read
    state.seed(None)
    assert state.get_state()[2] == 6


# ---------------------------------------------------------------------------
# State (NumPy's TestSetState)
# ---------------------------------------------------------------------------


def test_the_state_says_whether_a_gaussian_is_kept_as_numpy_does():
    random.seed(1)
    name, key, position, has_gauss, gauss = random.get_state()
    assert (name, key.shape, key.dtype.name, position, has_gauss, gauss) == ("MT19937", (624,), "uint32", 624, 0, 0.0)
    random.randn()  # the polar method makes two normals and keeps the second
    assert random.get_state()[3:] == (1, -0.6117564136500754)  # NumPy 2.4's numbers after seed(1)


def test_state_round_trips_and_generators_are_independent():
    state = RandomState(12)
    saved = state.get_state()
    first = state.randn(3).tolist()
    state.set_state(saved)
    assert state.randn(3).tolist() == first
    state.set_state(saved[:3])  # NumPy's short form: no cached Gaussian
    assert state.randn(3).tolist() == first
    odd = RandomState(3)
    odd.randn()  # Gaussians come in pairs: the second waits in the state
    assert odd.get_state()[3:] == (1, 0.43650985051198943)
    fresh = RandomState(0)
    fresh.set_state(odd.get_state())
    assert fresh.randn() == 0.43650985051198943  # the cached one, as NumPy gives it
    one, two = RandomState(5), RandomState(5)
    one.rand(10)
    assert two.rand() == RandomState(5).rand()


def test_the_state_as_a_dict_and_pickles_round_trip():
    state = RandomState(0)
    state.random_sample(100)
    state.standard_normal()
    as_dict = state.get_state(legacy=False)
    assert sorted(as_dict) == ["bit_generator", "gauss", "has_gauss", "state"] and as_dict["has_gauss"] == 1
    copy = pickle.loads(pickle.dumps(state))
    assert (
        copy.get_state()[1].tolist() == state.get_state()[1].tolist()
        and copy.randn(3).tolist() == state.randn(3).tolist()
    )
    other = RandomState(1)
    other.__setstate__(as_dict)
    assert other.get_state(legacy=False)["state"]["pos"] == as_dict["state"]["pos"] == 204  # NumPy's position


def test_the_state_keeps_numpys_first_624_keys_and_tomaxint_repeats():
    state = RandomState(1234567890)
    saved = state.get_state()
    old = state.tomaxint(16).tolist()
    state.set_state(("MT19937", saved[1].tolist() + [7, 8], saved[2]))  # extra keys are ignored, as in NumPy
    assert state.tomaxint(16).tolist() == old
    assert RandomState(1234567890).tomaxint() == old[0] == 5707374374421908479  # NumPy's test_tomaxint


def test_repr_and_str_are_numpys():
    state = RandomState(1234567890)
    assert str(state) == "RandomState(MT19937)" and repr(state).startswith("RandomState(MT19937) at 0x")


# ---------------------------------------------------------------------------
# Bounded integers: every dtype, its word buffer, broadcasting
# ---------------------------------------------------------------------------

BOUNDS = {
    "bool": (0, 1),
    "int8": (-128, 127),
    "uint8": (0, 255),
    "int16": (-32768, 32767),
    "uint16": (0, 65535),
    "int32": (-(2**31), 2**31 - 1),
    "uint32": (0, 2**32 - 1),
    "int64": (-(2**63), 2**63 - 1),
    "uint64": (0, 2**64 - 1),
}

# (dtype, randint(0, 6 (bool: 2), size=12) after seed 1234, then randint(0, 100)): NumPy's numbers.
# The 8-bit dtypes take four numbers from a word and the 16-bit two, so their later draws are not shifted.
BY_DTYPE = [
    ("bool", [True, True, True, True, False, True, False, False, True, True, False, True], 83),
    ("int8", [3, 1, 3, 2, 5, 2, 5, 4, 5, 1, 4, 4], 24),
    ("uint8", [3, 1, 3, 2, 5, 2, 5, 4, 5, 1, 4, 4], 24),
    ("int16", [3, 2, 5, 5, 4, 4, 3, 0, 5, 1, 4, 1], 23),
    ("uint16", [3, 2, 5, 5, 4, 4, 3, 0, 5, 1, 4, 1], 23),
    ("int32", [3, 5, 4, 4, 0, 1, 1, 1, 2, 3, 4, 4], 26),
    ("uint32", [3, 5, 4, 4, 0, 1, 1, 1, 2, 3, 4, 4], 26),
    ("int64", [3, 5, 4, 4, 0, 1, 1, 1, 2, 3, 4, 4], 26),
    ("uint64", [3, 5, 4, 4, 0, 1, 1, 1, 2, 3, 4, 4], 26),
]


@pytest.mark.parametrize("dtype, values, after", BY_DTYPE)
def test_each_dtype_draws_numpys_integers_and_leaves_the_stream_where_numpy_does(dtype, values, after):
    state = RandomState(1234)
    drawn = state.randint(0, 2 if dtype == "bool" else 6, size=12, dtype=dtype)
    assert (drawn.dtype.name, drawn.tolist()) == (dtype, values)
    assert state.randint(0, 100) == after


# NumPy's test_repeatability: the SHA-256 of randint(0, 6 (bool: 2), size=1000) after seed 1234, little-endian.
REPEATABILITY = {
    "bool": "509aea74d792fb931784c4b0135392c65aec64beee12b0cc167548a2c3d31e71",
    "int16": "7b07f1a920e46f6d0fe02314155a2330bcfd7635e708da50e536c5ebb631a7d4",
    "int32": "e577bfed6c935de944424667e3da285012e741892dcb7051a8f1ce68ab05c92f",
    "int64": "0fbead0b06759df2cfb55e43148822d4a1ff953c7eb19a5b08445a63bb64fa9e",
    "int8": "001aac3a5acb935a9b186cbe14a1ca064b8bb2dd0b045d48abeacf74d0203404",
    "uint16": "7b07f1a920e46f6d0fe02314155a2330bcfd7635e708da50e536c5ebb631a7d4",
    "uint32": "e577bfed6c935de944424667e3da285012e741892dcb7051a8f1ce68ab05c92f",
    "uint64": "0fbead0b06759df2cfb55e43148822d4a1ff953c7eb19a5b08445a63bb64fa9e",
    "uint8": "001aac3a5acb935a9b186cbe14a1ca064b8bb2dd0b045d48abeacf74d0203404",
}
CODES = {
    "bool": "?",
    "int8": "b",
    "uint8": "B",
    "int16": "h",
    "uint16": "H",
    "int32": "i",
    "uint32": "I",
    "int64": "q",
    "uint64": "Q",
}


@pytest.mark.parametrize("dtype", sorted(REPEATABILITY))
def test_a_thousand_integers_hash_to_numpys_own_test_hash(dtype):
    values = RandomState(1234).randint(0, 2 if dtype == "bool" else 6, size=1000, dtype=dtype).tolist()
    data = struct.pack(f"<{len(values)}{CODES[dtype]}", *values)
    assert hashlib.sha256(data).hexdigest() == REPEATABILITY[dtype]


def test_array_bounds_broadcast_with_one_word_buffer_as_numpys_do():
    state = RandomState(0)
    assert state.randint([0, 10, 100], [5, 20, 200], dtype="uint8").tolist() == [4, 14, 123]
    assert state.randint([[0], [10]], [20, 30]).tolist() == [[0, 3], [13, 17]]
    assert state.randint(-5, [0, 5, 10], dtype="int16").tolist() == [-4, -1, -2]
    # NumPy fills an output of another shape with the first draws of the broadcast, in order.
    assert RandomState(0).randint([1, 2], [3, 4], size=(2, 1)).tolist() == [[1], [3]]


def test_full_ranges_use_the_bits_unmasked():
    state = RandomState(0)
    assert state.randint(0, 2**64, size=2, dtype="uint64").tolist() == [10123822223749065263, 13192915183495924928]
    assert state.randint(-(2**63), 2**63, size=2).tolist() == [1895649597198586619, 827948490035658087]
    assert state.randint(0, 2**40, size=2).tolist() == [41332891347, 91845220082]
    assert state.randint(0, 256, size=5, dtype="uint8").tolist() == [36, 183, 5, 112, 87]
    assert state.randint(-(2**15), 2**15, size=3, dtype="int16").tolist() == [-17338, 25675, 15832]


def test_repeatability_32bit_boundary_broadcasting_is_numpys():
    desired = [
        [
            [3992670689, 2438360420, 2557845020],
            [4107320065, 4142558326, 3216529513],
            [1605979228, 2807061240, 665605495],
        ],
        [
            [3211410639, 4128781000, 457175120],
            [1712592594, 1282922662, 3081439808],
            [3997822960, 2008322436, 1563495165],
        ],
        [
            [1398375547, 4269260146, 115316740],
            [3414372578, 3437564012, 2112038651],
            [3572980305, 2260248732, 3908238631],
        ],
        [
            [2561372503, 223155946, 3127879445],
            [441282060, 3514786552, 2148440361],
            [1629275283, 3479737011, 3003195987],
        ],
        [[412181688, 940383289, 3047321305], [2978368172, 764731833, 2282559898], [105711276, 720447391, 3596512484]],
    ]
    for size, expected in ((None, desired[0]), ((5, 3, 3), desired)):
        drawn = RandomState(12345).randint([[-1], [0], [1]], [2**32 - 1, 2**32, 2**32 + 1], size=size)
        assert drawn.tolist() == expected


@pytest.mark.parametrize("dtype", sorted(BOUNDS))
def test_bounds_are_checked_for_every_dtype(dtype):
    low, high = BOUNDS[dtype][0], BOUNDS[dtype][1] + 1
    state = RandomState()
    for bad in ((low - 1, high), (low, high + 1), (high, low), (1, 0)):
        with pytest.raises(ValueError, match="out of bounds|low >= high|high <= 0"):
            state.randint(*bad, dtype=dtype)
    for target in (high - 1, low, (low + high) // 2):  # a range of one value: no draw needed
        assert set(state.randint(target, target + 1, size=100, dtype=dtype).tolist()) == {target}
    drawn = state.randint(low, high, dtype=dtype)  # the full range
    assert low <= drawn < high and type(drawn) is (bool if dtype == "bool" else int)
    many = state.randint(low, high, size=50, dtype=dtype)
    assert many.dtype.name == dtype and all(low <= v < high for v in many.tolist())


def test_random_integers_is_randint_closed_and_warns_as_numpy_does():
    with pytest.warns(DeprecationWarning, match=r"Please call randint\(-99, 99 \+ 1\) instead"):
        drawn = RandomState(1234567890).random_integers(-99, 99, size=(3, 2))
    assert (
        drawn.tolist() == [[31, 3], [-52, 41], [-48, -66]] == RandomState(1234567890).randint(-99, 99, (3, 2)).tolist()
    )
    with pytest.warns(DeprecationWarning, match=r"randint\(1, 198 \+ 1\)"):
        assert RandomState(1234567890).random_integers(198, size=(3, 2)).tolist() == [[131, 103], [48, 141], [52, 34]]
    with pytest.warns(DeprecationWarning):
        assert random.random_integers(2**63 - 1, 2**63 - 1) == 2**63 - 1


def test_int64_bounds_at_the_top_of_the_range():
    assert random.randint(2**63 - 1, 2**63, dtype="int64") == 2**63 - 1  # NumPy's int64/uint64 corner case
    assert RandomState(0).randint(0, 0, size=(3, 0, 4)).shape == (3, 0, 4)  # nothing drawn, nothing checked
    assert RandomState(0).randint(10, 10, size=0).tolist() == []


def test_bytes_are_little_endian_words():
    assert RandomState(1234567890).bytes(10) == b"\x82Ui\x9e\xff\x97+Wf\xa5"  # NumPy's test_bytes
    state = RandomState(0)
    assert state.bytes(0) == b"" and state.bytes(3) == RandomState(0).bytes(8)[4:7]  # (a length of 0 reads a word)


def test_word_buffer_hands_out_the_low_pieces_first():
    bits = MT19937(0)
    word = MT19937(0).next_uint32()
    buffer = WordBuffer(bits)
    assert [buffer.take(8) for _ in range(4)] == [(word >> shift) & 0xFF for shift in (0, 8, 16, 24)]
    assert [mask_for(n) for n in (1, 2, 3, 255, 256)] == [1, 3, 3, 255, 511]


# ---------------------------------------------------------------------------
# Samples
# ---------------------------------------------------------------------------


def test_choice_of_numpys_suite():
    seed = 1234567890
    assert RandomState(seed).choice(4, 4).tolist() == [2, 3, 2, 3]
    assert RandomState(seed).choice(4, 4, p=[0.4, 0.4, 0.1, 0.1]).tolist() == [1, 1, 2, 2]
    assert RandomState(seed).choice(4, 3, replace=False).tolist() == [0, 1, 3]
    assert RandomState(seed).choice(4, 3, replace=False, p=[0.1, 0.3, 0.5, 0.1]).tolist() == [2, 3, 1]
    assert RandomState(seed).permutation([1, 2, 3, 4, 5, 6, 7, 8, 9, 0]).tolist() == [0, 1, 9, 6, 2, 4, 5, 8, 7, 3]
    assert RandomState(seed).permutation(10).tolist() == [9, 0, 8, 5, 1, 3, 4, 7, 6, 2]


def test_choice_shapes_and_empty_samples():
    state = RandomState(0)
    picked = state.choice([], size=0), state.choice(0, 0), state.choice([], size=(2, 0))
    assert [(t.shape, t.dtype.name) for t in picked] == [((0,), "float64"), ((0,), "int64"), ((2, 0), "float64")]
    assert state.rand() == RandomState(0).rand()  # no samples taken, nothing drawn: as NumPy
    p = [0.1, 0.1, 0.1, 0.1, 0.4, 0.2]
    for replace in (True, False):
        assert state.choice(6, (2, 3), replace=replace).shape == (2, 3)
        assert state.choice(6, (2, 3), replace=replace, p=p).shape == (2, 3)
        assert state.choice(2, (), replace=replace).shape == ()  # size=(): a 0-d tensor, not a number


def test_choice_takes_float32_probabilities_with_float32_tolerance():
    p = tensor([0.3, 0.3, 0.4000001], dtype="float32")  # sums to 1 only within float32's precision
    assert RandomState(0).choice(3, 5, p=p).tolist() == [1, 2, 2, 1, 1]
    with pytest.raises(ValueError, match="probabilities do not sum to 1"):
        RandomState(0).choice(3, p=[0.3, 0.3, 0.4001])
    with pytest.raises(ValueError, match="probabilities contain NaN"):
        RandomState(0).choice(tensor([42, 1, 2]), p=[None, None, None])  # None is NaN, as NumPy reads it


def test_shuffle_keeps_every_item_and_refuses_read_only_tensors():
    # NumPy's test_shuffle: lists, tensors of several dtypes, rows; the same order for each.
    conversions = (
        lambda x: x,
        lambda x: tensor(x, "int8"),
        lambda x: tensor(x, "float32"),
        lambda x: [(i, i) for i in x],
        lambda x: tensor([[i, i] for i in x]),
    )
    for conv in conversions:
        items = conv([1, 2, 3, 4, 5, 6, 7, 8, 9, 0])
        RandomState(1234567890).shuffle(items)
        expected = conv([0, 1, 9, 6, 2, 4, 5, 8, 7, 3])
        if isinstance(items, list):
            assert items == expected
        else:
            assert (items.tolist(), items.dtype) == (expected.tolist(), expected.dtype)
    frozen = arange(3)
    frozen.setflags(write=False)
    with pytest.raises(ValueError, match="read-only"):
        random.shuffle(frozen)
    empty = tensor([])
    random.shuffle(empty)
    assert empty.tolist() == []


def test_shuffling_a_mapping_warns_as_numpy_does():
    values = {0: 0, 1: 1, 2: 2, 3: 3, 4: 4, 5: 5, 6: 6}
    with pytest.warns(UserWarning, match="you are shuffling a 'dict' object") as record:
        RandomState(0).shuffle(values)
    assert "test_random" in record[0].filename and sorted(values.values()) == list(range(7))


# ---------------------------------------------------------------------------
# Bad arguments: NumPy's exception types (or a subclass) and NumPy's messages
# ---------------------------------------------------------------------------

nan, inf = math.nan, math.inf
BAD = [
    ("r.randint(0)", ValueError, "high <= 0"),
    ("r.randint(5, 5)", ValueError, "low >= high"),
    ("r.randint(5, 2)", ValueError, "low >= high"),
    ("r.randint(-1, 5, dtype='uint8')", ValueError, "low is out of bounds for uint8"),
    ("r.randint(0, 257, dtype='uint8')", ValueError, "high is out of bounds for uint8"),
    ("r.randint(0, 3, dtype=bool)", ValueError, "high is out of bounds for bool"),
    ("r.randint(0, 3, dtype=float)", TypeError, "Unsupported dtype dtype('float64') for randint"),
    ("r.randint([0, 3], [5, 2])", ValueError, "low >= high"),
    ("r.randint([0, 0], [5, 0])", ValueError, "high <= 0"),
    ("r.randint(0, 2**64 + 1, dtype='uint64')", ValueError, "high is out of bounds for uint64"),
    ("r.randint(-2**63 - 1, 0)", ValueError, "low is out of bounds for int64"),
    ("r.randint(0, 3, size=-1)", ValueError, "negative dimensions are not allowed"),
    ("r.randint(float('nan'), 3)", ValueError, "cannot convert float NaN to integer"),
    ("r.rand(-1)", ValueError, "negative dimensions are not allowed"),
    ("r.random_sample(2.0)", TypeError, "expected a sequence of integers or a single integer, got '2.0'"),
    ("r.choice(0, 3)", ValueError, "a must be greater than 0 unless no samples are taken"),
    ("r.choice([], 3)", ValueError, "'a' cannot be empty unless no samples are taken"),
    ("r.choice(3.0, 3)", ValueError, "a must be 1-dimensional or an integer"),
    ("r.choice([[1, 2]], 3)", ValueError, "a must be 1-dimensional"),
    ("r.choice(3, 4, replace=False)", ValueError, "Cannot take a larger sample than population when 'replace=False'"),
    ("r.choice(3, p=[0.5, 0.5])", ValueError, "'a' and 'p' must have same size"),
    ("r.choice(3, p=[[1.0, 0, 0]])", ValueError, "'p' must be 1-dimensional"),
    ("r.choice(2, p=[0.6, 0.6])", ValueError, "probabilities do not sum to 1"),
    ("r.choice(2, p=[1.5, -0.5])", ValueError, "probabilities are not non-negative"),
    ("r.choice(2, p=[nan, 1.0])", ValueError, "probabilities contain NaN"),
    ("r.choice(3, 3, replace=False, p=[0.5, 0.5, 0.0])", ValueError, "Fewer non-zero entries in p than size"),
    ("r.choice(3, -1, replace=False)", ValueError, "Negative dimensions are not allowed"),
    ("r.choice([1, 2, 3], (-1, 1), replace=False)", ValueError, "Negative dimensions are not allowed"),
    ("r.permutation(1.5)", IndexError, "x must be an integer or at least 1-dimensional"),
    ("r.permutation('abc')", IndexError, "x must be an integer or at least 1-dimensional"),
    ("r.permutation(tensor(3.0))", IndexError, "x must be an integer or at least 1-dimensional"),
    ("r.shuffle(tensor(3))", TypeError, "len() of unsized object"),
    ("r.seed(-1)", ValueError, "Seed must be between 0 and 2**32 - 1"),
    ("r.seed(2**32)", ValueError, "Seed must be between 0 and 2**32 - 1"),
    ("r.seed([])", ValueError, "Seed must be non-empty"),
    ("r.seed([[1, 2]])", ValueError, "Seed array must be 1-d"),
    (
        "r.seed(-0.5)",
        TypeError,
        "Cannot cast scalar from dtype('float64') to dtype('int64') according to the rule 'safe'",
    ),
    (
        "r.seed([-0.5])",
        TypeError,
        "Cannot cast array data from dtype('float64') to dtype('int64') according to the rule 'safe'",
    ),
    ("r.seed([-1])", ValueError, "Seed must be between 0 and 2**32 - 1"),
    ("r.seed([1, 2, 4294967296])", ValueError, "Seed must be between 0 and 2**32 - 1"),
    ("r.seed(tensor([], dtype='int64'))", ValueError, "Seed must be non-empty"),
    ("r.set_state(())", IndexError, "a legacy state is ('MT19937', keys, pos) or ('MT19937', keys, pos, has_gauss"),
    ("r.set_state(('MT19937', [0] * 624, 624, 1))", IndexError, "a legacy state is ('MT19937', keys, pos) or"),
    (
        "r.set_state(('PCG64', [0] * 624, 624))",
        ValueError,
        "set_state can only be used with legacy MT19937 state instances.",
    ),
    ("r.set_state('state')", TypeError, "state must be a dict or a tuple."),
    ("r.set_state({'a': 1})", ValueError, "state dictionary is not valid."),
    ("r.set_state({'bit_generator': 'PCG64', 'state': {}})", ValueError, "state must be for a MT19937 PRNG"),
    ("r.set_state(('MT19937', [0] * 623, 624))", IndexError, "state must hold 624 keys, got 623"),
    ("r.set_state(('MT19937', [0] * 624, 625))", IndexError, "state position must be in 0..624, got 625"),
    ("r.set_state(('MT19937', [2**32] * 624, 624))", OverflowError, "state keys must be between 0 and 2**32 - 1"),
]


@pytest.mark.parametrize("call, error, message", BAD, ids=[row[0] for row in BAD])
def test_bad_arguments_get_numpys_errors(call, error, message):
    with pytest.raises(error) as raised:
        eval(call, {"r": RandomState(0), "nan": nan, "inf": inf, "tensor": tensor})
    assert str(raised.value).startswith(message)
    assert isinstance(raised.value, (ValueError, TypeError))  # zeronn's rule: also a ValueError or TypeError


def test_huge_samples_are_refused_before_any_memory_is_taken():
    for call in (
        lambda: random.permutation(10**13),
        lambda: random.choice(10**13, 3, replace=False),
        lambda: random.rand(10**7, 10**7),
        lambda: random.multinomial(5, [0.5, 0.5], 10**13),
        lambda: random.bytes(10**14),
        lambda: random.poisson([1.0, 2.0], size=(10**7, 10**7, 2)),
    ):
        with pytest.raises(ValueError, match="needs at least .* bytes, more than"):
            call()


def test_deprecation_warnings_become_errors_when_asked():
    with warnings.catch_warnings():
        warnings.simplefilter("error", DeprecationWarning)
        with pytest.raises(DeprecationWarning):
            random.random_integers(2**63 - 1)
