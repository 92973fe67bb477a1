"""Mutation testing for zeronn: does the suite notice when the code is wrong?

A *mutant* is zeronn with one small change a slip of the keyboard could make: ``<``
for ``<=``, ``or`` for ``and``, ``-`` for ``+``, a number one too big, a text emptied, a guard negated,
a ``raise`` deleted, a function returning ``None``. The fast suite runs against each
mutant; a failing test *kills* it. A mutant that survives is a wrong program every test
accepts: either a test is missing, or the change makes no difference (an *equivalent*
mutant, such as ``<`` for ``<=`` where the two sides can never be equal).

    python .ci/mutate.py                 # the seeded sample set in setup.cfg [mutation]
    python .ci/mutate.py --sample 50 --seed 3 --jobs 2
    python .ci/mutate.py --module kernels --all
    python .ci/mutate.py --list          # the mutants, without running anything
    python .ci/mutate.py --show core.py:412.1

How a mutant runs: nothing on disk changes. The tests run in a child process whose
``sitecustomize`` (this file, through ``PYTHONPATH``) puts a finder in front of Python's
own: when ``zeronn.<module>`` is imported, the finder compiles the mutated syntax tree
instead of the file. Children the tests start inherit the environment, so a mutant
reaches ``python -m zeronn`` too. The tests for the mutated module run first and the run
stops at the first failure (``-x``), so most mutants die in seconds.

Standard library only; run it with an interpreter that has the test extra installed.
"""

import argparse
import ast
import configparser
import copy
import glob
import hashlib
import importlib.abc
import importlib.util
import io
import os
import random
import shlex
import signal
import subprocess
import sys
import tempfile
import time
import tokenize
import types
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Dict, Iterator, List, Optional, Sequence, Set, Tuple

PROJECT = Path(__file__).resolve().parent.parent
ENVIRONMENT_KEY = "ZERONN_MUTANT"  # "<module path>|<mutant key>|<digest of the source>" in a child run

# --- the mutations --------------------------------------------------------------------

# Each operator becomes one other: the slip most likely to be wrong in a way that matters.
COMPARISONS = {ast.Lt: ast.LtE, ast.LtE: ast.Lt, ast.Gt: ast.GtE, ast.GtE: ast.Gt,
               ast.Eq: ast.NotEq, ast.NotEq: ast.Eq, ast.Is: ast.IsNot, ast.IsNot: ast.Is,
               ast.In: ast.NotIn, ast.NotIn: ast.In}
ARITHMETIC = {ast.Add: ast.Sub, ast.Sub: ast.Add, ast.Mult: ast.Div, ast.Div: ast.Mult,
              ast.FloorDiv: ast.Div, ast.Mod: ast.FloorDiv, ast.Pow: ast.Mult,
              ast.LShift: ast.RShift, ast.RShift: ast.LShift, ast.BitAnd: ast.BitOr,
              ast.BitOr: ast.BitAnd, ast.BitXor: ast.BitAnd, ast.MatMult: ast.Mult}
BOOLEANS = {ast.And: ast.Or, ast.Or: ast.And}


@dataclass(frozen=True)
class Mutant:
    """One change to one module: the ``index``-th node of ``ast.walk``, changed in the
    ``variant``-th way ``_changes`` offers for it."""

    path: str      # "zeronn/core.py"
    key: str       # "core.py:412.1": the line, and which change on that line
    index: int
    variant: int
    kind: str
    before: str
    after: str
    digest: str  # of the module's source, which the key refers to

    @property
    def line(self) -> int:
        return int(self.key.split(":")[1].split(".")[0])


