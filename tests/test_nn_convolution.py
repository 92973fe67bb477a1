"""zeronn.nn.convolution: im2col and col2im against their definitions (and each other: col2im
is im2col's adjoint), the layers' backward passes against the numerical gradient of their
forward passes (by property, in float64), NumPy's rules for NaN and signed zeros in
pooling, the errors, and NumPy's numbers for a seeded run of every piece (the same
scenario on the book's code with NumPy: marked oracle)."""

import math
from itertools import product

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from test_nn_gradient import assert_gradients_agree
from test_nn_oracle import the_books_code

import zeronn
import zeronn.nn
from zeronn import pad, random, tensor
from zeronn.nn import Convolution, Pooling, col2im, conv_output_size, convolution, im2col, numerical_gradient
from zeronn.testing import assert_allclose, tensors

values = st.floats(-2, 2, allow_nan=False, allow_infinity=False).filter(lambda v: v == 0 or abs(v) > 1e-100)
# Small whole numbers: sums of their products are exact whatever the order, so two ways
# of computing the same sum agree to the last bit.
whole = st.integers(-4, 4).map(float)


@st.composite
def geometries(draw, max_side=5):
    """``(shape, filter_h, filter_w, stride, pad)``: a small batch of images and a filter that fits it."""
    N, C = draw(st.integers(1, 2)), draw(st.integers(1, 3))
    H, W = draw(st.integers(1, max_side)), draw(st.integers(1, max_side))
    pad = draw(st.integers(0, 2))
    filter_h, filter_w = draw(st.integers(1, H + 2 * pad)), draw(st.integers(1, W + 2 * pad))
    return (N, C, H, W), filter_h, filter_w, draw(st.integers(1, 3)), pad


def output_size(geometry):
    """``(out_h, out_w)``: the places a filter of ``geometry`` fits."""
    (_, _, H, W), filter_h, filter_w, stride, pad_ = geometry
    return conv_output_size(H, filter_h, stride, pad_), conv_output_size(W, filter_w, stride, pad_)


def padded_images(x, pad_):
    """``x`` with ``pad_`` zeros around each image: what the book's ``im2col`` pads with ``np.pad``."""
    return pad(x, [(0, 0), (0, 0), (pad_, pad_), (pad_, pad_)])


def patch(padded, n, i, j, filter_h, filter_w, stride):
    """The patch at output place (i, j) of image n, by indexing: what a row of im2col must be."""
    return padded[n, :, i * stride : i * stride + filter_h, j * stride : j * stride + filter_w].flatten().tolist()


def weighted_sum(out, dout):
    """The scalar whose gradient with respect to ``out`` is ``dout``: then backward(dout) is d/dx of it."""
    return (out * dout).sum()


# ---------------------------------------------------------------------------
# conv_output_size, im2col, col2im
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "args, size",
    [((28, 5), 24), ((28, 3, 1, 1), 28), ((14, 3, 1, 2), 16), ((28, 2, 2), 14), ((7, 2, 2), 3), ((1, 3, 1, 1), 1)],
)
def test_conv_output_size_counts_the_places_a_filter_fits(args, size):
    assert conv_output_size(*args) == size


@settings(max_examples=60)
@given(st.data(), geometries())
def test_im2col_rows_are_the_patches_in_order(data, geometry):
    shape, filter_h, filter_w, stride, pad_ = geometry
    x = data.draw(tensors(shape, elements=values))
    col = im2col(x, filter_h, filter_w, stride, pad_)
    out_h, out_w = output_size(geometry)
    padded = padded_images(x, pad_)
    expected = [patch(padded, n, i, j, filter_h, filter_w, stride)
                for n in range(shape[0]) for i in range(out_h) for j in range(out_w)]
    assert (col.shape, col.dtype) == ((shape[0] * out_h * out_w, shape[1] * filter_h * filter_w), zeronn.float64)
    assert col.tolist() == expected


