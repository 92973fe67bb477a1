"""zeronn.random gives NumPy's numbers for NumPy's seeds (the literals are NumPy 2.4's)."""

import pytest

from zeronn import arange, random, tensor
from zeronn.random import RandomState


def test_randn_after_seed_is_numpys():
    random.seed(0)
    assert random.randn(3).tolist() == [1.764052345967664, 0.4001572083672233, 0.9787379841057392]
    # The polar method makes normals in pairs; the second of a pair is kept for the next call.
    assert random.randn(2, 2).tolist() == [[2.240893199201458, 1.8675579901499675],
                                           [-0.977277879876411, 0.9500884175255894]]


def test_uniform_floats_are_numpys():
    random.seed(1)
    assert random.rand(3).tolist() == [0.417022004702574, 0.7203244934421581, 0.00011437481734488664]
    assert random.random_sample() == 0.30233257263183977
    assert random.random((2,)).tolist() == [0.14675589081711304, 0.0923385947687978]


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
    for seed in (2**32, -1, [2**32], [-1], [0, 2**32]):
        with pytest.raises(ValueError, match="^Seed must be between 0 and 2\\*\\*32 - 1"):
            random.seed(seed)


def test_the_state_says_whether_a_gaussian_is_kept_as_numpy_does():
    random.seed(1)
    name, key, position, has_gauss, gauss = random.get_state()
    assert (name, len(key), position, has_gauss, gauss) == ("MT19937", 624, 624, 0, 0.0)
    random.randn()  # the polar method makes two normals and keeps the second
    assert random.get_state()[3:] == (1, -0.6117564136500754)  # NumPy 2.4's numbers after seed(1)


def test_choice_with_p_and_no_size_draws_one_number_and_uniform_defaults_to_0_1():
    random.seed(0)  # NumPy 2.4: choice(3, p=[.2, .3, .5]) is 2, and the next rand() is 0.7151893663724195
    assert random.choice(3, p=[0.2, 0.3, 0.5]) == 2 and random.rand() == 0.7151893663724195
    random.seed(0)
    assert random.uniform() == 0.5488135039273248


def test_a_state_needs_624_keys_and_a_position_within_them():
    _, keys, _, _, _ = RandomState(0).get_state()
    for bad_keys, position in ((keys, 625), (keys[:623], 0), (keys + [0], 624)):
        with pytest.raises(ValueError, match=r"^state must hold 624 keys and a position in 0\.\.624$"):
            random.set_state(("MT19937", bad_keys, position))


def test_a_seed_from_the_system_is_never_the_all_zero_state(monkeypatch):
    monkeypatch.setattr(random.os, "urandom", bytes)  # the worst the system could give: all zeros
    name, key, position, *_ = RandomState().get_state()
    assert (name, key[0], key[1:], position) == ("MT19937", 0x80000000, [0] * 623, 624)  # NumPy's rule


def test_normal_and_uniform_are_numpys():
    random.seed(6)
    assert random.normal(3.0, 0.5, 3).tolist() == [2.8441081632562417, 3.364501961806252, 3.108910394038001]
    assert random.uniform(2, 4, 2).tolist() == [3.059634724385643, 2.8376148571133086]


def test_the_books_weights_are_numpys_weights():
    random.seed(0)
    weight = 0.01 * random.randn(784, 50)  # TwoLayerNet's W1
    assert weight.shape == (784, 50)
    assert weight[783, :3].tolist() == [0.000272306333876963, -0.008412454742213025, 0.0023972215688536688]


def test_state_round_trips_and_generators_are_independent():
    state = RandomState(12)
    saved = state.get_state()
    first = state.randn(3).tolist()
    state.set_state(saved)
    assert state.randn(3).tolist() == first
    assert saved[0] == "MT19937" and len(saved[1]) == 624
    nothing = RandomState(0)
    picked = nothing.choice([], size=0), nothing.choice(0, 0), nothing.choice([], size=(2, 0))
    assert [(t.shape, t.dtype) for t in picked] == [((0,), "float64"), ((0,), "int64"), ((2, 0), "float64")]
    assert nothing.rand() == RandomState(0).rand()  # no samples taken, nothing drawn: as NumPy
    state.set_state(saved[:3])  # NumPy's short form: no cached Gaussian
    assert state.randn(3).tolist() == first
    odd = RandomState(3)
    odd.randn()  # Gaussians come in pairs: the second waits in the state
    assert odd.get_state()[3:] == (True, 0.43650985051198943)
    fresh = RandomState(0)
    fresh.set_state(odd.get_state())
    assert fresh.randn() == 0.43650985051198943  # the cached one, as NumPy gives it
    one, two = RandomState(5), RandomState(5)
    one.rand(10)
    assert two.rand() == RandomState(5).rand()


BAD = [
    (lambda: random.seed(-1), ValueError, "Seed must be between 0 and 2\\*\\*32 - 1"),
    (lambda: random.seed(2**32), ValueError, "Seed must be between 0 and 2\\*\\*32 - 1"),
    (lambda: random.seed([]), ValueError, "non-empty sequence of ints"),
    (lambda: random.choice([]), ValueError, "'a' cannot be empty unless no samples are taken"),
    (lambda: random.choice(3, 2, p=[[0.5, 0.5]]), ValueError, "'p' must be 1-dimensional"),
    (lambda: random.choice(0, 2), ValueError, "a must be greater than 0 unless no samples are taken"),
    (lambda: random.seed(1.5), ValueError, "non-empty sequence of ints"),
    (lambda: random.randint(5, 5), ValueError, "low >= high"),
    (lambda: random.randint(0), ValueError, "high <= 0"),
    (lambda: random.choice(0, 3), ValueError, "a must be greater than 0"),
    (lambda: random.choice([[1, 2]], 1), ValueError, "a must be 1-dimensional"),
    (lambda: random.choice(3, 5, replace=False), ValueError, "Cannot take a larger sample"),
    (lambda: random.choice(3, p=[0.5, 0.5]), ValueError, "'a' and 'p' must have same size"),
    (lambda: random.choice(2, p=[0.5, 0.6]), ValueError, "probabilities do not sum to 1"),
    (lambda: random.choice(2, p=[1.5, -0.5]), ValueError, "probabilities are not non-negative"),
    (lambda: random.choice(3, 3, replace=False, p=[0.5, 0.5, 0.0]), ValueError, "Fewer non-zero entries in p"),
    (lambda: random.normal(0, -1), ValueError, "scale < 0"),
    (lambda: random.rand(-1), ValueError, "size must hold non-negative ints"),
    (lambda: random.randint(0, 10, dtype=float), TypeError, "Unsupported dtype float64 for randint"),
    (lambda: random.permutation(tensor(3.0)), ValueError, "at least 1-dimensional"),
]


@pytest.mark.parametrize("call, error, message", BAD)
def test_bad_arguments_get_clear_errors(call, error, message):
    with pytest.raises(error, match=message):
        call()
