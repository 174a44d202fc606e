"""Saving a big session quickly: the TOML text of each ``[[section]]`` item, remembered by its content.

Formatting with tomli-w is most of the cost of a save (about 50 ms for 2,000 entries), yet between two
saves only a few items change. ``TomlMemo.dumps(session)`` gives exactly the text of
``toml_writer.dumps_tables(session.model_dump(mode="python", exclude_none=True))`` (a property test holds
them to it), but each item of an array of tables (entries, options, actions, teams, clock events...) is
formatted once and then found again by a key made from its content:

- the key is the item's values (its ``__dict__``, which pydantic replaces on every validated assignment),
  their exact types, the class and the array's path. Never the object's identity: the editor changes
  items in place, and a changed item simply has a new key. Equal keys give equal text because every value
  is of an exact type whose TOML is a function of its value (``KEYABLE``: str, int, bool, date, datetime,
  None; not float, as 0.0 == -0.0), and every datetime in the schema is kept in UTC by the model's
  validators (a test checks it: two equal datetimes with different offsets would print differently).
- an item with other values (a clock event's ``adjust`` table, a float) or a class with custom
  serialisation is formatted as usual, every time; so is everything outside arrays of tables (a few lines).
- the memo keeps only the items of the last ``dumps``, so it never grows beyond one session's text.

One ``TomlMemo`` per open session file (``store.SessionFile``). Calls may come from two threads: each
builds its own new table and swaps it in at the end, so they never see a half-built one.
"""

from __future__ import annotations

from collections.abc import Hashable
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel

if TYPE_CHECKING:  # toml_writer imports tomli-w: only when something is written, not for the first screen
    from .toml_writer import Block

# what model_dump gives as it is, and of those, the types whose equal values give the same TOML
SCALARS: frozenset[type] = frozenset({str, int, float, bool, date, datetime, type(None)})
KEYABLE: frozenset[type] = SCALARS - {float}
_CUSTOM_KEYS = ("serialization", "serialization_exclude", "serialization_exclude_if", "computed_fields")
_plain_classes: dict[type[BaseModel], bool] = {}


class TomlMemo:
    """The TOML text of a session's array-of-tables items, by content (see the module)."""

    def __init__(self) -> None:
        self._blocks: dict[Hashable, Block] = {}

    def __len__(self) -> int:
        return len(self._blocks)

    def dumps(self, model: BaseModel, header: str = "") -> str:
        """``model`` as TOML text, the same as ``dumps_tables(model.model_dump(...), header)``."""
        from .toml_writer import dumps_tables

        walk = _Walk(self._blocks)
        text = dumps_tables(walk.model(model, ()), header)
        self._blocks = walk.fresh  # only what this session holds now: the memo never grows without limit
        return text


class _Walk:
    """One ``dumps``: what ``model_dump`` would give, with remembered items as ``Block``s."""

    def __init__(self, old: dict[Hashable, Block]) -> None:
        from .toml_writer import plain_block, section_head

        self.old = old
        self.fresh: dict[Hashable, Block] = {}
        self.plain_block = plain_block
        self.section_head = section_head

    def model(self, model: BaseModel, path: tuple[str, ...]) -> dict[str, Any]:
        if not plain_class(type(model)):
            return model.model_dump(mode="python", exclude_none=True)
        out: dict[str, Any] = {}
        for name, value in model.__dict__.items():
            if value is None:
                continue
            kind = type(value)
            if kind in SCALARS or _scalars(value):
                out[name] = value
            elif isinstance(value, BaseModel):
                out[name] = self.model(value, (*path, name))
            elif kind is list and all(isinstance(item, BaseModel) for item in value):
                out[name] = self.items(value, (*path, name))
            else:  # anything else: let pydantic say what it is
                return model.model_dump(mode="python", exclude_none=True)
        return out

    def items(self, items: list[BaseModel], path: tuple[str, ...]) -> list[Block | dict[str, Any]]:
        """An array of tables: each item's section from the memo, or written now (and remembered)."""
        head = self.section_head(path)
        old, fresh = self.old, self.fresh
        out: list[Block | dict[str, Any]] = []
        for item in items:
            values = tuple(item.__dict__.values())
            types = tuple(map(type, values))
            key = (path, type(item), *values, *types)  # one flat tuple: quicker to build, smaller to keep
            try:
                found = old.get(key) or fresh.get(key)  # fresh: the same item twice in one session
            except TypeError:  # an unhashable value (a clock event's adjust table): not remembered
                out.append(self.model(item, path))
                continue
            if found is None:
                if not (KEYABLE.issuperset(types) and plain_class(type(item))):
                    out.append(self.model(item, path))
                    continue
                names = item.__dict__
                found = self.plain_block(
                    head, {n: v for n, v in zip(names, values, strict=True) if v is not None}
                )
            fresh[key] = found
            out.append(found)
        return out


def _scalars(value: Any) -> bool:
    """A list or table of plain values only (``shared_before``, a rebalance's ``adjust``)."""
    kind = type(value)
    if kind is list or kind is tuple:
        return all(type(item) in SCALARS and item is not None for item in value)
    if kind is dict:
        return all(
            type(key) is str and type(item) in SCALARS and item is not None for key, item in value.items()
        )
    return False


def plain_class(cls: type[BaseModel]) -> bool:
    """True when ``model_dump`` of this class is its ``__dict__`` as it is: no custom serialisers, computed
    or excluded fields, aliases or extra fields (then it is walked here; otherwise pydantic dumps it)."""
    known = _plain_classes.get(cls)
    if known is None:
        config = cls.model_config
        known = not (
            config.get("serialize_by_alias")
            or config.get("extra") == "allow"
            or cls.__pydantic_root_model__
            or _custom(cls.__pydantic_core_schema__)
        )
        _plain_classes[cls] = known
    return known


def _custom(node: Any) -> bool:
    if isinstance(node, dict):
        if any(node.get(key) for key in _CUSTOM_KEYS) or node.get("extra_behavior") == "allow":
            return True
        return any(_custom(value) for value in node.values())
    if isinstance(node, list | tuple):
        return any(_custom(value) for value in node)
    return False
