"""Shared test settings: hypothesis profiles, where the shared check data lives, and
``same``, the exact comparison of two numbers that the tests against NumPy and the
kernel tests share."""

import math
import os
from pathlib import Path

from hypothesis import settings

# CI runs the suite on up to five Pythons: keep each run to well under a minute.
settings.register_profile("ci", max_examples=40, deadline=None, print_blob=True)
settings.register_profile("dev", max_examples=100, deadline=None)
# .ci/mutate.py: the same examples for every mutant, and no database, so a mutant's
# failures are not replayed into the next run.
settings.register_profile("mutation", max_examples=40, deadline=None, derandomize=True, database=None)
settings.load_profile("ci" if os.environ.get("CI") else os.environ.get("HYPOTHESIS_PROFILE", "dev"))

PROJECT = Path(__file__).resolve().parent.parent
# ../shared/data beside the project (see its README); absent on a fresh machine.
# ZERONN_SHARED names another shared folder (for a checkout that lives elsewhere).
SHARED_DATA = Path(os.environ.get("ZERONN_SHARED", PROJECT.parent / "shared")) / "data"


def child_environment():
    """The environment for a child Python that imports zeronn from this project: ours,
    with the project first on PYTHONPATH (and whatever was there kept after it, so a
    child sees what its parent was given, such as .ci/mutate.py's mutant)."""
    path = os.pathsep.join(filter(None, [str(PROJECT), os.environ.get("PYTHONPATH")]))
    return dict(os.environ, PYTHONPATH=path)


def same(a, b):
    """The same number: NaN is NaN, the sign of a zero counts, and the type too (1 is not 1.0)."""
    if isinstance(a, float) and isinstance(b, float):
        if math.isnan(a) or math.isnan(b):
            return math.isnan(a) and math.isnan(b)
        return a == b and math.copysign(1.0, a) == math.copysign(1.0, b)
    return a == b and type(a) is type(b)