def _skipped_nodes(tree: ast.Module) -> Set[int]:
    """Nodes whose change cannot matter at run time, or would only reword a message:
    docstrings, annotations, ``if TYPE_CHECKING:`` blocks, ``__all__``, the text of
    ``raise`` and ``warn`` messages (tests pin what a message names, with ``match=``,
    not its prose), and the type in ``cast("Tensor", x)``."""
    skipped: Set[int] = set()

    def skip(node: Optional[ast.AST], strings_only: bool = False) -> None:
        if node is None:
            return
        for inner in ast.walk(node):
            if not strings_only or (isinstance(inner, ast.Constant) and isinstance(inner.value, str)):
                skipped.add(id(inner))

    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if isinstance(body, list) and body and isinstance(body[0], ast.Expr) \
                and isinstance(body[0].value, ast.Constant) and isinstance(body[0].value.value, str):
            skip(body[0])
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            skip(node.returns)
            for argument in ast.walk(node.args):
                if isinstance(argument, ast.arg):
                    skip(argument.annotation)
        elif isinstance(node, ast.AnnAssign):
            skip(node.annotation)
        elif isinstance(node, ast.If) and ast.unparse(node.test) in ("TYPE_CHECKING", "typing.TYPE_CHECKING"):
            skip(node)
        elif isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == "__all__" for t in node.targets):
            skip(node)
        elif isinstance(node, ast.Raise):
            skip(node, strings_only=True)
        elif isinstance(node, ast.Call):
            name = ast.unparse(node.func)
            if name in ("warn", "warnings.warn"):
                skip(node, strings_only=True)
            elif name in ("cast", "typing.cast", "TypeVar") and node.args:
                skip(node.args[0])
        elif isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant):
            skip(node)  # a bare string: a comment in disguise
        elif isinstance(node, ast.If) and ast.unparse(node.test).startswith("sys.version_info"):
            # Code for another Python than this one never runs here, so no test could kill
            # its mutants: it is mutated when the runner runs on that Python.
            taken = eval(compile(ast.Expression(node.test), "<version test>", "eval"), {"sys": sys})
            skip(node.test)
            for statement in node.orelse if taken else node.body:
                skip(statement)
    return skipped


EQUIVALENT = "equivalent mutants:"  # a comment saying why no test can tell a line's mutants apart


def equivalent_lines(source: str) -> Set[int]:
    """The lines a comment marks with ``# equivalent mutants: <why>``: its own line, or the
    next one when the comment stands alone. A fast path that gives the same numbers as the
    plain one is the usual case; the reason must be said where the code is read."""
    marked: Set[int] = set()
    for token in tokenize.generate_tokens(io.StringIO(source).readline):
        if token.type == tokenize.COMMENT and EQUIVALENT in token.string:
            alone = not token.line[: token.start[1]].strip()
            marked.add(token.start[0] + 1 if alone else token.start[0])
    return marked


def _changes(node: ast.AST) -> Iterator[Tuple[str, Callable[[ast.AST], ast.AST]]]:
    """The ways to change one node: (kind, function giving the changed node)."""
    if isinstance(node, ast.Compare):
        for position, op in enumerate(node.ops):
            if type(op) in COMPARISONS:
                def flip(n: ast.AST, position: int = position) -> ast.AST:
                    n.ops[position] = COMPARISONS[type(n.ops[position])]()  # type: ignore[attr-defined]
                    return n
                yield "comparison", flip
    elif isinstance(node, ast.BoolOp):
        yield "boolean", lambda n: _with(n, op=BOOLEANS[type(n.op)]())  # type: ignore[attr-defined]
    elif isinstance(node, (ast.BinOp, ast.AugAssign)) and type(node.op) in ARITHMETIC:
        yield "arithmetic", lambda n: _with(n, op=ARITHMETIC[type(n.op)]())  # type: ignore[attr-defined]
    elif isinstance(node, ast.UnaryOp) and not isinstance(node.op, ast.UAdd):
        yield "unary", lambda n: n.operand  # type: ignore[attr-defined]
    elif isinstance(node, ast.Constant):
        value = node.value
        if isinstance(value, bool):
            yield "constant", lambda n: _with(n, value=not n.value)  # type: ignore[attr-defined]
        elif isinstance(value, (int, float)):
            yield "constant", lambda n: _with(n, value=n.value + 1)  # type: ignore[attr-defined]
        elif isinstance(value, str):  # a text becomes empty, and the empty text "XX"
            yield "constant", lambda n: _with(n, value="" if n.value else "XX")  # type: ignore[attr-defined]
    elif isinstance(node, ast.Return) and node.value is not None and not _none_or_false(node.value):
        yield "return None", lambda n: _with(n, value=ast.Constant(None))
    elif isinstance(node, ast.Raise):
        yield "no raise", lambda n: ast.Pass()
    elif isinstance(node, ast.If):
        yield "negated guard", lambda n: _with(n, test=ast.UnaryOp(ast.Not(), n.test))  # type: ignore[attr-defined]
    elif isinstance(node, ast.Break):
        yield "continue for break", lambda n: ast.Continue()
    elif isinstance(node, ast.Continue):
        yield "break for continue", lambda n: ast.Break()


