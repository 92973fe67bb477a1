"""Absurd sizes, numbers a float cannot hold, malformed networks and the command line.

Each case ends at once in a one-line error of a documented kind (``ValueError``,
``TypeError``, ``OverflowError`` where NumPy's is; exit status 2 or 130 from the command
line), or works; never a hang, a ``MemoryError`` or a traceback. Hostile pickles and IDX
files have their own modules (``test_hostile_pickles.py``, ``test_datasets.py``).
"""

import json
import os
import signal
import subprocess
import sys
import textwrap
import time

import pytest
from conftest import PROJECT, SHARED_DATA, child_environment

import zeronn
from zeronn import IntegerOutOfBoundsError
from zeronn.nn.dense import load_network, network_from_json
from zeronn.tools.plot import line_chart

# --- sizes: counted in bytes before any loop runs, under this process's own limit ------------

LIMITED = textwrap.dedent(r"""
    import json, resource, sys, time
    resource.setrlimit(resource.RLIMIT_AS, (500 << 20, 500 << 20))
    import zeronn as z
    results = []
    for case in sys.argv[1:]:
        started = time.process_time()
        try:
            outcome = repr(eval(case, {"z": z}))[:200]
        except BaseException as error:
            outcome = f"{type(error).__name__}: {error}"[:300]
        results.append([case, outcome, time.process_time() - started])
    print(json.dumps(results))
""")

SIZES = {
    "z.zeros(2**31)": "ValueError: a tensor of shape (2147483648,) and dtype float64 needs at least "
                      "17,179,869,184 bytes, more than this process's memory limit (524,288,000 bytes)",
    "z.tensor(range(10**12))": "ValueError: nested data of shape (1000000000000,) needs at least",
    "z.tensor([[0] * 10**4] * 10**5)": "ValueError: nested data of shape (100000, 10000) needs at least",
    "z.zeros((0, 10**12)).sum(axis=0)": "ValueError: a tensor of shape (1000000000000,) and dtype float64",
    "z.zeros((10**5, 1)) + z.zeros((1, 10**5))": "ValueError: a tensor of shape (100000, 100000)",
    "z.zeros((10**5, 10)) @ z.zeros((10, 10**5))": "ValueError: a tensor of shape (100000, 100000)",
    "z.random.rand(10**6, 10**6)": "ValueError: a tensor of shape (1000000, 1000000)",
    "z.ones(3)[z.zeros((10**5, 1), dtype=int) + z.zeros((1, 10**5), dtype=int)]":
        "ValueError: a tensor of shape (100000, 100000) and dtype int64",
    "z.ones((3, 3))[z.zeros((10**5, 1), dtype=int), z.zeros((1, 10**5), dtype=int)]":
        "ValueError: the 10,000,000,000 positions these index arrays broadcast to needs at least "
        "80,000,000,000 bytes, more than this process's memory limit (524,288,000 bytes)",
    "z.ones((3, 3))[z.zeros((10**4, 1), dtype=int)][:, z.zeros(10**5, dtype=int)]":
        "ValueError: the 3,000,000,000 elements this index picks needs at least 24,000,000,000 bytes",
    "z.dtypes.memory_limit()": "(524288000, \"this process's memory limit\")",
    "z.arange(0, 1e308, 1e-308)": "ValueError: arange(0, 1e+308, 1e-308): (stop - start) / step is inf",
    "z.full((10**10,), 1.0, dtype='uint8')": "ValueError: a tensor of shape (10000000000,) and dtype uint8 needs at "
                                             "least 10,000,000,000 bytes",
    # shape-only work on empty tensors costs nothing
    "z.zeros((10**12, 0))": "tensor([], shape=(1000000000000, 0), dtype=float64)",
    "z.zeros((0, 10**12)).sum(axis=1)": "tensor([], dtype=float64)",
    "z.zeros((10**12, 0)).T[:, 10**11:].reshape(0, 7).shape": "(0, 7)",
    "z.zeros((10**12, 0)).sum()": "0.0",
}


def test_absurd_sizes_are_refused_by_their_cost_in_bytes_at_once():
    environment = child_environment()
    run = subprocess.run([sys.executable, "-c", LIMITED, *SIZES], capture_output=True, text=True,
                         env=environment, timeout=60)
    assert run.returncode == 0, run.stderr[-2000:]
    for case, outcome, seconds in json.loads(run.stdout):
        assert outcome.startswith(SIZES[case]), (case, outcome)
        assert seconds < 1.0, (case, seconds)


# --- numbers a float cannot hold, named at the boundary --------------------------------------

