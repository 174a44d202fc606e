"""The `c2c` command line: parse, call core or start the app, turn every error into one line.

``parser`` says the grammar, ``main`` dispatches and words errors, and the commands live by what they
work on: ``files`` (one session file), ``folders`` (a folder of sessions), ``apps`` (the Textual apps).
Heavy imports (textual, pydantic models, markdown) happen inside the commands that need them, so
`c2c status` and `c2c --help` stay quick.
"""

from .base import COMMANDS, CliError
from .main import main, report
from .parser import build_parser

__all__ = ["COMMANDS", "CliError", "build_parser", "main", "report"]