@settings(max_examples=60)
@given(st.data(), geometries())
def test_col2im_is_the_adjoint_of_im2col(data, geometry):
    """<im2col(x), col> == <x, col2im(col)>: col2im adds each number back where im2col took it."""
    shape, filter_h, filter_w, stride, pad_ = geometry
    x = data.draw(tensors(shape, elements=whole))
    col_shape = im2col(x, filter_h, filter_w, stride, pad_).shape
    col = data.draw(tensors(col_shape, elements=whole))
    back = col2im(col, shape, filter_h, filter_w, stride, pad_)
    assert back.shape == shape
    assert (im2col(x, filter_h, filter_w, stride, pad_) * col).sum() == (x * back).sum()


@given(st.data(), geometries())
def test_col2im_of_im2col_counts_each_pixels_copies(data, geometry):
    shape, filter_h, filter_w, stride, pad_ = geometry
    x = data.draw(tensors(shape, elements=whole))
    geometry = (filter_h, filter_w, stride, pad_)
    copies = col2im(im2col(zeronn.ones(shape), *geometry), shape, *geometry)
    assert col2im(im2col(x, *geometry), shape, *geometry).tolist() == (x * copies).tolist()


# ---------------------------------------------------------------------------
# The convolution layer
# ---------------------------------------------------------------------------


@st.composite
def convolution_cases(draw):
    """x (N, C, H, W), W (FN, C, FH, FW), b (FN,), stride, pad, and dout of the output's shape."""
    geometry = draw(geometries(max_side=4))
    (N, C, H, W), filter_h, filter_w, stride, pad_ = geometry
    FN = draw(st.integers(1, 3))
    x = draw(tensors((N, C, H, W), elements=values))
    weights = draw(tensors((FN, C, filter_h, filter_w), elements=values))
    b = draw(tensors((FN,), elements=values))
    return x, weights, b, stride, pad_, draw(tensors((N, FN, *output_size(geometry)), elements=values))


@given(convolution_cases())
def test_convolution_is_the_sum_of_each_filter_times_each_patch_plus_its_bias(case):
    x, W, b, stride, pad_, _ = case
    out = Convolution(W, b, stride, pad_).forward(x)
    padded = padded_images(x, pad_)
    filter_h, filter_w = W.shape[2:]
    for n, f, i, j in product(*map(range, out.shape)):
        products = [a * w for a, w in zip(patch(padded, n, i, j, filter_h, filter_w, stride), W[f].flatten().tolist())]
        assert math.isclose(out[n, f, i, j], math.fsum(products) + b[f], rel_tol=1e-12, abs_tol=1e-14)


@settings(max_examples=40)
@given(convolution_cases())
def test_convolution_backward_is_the_numerical_gradient_of_x_W_and_b(case):
    x, W, b, stride, pad_, dout = case
    layer = Convolution(W, b, stride, pad_)
    layer.forward(x)
    dx = layer.backward(dout)

    def f(_):  # moving x, W or b in place: the layer holds W and b, and x is given again
        return weighted_sum(layer.forward(x), dout)

    numerical = {"x": numerical_gradient(f, x), "W": numerical_gradient(f, W), "b": numerical_gradient(f, b)}
    assert_gradients_agree({"x": dx, "W": layer.dW, "b": layer.db}, numerical)


@given(convolution_cases())
def test_convolution_without_dx_gives_the_same_weight_gradients_and_changes_no_argument(case):
    x, W, b, stride, pad_, dout = case
    before = [t.tolist() for t in (x, W, b, dout)]
    book, first = Convolution(W, b, stride, pad_), Convolution(W, b, stride, pad_)
    first.needs_dx = False
    book.forward(x)
    first.forward(x)
    assert book.backward(dout) is not None and first.backward(dout) is None
    assert (first.dW.tolist(), first.db.tolist()) == (book.dW.tolist(), book.db.tolist())
    assert [t.tolist() for t in (x, W, b, dout)] == before


@given(convolution_cases())
def test_dx_as_a_convolution_of_dout_is_dx_by_col2im(case):
    """Both ways backward computes dx (which one depends on the channels): the same sums, in another order."""
    x, W, b, stride, pad_, dout = case
    layer = Convolution(W, b, stride, pad_)
    layer.forward(x)
    threshold = convolution._CHANNELS_FOR_CONVOLVED_DX
    try:
        convolution._CHANNELS_FOR_CONVOLVED_DX = 10**9
        by_col2im = layer.backward(dout)
        convolution._CHANNELS_FOR_CONVOLVED_DX = 1
        by_convolution = layer.backward(dout)
        chose = layer._dx_is_a_convolution(convolution._Patches(x.shape, *W.shape[2:], stride, pad_))
    finally:
        convolution._CHANNELS_FOR_CONVOLVED_DX = threshold
    assert chose == (stride == 1 and W.shape[2] == W.shape[3] and pad_ < W.shape[2]
                     and by_col2im[0, 0].size <= dout[0, 0].size)
    assert_allclose(by_convolution, by_col2im.tolist(), rtol=1e-12, atol=1e-14)


