"""The records the bindings return, as frozen dataclasses.

Every record is a plain Python copy of what the library gave: the C
record it came from has already been freed by the time you see it, so a
record can be kept, compared, hashed and passed between threads freely.
To change one, make a new one with :func:`dataclasses.replace` and give it
to :meth:`pcreg.Registry.update`.

Conventions: dates are :class:`datetime.date` (None when absent), money is
integer pence (see :func:`pounds`), shares are integer hundredths of a
percent (see :func:`percent`), enumerations are the members of
:mod:`pcreg.enums` (None for "not set").

For analysts, every record has :meth:`Row.as_dict`, the same values as
plain Python (words for enumerations, ISO dates, pounds beside pence,
percentages, named address lines), and :func:`to_dataframe` turns any
iterable of records into a pandas DataFrame.
"""

from __future__ import annotations

import datetime
import dataclasses
import enum
from dataclasses import dataclass, field
from typing import Any, Dict, Iterable, List, Optional, Tuple

from .enums import (ArrangementLevel, Certainty, CommissionerKind, ContractType, EventKind,
                    ImportKind, MembershipKind, NetworkKind, PracticeStatus, Rating)

Date = Optional[datetime.date]

#: The styles :meth:`Row.as_dict` can give dates in.
DATE_STYLES = ("iso", "date")

#: Fields holding money in integer pence, whatever record they are in.
MONEY_FIELDS = frozenset(("pms_premium", "annual_value", "total_premium", "min_premium",
                          "max_premium"))

#: Fields whose values are lists of (reason, count) pairs.
_COUNTED_FIELDS = frozenset(("skip_reasons", "omission_reasons"))

_ADDRESS_LINES = 5


def _plain(value: Any, dates: str) -> Any:
    """One value as plain Python: words for enums, ISO text (or dates) for dates."""
    if isinstance(value, enum.Enum):
        return str(value)
    if isinstance(value, datetime.datetime):
        return value.isoformat() if dates == "iso" else value
    if isinstance(value, datetime.date):
        return value.isoformat() if dates == "iso" else value
    if isinstance(value, Row):
        return value.as_dict(dates)
    if isinstance(value, tuple):
        return [_plain(item, dates) for item in value]
    return value


def _column_names(name: str) -> Tuple[str, ...]:
    """The as_dict keys one dataclass field becomes, in order."""
    if name == "address":
        return tuple("address%d" % line for line in range(1, _ADDRESS_LINES + 1))
    if name in MONEY_FIELDS:
        return (name + "_pence", name + "_pounds")
    if name.endswith("_share"):
        return (name[:-len("_share")] + "_percent",)
    return (name,)


class Row:
    """What every record shares: itself as a plain dict, and its column names."""

    __slots__ = ()

    def as_dict(self, dates: str = "iso") -> Dict[str, Any]:
        """The record's values as plain Python, one key a column.

        Enumerations become the library's word (``"active"``,
        ``"requires_improvement"``), not their number; dates become ISO
        text (``dates="iso"``, the default) or stay :class:`datetime.date`
        (``dates="date"``); money in pence (``pms_premium``) gives two
        keys, ``pms_premium_pence`` (exact integer) and
        ``pms_premium_pounds`` (a float, for arithmetic and charts); a
        share in hundredths of a percent (``good_share``) becomes
        ``good_percent`` (7895 gives 78.95); a practice's address becomes
        ``address1`` .. ``address5``; reasons with counts become a dict;
        nested records become dicts. None stays None.

        Raises:
            ValueError: for a ``dates`` style other than "iso" or "date".
        """
        if dates not in DATE_STYLES:
            raise ValueError("dates must be one of %s, not %r" % (", ".join(DATE_STYLES), dates))
        out: Dict[str, Any] = {}
        for f in dataclasses.fields(self):  # type: ignore[arg-type]
            value = getattr(self, f.name)
            names = _column_names(f.name)
            if f.name == "address":
                lines = tuple(value or ()) + (None,) * _ADDRESS_LINES
                out.update(zip(names, lines[:_ADDRESS_LINES]))
            elif f.name in MONEY_FIELDS:
                out[names[0]] = value
                out[names[1]] = None if value is None else value / 100
            elif f.name.endswith("_share"):
                out[names[0]] = None if value is None else value / 100
            elif f.name in _COUNTED_FIELDS:
                out[names[0]] = {reason: count for reason, count in value}
            elif f.name == "steps":
                out[names[0]] = [{"code": code, "effective_date": _plain(day, dates)}
                                 for code, day in value]
            else:
                out[names[0]] = _plain(value, dates)
        return out

    @classmethod
    def columns(cls) -> List[str]:
        """The keys :meth:`as_dict` gives, in order (for an empty table's header)."""
        names: List[str] = []
        for f in dataclasses.fields(cls):  # type: ignore[arg-type]
            names.extend(_column_names(f.name))
        return names

    @classmethod
    def date_columns(cls) -> List[str]:
        """The keys of :meth:`as_dict` that hold dates or timestamps."""
        hints = {f.name: str(f.type) for f in dataclasses.fields(cls)}  # type: ignore[arg-type]
        return [name for name, hint in hints.items()
                if hint in ("Date", "Optional[datetime.date]", "datetime.date",
                            "Optional[datetime.datetime]")]


