"""The registry handle and everything asked of it.

Memory rules, which the tests check with AddressSanitizer and by watching
the process's size: every C record is copied into a dataclass and freed
in the same call (``try``/``finally``); every C iterator lives inside a
:class:`Cursor`, which frees it as soon as the last row has been read,
when the cursor is closed, or when the registry is closed, whichever
comes first. Nothing depends on the garbage collector for correctness;
``__del__`` methods only catch what a caller forgot.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime
import os
import weakref
from ctypes import POINTER, byref, c_char_p, c_int
from typing import (Any, Callable, Dict, Generic, Iterator, List, Optional, Sequence,
                    TypeVar, Union)

from . import _entities as E
from . import _ffi, errors, records
from ._convert import (DateLike, codes_in, date_in, int_in, invalid, path_in, text_in,
                       text_out)
from ._ffi import lib
from ._convert import date_out
from .enums import Certainty, ExportFormat, ImportKind, ImportMode, MembershipKind

T = TypeVar("T")

Record = Union[records.Practice, records.Commissioner, records.Succession,
               records.Arrangement, records.Network, records.NetworkLead,
               records.Federation, records.Contract, records.Inspection, records.ListSize]


def _status_error(status: int, db: Any = None) -> errors.Error:
    """The exception for a status, with the handle's message when there is a handle."""
    if db:
        message = text_out(lib.pcreg_db_errmsg(db)) or ""
    else:
        message = text_out(lib.pcreg_status_str(status)) or ""
    return errors.make_error(status, message)


class Cursor(Generic[T]):
    """An iterator over one C iterator's rows, each copied into Python.

    Why a class and not a bare generator: the C iterator is made when the
    cursor is (so a bad filter raises at the call, not at the first
    ``next()``), and it must be freed even if iteration never starts,
    which a generator's ``finally`` cannot promise. The C iterator is freed
    after the last row, by :meth:`close`, on leaving a ``with`` block, or
    when its registry is closed.
    """

    def __init__(self, registry: "Registry", handle: Any, row_type: Any,
                 next_fn: Callable[..., int], free_fn: Callable[[Any], None],
                 convert: Callable[[Any], T], record_type: Optional[type] = None) -> None:
        self._registry = registry
        self.record_type = record_type
        self._handle = handle
        self._row_type = row_type
        self._next = next_fn
        self._free = free_fn
        self._convert = convert
        registry._track(self)

    def __iter__(self) -> "Cursor[T]":
        return self

    def __next__(self) -> T:
        if self._handle is None:
            raise StopIteration
        row = POINTER(self._row_type)() if self._row_type is not c_char_p else c_char_p()
        st = self._next(self._handle, byref(row))
        if st == errors.DONE:
            self.close()
            raise StopIteration
        if st < 0:
            err = _status_error(st, self._registry._db_or_none())
            self.close()
            raise err
        try:
            return self._convert(row)
        except BaseException:
            self.close()
            raise

    def close(self) -> None:
        """Free the C iterator now; further ``next()`` calls end the iteration.

        Idempotent, like a generator's close().
        """
        handle, self._handle = self._handle, None
        if handle is not None:
            self._free(handle)

    @property
    def closed(self) -> bool:
        """Whether the C iterator has been freed."""
        return self._handle is None

    def as_dicts(self, dates: str = "iso") -> List[Dict[str, Any]]:
        """The remaining rows as plain dicts (see :meth:`pcreg.Row.as_dict`)."""
        return records.as_dicts(self, dates)  # type: ignore[arg-type]

    def to_dataframe(self, dates: str = "timestamp") -> Any:
        """The remaining rows as a pandas DataFrame (see :func:`pcreg.to_dataframe`).

        Reads the cursor to its end. An empty cursor still gives the
        record's columns. Raises ImportError, saying how to install
        pandas, when it is not installed.
        """
        return records.to_dataframe(self, dates, self.record_type)  # type: ignore[arg-type]

    def __enter__(self) -> "Cursor[T]":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    def __del__(self) -> None:
        # Only a safety net for a forgotten cursor; close() is the rule.
        try:
            self.close()
        except Exception:
            pass


class ImportJob:
    """A file import run a step at a time (``pcreg_import_open``/``_step``).

    Iterating runs the import, yielding ``(bytes_read, bytes_total)`` after
    each step so a caller can show progress; :meth:`run` does it all and
    returns the :class:`ImportReport`. A job closed before it finished is
    rolled back. While it is open, the registry's transactions are refused
    (the import is its own transaction).
    """

    def __init__(self, registry: "Registry", handle: Any, rows_per_step: int) -> None:
        self._registry = registry
        self._handle = handle
        self._rows = rows_per_step
        self.finished = False
        registry._track(self)

    def _live(self) -> Any:
        if self._handle is None:
            raise errors.ClosedError(errors.MISUSE, "the import is closed")
        return self._handle

    def step(self, rows: Optional[int] = None) -> bool:
        """Import up to ``rows`` more rows (0: all); True once the import is committed.

        Raises the status's exception (with ``.report`` naming the bad
        row) if the import failed; then nothing was written.
        """
        handle = self._live()
        if self.finished:
            return True
        st = lib.pcreg_import_step(handle, int_in(self._rows if rows is None else rows,
                                                  "rows", 32))
        if st < 0:
            err = _status_error(st, self._registry._db_or_none())
            err.report = self.report
            raise err
        self.finished = st == errors.DONE
        return self.finished

    @property
    def bytes_read(self) -> int:
        """Bytes of the file read so far."""
        return lib.pcreg_import_bytes_read(self._live())

    @property
    def bytes_total(self) -> int:
        """The file's size in bytes."""
        return lib.pcreg_import_bytes_total(self._live())

    @property
    def report(self) -> records.ImportReport:
        """What the import has done so far (a copy)."""
        return E.read_import_report(lib.pcreg_import_get_report(self._live()))

    def __iter__(self) -> Iterator[tuple]:
        while not self.finished:
            self.step()
            yield (self.bytes_read, self.bytes_total)

    def run(self) -> records.ImportReport:
        """Import the rest and return the report; the job is closed afterwards."""
        try:
            while not self.step():
                pass
            return self.report
        finally:
            self.close()

    def close(self) -> None:
        """Free the import; an unfinished one is rolled back. Idempotent."""
        handle, self._handle = self._handle, None
        if handle is not None:
            lib.pcreg_import_free(handle)

    def __enter__(self) -> "ImportJob":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    def __del__(self) -> None:
        try:
            self.close()
        except Exception:
            pass


