"""Packaging promises: standard library only at import, vendorable under any name, and
an import graph that flows one way, layer by layer, with no circle."""

import ast
import shutil
import subprocess
import sys
import textwrap

from conftest import PROJECT


def test_constants_and_version_are_numpys_and_well_formed():
    import math
    import re

    import zeronn

    assert (zeronn.e, zeronn.pi, zeronn.inf, zeronn.newaxis) == (math.e, math.pi, math.inf, None)
    assert math.isnan(zeronn.nan) and zeronn.ndarray is zeronn.Tensor
    assert re.fullmatch(r"\d+\.\d+\.\d+", zeronn.__version__)  # setup.cfg reads the version from here


def test_import_zeronn_pulls_in_no_third_party_module():
    # A third-party module is one installed in site-packages (this works on 3.9,
    # which has no sys.stdlib_module_names).
    code = textwrap.dedent(
        """
        import sys
        before = set(sys.modules)
        import zeronn
        new = set(sys.modules) - before
        files = {name: getattr(sys.modules[name], "__file__", None) or "" for name in new}
        print(sorted(name for name, path in files.items() if "site-packages" in path))
        print(sorted(name for name in new if name.startswith(("hypothesis", "numpy", "pytest"))))
        """
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=PROJECT, capture_output=True, text=True, check=True)
    assert result.stdout.split("\n")[:2] == ["[]", "[]"]


def test_a_copy_under_another_name_works(tmp_path):
    shutil.copytree(PROJECT / "zeronn", tmp_path / "mylib" / "nn", ignore=shutil.ignore_patterns("__pycache__"))
    (tmp_path / "mylib" / "__init__.py").write_text("")
    code = textwrap.dedent(
        """
        import sys
        from mylib import nn
        from mylib.nn.testing import tensors
        assert "zeronn" not in sys.modules
        y = nn.forward(nn.init_network(), [1.0, 0.5])
        print(round(y[0], 8), round(y[1], 8))
        """
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["0.31682708", "0.69627909"]


def test_no_module_names_the_package():
    for path in (PROJECT / "zeronn").rglob("*.py"):
        for line in path.read_text().splitlines():
            assert not line.lstrip().startswith(("import zeronn", "from zeronn")), (path, line)


# The layers, from the bottom: each may import only itself and those before it.
LAYERS = ["substrate", "io", "nn", "tools"]


def _module_name(path):
    parts = path.relative_to(PROJECT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path):
    """Every module ``path`` imports, wherever the import stands (inside functions, under
    ``if TYPE_CHECKING:`` and ``try:`` too), as dotted names inside the package."""
    name = _module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.ImportFrom) and node.level:
            base = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
            target = f"{base}.{node.module}" if node.module else base
            for alias in node.names:  # from . import kernels: the module zeronn.kernels
                candidate = f"{target}.{alias.name}"
                if (PROJECT / (candidate.replace(".", "/") + ".py")).exists() or (
                    PROJECT / candidate.replace(".", "/") / "__init__.py"
                ).exists():
                    found.add(candidate)
                    if target != "zeronn":  # Python runs a subpackage's __init__ first: that is imported too
                        found.add(target)   # (the root's front door, which every module is below, aside)
                else:  # a name defined in the module (or package) itself
                    found.add(target)
    return found - {name}


def _graph():
    return {_module_name(path): _imports(path) for path in (PROJECT / "zeronn").rglob("*.py")}


def _layer(module):
    parts = module.split(".")
    if len(parts) > 2 and parts[1] in LAYERS:
        return parts[1]
    if module in ("zeronn", "zeronn.__main__") or module in ("zeronn.io", "zeronn.nn", "zeronn.tools"):
        return "top"  # the package's and the subpackages' front doors only re-export
    return "substrate"


def _circle(graph):
    """The first import circle in ``graph`` (module -> the modules it imports), or None."""
    done, path = set(), []

    def visit(module):
        if module in path:
            return path[path.index(module) :] + [module]
        if module in done:
            return None
        path.append(module)
        for target in sorted(graph.get(module, ())):
            found = visit(target)
            if found:
                return found
        path.pop()
        done.add(module)
        return None

    for module in sorted(graph):
        found = visit(module)
        if found:
            return found
    return None


def test_the_import_graph_has_no_circle():
    graph = _graph()
    assert len(graph) > 30 and "zeronn.core" in graph["zeronn.ops"]  # the walk really saw the package
    # Importing zeronn.core runs zeronn/__init__.py first: that is Python loading the
    # package, not an import core makes, so the front doors (which only re-export) are
    # left out as targets.
    fronts = {"zeronn", "zeronn.io", "zeronn.nn", "zeronn.tools"}
    graph = {module: targets - fronts for module, targets in graph.items()}
    circle = _circle(graph)
    assert circle is None, "import circle: " + " -> ".join(circle)


def test_the_circle_check_finds_circles_and_lazy_imports():
    assert _circle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert _circle({"a": {"b", "c"}, "b": {"c"}, "c": set()}) is None
    path = PROJECT / "zeronn" / "_probe_for_the_test.py"
    try:
        path.write_text("def f():\n    from .core import Tensor  # lazily\n")
        assert _imports(path) == {"zeronn.core"}
    finally:
        path.unlink()


def test_each_layer_imports_only_the_layers_below_it():
    for module, targets in _graph().items():
        layer = _layer(module)
        if layer == "top":
            continue
        for target in targets:
            assert target != "zeronn", f"{module} imports the package's front door"
            below = _layer(target) if target not in ("zeronn.io", "zeronn.nn", "zeronn.tools") else target[7:]
            assert LAYERS.index(below) <= LAYERS.index(layer), f"{module} ({layer}) imports {target} ({below})"
