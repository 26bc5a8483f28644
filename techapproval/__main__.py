"""`techapproval` opens the app; `techapproval COMMAND` runs a command-line task (see --help)."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    from . import cli

    parser = cli.build_parser()
    args = parser.parse_args(argv)
    if args.command:
        return cli.run(args)
    from .gui.app import run_gui  # Qt loads only when the window is wanted

    return run_gui(args.database)


if __name__ == "__main__":
    sys.exit(main())
