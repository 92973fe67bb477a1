"""zeronn.nn.convnets: both networks' backpropagation against their numerical gradient (by
property, float64), their shapes and the weights shared with their layers, NumPy's numbers
for seeded networks and a short training run (the same scenarios on the book's
``ch07/simple_convnet.py`` and ``ch08/deep_convnet.py`` with NumPy: marked oracle), and the
book's trained weights classifying the MNIST test images as on NumPy."""

import importlib
import sys
from contextlib import contextmanager

import pytest
from conftest import SHARED_DATA
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from test_nn_gradient import assert_gradients_agree, without_the_log_guard
from test_nn_oracle import BOOK, the_books_code

import zeronn
import zeronn.nn
from zeronn import random, tensor
from zeronn.nn import (
    CONVNETS,
    DeepConvNet,
    Dropout,
    Pooling,
    Relu,
    SimpleConvNet,
    im2col,
    numerical_gradient,
    pretrained,
)
from zeronn.testing import assert_allclose

WEIGHTS = {"simple-convnet": BOOK / "ch07" / "params.pkl", "deep-convnet": BOOK / "ch08" / "deep_convnet_params.pkl"}
MNIST = SHARED_DATA / "mnist"
needs_the_weights = pytest.mark.skipif(
    not all(path.exists() for path in WEIGHTS.values()) or not (MNIST / "t10k-images-idx3-ubyte.gz").exists(),
    reason="the book's weights (../shared/book) or MNIST (../shared/data/mnist) are not at hand",
)


@contextmanager
def the_books_convnets():
    """``(numpy, book)``: ``the_books_code()``, and the book's ``SimpleConvNet`` and
    ``DeepConvNet`` from ``ch07`` and ``ch08`` beside it."""
    with the_books_code() as (numpy, book):
        sys.path[:0] = [str(BOOK / "ch07"), str(BOOK / "ch08")]
        try:
            for name in ("simple_convnet", "deep_convnet"):
                module = importlib.import_module(name)
                assert module.np is numpy
                book.__dict__.update({key: value for key, value in vars(module).items() if not key.startswith("_")})
            yield numpy, book
        finally:
            del sys.path[:2]
            for name in ("simple_convnet", "deep_convnet"):
                sys.modules.pop(name, None)


# ---------------------------------------------------------------------------
# Shapes, and the weights the layers share
# ---------------------------------------------------------------------------


def test_the_books_networks_have_the_books_layers_and_weights():
    random.seed(0)
    simple, deep = SimpleConvNet(), DeepConvNet()
    assert list(simple.layers) == ["Conv1", "Relu1", "Pool1", "Affine1", "Relu2", "Affine2"]
    assert {key: value.shape for key, value in simple.params.items()} == {
        "W1": (30, 1, 5, 5), "b1": (30,), "W2": (4320, 100), "b2": (100,), "W3": (100, 10), "b3": (10,)}
    assert list(deep.layers) == [
        "Conv1", "Relu1", "Conv2", "Relu2", "Pool1", "Conv3", "Relu3", "Conv4", "Relu4", "Pool2",
        "Conv5", "Relu5", "Conv6", "Relu6", "Pool3", "Affine1", "Relu7", "Dropout1", "Affine2", "Dropout2"]
    assert {key: value.shape for key, value in deep.params.items() if key.startswith("W")} == {
        "W1": (16, 1, 3, 3), "W2": (16, 16, 3, 3), "W3": (32, 16, 3, 3), "W4": (32, 32, 3, 3),
        "W5": (64, 32, 3, 3), "W6": (64, 64, 3, 3), "W7": (1024, 50), "W8": (50, 10)}
    for network in (simple, deep):  # the very tensors: an optimizer's update reaches the layers
        for idx, layer in enumerate(network.weighted_layers(), start=1):
            assert layer.W is network.params["W" + str(idx)] and layer.b is network.params["b" + str(idx)]
        assert network.layers["Conv1"].needs_dx is False  # its input is the data


def test_simple_convnet_sizes_its_affine_layer_from_both_sides_of_the_image():
    random.seed(0)
    network = SimpleConvNet(input_dim=(2, 9, 6), conv_param={"filter_num": 3, "filter_size": 2, "pad": 0, "stride": 1},
                            hidden_size=4, output_size=2)
    assert network.params["W2"].shape == (3 * 4 * 2, 4)  # 8 x 5 convolved, 4 x 2 pooled (odd sides round down)
    assert network.predict(random.rand(2, 2, 9, 6)).shape == (2, 2)


