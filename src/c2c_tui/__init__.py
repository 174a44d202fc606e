"""c2c: the City to City Connections workshop console."""

__version__ = "0.1.0"
