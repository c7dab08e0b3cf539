"""Run the command line with ``python -m ticketcore``."""

import sys

from ticketcore.cli import main

sys.exit(main())