def _none_or_false(node: ast.expr) -> bool:
    """``return None`` needs no mutant, nor ``return False``: as a constant it becomes
    ``return True``, and as ``return None`` it would change nothing where a bool is tested."""
    return isinstance(node, ast.Constant) and (node.value is None or node.value is False)


def _with(node: ast.AST, **fields: object) -> ast.AST:
    for name, value in fields.items():
        setattr(node, name, value)
    return node


def _shown(node: ast.AST) -> str:
    """One line of source for a node; an ``if`` shows its test, not its body."""
    if isinstance(node, ast.If):
        return f"if {ast.unparse(node.test)}:"
    text = ast.unparse(node).strip().replace("\n", " ")
    return text if len(text) <= 70 else text[:67] + "..."


def _digest(path: str) -> str:
    return hashlib.sha256((PROJECT / path).read_bytes()).hexdigest()[:16]


def mutants_of(path: str) -> List[Mutant]:
    source = (PROJECT / path).read_text(encoding="utf-8")
    tree = ast.parse(source)
    skipped = _skipped_nodes(tree)
    marked = equivalent_lines(source)
    digest = _digest(path)
    found: List[Mutant] = []
    per_line: Dict[int, int] = {}
    for index, node in enumerate(ast.walk(tree)):
        if id(node) in skipped:
            continue
        for variant, (kind, change) in enumerate(_changes(node)):
            line = node.lineno  # type: ignore[attr-defined]
            per_line[line] = per_line.get(line, 0) + 1
            before = _shown(node)
            after = _shown(change(copy.deepcopy(node)))
            if before == after or line in marked:
                continue
            found.append(Mutant(path, f"{Path(path).name}:{line}.{per_line[line]}", index, variant, kind,
                                before, after, digest))
    return found


def mutated_code(path: str, key: str) -> types.CodeType:
    """The module at ``path`` with the mutant ``key`` applied, compiled."""
    mutant = next(m for m in mutants_of(path) if m.key == key)
    filename = str(PROJECT / path)
    tree = ast.parse(Path(filename).read_text(encoding="utf-8"))
    target = list(ast.walk(tree))[mutant.index]
    changed = list(_changes(target))[mutant.variant][1](target)
    if changed is not target:
        _replace(tree, target, changed)
    ast.fix_missing_locations(tree)
    return compile(tree, filename, "exec")


def _replace(tree: ast.AST, old: ast.AST, new: ast.AST) -> None:
    ast.copy_location(new, old)
    for parent in ast.walk(tree):
        for field, value in ast.iter_fields(parent):
            if value is old:
                setattr(parent, field, new)
                return
            if isinstance(value, list) and any(item is old for item in value):
                value[[id(item) for item in value].index(id(old))] = new
                return
    raise LookupError("node to replace not found")


# --- inside a child run: the finder that loads the mutant -----------------------------

class _MutantLoader(importlib.abc.Loader):
    def __init__(self, path: str, key: str, digest: str) -> None:
        self.path, self.key, self.digest = path, key, digest

    def create_module(self, spec):  # type: ignore[no-untyped-def]
        return None

    def exec_module(self, module) -> None:  # type: ignore[no-untyped-def]
        if self.digest and _digest(self.path) != self.digest:  # a key names a line: it means nothing in other source
            raise RuntimeError(f"{self.path} changed since the mutants were chosen: start the run again")
        exec(mutated_code(self.path, self.key), module.__dict__)


class _MutantFinder(importlib.abc.MetaPathFinder):
    def __init__(self, path: str, key: str, digest: str = "") -> None:
        self.path, self.key, self.digest = path, key, digest
        parts = Path(path).with_suffix("").parts
        self.name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)

    def find_spec(self, fullname, path=None, target=None):  # type: ignore[no-untyped-def]
        if fullname != self.name:
            return None
        filename = str(PROJECT / self.path)
        package = [str(Path(filename).parent)] if filename.endswith("__init__.py") else None
        return importlib.util.spec_from_file_location(
            fullname, filename, loader=_MutantLoader(self.path, self.key, self.digest),
            submodule_search_locations=package)


