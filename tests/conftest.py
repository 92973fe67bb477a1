"""Shared test settings: hypothesis profiles and where the shared check data lives."""

import os
from pathlib import Path

from hypothesis import settings

# CI runs the suite on up to five Pythons: keep each run to well under a minute.
settings.register_profile("ci", max_examples=40, deadline=None, print_blob=True)
settings.register_profile("dev", max_examples=100, deadline=None)
settings.load_profile("ci" if os.environ.get("CI") else os.environ.get("HYPOTHESIS_PROFILE", "dev"))

PROJECT = Path(__file__).resolve().parent.parent
# ../shared/data beside the project (see its README); absent on a fresh machine.
SHARED_DATA = PROJECT.parent / "shared" / "data"
