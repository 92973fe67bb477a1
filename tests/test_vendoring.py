"""Vendoring: the ``zeronn/`` folder copied into another project under another name (here
``mylib/nn``, nested and renamed) works as zeronn does, each check in a fresh
``python -I`` (no PYTHONPATH, no user site, not the current directory) in which the name
``zeronn`` cannot be imported: its doctests pass, pickles cross between copies, the
optional modules can go, and a host's code type-checks (README, "Vendoring")."""

import importlib.util
import io
import pickle
import shutil
import subprocess
import sys
import textwrap

import pytest
from conftest import PROJECT

import zeronn

# Run first in every child: the copy's folder on the path, and zeronn itself unimportable
# (it is installed in this venv), so that anything naming it fails.
PRELUDE = """
import sys
sys.path.insert(0, sys.argv[1])
sys.modules["zeronn"] = None
"""


def _copy(root, where="mylib/nn", drop=()):
    """The package copied to ``root/where`` (each folder on the way a package), without the
    files and folders in ``drop``; the import name of the copy."""
    target = root.joinpath(*where.split("/"))
    shutil.copytree(PROJECT / "zeronn", target, ignore=shutil.ignore_patterns("__pycache__"))
    for parent in target.relative_to(root).parents:
        if parent.parts:
            (root / parent / "__init__.py").write_text("")
    for piece in drop:
        path = target / piece
        shutil.rmtree(path) if path.is_dir() else path.unlink()
    return where.replace("/", ".")


def _run(root, code, *args):
    """``code`` (after PRELUDE) in a fresh ``python -I``; its completed process."""
    program = PRELUDE + textwrap.dedent(code)
    return subprocess.run(
        [sys.executable, "-I", "-c", program, str(root), *map(str, args)], capture_output=True, text=True, timeout=300
    )


# ---------------------------------------------------------------------------
# Doctests: every module's examples, in the renamed copy, with the module's globals
# ---------------------------------------------------------------------------

# Plain doctest, as a vendor would run it (no pytest): ELLIPSIS and NORMALIZE_WHITESPACE,
# as setup.cfg has them. An exception's line is checked in full, its message too, but for
# the module path Python prints before the class (``mylib.nn._shape.OutOfBoundsError``):
# the examples write the class alone, marked IGNORE_EXCEPTION_DETAIL so that pytest's run
# passes too, and that flag is taken off here so that the message still counts.
DOCTESTS = """
import doctest, importlib, pkgutil, re

class Checker(doctest.OutputChecker):
    def check_output(self, want, got, optionflags):
        if re.match(r"[A-Z]\\w*:", want):  # an exception line: the class without its module path
            got = re.sub(r"^(?:\\w+\\.)+(?=[A-Z]\\w*:)", "", got)
        return super().check_output(want, got, optionflags)

def run(test, runner):
    for example in test.examples:
        example.options.pop(doctest.IGNORE_EXCEPTION_DETAIL, None)
    runner.run(test)

flags = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE
# The checker itself, first: a wrong message must fail, the right one pass.
probe = '''
>>> raise ValueError("right")  # doctest: +IGNORE_EXCEPTION_DETAIL
Traceback (most recent call last):
ValueError: %s
'''
for message, failures in (("right", 0), ("wrong", 1)):
    runner = doctest.DocTestRunner(checker=Checker(), optionflags=flags)
    run(doctest.DocTestParser().get_doctest(probe % message, {}, "probe", None, 0), runner)
    assert runner.summarize(verbose=False).failed == failures, message

package = sys.argv[2]
top = importlib.import_module(package)
names = [package] + [found.name for found in pkgutil.walk_packages(top.__path__, package + ".")]
tried = failed = 0
for name in names:
    if name.endswith(".__main__"):  # the command line: importing it runs it
        continue
    runner = doctest.DocTestRunner(checker=Checker(), optionflags=flags)
    for test in doctest.DocTestFinder().find(importlib.import_module(name), name):
        run(test, runner)
    results = runner.summarize(verbose=False)
    tried, failed = tried + results.attempted, failed + results.failed
print(len(names), tried, failed)
"""