def install_from_environment() -> None:
    """Called by the child's sitecustomize: load the mutant named in the environment."""
    spec = os.environ.get(ENVIRONMENT_KEY)
    if spec:
        sys.meta_path.insert(0, _MutantFinder(*spec.split("|")))


# --- the parent: choose, run and report -----------------------------------------------

def _configuration() -> configparser.SectionProxy:
    parser = configparser.ConfigParser()
    parser.read(PROJECT / "setup.cfg")
    return parser["mutation"]


def _module_paths(config: configparser.SectionProxy) -> List[str]:
    excluded = set(config.get("exclude", "").split())
    found = sorted(str(Path(p).relative_to(PROJECT)) for pattern in config["modules"].split()
                   for p in glob.glob(str(PROJECT / pattern)))
    return [p for p in found if p not in excluded]


def _test_paths(path: Optional[str]) -> List[str]:
    """What pytest collects, in order: the tests named for the module, then those that
    import it (so a mutant dies quickly), then the doctests and every other test file.
    (Files, not the ``tests`` folder: pytest would collect a folder in its own order.)"""
    tests = sorted((PROJECT / "tests").rglob("test_*.py"))
    first: List[Path] = []
    if path is not None:
        module = Path(path).stem
        dotted = ".".join(Path(path).with_suffix("").parts)  # zeronn/io/datasets.py: zeronn.io.datasets
        first = [t for t in tests if module.lstrip("_") in t.stem]
        first += [t for t in tests if t not in first and dotted in t.read_text(encoding="utf-8")]
    rest = [t for t in tests if t not in first]
    return [str(t.relative_to(PROJECT)) for t in first] + ["README.md", "zeronn"] + [
        str(t.relative_to(PROJECT)) for t in rest]


@dataclass
class Outcome:
    mutant: Mutant
    verdict: str     # killed, survived, timeout, error
    seconds: float
    detail: str


def _run(mutant: Optional[Mutant], pytest_arguments: Sequence[str], timeout: Optional[float],
         site: str) -> Outcome:
    environment = dict(os.environ)
    environment.pop("CI", None)
    environment["HYPOTHESIS_PROFILE"] = "mutation"
    environment["PYTHONPATH"] = os.pathsep.join(filter(None, [site, environment.get("PYTHONPATH")]))
    environment["PYTHONDONTWRITEBYTECODE"] = "1"
    if mutant is not None:
        environment[ENVIRONMENT_KEY] = f"{mutant.path}|{mutant.key}|{mutant.digest}"
    command = [sys.executable, "-m", "pytest", *pytest_arguments, "-rf", *_test_paths(mutant.path if mutant else None)]
    started = time.monotonic()
    process = subprocess.Popen(command, cwd=PROJECT, env=environment, stdout=subprocess.PIPE,
                               stderr=subprocess.STDOUT, text=True, start_new_session=True)
    try:
        output, _ = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.communicate()
        return Outcome(mutant, "timeout", time.monotonic() - started, f"no result in {timeout:.0f} s")  # type: ignore[arg-type]
    seconds = time.monotonic() - started
    failed = [line[len("FAILED "):] for line in output.splitlines() if line.startswith(("FAILED ", "ERROR "))]
    if "changed since the mutants were chosen" in output:
        return Outcome(mutant, "error", seconds, "the source changed during the run")  # type: ignore[arg-type]
    if process.returncode == 0:
        return Outcome(mutant, "survived", seconds, "")  # type: ignore[arg-type]
    if process.returncode in (1, 2) and (failed or "error" in output.lower()):
        detail = failed[0] if failed else output.strip().splitlines()[-1]
        return Outcome(mutant, "killed", seconds, detail[:110])  # type: ignore[arg-type]
    return Outcome(mutant, "error", seconds, f"pytest exit {process.returncode}: " + output[-300:])  # type: ignore[arg-type]