def as_dicts(rows: Iterable[Row], dates: str = "iso") -> List[Dict[str, Any]]:
    """Every record of an iterable (a cursor, a list) as :meth:`Row.as_dict` gives it."""
    return [row.as_dict(dates) for row in rows]


def to_dataframe(rows: Iterable[Row], dates: str = "timestamp",
                 row_type: Optional[type] = None) -> Any:
    """The records of an iterable (a cursor, a list) as a pandas DataFrame.

    Columns are those of :meth:`Row.as_dict`. ``dates``: "timestamp" (the
    default) makes date columns pandas datetime64 (NaT when absent);
    "iso" keeps ISO text; "date" keeps :class:`datetime.date` objects.
    ``row_type`` names the record type, so that no rows still gives the
    right columns (a cursor passes its own).

    Raises:
        ImportError: when pandas is not installed, saying how to get it.
        ValueError: for another ``dates`` style.
    """
    if dates not in DATE_STYLES + ("timestamp",):
        raise ValueError("dates must be one of timestamp, iso, date, not %r" % (dates,))
    try:
        import pandas  # type: ignore[import-not-found]
    except ImportError as e:
        raise ImportError(
            "to_dataframe() needs pandas, which this Python cannot import (%s); install it"
            " (Debian: apt-get install python3-pandas; elsewhere: pip install pandas), or use"
            " as_dict()/as_dicts(), which need nothing" % e) from e
    rows = list(rows)
    if rows and row_type is None:
        row_type = type(rows[0])
    records = [row.as_dict("date" if dates == "date" else "iso") for row in rows]
    columns = row_type.columns() if row_type is not None else None
    frame = pandas.DataFrame.from_records(records, columns=columns)
    if dates == "timestamp" and row_type is not None:
        for name in row_type.date_columns():
            if name in frame.columns:
                frame[name] = pandas.to_datetime(frame[name])
    return frame


def pounds(pence: int) -> str:
    """Integer pence as pounds for people: ``pounds(-216) == '-£2.16'``.

    Money crosses the API as integer pence so that sums are exact; this is
    only for display, with thousands separators (``'£1,234.56'``).
    """
    if isinstance(pence, bool) or not isinstance(pence, int):
        raise TypeError("pounds() takes integer pence, not %r" % (pence,))
    sign = "-" if pence < 0 else ""
    whole, part = divmod(abs(pence), 100)
    return "%s£%s.%02d" % (sign, format(whole, ","), part)


def percent(share: int) -> str:
    """A share in hundredths of a percent for people: ``percent(7895) == '78.95%'``.

    Shares are exact integers in the library (rounded half away from zero
    once, there); this only formats one.
    """
    if isinstance(share, bool) or not isinstance(share, int):
        raise TypeError("percent() takes an integer share, not %r" % (share,))
    sign = "-" if share < 0 else ""
    whole, part = divmod(abs(share), 100)
    return "%s%d.%02d%%" % (sign, whole, part)


# ---- entities ---------------------------------------------------------------------


@dataclass(frozen=True)
class Practice(Row):
    """A GP practice (or another prescribing cost centre ODS lists)."""
    code: str
    name: Optional[str] = None
    address: Tuple[Optional[str], ...] = (None, None, None, None, None)
    postcode: Optional[str] = None
    status: Optional[PracticeStatus] = None
    prescribing_setting: Optional[int] = None
    open_date: Date = None
    close_date: Date = None
    phone: Optional[str] = None


@dataclass(frozen=True)
class Commissioner(Row):
    """A CCG, sub-ICB location, ICB, region or other commissioning body."""
    code: str
    kind: Optional[CommissionerKind] = None
    name: Optional[str] = None
    ons_code: Optional[str] = None
    region: Optional[str] = None
    parent: Optional[str] = None
    open_date: Date = None
    close_date: Date = None


@dataclass(frozen=True)
class Succession(Row):
    """One organisation code carried on by another from a date."""
    old_code: str
    new_code: str
    effective_date: Date = None


@dataclass(frozen=True)
class Resolution(Row):
    """Where following successions from a code led, on a date.

    ``steps`` are the (code, effective date) pairs taken, in order; none
    when the code was still in use. ``ambiguous`` is true when a code split
    and the lowest of the new codes was taken.
    """
    code: str
    steps: Tuple[Tuple[str, Date], ...] = ()
    ambiguous: bool = False


