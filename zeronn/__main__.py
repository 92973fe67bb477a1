"""``python -m zeronn``: the chapter-3 tour and its subcommands (see ``tools/cli.py``)."""

import signal
import sys

try:
    from .tools.cli import interrupted, main
except KeyboardInterrupt:  # Ctrl-C while Python is still importing: the same one line
    sys.stderr.write("zeronn: interrupted\n")
    sys.exit(130)
signal.signal(signal.SIGINT, signal.default_int_handler)  # the package's loading is over (see __init__)

try:
    sys.exit(main())
except KeyboardInterrupt:  # between main's own handlers: still one line
    sys.exit(interrupted())