def test_convolution_sees_its_weights_change_in_place():
    W, b = tensor([[[[1.0, 1.0]]]]), tensor([0.0])
    layer = Convolution(W, b)
    x = tensor([[[[1.0, 2.0, 3.0]]]])
    assert layer.forward(x).tolist() == [[[[3.0, 5.0]]]]
    W -= 1.0  # what an optimizer's update does
    b += 0.5
    assert layer.forward(x).tolist() == [[[[0.5, 0.5]]]]


def test_convolution_of_float32_and_int_inputs_computes_in_float64():
    W, b = tensor([[[[0.1]]]]), tensor([0.0])
    x32 = tensor([[[[0.1, 3.0]]]], dtype="float32")
    out = Convolution(W, b).forward(x32)
    assert out.dtype == zeronn.float64
    assert out.tolist() == [[[[0.10000000149011612 * 0.1, 3.0 * 0.1]]]]  # float32(0.1), widened: as NumPy
    assert Convolution(W, b).forward(tensor([[[[2]]]])).tolist() == [[[[0.2]]]]


# ---------------------------------------------------------------------------
# The pooling layer
# ---------------------------------------------------------------------------


@st.composite
def pooling_cases(draw):
    """x, pool_h, pool_w, stride, pad and dout, with every window's largest number clear
    of the next by 0.01 (a numerical gradient that steps across a tie is wrong)."""
    geometry = draw(geometries(max_side=4))
    (N, C, H, W), pool_h, pool_w, stride, pad_ = geometry
    count = N * C * H * W
    distinct = draw(st.lists(st.integers(-400, 400), min_size=count, max_size=count, unique=True))
    x = tensor([v / 100 for v in distinct]).reshape(N, C, H, W)
    if pad_:  # the padding's zeros take part too
        assume(all(abs(v) >= 0.01 for v in x.to_flat_list()))
    return x, pool_h, pool_w, stride, pad_, draw(tensors((N, C, *output_size(geometry)), elements=values))


@given(pooling_cases())
def test_pooling_is_the_largest_of_each_window(case):
    x, pool_h, pool_w, stride, pad_, _ = case
    out = Pooling(pool_h, pool_w, stride, pad_).forward(x)
    padded = padded_images(x, pad_)
    for n, c, i, j in product(*map(range, out.shape)):
        window = padded[n, c, i * stride : i * stride + pool_h, j * stride : j * stride + pool_w]
        assert out[n, c, i, j] == window.max()


@settings(max_examples=40)
@given(pooling_cases())
def test_pooling_backward_is_the_numerical_gradient(case):
    x, pool_h, pool_w, stride, pad_, dout = case
    layer = Pooling(pool_h, pool_w, stride, pad_)
    layer.forward(x)
    dx = layer.backward(dout)
    numerical = numerical_gradient(lambda x: weighted_sum(layer.forward(x), dout), x)
    assert_gradients_agree({"x": dx}, {"x": numerical})


@pytest.mark.parametrize(
    "window, largest, arg_max",
    [  # NumPy's np.max and np.argmax of each window (NumPy 2.4)
        ([0.0, -0.0, 0.0, -0.0], -0.0, 0),
        ([-0.0, 0.0, -0.0, 0.0], 0.0, 0),
        ([-0.0, 0.0, -0.0, -0.0], -0.0, 0),
        ([1.0, math.nan, 3.0, math.nan], math.nan, 1),
        ([math.inf, 1.0, -math.inf, 2.0], math.inf, 0),
        ([-1.0, 5.0, 5.0, 2.0], 5.0, 1),
    ],
)
def test_pooling_gives_numpys_max_and_argmax_for_zeros_nan_and_ties(window, largest, arg_max):
    layer = Pooling(2, 2)
    out = layer.forward(tensor(window).reshape(1, 1, 2, 2)).item()
    assert repr(out) == repr(largest)  # -0.0 and nan, as they are
    dx = layer.backward(tensor([[[[1.0]]]]))
    assert layer.arg_max == [arg_max]
    assert dx.to_flat_list() == [1.0 if k == arg_max else 0.0 for k in range(4)]


