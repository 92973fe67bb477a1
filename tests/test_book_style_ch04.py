"""Chapter 4 in the book's style, with only the import changed to ``import zeronn as np``.

Numerical differentiation, ``numerical_gradient`` over ``np.nditer`` with writes through a
tuple index, gradient descent with ``x -= lr * grad``, the batched gradient of
``gradient_2d.py`` (rows of a transpose written through ``grad[idx] = ...``), ``simpleNet``
and the two-layer net of section 4.5. Expected values are the book's printed ones, or
NumPy 2.4's answers on the same code, written down as literals.
"""

import zeronn as np
from zeronn.testing import assert_allclose

# --- 4.2: loss functions -----------------------------------------------------


def sum_squared_error(y, t):
    return 0.5 * np.sum((y - t) ** 2)


def softmax(x):
    x = x - np.max(x, axis=-1, keepdims=True)  # overflow countermeasure
    return np.exp(x) / np.sum(np.exp(x), axis=-1, keepdims=True)


def sigmoid(x):
    return 1 / (1 + np.exp(-x))


def cross_entropy_error(y, t):
    if y.ndim == 1:
        t = t.reshape(1, t.size)
        y = y.reshape(1, y.size)
    if t.size == y.size:  # one-hot labels: take their index
        t = t.argmax(axis=1)
    batch_size = y.shape[0]
    return -np.sum(np.log(y[np.arange(batch_size), t] + 1e-7)) / batch_size


# --- 4.3-4.4: numerical differentiation and gradients ---------------------------


def numerical_diff(f, x):
    h = 1e-4
    return (f(x + h) - f(x - h)) / (2 * h)


def function_1(x):
    return 0.01 * x**2 + 0.1 * x


def function_2(x):
    return np.sum(x**2)


def numerical_gradient(f, x):
    h = 1e-4
    grad = np.zeros_like(x)
    it = np.nditer(x, flags=["multi_index"], op_flags=["readwrite"])
    while not it.finished:
        idx = it.multi_index
        tmp_val = x[idx]
        x[idx] = tmp_val + h
        fxh1 = f(x)  # f(x+h)
        x[idx] = tmp_val - h
        fxh2 = f(x)  # f(x-h)
        grad[idx] = (fxh1 - fxh2) / (2 * h)
        x[idx] = tmp_val  # put the value back
        it.iternext()
    return grad


def gradient_descent(f, init_x, lr=0.01, step_num=100):
    x = init_x
    for _ in range(step_num):
        grad = numerical_gradient(f, x)
        x -= lr * grad
    return x


def _numerical_gradient_no_batch(f, x):  # gradient_2d.py's loop over x.size
    h = 1e-4
    grad = np.zeros_like(x)
    for idx in range(x.size):
        tmp_val = x[idx]
        x[idx] = float(tmp_val) + h
        fxh1 = f(x)
        x[idx] = tmp_val - h
        fxh2 = f(x)
        grad[idx] = (fxh1 - fxh2) / (2 * h)
        x[idx] = tmp_val
    return grad


def numerical_gradient_batch(f, X):
    if X.ndim == 1:
        return _numerical_gradient_no_batch(f, X)
    grad = np.zeros_like(X)
    for idx, x in enumerate(X):
        grad[idx] = _numerical_gradient_no_batch(f, x)
    return grad


def function_2_batch(x):
    if x.ndim == 1:
        return np.sum(x**2)
    return np.sum(x**2, axis=1)


# --- 4.4.2: simpleNet -----------------------------------------------------------


class simpleNet:  # noqa: N801 - the book's name
    def __init__(self, W=None):
        self.W = np.random.randn(2, 3) if W is None else W

    def predict(self, x):
        return np.dot(x, self.W)

    def loss(self, x, t):
        z = self.predict(x)
        y = softmax(z)
        return cross_entropy_error(y, t)


# --- the checks -------------------------------------------------------------------


