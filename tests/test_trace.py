"""``python -m zeronn trace``: the functions an expression runs through, and the path's size."""

import io

import zeronn
from zeronn.tools.cli import main
from zeronn.tools.trace import format_path, trace_path


def test_the_path_lists_the_packages_functions_in_the_order_first_entered():
    path = trace_path("np.tensor([1.0, 2.0]) + y", {"np": zeronn}, setup="y = np.tensor([3.0, 4.0])")
    names = [f.name for f in path.functions]
    assert names[0] == "tensor" and "__add__" in names and names.index("tensor") < names.index("__add__")
    assert all(not f.name.startswith("<") for f in path.functions)  # comprehensions belong to their function
    assert "core.py" in path.files and all(not f.startswith("/") for f in path.files)
    assert 0 < path.executed_lines <= path.lines_in_functions
    assert path.cross_file_pairs >= 1  # core asks nested.py to flatten the list


def test_setup_is_not_traced():
    quiet = trace_path("y", {"np": zeronn}, setup="y = np.arange(3)")
    assert quiet.functions == [] and quiet.executed_lines == 0 and quiet.cross_file_pairs == 0


def test_calls_are_counted_and_the_measures_printed():
    path = trace_path("[np.zeros(2) for _ in range(3)]", {"np": zeronn})
    zeros = next(f for f in path.functions if f.name == "zeros")
    assert zeros.calls == 3 and zeros.file == "creation.py"
    text = format_path(path)
    assert "creation.py:" in text and "zeros  (x3)" in text
    assert text.splitlines()[-1].endswith(f"joining {len(path.file_edges)} pairs of files")


def test_the_command_traces_the_books_forward_pass(capsys):
    out = io.StringIO()
    assert main(["trace", "forward(init_network(), array([1.0, 0.5]))"], out=out) == 0
    lines = out.getvalue().splitlines()
    assert lines[0].startswith("nn/network.py:") and lines[0].endswith("init_network")
    assert any(line.endswith("  forward") for line in lines) and "sigmoid" in out.getvalue()


def test_a_bad_expression_is_one_line(capsys):
    assert main(["trace", "forward("]) == 2
    assert "not a Python expression" in capsys.readouterr().err


def test_plain_traces_the_books_formula_and_crossings_lists_the_pairs():
    out = io.StringIO()
    assert main(["trace", "--plain", "--crossings", "sigmoid(array([1.0]))"], out=out) == 0
    text = out.getvalue()
    assert "kernels.py:" in text and "  unary" in text and "__rtruediv__" in text  # 1 / (1 + exp(-x))
    assert "nn/activations.py:sigmoid -> core.py:as_tensor" in text
    assert not zeronn.kernels.plain_mode_on  # only for the trace


def test_callers_outside_the_expression_are_not_counted():
    # run_trace (tools/cli.py) evaluates the expression; it is not on the path
    path = trace_path("np.tensor([1.0])", {"np": zeronn})
    assert path.cross_file_pairs == len(path.crossings) and all("trace" not in a for a, _ in path.crossings)
    # each file pair once, from the function pairs: core.py's tensor calls nested.py's flatten_nested
    assert path.file_edges == sorted({(a.split(":")[0], b.split(":")[0]) for a, b in path.crossings})
    assert ("core.py", "nested.py") in path.file_edges
    out = io.StringIO()
    main(["trace", "--crossings", "array([1.0])"], out=out)
    assert "tools/cli.py" not in out.getvalue()


def test_a_statement_is_traced_too():
    path = trace_path("a[:, 1] += 10", {"np": zeronn}, setup="a = np.arange(6.0).reshape(2, 3)")
    names = [f.name for f in path.functions]
    assert names.index("__getitem__") < names.index("__iadd__") < names.index("__setitem__")
