"""zeronn.nn.networks: every network's backpropagation against its numerical gradient (by
property, float64), weights shared between ``params`` and the layers, NumPy's numbers
for seeded networks, and a few steps on real MNIST."""

import pytest
from conftest import SHARED_DATA
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from test_nn_gradient import assert_gradients_agree, without_the_log_guard

import zeronn
import zeronn.nn
from zeronn import eye, ones_like, random, tensor
from zeronn.nn import (
    SGD,
    BatchNormalization,
    Dropout,
    MultiLayerNet,
    MultiLayerNetExtend,
    Relu,
    TwoLayerNet,
    numerical_gradient,
)
from zeronn.testing import assert_allclose, tensors

values = st.floats(-2, 2, allow_nan=False, allow_infinity=False).filter(lambda v: v == 0 or abs(v) > 1e-100)
sizes = st.integers(1, 3)


def numerical_gradients(network, x, t, seed):
    """The numerical gradient of ``network.loss`` (training) for every parameter, with the
    random numbers reseeded before each loss, so that dropout draws the same mask each time."""

    def loss(_):
        random.seed(seed)
        return network.loss(x, t, train_flg=True)

    return {key: numerical_gradient(loss, network.params[key]) for key in network.params}


def far_from_the_kinks(network, x, seed):
    """Whether every input of a Relu is at least 1e-3 away from 0, where ReLU has no
    derivative (and a numerical gradient that steps across it is wrong), and every feature
    batch normalisation sees varies over the batch (variance at least 0.05; with almost
    none, it divides by sqrt(1e-6), and the numerical gradient is all rounding). The
    forward pass of training, with the dropout masks that ``seed`` gives."""
    random.seed(seed)
    for layer in network.layers.values():
        if isinstance(layer, Relu) and min(abs(v) for v in x.to_flat_list()) < 1e-3:
            return False
        if isinstance(layer, BatchNormalization) and min(((x - x.mean(axis=0)) ** 2).mean(axis=0).tolist()) < 0.05:
            return False
        x = layer.forward(x, True) if isinstance(layer, (BatchNormalization, Dropout)) else layer.forward(x)
    return True


@st.composite
def networks_and_data(draw):
    """One of the book's networks with small random sizes and weights, a batch and its labels."""
    kind = draw(st.sampled_from(["TwoLayerNet", "MultiLayerNet", "MultiLayerNetExtend"]))
    inputs, outputs, batch = draw(sizes), draw(st.integers(2, 3)), draw(st.integers(2, 4))
    random.seed(draw(st.integers(0, 2**32 - 1)))
    if kind == "TwoLayerNet":
        network = TwoLayerNet(inputs, draw(sizes), outputs, weight_init_std=1.0)
    else:
        hidden = draw(st.lists(sizes, min_size=1, max_size=2))
        options = dict(activation=draw(st.sampled_from(["relu", "sigmoid"])), weight_init_std=1.0,
                       weight_decay_lambda=draw(st.sampled_from([0, 0.1])))
        if kind == "MultiLayerNetExtend":
            options.update(use_batchnorm=draw(st.booleans()), use_dropout=draw(st.booleans()), dropout_ration=0.3)
            network = MultiLayerNetExtend(inputs, hidden, outputs, **options)
        else:
            network = MultiLayerNet(inputs, hidden, outputs, **options)
    x = draw(tensors((batch, inputs), elements=values))
    t = tensor(draw(st.lists(st.integers(0, outputs - 1), min_size=batch, max_size=batch)))
    return network, x, draw(st.sampled_from([t, eye(outputs)[t]]))


@settings(max_examples=30)
@given(networks_and_data(), st.integers(0, 2**32 - 1))
def test_backpropagation_gives_the_numerical_gradient(case, seed):
    network, x, t = case
    assume(far_from_the_kinks(network, x, seed))
    with without_the_log_guard():
        numerical = numerical_gradients(network, x, t, seed)
    random.seed(seed)
    backprop = network.gradient(x, t)
    assert_gradients_agree(backprop, numerical)


