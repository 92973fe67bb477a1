"""zeronn.nn.losses: the book's printed losses, NumPy's numbers, and the invariants."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from zeronn import eye, random, tensor
from zeronn.nn import cross_entropy_error, mean_squared_error, softmax, softmax_loss, sum_squared_error
from zeronn.testing import shapes, tensors

# The book's example (4.2.1): the answer is "2"; y1 bets on it at 60 %, y2 on "7".
T = [0, 0, 1, 0, 0, 0, 0, 0, 0, 0]
Y1 = [0.1, 0.05, 0.6, 0.0, 0.05, 0.1, 0.0, 0.1, 0.0, 0.0]
Y2 = [0.1, 0.05, 0.1, 0.0, 0.05, 0.1, 0.0, 0.6, 0.0, 0.0]


def test_the_books_printed_losses():
    # Sums of ten numbers: NumPy's np.sum adds them pairwise, eight at a time; Python's sum,
    # which zeronn uses, adds them in order (compensated, from 3.12): the last bit may differ.
    assert abs(sum_squared_error(tensor(Y1), tensor(T)) - 0.09750000000000003) <= 1.4e-17
    assert abs(sum_squared_error(tensor(Y2), tensor(T)) - 0.5975) <= 1.2e-16
    assert cross_entropy_error(tensor(Y1), tensor(T)) == 0.510825457099338
    assert cross_entropy_error(tensor(Y2), tensor(T)) == 2.302584092994546
    assert mean_squared_error is sum_squared_error  # the name in the book's text


def test_numpys_losses_for_a_seeded_batch():
    # The book's functions on NumPy 2.4 after np.random.seed(0), these draws, in this order.
    random.seed(0)
    x = random.randn(4, 5)
    t = random.randint(0, 5, size=4)
    assert t.tolist() == [1, 1, 0, 2]
    assert abs(softmax_loss(x, t) - 2.0643202260176765) <= 1e-15
    assert abs(cross_entropy_error(softmax(x), eye(5)[t]) - 2.0643202260176765) <= 1e-15
    assert abs(sum_squared_error(softmax(x), eye(5)[t]) - 1.8894341941868635) <= 1e-15


def test_a_sure_wrong_answer_costs_log_1e7_not_infinity():
    assert cross_entropy_error([0.0, 1.0], [1, 0]) == 16.11809565095832  # -log(0 + 1e-7)


def test_a_label_outside_the_classes_is_numpys_index_error():
    with pytest.raises(IndexError, match="index 3 is out of bounds for axis 1 with size 3"):
        cross_entropy_error([[0.2, 0.3, 0.5]], [3])


# ---------------------------------------------------------------------------
# Invariants
# ---------------------------------------------------------------------------

scores = st.floats(-20, 20, allow_nan=False, allow_infinity=False)


@st.composite
def probabilities_and_labels(draw):
    """A batch of softmax rows and one label per row (two classes at least: with one, a
    label per row has as many numbers as y, and the book takes it for one-hot rows)."""
    batch = draw(st.integers(1, 5))
    classes = draw(st.integers(2, 5))
    y = softmax(draw(tensors((batch, classes), elements=scores)))
    t = tensor(draw(st.lists(st.integers(0, classes - 1), min_size=batch, max_size=batch)))
    return y, t


@given(probabilities_and_labels())
def test_labels_and_one_hot_rows_give_the_same_loss(case):
    y, t = case
    one_hot = eye(y.shape[1])[t]
    assert cross_entropy_error(y, t) == cross_entropy_error(y, one_hot)


@given(probabilities_and_labels())
def test_the_loss_is_the_mean_of_each_rows_loss(case):
    y, t = case
    rows = [cross_entropy_error(y[i], t[i : i + 1]) for i in range(y.shape[0])]  # 1-d y: a batch of one
    assert abs(cross_entropy_error(y, t) - sum(rows) / len(rows)) <= 1e-12 * max(1.0, max(rows))


@given(probabilities_and_labels())
def test_cross_entropy_is_positive_and_zero_only_when_sure_and_right(case):
    y, t = case
    assert cross_entropy_error(y, t) > -1e-7  # log(1 + 1e-7) is the floor: just below 0
    sure = eye(y.shape[1])[t]
    assert abs(cross_entropy_error(sure, t)) < 1e-6


@given(tensors(shapes(min_dims=1, max_dims=2, max_side=5), elements=scores))
def test_sum_squared_error_is_zero_against_itself_and_half_the_squares_against_zero(y):
    assert sum_squared_error(y, y) == 0.0
    assert abs(sum_squared_error(y, 0 * y) - 0.5 * sum(v * v for v in y.to_flat_list())) <= 1e-9 * (1 + (y**2).sum())
