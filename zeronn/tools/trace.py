"""``python -m zeronn trace EXPRESSION``: which of zeronn's functions run, in order, for any expression.

A learner who reads the source wants to know where to start and what to skip. This runs
one expression under ``sys.settrace`` and lists the functions of the package it enters,
in the order they are first entered, with file and line, and then the size of that path:

- the files and the named functions entered;
- the code lines that ran, and the code lines in the functions entered (a code line is
  one that holds bytecode: docstrings, comments and blank lines are not code);
- the caller -> callee pairs that cross from one file to another (each pair once): the
  jumps a reader makes between files; and the pairs of files they join (each pair once,
  in the direction of the call): the edges of the path's import graph.

>>> path = trace_path("np.tensor([1.0, 2.0]) + 1.0", {"np": sys.modules[__package__.rsplit(".", 1)[0]]})
>>> path.functions[0].name, "core.py" in path.functions[0].file
('tensor', True)
>>> path.executed_lines > 0 and path.cross_file_pairs >= 0
True
"""

from __future__ import annotations

__all__ = ["Entered", "Path", "trace_path", "format_path"]

import dis
import os
import sys
import types
from typing import Any, Dict, List, NamedTuple, Optional, Set, Tuple

_PACKAGE_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))  # the zeronn folder, under any name


class Entered(NamedTuple):
    """One function of the package on the path: where it is, and how often it ran."""

    file: str  # relative to the package folder, e.g. "core.py" or "nn/layers.py"
    line: int
    name: str
    calls: int


class Path(NamedTuple):
    """What one expression ran through (see the module's docstring for the measures)."""

    functions: List[Entered]
    files: List[str]
    executed_lines: int
    lines_in_functions: int
    cross_file_pairs: int
    crossings: List[Tuple[str, str]]  # each cross-file pair once, as ("file:function", "file:function")
    file_edges: List[Tuple[str, str]]  # each (caller's file, callee's file) of those pairs once


def trace_path(expression: str, namespace: Dict[str, Any], setup: str = "") -> Path:
    """Run ``setup`` (untraced), then ``expression`` traced, in ``namespace``; the path it took.
    ``expression`` may also be a statement (``a[:, 1] += 10``).

    Only the package's own code counts: the standard library and the caller's code are
    passed through (but a package function they call is still seen).
    """
    exec(compile(setup, "<setup>", "exec"), namespace)  # noqa: S102 - the user's own code, as python -c runs it
    try:
        code = compile(expression, "<expression>", "eval")
    except SyntaxError:  # a statement, such as ``a[:, 1] += 10``
        code = compile(expression, "<expression>", "exec")
    order: List[types.CodeType] = []
    calls: Dict[types.CodeType, int] = {}
    executed: Set[Tuple[str, int]] = set()
    pairs: Set[Tuple[types.CodeType, types.CodeType]] = set()

    def on_event(frame: types.FrameType, event: str, argument: Any) -> Optional[Any]:
        if event != "call" or not _ours(frame.f_code):
            return None
        entered = frame.f_code
        if entered not in calls:
            order.append(entered)
        calls[entered] = calls.get(entered, 0) + 1
        caller = _our_caller(frame, code)
        if caller is not None and caller.co_filename != entered.co_filename:
            pairs.add((caller, entered))
        return on_line

    def on_line(frame: types.FrameType, event: str, argument: Any) -> Optional[Any]:
        if event == "line":
            executed.add((frame.f_code.co_filename, frame.f_lineno))
        return on_line

    previous = sys.gettrace()
    sys.settrace(on_event)
    try:
        exec(code, namespace)  # noqa: S102 - the user's own expression (or statement)
    finally:
        sys.settrace(previous)

    named = [c for c in order if not c.co_name.startswith("<")]
    crossings = sorted({(_label(a), _label(b)) for a, b in pairs})
    lines_in_functions = {(c.co_filename, line) for c in order for line in _code_lines(c)}
    return Path(
        functions=[Entered(_relative(c.co_filename), c.co_firstlineno, c.co_name, calls[c]) for c in named],
        files=sorted({_relative(c.co_filename) for c in order}),
        executed_lines=len(executed),
        lines_in_functions=len(lines_in_functions),
        cross_file_pairs=len(crossings),
        crossings=crossings,
        file_edges=sorted({(_relative(a.co_filename), _relative(b.co_filename)) for a, b in pairs}),
    )


def format_path(path: Path, crossings: bool = False) -> str:
    """The path as the command prints it: one line a function, (with ``crossings``, each
    caller -> callee pair that crosses a file boundary,) then the measures."""
    width = max((len(f"{f.file}:{f.line}") for f in path.functions), default=0)
    lines = [f"{f'{f.file}:{f.line}':<{width}}  {f.name}" + (f"  (x{f.calls})" if f.calls > 1 else "")
             for f in path.functions]
    if crossings:
        lines.append("")
        lines.extend(f"{caller} -> {callee}" for caller, callee in path.crossings)
    lines.append("")
    lines.append(f"{len(path.files)} files, {len(path.functions)} named functions; "
                 f"{path.executed_lines} code lines ran, {path.lines_in_functions} code lines in the "
                 f"functions entered; {path.cross_file_pairs} caller -> callee pairs cross a file boundary, "
                 f"joining {len(path.file_edges)} pairs of files")
    return "\n".join(lines)


def _ours(code: types.CodeType) -> bool:
    return code.co_filename.startswith(_PACKAGE_DIR + os.sep) and not code.co_filename.endswith(
        os.path.join("tools", "trace.py"))


def _our_caller(frame: types.FrameType, expression: types.CodeType) -> Optional[types.CodeType]:
    """The nearest caller that is package code (a comprehension counts as its function),
    looking no further out than the traced expression (whatever runs the expression, such
    as the command line's own code, is not on its path)."""
    caller = frame.f_back
    while caller is not None and caller.f_code is not expression and not _ours(caller.f_code):
        caller = caller.f_back
    return caller.f_code if caller is not None and caller.f_code is not expression else None


def _label(code: types.CodeType) -> str:
    """``file:function``, as the pair is counted (a comprehension on 3.11 and earlier is a ``<listcomp>``)."""
    return f"{_relative(code.co_filename)}:{code.co_name}"


def _code_lines(code: types.CodeType) -> Set[int]:
    """The lines of ``code`` that hold bytecode, with those of the comprehensions and lambdas
    written inside it (a function defined inside it is a function of its own)."""
    lines = {line for _, line in dis.findlinestarts(code) if line is not None}
    for constant in code.co_consts:
        if isinstance(constant, types.CodeType) and constant.co_name.startswith("<"):
            lines |= _code_lines(constant)
    return lines


def _relative(filename: str) -> str:
    return os.path.relpath(filename, _PACKAGE_DIR).replace(os.sep, "/")
