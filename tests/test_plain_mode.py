"""Plain mode (``zeronn.plain_mode``, ``ZERONN_PLAIN=1``): the plain twins and the book's
formula lines run, and they give the same numbers as the fast kernels.

"The same" is bit for bit (NaN matches NaN, 0.0 does not match -0.0) everywhere but one
place: the matrix product on Python 3.12+, where the fast ``dot`` multiplies and adds
with ``math.sumprod`` (extended precision) and ``dot_plain`` with ``sum(map(mul, ...))``,
so the last bits may differ; there the two are held within a few ulps of the sum
of the magnitudes.
"""

import math
import os
import subprocess
import sys

from conftest import same
from hypothesis import given
from hypothesis import strategies as st

import zeronn
from zeronn import kernels, tensor
from zeronn.nn import SGD, TwoLayerNet, forward, init_network
from zeronn.testing import mutually_broadcastable_shapes, shapes, tensors
from zeronn.tools.trace import trace_path

INF, NAN = math.inf, math.nan
SPECIAL = [0.0, -0.0, INF, -INF, NAN, 709.78, 710.0, -710.0, -745.2, 1e308, 5e-324, 0.5, 1.0, -1.0, 2.0]
any_float = st.one_of(st.sampled_from(SPECIAL), st.floats(), st.floats(-800, 800))
SUMPROD = hasattr(math, "sumprod")  # 3.12+: the fast dot's last bits are its own


def all_same(left, right):
    left, right = list(left), list(right)
    return len(left) == len(right) and all(map(same, left, right))


def both_modes(function, *arguments):
    """``function(*arguments)`` as a flat list of numbers, fast and then plain."""
    fast = zeronn.as_tensor(function(*arguments)).to_flat_list()
    with zeronn.plain_mode():
        plain = zeronn.as_tensor(function(*arguments)).to_flat_list()
    return fast, plain


ELEMENTWISE = {
    "sigmoid": zeronn.sigmoid, "relu": zeronn.relu, "softmax": zeronn.softmax, "step": zeronn.step,
    "exp": zeronn.exp, "log": zeronn.log, "x + 1": lambda x: x + 1, "1 / x": lambda x: 1 / x,
    "x ** 2": lambda x: x**2, "maximum(x, 0)": lambda x: zeronn.maximum(x, 0), "x > 0": lambda x: x > 0,
    "sum(axis=-1)": lambda x: x.sum(axis=-1), "sum": lambda x: x.sum(),
    "float32 sum": lambda x: x.astype("float32").sum(),
    "mean(axis=0)": lambda x: x.mean(axis=0), "max(axis=-1)": lambda x: x.max(axis=-1),
}  # fmt: skip


@given(tensors(shapes(min_dims=1, max_dims=3, max_side=6), elements=any_float), st.sampled_from(sorted(ELEMENTWISE)))
@zeronn.errstate(all="ignore")  # NaN and infinities are the point here: no warnings
def test_elementwise_functions_and_sums_give_the_same_bits_in_plain_mode(x, name):
    fast, plain = both_modes(ELEMENTWISE[name], x)
    assert all_same(fast, plain), name


@given(st.integers(1, 3), st.sampled_from([8, 9, 127, 128, 129, 300]), st.data())
def test_long_pairwise_sums_give_the_same_bits_in_plain_mode(rows, length, data):
    x = data.draw(tensors(st.just((rows, length)), elements=st.floats(-1e3, 1e3)))
    fast, plain = both_modes(lambda t: t.sum(axis=-1), x)
    assert all_same(fast, plain)


@given(mutually_broadcastable_shapes(num_shapes=2, max_dims=3, max_side=4), st.data())
@zeronn.errstate(all="ignore")
def test_broadcasting_gives_the_same_bits_in_plain_mode(shapes_drawn, data):
    (shape1, shape2), _ = shapes_drawn
    a = data.draw(tensors(st.just(shape1), elements=any_float))
    b = data.draw(tensors(st.just(shape2), elements=any_float))
    for operation in (lambda p, q: p - q, lambda p, q: zeronn.maximum(p, q), lambda p, q: p * q):
        fast, plain = both_modes(operation, a, b)
        assert all_same(fast, plain)


