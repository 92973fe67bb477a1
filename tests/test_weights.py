"""The book's NumPy pickle read without NumPy, hostile pickles refused, JSON round trips."""

import io
import pickle
from pathlib import Path

import pytest
from conftest import SHARED_DATA

from zeronn import Dense, Network, init_network, relu, sigmoid, softmax, step, tensor
from zeronn.core import rebuild_tensor
from zeronn.io import load_numpy_pickle
from zeronn.nn import identity
from zeronn.nn.dense import load_network, network_from_json, network_to_json, save_network

DATA = Path(__file__).resolve().parent / "data"
C_F4 = [[-0.625, -0.375, -0.125], [0.125, 0.375, 0.625]]
FORTRAN_F8 = [[1.5, -2.0], [3.25, 4.0], [-5.0, 6.5]]


@pytest.mark.parametrize("protocol", [2, 3, 4, 5])
def test_c_order_float32_in_every_protocol(protocol):
    t = load_numpy_pickle(DATA / f"c_f4_p{protocol}.pkl")
    assert t.shape == (2, 3) and t.tolist() == C_F4


@pytest.mark.parametrize("protocol", [2, 3, 4, 5])
def test_fortran_order_float64_in_every_protocol(protocol):
    t = load_numpy_pickle(DATA / f"fortran_f8_p{protocol}.pkl")
    assert t.shape == (3, 2) and t.tolist() == FORTRAN_F8


def test_big_endian_and_integer_arrays():
    assert load_numpy_pickle(DATA / "big_endian_f8_p4.pkl").tolist() == [1.0, -0.5, 1e-3]
    ints = load_numpy_pickle(DATA / "ints_i8_p3.pkl")
    assert ints.tolist() == [[0, -1, 2], [300, 4, -5]] and ints.dtype == "int64"


def test_numpy_1_globals_and_dicts_of_arrays_like_the_book():
    weights = load_numpy_pickle(DATA / "book_like_legacy_p3.pkl")
    assert sorted(weights) == ["W1", "b1"]
    assert weights["W1"].tolist() == [
        [0.10000000149011612, 0.30000001192092896, 0.5],
        [0.20000000298023224, 0.4000000059604645, 0.6000000238418579],
    ]
    assert weights["b1"].tolist() == [0.10000000149011612, 0.20000000298023224, 0.30000001192092896]


@pytest.mark.parametrize(
    "name, message",
    [("complex_p3.pkl", "unsupported dtype 'c16'"), ("object_p3.pkl", "dtype 'O8' is not numeric")],
)
def test_unknown_dtypes_are_clear_errors(name, message):
    with pytest.raises(ValueError, match=message):
        load_numpy_pickle(DATA / name)


class _Evil:
    def __init__(self, function, *args):
        self.call = (function, args)

    def __reduce__(self):
        return self.call


# (what the pickle calls, how its global is spelled: os.system pickles as posix.system
# on Linux, and protocol 2 writes Python 2's module names)
HOSTILE = [
    (lambda marker: _Evil(__import__("os").system, f"touch {marker}"), r"(os|posix|nt)[.]system"),
    (lambda marker: _Evil(__import__("subprocess").call, ["touch", str(marker)]), r"(subprocess|commands)[.]call"),
    (lambda marker: _Evil(eval, f"open({str(marker)!r}, 'w').close()"), r"(builtins|__builtin__)[.]eval"),
    (lambda marker: _Evil(exec, f"open({str(marker)!r}, 'w').close()"), r"(builtins|__builtin__)[.]exec"),
]


@pytest.mark.parametrize("make, name", HOSTILE, ids=["os.system", "subprocess.call", "eval", "exec"])
@pytest.mark.parametrize("protocol", [2, 5])
def test_hostile_pickles_run_nothing(tmp_path, make, name, protocol):
    marker = tmp_path / "hacked"
    payload = pickle.dumps({"W1": make(marker)}, protocol=protocol)
    for source in (io.BytesIO(payload), _write(tmp_path / "evil.pkl", payload)):
        with pytest.raises(pickle.UnpicklingError, match=f"global '{name}' is forbidden"):
            load_numpy_pickle(source)
    assert not marker.exists()
    pickle.loads(payload)  # the same bytes through pickle.load do run: the test is real
    assert marker.exists()


def test_the_allowed_stand_ins_cannot_be_turned_into_tools():
    # _codecs.encode is allowed only to turn latin-1 text into bytes.
    payload = b"\x80\x02c_codecs\nencode\nX\x01\x00\x00\x00aX\x05\x00\x00\x00rot13\x86R."
    with pytest.raises(ValueError, match="latin-1"):
        load_numpy_pickle(io.BytesIO(payload))


