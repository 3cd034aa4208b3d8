"""Turning Python values into what the C API takes, and back.

Kept apart from the registry so that every conversion rule (UTF-8 text,
ISO dates, enums by word or number) is written once. Values the library
would refuse anyway (a malformed date string) are passed through so that
its own message, naming the field, reaches the user.
"""

from __future__ import annotations

import datetime
from typing import Any, Iterable, Optional, Type, Union

from . import errors
from .enums import _Enum

DateLike = Union[datetime.date, str]


def invalid(message: str) -> errors.InvalidError:
    """An InvalidError raised by the bindings themselves (no C call made)."""
    return errors.InvalidError(errors.INVALID, message)


def text_in(value: Any, field: str) -> Optional[bytes]:
    """Text for a ``const char *`` argument: None stays NULL, str becomes UTF-8."""
    if value is None:
        return None
    if isinstance(value, bytes):
        raw = value
    elif isinstance(value, str):
        raw = value.encode("utf-8")
    else:
        raise invalid("%s: expected text, got %r" % (field, value))
    if b"\0" in raw:
        raise invalid("%s: text may not contain a NUL character" % field)
    return raw


def path_in(value: Any, field: str = "path") -> bytes:
    """A file name: str, bytes or os.PathLike, as the bytes the OS uses."""
    import os
    try:
        raw = os.fsencode(value)
    except TypeError:
        raise invalid("%s: expected a path, got %r" % (field, value)) from None
    if b"\0" in raw:
        raise invalid("%s: a path may not contain a NUL character" % field)
    return raw


def date_in(value: Any, field: str) -> Optional[bytes]:
    """A date argument: a datetime.date (or datetime) or ISO text, None for NULL."""
    if value is None:
        return None
    if isinstance(value, datetime.datetime):
        value = value.date()
    if isinstance(value, datetime.date):
        return value.isoformat().encode("ascii")
    if isinstance(value, str):
        return text_in(value, field)
    raise invalid("%s: expected a datetime.date or 'YYYY-MM-DD', got %r" % (field, value))


def int_in(value: Any, field: str, bits: int = 64) -> int:
    """An integer argument, range-checked so ctypes cannot silently wrap it."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise invalid("%s: expected an integer, got %r" % (field, value))
    limit = 1 << (bits - 1)
    if not -limit <= value < limit:
        raise invalid("%s: %d does not fit in %d bits" % (field, value, bits))
    return value


def enum_in(cls: Type[_Enum], value: Any, field: str) -> int:
    """An enum argument by member, word or number; None gives 0 (any / not set)."""
    if value is None:
        return 0
    return int(cls.coerce(value, field))


def codes_in(value: Any, field: str) -> Optional[bytes]:
    """One code or several (an iterable), as the comma-separated text reports take."""
    if value is None or isinstance(value, (str, bytes)):
        return text_in(value, field)
    try:
        items = list(value)
    except TypeError:
        raise invalid("%s: expected a code or codes, got %r" % (field, value)) from None
    for item in items:
        if not isinstance(item, str):
            raise invalid("%s: expected codes as text, got %r" % (field, item))
    return text_in(",".join(items), field)


def text_out(raw: Optional[bytes]) -> Optional[str]:
    """Borrowed C text, already copied into bytes by ctypes, as str."""
    return None if raw is None else raw.decode("utf-8", "replace")


def date_out(raw: Optional[bytes]) -> Optional[datetime.date]:
    """ISO date text from the library as a date (None when absent)."""
    if raw is None or raw == b"":
        return None
    return datetime.date.fromisoformat(raw.decode("ascii"))


def datetime_out(raw: Optional[bytes]) -> Optional[datetime.datetime]:
    """An ISO timestamp ("2026-11-23T11:19:05Z") from the library, UTC-aware."""
    if raw is None or raw == b"":
        return None
    text = raw.decode("ascii")
    if text.endswith("Z"):
        text = text[:-1] + "+00:00"
    return datetime.datetime.fromisoformat(text)


def enum_out(cls: Type[_Enum], value: int) -> Optional[_Enum]:
    """An enum value from the library; 0 (not set) and unknown values give None."""
    if value in cls._value2member_map_:
        return cls(value)
    return None


def check_keys(given: Iterable[str], allowed: Iterable[str], what: str) -> None:
    """Refuse a keyword filter the query does not have (a typo would match everything)."""
    unknown = sorted(set(given) - set(allowed))
    if unknown:
        raise TypeError("%s got unexpected keyword argument(s) %s; it takes %s"
                        % (what, ", ".join(unknown), ", ".join(sorted(allowed))))
