"""The packaged app's entry point (PyInstaller needs a script, not a package's __main__)."""

import multiprocessing
import sys

if __name__ == "__main__":
    # The batch PDF renderer starts worker processes with "spawn": in a frozen app each worker is this
    # executable again, and freeze_support() turns it into a worker before the app's own arguments are read.
    multiprocessing.freeze_support()
    from techapproval.__main__ import main

    sys.exit(main())
