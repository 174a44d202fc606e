"""c2c core: plain Python, never textual. The shared vocabulary at the top (model, phases,
prioritise, problems, setup); the parts by job in sub-packages (clock, capture, reading, store, summary,
followup, text), each with a front that re-exports what callers use. The layering is a contract in
pyproject.toml ([tool.importlinter]).
"""

from .pydantic_plugins import skip_loader_without_plugins
from .tz_path import import_zoneinfo

skip_loader_without_plugins()  # before any model class: pydantic's plugin loader only if a plugin exists
import_zoneinfo()  # before pydantic and core.zone import it: without the build's whole config table