@dataclass(frozen=True)
class Arrangement(Row):
    """A commissioner's co-commissioning level for a period; id None until inserted."""
    commissioner: str
    level: Optional[ArrangementLevel] = None
    from_date: Date = None
    to_date: Date = None
    id: Optional[int] = None


@dataclass(frozen=True)
class Network(Row):
    """A primary care network (U code) or a local network."""
    code: str
    kind: Optional[NetworkKind] = None
    name: Optional[str] = None
    commissioner: Optional[str] = None
    open_date: Date = None
    close_date: Date = None


@dataclass(frozen=True)
class NetworkLead(Row):
    """A person leading a network in some role for a period; id None until inserted."""
    network: str
    person: Optional[str] = None
    role: Optional[str] = None
    from_date: Date = None
    to_date: Date = None
    id: Optional[int] = None


@dataclass(frozen=True)
class Federation(Row):
    """A GP federation, keyed by a text id."""
    id: str
    name: Optional[str] = None
    area: Optional[str] = None


@dataclass(frozen=True)
class Membership(Row):
    """A practice's dated period in a commissioner, network or federation.

    ``to_date`` is the last day, None while it lasts.
    """
    kind: MembershipKind
    practice: str
    organisation: str
    from_date: Date
    to_date: Date = None


@dataclass(frozen=True)
class Contract(Row):
    """A contract: a practice's core contract (GMS/PMS/APMS) or a scheme.

    Money is integer pence (``pms_premium``, ``annual_value``), None when
    not known. id is None until inserted.
    """
    type: Optional[ContractType] = None
    practice: Optional[str] = None
    federation: Optional[str] = None
    commissioner: Optional[str] = None
    service: Optional[str] = None
    start_date: Date = None
    end_date: Date = None
    pms_premium: Optional[int] = None
    annual_value: Optional[int] = None
    id: Optional[int] = None


@dataclass(frozen=True)
class Inspection(Row):
    """A CQC inspection and its ratings; id None until inserted."""
    practice: str
    cqc_location_id: Optional[str] = None
    inspection_date: Date = None
    publication_date: Date = None
    overall: Optional[Rating] = None
    safe: Optional[Rating] = None
    effective: Optional[Rating] = None
    caring: Optional[Rating] = None
    responsive: Optional[Rating] = None
    well_led: Optional[Rating] = None
    report_url: Optional[str] = None
    id: Optional[int] = None


@dataclass(frozen=True)
class ListSize(Row):
    """A practice's registered (and weighted, when known) patients at an extract."""
    practice: str
    extract_date: Date
    registered: int = 0
    weighted: Optional[float] = None


@dataclass(frozen=True)
class TimelineEvent(Row):
    """One dated thing that happened to a practice.

    ``value`` is the number the event carries, when it has one (patients
    for a list size, for instance).
    """
    date: Date
    kind: Optional[EventKind]
    subject: Optional[str] = None
    detail: Optional[str] = None
    value: Optional[int] = None


# ---- report rows --------------------------------------------------------------------


@dataclass(frozen=True)
class CqcRow(Row):
    """A row of the CQC report; shares are hundredths of a percent."""
    commissioner: Optional[str]
    name: Optional[str]
    is_total: bool
    practices: int
    published: int
    published_share: int
    not_published: int
    outstanding: int
    outstanding_share: int
    good: int
    good_share: int
    requires_improvement: int
    requires_improvement_share: int
    inadequate: int
    inadequate_share: int
    #: Practices counted whose membership on the date is uncertain (a change
    #: lies in a window around it; see :class:`Answer`).
    uncertain: int = 0


@dataclass(frozen=True)
class PmsRow(Row):
    """A row of the PMS premium report; money in pence, None when there is none."""
    commissioner: Optional[str]
    name: Optional[str]
    practices: int
    pms_practices: int
    total_premium: Optional[int]
    min_premium: Optional[int]
    max_premium: Optional[int]
    #: Practices counted whose membership on the date is uncertain (a change
    #: lies in a window around it; see :class:`Answer`).
    uncertain: int = 0


@dataclass(frozen=True)
class CommissioningRow(Row):
    """A row of the co-commissioning report: commissioners per level in a region."""
    region: Optional[str]
    region_name: Optional[str]
    is_total: bool
    delegated: int
    joint: int
    greater_involvement: int


@dataclass(frozen=True)
class NetworkPopulationRow(Row):
    """A row of the network population report; ``outside`` flags a size outside the bounds."""
    network: Optional[str]
    name: Optional[str]
    commissioner: Optional[str]
    practices: int
    practices_with_list_size: int
    registered: int
    weighted: Optional[float]
    leads: Optional[str]
    outside: bool
    #: Practices counted whose membership on the date is uncertain (a change
    #: lies in a window around it; see :class:`Answer`).
    uncertain: int = 0