# ---------------------------------------------------------------------------
# Bad input
# ---------------------------------------------------------------------------

images = zeronn.ones((1, 1, 3, 3))


def backward_after_forward(layer, dout):
    layer.forward(images)
    return layer.backward(dout)


@pytest.mark.parametrize(
    "call, error, message",
    [
        (lambda: conv_output_size(3, 5), ValueError, "a filter of size 5 does not fit an input of size 3 padded by 0"),
        (lambda: conv_output_size(3, 2, stride=0), ValueError, "stride must be at least 1, got 0"),
        (lambda: conv_output_size(3, 2, pad=-1), ValueError, "pad must be at least 0, got -1"),
        (lambda: conv_output_size(3, 2.0), TypeError, "filter_size must be an integer, got float 2.0"),
        (lambda: Pooling(2, 2, stride=0).forward(images), ValueError, "stride must be at least 1, got 0"),
        (lambda: im2col(zeronn.ones((3, 3)), 2, 2), ValueError, "im2col needs a batch of images (N, C, H, W)"),
        (lambda: col2im(zeronn.ones((4, 3)), (1, 1, 3, 3), 2, 2), ValueError,
         "col of shape (4,3) does not hold the 2 x 2 patches of images (1, 1, 3, 3): expected (4,4)"),
        (lambda: col2im(zeronn.ones((4, 4)), (1, 3, 3), 2, 2), ValueError, "input_shape must be four sizes"),
        (lambda: Convolution(zeronn.ones((1, 2, 2, 2)), zeronn.ones(1)).forward(images), ValueError,
         "input of shape (1,1,3,3) has 1 channels, the filters (1,2,2,2) take 2"),
        (lambda: Convolution(zeronn.ones((2, 1, 2, 2)), zeronn.ones(3)).forward(images), ValueError,
         "2 filters need 2 biases, got b of shape (3,)"),
        (lambda: Convolution(zeronn.ones((1, 2, 2)), zeronn.ones(1)).forward(images), ValueError,
         "the filters W must be (FN, C, FH, FW), got shape (1,2,2)"),
        (lambda: Convolution(zeronn.ones((1, 1, 4, 4)), zeronn.ones(1)).forward(images), ValueError,
         "a filter of size 4 does not fit an input of size 3 padded by 0"),
        (lambda: Convolution(zeronn.ones((1, 1, 2, 2)), zeronn.ones(1)).forward(zeronn.ones((3, 3))), ValueError,
         "Convolution needs a batch of images (N, C, H, W), got shape (3,3)"),
        (lambda: Pooling(2, 2).forward(zeronn.ones((1, 3, 3))), ValueError, "Pooling needs a batch of images"),
        (lambda: Pooling(4, 4).forward(images), ValueError, "a filter of size 4 does not fit an input of size 3"),
        (lambda: backward_after_forward(Convolution(zeronn.ones((2, 1, 2, 2)), zeronn.zeros(2)),
                                        zeronn.ones((1, 2, 3, 2))), ValueError,
         "Convolution.backward: dout of shape (1,2,3,2) does not fit the last forward pass's output"),
        (lambda: backward_after_forward(Pooling(2, 2, stride=1), zeronn.ones((1, 1, 3, 3))), ValueError,
         "Pooling.backward: dout of shape (1,1,3,3) does not fit the last forward pass's output, of shape (1,1,2,2)"),
    ],
)
def test_bad_input_is_refused_with_a_message_that_says_why(call, error, message):
    with pytest.raises(error) as raised:
        call()
    assert message in str(raised.value)


# ---------------------------------------------------------------------------
# NumPy's numbers: every piece on seeded data
# ---------------------------------------------------------------------------


