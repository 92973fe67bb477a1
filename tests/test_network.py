"""The book's three-layer network and the general Dense/Network types."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from zeronn import Dense, Network, forward, init_network, sigmoid, softmax, tensor
from zeronn.nn import identity
from zeronn.testing import assert_allclose, tensors

BOOK_Y = [0.31682708, 0.69627909]


def _book_layers():
    book = init_network()
    return [Dense(book["W1"], book["b1"], sigmoid), Dense(book["W2"], book["b2"], sigmoid),
            Dense(book["W3"], book["b3"])]


def test_forward_gives_the_books_output():
    assert_allclose(forward(init_network(), tensor([1.0, 0.5])), BOOK_Y, rtol=1e-7)
    assert_allclose(forward(init_network(), [1.0, 0.5]), BOOK_Y, rtol=1e-7)


def test_init_network_has_the_books_weights():
    network = init_network()
    assert sorted(network) == ["W1", "W2", "W3", "b1", "b2", "b3"]
    assert network["W1"].tolist() == [[0.1, 0.3, 0.5], [0.2, 0.4, 0.6]]
    assert network["W2"].tolist() == [[0.1, 0.4], [0.2, 0.5], [0.3, 0.6]]
    assert network["b3"].tolist() == [0.1, 0.2]


def test_network_output_follows_the_task():
    regression = Network(_book_layers(), task="regression")
    classification = Network(_book_layers(), task="classification")
    assert_allclose(regression.predict([1.0, 0.5]), BOOK_Y, rtol=1e-7)
    assert regression.output_function is identity and classification.output_function is softmax
    assert_allclose(classification.predict([1.0, 0.5]), softmax(BOOK_Y), rtol=1e-6)
    assert classification.predict_class([1.0, 0.5]) == 1
    assert Network.from_params(init_network(), task="regression").predict([1.0, 0.5]).tolist() == \
        regression.predict([1.0, 0.5]).tolist()


@given(st.lists(st.lists(st.floats(-5, 5), min_size=2, max_size=2), min_size=1, max_size=6))
def test_a_batch_gives_the_same_rows_as_one_by_one(rows):
    network = Network(_book_layers())
    batch = network.predict(rows)
    for row, expected in zip(batch, rows):
        assert_allclose(row, network.predict(expected), rtol=1e-12, atol=1e-15)
    assert forward(init_network(), rows).shape == (len(rows), 2)


def test_seed_variant_with_row_biases_broadcasts_to_one_row():
    # The seed notebook writes each bias as a 1 x n row; NumPy then gives (1, n) results.
    book = init_network()
    rows = {name: (value.reshape(1, -1) if name.startswith("b") else value) for name, value in book.items()}
    y = forward(rows, tensor([1.0, 0.5]))
    assert y.shape == (1, 2)
    assert_allclose(y, [BOOK_Y], rtol=1e-7)
    assert Dense(book["W1"], book["b1"].reshape(1, 3))([1.0, 0.5]).shape == (1, 3)


@given(tensors((3, 2), elements=st.floats(-3, 3)))
def test_predict_class_is_the_argmax_of_the_probabilities(x):
    network = Network(_book_layers())
    assert network.predict_class(x).tolist() == network.predict(x).argmax(axis=1).tolist()


def test_a_network_reads_back_as_the_code_that_made_it():
    network = Network([Dense([[1.0, 2.0]], [0.5, 0.0])], task="regression")
    assert repr(network) == "Network([Dense(inputs=1, outputs=2, activation=identity)], task='regression')"


def test_layers_are_immutable():
    layer = _book_layers()[0]
    with pytest.raises(AttributeError):
        layer.weight = tensor([[1.0]])
    with pytest.raises(AttributeError):
        Network(_book_layers()).task = "regression"


BAD_NETWORKS = [
    (lambda: Network([Dense([[1.0, 2.0]], [0.0, 0.0]), Dense([[1.0]], [0.0])]), ValueError,
     r"layer 2 takes 1 inputs \(weight \(1, 1\)\) but layer 1 gives 2 outputs \(weight \(1, 2\)\)"),
    (lambda: Dense([1.0, 2.0], [0.0]), ValueError, r"weight must be 2-d .* got shape \(2,\)"),
    (lambda: Dense([[1.0, 2.0]], [1.0, 2.0, 3.0]), ValueError, r"bias of shape \(3,\) does not fit"),
    (lambda: Dense([[1.0]], [0.0], activation="relu"), TypeError, "activation must be callable"),
    (lambda: Network([]), ValueError, "at least one layer"),
    (lambda: Network([_book_layers()[0], "relu"]), TypeError, "layer 2 must be a Dense layer, got str"),
    (lambda: Network([_book_layers()[0]], task="ranking"), ValueError, "task must be"),
    (lambda: Network(_book_layers()).predict([1.0, 2.0, 3.0]), ValueError,
     r"layer 1: expected an input of shape \(2,\) or \(batch, 2\) for weight of shape \(2, 3\), got shape \(3,\)"),
    (lambda: Network(_book_layers(), task="regression").predict_class([1.0, 0.5]), ValueError,
     "needs a classification network"),
    (lambda: Network.from_params({"b1": [0.0]}), ValueError, "no weights named W1"),
    (lambda: forward(init_network(), [1.0, 2.0, 3.0]), ValueError, r"shapes \(3,\) and \(2,3\) not aligned"),
]


@pytest.mark.parametrize("call, error, message", BAD_NETWORKS)
def test_bad_networks_get_clear_errors(call, error, message):
    with pytest.raises(error, match=message):
        call()
