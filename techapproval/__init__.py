"""techapproval: staff requests for technology resources under CT policy 3520.13.

The version is written in one place, pyproject.toml. The installed package's metadata carries it
(uv writes it on every sync; the PyInstaller build bundles it with copy_metadata), and `__version__`
reads it from there on first use.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

DISTRIBUTION = "techapproval"


@cache
def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(DISTRIBUTION)
    except PackageNotFoundError:
        pass
    # A source checkout on sys.path but never installed (PYTHONPATH=. python -m techapproval).
    pyproject = Path(__file__).resolve().parent.parent / "pyproject.toml"
    try:
        import tomllib

        with pyproject.open("rb") as file:
            project = tomllib.load(file)["project"]
        if project.get("name") == DISTRIBUTION:
            return str(project["version"])
    except (OSError, ValueError, KeyError):  # tomllib.TOMLDecodeError is a ValueError
        pass
    return "0+unknown"  # a build that lost its metadata: still runs, and says so in Help → About


def __getattr__(name: str) -> str:
    # Looked up when first asked for, not when any techapproval module is imported.
    if name == "__version__":
        return _version()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