@settings(max_examples=30)
@given(networks_and_data())
def test_the_first_layer_skips_dx_and_the_gradients_do_not_change(case):
    network, x, t = case
    first = network.layers["Affine1"]
    assert first.needs_dx is False
    random.seed(0)
    skipped = network.gradient(x, t)
    first.needs_dx = True
    random.seed(0)
    computed = network.gradient(x, t)
    assert {key: g.tolist() for key, g in skipped.items()} == {key: g.tolist() for key, g in computed.items()}


@settings(max_examples=30)
@given(networks_and_data())
def test_the_layers_hold_the_very_tensors_of_params_and_see_each_update(case):
    network, x, _ = case
    for key, layer in network.layers.items():
        if key.startswith("Affine"):
            assert layer.W is network.params["W" + key[6:]] and layer.b is network.params["b" + key[6:]]
    before = network.predict(x).tolist()
    SGD(lr=0.5).update(network.params, {key: ones_like(value) for key, value in network.params.items()})
    assert network.predict(x).tolist() != before  # the layers computed with the moved weights
    assert network.layers["Affine1"].W is network.params["W1"]


def test_the_numerical_gradient_comes_in_the_books_order():
    random.seed(0)
    network = MultiLayerNetExtend(2, [2, 2], 2, use_batchnorm=True)
    x, t = random.randn(3, 2), tensor([0, 1, 1])
    order = ["W1", "b1", "gamma1", "beta1", "W2", "b2", "gamma2", "beta2", "W3", "b3"]
    assert list(network.numerical_gradient(x, t)) == order and list(network.gradient(x, t)) == order
    assert list(network.params) == ["W1", "b1", "W2", "b2", "W3", "b3", "gamma1", "beta1", "gamma2", "beta2"]


def test_accuracy_counts_in_slices_and_gives_the_whole_batchs_answer():
    random.seed(0)
    network = TwoLayerNet(2, 3, 3, weight_init_std=1.0)
    x = random.randn(2500, 2)  # more rows than one slice of accuracy() (1,000)
    t = random.randint(0, 3, size=2500)
    whole = (network.predict(x).argmax(axis=1) == t).sum() / 2500.0
    assert network.accuracy(x, t) == whole == network.accuracy(x, eye(3)[t])
    assert 0.2 < whole < 0.5  # an untrained network: about a third


@pytest.mark.parametrize(
    "call, message",
    [
        (lambda: MultiLayerNet(4, [5], 3, activation="tanh"), "activation must be 'relu' or 'sigmoid', got 'tanh'"),
        (lambda: MultiLayerNet(4, [0], 3), "layer sizes must be positive integers, got \\[4, 0, 3\\]"),
        (lambda: TwoLayerNet(4, 5, 3, weight_init_std="tanh"), "weight_init_std must be a number"),
        (lambda: TwoLayerNet(2, 2, 2).accuracy(zeronn.zeros((0, 2)), tensor([])), "accuracy needs at least one input"),
    ],
)
def test_bad_networks_get_clear_errors(call, message):
    with pytest.raises(ValueError, match=message):
        call()


# ---------------------------------------------------------------------------
# NumPy's numbers
# ---------------------------------------------------------------------------


def seeded_networks(np, nn):
    """Each of the book's networks after seed 0, on a batch drawn after it: loss, accuracy
    and gradients (backprop; numerical too for TwoLayerNet), as lists of numbers."""
    np.random.seed(0)
    got = {}
    network = nn.TwoLayerNet(input_size=4, hidden_size=5, output_size=3)
    x, t = np.random.randn(3, 4), np.random.randint(0, 3, size=3)
    got["TwoLayerNet"] = [network.loss(x, t), network.accuracy(x, t), network.gradient(x, t),
                          network.numerical_gradient(x, t)]
    network = nn.MultiLayerNet(4, [5, 4], 3, activation="sigmoid", weight_init_std="xavier", weight_decay_lambda=0.1)
    got["MultiLayerNet"] = [network.loss(x, t), network.gradient(x, t)]
    network = nn.MultiLayerNetExtend(4, [5, 4], 3, weight_decay_lambda=0.05, use_dropout=True, dropout_ration=0.2,
                                     use_batchnorm=True)
    grads = network.gradient(x, t)  # draws the dropout masks
    got["MultiLayerNetExtend"] = [network.loss(x, t), network.accuracy(x, t), grads]
    return {key: [_as_lists(value) for value in values] for key, values in got.items()}