@given(st.integers(1, 4), st.integers(1, 9), st.integers(1, 4), st.data())
def test_dot_gives_the_same_bits_in_plain_mode_before_python_3_12(m, n, p, data):
    sparse = st.one_of(st.just(0.0), st.just(-0.0), st.floats(-1e3, 1e3))
    a = data.draw(tensors(st.just((m, n)), elements=sparse))
    b = data.draw(tensors(st.just((n, p)), elements=st.floats(-1e3, 1e3)))
    fast, plain = both_modes(zeronn.dot, a, b)
    if SUMPROD:  # extended precision in the fast kernel: within a few ulps of the magnitudes' sum
        sizes = zeronn.dot(zeronn.abs(a), zeronn.abs(b)).to_flat_list()
        assert all(abs(f - q) <= 4 * 2.0**-52 * s for f, q, s in zip(fast, plain, sizes))
    else:
        assert all_same(fast, plain)


def test_the_books_forward_pass_and_a_training_step_give_the_same_numbers_in_plain_mode():
    fast, plain = both_modes(forward, init_network(), tensor([1.0, 0.5]))
    assert all_same(fast, plain) and plain == [0.3168270764110298, 0.6962790898619668]

    def step():
        zeronn.random.seed(0)
        network = TwoLayerNet(input_size=6, hidden_size=5, output_size=3, weight_init_std=1.0)
        x = zeronn.random.rand(4, 6) * (zeronn.random.rand(4, 6) > 0.5)  # about half zeros, as images
        t = zeronn.eye(3)[[0, 2, 1, 1]]
        SGD(lr=0.1).update(network.params, network.gradient(x, t))
        return zeronn.concatenate([network.params[key].ravel() for key in ("W1", "b1", "W2", "b2")])

    fast, plain = both_modes(step)
    if SUMPROD:
        assert all(math.isclose(f, q, rel_tol=1e-12, abs_tol=1e-15) for f, q in zip(fast, plain))
    else:
        assert all_same(fast, plain)


def test_plain_mode_is_a_switch_and_a_with_block():
    assert kernels.plain_mode_on is False
    with zeronn.plain_mode():
        assert kernels.plain_mode_on is True
        with zeronn.plain_mode(False):
            assert kernels.plain_mode_on is False
        assert kernels.plain_mode_on is True
    assert kernels.plain_mode_on is False
    zeronn.plain_mode(True)
    try:
        assert kernels.plain_mode_on is True
    finally:
        zeronn.plain_mode(False)
    assert kernels.plain_mode_on is False


def test_plain_mode_takes_only_a_bool():
    try:
        zeronn.plain_mode("0")
    except TypeError as error:
        assert "plain_mode takes True or False, got '0'" in str(error)
    else:
        raise AssertionError("plain_mode('0') was accepted")
    assert kernels.plain_mode_on is False


def test_in_plain_mode_the_books_formula_lines_run_and_no_fused_kernel():
    namespace = {"np": zeronn, "x": tensor([-1.0, 0.0, 2.0])}
    fast = {f.name for f in trace_path("np.sigmoid(x)", namespace).functions}
    with zeronn.plain_mode():
        plain_path = trace_path("np.sigmoid(x)", namespace)
    plain = {(f.file, f.name) for f in plain_path.functions}
    assert ("kernels.py", "sigmoid") not in plain and "sigmoid" in fast
    assert ("core.py", "__neg__") in plain and ("core.py", "__rtruediv__") in plain  # 1 / (1 + exp(-x))
    assert ("kernels.py", "binary_plain") in plain and ("kernels.py", "unary") in plain


def test_the_environment_variable_turns_plain_mode_on_at_import():
    code = "from zeronn import kernels, dot, tensor; print(kernels.plain_mode_on, dot(tensor([1.0]), tensor([2.0])))"
    for value, expected in (("1", "True 2.0"), ("0", "False 2.0"), ("", "False 2.0")):
        environment = dict(os.environ, ZERONN_PLAIN=value)
        run = subprocess.run([sys.executable, "-c", code], env=environment, capture_output=True, text=True, check=True)
        assert run.stdout.strip() == expected, value