def _release_id(release: Union[int, records.Release]) -> int:
    if isinstance(release, records.Release):
        return release.id
    return int_in(release, "release")


def _kind(kind: Union[MembershipKind, str, int]) -> int:
    """A membership kind argument, which (unlike a filter) may not be left out."""
    return int(MembershipKind.coerce(kind, "kind"))


class Registry:
    """An open registry. Use :func:`pcreg.open` to get one.

    Usable as a context manager (closed on leaving the block). Dates may be
    given as :class:`datetime.date` or ``'YYYY-MM-DD'`` text; enumerations
    as members of :mod:`pcreg.enums`, their words (``'pcn'``) or values.
    Every failure raises a :class:`pcreg.Error` subclass.
    """

    def __init__(self, handle: Any) -> None:
        self._handle: Any = handle
        self._children: "weakref.WeakSet[Any]" = weakref.WeakSet()

    # ---- the handle -------------------------------------------------------------------

    def _track(self, child: Any) -> None:
        self._children.add(child)

    def _db_or_none(self) -> Any:
        return self._handle

    @property
    def _db(self) -> Any:
        if self._handle is None:
            raise errors.ClosedError(errors.MISUSE, "the registry is closed")
        return self._handle

    def _check(self, status: int) -> int:
        if status < 0:
            raise _status_error(status, self._handle)
        return status

    def close(self) -> None:
        """Close the registry, first freeing any cursor or import still open.

        Idempotent. Any transaction still open is rolled back. Using the
        registry afterwards raises :class:`pcreg.ClosedError`.
        """
        handle = self._handle
        if handle is None:
            return
        for child in list(self._children):
            child.close()
        self._handle = None
        lib.pcreg_db_close(handle)

    @property
    def closed(self) -> bool:
        """Whether :meth:`close` has been called."""
        return self._handle is None

    def __enter__(self) -> "Registry":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    def __del__(self) -> None:
        try:
            self.close()
        except Exception:
            pass

    def __repr__(self) -> str:
        if self._handle is None:
            return "<pcreg.Registry (closed)>"
        return "<pcreg.Registry %r>" % self.path

    @property
    def path(self) -> str:
        """The file name the registry was opened with."""
        return text_out(lib.pcreg_db_path(self._db)) or ""

    # ---- schema -----------------------------------------------------------------------

    @property
    def schema_version(self) -> int:
        """The registry's schema version."""
        out = c_int()
        self._check(lib.pcreg_schema_version(self._db, byref(out)))
        return out.value

    @property
    def needs_migration(self) -> bool:
        """Whether :meth:`migrate` has work to do."""
        return bool(self._check(lib.pcreg_db_needs_migration(self._db)))

    def migrate(self, target_version: int = 0) -> None:
        """Bring the schema up to ``target_version`` (0: the newest), step by step."""
        self._check(lib.pcreg_db_migrate(self._db, int_in(target_version, "target_version", 32)))

    # ---- transactions -----------------------------------------------------------------

    def begin(self) -> None:
        """Start a transaction (prefer ``with registry.transaction():``)."""
        self._check(lib.pcreg_db_begin(self._db))

    def commit(self) -> None:
        """Commit the transaction :meth:`begin` started."""
        self._check(lib.pcreg_db_commit(self._db))

    def rollback(self) -> None:
        """Undo everything since :meth:`begin`."""
        self._check(lib.pcreg_db_rollback(self._db))

    @contextlib.contextmanager
    def transaction(self) -> Iterator["Registry"]:
        """Group calls into one transaction: committed at the end of the
        ``with`` block, rolled back if the block raises. Much faster for
        bulk writes. Transactions do not nest.
        """
        self.begin()
        try:
            yield self
        except BaseException:
            if self._handle is not None:
                self.rollback()
            raise
        self.commit()

    # ---- generic entity access --------------------------------------------------------

    def _get(self, entity: E.Entity, fn: Callable[..., int], args: Sequence[Any]) -> Any:
        out = POINTER(entity.c_type)()
        self._check(fn(self._db, *args, byref(out)))
        try:
            return entity.read(out)
        finally:
            getattr(lib, "pcreg_%s_free" % entity.prefix)(out)

    def _get_or_none(self, entity: E.Entity, fn: Callable[..., int],
                     args: Sequence[Any]) -> Any:
        try:
            return self._get(entity, fn, args)
        except errors.NotFoundError:
            return None

    def get(self, record_type: type, *key: Any) -> Any:
        """The record of ``record_type`` with that key, e.g. ``get(pcreg.Practice, 'A81001')``.

        Raises NotFoundError (a LookupError) when there is none.
        """
        entity = self._entity(record_type)
        return self._get(entity, getattr(lib, "pcreg_%s_get" % entity.prefix),
                         entity.key_args(key))

    def _list(self, entity: E.Entity, filters: dict, what: str) -> Cursor[Any]:
        query = entity.query()
        init, version = _ffi.STRUCT_INIT[entity.query]
        self._check(getattr(lib, init)(byref(query), version))
        assert entity.filters is not None
        E.fill_query(query, entity.filters, filters, what)
        it = POINTER(entity.iter_type)()
        self._check(getattr(lib, "pcreg_%s_list" % entity.prefix)(self._db, byref(query),
                                                                   byref(it)))
        return self._cursor(entity, it)

    def _cursor(self, entity: E.Entity, it: Any, iter_prefix: Optional[str] = None) -> Cursor[Any]:
        prefix = iter_prefix or entity.prefix
        return Cursor(self, it, entity.c_type, getattr(lib, "pcreg_%s_iter_next" % prefix),
                      getattr(lib, "pcreg_%s_iter_free" % prefix), entity.read, entity.record)

    @staticmethod
    def _entity(record_type: Any) -> E.Entity:
        entity = E.ENTITIES.get(record_type if isinstance(record_type, type)
                                else type(record_type))
        if entity is None:
            raise TypeError("not a record type the registry stores: %r" % (record_type,))
        return entity

    def _build(self, entity: E.Entity, record: Any) -> Any:
        """A new C record holding the dataclass's values; the caller frees it."""
        ptr = POINTER(entity.c_type)()
        self._check(getattr(lib, "pcreg_%s_new" % entity.prefix)(byref(ptr)))
        try:
            for name, write in entity.writers:
                st = write(ptr, getattr(record, name))
                if st < 0:
                    raise errors.make_error(
                        st, "%s.%s: %s" % (entity.prefix, name,
                                           text_out(lib.pcreg_status_str(st))))
        except BaseException:
            getattr(lib, "pcreg_%s_free" % entity.prefix)(ptr)
            raise
        return ptr

    def insert(self, record: Record) -> Record:
        """Add a record; returns it as stored (with its new id, for id-keyed types).

        Raises ExistsError for a taken key, ConstraintError for a reference
        to a missing row, ConflictError for an overlapping period,
        InvalidError for a bad value; on failure nothing changes.
        """
        entity = self._entity(record)
        ptr = self._build(entity, record)
        try:
            self._check(getattr(lib, "pcreg_%s_insert" % entity.prefix)(self._db, ptr))
            return entity.read(ptr)
        finally:
            getattr(lib, "pcreg_%s_free" % entity.prefix)(ptr)

    def update(self, record: Union[Record, records.Membership]) -> None:
        """Replace the stored record that has this record's key with it.

        For a :class:`Membership`, the period is found by kind, practice and
        from_date, and its organisation and to_date are changed.
        """
        if isinstance(record, records.Membership):
            self._update_membership(record)
            return
        entity = self._entity(record)
        ptr = self._build(entity, record)
        try:
            self._check(getattr(lib, "pcreg_%s_update" % entity.prefix)(self._db, ptr))
        finally:
            getattr(lib, "pcreg_%s_free" % entity.prefix)(ptr)

    def delete(self, record_or_type: Any, *key: Any) -> None:
        """Delete a record, given the record or its type and key:
        ``delete(practice)`` or ``delete(pcreg.Practice, 'A81001')``.

        Raises ConstraintError when other rows depend on it.
        """
        if record_or_type is records.Membership or isinstance(record_or_type,
                                                             records.Membership):
            if isinstance(record_or_type, records.Membership):
                m = record_or_type
                key = (m.kind, m.practice, m.from_date)
            self.delete_membership(*key)
            return
        entity = self._entity(record_or_type)
        if not isinstance(record_or_type, type):
            if key:
                raise TypeError("delete() takes a record or a type and its key, not both")
            key = tuple(getattr(record_or_type, f.name) for f in entity.key)
        self._check(getattr(lib, "pcreg_%s_delete" % entity.prefix)(self._db,
                                                                    *entity.key_args(key)))

    # ---- practices ---------------------------------------------------------------------

    def practice(self, code: str) -> records.Practice:
        """The practice with that ODS code; NotFoundError if there is none."""
        return self.get(records.Practice, code)

    def practices(self, *, on: Optional[DateLike] = None, commissioner: Optional[str] = None,
                  network: Optional[str] = None, federation: Optional[str] = None,
                  status: Any = None, name: Optional[str] = None,
                  postcode: Optional[str] = None, limit: Optional[int] = None,
                  offset: Optional[int] = None) -> Cursor[records.Practice]:
        """Practices matching every filter given (members on ``on`` for the
        commissioner, network and federation filters; name and postcode by prefix)."""
        return self._list(E.ENTITIES[records.Practice], dict(
            on=on, commissioner=commissioner, network=network, federation=federation,
            status=status, name=name, postcode=postcode, limit=limit, offset=offset),
            "practices()")

    def search(self, text: str, limit: int = 0) -> Cursor[records.Practice]:
        """Full-text search of practices' names, addresses and postcodes, best first."""
        it = POINTER(_ffi.pcreg_practice_iter)()
        self._check(lib.pcreg_practice_search(self._db, text_in(text, "text"),
                                              int_in(limit, "limit", 32), byref(it)))
        return self._cursor(E.ENTITIES[records.Practice], it)

    def postcode_search(self, prefix: str) -> Cursor[records.Practice]:
        """Practices whose postcode starts with ``prefix`` ('E1 ', 'IG11')."""
        it = POINTER(_ffi.pcreg_practice_iter)()
        self._check(lib.pcreg_practice_postcode_search(self._db, text_in(prefix, "prefix"),
                                                       byref(it)))
        return self._cursor(E.ENTITIES[records.Practice], it)

    def timeline(self, practice: str) -> Cursor[records.TimelineEvent]:
        """Everything dated about one practice, in date order."""
        it = POINTER(_ffi.pcreg_timeline_iter)()
        self._check(lib.pcreg_timeline_list(self._db, text_in(practice, "practice"), byref(it)))
        return self._cursor(E.EVENT, it, "timeline")

    # ---- other entities ----------------------------------------------------------------

    def commissioner(self, code: str) -> records.Commissioner:
        """The commissioner with that code."""
        return self.get(records.Commissioner, code)

    def commissioners(self, **filters: Any) -> Cursor[records.Commissioner]:
        """Commissioners; filters: kind, parent, region, name, on, limit, offset."""
        return self._list(E.ENTITIES[records.Commissioner], filters, "commissioners()")

    def succession(self, old_code: str, new_code: str) -> records.Succession:
        """The succession from one code to another."""
        return self.get(records.Succession, old_code, new_code)

    def successions(self, **filters: Any) -> Cursor[records.Succession]:
        """Successions; filters: old_code, new_code, since, until (effective dates), limit, offset."""
        return self._list(E.ENTITIES[records.Succession], filters, "successions()")

    def resolve(self, code: str, on: DateLike) -> records.Resolution:
        """The code that carries ``code`` on at a date, through any number of successions.

        Raises CycleError if the successions loop.
        """
        out = POINTER(_ffi.pcreg_resolution)()
        self._check(lib.pcreg_succession_resolve(self._db, text_in(code, "code"),
                                                 date_in(on, "on"), byref(out)))
        try:
            from ._convert import date_out
            steps = tuple((text_out(lib.pcreg_resolution_step_code(out, i)) or "",
                           date_out(lib.pcreg_resolution_step_date(out, i)))
                          for i in range(lib.pcreg_resolution_steps(out)))
            return records.Resolution(text_out(lib.pcreg_resolution_code(out)) or "", steps,
                                      bool(lib.pcreg_resolution_ambiguous(out)))
        finally:
            lib.pcreg_resolution_free(out)

    def arrangement(self, id: int) -> records.Arrangement:
        """The co-commissioning arrangement with that id."""
        return self.get(records.Arrangement, id)

    def arrangements(self, **filters: Any) -> Cursor[records.Arrangement]:
        """Arrangements; filters: commissioner, level, on, limit, offset."""
        return self._list(E.ENTITIES[records.Arrangement], filters, "arrangements()")

    def arrangement_on(self, commissioner: str, on: DateLike) -> Optional[records.Arrangement]:
        """The commissioner's co-commissioning arrangement on a date, or None."""
        return self._get_or_none(E.ENTITIES[records.Arrangement], lib.pcreg_arrangement_on,
                                 [text_in(commissioner, "commissioner"), date_in(on, "on")])

    def network(self, code: str) -> records.Network:
        """The network with that code."""
        return self.get(records.Network, code)

    def networks(self, **filters: Any) -> Cursor[records.Network]:
        """Networks; filters: kind, commissioner, name, on, limit, offset."""
        return self._list(E.ENTITIES[records.Network], filters, "networks()")

    def network_lead(self, id: int) -> records.NetworkLead:
        """The network lead with that id."""
        return self.get(records.NetworkLead, id)

    def network_leads(self, **filters: Any) -> Cursor[records.NetworkLead]:
        """Network leads; filters: network, on, limit, offset."""
        return self._list(E.ENTITIES[records.NetworkLead], filters, "network_leads()")

    def federation(self, id: str) -> records.Federation:
        """The federation with that id."""
        return self.get(records.Federation, id)

    def federations(self, **filters: Any) -> Cursor[records.Federation]:
        """Federations; filters: name, area, limit, offset."""
        return self._list(E.ENTITIES[records.Federation], filters, "federations()")

    def contract(self, id: int) -> records.Contract:
        """The contract with that id."""
        return self.get(records.Contract, id)

    def contracts(self, **filters: Any) -> Cursor[records.Contract]:
        """Contracts; filters: practice, federation, commissioner, type, service, on, limit, offset."""
        return self._list(E.ENTITIES[records.Contract], filters, "contracts()")

    def inspection(self, id: int) -> records.Inspection:
        """The inspection with that id."""
        return self.get(records.Inspection, id)

    def inspections(self, **filters: Any) -> Cursor[records.Inspection]:
        """Inspections; filters: practice, published_from, published_to, overall, limit, offset."""
        return self._list(E.ENTITIES[records.Inspection], filters, "inspections()")

    def list_size(self, practice: str, extract_date: DateLike) -> records.ListSize:
        """A practice's list size at one extract."""
        return self.get(records.ListSize, practice, extract_date)

    def list_sizes(self, **filters: Any) -> Cursor[records.ListSize]:
        """List sizes; filters: practice, since, until (extract dates), limit, offset."""
        return self._list(E.ENTITIES[records.ListSize], filters, "list_sizes()")

    # ---- as-of questions about a practice ------------------------------------------------

    def membership_on(self, kind: Any, practice: str,
                      on: DateLike) -> Optional[records.Membership]:
        """The practice's commissioner, network or federation period covering
        a date, or None when it had none that day."""
        return self._get_or_none(E.MEMBERSHIP, lib.pcreg_membership_on,
                                 [_kind(kind), text_in(practice, "practice"),
                                  date_in(on, "on")])

    def practice_commissioner(self, practice: str,
                              on: DateLike) -> Optional[records.Membership]:
        """The practice's commissioner membership on a date, or None."""
        return self.membership_on(MembershipKind.COMMISSIONER, practice, on)

    def practice_network(self, practice: str, on: DateLike) -> Optional[records.Membership]:
        """The practice's network membership on a date, or None."""
        return self.membership_on(MembershipKind.NETWORK, practice, on)

    def practice_federation(self, practice: str,
                            on: DateLike) -> Optional[records.Membership]:
        """The practice's federation membership on a date, or None."""
        return self.membership_on(MembershipKind.FEDERATION, practice, on)

    def practice_contract(self, practice: str, on: DateLike) -> Optional[records.Contract]:
        """The practice's core contract (GMS, PMS or APMS) on a date, or None."""
        return self._get_or_none(E.ENTITIES[records.Contract], lib.pcreg_contract_core_on,
                                 [text_in(practice, "practice"), date_in(on, "on")])

    def practice_inspection(self, practice: str,
                            on: DateLike) -> Optional[records.Inspection]:
        """The practice's latest inspection published on or before a date, or None."""
        return self._get_or_none(E.ENTITIES[records.Inspection], lib.pcreg_inspection_latest_on,
                                 [text_in(practice, "practice"), date_in(on, "on")])

    def practice_list_size(self, practice: str, on: DateLike) -> Optional[records.ListSize]:
        """The practice's latest list size extracted on or before a date, or None."""
        return self._get_or_none(E.ENTITIES[records.ListSize], lib.pcreg_list_size_on,
                                 [text_in(practice, "practice"), date_in(on, "on")])

    def members_on(self, kind: Any, organisation: str,
                   on: DateLike) -> Cursor[records.Membership]:
        """The practices in a commissioner, network or federation on a date."""
        it = POINTER(_ffi.pcreg_membership_iter)()
        self._check(lib.pcreg_membership_members_on(
            self._db, _kind(kind), text_in(organisation, "organisation"), date_in(on, "on"),
            byref(it)))
        return self._cursor(E.MEMBERSHIP, it)

    def network_members(self, network: str, on: DateLike) -> Cursor[records.Membership]:
        """The practices in a network on a date."""
        return self.members_on(MembershipKind.NETWORK, network, on)

    def commissioner_members(self, commissioner: str,
                             on: DateLike) -> Cursor[records.Membership]:
        """The practices in a commissioner on a date."""
        return self.members_on(MembershipKind.COMMISSIONER, commissioner, on)

    # ---- memberships -------------------------------------------------------------------

    def memberships(self, kind: Any, **filters: Any) -> Cursor[records.Membership]:
        """Membership periods of one kind (the library requires it); filters:
        practice, organisation, on, since, until, limit, offset."""
        filters["kind"] = MembershipKind.coerce(kind, "kind")
        return self._list(E.MEMBERSHIP, filters, "memberships()")

    def membership(self, kind: Any, practice: str,
                   from_date: DateLike) -> records.Membership:
        """The period of a practice that starts on ``from_date``."""
        return self._get(E.MEMBERSHIP, lib.pcreg_membership_get,
                         [_kind(kind), text_in(practice, "practice"),
                          date_in(from_date, "from_date")])

    def join(self, kind: Any, practice: str, organisation: str, from_date: DateLike,
             to_date: Optional[DateLike] = None) -> None:
        """Add a period: the practice is in ``organisation`` from ``from_date``
        (to ``to_date``, its last day, or open-ended). ConflictError if it overlaps."""
        self._check(lib.pcreg_membership_join(
            self._db, _kind(kind), text_in(practice, "practice"),
            text_in(organisation, "organisation"), date_in(from_date, "from_date"),
            date_in(to_date, "to_date")))

    def leave(self, kind: Any, practice: str, on: DateLike) -> None:
        """End the period covering ``on``, with ``on`` as its last day."""
        self._check(lib.pcreg_membership_leave(self._db, _kind(kind),
                                               text_in(practice, "practice"),
                                               date_in(on, "on")))

    def move(self, kind: Any, practice: str, organisation: str, from_date: DateLike) -> None:
        """End the current period the day before ``from_date`` and start one in
        ``organisation``; ExistsError if it is already there."""
        self._check(lib.pcreg_membership_move(
            self._db, _kind(kind), text_in(practice, "practice"),
            text_in(organisation, "organisation"), date_in(from_date, "from_date")))

    def _update_membership(self, m: records.Membership) -> None:
        out = POINTER(_ffi.pcreg_membership)()
        self._check(lib.pcreg_membership_get(self._db, _kind(m.kind),
                                             text_in(m.practice, "practice"),
                                             date_in(m.from_date, "from_date"), byref(out)))
        try:
            self._check(lib.pcreg_membership_set_organisation(
                out, text_in(m.organisation, "organisation")))
            self._check(lib.pcreg_membership_set_to_date(out, date_in(m.to_date, "to_date")))
            self._check(lib.pcreg_membership_update(self._db, out))
        finally:
            lib.pcreg_membership_free(out)

    def delete_membership(self, kind: Any, practice: str, from_date: DateLike) -> None:
        """Delete the period of a practice that starts on ``from_date``."""
        self._check(lib.pcreg_membership_delete(self._db, _kind(kind),
                                                text_in(practice, "practice"),
                                                date_in(from_date, "from_date")))

    # ---- how the past is known -------------------------------------------------------

    def membership_answer(self, kind: Any, practice: str, on: DateLike) -> records.Answer:
        """Which organisation (commissioner, network or federation) a practice
        was in on a date, with how that is known and the release it rests on.

        Unlike :meth:`membership_on`, a date no evidence covers is an answer
        (certainty NOT_KNOWN), not None.
        """
        out = POINTER(_ffi.pcreg_answer)()
        kind_value = _kind(kind)
        self._check(lib.pcreg_membership_answer(self._db, kind_value,
                                                text_in(practice, "practice"),
                                                date_in(on, "on"), byref(out)))
        try:
            return records.Answer(
                kind=MembershipKind(kind_value), practice=practice,
                date=date_out(date_in(on, "on")),
                certainty=Certainty(lib.pcreg_answer_certainty(out)),
                organisation=text_out(lib.pcreg_answer_organisation(out)),
                from_date=date_out(lib.pcreg_answer_from_date(out)),
                to_date=date_out(lib.pcreg_answer_to_date(out)),
                window_to=date_out(lib.pcreg_answer_window_to(out)),
                release_kind=text_out(lib.pcreg_answer_release_kind(out)),
                release_date=date_out(lib.pcreg_answer_release_date(out)))
        finally:
            lib.pcreg_answer_free(out)

    def releases(self, kind: Optional[str] = None) -> List[records.Release]:
        """Every release loaded (of one kind, e.g. "epraccur", if given), in
        release order: by release date, then digest, kinds together."""
        found: Dict[int, records.Release] = {}
        with self.imports() as entries:
            for entry in entries:
                if not entry.release_id or (kind is not None and entry.kind != kind):
                    continue
                seen = found.get(entry.release_id)
                if seen is None:
                    found[entry.release_id] = records.Release(
                        id=entry.release_id, kind=entry.kind, release_date=entry.release_date,
                        date_basis=entry.release_date_basis, digest=entry.release_digest,
                        imports=(entry.id,), file_names=(entry.file_name or "",))
                else:
                    found[entry.release_id] = dataclasses.replace(
                        seen, imports=seen.imports + (entry.id,),
                        file_names=seen.file_names + (entry.file_name or "",))
        return sorted(found.values(),
                      key=lambda r: (r.release_date or datetime.date.min, r.digest or "",
                                     r.kind or ""))

    def latest_release(self, kind: Optional[str] = None) -> Optional[records.Release]:
        """The newest release by release date (of one kind, if given); None when none."""
        found = self.releases(kind)
        return found[-1] if found else None

    def release_changes(self, release: Union[int, records.Release]) -> Cursor[records.Change]:
        """What a release changed in the derived history, whatever order the
        files were loaded in (seconds on a national registry)."""
        it = POINTER(_ffi.pcreg_change_iter)()
        self._check(lib.pcreg_journal_release_changes(self._db, _release_id(release),
                                                      byref(it)))
        return self._cursor(E.CHANGE, it, "change")

    def release_summary(self, release: Union[int, records.Release]) -> records.ImportSummary:
        """What a release changed, counted (see :meth:`release_changes`)."""
        return self._get(E.SUMMARY, lib.pcreg_journal_release_summary,
                         [_release_id(release)])

    def known_at(self, on: DateLike) -> "Registry":
        """The registry as it was known at a date: a read-only copy in memory
        whose history is derived from the releases dated on or before ``on``
        only. Ask it anything to reproduce what was known then; close it
        (or use ``with``) when done. Takes seconds on a national registry.
        """
        out = POINTER(_ffi.pcreg_db)()
        st = lib.pcreg_db_known_at(self._db, date_in(on, "on"), byref(out))
        if st < 0:
            lib.pcreg_db_close(out)
            self._check(st)
        return Registry(out)

    # ---- reports -----------------------------------------------------------------------

    def _report(self, name: str, entity: E.Entity, iter_prefix: str, on: DateLike,
                commissioners: Any = None, service: Optional[str] = None,
                min_population: Optional[int] = None,
                max_population: Optional[int] = None) -> Cursor[Any]:
        opts = _ffi.pcreg_report_options()
        self._check(lib.pcreg_report_options_init(byref(opts), _ffi.REPORT_OPTIONS_VERSION))
        if on is None:
            raise invalid("report: the date (on) is required")
        opts.on = date_in(on, "on")
        opts.commissioner = codes_in(commissioners, "commissioners")
        opts.service = text_in(service, "service")
        if min_population is not None:
            opts.min_population = int_in(min_population, "min_population", 32)
        if max_population is not None:
            opts.max_population = int_in(max_population, "max_population", 32)
        it = POINTER(getattr(_ffi, "pcreg_%s_iter" % iter_prefix))()
        self._check(getattr(lib, "pcreg_report_" + name)(self._db, byref(opts), byref(it)))
        return self._cursor(entity, it, iter_prefix)

    def report_cqc(self, on: DateLike, commissioners: Any = None) -> Cursor[records.CqcRow]:
        """CQC outcomes per commissioner on a date (seed 004), then a totals row.

        ``commissioners``: a code, codes, or None for all.
        """
        return self._report("cqc", E.CQC_ROW, "cqc", on, commissioners)

    def report_pms(self, on: DateLike, commissioners: Any = None) -> Cursor[records.PmsRow]:
        """PMS practices and premiums per commissioner on a date."""
        return self._report("pms", E.PMS_ROW, "pms", on, commissioners)

    def report_commissioning(self, on: DateLike,
                             regions: Any = None) -> Cursor[records.CommissioningRow]:
        """Co-commissioning levels per region on a date (``regions``: region codes)."""
        return self._report("commissioning", E.COMMISSIONING_ROW, "commissioning", on, regions)

    def report_networks(self, on: DateLike, commissioners: Any = None,
                        min_population: Optional[int] = None,
                        max_population: Optional[int] = None
                        ) -> Cursor[records.NetworkPopulationRow]:
        """Network populations on a date, flagging those outside the bounds."""
        return self._report("networks", E.NETWORK_POPULATION_ROW, "network_population", on,
                            commissioners, min_population=min_population,
                            max_population=max_population)

    def report_scheme(self, on: DateLike, service: str,
                      commissioners: Any = None) -> Cursor[records.SchemeRow]:
        """How many practices per commissioner take part in a scheme (service) on a date."""
        return self._report("scheme", E.SCHEME_ROW, "scheme", on, commissioners,
                            service=service)

    # ---- imports -----------------------------------------------------------------------

    def _import_options(self, kind: Any, mode: Any, released: DateLike = None) -> Any:
        opts = _ffi.pcreg_import_options()
        self._check(lib.pcreg_import_options_init(byref(opts), _ffi.IMPORT_OPTIONS_VERSION))
        opts.kind = int(ImportKind.coerce(kind, "kind"))
        opts.mode = int(ImportMode.coerce(mode, "mode"))
        # ctypes keeps the bytes alive as long as the structure
        opts.released = date_in(released, "released")
        return opts

    def import_file(self, path: Union[str, "os.PathLike[str]"], kind: Any = "auto",
                    mode: Any = "strict", released: DateLike = None) -> records.ImportReport:
        """Import a national file (or this library's export) in one transaction.

        ``kind`` is an :class:`ImportKind` or its word ('epraccur', 'succ',
        ...; 'auto' tells from the content); ``mode`` 'strict' (stop at the
        first bad row, change nothing) or 'lenient' (skip and report bad
        rows); ``released`` the date the file's contents describe (else the
        file's own, or its latest date). A failure raises with ``.report``
        set when the file was read.
        """
        opts = self._import_options(kind, mode, released)
        out = POINTER(_ffi.pcreg_import_report)()
        st = lib.pcreg_import_file(self._db, path_in(path), byref(opts), byref(out))
        try:
            report = E.read_import_report(out) if out else None
        finally:
            lib.pcreg_import_report_free(out)
        if st < 0:
            err = _status_error(st, self._handle)
            err.report = report
            raise err
        assert report is not None
        return report

    def open_import(self, path: Union[str, "os.PathLike[str]"], kind: Any = "auto",
                    mode: Any = "strict", rows_per_step: int = 1000,
                    released: DateLike = None) -> ImportJob:
        """Start an import to run a step at a time (for progress); see :class:`ImportJob`."""
        opts = self._import_options(kind, mode, released)
        out = POINTER(_ffi.pcreg_import)()
        self._check(lib.pcreg_import_open(self._db, path_in(path), byref(opts), byref(out)))
        return ImportJob(self, out, int_in(rows_per_step, "rows_per_step", 32))

    def detect_kind(self, path: Union[str, "os.PathLike[str]"]) -> ImportKind:
        """What kind of file the content says ``path`` is."""
        out = c_int()
        self._check(lib.pcreg_import_detect(self._db, path_in(path), byref(out)))
        return ImportKind(out.value)

    # ---- the journal -------------------------------------------------------------------

    def imports(self) -> Cursor[records.Import]:
        """Every import the journal recorded, oldest first."""
        it = POINTER(_ffi.pcreg_import_entry_iter)()
        self._check(lib.pcreg_journal_imports(self._db, byref(it)))
        return self._cursor(E.IMPORT_ENTRY, it, "import_entry")

    def import_entry(self, id: int) -> records.Import:
        """One import from the journal."""
        return self._get(E.IMPORT_ENTRY, lib.pcreg_journal_import_get, [int_in(id, "id")])

    def changes(self, *, import_id: Optional[int] = None, code: Optional[str] = None,
                since: Optional[DateLike] = None, until: Optional[DateLike] = None,
                limit: Optional[int] = None,
                offset: Optional[int] = None) -> Cursor[records.Change]:
        """Changes imports made: of one import, to one code, or effective in a date range."""
        query = _ffi.pcreg_change_query()
        self._check(lib.pcreg_change_query_init(byref(query), _ffi.CHANGE_QUERY_VERSION))
        E.fill_query(query, {"import_id": ("import_id", E.INT, None),
                             "code": ("code", E.STR, None), "since": ("from", E.DATE, None),
                             "until": ("to", E.DATE, None), "limit": ("limit", "cint", None),
                             "offset": ("offset", "cint", None)},
                     dict(import_id=import_id, code=code, since=since, until=until,
                          limit=limit, offset=offset), "changes()")
        it = POINTER(_ffi.pcreg_change_iter)()
        self._check(lib.pcreg_journal_changes(self._db, byref(query), byref(it)))
        return self._cursor(E.CHANGE, it, "change")

    def rejections(self, import_id: int) -> Cursor[records.Rejection]:
        """The rows a lenient import left out: line, column and why."""
        it = POINTER(_ffi.pcreg_rejection_iter)()
        self._check(lib.pcreg_journal_rejections(self._db, int_in(import_id, "import_id"),
                                                 byref(it)))
        return self._cursor(E.REJECTION, it, "rejection")

    def summary(self, import_id: int) -> records.ImportSummary:
        """What one import meant for practices: opened, closed, renamed, moved, succeeded."""
        return self._get(E.SUMMARY, lib.pcreg_journal_summary, [int_in(import_id, "import_id")])

    # ---- export and check --------------------------------------------------------------

    def export_file(self, entity: str, path: Union[str, "os.PathLike[str]"],
                    format: Any = "csv") -> None:
        """Write an entity ('practice', ... see :func:`pcreg.export_entities`) to a
        file as CSV with a header or as JSON Lines ('jsonl'); the file is replaced."""
        self._check(lib.pcreg_export_file(self._db, text_in(entity, "entity"),
                                          int(ExportFormat.coerce(format, "format")),
                                          path_in(path)))

    def export_lines(self, entity: str, format: Any = "csv") -> Cursor[str]:
        """An entity's export a line at a time (without line breaks; CSV: header first)."""
        out = POINTER(_ffi.pcreg_export)()
        self._check(lib.pcreg_export_open(self._db, text_in(entity, "entity"),
                                          int(ExportFormat.coerce(format, "format")),
                                          byref(out)))
        return Cursor(self, out, c_char_p, lib.pcreg_export_next, lib.pcreg_export_free,
                      lambda line: text_out(line.value) or "")

    def check(self) -> List[records.CheckFinding]:
        """Run the integrity, foreign-key and rule checks, then count the data
        notes (quirks of the national files the registry dealt with).

        Findings whose ``severity`` is "error" mean the registry contradicts
        itself; "note" findings (``is_note``) are for information. An empty
        list means all is well and there is nothing to note.
        """
        it = POINTER(_ffi.pcreg_finding_iter)()
        self._check(lib.pcreg_check_run(self._db, byref(it)))
        with self._cursor(E.FINDING, it, "finding") as cursor:
            return list(cursor)


