"""``python -m civilsamfund``: the command line."""

import sys

from civilsamfund.cli import main

sys.exit(main())
