"""Chapter 5 in the book's style, with only the import changed to ``import zeronn as np``.

The layers of section 5.4-5.6 (``MulLayer``, ``AddLayer``, ``Relu`` with its boolean
mask, ``Sigmoid``, ``Affine``, ``SoftmaxWithLoss`` with ``dx[np.arange(n), t] -= 1``), the
two-layer net whose layers share their weights with ``params``, the gradient check,
SGD's ``params[key] -= lr * grad[key]``, the optimizers' in-place updates, and the book's
MNIST loader (``frombuffer``, pickling, ``astype(np.float32)``, ``/= 255.0``, one-hot rows
written through views). Everything runs in seconds on small data; the expected values
are NumPy 2.4's on the same code (``test_the_same_code_on_numpy_gives_these_numbers``
reruns it with NumPy when NumPy is installed).
"""

import gzip
import pickle
import struct
import sys
from collections import OrderedDict

import pytest
from conftest import SHARED_DATA

import zeronn as np

# --- 5.4: the buy-apple graph --------------------------------------------------


class MulLayer:
    def __init__(self):
        self.x = None
        self.y = None

    def forward(self, x, y):
        self.x = x
        self.y = y
        return x * y

    def backward(self, dout):
        return dout * self.y, dout * self.x


class AddLayer:
    def forward(self, x, y):
        return x + y

    def backward(self, dout):
        return dout * 1, dout * 1


# --- 5.5-5.6: the network's layers --------------------------------------------


def softmax(x):
    x = x - np.max(x, axis=-1, keepdims=True)  # overflow countermeasure
    return np.exp(x) / np.sum(np.exp(x), axis=-1, keepdims=True)


def cross_entropy_error(y, t):
    if y.ndim == 1:
        t = t.reshape(1, t.size)
        y = y.reshape(1, y.size)
    if t.size == y.size:
        t = t.argmax(axis=1)
    batch_size = y.shape[0]
    return -np.sum(np.log(y[np.arange(batch_size), t] + 1e-7)) / batch_size


class Relu:
    def __init__(self):
        self.mask = None

    def forward(self, x):
        self.mask = x <= 0
        out = x.copy()
        out[self.mask] = 0
        return out

    def backward(self, dout):
        dout[self.mask] = 0
        dx = dout
        return dx


class Sigmoid:
    def __init__(self):
        self.out = None

    def forward(self, x):
        out = 1 / (1 + np.exp(-x))
        self.out = out
        return out

    def backward(self, dout):
        return dout * (1.0 - self.out) * self.out


class Affine:
    def __init__(self, W, b):
        self.W = W
        self.b = b
        self.x = None
        self.original_x_shape = None
        self.dW = None
        self.db = None

    def forward(self, x):
        self.original_x_shape = x.shape
        x = x.reshape(x.shape[0], -1)
        self.x = x
        return np.dot(self.x, self.W) + self.b

    def backward(self, dout):
        dx = np.dot(dout, self.W.T)
        self.dW = np.dot(self.x.T, dout)
        self.db = np.sum(dout, axis=0)
        return dx.reshape(*self.original_x_shape)


class SoftmaxWithLoss:
    def __init__(self):
        self.loss = None
        self.y = None
        self.t = None

    def forward(self, x, t):
        self.t = t
        self.y = softmax(x)
        self.loss = cross_entropy_error(self.y, self.t)
        return self.loss

    def backward(self, dout=1):
        batch_size = self.t.shape[0]
        if self.t.size == self.y.size:  # one-hot labels
            dx = (self.y - self.t) / batch_size
        else:
            dx = self.y.copy()
            dx[np.arange(batch_size), self.t] -= 1
            dx = dx / batch_size
        return dx


def numerical_gradient(f, x):
    h = 1e-4
    grad = np.zeros_like(x)
    it = np.nditer(x, flags=["multi_index"], op_flags=["readwrite"])
    while not it.finished:
        idx = it.multi_index
        tmp_val = x[idx]
        x[idx] = float(tmp_val) + h
        fxh1 = f(x)
        x[idx] = tmp_val - h
        fxh2 = f(x)
        grad[idx] = (fxh1 - fxh2) / (2 * h)
        x[idx] = tmp_val
        it.iternext()
    return grad


