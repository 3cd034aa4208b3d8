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
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Optional, Tuple

from .enums import (ArrangementLevel, CommissionerKind, ContractType, EventKind, ImportKind,
                    MembershipKind, NetworkKind, PracticeStatus, Rating)

Date = Optional[datetime.date]


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
class Practice:
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
class Commissioner:
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
class Succession:
    """One organisation code carried on by another from a date."""
    old_code: str
    new_code: str
    effective_date: Date = None


@dataclass(frozen=True)
class Resolution:
    """Where following successions from a code led, on a date.

    ``steps`` are the (code, effective date) pairs taken, in order; none
    when the code was still in use. ``ambiguous`` is true when a code split
    and the lowest of the new codes was taken.
    """
    code: str
    steps: Tuple[Tuple[str, Date], ...] = ()
    ambiguous: bool = False


@dataclass(frozen=True)
class Arrangement:
    """A commissioner's co-commissioning level for a period; id None until inserted."""
    commissioner: str
    level: Optional[ArrangementLevel] = None
    from_date: Date = None
    to_date: Date = None
    id: Optional[int] = None


@dataclass(frozen=True)
class Network:
    """A primary care network (U code) or a local network."""
    code: str
    kind: Optional[NetworkKind] = None
    name: Optional[str] = None
    commissioner: Optional[str] = None
    open_date: Date = None
    close_date: Date = None


@dataclass(frozen=True)
class NetworkLead:
    """A person leading a network in some role for a period; id None until inserted."""
    network: str
    person: Optional[str] = None
    role: Optional[str] = None
    from_date: Date = None
    to_date: Date = None
    id: Optional[int] = None


@dataclass(frozen=True)
class Federation:
    """A GP federation, keyed by a text id."""
    id: str
    name: Optional[str] = None
    area: Optional[str] = None


@dataclass(frozen=True)
class Membership:
    """A practice's dated period in a commissioner, network or federation.

    ``to_date`` is the last day, None while it lasts.
    """
    kind: MembershipKind
    practice: str
    organisation: str
    from_date: Date
    to_date: Date = None


@dataclass(frozen=True)
class Contract:
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
class Inspection:
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
class ListSize:
    """A practice's registered (and weighted, when known) patients at an extract."""
    practice: str
    extract_date: Date
    registered: int = 0
    weighted: Optional[float] = None


@dataclass(frozen=True)
class TimelineEvent:
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
class CqcRow:
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


@dataclass(frozen=True)
class PmsRow:
    """A row of the PMS premium report; money in pence, None when there is none."""
    commissioner: Optional[str]
    name: Optional[str]
    practices: int
    pms_practices: int
    total_premium: Optional[int]
    min_premium: Optional[int]
    max_premium: Optional[int]


@dataclass(frozen=True)
class CommissioningRow:
    """A row of the co-commissioning report: commissioners per level in a region."""
    region: Optional[str]
    region_name: Optional[str]
    is_total: bool
    delegated: int
    joint: int
    greater_involvement: int


@dataclass(frozen=True)
class NetworkPopulationRow:
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


@dataclass(frozen=True)
class SchemeRow:
    """A row of the scheme participation report; the share is hundredths of a percent."""
    commissioner: Optional[str]
    name: Optional[str]
    service: Optional[str]
    practices: int
    participating: int
    participating_share: int


# ---- imports, the journal, checks -------------------------------------------------------


@dataclass(frozen=True)
class Rejection:
    """A row an import refused: its line (from 1), the column, and why."""
    line: int
    field: Optional[str]
    reason: Optional[str]


@dataclass(frozen=True)
class ImportReport:
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
class Import:
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


@dataclass(frozen=True)
class Change:
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
class ImportSummary:
    """What an import meant for practices, counted."""
    opened: int
    closed: int
    renamed: int
    moved_commissioner: int
    moved_network: int
    succeeded: int


@dataclass(frozen=True)
class CheckFinding:
    """A problem :meth:`pcreg.Registry.check` found: which check, and what."""
    check: Optional[str]
    detail: Optional[str]
