"""save_params and load_params, on every network of zeronn.nn: the weights (and batch
normalisation's running averages) to a pickle or an .npz and back into the very tensors
the layers hold, the book's own weight files read without running them, the refusals, and
files that NumPy writes and reads (marked oracle)."""

import io
import pickle

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_nn_convnets import WEIGHTS, needs_the_weights, the_books_convnets

import zeronn
from zeronn import random, tensor
from zeronn.nn import DeepConvNet, MultiLayerNet, MultiLayerNetExtend, SimpleConvNet, TwoLayerNet

SMALL_CONV = {"filter_num": 2, "filter_size": 3, "pad": 1, "stride": 1}


def every_network(seed):
    """One small network of each kind, drawn after ``seed``, and an input for it. The
    batch-normalised one has run a training pass, so that it has running averages."""
    random.seed(seed)
    extend = MultiLayerNetExtend(4, [5, 3], 2, use_batchnorm=True, use_dropout=True)
    x4 = random.randn(3, 4)
    extend.predict(x4, train_flg=True)
    deep_params = [dict(SMALL_CONV, pad=2 if idx == 4 else 1) for idx in range(1, 7)]
    return [
        (TwoLayerNet(4, 5, 2), x4),
        (MultiLayerNet(4, [5, 3], 2, activation="sigmoid"), x4),
        (extend, x4),
        (SimpleConvNet((1, 6, 6), SMALL_CONV, hidden_size=3, output_size=2), random.rand(2, 1, 6, 6)),
        (DeepConvNet((1, 4, 4), *deep_params, hidden_size=3, output_size=2), random.rand(2, 1, 4, 4)),
    ]


def running_averages(network):
    return {name: (layer.running_mean.tolist(), layer.running_var.tolist())
            for name, layer in network.layers.items() if name.startswith("BatchNorm")}


@settings(max_examples=10)
@given(st.integers(0, 2**32 - 1), st.sampled_from(["params.pkl", "params.npz", "weights"]))
def test_every_network_gets_its_weights_back_into_the_same_tensors(tmp_path_factory, seed, name):
    path = tmp_path_factory.mktemp("params") / name
    for network, x in every_network(seed):
        saved = {key: value.tolist() for key, value in network.params.items()}
        averages, scores = running_averages(network), network.predict(x).tolist()
        network.save_params(path)
        tensors = dict(network.params)
        for value in network.params.values():  # scrambled in place: the layers see it
            value[...] = 7.0
        for layer in network.layers.values():
            if hasattr(layer, "running_mean"):
                layer.running_mean, layer.running_var = None, None
        assert network.predict(x).tolist() != scores or not network.params
        network.load_params(path)
        assert all(network.params[key] is tensors[key] for key in tensors)  # loaded into them, not replacing them
        assert {key: value.tolist() for key, value in network.params.items()} == saved
        assert running_averages(network) == averages
        assert network.predict(x).tolist() == scores


def test_a_pickled_file_is_a_dict_of_tensors_and_an_npz_file_is_numpys(tmp_path):
    random.seed(0)
    network = TwoLayerNet(2, 3, 2)
    network.save_params(tmp_path / "params.pkl")
    network.save_params(tmp_path / "params.npz")
    with open(tmp_path / "params.pkl", "rb") as file:
        loaded = pickle.load(file)  # zeronn is importable here: its own rebuild_tensor
    assert sorted(loaded) == ["W1", "W2", "b1", "b2"] and isinstance(loaded["W1"], zeronn.Tensor)
    assert (tmp_path / "params.npz").read_bytes()[:4] == b"PK\x03\x04"  # a zip of .npy files
    with zeronn.load(tmp_path / "params.npz") as npz:
        assert sorted(npz.files) == ["W1", "W2", "b1", "b2"]
        assert npz["W1"].tolist() == network.params["W1"].tolist()
    buffer = io.BytesIO()
    network.save_params(buffer)  # an open file: a pickle
    buffer.seek(0)
    network.load_params(buffer)


def refusals(tmp_path):
    """(what the file holds, the error, a fragment of its message), for a TwoLayerNet(2, 3, 2)."""
    good = {"W1": zeronn.zeros((2, 3)), "b1": zeronn.zeros(3), "W2": zeronn.zeros((3, 2)), "b2": zeronn.zeros(2)}
    zeronn.save(tmp_path / "one.npy", zeronn.zeros(3))
    return [
        (pickle.dumps({**good, "W3": zeronn.zeros(2)}), ValueError, "(unknown: W3)"),
        (pickle.dumps({k: v for k, v in good.items() if k != "b2"}), ValueError, "(missing: b2)"),
        (pickle.dumps({**good, "W2": zeronn.zeros((2, 3))}), ValueError,
         "W2 has shape (2, 3) in the file, the network's is (3, 2)"),
        (pickle.dumps({**good, "b1": zeronn.zeros(1)}), ValueError,
         "b1 has shape (1,) in the file, the network's is (3,)"),
        (pickle.dumps([1, 2]), ValueError, "expected a dict of named weights, got list"),
        ((tmp_path / "one.npy").read_bytes(), ValueError, "expected a dict of named weights, got Tensor"),
        (b"cos\nsystem\n(S'echo hacked'\ntR.", pickle.UnpicklingError, "global 'os.system' is forbidden"),
    ]