def _as_lists(value):
    if isinstance(value, dict):
        return {key: _as_lists(item) for key, item in value.items()}
    return value.tolist() if hasattr(value, "tolist") else value


NUMPY_SEEDED_NETWORKS = {'TwoLayerNet': [1.098794787909385, 0.0,
                                         {'W1': [[-0.006489993617981941, 0.0003996906082268474, 0.004453619678902086,
                                                  0.002914027596794886, 0.005814136916040005],
                                                 [0.0016955511203614459, 0.003145115911502144, 0.0006072982479155874,
                                                  -0.004159295061764979, -0.002300805795701641],
                                                 [0.0014574201769244073, 0.0030737646422263004, 0.0007238357535547465,
                                                  -0.003962427263877871, -0.0020667780986472145],
                                                 [0.004167898524471257, -0.0009901625326956673, -0.003259840891958799,
                                                  -0.0011044120748404738, -0.003557388345790776]],
                                          'b1': [-0.0033268789599485414, 0.0025564006626806264, 0.0035644554490753093,
                                                 -0.0009651583761339949, 0.0024146585175280817],
                                          'W2': [[0.0038407503956934875, -0.0076863599829661245,
                                                  0.003845609587272636],
                                                 [-0.00533677764334554, 0.0026689919701677733, 0.0026677856731777663],
                                                 [-1.5123667136054642e-05, -0.0031769101901123788,
                                                  0.0031920338572484328],
                                                 [0.0038665938712914793, -0.008566828365522479, 0.004700234494230999],
                                                 [0.0010933045733269083, -0.0077315704421271, 0.006638265868800191]],
                                          'b2': [-6.874717404603548e-05, -6.85327962604565e-06,
                                                 7.560045367203949e-05]},
                                         {'W1': [[-0.006489991670743933, 0.0003996904884839836, 0.004453618341893062,
                                                  0.0029140267221450245, 0.0058141351699791954],
                                                 [0.0016955506110249985, 0.003145114968461371, 0.0006072980651694593,
                                                  -0.004159293814920417, -0.0023008051042161526],
                                                 [0.0014574197393368848, 0.003073763720218281, 0.0007238355370642324,
                                                  -0.00396242607503261, -0.0020667774780491754],
                                                 [0.004167897273976706, -0.000990162236647052, -0.0032598399135608247,
                                                  -0.0011044117442793322, -0.003557387278085855]],
                                          'b1': [-0.0033268779620065914, 0.0025563998951039224, 0.003564454380544646,
                                                 -0.0009651580856750996, 0.0024146577937145253],
                                          'W2': [[0.003840749243089192, -0.00768635767589565, 0.0038456084328064577],
                                                 [-0.0053367760421974, 0.0026689911691857304, 0.0026677848730116693],
                                                 [-1.5123662322480413e-05, -0.0031769092356803696,
                                                  0.003192032900223296],
                                                 [0.0038665927104553077, -0.008566825795419675, 0.004700233084964367],
                                                 [0.0010933042449146058, -0.007731568121283061,
                                                  0.006638263876368455]],
                                          'b2': [-6.874703140091754e-05, -6.853135836593083e-06,
                                                 7.56005358315548e-05]}],
                         'MultiLayerNet': [1.83950860165604,
                                           {'W1': [[0.0474616385318193, -0.0671971243937716, 0.04445054120159398,
                                                    0.07160679420401378, 0.039764796812416105],
                                                   [-0.03085110162617613, 0.027661228790417814,
                                                    -0.00012325911300380132, -0.005857861658056206,
                                                    0.013978130219924364],
                                                   [0.0034406679622122354, 0.014578199931714268, -0.0913707741962584,
                                                    0.0306627120305831, 0.009601589930239678],
                                                   [0.05823700424103859, 0.029322551074824427, 0.05863820503205581,
                                                    -0.004207846413092022, 0.011868396533834615]],
                                            'b1': [-0.0017351052561526141, -0.004564023739178236,
                                                   -0.005736114001110466, 0.0024133930269162624,
                                                   0.005622655234331947],
                                            'W2': [[0.05487414907241884, -0.005656279314989892, 0.039185363221060567,
                                                    0.04341782908887551],
                                                   [-0.1124850801736039, 0.01653712871504322, -0.010801777572533693,
                                                    -0.0034062792246667938],
                                                   [-0.027084229309125178, 0.00888988319246447, 0.07009150242304035,
                                                    0.046612322459554406],
                                                   [-0.006656483321728307, 0.04205502743308515, -0.010221026120719059,
                                                    0.03521502867869785],
                                                   [0.01786914984873751, -0.023866734223026466, 0.08690343391574416,
                                                    -0.020984025320785197]],
                                            'b2': [-0.005660485934119129, 0.05176387174062979, 0.04612738744060938,
                                                   -0.019624394354379616],
                                            'W3': [[0.09528311040194856, -0.04282343605826612, 0.0024088251289239096],
                                                   [0.11117098510764298, 0.07822196897976438, -0.1304945624712504],
                                                   [0.07581008764823888, 0.09456078269008014, -0.15157618929735917],
                                                   [-0.040232316486105715, -0.07996943062311812,
                                                    -0.1544171920934091]],
                                            'b3': [0.08997107104231411, 0.060342993126056815, -0.15031406416837081]}],
                         'MultiLayerNetExtend': [8.994946006959305, 0.3333333333333333,
                                                 {'W1': [[-0.020312959605034535, 0.03593940711913041,
                                                          -0.11402571363372714, -0.009043566593770822,
                                                          -0.052878474983558924],
                                                         [-0.03491581032241694, -0.010813562610197445,
                                                          0.14967027879420194, -0.013432286873074392,
                                                          0.022438712337771248],
                                                         [-0.08812178139011817, -0.04897726861736924,
                                                          0.1669143017184131, -0.015778284548931307,
                                                          -0.06563474316940743],
                                                         [-0.013077498611945666, -0.027859679010274724,
                                                          0.10541730515750561, -0.020298985485669902,
                                                          -0.0032534249555823177]],
                                                  'b1': [-1.3877787807814457e-17, 0.0, 2.7755575615628914e-17, 0.0,
                                                         -3.469446951953614e-18],
                                                  'gamma1': [0.1459426930850821, -0.021187032333679346,
                                                             -0.2618228049699918, 0.0, 0.13707294117156946],
                                                  'beta1': [0.21524420001691819, -0.009811315915460956,
                                                            -0.19588989970776258, 0.0, 0.10333070208027487],
                                                  'W2': [[0.17316462608674674, -0.016827649347469737,
                                                          0.011732853241209503, -0.15964277256315823],
                                                         [0.06199492836124514, 0.007358662721297787,
                                                          0.016550561904335414, -0.11941480791537563],
                                                         [0.15322527170994252, -0.04509923175185648,
                                                          -0.05590044134963491, -0.15284343481689133],
                                                         [-0.040365848617215906, 0.046849563339807006,
                                                          0.052470934528602554, 4.4149178896629946e-06],
                                                         [0.2663849730515757, -0.009127877849027022,
                                                          -0.04670466311967608, -0.12133260109018619]],
                                                  'b2': [-1.1102230246251565e-16, 3.469446951953614e-18,
                                                         -2.7755575615628914e-17, 2.7755575615628914e-17],
                                                  'gamma2': [0.526571799297377, -0.0662601624412915,
                                                             -0.14175212161300144, -0.12502446218358865],
                                                  'beta2': [0.38064861499439173, -0.07007605160913515,
                                                            -0.1014585334439021, -0.07779409194420792],
                                                  'W3': [[0.29952429531822683, -0.4645047788464859,
                                                          0.13796417461894983],
                                                         [0.19996370736724586, -0.3588301021344134,
                                                          0.05688863046106542],
                                                         [-0.06286278449041742, 0.1419312608438287,
                                                          0.03423937545313453],
                                                         [0.07856273181806103, 0.11548184123642388,
                                                          -0.14160308926264187]],
                                                  'b3': [0.17716606988739747, -0.13923619197165304,
                                                         -0.03792987791574447]}]}


