"""Where a session lives on disk: the open file and its saves (``session_file``), the atomic write
(``atomic``), the lock (``lock``), the TOML writer and its memo (``toml_writer``, ``toml_memo``) and the
demo copy (``demo``).

The front re-exports what callers use (``from c2c_tui.core.store import SessionFile``). It must not import
the summary or the TOML writer: those load on the first save, not before the first frame.
"""

from .session_file import *
from .session_file import __all__ as __all__
