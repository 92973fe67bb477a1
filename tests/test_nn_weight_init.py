"""zeronn.nn.weight_init: the book's scales (He, Xavier, a number) and NumPy's initial weights."""

import math

import pytest

import zeronn
import zeronn.nn
from zeronn import random
from zeronn.nn import init_weights, weight_scale


@pytest.mark.parametrize(
    "weight_init_std, n, scale",
    [
        ("relu", 784, 0.050507627227610534),  # He: sqrt(2 / n), NumPy's np.sqrt(2.0 / 784)
        ("He", 50, 0.2),
        ("sigmoid", 100, 0.1),  # Xavier: sqrt(1 / n)
        ("XAVIER", 784, 1 / 28),
        (0.01, 784, 0.01),  # a number is the scale itself
        (1, 3, 1),
    ],
)
def test_weight_scale_is_the_books(weight_init_std, n, scale):
    assert weight_scale(weight_init_std, n) == scale


@pytest.mark.parametrize("weight_init_std", ["tanh", None, True, [0.01]])
def test_weight_scale_refuses_what_the_book_does_not_know(weight_init_std):
    with pytest.raises(ValueError, match="weight_init_std must be a number, 'relu'/'he' or 'sigmoid'/'xavier', got"):
        weight_scale(weight_init_std, 10)


@pytest.mark.parametrize(
    "sizes, message",
    [
        ([784], "init_weights needs the sizes of the inputs and the outputs at least, got \\[784\\]"),
        ([784, 0, 10], "layer sizes must be positive integers, got \\[784, 0, 10\\]"),
        ([784, 50.0, 10], "layer sizes must be positive integers"),
    ],
)
def test_init_weights_refuses_bad_sizes(sizes, message):
    with pytest.raises(ValueError, match=message):
        init_weights(sizes)


def test_he_and_xavier_weights_have_their_spread():
    # NumPy after np.random.seed(0): std 0.09904186977537453 for He (0.1 asked), 0.07003317773956229 for Xavier.
    random.seed(0)
    he = init_weights([200, 100], "relu")["W1"]
    random.seed(0)
    xavier = init_weights([200, 100], "sigmoid")["W1"]
    cases = [(he, 0.09904186977537453, math.sqrt(2 / 200)), (xavier, 0.07003317773956229, math.sqrt(1 / 200))]
    for W, numpy_std, scale in cases:
        std = math.sqrt(((W - W.mean()) ** 2).mean())
        assert abs(std - numpy_std) <= 1e-12 and abs(std - scale) <= 0.02 * scale


def initial_weights(np, nn):
    """The book's networks' initial weights after seed 0: ch05's TwoLayerNet, and
    MultiLayerNet with He, Xavier and a number."""
    got = {}
    np.random.seed(0)
    got["TwoLayerNet"] = nn.TwoLayerNet(3, 2, 2).params
    for std in ("relu", "sigmoid", 0.5):
        got[f"MultiLayerNet {std}"] = nn.MultiLayerNet(3, [2, 2], 2, weight_init_std=std).params
    return {key: {name: value.tolist() for name, value in params.items()} for key, params in got.items()}


NUMPY_INITIAL_WEIGHTS = {'TwoLayerNet': {'W1': [[0.017640523459676642, 0.004001572083672233],
                                                [0.009787379841057393, 0.022408931992014578],
                                                [0.018675579901499675, -0.00977277879876411]],
                                         'b1': [0.0, 0.0],
                                         'W2': [[0.009500884175255894, -0.001513572082976979],
                                                [-0.0010321885179355784, 0.004105985019383723]],
                                         'b2': [0.0, 0.0]},
                         'MultiLayerNet relu': {'W1': [[0.11761108335747647, 1.1874093461690427],
                                                       [0.6213847005395347, 0.09934723495071908],
                                                       [0.36241281193616753, 0.2724439474444476]],
                                                'b1': [0.0, 0.0],
                                                'W2': [[1.4940790731576061, -0.20515826376580087],
                                                       [0.31306770165090136, -0.8540957393017248]],
                                                'b2': [0.0, 0.0],
                                                'W3': [[-2.5529898158340787, 0.6536185954403606],
                                                       [0.8644361988595057, -0.7421650204064419]],
                                                'b3': [0.0, 0.0]},
                         'MultiLayerNet sigmoid': {'W1': [[1.310443443153643, -0.8396784137297485],
                                                          [0.026418692281708032, -0.10807064620036556],
                                                          [0.8849504920181185, 0.8483346813380669]],
                                                   'b1': [0.0, 0.0],
                                                   'W2': [[0.10956437543768824, 0.26740128200128765],
                                                          [-0.6277593223900216, -1.4006346148315025]],
                                                   'b2': [0.0, 0.0],
                                                   'W3': [[-0.24601104004570926, 0.1105554162849503],
                                                          [0.8699468831731851, 0.8502109446375129]],
                                                   'b3': [0.0, 0.0]},
                         'MultiLayerNet 0.5': {'W1': [[-0.19366340870397614, -0.15115137528766778],
                                                      [-0.5242764825335463, -0.7100089685894876],
                                                      [-0.8531350953125063, 0.9753876976158948]],
                                               'b1': [0.0, 0.0],
                                               'W2': [[-0.25482609087582675, -0.2190371508055932],
                                                      [-0.6263976800249631, 0.38874517791595503]],
                                               'b2': [0.0, 0.0],
                                               'W3': [[-0.8069489237789758, -0.10637014010698435],
                                                      [-0.4477332805968378, 0.193451248929631]],
                                               'b3': [0.0, 0.0]}}


def test_the_networks_start_from_numpys_weights():
    assert initial_weights(zeronn, zeronn.nn) == NUMPY_INITIAL_WEIGHTS  # scale * randn: the same numbers exactly
