"""zeronn.nn.optimizers: NumPy's trajectories for the book's ch06 comparison, updates in
place, and what a zero gradient does."""

from hypothesis import given
from hypothesis import strategies as st

import zeronn
import zeronn.nn
from zeronn import tensor
from zeronn.nn import SGD, AdaGrad, Adam, Affine, Momentum, Nesterov, RMSprop
from zeronn.testing import assert_allclose, shapes, tensors

ALL = [SGD, Momentum, Nesterov, AdaGrad, RMSprop, Adam]
WITH_MOMENTUM = {Momentum, Nesterov, Adam}

# ---------------------------------------------------------------------------
# NumPy's numbers
# ---------------------------------------------------------------------------


def trajectories(np, nn):
    """The book's ch06/optimizer_compare_naive.py: each optimizer, 30 steps down
    f(x, y) = x**2 / 20 + y**2 from (-7, 2), on plain numbers; where it is after steps 1, 10, 20, 30.
    Then each optimizer on tensors, five steps with random gradients after seed 0."""
    learning_rates = {"SGD": 0.95, "Momentum": 0.1, "Nesterov": 0.1, "AdaGrad": 1.5, "RMSprop": 0.1, "Adam": 0.3}
    got = {}
    for name, lr in learning_rates.items():
        optimizer = getattr(nn, name)(lr=lr)
        params = {"x": -7.0, "y": 2.0}
        points = []
        for step in range(1, 31):
            optimizer.update(params, {"x": params["x"] / 10.0, "y": 2.0 * params["y"]})
            if step in (1, 10, 20, 30):
                points.append([float(params["x"]), float(params["y"])])
        got[name] = points
    for name in learning_rates:
        np.random.seed(0)
        optimizer = getattr(nn, name)(lr=0.1)
        params = {"W": np.random.randn(2, 3), "b": np.zeros(3)}
        for _ in range(5):
            optimizer.update(params, {"W": np.random.randn(2, 3), "b": np.random.randn(3)})
        got[name + " on tensors"] = [params["W"].tolist(), params["b"].tolist()]
    return got


NUMPY_TRAJECTORIES = {'SGD': [[-6.335, -1.7999999999999998], [-2.5797868938348625, 0.6973568801999994],
                              [-0.9507572025145898, 0.2431533091811382], [-0.3503929957523197, 0.0847823165504322]],
                      'Momentum': [[-6.93, 1.6], [-4.3475537872942125, 0.008799741200000377],
                                   [-0.8247552429012717, -0.6985052331838697],
                                   [0.896413858493733, 0.08808560171506971]],
                      'Nesterov': [[-6.867, 1.24], [-4.078277803686939, 0.10272147132580371],
                                   [-0.8069432813929884, -0.07899490735381884],
                                   [0.6896149016966209, -0.0006799058361171969]],
                      'AdaGrad': [[-5.500000214285683, 0.5000000374999991],
                                  [-1.4893855293838187, 4.337780396165427e-06],
                                  [-0.4204685648035615, 1.0385284463770892e-11],
                                  [-0.12016232231416045, 2.486389893984459e-17]],
                      'RMSprop': [[-6.000001428569388, 1.000000249999938], [-2.785054989459843, 0.005264089980971006],
                                  [-1.3935842070999789, 1.1062979527517415e-05],
                                  [-0.6974203096807907, 1.4834621508315574e-08]],
                      'Adam': [[-6.700001355255732, 1.700000237170637], [-4.059418572603199, -0.49184628747603204],
                               [-1.5214500906252686, -0.27886800225949915],
                               [0.13600685239498186, 0.31824537553721943]],
                      'SGD on tensors': [[[1.7774072749638115, 0.2510352647505452, 1.0403301651962977],
                                          [2.10802332593346, 1.7903268366547578, -1.0533584798217248]],
                                         [0.03465968518490167, -0.010298048967344639, 0.350157203366378]],
                      'Momentum on tensors': [[[1.1921058818471553, 0.2134845721433681, 1.1004194188694953],
                                               [1.8258640482547825, 1.5837384297145518, -1.0971973929661367]],
                                              [-0.35959543879564076, -0.22908969621980668, 0.6734041198673296]],
                      'Nesterov on tensors': [[[1.2626554572553537, 0.08302989214907563, 1.1498434564836777],
                                               [1.7344970900814525, 1.5348892322628842, -1.161286041602478]],
                                              [-0.28897620973117494, -0.21647877556517067, 0.9562209112469746]],
                      'AdaGrad on tensors': [[[1.6491905850201105, 0.4189267244045102, 1.1805312315746237],
                                              [2.0539494146733883, 1.7733698207003756, -1.0462865276529651]],
                                             [-0.06827197231454296, -0.1498546082996174, 0.17570966233017882]],
                      'RMSprop on tensors': [[[0.6183601216677371, 0.5862851533099568, 2.9948007251063773],
                                              [0.3721385725956971, 0.9258253033001734, -1.6706268645141016]],
                                             [-0.6782557113160178, -1.495893536470205, 1.7660566298216662]],
                      'Adam on tensors': [[[1.4833467920662395, 0.42778586204486474, 1.2965741197678426],
                                           [1.883992903397746, 1.7314533323539423, -1.0627357935958937]],
                                          [-0.31337685901128365, -0.2652774097007167, 0.15037599648122194]]}