def test_garbage_and_truncated_files_are_clear_errors(tmp_path):
    with pytest.raises(pickle.UnpicklingError, match="not-a-pickle.txt: .*expected a pickle of NumPy arrays"):
        load_numpy_pickle(_write(tmp_path / "not-a-pickle.txt", b"# hello"))
    data = (DATA / "c_f4_p3.pkl").read_bytes()
    with pytest.raises((ValueError, pickle.UnpicklingError), match="short.pkl"):
        load_numpy_pickle(_write(tmp_path / "short.pkl", data[:60]))


def _write(path, payload):
    path.write_bytes(payload)
    return path


# ---------------------------------------------------------------------------
# The book's real file, when ../shared/data is at hand
# ---------------------------------------------------------------------------

BOOK_WEIGHTS = SHARED_DATA / "sample_weight.pkl"


@pytest.mark.skipif(not BOOK_WEIGHTS.exists(), reason=f"the book's weights are not at {BOOK_WEIGHTS}")
def test_the_books_sample_weight_pickle():
    weights = load_numpy_pickle(BOOK_WEIGHTS)
    shapes = {name: t.shape for name, t in weights.items()}
    assert shapes == {"W1": (784, 50), "b1": (50,), "W2": (50, 100), "b2": (100,), "W3": (100, 10), "b3": (10,)}
    # Values NumPy gives for these elements (W1 is stored column-major).
    assert weights["W1"][0, 1] == -0.007904390804469585
    assert weights["W1"][1, 0] == -0.010297450236976147
    assert weights["b3"][0] == -0.060239847749471664


# ---------------------------------------------------------------------------
# zeronn's JSON
# ---------------------------------------------------------------------------


def test_json_round_trips_exactly(tmp_path):
    book = init_network()
    network = Network([Dense(book["W1"], book["b1"], sigmoid), Dense(book["W2"], book["b2"], relu),
                       Dense([[1 / 3, 2.0], [1e-300, -0.1]], [0.1, 0.2])], task="regression")
    again = network_from_json(network_to_json(network))
    assert again.task == "regression"
    for before, after in zip(network.layers, again.layers):
        assert after.weight.tolist() == before.weight.tolist() and after.bias.tolist() == before.bias.tolist()
        assert after.activation is before.activation
    save_network(network, tmp_path / "net.json")
    assert load_network(tmp_path / "net.json").predict([1.0, 0.5]).tolist() == network.predict([1.0, 0.5]).tolist()
    assert '"activation": "sigmoid"' in (tmp_path / "net.json").read_text()


def test_each_activation_is_written_by_its_books_name():
    for function in (identity, relu, sigmoid, softmax, step):
        text = network_to_json(Network([Dense([[1.0]], [0.0], function)]))
        assert f'"activation": "{function.__name__}"' in text
        assert network_from_json(text).layers[0].activation is function


def test_a_pickled_tensor_needs_a_tuple_shape():
    assert rebuild_tensor("int64", (1,), bytes(8)).tolist() == [0]
    with pytest.raises(ValueError, match=r"^cannot unpickle a tensor of shape \[1\]$"):
        rebuild_tensor("int64", [1], bytes(8))


def test_only_version_1_is_read():
    document = network_to_json(Network([Dense([[1.0]], [0.0])]))
    for version in ("2", "0", '"1"', "null"):
        with pytest.raises(ValueError, match="^unsupported zeronn network version .*; expected 1$"):
            network_from_json(document.replace('"version": 1', f'"version": {version}'))


def test_a_document_without_a_task_is_a_classifier():
    document = '{"format": "zeronn-network", "version": 1, "layers": [{"weight": [[2.0]], "bias": [1.0], ' \
               '"activation": "identity"}]}'
    network = network_from_json(document)
    assert network.task == "classification" and network.predict([3.0]).tolist() == [1.0]  # softmax of [7.0]
    regression = network_from_json(document.replace('"layers"', '"task": "regression", "layers"'))
    assert regression.predict([3.0]).tolist() == [7.0]


def test_json_errors_are_clear():
    with pytest.raises(ValueError, match="^layer 2: activation .* has no JSON name"):  # numbered from 1
        network_to_json(Network([Dense([[1.0]], [0.0]), Dense([[1.0]], [0.0], activation=lambda x: x)]))
    with pytest.raises(ValueError, match="has no JSON name"):
        network_to_json(Network([Dense([[1.0]], [0.0], activation=lambda x: x)]))
    with pytest.raises(ValueError, match="not a zeronn network"):
        network_from_json("[1, 2]")
    with pytest.raises(ValueError, match="unknown activation 'tanh'"):
        network_from_json('{"format": "zeronn-network", "version": 1, "layers": '
                          '[{"weight": [[1.0]], "bias": [0.0], "activation": "tanh"}]}')
    assert identity(tensor([1])).tolist() == [1]