class TwoLayerNet:
    def __init__(self, input_size, hidden_size, output_size, weight_init_std=0.01):
        self.params = {}
        self.params["W1"] = weight_init_std * np.random.randn(input_size, hidden_size)
        self.params["b1"] = np.zeros(hidden_size)
        self.params["W2"] = weight_init_std * np.random.randn(hidden_size, output_size)
        self.params["b2"] = np.zeros(output_size)

        self.layers = OrderedDict()
        self.layers["Affine1"] = Affine(self.params["W1"], self.params["b1"])
        self.layers["Relu1"] = Relu()
        self.layers["Affine2"] = Affine(self.params["W2"], self.params["b2"])
        self.lastLayer = SoftmaxWithLoss()

    def predict(self, x):
        for layer in self.layers.values():
            x = layer.forward(x)
        return x

    def loss(self, x, t):
        y = self.predict(x)
        return self.lastLayer.forward(y, t)

    def accuracy(self, x, t):
        y = self.predict(x)
        y = np.argmax(y, axis=1)
        if t.ndim != 1:
            t = np.argmax(t, axis=1)
        return np.sum(y == t) / float(x.shape[0])

    def numerical_gradient(self, x, t):
        def loss_W(W):
            return self.loss(x, t)

        return {key: numerical_gradient(loss_W, self.params[key]) for key in ("W1", "b1", "W2", "b2")}

    def gradient(self, x, t):
        self.loss(x, t)
        dout = 1
        dout = self.lastLayer.backward(dout)
        layers = list(self.layers.values())
        layers.reverse()
        for layer in layers:
            dout = layer.backward(dout)
        grads = {}
        grads["W1"], grads["b1"] = self.layers["Affine1"].dW, self.layers["Affine1"].db
        grads["W2"], grads["b2"] = self.layers["Affine2"].dW, self.layers["Affine2"].db
        return grads


class Momentum:  # common/optimizer.py
    def __init__(self, lr=0.01, momentum=0.9):
        self.lr = lr
        self.momentum = momentum
        self.v = None

    def update(self, params, grads):
        if self.v is None:
            self.v = {key: np.zeros_like(val) for key, val in params.items()}
        for key in params.keys():
            self.v[key] = self.momentum * self.v[key] - self.lr * grads[key]
            params[key] += self.v[key]


class AdaGrad:
    def __init__(self, lr=0.01):
        self.lr = lr
        self.h = None

    def update(self, params, grads):
        if self.h is None:
            self.h = {key: np.zeros_like(val) for key, val in params.items()}
        for key in params.keys():
            self.h[key] += grads[key] * grads[key]
            params[key] -= self.lr * grads[key] / (np.sqrt(self.h[key]) + 1e-7)


# --- small data ---------------------------------------------------------------


def small_data(seed=0, n=60, features=6, classes=3):
    """Three blobs of points, their labels, and the labels one-hot, all drawn with np.random."""
    np.random.seed(seed)
    t = np.random.randint(0, classes, size=n)
    centres = 2.0 * np.random.randn(classes, features)
    x = centres[t] + 0.5 * np.random.randn(n, features)
    one_hot = np.zeros((n, classes))
    for idx, row in enumerate(one_hot):
        row[t[idx]] = 1  # through a row view, as the book's _change_one_hot_label
    return x, t, one_hot


def train_small_network(seed=0, steps=30, optimizer=None):
    """SGD as ch05/train_neuralnet.py does it, on small data; the losses along the way."""
    x, t, one_hot = small_data(seed)
    network = TwoLayerNet(input_size=6, hidden_size=8, output_size=3, weight_init_std=0.5)
    losses = []
    for _ in range(steps):
        batch_mask = np.random.choice(x.shape[0], 10)
        x_batch = x[batch_mask]
        t_batch = one_hot[batch_mask]
        grad = network.gradient(x_batch, t_batch)
        if optimizer is None:
            for key in ("W1", "b1", "W2", "b2"):
                network.params[key] -= 0.1 * grad[key]
        else:
            optimizer.update(network.params, grad)
        losses.append(float(network.loss(x_batch, t_batch)))
    return network, losses, network.accuracy(x, t)


# --- the checks ---------------------------------------------------------------