def test_deep_convnet_loss_trains_unless_told_and_predict_tests_unless_told():
    random.seed(0)
    network = DeepConvNet(hidden_size=4, output_size=3)
    x, t = random.rand(2, 1, 28, 28), tensor([0, 2])
    y = network.predict(x)
    assert network.predict(x, train_flg=False).tolist() == y.tolist()
    assert network.loss(x, t, train_flg=False) == network.last_layer.forward(y, t)
    random.seed(1)
    first = network.loss(x, t)
    random.seed(2)
    assert network.loss(x, t) != first  # dropout draws another mask: the book's loss is for training


def test_accuracy_counts_every_image_a_batch_at_a_time_and_reports_progress():
    random.seed(0)
    network = SimpleConvNet(input_dim=(1, 6, 6), conv_param={"filter_num": 2, "filter_size": 3, "pad": 0, "stride": 1},
                            hidden_size=3, output_size=3, weight_init_std=1.0)
    x = random.rand(7, 1, 6, 6)
    labels = network.predict(x).argmax(axis=1)
    t = labels.copy()
    t[:2] = (t[:2] + 1) % 3  # two of seven wrong
    seen = []
    assert network.accuracy(x, t, batch_size=3, progress=lambda done, total: seen.append((done, total))) == 5 / 7
    assert seen == [(3, 7), (6, 7), (7, 7)]  # the last, smaller batch counts too
    assert network.accuracy(x, zeronn.eye(3)[t]) == 5 / 7  # one-hot answers
    with pytest.raises(ValueError, match="batch_size must be at least 1, got 0"):
        network.accuracy(x, t, batch_size=0)


def test_pretrained_knows_the_two_names_and_draws_no_random_numbers(tmp_path):
    assert sorted(CONVNETS) == ["deep-convnet", "simple-convnet"]
    random.seed(0)
    network = SimpleConvNet()
    path = tmp_path / "params.pkl"
    network.save_params(path)
    random.seed(5)
    state = random.get_state()
    loaded = pretrained("simple-convnet", path)
    assert isinstance(loaded, SimpleConvNet)
    assert loaded.params["W1"].tolist() == network.params["W1"].tolist()
    assert random.get_state()[1].tolist() == state[1].tolist() and random.get_state()[2] == state[2]
    with pytest.raises(ValueError, match="no network called 'lenet'"):
        pretrained("lenet", path)


# ---------------------------------------------------------------------------
# Backpropagation against the numerical gradient
# ---------------------------------------------------------------------------


def far_from_the_kinks(network, x, seed):
    """Whether, in the training forward pass (dropout's masks from ``seed``), every ReLU
    input is at least 1e-3 away from 0, and every pooling window's largest positive number
    at least 1e-3 above the next: a numerical gradient that steps across a kink is wrong.
    (Windows of ReLU's zeros are harmless: no gradient flows back through them.)"""
    random.seed(seed)
    for layer in network.layers.values():
        values = x.to_flat_list()
        if isinstance(layer, Relu) and min(abs(v) for v in values) < 1e-3:
            return False
        if isinstance(layer, Pooling):  # the windows, one per row, as the book's Pooling cuts them
            col = im2col(x, layer.pool_h, layer.pool_w, layer.stride, layer.pad)
            for window in col.reshape(-1, layer.pool_h * layer.pool_w).tolist():
                second, top = sorted(window)[-2:]
                if top > 0 and top - second < 1e-3:
                    return False
        x = layer.forward(x, True) if isinstance(layer, Dropout) else layer.forward(x)
    return True


def numerical_gradients(network, x, t, seed):
    """The numerical gradient of the training loss for every weight, dropout's masks the
    same each time, and without the loss's guard against log 0 (which ``backward`` leaves out)."""

    def loss(_):
        random.seed(seed)
        return network.loss(x, t, train_flg=True)

    with without_the_log_guard():
        return {key: numerical_gradient(loss, network.params[key]) for key in network.params}


@st.composite
def simple_convnets_and_data(draw):
    C, H, W = draw(st.integers(1, 2)), draw(st.integers(3, 6)), draw(st.integers(3, 6))
    pad = draw(st.integers(0, 1))
    size = draw(st.integers(1, min(H, W) + 2 * pad - 1))  # at least 2 x 2 convolved, for the pooling
    conv_param = {"filter_num": draw(st.integers(1, 3)), "filter_size": size, "pad": pad, "stride": 1}
    random.seed(draw(st.integers(0, 2**32 - 1)))
    network = SimpleConvNet((C, H, W), conv_param, hidden_size=draw(st.integers(1, 3)),
                            output_size=draw(st.integers(2, 3)), weight_init_std=1.0)
    batch = draw(st.integers(1, 3))
    x = random.randn(batch, C, H, W)
    t = tensor(draw(st.lists(st.integers(0, network.params["b3"].size - 1), min_size=batch, max_size=batch)))
    return network, x, t


