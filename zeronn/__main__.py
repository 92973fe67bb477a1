"""``python -m zeronn``: the chapter-3 tour and its subcommands (see ``cli.py``)."""

import sys

from .cli import main

sys.exit(main())
