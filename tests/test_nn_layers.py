"""zeronn.nn.layers: each layer's backward pass against the numerical gradient of its
forward pass (by property, in float64), the invariants that name themselves, and NumPy's
numbers for a seeded run of every layer."""

from functools import partial

from hypothesis import given, settings
from hypothesis import strategies as st
from test_nn_gradient import assert_gradients_agree, without_the_log_guard

from zeronn import eye, ones, random, tensor, zeros
from zeronn.nn import (
    AddLayer,
    Affine,
    BatchNormalization,
    Dropout,
    MulLayer,
    Relu,
    Sigmoid,
    SoftmaxWithLoss,
    numerical_diff,
    numerical_gradient,
)
from zeronn.testing import assert_allclose, tensors

# Numbers of a moderate size, and no tiny ones (1e-320 * h underflows, and the numerical
# gradient with it: the invariant is about calculus, not about subnormal numbers).
values = st.floats(-2, 2, allow_nan=False, allow_infinity=False).filter(lambda v: v == 0 or abs(v) > 1e-100)
sides = st.integers(1, 4)


def weighted_sum(out, dout):
    """The scalar whose gradient with respect to ``out`` is ``dout``: then backward(dout) is d/dx of it."""
    return (out * dout).sum()


# ---------------------------------------------------------------------------
# 5.4: the buy-apple graph
# ---------------------------------------------------------------------------


def test_buy_apple_and_orange_give_the_books_prices():
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
    assert (int(price), dapple, int(dapple_num), dorange, int(dorange_num), dtax) == (
        715, 2.2, 110, 3.3000000000000003, 165, 650)


@given(values, values, values)
def test_mul_and_add_layers_backward_are_the_partial_derivatives(x, y, dout):
    for layer in (MulLayer(), AddLayer()):
        layer.forward(x, y)
        dx, dy = layer.backward(dout)
        assert abs(dx - dout * numerical_diff(partial(layer.forward, y=y), x)) <= 1e-9
        assert abs(dy - dout * numerical_diff(partial(layer.forward, x), y)) <= 1e-9


# ---------------------------------------------------------------------------
# 5.5: activation layers
# ---------------------------------------------------------------------------

away_from_the_kink = values.filter(lambda v: abs(v) > 1e-2)


@st.composite
def input_and_dout(draw, elements=values):
    shape = (draw(sides), draw(sides))
    return draw(tensors(shape, elements=elements)), draw(tensors(shape, elements=values))


@given(st.data(), st.sampled_from([Relu, Sigmoid]))
def test_activation_layers_backward_is_the_numerical_gradient(data, Layer):
    x, dout = data.draw(input_and_dout(elements=away_from_the_kink if Layer is Relu else values))
    layer = Layer()
    layer.forward(x)
    dx = layer.backward(dout)
    assert_gradients_agree({"x": dx}, {"x": numerical_gradient(lambda x: weighted_sum(layer.forward(x), dout), x)})


@given(input_and_dout())
def test_relu_backward_is_zero_where_the_input_was_not_positive(case):
    x, dout = case
    x_before, dout_before = x.tolist(), dout.tolist()
    layer = Relu()
    out = layer.forward(x)
    dx = layer.backward(dout)
    for v, o, g, d in zip(x.to_flat_list(), out.to_flat_list(), dx.to_flat_list(), dout.to_flat_list()):
        assert (o, g) == ((0.0, 0.0) if v <= 0 else (v, d))
    assert (x.tolist(), dout.tolist()) == (x_before, dout_before)  # neither argument changed


# ---------------------------------------------------------------------------
# 5.6: Affine and SoftmaxWithLoss
# ---------------------------------------------------------------------------


@st.composite
def affine_cases(draw):
    """x of shape (N, D) or (N, C, H, W), W (D, M), b (M,), dout (N, M)."""
    batch, outputs = draw(sides), draw(sides)
    x_shape = draw(st.one_of(st.tuples(sides), st.tuples(sides, st.integers(1, 2), st.integers(1, 2))))
    inputs = 1
    for side in x_shape:
        inputs *= side
    x = draw(tensors((batch, *x_shape), elements=values))
    W = draw(tensors((inputs, outputs), elements=values))
    b = draw(tensors((outputs,), elements=values))
    return x, W, b, draw(tensors((batch, outputs), elements=values))


