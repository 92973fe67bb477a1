"""python -m zeronn: the tour and the forward subcommand, as a user runs them."""

import io
import os
import subprocess
import sys

from conftest import PROJECT

from zeronn.tools.cli import main


def run(*argv):
    out = io.StringIO()
    status = main(list(argv), out=out)
    return status, out.getvalue()


def test_the_tour_runs_from_a_fresh_checkout_and_fits_80_columns():
    result = subprocess.run([sys.executable, "-m", "zeronn"], cwd=PROJECT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    text = result.stdout
    for heading in ["arange", "comparison trap", "step function", "sigmoid", "ReLU", "Softmax",
                    "Identity", "classification vs regression", "three-layer network"]:
        assert heading in text
    assert "ambiguous" in text  # the trap is shown failing loudly
    assert "[0.01821127 0.24519181 0.73659691]" in text  # printed as NumPy prints it
    assert "[0.31682708 0.69627909]" in text
    assert max(map(len, text.splitlines())) <= 80


def test_tour_is_also_a_subcommand():
    assert run("tour")[1] == run()[1]


def test_forward_prints_y():
    status, text = run("forward", "1.0", "0.5")
    assert status == 0 and "y = [0.31682708 0.69627909]" in text


def test_bad_arguments_exit_with_status_2():
    result = subprocess.run([sys.executable, "-m", "zeronn", "forward", "1", "x"], cwd=PROJECT,
                            capture_output=True, text=True)
    assert result.returncode == 2 and "invalid float value: 'x'" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_closed_pipe_stops_quietly():
    # As in `python -m zeronn plot ... | head -1`. The output (about 4 MB) is far larger
    # than a pipe's buffer, so the writer does meet the closed pipe.
    # (Without PYTHONUNBUFFERED: an unbuffered stdout drops the rest of a partial write
    # silently, so the closed pipe would never be noticed.)
    command = [sys.executable, "-m", "zeronn", "plot", "sigmoid", "--format", "vega-lite", "--step", "0.0001"]
    environment = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}
    process = subprocess.Popen(command, cwd=PROJECT, env=environment, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True)
    first = process.stdout.readline()
    process.stdout.close()
    _, errors = process.communicate()
    assert first == "{\n" and errors == "" and process.returncode == 1


def book(tmp_path, code, *options):
    (tmp_path / "ch01").mkdir(exist_ok=True)
    (tmp_path / "ch01" / "script.py").write_text(code)
    return subprocess.run([sys.executable, "-m", "zeronn", "book", str(tmp_path / "ch01" / "script.py"), *options],
                          cwd=PROJECT, capture_output=True, text=True)


def test_a_seed_numpy_would_refuse_is_a_bad_argument(tmp_path):
    for seed, message in (("4294967296", "Seed must be between 0 and 2**32 - 1, got 4294967296"),
                          ("-1", "Seed must be between 0 and 2**32 - 1, got -1"), ("x", "must be an integer, got 'x'")):
        run = book(tmp_path, "print('ran')\n", "--seed", seed)
        assert run.returncode == 2 and not run.stdout and f"argument --seed: {message} (see" in run.stderr, run.stderr
    run = book(tmp_path, "import numpy as np\nprint(np.random.rand())\n", "--seed", "4294967295")
    assert run.returncode == 0 and run.stdout == "0.0976320289940138\n"  # NumPy's first draw for 2**32 - 1


def test_a_script_that_raises_any_base_exception_is_one_line(tmp_path):
    run = book(tmp_path, "class Stop(BaseException):\n    pass\n\nraise Stop('halt')\n")
    assert run.returncode == 1 and "Traceback" not in run.stderr
    assert run.stderr == "zeronn: error: the book's script failed (at ch01/script.py:4): Stop: halt\n"
    long = book(tmp_path, "raise ValueError('x' * 1_000_000)\n")
    assert long.returncode == 1 and len(long.stderr) < 700


def test_a_script_that_exits_exits_with_its_status(tmp_path):
    run = book(tmp_path, "import sys\nprint('bye')\nsys.exit(3)\n")
    assert run.returncode == 3 and run.stdout == "bye\n" and run.stderr == ""
