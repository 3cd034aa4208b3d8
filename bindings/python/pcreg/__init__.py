"""Python bindings of libpcreg, the registry of English NHS primary care.

Standard library only: the shared library is loaded with ctypes (see
:mod:`pcreg._ffi` for where it is looked for). Start with :func:`open`::

    import pcreg
    with pcreg.open("registry.db", readonly=True) as reg:
        print(reg.practice_network("E91002", "2019-07-01"))
        for row in reg.report_cqc("2017-04-18", ["07L", "08F", "08N"]):
            print(row.name, row.practices, pcreg.percent(row.published_share))

Every failure raises a subclass of :class:`Error` (one per status of the C
library); records are frozen dataclasses with ``as_dict()``; lists are
iterators that free their C side as soon as they are exhausted or closed,
with ``to_dataframe()`` for pandas.
"""

from __future__ import annotations

from ._ffi import ABI_MAJOR, LIBRARY_PATH
from .enums import (ArrangementLevel, Certainty, CommissionerKind, ContractType, EventKind, ExportFormat,
                    ImportKind, ImportMode, MembershipKind, NetworkKind, PracticeStatus, Rating)
from .errors import (BusyError, ClosedError, ConflictError, ConstraintError, CorruptError,
                     CycleError, Error, ExistsError, GeneralError, InputOutputError,
                     InvalidError, LibraryNotFoundError, MisuseError, NeedsMigrationError,
                     NoMemoryError, NotFoundError, NotRegistryError, ReadOnlyError,
                     SchemaError, SchemaMismatchError, SchemaTooNewError, error_class)
from .records import (Answer, Arrangement, Change, CheckFinding, CommissioningRow,
                      Commissioner, Contract, CqcRow, Federation, Import, ImportReport,
                      ImportSummary, Inspection, ListSize, Membership, Network, NetworkLead,
                      NetworkPopulationRow, PmsRow, Practice, Rejection, Release, Resolution,
                      Row, SchemeRow, Succession, TimelineEvent, as_dicts, percent, pounds,
                      to_dataframe)
from .registry import (Cursor, ImportJob, Registry, export_entities, open,
                       schema_latest_version, status_str, version)

__version__ = version()

__all__ = [
    "ABI_MAJOR", "LIBRARY_PATH", "__version__",
    "open", "Registry", "Cursor", "ImportJob", "export_entities", "schema_latest_version",
    "status_str", "version", "pounds", "percent", "error_class", "as_dicts", "to_dataframe",
    # enums
    "ArrangementLevel", "Certainty", "CommissionerKind", "ContractType", "EventKind", "ExportFormat",
    "ImportKind", "ImportMode", "MembershipKind", "NetworkKind", "PracticeStatus", "Rating",
    # errors
    "Error", "GeneralError", "NoMemoryError", "NotFoundError", "ExistsError", "InvalidError",
    "ConstraintError", "ConflictError", "BusyError", "ReadOnlyError", "InputOutputError",
    "CorruptError", "MisuseError", "ClosedError", "SchemaError", "NeedsMigrationError",
    "SchemaTooNewError", "SchemaMismatchError", "NotRegistryError", "CycleError",
    "LibraryNotFoundError",
    # records
    "Row", "Answer", "Release", "Practice", "Commissioner", "Succession", "Resolution", "Arrangement", "Network",
    "NetworkLead", "Federation", "Membership", "Contract", "Inspection", "ListSize",
    "TimelineEvent", "CqcRow", "PmsRow", "CommissioningRow", "NetworkPopulationRow",
    "SchemeRow", "Rejection", "ImportReport", "Import", "Change", "ImportSummary",
    "CheckFinding",
]