@given(affine_cases())
def test_affine_backward_is_the_numerical_gradient_of_x_W_and_b(case):
    x, W, b, dout = case
    layer = Affine(W, b)
    layer.forward(x)
    dx = layer.backward(dout)

    def f(_):  # moving x, W or b in place: the layer holds W and b, and x is given again
        return weighted_sum(layer.forward(x), dout)

    numerical = {"x": numerical_gradient(f, x), "W": numerical_gradient(f, W), "b": numerical_gradient(f, b)}
    assert dx.shape == x.shape  # images stay images
    assert_gradients_agree({"x": dx, "W": layer.dW, "b": layer.db}, numerical)


@given(affine_cases())
def test_affine_without_dx_gives_the_same_weight_gradients(case):
    x, W, b, dout = case
    book, first = Affine(W, b), Affine(W, b)
    first.needs_dx = False
    book.forward(x)
    first.forward(x)
    assert book.backward(dout) is not None and first.backward(dout) is None
    assert (first.dW.tolist(), first.db.tolist()) == (book.dW.tolist(), book.db.tolist())


@st.composite
def scores_and_answers(draw):
    """Scores (N, C), and the answers as labels (N,) and as one-hot rows (N, C)."""
    batch, classes = draw(sides), draw(st.integers(2, 4))
    x = draw(tensors((batch, classes), elements=st.floats(-5, 5, allow_nan=False)))
    t = tensor(draw(st.lists(st.integers(0, classes - 1), min_size=batch, max_size=batch)))
    return x, t, eye(classes)[t]


@given(scores_and_answers(), st.booleans())
def test_softmax_with_loss_backward_is_the_numerical_gradient(case, one_hot):
    x, labels, one_hot_rows = case
    t = one_hot_rows if one_hot else labels
    layer = SoftmaxWithLoss()
    layer.forward(x, t)
    dx = layer.backward()
    with without_the_log_guard():
        numerical = numerical_gradient(lambda x: layer.forward(x, t), x)
    assert_gradients_agree({"x": dx}, {"x": numerical})


@given(scores_and_answers())
def test_softmax_with_loss_gradient_rows_sum_to_zero_and_labels_give_what_one_hot_gives(case):
    x, labels, one_hot_rows = case
    by_label, by_one_hot = SoftmaxWithLoss(), SoftmaxWithLoss()
    assert by_label.forward(x, labels) == by_one_hot.forward(x, one_hot_rows)
    dx = by_one_hot.backward()
    for row in dx.tolist():
        assert abs(sum(row)) <= 1e-15
    assert_allclose(by_label.backward(), dx, rtol=1e-15, atol=1e-17)  # y - 1 at the answer, y elsewhere


def test_softmax_with_loss_scales_by_dout():
    layer = SoftmaxWithLoss()
    layer.forward(tensor([[2.0, 2.0]]), tensor([0]))
    assert layer.backward(3.0).tolist() == [[-1.5, 1.5]]


# ---------------------------------------------------------------------------
# 6.4.3, 6.3: Dropout and BatchNormalization
# ---------------------------------------------------------------------------


@given(input_and_dout(), st.sampled_from([0.0, 0.3, 0.5, 0.9]), st.integers(0, 2**32 - 1))
def test_dropout_backward_is_the_numerical_gradient_with_the_same_mask(case, ratio, seed):
    x, dout = case
    layer = Dropout(ratio)

    def f(x):  # the same seed: the same random mask for every forward pass
        random.seed(seed)
        return weighted_sum(layer.forward(x), dout)

    numerical = numerical_gradient(f, x)
    f(x)
    assert_gradients_agree({"x": layer.backward(dout)}, {"x": numerical})
    kept = layer.mask.to_flat_list()
    assert layer.forward(x, train_flg=False).tolist() == (x * (1.0 - ratio)).tolist()
    assert layer.mask.to_flat_list() == kept  # testing draws nothing and keeps the last mask


@st.composite
def batch_norm_cases(draw):
    """x of shape (N, D) (or (N, C, H, W)), gamma, beta, dout. Every feature varies over the
    batch (rows 0 and 1 differ by 1 to 2 in each, so each variance is at least 1/8): with
    almost none, the normalisation divides by sqrt(1e-6), and a numerical gradient with
    h = 1e-4 is all rounding."""
    batch = draw(st.integers(2, 4))
    feature_shape = draw(st.one_of(st.tuples(sides), st.tuples(st.integers(1, 2), st.integers(1, 2), sides)))
    features = 1
    for side in feature_shape:
        features *= side
    rows = draw(tensors((batch, features), elements=values))
    rows[1] = rows[0] + draw(tensors((features,), elements=st.one_of(st.floats(-2, -1), st.floats(1, 2))))
    gamma = draw(tensors((features,), elements=values))
    beta = draw(tensors((features,), elements=values))
    x = rows.reshape(batch, *feature_shape)
    return x, gamma, beta, draw(tensors(x.shape, elements=values))