def test_every_doctest_passes_in_a_renamed_nested_copy(tmp_path):
    package = _copy(tmp_path)
    result = _run(tmp_path, DOCTESTS, package)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    modules, tried, failed = map(int, result.stdout.split()[-3:])
    assert modules > 60 and tried > 1000, result.stdout[-3000:]
    assert failed == 0, result.stdout[-3000:]


def test_the_renamed_copy_imports_and_runs_the_book_in_isolated_mode(tmp_path):
    package = _copy(tmp_path)
    code = """
        import importlib
        nn = importlib.import_module(sys.argv[2])
        y = nn.forward(nn.init_network(), [1.0, 0.5])
        print(type(y).__module__, [round(value, 8) for value in y.tolist()])
        print(sorted(name for name in sys.modules if name.split(".")[0] in ("zeronn", "numpy")))
    """
    result = _run(tmp_path, code, package)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ["mylib.nn.core [0.31682708, 0.69627909]", "['zeronn']"]


# ---------------------------------------------------------------------------
# Pickles across copies
# ---------------------------------------------------------------------------

# What each side pickles: every layout and the dtypes' kinds, in a dict with a dtype.
DATA = """
def make(zn):
    m = zn.tensor([[1.5, -2.0, 3.25], [0.0, float("inf"), -0.0]])
    return {
        "float64": m, "transposed": m.T, "view": m[:, ::2], "float32": m.astype("float32"),
        "int32": zn.arange(6, dtype="int32").reshape(2, 3), "bool": m > 0, "empty": zn.zeros((0, 3)),
        "uint8": zn.tensor([0, 255], dtype="uint8"), "dtype": zn.dtype("float32"), "note": "kept",
    }
"""
WRITE = (
    DATA
    + """
import importlib, pickle
with open(sys.argv[3], "wb") as file:
    pickle.dump(make(importlib.import_module(sys.argv[2])), file)
"""
)

# What each side checks after loading: the same values, dtypes and layouts.
CHECK = """
def check(zn, data):
    assert data["note"] == "kept" and data["dtype"] == zn.dtype("float32")
    m = zn.tensor([[1.5, -2.0, 3.25], [0.0, float("inf"), -0.0]])
    for name, expected in [("float64", m), ("transposed", m.T), ("view", m[:, ::2]), ("float32", m.astype("float32")),
                           ("int32", zn.arange(6, dtype="int32").reshape(2, 3)), ("bool", m > 0),
                           ("empty", zn.zeros((0, 3))), ("uint8", zn.tensor([0, 255], dtype="uint8"))]:
        got = data[name]
        assert type(got) is zn.Tensor, (name, type(got))
        assert (got.dtype, got.shape, got.tolist()) == (expected.dtype, expected.shape, expected.tolist()), name
    assert data["transposed"].flags.f_contiguous and not data["transposed"].flags.c_contiguous
    assert str(data["float64"][1, 2]) == "-0.0"
"""

LOAD_WITH_THE_SAFE_READER = (
    CHECK
    + """
import importlib, pickle
zn = importlib.import_module(sys.argv[2])
check(zn, zn.io.load_numpy_pickle(sys.argv[3]))
try:
    pickle.load(open(sys.argv[3], "rb"))  # Python's own: imports the writer's module path
except ImportError as error:
    print(type(error).__name__, error.name)
else:
    print("loaded")
"""
)


def test_a_pickle_written_by_one_copy_loads_in_another_and_in_zeronn(tmp_path):
    writer = _copy(tmp_path / "a", "mylib/nn")
    reader = _copy(tmp_path / "b", "other/deep/zn")
    path = tmp_path / "tensors.pkl"
    result = _run(tmp_path / "a", WRITE, writer, path)
    assert result.returncode == 0, result.stderr
    assert b"mylib.nn.core" in path.read_bytes()  # the writer's own module path, as Python's pickler writes it

    result = _run(tmp_path / "b", LOAD_WITH_THE_SAFE_READER, reader, path)
    assert result.returncode == 0, result.stderr
    # Python's pickle.load needs the writer importable; the reader does not (README, "Vendoring").
    assert result.stdout.split() == ["ModuleNotFoundError", "mylib"]

    namespace = {}
    exec(CHECK, namespace)
    namespace["check"](zeronn, zeronn.io.load_numpy_pickle(path))  # and here, in zeronn itself


