"""Column types that carry form values faithfully on SQLite and PostgreSQL alike."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from sqlalchemy import Float, String
from sqlalchemy.types import TypeDecorator

MULTI_SEPARATOR = ";"


class Money(TypeDecorator[Decimal]):
    """Decimals with two places, stored as a float so that SQL can sum them on every backend."""

    impl = Float
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Any) -> float | None:
        return None if value is None else float(value)

    def process_result_value(self, value: Any, dialect: Any) -> Decimal | None:
        return None if value is None else Decimal(str(value)).quantize(Decimal("0.01"))


class CodeList(TypeDecorator[tuple[str, ...]]):
    """A multi-choice value: reference codes joined by ``;`` (``CYBER;DATA``), so SQL can filter with LIKE."""

    impl = String
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Any) -> str | None:
        if value is None:
            return None
        if isinstance(value, str):
            return value
        return MULTI_SEPARATOR.join(value) or None

    def process_result_value(self, value: Any, dialect: Any) -> tuple[str, ...] | None:
        if value is None:
            return None
        return tuple(part for part in value.split(MULTI_SEPARATOR) if part)
