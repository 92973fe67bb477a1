"""Packaging promises: standard library only at import, and vendorable under any name."""

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
    for path in (PROJECT / "zeronn").glob("*.py"):
        for line in path.read_text().splitlines():
            assert not line.lstrip().startswith(("import zeronn", "from zeronn")), (path, line)