def test_loss_functions_as_the_book_prints_them():
    t = np.array([0, 0, 1, 0, 0, 0, 0, 0, 0, 0])
    y = np.array([0.1, 0.05, 0.6, 0.0, 0.05, 0.1, 0.0, 0.1, 0.0, 0.0])
    assert abs(sum_squared_error(y, t) - 0.09750000000000003) < 1e-15
    assert abs(cross_entropy_error(y, t) - 0.510825457099338) < 1e-15
    assert abs(cross_entropy_error(y, np.array([2])) - 0.510825457099338) < 1e-15  # labels, not one-hot


def test_numerical_diff_as_the_book_prints_it():
    assert numerical_diff(function_1, 5) == 0.1999999999990898
    assert numerical_diff(function_1, 10) == 0.2999999999986347


def test_numerical_gradient_as_the_book_prints_it():
    assert numerical_gradient(function_2, np.array([3.0, 4.0])).tolist() == [6.00000000000378, 7.999999999999119]
    assert numerical_gradient(function_2, np.array([0.0, 2.0])).tolist() == [0.0, 4.000000000004]


def test_gradient_descent_changes_x_in_place():
    init_x = np.array([-3.0, 4.0])
    x = gradient_descent(function_2, init_x, lr=0.1, step_num=100)
    assert x is init_x  # x -= lr * grad changed the very tensor passed in, as NumPy's does
    assert_allclose(x, [-6.111107928998789e-10, 8.148143905314271e-10], rtol=1e-9)
    big = gradient_descent(function_2, np.array([-3.0, 4.0]), lr=10.0, step_num=100)
    assert_allclose(big, [-25898374737328.363, -1295248616896.5398], rtol=1e-9)  # too large a step diverges
    small = gradient_descent(function_2, np.array([-3.0, 4.0]), lr=1e-10, step_num=100)
    assert_allclose(small, [-2.999999939999995, 3.9999999199999934], rtol=1e-12)  # too small barely moves


def test_the_gradient_field_of_gradient_2d():
    x0 = np.arange(-2, 2.5, 0.25)
    x1 = np.arange(-2, 2.5, 0.25)
    X, Y = np.meshgrid(x0, x1)
    X = X.flatten()
    Y = Y.flatten()
    grad = numerical_gradient_batch(function_2_batch, np.array([X, Y]).T).T
    assert grad.shape == (2, 324)
    assert_allclose(grad[:, :3], [[-3.9999999999995595, -3.5000000000007248, -3.00000000000189],
                                  [-3.9999999999995595, -4.000000000004, -4.000000000004]], rtol=1e-12)
    assert abs(grad.sum() - 162.00000000026193) < 1e-9


def test_simple_net_as_the_book_prints_it():
    net = simpleNet(np.array([[0.47355232, 0.9977393, 0.84668094], [0.85557411, 0.03563661, 0.69422093]]))
    x = np.array([0.6, 0.9])
    p = net.predict(x)
    assert_allclose(p, [1.054148091, 0.630716529, 1.132807401], rtol=1e-12)
    assert np.argmax(p) == 2
    t = np.array([0, 0, 1])
    assert abs(net.loss(x, t) - 0.9280682857864075) < 1e-12

    def f(W):
        return net.loss(x, t)

    dW = numerical_gradient(f, net.W)  # f ignores W: it reads net.W, which nditer's writes change
    assert_allclose(dW, [[0.2192475712392561, 0.14356242984070455, -0.3628100010055757],
                         [0.3288713569016277, 0.21534364482433954, -0.5442150014739466]], rtol=1e-9)


def test_simple_net_starts_from_numpys_random_weights():
    np.random.seed(0)
    net = simpleNet()
    assert net.W.tolist() == [[1.764052345967664, 0.4001572083672233, 0.9787379841057392],
                              [2.240893199201458, 1.8675579901499675, -0.977277879876411]]