def test_the_networks_give_numpys_numbers():
    got = seeded_networks(zeronn, zeronn.nn)
    for key, expected in NUMPY_SEEDED_NETWORKS.items():
        for actual, wanted in zip(got[key], expected):
            if isinstance(wanted, dict):
                assert list(actual) == list(wanted)  # the same keys, in the same order
                for name in wanted:  # the numerical gradients: rounding in the loss, divided by 2h
                    assert_allclose(actual[name], wanted[name], rtol=1e-9, atol=1e-11)
            else:
                assert abs(actual - wanted) <= 1e-13 * abs(wanted)


# ---------------------------------------------------------------------------
# Real MNIST: what the README shows
# ---------------------------------------------------------------------------


@pytest.mark.slow
@pytest.mark.skipif(not (SHARED_DATA / "mnist" / "train-images-idx3-ubyte.gz").exists(),
                    reason="the MNIST files are not in ../shared/data/mnist")
def test_forty_steps_on_real_mnist_learn_as_numpy_does():
    from zeronn.io import load_mnist

    (x_train, t_train), (x_test, t_test) = load_mnist(SHARED_DATA / "mnist", one_hot_label=True)
    random.seed(0)
    network = TwoLayerNet(input_size=784, hidden_size=50, output_size=10)
    before = network.accuracy(x_test[:500], t_test[:500])
    optimizer = SGD(lr=0.5)
    for _ in range(40):
        batch_mask = random.choice(x_train.shape[0], 100)
        optimizer.update(network.params, network.gradient(x_train[batch_mask], t_train[batch_mask]))
    after = network.accuracy(x_test[:500], t_test[:500])
    # The book's ch05 TwoLayerNet on NumPy, the same steps: 0.092, then 0.772.
    assert before == 0.092 and abs(after - 0.772) <= 0.004, (before, after)


@settings(max_examples=25, deadline=None)
@given(st.integers(0, 2**32 - 1), st.lists(st.integers(0, 2), min_size=1, max_size=4))
def test_two_layer_nets_own_methods_give_layer_nets_general_answers_bit_for_bit(seed, labels):
    """``TwoLayerNet``'s predict, loss and gradient (the book's ch05 lines, the training path a
    reader follows) are ``LayerNet``'s general ones with no dropout, batch normalisation or
    weight decay to care for: the same numbers, bit for bit."""
    LayerNet = zeronn.nn.networks.LayerNet
    random.seed(seed)
    network = TwoLayerNet(input_size=6, hidden_size=4, output_size=3)
    x = random.randn(len(labels), 6) * (random.rand(len(labels), 6) > 0.5)
    t = eye(3)[labels]
    assert network.predict(x).tobytes() == LayerNet.predict(network, x).tobytes()
    assert network.loss(x, t) == LayerNet.loss(network, x, t)
    own = network.gradient(x, t)
    general = LayerNet.gradient(network, x, t)
    assert list(own) == list(general) == ["W1", "b1", "W2", "b2"]
    assert all(own[key].tobytes() == general[key].tobytes() for key in own)