def test_every_optimizer_follows_numpys_trajectory():
    got = trajectories(zeronn, zeronn.nn)
    assert got.keys() == NUMPY_TRAJECTORIES.keys()
    for name, expected in NUMPY_TRAJECTORIES.items():
        for actual, wanted in zip(got[name], expected):
            assert_allclose(actual, wanted, rtol=1e-15)


# ---------------------------------------------------------------------------
# Invariants
# ---------------------------------------------------------------------------

values = st.floats(-3, 3, allow_nan=False, allow_infinity=False)
gradients = values.filter(lambda v: abs(v) >= 1e-3)  # a step of 1e-300 would not move 1.0 at all


@st.composite
def params_and_grads(draw):
    shape = draw(shapes(min_dims=1, max_dims=2, max_side=4))
    return draw(tensors(shape, elements=values)), draw(tensors(shape, elements=gradients))


@given(st.sampled_from(ALL), params_and_grads())
def test_a_zero_gradient_changes_nothing_except_where_the_method_has_momentum(optimizer, case):
    W, grad = case
    params, opt = {"W": W}, optimizer(lr=0.1)
    opt.update(params, {"W": 0 * grad})  # the very first step: no momentum yet
    assert params["W"].tolist() == W.tolist()
    opt.update(params, {"W": grad})
    after_a_step = params["W"].tolist()
    opt.update(params, {"W": 0 * grad})
    moved = params["W"].tolist() != after_a_step
    assert moved == (optimizer in WITH_MOMENTUM)


@given(st.sampled_from(ALL), params_and_grads())
def test_update_changes_the_tensors_the_layers_hold(optimizer, case):
    W, grad = case
    W = W.reshape(W.size, 1)
    before = W.tolist()
    layer = Affine(W, tensor([0.0]))
    params = {"W": W}
    optimizer(lr=0.1).update(params, {"W": grad.reshape(W.size, 1)})
    assert params["W"] is W and layer.W is W  # moved in place: the layer sees the step
    assert W.tolist() != before


@given(params_and_grads(), st.floats(1e-3, 1.0))
def test_sgd_steps_by_lr_times_the_gradient(case, lr):
    W, grad = case
    expected = [w - lr * g for w, g in zip(W.to_flat_list(), grad.to_flat_list())]
    SGD(lr=lr).update({"W": W}, {"W": grad})
    assert W.to_flat_list() == expected


@given(st.sampled_from([AdaGrad, RMSprop, Adam]), params_and_grads())
def test_the_adaptive_first_step_is_about_lr_whatever_the_gradients_size(optimizer, case):
    W, grad = case
    before = W.to_flat_list()
    lr = 0.01
    optimizer(lr=lr).update({"W": W}, {"W": grad})
    scale = {AdaGrad: 1.0, RMSprop: 10.0, Adam: 1.0}[optimizer]  # RMSprop: 1 / sqrt(1 - decay_rate)
    for b, a, g in zip(before, W.to_flat_list(), grad.to_flat_list()):
        assert (a - b) * g < 0  # downhill
        assert abs(abs(a - b) - scale * lr) <= 1e-5 * scale * lr / abs(g) + 1e-15