def convolution_layers(np, nn):
    """im2col, col2im, Convolution and Pooling on data drawn after seed 0, as lists of numbers.

    ``np`` is zeronn or NumPy, ``nn`` zeronn.nn or the book's own ``common/layers.py``
    (whose namespace holds ``im2col`` and ``col2im`` too)."""
    np.random.seed(0)
    x = np.random.randn(1, 2, 4, 3)
    W, b = np.random.randn(2, 2, 3, 2), np.random.randn(2)
    got = {"im2col": [nn.im2col(x, 3, 2, 2, 1)]}
    convolution = nn.Convolution(W, b, stride=2, pad=1)
    out = convolution.forward(x)
    got["convolution"] = [out, convolution.backward(np.random.randn(*out.shape)), convolution.dW, convolution.db]
    col = np.random.randn(2 * 2, 2 * 3 * 3)  # 3 x 3 patches, stride 2, padded by 1: they overlap
    got["col2im"] = [nn.col2im(col, x.shape, 3, 3, 2, 1)]
    for name, pooling in (("pooling", nn.Pooling(2, 2, stride=2)), ("overlapping_pooling", nn.Pooling(3, 2, stride=1))):
        out = pooling.forward(x)
        got[name] = [out, pooling.backward(np.random.randn(*out.shape))]
    return {key: [np.asarray(v).tolist() for v in values] for key, values in got.items()}


NUMPY_CONVOLUTION_LAYERS = {'col2im': [[[[[-0.813146282044454, -1.6701172601019314, -1.1651498407833565],
                                          [0.30479223198368627, -2.015261571569467, 0.37382126682180994],
                                          [0.12691209270361992, 1.2044457592410969, 0.947251967773748],
                                          [-1.3477590611424464, -0.6564056281396533, 0.9222066715665268]],
                                         [[0.12898291075741067, 0.06864806303275817, 1.0544517269311366],
                                          [-0.7707817639366109, 1.3818553745072122, 0.5065131522829163],
                                          [-0.7474548114407578, 1.2283741667490191, -0.14963454032767076],
                                          [1.8675589604265699, 2.7553083867547272, 0.6722947570124355]]]]],
                            'convolution': [[[[[-0.10671508372161975, -1.8913175594920717],
                                               [-4.839248374839071, 11.968694666517145]],
                                              [[-4.002089193148659, -3.521829347067912],
                                               [2.6333518735966153, -4.272281144429643]]]],
                                            [[[[0.17613644363774345, -0.148200335564676, -0.2019078017543323],
                                               [-0.45286594881231257, -2.1637095483445115, 2.041016676687314],
                                               [0.0755061329760543, -0.1711794557307026, 0.1295571910299644],
                                               [-0.8450116575123664, -2.1268062768499787, -2.1642877740498485]],
                                              [[1.7860829118223607, -0.5617867956515371, -0.9540162863470675],
                                               [-0.2253238815134089, -1.3702549598117475, 0.5370995995055754],
                                               [0.9826615267064387, 0.8939929636556461, 2.20608689522181],
                                               [-0.028147357772270516, 0.031820890707764435, 0.05057835852433626]]]],
                                            [[[[-2.2048990688860184, 0.009145958917754701],
                                               [0.33351901486884983, -1.564420263590167],
                                               [0.552500375257586, -4.311454111023272]],
                                              [[-1.7639578393936537, 0.07177388834296586],
                                               [1.0554492859495839, 2.3444733106813596],
                                               [-0.44251827209004513, 0.16418172526031993]]],
                                             [[[0.5648838094197526, -0.14654110367711626],
                                               [0.12561878353576278, 0.401486186043484],
                                               [0.8435037395712089, -0.014563886790489627]],
                                              [[0.4519169326312748, -0.03985951994073235],
                                               [-0.20622267170686168, -0.5827102507768652],
                                               [0.9014293416699478, -0.2782866776501267]]]],
                                            [-2.2000013850256988, 0.7691387623147121]],
                            'im2col': [[[0.0, 0.0, 0.0, 1.764052345967664, 0.0, 2.240893199201458, 0.0, 0.0, 0.0,
                                         0.7610377251469934, 0.0, 0.33367432737426683],
                                        [0.0, 0.0, 0.4001572083672233, 0.9787379841057392, 1.8675579901499675,
                                         -0.977277879876411, 0.0, 0.0, 0.12167501649282841, 0.44386323274542566,
                                         1.4940790731576061, -0.20515826376580087],
                                        [0.0, 2.240893199201458, 0.0, 0.9500884175255894, 0.0, 0.41059850193837233,
                                         0.0, 0.33367432737426683, 0.0, 0.31306770165090136, 0.0,
                                         0.6536185954403606],
                                        [1.8675579901499675, -0.977277879876411, -0.1513572082976979,
                                         -0.10321885179355784, 0.144043571160878, 1.454273506962975,
                                         1.4940790731576061, -0.20515826376580087, -0.8540957393017248,
                                         -2.5529898158340787, 0.8644361988595057, -0.7421650204064419]]],
                            'overlapping_pooling': [[[[[2.240893199201458, 1.8675579901499675],
                                                       [2.240893199201458, 1.8675579901499675]],
                                                      [[1.4940790731576061, 1.4940790731576061],
                                                       [1.4940790731576061, 1.4940790731576061]]]],
                                                    [[[[0.0, 0.0, 0.0],
                                                       [-0.059255261763940026, 0.46813453936850485, 0.0],
                                                       [0.0, 0.0, 0.0], [0.0, 0.0, 0.0]],
                                                      [[0.0, 0.0, 0.0], [0.0, -1.7489206875099288, 0.0],
                                                       [0.0, 0.0, 0.0], [0.0, 0.0, 0.0]]]]],
                            'pooling': [[[[[2.240893199201458], [0.9500884175255894]],
                                          [[1.4940790731576061], [0.8644361988595057]]]],
                                        [[[[0.0, 0.0, 0.0], [-0.7699160744453164, 0.0, 0.0],
                                           [0.5392491912918173, 0.0, 0.0], [0.0, 0.0, 0.0]],
                                          [[0.0, 0.0, 0.0], [0.0, -0.6743326606573761, 0.0], [0.0, 0.0, 0.0],
                                           [0.0, 0.03183055827435118, 0.0]]]]]}