def test_buy_apple_and_orange_as_the_book_prints_them():
    mul_apple_layer, mul_orange_layer = MulLayer(), MulLayer()
    add_apple_orange_layer, mul_tax_layer = AddLayer(), MulLayer()
    apple_price = mul_apple_layer.forward(100, 2)
    orange_price = mul_orange_layer.forward(150, 3)
    all_price = add_apple_orange_layer.forward(apple_price, orange_price)
    price = mul_tax_layer.forward(all_price, 1.1)
    dall_price, dtax = mul_tax_layer.backward(1)
    dapple_price, dorange_price = add_apple_orange_layer.backward(dall_price)
    dorange, dorange_num = mul_orange_layer.backward(dorange_price)
    dapple, dapple_num = mul_apple_layer.backward(dapple_price)
    assert (int(price), dapple, int(dapple_num), dorange, int(dorange_num), dtax) == (715, 2.2, 110, 3.3000000000000003,
                                                                                      165, 650)


def test_relu_masks_forward_and_backward():
    relu = Relu()
    x = np.array([[1.0, -0.5], [-2.0, 3.0]])
    out = relu.forward(x)
    assert out.tolist() == [[1.0, 0.0], [0.0, 3.0]] and x.tolist() == [[1.0, -0.5], [-2.0, 3.0]]
    dout = np.ones((2, 2))
    assert relu.backward(dout) is dout and dout.tolist() == [[1.0, 0.0], [0.0, 1.0]]  # changed in place


def test_softmax_with_loss_backward_for_labels_and_one_hot():
    x = np.array([[0.3, 2.9, 4.0], [1.0, 1.0, 1.0]])
    by_label, by_one_hot = SoftmaxWithLoss(), SoftmaxWithLoss()
    loss = by_label.forward(x, np.array([2, 0]))
    assert abs(loss - by_one_hot.forward(x, np.array([[0, 0, 1], [1, 0, 0]]))) < 1e-15
    dx = by_label.backward()
    assert dx.tolist() == by_one_hot.backward().tolist()
    assert abs(dx[0, 2] - (0.7365969137693786 - 1) / 2) < 1e-15


def test_layers_share_their_weights_with_params():
    np.random.seed(0)
    network = TwoLayerNet(input_size=6, hidden_size=8, output_size=3)
    assert network.layers["Affine1"].W is network.params["W1"]
    network.params["W1"] -= 1.0  # the trap: the update must reach the layer
    assert network.layers["Affine1"].W is network.params["W1"]
    assert network.layers["Affine1"].W[0, 0] == network.params["W1"][0, 0]


def test_gradient_check_backprop_agrees_with_numerical_gradient():
    x, _, one_hot = small_data(seed=1, n=3)
    network = TwoLayerNet(input_size=6, hidden_size=8, output_size=3, weight_init_std=0.5)
    grad_numerical = network.numerical_gradient(x, one_hot)
    grad_backprop = network.gradient(x, one_hot)
    # NumPy's averages on the same code (large weights: numerical differences of 1e-6 or so)
    numpy_diffs = {"W1": 3.3570387774186153e-07, "b1": 1.42641699566598e-07, "W2": 1.123390599907607e-06,
                   "b2": 1.083809977611705e-06}
    for key in grad_numerical.keys():
        diff = np.average(np.abs(grad_backprop[key] - grad_numerical[key]))
        assert diff < 1e-5 and abs(diff - numpy_diffs[key]) < 1e-3 * numpy_diffs[key], (key, diff)


# NumPy's losses for train_small_network() on the same code, written down.
NUMPY_SGD_LOSSES = [
    0.16099308786107586, 1.9188251798358114, 1.3271758978880595, 0.6807654939976733, 0.36425506731679264,
    0.9905384518179231, 0.4897066208614911, 0.6186906320251698, 0.34720638022141087, 0.22677647011566596,
    0.2197883837875095, 0.21065796652276783, 0.4404649347044969, 0.2931522655886027, 0.20080726652042796,
    0.1894883520069625, 0.19428560834364697, 0.23763622210289154, 0.1902518397383168, 0.2072614928350791,
    0.14089918224574044, 0.16217754736160914, 0.28341551711432145, 0.2806232573627983, 0.20707073008334378,
    0.18000812750496809, 0.24364715016606492, 0.03176831002664837, 0.2634219880706825, 0.07553439398435666,
]


