"""`techapproval` opens the app; `techapproval COMMAND` runs a command-line task (see --help)."""

from __future__ import annotations

import gc
import sys


def main(argv: list[str] | None = None) -> int:
    # Start-up makes long-lived objects only (modules, mappers, widgets): the collector's passes over them,
    # many while a few hundred modules load, are wasted. Off until the window has painted (gui/app.py) or
    # a command starts; on again whatever happens.
    gc.disable()
    try:
        return _main(argv)
    finally:
        gc.enable()


def _main(argv: list[str] | None) -> int:
    from . import cli, errorlog

    parser = cli.build_parser()
    args = parser.parse_args(argv)
    errorlog.setup()  # once, for the app and the command line: unexpected errors go to errors.log
    if args.command or args.self_test:
        gc.enable()
    if args.self_test:
        if args.command:
            parser.error("--self-test runs on its own; give no command with it")
        from .selftest import run

        return run()
    if args.command:
        return cli.run(args)
    from .gui.app import run_gui  # Qt loads only when the window is wanted

    return run_gui(args.database)


if __name__ == "__main__":
    sys.exit(main())