@dataclass(frozen=True)
class SchemeRow(Row):
    """A row of the scheme participation report; the share is hundredths of a percent."""
    commissioner: Optional[str]
    name: Optional[str]
    service: Optional[str]
    practices: int
    participating: int
    participating_share: int
    #: Practices counted whose membership on the date is uncertain (a change
    #: lies in a window around it; see :class:`Answer`).
    uncertain: int = 0


# ---- imports, the journal, checks -------------------------------------------------------


@dataclass(frozen=True)
class Rejection(Row):
    """A row an import refused: its line (from 1), the column, and why."""
    line: int
    field: Optional[str]
    reason: Optional[str]


@dataclass(frozen=True)
class ImportReport(Row):
    """What an import did. Every row read is exactly one of inserted,
    updated, unchanged, skipped or rejected.

    ``skip_reasons`` and ``omission_reasons`` map each reason to its count;
    ``rejections`` name the refused rows (up to 1,000). ``id`` is the
    journal's id for the import, 0 when nothing was committed.
    """
    id: int
    kind: Optional[ImportKind]
    file: Optional[str]
    rows_read: int
    inserted: int
    updated: int
    unchanged: int
    skipped: int
    rejected: int
    skip_reasons: Tuple[Tuple[str, int], ...] = ()
    omission_reasons: Tuple[Tuple[str, int], ...] = ()
    rejections: Tuple[Rejection, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class Import(Row):
    """An import as the journal recorded it."""
    id: int
    file_name: Optional[str]
    file_size: int
    sha256: Optional[str]
    kind: Optional[str]
    mode: Optional[str]
    started_at: Optional[datetime.datetime]
    finished_at: Optional[datetime.datetime]
    rows_read: int
    inserted: int
    updated: int
    unchanged: int
    skipped: int
    rejected: int
    #: The release the import was; 0 for a registry file, which is none.
    release_id: int = 0
    release_date: Date = None
    release_date_basis: Optional[str] = None
    release_digest: Optional[str] = None


@dataclass(frozen=True)
class Release(Row):
    """A national file's release: what it says was true on ``release_date``.

    Several imports of one file are one release (``imports`` lists their
    journal ids, oldest first). ``date_basis`` says where the date came
    from: "file" (the file states it), "caller" (given at import),
    "inferred" (the file's latest date) or "migrated" (an older
    registry's import). Releases of one kind and date are ordered by
    ``digest``.
    """
    id: int
    kind: Optional[str]
    release_date: Date
    date_basis: Optional[str]
    digest: Optional[str]
    imports: Tuple[int, ...] = ()
    file_names: Tuple[str, ...] = ()


@dataclass(frozen=True)
class Change(Row):
    """One change an import made: which field of what, from what to what."""
    id: int
    import_id: int
    entity: Optional[str]
    code: Optional[str]
    subkey: Optional[str]
    action: Optional[str]
    field: Optional[str]
    old_value: Optional[str]
    new_value: Optional[str]
    effective_date: Date


@dataclass(frozen=True)
class ImportSummary(Row):
    """What an import meant for practices, counted."""
    opened: int
    closed: int
    renamed: int
    moved_commissioner: int
    moved_network: int
    succeeded: int
    merged_commissioner: int = 0
    reclassified: int = 0
    redated: int = 0


@dataclass(frozen=True)
class CheckFinding(Row):
    """What :meth:`pcreg.Registry.check` found: which check, and what.

    ``severity`` is "error" (the registry contradicts itself) or "note" (a
    quirk of the national files the registry dealt with, counted, with an
    example); ``is_note`` says the same as a bool.
    """
    check: Optional[str]
    detail: Optional[str]
    severity: Optional[str] = None
    is_note: bool = False


@dataclass(frozen=True)
class Answer(Row):
    """Which organisation a practice was in on a date, and how that is known.

    ``certainty`` is :class:`pcreg.Certainty`: STATED (a release gives a
    period covering the date, or it was entered by hand), INFERRED (from a
    succession, or agreeing evidence either side), UNCERTAIN (a change lies
    between this value and the next: it happened after ``to_date`` at the
    latest and by ``window_to``) or NOT_KNOWN (no evidence covers the date;
    ``organisation`` is None). ``from_date``/``to_date`` bound the period
    the answer lies in (``to_date`` None: open-ended). ``release_kind`` and
    ``release_date`` name the release the answer rests on (None for
    hand-entered periods and for not known).
    """
    kind: MembershipKind
    practice: str
    date: Date
    certainty: Certainty
    organisation: Optional[str] = None
    from_date: Date = None
    to_date: Date = None
    window_to: Date = None
    release_kind: Optional[str] = None
    release_date: Date = None