@settings(max_examples=25)
@given(simple_convnets_and_data())
def test_simple_convnet_gradient_is_the_numerical_gradient(case):
    network, x, t = case
    assume(far_from_the_kinks(network, x, 0))
    assert_gradients_agree(network.gradient(x, t), numerical_gradients(network, x, t, 0))


@settings(max_examples=5)
@given(st.integers(0, 2**32 - 1), st.integers(1, 2))
def test_deep_convnet_gradient_is_the_numerical_gradient(seed, batch):
    random.seed(seed)
    conv_params = [{"filter_num": 2, "filter_size": 3, "pad": 2 if idx == 4 else 1, "stride": 1} for idx in range(1, 7)]
    network = DeepConvNet((1, 4, 4), *conv_params, hidden_size=3, output_size=2)
    x, t = random.randn(batch, 1, 4, 4), random.randint(0, 2, size=batch)
    assume(far_from_the_kinks(network, x, seed))
    random.seed(seed)  # the same dropout masks as the numerical gradient's
    assert_gradients_agree(network.gradient(x, t), numerical_gradients(network, x, t, seed))


# ---------------------------------------------------------------------------
# NumPy's numbers: seeded networks and a training run
# ---------------------------------------------------------------------------


def seeded_convnets(np, nn):
    """Both networks drawn after seed 0, on random images: scores, losses, and each
    gradient as its sum of squares and first four numbers. ``np`` is zeronn or NumPy, ``nn``
    zeronn.nn or the book's classes (its DeepConvNet has its sizes written in, so it is
    the book's, but for the Affine layers)."""
    np.random.seed(0)
    conv_param = {"filter_num": 3, "filter_size": 3, "pad": 0, "stride": 1}
    simple = nn.SimpleConvNet(input_dim=(1, 10, 10), conv_param=conv_param, hidden_size=5, output_size=4,
                              weight_init_std=0.1)
    x = np.random.rand(2, 1, 10, 10)
    t = np.array([1, 3])
    deep = nn.DeepConvNet(hidden_size=6, output_size=3)
    x28 = np.random.rand(2, 1, 28, 28)
    t28 = np.array([2, 0])
    got = {}
    for name, network, images, labels in (("simple", simple, x, t), ("deep", deep, x28, t28)):
        scores = network.predict(images, train_flg=False) if name == "deep" else network.predict(images)
        grads = network.gradient(images, labels)  # (the deep one's dropout draws its masks here)
        summaries = {key: [float((g * g).sum()), g.flatten()[:4].tolist()] for key, g in sorted(grads.items())}
        got[name] = {"scores": np.asarray(scores).tolist(), "loss": float(network.loss(images, labels)),
                     "grads": summaries}
    return got