def test_sgd_training_learns_and_follows_numpy():
    network, losses, accuracy = train_small_network()
    assert sum(losses[-5:]) < sum(losses[:5]) / 3 and accuracy == 1.0
    assert network.layers["Affine2"].W is network.params["W2"]
    # The same random numbers, batches and arithmetic: NumPy's losses, to the last few bits
    # (NumPy's BLAS adds up the matrix products in another order).
    assert all(abs(a - b) <= 1e-9 * abs(b) for a, b in zip(losses, NUMPY_SGD_LOSSES))


def test_optimizers_update_params_in_place():
    for optimizer in (Momentum(lr=0.1), AdaGrad(lr=0.5)):
        _, losses, accuracy = train_small_network(optimizer=optimizer)
        assert losses[-1] < losses[0] and accuracy > 0.8


# --- the book's dataset/mnist.py, on a tiny MNIST of its own ---------------------


def _idx(magic, dims, payload):
    return struct.pack(">I" + "I" * len(dims), magic, *dims) + bytes(payload)


def test_the_books_loader_steps_on_a_tiny_mnist(tmp_path):
    images = [(7 * i) % 256 for i in range(4 * 784)]
    labels = [5, 0, 4, 1]
    with open(tmp_path / "images.gz", "wb") as file:
        file.write(gzip.compress(_idx(0x803, (4, 28, 28), images)))
    with open(tmp_path / "labels.gz", "wb") as file:
        file.write(gzip.compress(_idx(0x801, (4,), labels)))
    with gzip.open(tmp_path / "images.gz", "rb") as f:
        data = np.frombuffer(f.read(), np.uint8, offset=16)
    data = data.reshape(-1, 784)
    with gzip.open(tmp_path / "labels.gz", "rb") as f:
        t = np.frombuffer(f.read(), np.uint8, offset=8)
    with open(tmp_path / "mnist.pkl", "wb") as f:
        pickle.dump({"img": data, "label": t}, f, -1)
    with open(tmp_path / "mnist.pkl", "rb") as f:
        dataset = pickle.load(f)
    x = dataset["img"].astype(np.float32)
    x /= 255.0
    T = np.zeros((dataset["label"].size, 10))
    for idx, row in enumerate(T):
        row[dataset["label"][idx]] = 1
    assert x.shape == (4, 784) and x.dtype == np.float32 and dataset["label"].dtype == np.uint8
    assert x[0, 1] == 0.027450980618596077  # float32(7) / 255 in float32, NumPy's number
    assert np.argmax(T, axis=1).tolist() == labels and T.sum() == 4.0


@pytest.mark.skipif(not (SHARED_DATA / "mnist" / "train-images-idx3-ubyte.gz").exists(),
                    reason="the MNIST files are not in ../shared/data/mnist")
def test_a_few_steps_on_real_mnist_learn():
    from zeronn.io.datasets import load_mnist

    (x_train, t_train), (x_test, t_test) = load_mnist(SHARED_DATA / "mnist", one_hot_label=True)
    np.random.seed(0)
    network = TwoLayerNet(input_size=784, hidden_size=50, output_size=10)
    before = network.accuracy(x_test[:500], t_test[:500])
    for _ in range(40):
        batch_mask = np.random.choice(x_train.shape[0], 100)
        grad = network.gradient(x_train[batch_mask], t_train[batch_mask])
        for key in ("W1", "b1", "W2", "b2"):
            network.params[key] -= 0.5 * grad[key]
    after = network.accuracy(x_test[:500], t_test[:500])
    # NumPy on the same code: 0.092, then 0.772 (allow an image or two to flip on the last bits).
    assert before == 0.092 and abs(after - 0.772) <= 0.004, (before, after)


@pytest.mark.oracle
def test_the_same_code_on_numpy_gives_these_numbers():
    """Rerun this module's code with NumPy, where NumPy is installed, and compare."""
    numpy = pytest.importorskip("numpy")
    with open(__file__, encoding="utf-8") as file:
        source = file.read().replace("import zeronn as np", "import numpy as np")
    module = {"__name__": "on_numpy", "__file__": __file__}
    sys.modules.setdefault("conftest", sys.modules["conftest"])
    exec(compile(source, "on_numpy", "exec"), module)
    assert module["np"] is numpy
    _, numpy_losses, numpy_accuracy = module["train_small_network"]()
    _, losses, accuracy = train_small_network()
    assert all(abs(a - b) <= 1e-9 * abs(b) for a, b in zip(losses, numpy_losses))
    assert accuracy == numpy_accuracy

