"""Command-line tasks. Each opens the database the same way the app does and calls services."""

from __future__ import annotations

import argparse
import sys

from . import __version__
from .paths import DATABASE_ENV


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="techapproval",
        description="Staff requests for approval of technology resources (Connecticut policy 3520.13).",
    )
    parser.add_argument("--version", action="version", version=f"techapproval {__version__}")
    parser.add_argument(
        "--database", metavar="URL",
        help=f"database URL (default: ${DATABASE_ENV}, else a SQLite file in your data folder)",
    )
    parser.add_subparsers(dest="command", metavar="COMMAND")
    return parser


def run(args: argparse.Namespace) -> int:
    print(f"Unknown command {args.command}", file=sys.stderr)
    return 2