@settings(max_examples=40)
@given(batch_norm_cases())
def test_batch_norm_backward_is_the_numerical_gradient_of_x_gamma_and_beta(case):
    x, gamma, beta, dout = case
    layer = BatchNormalization(gamma, beta)
    layer.forward(x, train_flg=True)
    dx = layer.backward(dout)

    def f(_):
        return weighted_sum(layer.forward(x, train_flg=True), dout)

    numerical = {key: numerical_gradient(f, value) for key, value in {"x": x, "gamma": gamma, "beta": beta}.items()}
    assert_gradients_agree({"x": dx, "gamma": layer.dgamma, "beta": layer.dbeta}, numerical)


@given(batch_norm_cases())
def test_batch_norm_output_has_mean_0_and_variance_1_per_feature_in_training(case):
    x = case[0].reshape(case[0].shape[0], -1)
    features = x.shape[1]
    out = BatchNormalization(ones(features), zeros(features)).forward(x, train_flg=True)
    var = ((x - x.mean(axis=0)) ** 2).mean(axis=0)
    for mean_out, var_out, v in zip(out.mean(axis=0).tolist(), (out**2).mean(axis=0).tolist(), var.tolist()):
        assert abs(mean_out) <= 1e-15
        assert abs(var_out - v / (v + 1e-6)) <= 1e-14  # 1 but for the book's 10e-7 under the root
        assert abs(var_out - 1.0) <= 1e-5


def test_batch_norm_tests_with_the_running_averages():
    layer = BatchNormalization(tensor([1.0]), tensor([0.0]), momentum=0.5)
    layer.forward(tensor([[1.0], [3.0]]), train_flg=True)  # mu 2, var 1
    assert (layer.running_mean.tolist(), layer.running_var.tolist()) == ([1.0], [0.5])
    assert_allclose(layer.forward(tensor([[2.0]]), train_flg=False), [[1.0 / (0.5 + 1e-6) ** 0.5]], rtol=1e-15)


# ---------------------------------------------------------------------------
# NumPy's numbers: every layer on seeded data
# ---------------------------------------------------------------------------


def every_layer(np, nn):
    """Each layer's forward and backward on data drawn after seed 0, as lists of numbers.

    ``np`` is zeronn or NumPy, ``nn`` zeronn.nn or the book's own classes
    (tests/test_nn_oracle.py runs it on the book's code and NumPy)."""
    np.random.seed(0)
    x, W, b, dout = np.random.randn(3, 4), np.random.randn(4, 2), np.random.randn(2), np.random.randn(3, 2)
    gamma, beta, dout4 = np.random.randn(4), np.random.randn(4), np.random.randn(3, 4)
    got = {}
    affine = nn.Affine(W, b)
    got["affine"] = [affine.forward(x), affine.backward(dout), affine.dW, affine.db]
    relu, sigmoid = nn.Relu(), nn.Sigmoid()
    got["relu"] = [relu.forward(x), relu.backward(dout4.copy())]
    got["sigmoid"] = [sigmoid.forward(x), sigmoid.backward(dout4)]
    bn = nn.BatchNormalization(gamma, beta)
    got["batch_norm"] = [bn.forward(x), bn.backward(dout4), bn.dgamma, bn.dbeta, bn.running_mean, bn.running_var,
                         bn.forward(x, train_flg=False)]
    dropout = nn.Dropout(0.3)
    got["dropout"] = [dropout.forward(x), dropout.backward(dout4), dropout.forward(x, train_flg=False)]
    last = nn.SoftmaxWithLoss()
    got["softmax_with_loss"] = [last.forward(affine.forward(x), np.array([0, 1, 1])), last.backward()]
    return {key: [np.asarray(v).tolist() for v in values] for key, values in got.items()}