@pytest.mark.parametrize("call, message", [
    (lambda: zeronn.tensor([1.5, 2**2000]), r"Python integer 2\*\*2000 or so \(an int of 2001 bits\) at \[1\] is too "
                                            "large for float64"),
    (lambda: zeronn.tensor([[1.0, 2], [3, -(2**1024)]]), r"-2\*\*1024 or so .* at \[1, 1\] is too large for float64"),
    (lambda: zeronn.max([1.0, 2**1024]), "at \\[1\\] is too large for float64"),
    (lambda: zeronn.exp(2**2000), "too large for any of zeronn's dtypes"),
    (lambda: zeronn.sigmoid(2**2000), "too large for any of zeronn's dtypes"),
    (lambda: zeronn.mean([2**1000, 1]), r"2\*\*1000 or so"),
    (lambda: zeronn.tensor([1.0]) + 10**400, r"2\*\*1328 or so \(an int of 1329 bits\) out of bounds for float64"),
    (lambda: zeronn.tensor([1], dtype="uint8") + 10**40, "out of bounds for uint8"),
    (lambda: zeronn.tensor([10**100000, 1.0]), r"an int of 332193 bits"),  # beyond Python's own digit limit
    (lambda: zeronn.float32(2**2000), r"2\*\*2000 or so \(an int of 2001 bits\) is too large for float64"),
    (lambda: zeronn.full(3, 2**2000, dtype=float), "is too large for float64"),
    (lambda: zeronn.arange(0.0, 2**2000), "is too large for float64"),
    (lambda: zeronn.random.normal(0, 2**2000, 3), "is too large for float64"),
])
def test_ints_beyond_a_float_are_named_briefly(call, message):
    with pytest.raises(IntegerOutOfBoundsError, match=message) as caught:
        call()
    assert isinstance(caught.value, ValueError) and isinstance(caught.value, OverflowError)
    assert len(str(caught.value)) < 200


# --- networks in JSON ----------------------------------------------------------------------

GOOD = {"format": "zeronn-network", "version": 1, "task": "regression",
        "layers": [{"weight": [[2.0]], "bias": [1.0], "activation": "identity"}]}


def _with(**changes):
    return json.dumps({**GOOD, **changes})


@pytest.mark.parametrize("text, message", [
    (_with(layers=None), 'needs "layers": a list of layers'),
    (_with(layers=[1]), "layer 1: expected an object with a weight, a bias and an activation"),
    (_with(layers=[{"weight": [[1.0]]}]), "layer 1: expected an object with a weight, a bias and an activation"),
    (_with(layers=[{"weight": [[1.0]], "bias": [1.0], "activation": ["x"]}]), r"layer 1: unknown activation \['x'\]"),
    (_with(layers=[{"weight": "abc", "bias": [1.0], "activation": "identity"}]), "layer 1: a tensor is made of"),
    (_with(layers=[{"weight": [[1, 2], [3]], "bias": [1], "activation": "identity"}]), "layer 1: ragged nested list"),
    (_with(task=[1]), r"task must be 'classification' or 'regression', got \[1\]"),
    ("[" * 100_000 + "]" * 100_000, "nested too deeply"),
    ('{"format": "zeronn-network", "version": 1, "layers": [{"weight": [[1' + "0" * 5000 + "]]}]}",
     "Exceeds the limit|4300 digits"),
    ("nope", "Expecting value"),
])
def test_malformed_networks_are_value_errors_naming_the_layer(text, message):
    with pytest.raises(ValueError, match=message):
        network_from_json(text)


def test_load_network_refuses_text_that_is_not_utf8(tmp_path):
    (tmp_path / "bad.json").write_bytes(b"\xff\xfe\x00")
    with pytest.raises(ValueError):
        load_network(tmp_path / "bad.json")


# --- charts ----------------------------------------------------------------------------------

@pytest.mark.parametrize("x", [[2.0**60], [1e300], [-1e308, 1e308], [-1.7e308, 0.0, 1.7e308]])
def test_charts_of_one_huge_point_or_the_widest_range(x):
    chart = line_chart(x, [1.0] * len(x), label="p")
    assert "┤" in chart.to_text(encoding="utf-8") and "<polyline" in chart.to_svg() and chart.to_vega_lite()


# --- the command line --------------------------------------------------------------------------

def cli(*arguments, timeout=30):
    environment = child_environment()
    return subprocess.run([sys.executable, "-m", "zeronn", *arguments], capture_output=True, text=True,
                          env=environment, timeout=timeout, cwd=PROJECT)


@pytest.mark.parametrize("arguments, output", [
    (["forward", "1", "-2.5e-3"], "x = [ 1.     -0.0025]"),
    (["forward", "-1e1", "-.5"], "x = [-10.   -0.5]"),
    (["forward", "-inf", "0"], "x = [-inf   0.]"),
    (["plot", "sigmoid", "--start", "-1e1", "--stop", "-5"], "Sigmoid function"),
    (["plot", "sigmoid", "--start", "1e300", "--stop", "1.0000001e300", "--step", "1e293"], "Sigmoid function"),
])
def test_negative_numbers_in_any_form_are_numbers(arguments, output):
    run = cli(*arguments)
    assert run.returncode == 0 and output in run.stdout and not run.stderr, run.stderr