def test_every_piece_gives_numpys_numbers():
    got = convolution_layers(zeronn, zeronn.nn)
    assert got.keys() == NUMPY_CONVOLUTION_LAYERS.keys()
    for key, expected in NUMPY_CONVOLUTION_LAYERS.items():
        if key == "convolution":  # sums of products, in another order than BLAS's: the last bits
            for actual, numpy_value in zip(got[key], expected):
                assert_allclose(actual, numpy_value, rtol=1e-13, atol=1e-15)
        else:  # copies, maxima and the book's col2im sums in the book's order: the same bits
            assert got[key] == expected, key


@pytest.mark.oracle
def test_the_literal_is_the_scenario_on_the_books_code_and_numpy():
    with the_books_code() as (numpy, book):
        assert convolution_layers(numpy, book) == NUMPY_CONVOLUTION_LAYERS


@pytest.mark.oracle
@settings(max_examples=20)
@given(convolution_cases(), st.integers(1, 3), st.integers(1, 2))
def test_zeronn_and_the_book_on_numpy_convolve_and_pool_alike(case, pool, pool_stride):
    """Not a literal: random shapes, both sides computed here."""
    x, W, b, stride, pad_, dout = case
    with the_books_code() as (numpy, book):
        n = {name: numpy.array(t.tolist()) for name, t in (("x", x), ("W", W), ("b", b), ("dout", dout))}
        ours, theirs = Convolution(W, b, stride, pad_), book.Convolution(n["W"], n["b"], stride, pad_)
        assert_allclose(ours.forward(x), theirs.forward(n["x"]).tolist(), rtol=1e-12, atol=1e-14)
        assert_allclose(ours.backward(dout), theirs.backward(n["dout"]).tolist(), rtol=1e-12, atol=1e-14)
        assert_allclose(ours.dW, theirs.dW.tolist(), rtol=1e-12, atol=1e-14)
        assert_allclose(ours.db, theirs.db.tolist(), rtol=1e-12, atol=1e-14)
        if pool <= min(x.shape[2:]):
            ours, theirs = Pooling(pool, pool, pool_stride), book.Pooling(pool, pool, pool_stride)
            out = ours.forward(x)
            assert out.tolist() == theirs.forward(n["x"]).tolist()
            d = random.randn(*out.shape)
            assert ours.backward(d).tolist() == theirs.backward(numpy.array(d.tolist())).tolist()