NUMPY_SEEDED_CONVNETS = {'deep': {'grads': {'W1': [0.042150086089993447,
                                                   [-0.0017090851379918612, 0.022663698156484658,
                                                    -0.008794689542566098, -0.015730211378169576]],
                                            'W2': [0.4514800416897363,
                                                   [0.0017005578857821296, 0.0055884563965005,
                                                    -0.00016786511771961238, 0.008939543091916273]],
                                            'W3': [0.4863344944278745, [0.0, 0.0, 0.0, 0.0]],
                                            'W4': [0.617713710573943, [0.0, 0.0, 0.0, 0.0]],
                                            'W5': [0.890769975907099,
                                                   [0.011496063732068578, 0.016643951075327276, 0.01256722077021939,
                                                    0.020932977053538648]],
                                            'W6': [2.0414610196941076,
                                                   [0.0019427293128879426, 0.0013935943141979536,
                                                    0.001994083347479429, 0.0007557379281464586]],
                                            'W7': [3.3518176578179006, [0.0, 0.0, 0.0, 0.0]],
                                            'W8': [0.01362260140550577, [0.0, 0.0, 0.0, -0.020453233556190675]],
                                            'b1': [0.011561743635429209,
                                                   [0.013590676865472669, -0.06523687655444224,
                                                    -0.0014438533533517855, 0.0030294865180964833]],
                                            'b2': [0.0226123950442932,
                                                   [0.047409685072780726, 0.044030138215529396, -0.03246523410763438,
                                                    -0.05777827539632371]],
                                            'b3': [0.01832565594478367,
                                                   [0.0, -0.0028982554510465107, 0.011638696934648023,
                                                    -0.05090178921772695]],
                                            'b4': [0.02067727901712601,
                                                   [-0.008972142830466587, 0.0006447883879600137,
                                                    -0.03991233300825433, 0.01866114356417178]],
                                            'b5': [0.014964031569325808,
                                                   [0.043382447829100806, 0.0, 0.008569665286409364,
                                                    -0.0060603214462161175]],
                                            'b6': [0.02000425500150999,
                                                   [0.005065402958357914, -0.008301290751220467,
                                                    -0.00019951903013669674, 0.01042919774628347]],
                                            'b7': [0.014065224524157705, [0.0, -0.040206793490629104, 0.0, 0.0]],
                                            'b8': [0.11716196457644458,
                                                   [-0.3170366639230152, 0.12903378745510682, 0.0]]},
                                  'loss': 1.073581208830102,
                                  'scores': [[0.05973144180835507, 0.0812391669234291, -0.08960791612727123],
                                             [0.05433207085653601, 0.05709536361826623, -0.09154826431841494]]},
                         'simple': {'grads': {'W1': [0.021181784127008062,
                                                     [0.0023050755000767996, 0.02341178927635712,
                                                      0.014127191813738749, 0.00877903425779123]],
                                              'W2': [0.05256150916562692,
                                                     [0.0, 0.0, 0.008131138400707411, 0.04288884728187471]],
                                              'W3': [0.0074932832396515615, [0.0, 0.0, 0.0, 0.0]],
                                              'b1': [0.007589175033047185,
                                                     [0.0277303618983876, 0.01635240991861065, -0.08094937153483875]],
                                              'b2': [0.010578942163632019,
                                                     [0.0, 0.0, 0.026923613959597505, 0.09917612407980457]],
                                              'b3': [0.2583885335438786,
                                                     [0.256045270867796, -0.2509705607196069, 0.25224711670613154,
                                                      -0.25732182685432065]]},
                                    'loss': 1.3959085117721153,
                                    'scores': [[0.03820541155964318, 0.004168155995889891, 0.018982386528064457,
                                                -0.03622299491294413],
                                               [0.02130830204529181, -0.0001636325260146434, 0.010688871396800415,
                                                -0.011611174966358783]]}}


def training_run(np, nn):
    """The book's Trainer, Adam, on a small SimpleConvNet: three epochs of four steps on
    100 random 6 x 6 images whose label says which corner is brighter. The losses and
    accuracies, as numbers (100 images: the book's accuracy leaves out a batch under 100)."""
    np.random.seed(3)
    x = np.random.rand(100, 1, 6, 6)
    t = (x[:, 0, :3, :3].sum(axis=1).sum(axis=1) < x[:, 0, 3:, 3:].sum(axis=1).sum(axis=1)).astype(int)
    conv_param = {"filter_num": 4, "filter_size": 3, "pad": 1, "stride": 1}
    network = nn.SimpleConvNet(input_dim=(1, 6, 6), conv_param=conv_param, hidden_size=8, output_size=2,
                               weight_init_std=0.3)
    trainer = nn.Trainer(network, x, t, x, t, epochs=3, mini_batch_size=25, optimizer="Adam",
                         optimizer_param={"lr": 0.01}, verbose=False)
    trainer.train()
    lists = {"loss": trainer.train_loss_list, "train_acc": trainer.train_acc_list, "test_acc": trainer.test_acc_list}
    return {key: [float(v) for v in values] for key, values in lists.items()}


NUMPY_TRAINING_RUN = {'loss': [0.7135340485052144, 0.6650251533328548, 0.653736797526362, 0.6727900254513217,
                               0.6791289160672236, 0.6512742669137737, 0.6891511926824598, 0.6617544996843548,
                               0.6264715923083043, 0.667075619122248, 0.5897811820364472, 0.5953649528642923],
                      'test_acc': [0.52, 0.66, 0.68],
                      'train_acc': [0.52, 0.66, 0.68]}


def assert_close_everywhere(actual, expected, rtol):
    """Nested dicts and lists of numbers, equal to ``rtol`` (the sums are added up in another order than NumPy's)."""
    if isinstance(expected, dict):
        assert actual.keys() == expected.keys()
        for key in expected:
            assert_close_everywhere(actual[key], expected[key], rtol)
    elif isinstance(expected, list):
        assert len(actual) == len(expected)
        for a, e in zip(actual, expected):
            assert_close_everywhere(a, e, rtol)
    else:
        assert abs(actual - expected) <= rtol * abs(expected) + 1e-15, (actual, expected)