NUMPY_EVERY_LAYER = {'affine': [[[1.1309988643696127, -1.1129516380928635],
                                 [-0.19336328153844384, 0.48911626202378056],
                                 [-1.7787951278734868, -0.4935749161412688]],
                                [[0.5675656172163981, 0.1360500317431193, 1.4437973218101903, 0.9045070357887066],
                                 [1.5504089282379903, 0.5221761367140528, 3.6895680215838556, 1.9527543895047899],
                                 [0.012048359874107436, -0.042147921837638325, 0.1067691567951089,
                                  0.17419844261567424]],
                                [[5.759085946629742, -4.006009279465929], [-1.8534822319682012, 1.0474793119155976],
                                 [3.009115341778683, -2.135123708450836], [1.6601108751896698, -1.7152003325866403]],
                                [3.1799493401485592, -2.38371454503104]],
                     'relu': [[[1.764052345967664, 0.4001572083672233, 0.9787379841057392, 2.240893199201458],
                               [1.8675579901499675, 0.0, 0.9500884175255894, 0.0],
                               [0.0, 0.41059850193837233, 0.144043571160878, 1.454273506962975]],
                              [[1.2302906807277207, 1.2023798487844113, -0.3873268174079523, -0.30230275057533557],
                               [-1.0485529650670926, 0.0, -1.7062701906250126, 0.0],
                               [0.0, -0.4380743016111864, -1.2527953600499262, 0.7774903558319101]]],
                     'sigmoid': [[[0.8537164618123155, 0.59872543052593, 0.7268577330436564, 0.903862101196981],
                                  [0.8661754636349963, 0.27343224558007506, 0.7211329591538593, 0.46223277121248857],
                                  [0.4742181732354791, 0.6012313796994736, 0.5359487572240161, 0.810655259706041]],
                                 [[0.15364443907606096, 0.28887571373961574, -0.07689815006689273,
                                   -0.02626871940477926],
                                  [-0.12154357250234733, -0.28211077829957987, -0.3431313011178254,
                                   0.4849113338503742],
                                  [-0.1270742783120333, -0.10502928097601612, -0.3115798360995023,
                                   0.11933956791191726]]],
                     'batch_norm': [[[0.10727939974744594, -0.9535952234945297, -0.2326614222773931,
                                      0.5588586648493157],
                                     [0.2824640078270444, -4.058736686518072, -0.2441350068148473,
                                      -0.3498642021988961],
                                     [-3.0531006504648293, -0.9300574946591789, -0.5669400188862175,
                                      0.26005244466152033]],
                                    [[2.004270569887139, 1.871333965265787, 0.25784272645829853,
                                      -0.055443209718459674],
                                     [-1.8990051465720996, -0.014084767588235014, -0.2670068944806449,
                                      -0.027161714291318584],
                                     [-0.10526542331503905, -1.8572491976775518, 0.009164168022346375,
                                      0.08260492400977826]],
                                    [0.7181125505095702, 2.5354575029384856, 0.34002214894807126, -2.719887566982491],
                                    [-0.32791446609102537, -0.6557123900057502, -3.346392368082891,
                                     2.4259630004883643],
                                    [0.1176130494774691, -0.005550738985693844, 0.0690956657597402,
                                     0.11812698326222448],
                                    [0.08201529450119016, 0.04248485882372756, 0.01496937616686342,
                                     0.09910758384650822],
                                    [[7.924229775521051, 0.9113425438339284, 0.8040512084202887, 2.7062599240879273],
                                     [8.478209108505013, -8.907872931926521, 0.7677696390055548,
                                      -0.16736104997110657],
                                     [-2.0697146205351844, 0.9857745895222041, -0.25299875422493945,
                                      1.7613559796102156]]],
                     'dropout': [[[1.764052345967664, 0.0, 0.0, 0.0],
                                  [1.8675579901499675, -0.0, 0.0, -0.1513572082976979],
                                  [-0.10321885179355784, 0.0, 0.144043571160878, 0.0]],
                                 [[1.2302906807277207, 0.0, -0.0, -0.0],
                                  [-1.0485529650670926, -0.0, -0.0, 1.9507753952317897],
                                  [-0.5096521817516535, -0.0, -1.2527953600499262, 0.0]],
                                 [[1.2348366421773647, 0.2801100458570563, 0.6851165888740174, 1.5686252394410203],
                                  [1.3072905931049772, -0.6840945159134877, 0.6650618922679126, -0.10595004580838852],
                                  [-0.07225319625549048, 0.28741895135686063, 0.10083049981261459,
                                   1.0179914548740825]]],
                     'softmax_with_loss': [0.25133680489213234,
                                           [[-0.03195752034343221, 0.03195752034343217],
                                            [0.11190270634586429, -0.1119027063458643],
                                            [0.07222097943990766, -0.07222097943990764]]]}


def test_every_layer_gives_numpys_numbers():
    import zeronn
    import zeronn.nn

    got = every_layer(zeronn, zeronn.nn)
    assert got.keys() == NUMPY_EVERY_LAYER.keys()
    for key, values in NUMPY_EVERY_LAYER.items():
        for actual, expected in zip(got[key], values):  # the same to the last bits (sums in another order)
            assert_allclose(actual, expected, rtol=1e-13, atol=1e-15)
