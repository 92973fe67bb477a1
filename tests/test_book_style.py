"""The book's chapter-3 code, with only its import line changed to ``import zeronn as np``.

Everything below the import reads as in the book (ch03/*.py and common/functions.py);
the values checked are the ones the book prints.
"""

import zeronn as np
from zeronn.testing import assert_allclose

# --- ch03/step_function.py, sigmoid.py, relu.py ------------------------------


def step_function(x):
    return np.array(x > 0, dtype=int)


def sigmoid(x):
    return 1 / (1 + np.exp(-x))


def relu(x):
    return np.maximum(0, x)


# --- section 3.5: output layers ---------------------------------------------


def identity_function(x):
    return x


def softmax(a):
    c = np.max(a)
    exp_a = np.exp(a - c)  # overflow countermeasure
    sum_exp_a = np.sum(exp_a)
    y = exp_a / sum_exp_a

    return y


def softmax_batch(x):  # common/functions.py
    x = x - np.max(x, axis=-1, keepdims=True)  # overflow countermeasure
    return np.exp(x) / np.sum(np.exp(x), axis=-1, keepdims=True)


# --- section 3.4.3: the three-layer network ---------------------------------


def init_network():
    network = {}
    network['W1'] = np.array([[0.1, 0.3, 0.5], [0.2, 0.4, 0.6]])
    network['b1'] = np.array([0.1, 0.2, 0.3])
    network['W2'] = np.array([[0.1, 0.4], [0.2, 0.5], [0.3, 0.6]])
    network['b2'] = np.array([0.1, 0.2])
    network['W3'] = np.array([[0.1, 0.3], [0.2, 0.4]])
    network['b3'] = np.array([0.1, 0.2])

    return network


def forward(network, x):
    W1, W2, W3 = network['W1'], network['W2'], network['W3']
    b1, b2, b3 = network['b1'], network['b2'], network['b3']

    a1 = np.dot(x, W1) + b1
    z1 = sigmoid(a1)
    a2 = np.dot(z1, W2) + b2
    z2 = sigmoid(a2)
    a3 = np.dot(z2, W3) + b3
    y = identity_function(a3)

    return y


def predict(network, x):  # ch03/neuralnet_mnist.py, with the book's softmax output
    return softmax_batch(forward(network, x))


# --- the checks -------------------------------------------------------------


def test_step_sigmoid_relu_as_the_book_prints_them():
    x = np.array([-1.0, 1.0, 2.0])
    assert step_function(x).tolist() == [0, 1, 1]
    assert_allclose(sigmoid(x), [0.26894142, 0.73105858, 0.88079708], rtol=1e-7)
    assert relu(x).tolist() == [0.0, 1.0, 2.0]
    x = np.arange(-5.0, 5.0, 0.1)
    assert x.shape == (100,) and x.ndim == 1 and step_function(x)[:51].sum() == 0


def test_softmax_as_the_book_prints_it():
    a = np.array([0.3, 2.9, 4.0])
    y = softmax(a)
    assert_allclose(y, [0.01821127, 0.24519181, 0.73659691], rtol=1e-6)
    assert abs(np.sum(y) - 1.0) < 1e-12
    assert_allclose(softmax(np.array([1010, 1000, 990])), [9.99954600e-01, 4.53978686e-05, 2.06106005e-09], rtol=1e-6)


def test_forward_as_the_book_prints_it():
    network = init_network()
    x = np.array([1.0, 0.5])
    y = forward(network, x)
    assert_allclose(y, [0.31682708, 0.69627909], rtol=1e-7)


def test_the_batched_accuracy_loop_runs_unchanged():
    # The loop of ch03/neuralnet_mnist_batch.py, on 50 inputs labelled by the network itself.
    network = init_network()
    x = np.array([[i / 10, (i % 7) / 3] for i in range(50)])
    t = np.argmax(predict(network, x), axis=1)
    assert x.shape == (50, 2) and t.shape == (50,)

    batch_size = 8
    accuracy_cnt = 0
    for i in range(0, len(x), batch_size):
        x_batch = x[i:i+batch_size]
        y_batch = predict(network, x_batch)
        p = np.argmax(y_batch, axis=1)
        accuracy_cnt += np.sum(p == t[i:i+batch_size])

    assert accuracy_cnt == 50
    assert float(accuracy_cnt) / len(x) == 1.0
    assert np.sum(np.array([1, 2, 2]) == np.array([1, 2, 0])) == 2


def test_module_level_numpy_names_do_not_shadow_builtins_inside_the_package():
    # zeronn.sum, zeronn.max ... exist, yet the package still uses Python's own.
    assert np.sum is not sum and np.max is not max
    assert "sum" not in np.__all__ and "max" not in np.__all__
    assert np.tensor([[1, 2], [3, 4]]).sum(axis=0).tolist() == [4, 6]