@pytest.mark.parametrize("arguments, message", [
    (["plot", "sigmoid", "--step", "1e-8"], "gives 1e+09 points; a chart takes at most 100,000"),
    (["plot", "sigmoid", "--start", "0", "--stop", "1e308", "--step", "1e-308"], "gives inf points"),
    (["plot", "sigmoid", "--start", "5", "--stop", "-5"], "gives no points"),
    (["plot", "relu", "--start", "-inf"], "--start must be a finite number, got -inf"),
    (["plot", "relu", "--step", "0"], "--step must not be zero"),
    (["forward", "1"], "the following arguments are required"),
    (["forward", "1", "x"], "invalid float value: 'x'"),
])
def test_bad_arguments_are_one_line_and_status_2(arguments, message):
    run = cli(*arguments)
    assert run.returncode == 2 and message in run.stderr, run.stderr
    assert len(run.stderr.strip().splitlines()) == 1 and not run.stdout


def _interrupt(arguments, tmp_path, wait=2.0, environment=None):
    """Start ``python -m zeronn ARGUMENTS``, press Ctrl-C after ``wait`` seconds, and give the
    exit status and what it printed on stderr. The child gets Ctrl-C's default meaning back
    (a shell starts background jobs with it ignored, and Python then ignores it too)."""
    environment = environment or child_environment()
    with subprocess.Popen([sys.executable, "-m", "zeronn", *arguments], stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE, text=True, env=environment, cwd=tmp_path,
                          preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL)) as process:
        try:
            time.sleep(wait)
            process.send_signal(signal.SIGINT)
            _, err = process.communicate(timeout=30)
        finally:
            process.kill()
    return process.returncode, err


@pytest.mark.skipif(not hasattr(signal, "SIGINT") or os.name != "posix", reason="Ctrl-C as a POSIX signal")
def test_ctrl_c_in_a_book_script_is_one_line_and_status_130(tmp_path):
    (tmp_path / "ch04").mkdir()
    (tmp_path / "ch04" / "forever.py").write_text("import numpy as np\nwhile True:\n    np.zeros(10).sum()\n")
    status, err = _interrupt(["book", str(tmp_path / "ch04" / "forever.py")], tmp_path)
    assert status == 130 and err == "zeronn: interrupted\n", err


@pytest.mark.skipif(not hasattr(signal, "SIGINT") or os.name != "posix", reason="Ctrl-C as a POSIX signal")
@pytest.mark.parametrize("module", ["zeronn.core", "zeronn.tools.cli"])
def test_ctrl_c_while_the_package_loads_is_one_line_and_status_130(tmp_path, module):
    # A sitecustomize that makes the import of ``module`` take seconds, so that the
    # Ctrl-C surely arrives while the package (or the command line) is still loading.
    (tmp_path / "sitecustomize.py").write_text(
        "import sys, time\n"
        "class Slow:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        f"        if name == {module!r}:\n"
        "            time.sleep(5)\n"
        "        return None\n"
        "sys.meta_path.insert(0, Slow())\n"
    )
    environment = child_environment()
    environment["PYTHONPATH"] = os.pathsep.join([str(tmp_path), environment["PYTHONPATH"]])
    status, err = _interrupt(["tour"], tmp_path, wait=1.5, environment=environment)
    assert status == 130 and err == "zeronn: interrupted\n", err


def test_importing_zeronn_leaves_ctrl_c_alone():
    # (compared with the handler before the import: a shell's background job starts with
    # SIGINT ignored, and Python keeps that)
    code = "import signal; before = signal.getsignal(signal.SIGINT); import zeronn; print(signal.getsignal(signal.SIGINT) is before)"
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=child_environment())
    assert run.stdout == "True\n", run.stderr


MNIST = SHARED_DATA / "mnist"
WEIGHTS = SHARED_DATA / "sample_weight.pkl"


@pytest.mark.skipif(not (MNIST / "t10k-images-idx3-ubyte.gz").exists() or not WEIGHTS.exists() or os.name != "posix",
                    reason="the MNIST test set and the book's weights are not in ../shared/data")
def test_ctrl_c_during_mnist_is_one_line_and_status_130(tmp_path):
    status, err = _interrupt(["mnist", "--data", str(MNIST), "--weights", str(WEIGHTS), "--one-by-one"], tmp_path,
                             wait=3.0)
    assert status == 130 and err == "zeronn: interrupted\n", err
