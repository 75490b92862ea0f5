"""Command line of the portal generator: python build.py build | validate | schemas | serve."""

import sys

from pbgdpl.cli import main

if __name__ == "__main__":
    sys.exit(main())
