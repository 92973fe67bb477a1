"""README's "Reading the source": every ``file:line`` it lists points at the function it names,
and the paths it describes run through those functions, so the guide cannot drift from the code."""

import re
from pathlib import Path

import pytest

import zeronn
from zeronn.tools.trace import trace_path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = Path(zeronn.__file__).resolve().parent
ROW = re.compile(r"^\| \d+ \| `([\w/]+\.py):(\d+)` \| `([\w.]+)` \|", re.MULTILINE)


def reading_section():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    start = text.index("## Reading the source\n")
    return text[start : text.index("\n## ", start + 1)]


def listed():
    return [(path, int(line), name) for path, line, name in ROW.findall(reading_section())]


def as_run(entries):
    """The entries with ``_row_times``'s line left out: kernels.py defines it once for
    Python 3.12+ (``math.sumprod``) and once before, and the guide lists the latter."""
    return [(path, 0 if name == "_row_times" else line, name) for path, line, name in entries]


def test_the_guide_lists_the_three_paths():
    section = reading_section()
    assert len(listed()) >= 70
    for title in ("The chapter-3 forward pass", "Views and an in-place write", "One training step"):
        assert title in section


@pytest.mark.parametrize(("path", "line", "name"), listed())
def test_each_listed_line_is_where_the_function_is_defined(path, line, name):
    lines = (PACKAGE / path).read_text(encoding="utf-8").splitlines()
    found = [number for number, text in enumerate(lines, 1) if re.match(rf"\s*def {re.escape(name)}\(", text)]
    at = line
    while at <= len(lines) and lines[at - 1].lstrip().startswith("@"):  # the line trace shows: the first decorator
        assert lines[at - 1].strip() != "@overload", f"{path}:{line} is a type checker's stub of {name}, not the code"
        at += 1
    assert at in found, f"{path}:{line} is not `def {name}`: it is defined at line(s) {found}"


def test_the_forward_path_runs_through_the_listed_functions_in_that_order():
    section = reading_section()
    table = section[section.index("### 1.") : section.index("### 2.")]
    expected = [(path, int(line), name) for path, line, name in ROW.findall(table)]
    namespace = {name: getattr(zeronn, name) for name in ("array",)}
    namespace.update(forward=zeronn.nn.forward, init_network=zeronn.nn.init_network)
    path = trace_path("forward(init_network(), array([1.0, 0.5]))", namespace)
    ran = [(f.file, f.line, f.name) for f in path.functions]
    assert as_run(ran) == as_run(expected)


def test_the_write_path_runs_through_the_listed_functions_in_that_order():
    section = reading_section()
    table = section[section.index("### 2.") : section.index("### 3.")]
    expected = [(path, int(line), name) for path, line, name in ROW.findall(table)]
    ran = [(f.file, f.line, f.name)
           for f in trace_path("a[:, 1] += 10", {"np": zeronn}, setup="a = np.arange(6.0).reshape(2, 3)").functions]
    assert [entry for entry in ran if entry in expected] == expected


def test_the_training_step_runs_through_the_listed_functions_in_that_order():
    section = reading_section()
    table = section[section.index("### 3.") :]
    expected = [(path, int(line), name) for path, line, name in ROW.findall(table)]
    setup = section[section.index("```python", section.index("### 3.")) + len("```python") :]
    setup = setup[: setup.index("```")].strip().splitlines()
    namespace = {}
    path = trace_path(setup[-1], namespace, setup="\n".join(setup[:-1]))
    ran, expected = as_run([(f.file, f.line, f.name) for f in path.functions]), as_run(expected)
    assert [entry for entry in ran if entry in expected] == expected
