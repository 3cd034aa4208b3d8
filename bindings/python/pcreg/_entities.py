"""How each record type maps onto its C record: getters, setters, keys, queries.

One table per entity instead of one hand-written function per field: the
C API is regular (``pcreg_<entity>_<field>`` / ``_set_<field>`` /
``_has_<field>`` / ``_clear_<field>``), so reading, writing, getting,
deleting and listing are each written once, in :mod:`pcreg.registry`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, Dict, List, Optional, Sequence, Tuple, Type

from . import _ffi, records
from ._convert import (date_in, date_out, datetime_out, enum_in, enum_out, int_in, text_in,
                       text_out)
from ._ffi import lib
from .enums import (ArrangementLevel, CommissionerKind, ContractType, EventKind, ImportKind,
                    MembershipKind, NetworkKind, PracticeStatus, Rating, _Enum)

# Field kinds.
STR = "str"
DATE = "date"
DATETIME = "datetime"
INT = "int"
BOOL = "bool"
FLOAT = "float"
OPT_INT = "opt_int"      # int64 with _has_ / _clear_
OPT_FLOAT = "opt_float"  # double with _has_ / _clear_
ID = "id"                # int64 row id with _has_id / _clear_id
ENUM = "enum"
ADDRESS = "address"      # practice address lines 1..5


@dataclass(frozen=True)
class Field:
    """One field of a record: its Python name, kind, enum class, and C name."""
    name: str
    kind: str
    enum: Optional[Type[_Enum]] = None
    c_name: Optional[str] = None
    has: Optional[str] = None   # the C "has" function's field name, if not c_name

    @property
    def c(self) -> str:
        return self.c_name or self.name


def F(name: str, kind: str = STR, enum: Optional[Type[_Enum]] = None,
      c_name: Optional[str] = None, has: Optional[str] = None) -> Field:
    return Field(name, kind, enum, c_name, has)


def reader(prefix: str, field: Field) -> Callable[[Any], Any]:
    """A function reading one field from a C record pointer into Python."""
    get = getattr(lib, "pcreg_%s_%s" % (prefix, field.c))
    kind = field.kind
    if kind == STR:
        return lambda p: text_out(get(p))
    if kind == DATE:
        return lambda p: date_out(get(p))
    if kind == DATETIME:
        return lambda p: datetime_out(get(p))
    if kind in (INT, FLOAT):
        return lambda p: get(p)
    if kind == BOOL:
        return lambda p: bool(get(p))
    if kind == ENUM:
        cls = field.enum
        assert cls is not None
        return lambda p: enum_out(cls, get(p))
    if kind in (OPT_INT, OPT_FLOAT, ID):
        has = getattr(lib, "pcreg_%s_has_%s" % (prefix, field.has or field.c))
        return lambda p: get(p) if has(p) else None
    if kind == ADDRESS:
        return lambda p: tuple(text_out(get(p, line)) for line in range(1, 6))
    raise AssertionError(kind)


def writer(prefix: str, field: Field) -> Callable[[Any, Any], int]:
    """A function setting one field of a C record from a Python value; returns a status."""
    set_ = getattr(lib, "pcreg_%s_set_%s" % (prefix, field.c))
    label = "%s.%s" % (prefix, field.name)
    kind = field.kind
    if kind == STR:
        return lambda p, v: set_(p, text_in(v, label))
    if kind == DATE:
        return lambda p, v: set_(p, date_in(v, label))
    if kind == INT:
        return lambda p, v: set_(p, int_in(v, label))
    if kind == FLOAT:
        return lambda p, v: set_(p, float(v))
    if kind == ENUM:
        cls = field.enum
        assert cls is not None
        return lambda p, v: set_(p, enum_in(cls, v, label))
    if kind in (OPT_INT, OPT_FLOAT, ID):
        clear = getattr(lib, "pcreg_%s_clear_%s" % (prefix, field.has or field.c))
        if kind == OPT_FLOAT:
            return lambda p, v: clear(p) if v is None else set_(p, float(v))
        return lambda p, v: clear(p) if v is None else set_(p, int_in(v, label))
    if kind == ADDRESS:
        def set_address(p: Any, v: Any) -> int:
            lines = tuple(v or ())
            if len(lines) > 5:
                from ._convert import invalid
                raise invalid("%s: at most 5 lines, got %d" % (label, len(lines)))
            lines = lines + (None,) * (5 - len(lines))
            for i, line in enumerate(lines, 1):
                st = set_(p, i, text_in(line, "%s[%d]" % (label, i)))
                if st < 0:
                    return st
            return 0
        return set_address
    raise AssertionError(kind)


@dataclass
class Entity:
    """Everything the registry needs to get, list, insert, update and delete one type."""
    record: type
    prefix: str
    fields: Sequence[Field]
    key: Sequence[Field]
    c_type: Any
    iter_type: Any = None
    query: Any = None
    filters: Optional[Dict[str, Tuple[str, str, Optional[Type[_Enum]]]]] = None
    writable: bool = True

    def __post_init__(self) -> None:
        self.readers = [(f.name, reader(self.prefix, f)) for f in self.fields]
        self.writers = ([(f.name, writer(self.prefix, f)) for f in self.fields]
                        if self.writable else [])

    def read(self, ptr: Any) -> Any:
        """Copy a C record into a new dataclass instance."""
        return self.record(**{name: read(ptr) for name, read in self.readers})

    def key_args(self, values: Sequence[Any]) -> List[Any]:
        """Key values as C arguments, in the order the C functions take them."""
        if len(values) != len(self.key):
            raise TypeError("%s is keyed by %s" % (self.record.__name__,
                                                    ", ".join(f.name for f in self.key)))
        out: List[Any] = []
        for f, v in zip(self.key, values):
            label = "%s.%s" % (self.prefix, f.name)
            if f.kind == DATE:
                out.append(date_in(v, label))
            elif f.kind in (INT, ID):
                out.append(int_in(v, label))
            else:
                out.append(text_in(v, label))
        return out


# Query filters: Python keyword -> (struct member, kind, enum class).
# "from"/"to" are Python keywords, so they are spelt since/until.
def _common(**extra: Tuple[str, str, Optional[Type[_Enum]]]) -> Dict[str, Tuple[str, str, Any]]:
    base: Dict[str, Tuple[str, str, Any]] = {"limit": ("limit", "cint", None),
                                             "offset": ("offset", "cint", None)}
    base.update(extra)
    return base


P = _ffi

ENTITIES: Dict[type, Entity] = {}


def _register(entity: Entity) -> None:
    ENTITIES[entity.record] = entity


_register(Entity(
    records.Practice, "practice",
    [F("code"), F("name"), F("address", ADDRESS), F("postcode"),
     F("status", ENUM, PracticeStatus), F("prescribing_setting", OPT_INT),
     F("open_date", DATE), F("close_date", DATE), F("phone")],
    [F("code")], P.pcreg_practice, P.pcreg_practice_iter, P.pcreg_practice_query,
    _common(on=("on", DATE, None), commissioner=("commissioner", STR, None),
            network=("network", STR, None), federation=("federation", STR, None),
            status=("status", ENUM, PracticeStatus), name=("name", STR, None),
            postcode=("postcode", STR, None))))

_register(Entity(
    records.Commissioner, "commissioner",
    [F("code"), F("kind", ENUM, CommissionerKind), F("name"), F("ons_code"), F("region"),
     F("parent"), F("open_date", DATE), F("close_date", DATE)],
    [F("code")], P.pcreg_commissioner, P.pcreg_commissioner_iter, P.pcreg_commissioner_query,
    _common(kind=("kind", ENUM, CommissionerKind), parent=("parent", STR, None),
            region=("region", STR, None), name=("name", STR, None), on=("on", DATE, None))))

_register(Entity(
    records.Succession, "succession",
    [F("old_code"), F("new_code"), F("effective_date", DATE)],
    [F("old_code"), F("new_code")], P.pcreg_succession, P.pcreg_succession_iter,
    P.pcreg_succession_query,
    _common(old_code=("old_code", STR, None), new_code=("new_code", STR, None),
            since=("from", DATE, None), until=("to", DATE, None))))

_register(Entity(
    records.Arrangement, "arrangement",
    [F("commissioner"), F("level", ENUM, ArrangementLevel), F("from_date", DATE),
     F("to_date", DATE), F("id", ID)],
    [F("id", ID)], P.pcreg_arrangement, P.pcreg_arrangement_iter, P.pcreg_arrangement_query,
    _common(commissioner=("commissioner", STR, None), level=("level", ENUM, ArrangementLevel),
            on=("on", DATE, None))))

_register(Entity(
    records.Network, "network",
    [F("code"), F("kind", ENUM, NetworkKind), F("name"), F("commissioner"),
     F("open_date", DATE), F("close_date", DATE)],
    [F("code")], P.pcreg_network, P.pcreg_network_iter, P.pcreg_network_query,
    _common(kind=("kind", ENUM, NetworkKind), commissioner=("commissioner", STR, None),
            name=("name", STR, None), on=("on", DATE, None))))

_register(Entity(
    records.NetworkLead, "network_lead",
    [F("network"), F("person"), F("role"), F("from_date", DATE), F("to_date", DATE),
     F("id", ID)],
    [F("id", ID)], P.pcreg_network_lead, P.pcreg_network_lead_iter, P.pcreg_network_lead_query,
    _common(network=("network", STR, None), on=("on", DATE, None))))

_register(Entity(
    records.Federation, "federation",
    [F("id"), F("name"), F("area")],
    [F("id")], P.pcreg_federation, P.pcreg_federation_iter, P.pcreg_federation_query,
    _common(name=("name", STR, None), area=("area", STR, None))))

_register(Entity(
    records.Contract, "contract",
    [F("type", ENUM, ContractType), F("practice"), F("federation"), F("commissioner"),
     F("service"), F("start_date", DATE), F("end_date", DATE), F("pms_premium", OPT_INT),
     F("annual_value", OPT_INT), F("id", ID)],
    [F("id", ID)], P.pcreg_contract, P.pcreg_contract_iter, P.pcreg_contract_query,
    _common(practice=("practice", STR, None), federation=("federation", STR, None),
            commissioner=("commissioner", STR, None), type=("type", ENUM, ContractType),
            service=("service", STR, None), on=("on", DATE, None))))

_register(Entity(
    records.Inspection, "inspection",
    [F("practice"), F("cqc_location_id"), F("inspection_date", DATE),
     F("publication_date", DATE), F("overall", ENUM, Rating), F("safe", ENUM, Rating),
     F("effective", ENUM, Rating), F("caring", ENUM, Rating), F("responsive", ENUM, Rating),
     F("well_led", ENUM, Rating), F("report_url"), F("id", ID)],
    [F("id", ID)], P.pcreg_inspection, P.pcreg_inspection_iter, P.pcreg_inspection_query,
    _common(practice=("practice", STR, None), published_from=("published_from", DATE, None),
            published_to=("published_to", DATE, None), overall=("overall", ENUM, Rating))))

_register(Entity(
    records.ListSize, "list_size",
    [F("practice"), F("extract_date", DATE), F("registered", INT),
     F("weighted", OPT_FLOAT)],
    [F("practice"), F("extract_date", DATE)], P.pcreg_list_size, P.pcreg_list_size_iter,
    P.pcreg_list_size_query,
    _common(practice=("practice", STR, None), since=("from", DATE, None),
            until=("to", DATE, None))))

# Memberships have no _new or _set_ for every field; the registry writes them
# through join/leave/move and get + set + update, and only reads them here.
MEMBERSHIP = Entity(
    records.Membership, "membership",
    [F("kind", ENUM, MembershipKind), F("practice"), F("organisation"),
     F("from_date", DATE), F("to_date", DATE)],
    [F("practice"), F("from_date", DATE)], P.pcreg_membership, P.pcreg_membership_iter,
    P.pcreg_membership_query,
    _common(kind=("kind", ENUM, MembershipKind), practice=("practice", STR, None),
            organisation=("organisation", STR, None), on=("on", DATE, None),
            since=("from", DATE, None), until=("to", DATE, None)),
    writable=False)

# ---- read-only rows -------------------------------------------------------------------


def rows(record: type, prefix: str, fields: Sequence[Field], c_type: Any) -> Entity:
    """A read-only row type (report rows, journal entries, findings)."""
    return Entity(record, prefix, fields, [], c_type, writable=False)


EVENT = rows(records.TimelineEvent, "event",
             [F("date", DATE), F("kind", ENUM, EventKind), F("subject"), F("detail"),
              F("value", OPT_INT)], P.pcreg_event)

CQC_ROW = rows(records.CqcRow, "cqc_row",
               [F("commissioner"), F("name"), F("is_total", BOOL), F("practices", INT),
                F("published", INT), F("published_share", INT), F("not_published", INT),
                F("outstanding", INT), F("outstanding_share", INT), F("good", INT),
                F("good_share", INT), F("requires_improvement", INT),
                F("requires_improvement_share", INT), F("inadequate", INT),
                F("inadequate_share", INT), F("uncertain", INT)], P.pcreg_cqc_row)

PMS_ROW = rows(records.PmsRow, "pms_row",
               [F("commissioner"), F("name"), F("practices", INT), F("pms_practices", INT),
                F("total_premium", OPT_INT),
                F("min_premium", OPT_INT, has="premiums"),
                F("max_premium", OPT_INT, has="premiums"), F("uncertain", INT)],
               P.pcreg_pms_row)

COMMISSIONING_ROW = rows(records.CommissioningRow, "commissioning_row",
                         [F("region"), F("region_name"), F("is_total", BOOL),
                          F("delegated", INT), F("joint", INT),
                          F("greater_involvement", INT)], P.pcreg_commissioning_row)

NETWORK_POPULATION_ROW = rows(
    records.NetworkPopulationRow, "network_population_row",
    [F("network"), F("name"), F("commissioner"), F("practices", INT),
     F("practices_with_list_size", INT), F("registered", INT), F("weighted", OPT_FLOAT),
     F("leads"), F("outside", BOOL), F("uncertain", INT)], P.pcreg_network_population_row)

SCHEME_ROW = rows(records.SchemeRow, "scheme_row",
                  [F("commissioner"), F("name"), F("service"), F("practices", INT),
                   F("participating", INT), F("participating_share", INT),
                   F("uncertain", INT)], P.pcreg_scheme_row)

IMPORT_ENTRY = rows(records.Import, "import_entry",
                    [F("id", INT), F("file_name"), F("file_size", INT), F("sha256"),
                     F("kind"), F("mode"), F("started_at", DATETIME),
                     F("finished_at", DATETIME), F("rows_read", INT), F("inserted", INT),
                     F("updated", INT), F("unchanged", INT), F("skipped", INT),
                     F("rejected", INT), F("release_id", INT), F("release_date", DATE),
                     F("release_date_basis"), F("release_digest")], P.pcreg_import_entry)

CHANGE = rows(records.Change, "change",
              [F("id", INT), F("import_id", INT), F("entity"), F("code"), F("subkey"),
               F("action"), F("field"), F("old_value"), F("new_value"),
               F("effective_date", DATE)], P.pcreg_change)

SUMMARY = rows(records.ImportSummary, "import_summary",
               [F("opened", INT), F("closed", INT), F("renamed", INT),
                F("moved_commissioner", INT), F("moved_network", INT),
                F("succeeded", INT), F("merged_commissioner", INT), F("reclassified", INT),
                F("redated", INT)], P.pcreg_import_summary)

FINDING = rows(records.CheckFinding, "finding",
               [F("check"), F("detail"), F("severity"), F("is_note", BOOL)], P.pcreg_finding)

REJECTION = rows(records.Rejection, "rejection",
                 [F("line", INT), F("field"), F("reason")], P.pcreg_rejection)


def read_import_report(ptr: Any) -> records.ImportReport:
    """Copy a C import report, with its reasons and rejected rows."""
    def count(name: str) -> int:
        return getattr(lib, "pcreg_import_report_" + name)(ptr)

    skips = tuple((text_out(lib.pcreg_import_report_skip_reason(ptr, i)) or "",
                   lib.pcreg_import_report_skip_count(ptr, i))
                  for i in range(lib.pcreg_import_report_skip_reasons(ptr)))
    omissions = tuple((text_out(lib.pcreg_import_report_omission_reason(ptr, i)) or "",
                       lib.pcreg_import_report_omission_count(ptr, i))
                      for i in range(lib.pcreg_import_report_omission_reasons(ptr)))
    rejections = tuple(records.Rejection(
        lib.pcreg_import_report_rejection_line(ptr, i),
        text_out(lib.pcreg_import_report_rejection_field(ptr, i)),
        text_out(lib.pcreg_import_report_rejection_reason(ptr, i)))
        for i in range(lib.pcreg_import_report_rejections(ptr)))
    return records.ImportReport(
        id=count("id"), kind=enum_out(ImportKind, count("kind")),
        file=text_out(lib.pcreg_import_report_file(ptr)), rows_read=count("rows_read"),
        inserted=count("inserted"), updated=count("updated"), unchanged=count("unchanged"),
        skipped=count("skipped"), rejected=count("rejected"), skip_reasons=skips,
        omission_reasons=omissions, rejections=rejections)


def fill_query(query: Any, filters: Dict[str, Tuple[str, str, Any]], given: Dict[str, Any],
               what: str) -> None:
    """Set a query struct's members from keyword filters (None leaves the default)."""
    from ._convert import check_keys
    check_keys(given, filters, what)
    for key, value in given.items():
        if value is None:
            continue
        member, kind, cls = filters[key]
        label = "%s: %s" % (what, key)
        if kind == STR:
            setattr(query, member, text_in(value, label))
        elif kind == DATE:
            setattr(query, member, date_in(value, label))
        elif kind == ENUM:
            setattr(query, member, enum_in(cls, value, label))
        elif kind == "cint":
            setattr(query, member, int_in(value, label, 32))
        elif kind == INT:
            setattr(query, member, int_in(value, label))
        else:
            raise AssertionError(kind)


__all__ = ["ENTITIES", "MEMBERSHIP", "Entity", "fill_query", "read_import_report"]