def test_a_pickle_written_by_zeronn_loads_in_a_renamed_copy(tmp_path):
    reader = _copy(tmp_path, "other/deep/zn")
    path = tmp_path / "tensors.pkl"
    namespace = {}
    exec(DATA, namespace)
    path.write_bytes(pickle.dumps(namespace["make"](zeronn)))
    result = _run(tmp_path, LOAD_WITH_THE_SAFE_READER, reader, path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["ModuleNotFoundError", "zeronn.core"]  # zeronn is not importable there


def test_pickle_and_deepcopy_within_one_copy_keep_values_layout_and_independence():
    import copy

    m = zeronn.tensor([[1.5, -2.0], [0.0, 4.0]], dtype="float32").T
    for back in (pickle.loads(pickle.dumps(m)), copy.deepcopy(m), copy.copy(m)):
        assert (back.dtype, back.tolist(), back.flags.f_contiguous) == (m.dtype, m.tolist(), True)
        back[0, 0] = 9
        assert m[0, 0] == 1.5


def test_the_safe_reader_takes_any_copys_tensor_but_still_refuses_other_globals():
    payload = pickle.dumps(zeronn.tensor([1, 2])).replace(b"\x0bzeronn.core", b"\x0bzzzzzz.core")
    assert zeronn.io.load_numpy_pickle(io.BytesIO(payload)).tolist() == [1, 2]
    for module, name in ((b"zeronn.core", b"Tensor"), (b"core", b"rebuild_tensor"), (b"zeronn.ops", b"rebuild_tensor")):
        forged = b"\x80\x04\x8c" + bytes([len(module)]) + module + b"\x8c" + bytes([len(name)]) + name + b"\x93."
        with pytest.raises(pickle.UnpicklingError, match="is forbidden"):
            zeronn.io.load_numpy_pickle(io.BytesIO(forged))


# ---------------------------------------------------------------------------
# Optional modules: deleting one works, or fails at import; never later
# ---------------------------------------------------------------------------

USE = """
import importlib, pickle
try:
    zn = importlib.import_module(sys.argv[2])
except ImportError as error:
    print("import", type(error).__name__, error.name or error)
    raise SystemExit
x = (zn.tensor([[1.0, 2.0], [3.0, 4.0]]) * 2).T
back = pickle.loads(pickle.dumps(x))
y = zn.forward(zn.init_network(), [1.0, 0.5])
print("ok", back.tolist(), back.flags.f_contiguous, round(float(y[0]), 8))
"""
WORKS = "ok [[2.0, 6.0], [4.0, 8.0]] True 0.31682708"


@pytest.mark.parametrize(
    "drop", [["tools", "__main__.py"], ["tools"], ["__main__.py"], ["testing.py"], ["py.typed"]], ids="+".join
)
def test_an_optional_piece_deleted_changes_nothing(tmp_path, drop):
    package = _copy(tmp_path, drop=drop)
    result = _run(tmp_path, USE, package)
    assert result.stdout.strip() == WORKS, result.stderr


def test_the_command_line_without_tools_fails_at_once_naming_it(tmp_path):
    package = _copy(tmp_path, drop=["tools"])
    code = "import runpy; sys.argv[1:] = ['forward']; runpy.run_module(sys.argv[0:0] or %r, run_name='__main__')"
    result = _run(tmp_path, code % package)  # python -m mylib.nn forward
    assert result.returncode == 1
    assert result.stderr.splitlines()[-1] == "ModuleNotFoundError: No module named 'mylib.nn.tools'", result.stderr


@pytest.mark.parametrize("files", [["io/png.py"], ["io/png.py", "io/datasets.py"]], ids="+".join)
def test_an_image_or_dataset_module_deleted_fails_at_import_or_not_at_all_with_its_lines(tmp_path, files):
    package = _copy(tmp_path, drop=["tools", "__main__.py", *files])
    result = _run(tmp_path, USE, package)  # its import line kept: at once, naming the file
    missing = files[-1][:-3].replace("/", ".")
    assert result.stdout.split() == ["import", "ModuleNotFoundError", f"{package}.{missing}"]

    front = tmp_path / "mylib" / "nn" / "io" / "__init__.py"  # README: delete its import line and its names
    text = front.read_text()
    lines = {"io/png.py": ["from .png import imread, read_png, write_png\n", '    "read_png",\n', '    "imread",\n',
                           '    "write_png",\n'],
             "io/datasets.py": ["from .datasets import load_mnist, load_mnist_split, read_idx\n", '    "read_idx",\n',
                                '    "load_mnist",\n', '    "load_mnist_split",\n']}
    for file in files:
        for line in lines[file]:
            assert line in text, line
            text = text.replace(line, "")
    front.write_text(text)
    result = _run(tmp_path, USE + "\nfrom mylib.nn.io import *\n", package)
    assert result.stdout.strip() == WORKS, result.stderr


# ---------------------------------------------------------------------------
# Types: a host's code under mypy --strict and pyright's strict mode
# ---------------------------------------------------------------------------


def test_a_hosts_code_type_checks_under_mypy_strict(tmp_path):
    pytest.importorskip("mypy")
    command = [sys.executable, "-m", "mypy", "--strict", "--cache-dir", str(tmp_path), "tests/typing_host.py"]
    result = subprocess.run(command, cwd=PROJECT, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    # ... and the check can fail: the same host with one result wrongly typed.
    host = (PROJECT / "tests" / "typing_host.py").read_text()
    wrong = host.replace("def loss(y: Tensor, t: Tensor) -> float:", "def loss(y: Tensor, t: Tensor) -> str:")
    assert wrong != host
    (tmp_path / "wrong_host.py").write_text(wrong)
    command[-1] = str(tmp_path / "wrong_host.py")
    result = subprocess.run(command, cwd=PROJECT, capture_output=True, text=True, timeout=600)
    assert result.returncode == 1 and "Incompatible return value type" in result.stdout, result.stdout


def test_the_typing_host_runs_and_its_types_are_what_comes_back():
    spec = importlib.util.spec_from_file_location("typing_host", PROJECT / "tests" / "typing_host.py")
    host = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(host)
    x = zeronn.tensor([[0.5, 1.0], [2.0, 3.0]])
    Tensor = zeronn.Tensor
    assert all(type(v) is Tensor for v in (host.made(), host.operators(x, x), host.ufuncs(x), host.activations(x)))
    assert host.numbers(x) == (6.5, 1.625, 3.0, 3, True, 0.6224593312018546)
    assert all(type(v) is Tensor for v in host.views(x) + host.draws()[:2]) and type(host.draws()[2]) is float
    assert type(host.network(zeronn.tensor([1.0, 0.5]))) is Tensor and type(host.in_place(x.copy())) is Tensor
    assert type(host.loss(zeronn.tensor([0.1, 0.9]), zeronn.tensor([0, 1]))) is float


def test_a_hosts_code_type_checks_under_pyright_strict(tmp_path):
    pytest.importorskip("pyright")  # PyPI's pyright runs Node.js's pyright (which it fetches once)
    host = (PROJECT / "tests" / "typing_host.py").read_text()
    wrong = host.replace("def loss(y: Tensor, t: Tensor) -> float:", "def loss(y: Tensor, t: Tensor) -> str:")
    (tmp_path / "wrong_host.py").write_text(wrong)
    command = [sys.executable, "-m", "pyright", "--pythonpath", sys.executable, "tests/typing_host.py"]
    result = subprocess.run(command, cwd=PROJECT, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0 and "0 errors" in result.stdout, result.stdout + result.stderr
    command[-1] = str(tmp_path / "wrong_host.py")  # ... and the check can fail
    result = subprocess.run(command, cwd=PROJECT, capture_output=True, text=True, timeout=600)
    assert result.returncode == 1 and '"float" is not assignable to "str"' in result.stdout, result.stdout