def test_seeded_networks_give_numpys_numbers():
    assert_close_everywhere(seeded_convnets(zeronn, zeronn.nn), NUMPY_SEEDED_CONVNETS, rtol=1e-11)


def test_a_training_run_gives_numpys_numbers():
    assert_close_everywhere(training_run(zeronn, zeronn.nn), NUMPY_TRAINING_RUN, rtol=1e-10)


@pytest.mark.oracle
@pytest.mark.parametrize("scenario, literal", [(seeded_convnets, "NUMPY_SEEDED_CONVNETS"),
                                                (training_run, "NUMPY_TRAINING_RUN")])
def test_each_literal_is_its_scenario_on_the_books_code_and_numpy(scenario, literal):
    with the_books_convnets() as (numpy, book):
        assert scenario(numpy, book) == globals()[literal]


# ---------------------------------------------------------------------------
# The book's trained weights on MNIST
# ---------------------------------------------------------------------------

# NumPy's predictions for the first 100 test images, with the book's code and weights
# (the labels differ at 8, 78 and 92 for SimpleConvNet: 0.98; at 78 and 92 for DeepConvNet: 0.99).
NUMPY_PREDICTIONS = {
    "simple-convnet": [7, 2, 1, 0, 4, 1, 4, 9, 6, 9, 0, 6, 9, 0, 1, 5, 9, 7, 3, 4, 9, 6, 6, 5, 4,
                       0, 7, 4, 0, 1, 3, 1, 3, 4, 7, 2, 7, 1, 2, 1, 1, 7, 4, 2, 3, 5, 1, 2, 4, 4,
                       6, 3, 5, 5, 6, 0, 4, 1, 9, 5, 7, 8, 9, 3, 7, 4, 6, 4, 3, 0, 7, 0, 2, 9, 1,
                       7, 3, 2, 9, 7, 7, 6, 2, 7, 8, 4, 7, 3, 6, 1, 3, 6, 4, 3, 1, 4, 1, 7, 6, 9],
    "deep-convnet": [7, 2, 1, 0, 4, 1, 4, 9, 5, 9, 0, 6, 9, 0, 1, 5, 9, 7, 3, 4, 9, 6, 6, 5, 4,
                     0, 7, 4, 0, 1, 3, 1, 3, 4, 7, 2, 7, 1, 2, 1, 1, 7, 4, 2, 3, 5, 1, 2, 4, 4,
                     6, 3, 5, 5, 6, 0, 4, 1, 9, 5, 7, 8, 9, 3, 7, 4, 6, 4, 3, 0, 7, 0, 2, 9, 1,
                     7, 3, 2, 8, 7, 7, 6, 2, 7, 8, 4, 7, 3, 6, 1, 3, 6, 9, 3, 1, 4, 1, 7, 6, 9],
}


def test_images(count):
    from zeronn.io import load_mnist_split

    x, t = load_mnist_split(MNIST, "test", flatten=False)
    return x[:count], t[:count]


test_images.__test__ = False  # a helper, not a test


@needs_the_weights
@pytest.mark.parametrize("name, count", [("simple-convnet", 100), ("deep-convnet", 10)])
def test_the_books_weights_predict_what_numpy_predicts(name, count):
    network = pretrained(name, WEIGHTS[name])
    x, t = test_images(count)
    assert network.predict(x).argmax(axis=1).tolist() == NUMPY_PREDICTIONS[name][:count]


@pytest.mark.slow
@needs_the_weights
@pytest.mark.parametrize("name, count, accuracy", [("simple-convnet", 1000, 0.961), ("deep-convnet", 100, 0.99)])
def test_the_books_weights_reach_numpys_accuracy(name, count, accuracy):
    network = pretrained(name, WEIGHTS[name])
    x, t = test_images(count)
    assert network.accuracy(x, t) == accuracy


@pytest.mark.oracle
@needs_the_weights
@pytest.mark.parametrize("name", ["simple-convnet", "deep-convnet"])
def test_the_books_weights_score_as_on_numpy(name):
    """Not a literal: the scores of the first few images, both sides computed here."""
    network = pretrained(name, WEIGHTS[name])
    x, _ = test_images(4)
    with the_books_convnets() as (numpy, book):
        theirs = book.SimpleConvNet() if name == "simple-convnet" else book.DeepConvNet()
        theirs.load_params(str(WEIGHTS[name]))
        expected = theirs.predict(numpy.array(x.tolist(), dtype=numpy.float32)).tolist()
    assert_allclose(network.predict(x), expected, rtol=1e-12, atol=1e-13)