def open(path: Union[str, "os.PathLike[str]"], create: bool = False, readonly: bool = False,
         migrate: bool = False, busy_timeout_ms: Optional[int] = None,
         schema_version: int = 0) -> Registry:
    """Open a registry file (``':memory:'`` for a new one in memory).

    ``create`` makes the file if it is missing; ``readonly`` opens it for
    reading only; ``migrate`` brings an older schema up to date;
    ``busy_timeout_ms`` is how long to wait for another connection's lock
    (default 5000); ``schema_version`` is the version ``create`` and
    ``migrate`` bring the file to (0, the default, is the newest; anything
    else is for testing migrations). Raises
    the status's exception (NotFoundError for a missing file without
    ``create``, NotRegistryError, SchemaTooNewError, NeedsMigrationError...).
    """
    opts = _ffi.pcreg_open_options()
    st = lib.pcreg_open_options_init(byref(opts), _ffi.OPEN_OPTIONS_VERSION)
    if st < 0:
        raise _status_error(st)
    opts.flags = ((_ffi.OPEN_CREATE if create else 0) | (_ffi.OPEN_READONLY if readonly else 0)
                  | (_ffi.OPEN_MIGRATE if migrate else 0))
    if busy_timeout_ms is not None:
        opts.busy_timeout_ms = int_in(busy_timeout_ms, "busy_timeout_ms", 32)
    opts.schema_version = int_in(schema_version, "schema_version", 32)
    db = POINTER(_ffi.pcreg_db)()
    st = lib.pcreg_db_open(path_in(path), byref(opts), byref(db))
    if st < 0:
        err = _status_error(st, db if db else None)
        lib.pcreg_db_close(db)
        raise err
    return Registry(db)


def export_entities() -> List[str]:
    """The entities :meth:`Registry.export_file` knows, in the order to import them back."""
    return [text_out(lib.pcreg_export_entity_name(i)) or ""
            for i in range(lib.pcreg_export_entity_count())]


def schema_latest_version() -> int:
    """The newest schema version this library knows."""
    return lib.pcreg_schema_latest_version()


def version() -> str:
    """The running library's version, e.g. '0.1.0'."""
    return text_out(lib.pcreg_version_string()) or ""


def status_str(status: int) -> str:
    """The library's fixed text for a status."""
    return text_out(lib.pcreg_status_str(int_in(status, "status", 32))) or ""