def test_a_file_that_does_not_fit_is_refused_and_changes_nothing(tmp_path):
    for content, error, message in refusals(tmp_path):
        random.seed(0)
        network = TwoLayerNet(2, 3, 2)
        before = {key: value.tolist() for key, value in network.params.items()}
        path = tmp_path / "bad.pkl"
        path.write_bytes(content)
        with pytest.raises(error) as raised:
            network.load_params(path)
        assert message in str(raised.value)
        assert {key: value.tolist() for key, value in network.params.items()} == before


def test_running_averages_must_fit_their_batch_normalisation(tmp_path):
    random.seed(0)
    network = MultiLayerNetExtend(2, [3], 2, use_batchnorm=True)
    arrays = {key: value for key, value in network.params.items()}
    zeronn.savez(tmp_path / "bn.npz", **arrays, running_mean1=zeronn.zeros(3), running_var1=zeronn.ones(4))
    with pytest.raises(ValueError, match=r"running_var1 has shape \(4,\) in the file, the network's is \(3,\)"):
        network.load_params(tmp_path / "bn.npz")
    assert network.layers["BatchNorm1"].running_mean is None  # nothing changed


# ---------------------------------------------------------------------------
# The book's files, and NumPy's
# ---------------------------------------------------------------------------


@needs_the_weights
def test_the_books_weight_files_load_as_numpy_loads_them():
    simple, deep = SimpleConvNet(), DeepConvNet()
    simple.load_params(WEIGHTS["simple-convnet"])
    deep.load_params(WEIGHTS["deep-convnet"])
    # NumPy 2.4, pickle.load of the same files: a few numbers and each array's sum of squares
    assert simple.params["W1"][0, 0, 0].tolist() == [0.029043125307097867, 0.04382340274650647, 0.02592255592013197,
                                                     0.03224740594372258, 0.036990876500358934]
    assert deep.params["b8"].tolist()[:3] == [-0.0792862361671907, -0.09955295304236493, 0.0355143269319395]
    assert round(float((deep.params["W6"] ** 2).sum()), 6) == 161.506111
    assert round(float((simple.params["W2"] ** 2).sum()), 6) == 512.711956


@pytest.mark.oracle
def test_numpy_reads_what_zeronn_saves_and_zeronn_loads_what_the_book_saves(tmp_path):
    numpy = pytest.importorskip("numpy")
    random.seed(0)
    ours = SimpleConvNet((1, 6, 6), SMALL_CONV, hidden_size=3, output_size=2)
    ours.save_params(tmp_path / "zeronn.npz")
    with numpy.load(tmp_path / "zeronn.npz") as npz:
        assert {key: npz[key].tolist() for key in npz.files} == {k: v.tolist() for k, v in ours.params.items()}
    with the_books_convnets() as (numpy, book):
        numpy.random.seed(1)
        theirs = book.SimpleConvNet((1, 6, 6), SMALL_CONV, hidden_size=3, output_size=2)
        theirs.save_params(str(tmp_path / "book.pkl"))  # the book's own pickle.dump of NumPy's arrays
        numpy.savez(tmp_path / "numpy.npz", **theirs.params)
        x = numpy.random.rand(2, 1, 6, 6)
        expected = theirs.predict(x).tolist()
    for name in ("book.pkl", "numpy.npz"):
        random.seed(2)
        network = SimpleConvNet((1, 6, 6), SMALL_CONV, hidden_size=3, output_size=2)
        network.load_params(tmp_path / name)
        assert {k: v.tolist() for k, v in network.params.items()} == {k: v.tolist() for k, v in theirs.params.items()}
        predicted = network.predict(tensor(x.tolist())).tolist()
        assert max(abs(a - b) for row, other in zip(predicted, expected) for a, b in zip(row, other)) <= 1e-14


def test_every_network_class_has_the_books_method_names():
    for network, _ in every_network(0):
        assert callable(network.save_params) and callable(network.load_params)
        assert network.load_params.__defaults__ == ("params.pkl",) == network.save_params.__defaults__
