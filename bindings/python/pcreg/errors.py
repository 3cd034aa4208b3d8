"""Exceptions raised by the pcreg bindings.

Every failing call into libpcreg returns a negative ``pcreg_status``; the
bindings turn it into an exception of the class for that status, carrying
the status number and the library's message (``pcreg_db_errmsg()`` for
the handle, or ``pcreg_status_str()`` when there is no handle).

All of them derive from :class:`Error`. Where a built-in exception means
the same thing, the class derives from it as well, so that
``except ValueError`` catches a malformed value and ``except LookupError``
a missing row.
"""

from __future__ import annotations

from typing import Any, Dict, Optional, Type

# The values of pcreg_status (common.h). They are explicit and only ever
# appended, so they may be copied here.
OK = 0
DONE = 1
ERROR = -1
NOMEM = -2
NOTFOUND = -3
EXISTS = -4
INVALID = -5
CONSTRAINT = -6
CONFLICT = -7
BUSY = -8
READONLY = -9
IO = -10
CORRUPT = -11
MISUSE = -12
NEEDS_MIGRATION = -13
SCHEMA_TOO_NEW = -14
SCHEMA_MISMATCH = -15
NOT_REGISTRY = -16
CYCLE = -17


class Error(Exception):
    """Base class of every error the library reports.

    Attributes:
        status: the ``pcreg_status`` value (a negative int).
        message: the library's message for the failure.
        report: for a failed import, the :class:`pcreg.ImportReport` that
            names the bad row (None otherwise).
    """

    status: int = ERROR

    def __init__(self, status: Optional[int] = None, message: str = "",
                 report: Any = None) -> None:
        if status is None:
            status = type(self).status
        self.status = status
        self.message = message
        self.report = report
        super().__init__(message)

    def __str__(self) -> str:
        return self.message

    def __reduce__(self):
        return (type(self), (self.status, self.message, self.report))


class GeneralError(Error):
    """PCREG_ERROR: a failure the library has no better code for."""
    status = ERROR


class NoMemoryError(Error, MemoryError):
    """PCREG_NOMEM: an allocation failed."""
    status = NOMEM


class NotFoundError(Error, LookupError):
    """PCREG_NOTFOUND: no such row, file or code."""
    status = NOTFOUND


class ExistsError(Error):
    """PCREG_EXISTS: a row with that key already exists."""
    status = EXISTS


class InvalidError(Error, ValueError):
    """PCREG_INVALID: an argument or input value is malformed.

    Also raised by the bindings themselves for a value that cannot be
    passed to the library at all (text with a NUL character, a number out
    of range, a date that is neither a ``datetime.date`` nor text).
    """
    status = INVALID


class ConstraintError(Error):
    """PCREG_CONSTRAINT: the change would orphan or break a reference."""
    status = CONSTRAINT


class ConflictError(Error):
    """PCREG_CONFLICT: a dated period overlaps another one."""
    status = CONFLICT


class BusyError(Error):
    """PCREG_BUSY: another connection holds the registry's lock."""
    status = BUSY


class ReadOnlyError(Error):
    """PCREG_READONLY: the registry was opened read-only."""
    status = READONLY


class InputOutputError(Error, OSError):
    """PCREG_IO: the operating system refused to read or write."""
    status = IO


class CorruptError(Error):
    """PCREG_CORRUPT: the registry file is damaged."""
    status = CORRUPT


class MisuseError(Error):
    """PCREG_MISUSE: the API was called wrongly (bad order, a closed handle)."""
    status = MISUSE


class ClosedError(MisuseError):
    """A closed registry, iterator, export or import was used.

    Raised by the bindings (the C handle is already gone); its status is
    PCREG_MISUSE, as the library gives for the same mistake.
    """
    status = MISUSE


class SchemaError(Error):
    """The file's schema does not fit this library (see the subclasses)."""


class NeedsMigrationError(SchemaError):
    """PCREG_NEEDS_MIGRATION: the schema is older; open with migrate=True."""
    status = NEEDS_MIGRATION


class SchemaTooNewError(SchemaError):
    """PCREG_SCHEMA_TOO_NEW: a newer libpcreg wrote the file."""
    status = SCHEMA_TOO_NEW


class SchemaMismatchError(SchemaError):
    """PCREG_SCHEMA_MISMATCH: a recorded migration differs from the compiled one."""
    status = SCHEMA_MISMATCH


class NotRegistryError(SchemaError):
    """PCREG_NOT_REGISTRY: the file is not a libpcreg registry."""
    status = NOT_REGISTRY


class CycleError(Error):
    """PCREG_CYCLE: following successions came back to a code already seen."""
    status = CYCLE


class LibraryNotFoundError(ImportError):
    """The shared library libpcreg could not be found or loaded.

    The message lists every place that was tried and why each failed.
    Set the environment variable ``PCREG_LIBRARY`` to the library's path
    (e.g. ``/usr/local/lib/libpcreg.so.0``) to say where it is.
    """


_BY_STATUS: Dict[int, Type[Error]] = {
    ERROR: GeneralError,
    NOMEM: NoMemoryError,
    NOTFOUND: NotFoundError,
    EXISTS: ExistsError,
    INVALID: InvalidError,
    CONSTRAINT: ConstraintError,
    CONFLICT: ConflictError,
    BUSY: BusyError,
    READONLY: ReadOnlyError,
    IO: InputOutputError,
    CORRUPT: CorruptError,
    MISUSE: MisuseError,
    NEEDS_MIGRATION: NeedsMigrationError,
    SCHEMA_TOO_NEW: SchemaTooNewError,
    SCHEMA_MISMATCH: SchemaMismatchError,
    NOT_REGISTRY: NotRegistryError,
    CYCLE: CycleError,
}


def error_class(status: int) -> Type[Error]:
    """The exception class for a negative status.

    A status this version of the bindings does not know (one a newer
    library added) gives the base class :class:`Error`.
    """
    return _BY_STATUS.get(status, Error)


def make_error(status: int, message: str, report: Any = None) -> Error:
    """An exception instance for a negative status and its message."""
    return error_class(status)(status, message, report)