def main(argv: Optional[Sequence[str]] = None) -> int:
    config = _configuration()
    parser = argparse.ArgumentParser(prog="python .ci/mutate.py", description=__doc__.split("\n\n")[0])
    parser.add_argument("--sample", type=int, default=config.getint("sample"),
                        help="how many mutants (default %(default)s)")
    parser.add_argument("--seed", type=int, default=config.getint("seed"), help="which ones (default %(default)s)")
    parser.add_argument("--all", action="store_true", help="every mutant, not a sample")
    parser.add_argument("--module", action="append", help="only this module (repeatable), e.g. kernels")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="mutants run at once")
    parser.add_argument("--list", action="store_true", help="print the chosen mutants and stop")
    parser.add_argument("--show", metavar="KEY", help="print one mutant, e.g. core.py:412.1, and stop")
    parser.add_argument("--only", metavar="KEY", nargs="+", help="run just these mutants")
    parser.add_argument("--verbose", action="store_true", help="name the test that killed each mutant")
    arguments = parser.parse_args(argv)

    paths = _module_paths(config)
    if arguments.module:
        wanted = {m if m.endswith(".py") else m + ".py" for m in arguments.module}
        paths = [p for p in paths if Path(p).name in wanted]
    everything = [m for path in paths for m in mutants_of(path)]
    if arguments.show or arguments.only:
        keys = [arguments.show] if arguments.show else arguments.only
        chosen = [m for m in everything if m.key in keys]
        if len(chosen) != len(keys):
            parser.error(f"no such mutant among {', '.join(keys)}")
    elif arguments.all or arguments.sample >= len(everything):
        chosen = everything
    else:
        chosen = sorted(random.Random(arguments.seed).sample(everything, arguments.sample),
                        key=lambda m: (m.path, m.line, m.key))
    if arguments.show or arguments.list:
        for mutant in chosen:
            print(f"{mutant.key:22} {mutant.kind:18} {mutant.before}  →  {mutant.after}")
        return 0

    pytest_arguments = shlex.split(config["tests"])
    marked = sum(len(equivalent_lines((PROJECT / path).read_text(encoding="utf-8"))) for path in paths)
    print(f"{len(everything)} mutants in {len(paths)} modules ({marked} lines marked '{EQUIVALENT}' left out);"
          f" running {len(chosen)} (seed {arguments.seed}), {arguments.jobs} at a time", flush=True)
    with tempfile.TemporaryDirectory() as site:
        Path(site, "sitecustomize.py").write_text(
            "import importlib.util\n"
            f"_spec = importlib.util.spec_from_file_location('_zeronn_mutate', {str(Path(__file__).resolve())!r})\n"
            "_module = importlib.util.module_from_spec(_spec)\n"
            "_spec.loader.exec_module(_module)\n"
            "_module.install_from_environment()\n")
        baseline = _run(None, pytest_arguments, None, site)
        if baseline.verdict != "survived":
            print(f"the suite fails without any mutant ({baseline.detail}); fix that first")
            return 1
        timeout = max(3 * baseline.seconds, baseline.seconds + 60)
        print(f"unmutated suite: green in {baseline.seconds:.0f} s; a mutant gets {timeout:.0f} s", flush=True)
        outcomes: List[Outcome] = []

        def one(mutant: Mutant) -> Outcome:
            outcome = _run(mutant, pytest_arguments, timeout, site)
            outcomes.append(outcome)
            print(f"[{len(outcomes):3}/{len(chosen)}] {outcome.verdict:8} {mutant.key:22} "
                  f"{outcome.seconds:5.1f} s  {mutant.before}  →  {mutant.after}", flush=True)
            if arguments.verbose and outcome.detail:
                print(f"{'':17}by {outcome.detail}", flush=True)
            return outcome

        with ThreadPoolExecutor(arguments.jobs) as pool:
            list(pool.map(one, chosen))
    return _report(sorted(outcomes, key=lambda o: chosen.index(o.mutant)))


def _report(outcomes: List[Outcome]) -> int:
    counts = {v: sum(o.verdict == v for o in outcomes) for v in ("killed", "timeout", "survived", "error")}
    ran = len(outcomes) - counts["error"]
    score = (counts["killed"] + counts["timeout"]) / ran if ran else 0.0
    print(f"\n{counts['killed']} killed, {counts['timeout']} timed out, {counts['survived']} survived,"
          f" {counts['error']} errors: score {score:.1%} of {ran}")
    for verdict in ("survived", "error"):
        listed = [o for o in outcomes if o.verdict == verdict]
        if listed:
            print(f"\n{verdict}:")
            for o in listed:
                print(f"  {o.mutant.key:22} {o.mutant.kind:18} {o.mutant.before}  →  {o.mutant.after}")
                if o.detail:
                    print(f"      {o.detail}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
