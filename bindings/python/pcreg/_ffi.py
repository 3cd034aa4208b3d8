"""The C declarations of libpcreg, and finding and loading the library.

This module is the one place that says how each C function is called:
every public function of the headers in ``include/pcreg/`` is declared
here with its argument and result types (``tests/python`` checks them
against the headers, and the option and query structs against the C
compiler's layout). Nothing else in the package touches ctypes
declarations.

Type rules: ``int64_t`` is ``c_int64``, ``int32_t`` is ``c_int32``, enums
and ``pcreg_status`` are ``c_int``, text in is ``c_char_p`` (UTF-8 bytes),
and text out is ``c_char_p`` too, which ctypes copies into ``bytes`` at
once: every string the library returns is borrowed, so it is copied and
never freed. Records and iterators are opaque: pointers to empty
``Structure`` subclasses named as the C types, so that a pointer of one
type cannot be passed where another is expected.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import glob
import os
from ctypes import (POINTER, Structure, c_char_p, c_double, c_int, c_int32, c_int64,
                    c_uint, c_void_p)
from typing import List, Optional, Tuple

from .errors import LibraryNotFoundError

P = POINTER
STATUS = c_int  # pcreg_status
ENUM = c_int    # every other enum of the headers

#: The major version these bindings were written for (the soname's number).
ABI_MAJOR = 0

# ---- versions of the option and query structs (the *_VERSION macros) -----------

OPEN_OPTIONS_VERSION = 1
PRACTICE_QUERY_VERSION = 1
COMMISSIONER_QUERY_VERSION = 1
SUCCESSION_QUERY_VERSION = 1
ARRANGEMENT_QUERY_VERSION = 1
NETWORK_QUERY_VERSION = 1
NETWORK_LEAD_QUERY_VERSION = 1
FEDERATION_QUERY_VERSION = 1
MEMBERSHIP_QUERY_VERSION = 1
CONTRACT_QUERY_VERSION = 1
INSPECTION_QUERY_VERSION = 1
LIST_SIZE_QUERY_VERSION = 1
REPORT_OPTIONS_VERSION = 1
IMPORT_OPTIONS_VERSION = 2
CHANGE_QUERY_VERSION = 1

# Open flags (db.h).
OPEN_CREATE = 1
OPEN_READONLY = 2
OPEN_MIGRATE = 4


def _opaque(name: str) -> type:
    """A distinct ctypes type for an opaque C struct."""
    return type(name, (Structure,), {"__doc__": "Opaque C type %s." % name})


pcreg_db = _opaque("pcreg_db")
pcreg_practice = _opaque("pcreg_practice")
pcreg_practice_iter = _opaque("pcreg_practice_iter")
pcreg_commissioner = _opaque("pcreg_commissioner")
pcreg_commissioner_iter = _opaque("pcreg_commissioner_iter")
pcreg_succession = _opaque("pcreg_succession")
pcreg_succession_iter = _opaque("pcreg_succession_iter")
pcreg_resolution = _opaque("pcreg_resolution")
pcreg_arrangement = _opaque("pcreg_arrangement")
pcreg_arrangement_iter = _opaque("pcreg_arrangement_iter")
pcreg_network = _opaque("pcreg_network")
pcreg_network_iter = _opaque("pcreg_network_iter")
pcreg_network_lead = _opaque("pcreg_network_lead")
pcreg_network_lead_iter = _opaque("pcreg_network_lead_iter")
pcreg_federation = _opaque("pcreg_federation")
pcreg_federation_iter = _opaque("pcreg_federation_iter")
pcreg_membership = _opaque("pcreg_membership")
pcreg_membership_iter = _opaque("pcreg_membership_iter")
pcreg_contract = _opaque("pcreg_contract")
pcreg_contract_iter = _opaque("pcreg_contract_iter")
pcreg_inspection = _opaque("pcreg_inspection")
pcreg_inspection_iter = _opaque("pcreg_inspection_iter")
pcreg_list_size = _opaque("pcreg_list_size")
pcreg_list_size_iter = _opaque("pcreg_list_size_iter")
pcreg_event = _opaque("pcreg_event")
pcreg_timeline_iter = _opaque("pcreg_timeline_iter")
pcreg_cqc_row = _opaque("pcreg_cqc_row")
pcreg_cqc_iter = _opaque("pcreg_cqc_iter")
pcreg_pms_row = _opaque("pcreg_pms_row")
pcreg_pms_iter = _opaque("pcreg_pms_iter")
pcreg_commissioning_row = _opaque("pcreg_commissioning_row")
pcreg_commissioning_iter = _opaque("pcreg_commissioning_iter")
pcreg_network_population_row = _opaque("pcreg_network_population_row")
pcreg_network_population_iter = _opaque("pcreg_network_population_iter")
pcreg_scheme_row = _opaque("pcreg_scheme_row")
pcreg_scheme_iter = _opaque("pcreg_scheme_iter")
pcreg_import = _opaque("pcreg_import")
pcreg_import_report = _opaque("pcreg_import_report")
pcreg_import_entry = _opaque("pcreg_import_entry")
pcreg_import_entry_iter = _opaque("pcreg_import_entry_iter")
pcreg_rejection = _opaque("pcreg_rejection")
pcreg_rejection_iter = _opaque("pcreg_rejection_iter")
pcreg_import_plan = _opaque("pcreg_import_plan")
pcreg_change = _opaque("pcreg_change")
pcreg_change_iter = _opaque("pcreg_change_iter")
pcreg_import_summary = _opaque("pcreg_import_summary")
pcreg_export = _opaque("pcreg_export")
pcreg_finding = _opaque("pcreg_finding")
pcreg_finding_iter = _opaque("pcreg_finding_iter")
pcreg_answer = _opaque("pcreg_answer")


# ---- the public structs, member for member as in the headers ------------------

class pcreg_open_options(Structure):
    _fields_ = [("version", c_uint), ("flags", c_int), ("busy_timeout_ms", c_int),
                ("schema_version", c_int)]


class pcreg_practice_query(Structure):
    _fields_ = [("version", c_uint), ("on", c_char_p), ("commissioner", c_char_p),
                ("network", c_char_p), ("federation", c_char_p), ("status", c_int),
                ("name", c_char_p), ("postcode", c_char_p), ("limit", c_int),
                ("offset", c_int)]


class pcreg_commissioner_query(Structure):
    _fields_ = [("version", c_uint), ("kind", c_int), ("parent", c_char_p),
                ("region", c_char_p), ("name", c_char_p), ("on", c_char_p),
                ("limit", c_int), ("offset", c_int)]


class pcreg_succession_query(Structure):
    _fields_ = [("version", c_uint), ("old_code", c_char_p), ("new_code", c_char_p),
                ("from", c_char_p), ("to", c_char_p), ("limit", c_int), ("offset", c_int)]


class pcreg_arrangement_query(Structure):
    _fields_ = [("version", c_uint), ("commissioner", c_char_p), ("level", c_int),
                ("on", c_char_p), ("limit", c_int), ("offset", c_int)]


class pcreg_network_query(Structure):
    _fields_ = [("version", c_uint), ("kind", c_int), ("commissioner", c_char_p),
                ("name", c_char_p), ("on", c_char_p), ("limit", c_int), ("offset", c_int)]


class pcreg_network_lead_query(Structure):
    _fields_ = [("version", c_uint), ("network", c_char_p), ("on", c_char_p),
                ("limit", c_int), ("offset", c_int)]


class pcreg_federation_query(Structure):
    _fields_ = [("version", c_uint), ("name", c_char_p), ("area", c_char_p),
                ("limit", c_int), ("offset", c_int)]


class pcreg_membership_query(Structure):
    _fields_ = [("version", c_uint), ("kind", c_int), ("practice", c_char_p),
                ("organisation", c_char_p), ("on", c_char_p), ("from", c_char_p),
                ("to", c_char_p), ("limit", c_int), ("offset", c_int)]


class pcreg_contract_query(Structure):
    _fields_ = [("version", c_uint), ("practice", c_char_p), ("federation", c_char_p),
                ("commissioner", c_char_p), ("type", c_int), ("service", c_char_p),
                ("on", c_char_p), ("limit", c_int), ("offset", c_int)]


class pcreg_inspection_query(Structure):
    _fields_ = [("version", c_uint), ("practice", c_char_p), ("published_from", c_char_p),
                ("published_to", c_char_p), ("overall", c_int), ("limit", c_int),
                ("offset", c_int)]


class pcreg_list_size_query(Structure):
    _fields_ = [("version", c_uint), ("practice", c_char_p), ("from", c_char_p),
                ("to", c_char_p), ("limit", c_int), ("offset", c_int)]


class pcreg_report_options(Structure):
    _fields_ = [("version", c_uint), ("on", c_char_p), ("commissioner", c_char_p),
                ("service", c_char_p), ("min_population", c_int), ("max_population", c_int)]


class pcreg_import_options(Structure):
    _fields_ = [("version", c_uint), ("kind", c_int), ("mode", c_int), ("released", c_char_p)]


class pcreg_change_query(Structure):
    _fields_ = [("version", c_uint), ("import_id", c_int64), ("code", c_char_p),
                ("from", c_char_p), ("to", c_char_p), ("limit", c_int), ("offset", c_int)]


#: Each struct with the function that fills it with defaults and its version.
STRUCT_INIT = {
    pcreg_open_options: ("pcreg_open_options_init", OPEN_OPTIONS_VERSION),
    pcreg_practice_query: ("pcreg_practice_query_init", PRACTICE_QUERY_VERSION),
    pcreg_commissioner_query: ("pcreg_commissioner_query_init", COMMISSIONER_QUERY_VERSION),
    pcreg_succession_query: ("pcreg_succession_query_init", SUCCESSION_QUERY_VERSION),
    pcreg_arrangement_query: ("pcreg_arrangement_query_init", ARRANGEMENT_QUERY_VERSION),
    pcreg_network_query: ("pcreg_network_query_init", NETWORK_QUERY_VERSION),
    pcreg_network_lead_query: ("pcreg_network_lead_query_init", NETWORK_LEAD_QUERY_VERSION),
    pcreg_federation_query: ("pcreg_federation_query_init", FEDERATION_QUERY_VERSION),
    pcreg_membership_query: ("pcreg_membership_query_init", MEMBERSHIP_QUERY_VERSION),
    pcreg_contract_query: ("pcreg_contract_query_init", CONTRACT_QUERY_VERSION),
    pcreg_inspection_query: ("pcreg_inspection_query_init", INSPECTION_QUERY_VERSION),
    pcreg_list_size_query: ("pcreg_list_size_query_init", LIST_SIZE_QUERY_VERSION),
    pcreg_report_options: ("pcreg_report_options_init", REPORT_OPTIONS_VERSION),
    pcreg_import_options: ("pcreg_import_options_init", IMPORT_OPTIONS_VERSION),
    pcreg_change_query: ("pcreg_change_query_init", CHANGE_QUERY_VERSION),
}


# ---- every function: (name, result type, argument types) ----------------------

FUNCTIONS: List[Tuple[str, Optional[type], List[type]]] = [
    # common.h
    ('pcreg_status_str', c_char_p, [STATUS]),
    ('pcreg_version_string', c_char_p, []),
    ('pcreg_version_number', c_int, []),
    ('pcreg_free', None, [c_void_p]),
    # db.h
    ('pcreg_open_options_init', STATUS, [P(pcreg_open_options), c_uint]),
    ('pcreg_db_open', STATUS, [c_char_p, P(pcreg_open_options), P(P(pcreg_db))]),
    ('pcreg_db_known_at', STATUS, [P(pcreg_db), c_char_p, P(P(pcreg_db))]),
    ('pcreg_db_close', None, [P(pcreg_db)]),
    ('pcreg_db_errmsg', c_char_p, [P(pcreg_db)]),
    ('pcreg_db_errcode', STATUS, [P(pcreg_db)]),
    ('pcreg_db_path', c_char_p, [P(pcreg_db)]),
    ('pcreg_db_begin', STATUS, [P(pcreg_db)]),
    ('pcreg_db_commit', STATUS, [P(pcreg_db)]),
    ('pcreg_db_rollback', STATUS, [P(pcreg_db)]),
    ('pcreg_db_needs_migration', c_int, [P(pcreg_db)]),
    ('pcreg_db_migrate', STATUS, [P(pcreg_db), c_int]),
    ('pcreg_schema_version', STATUS, [P(pcreg_db), P(c_int)]),
    ('pcreg_schema_latest_version', c_int, []),
    # commissioner.h
    ('pcreg_commissioner_new', STATUS, [P(P(pcreg_commissioner))]),
    ('pcreg_commissioner_free', None, [P(pcreg_commissioner)]),
    ('pcreg_commissioner_get', STATUS, [P(pcreg_db), c_char_p, P(P(pcreg_commissioner))]),
    ('pcreg_commissioner_get_on', STATUS, [P(pcreg_db), c_char_p, c_char_p,
                                           P(P(pcreg_commissioner))]),
    ('pcreg_commissioner_insert', STATUS, [P(pcreg_db), P(pcreg_commissioner)]),
    ('pcreg_commissioner_update', STATUS, [P(pcreg_db), P(pcreg_commissioner)]),
    ('pcreg_commissioner_delete', STATUS, [P(pcreg_db), c_char_p]),
    ('pcreg_commissioner_code', c_char_p, [P(pcreg_commissioner)]),
    ('pcreg_commissioner_set_code', STATUS, [P(pcreg_commissioner), c_char_p]),
    ('pcreg_commissioner_kind', ENUM, [P(pcreg_commissioner)]),
    ('pcreg_commissioner_set_kind', STATUS, [P(pcreg_commissioner), ENUM]),
    ('pcreg_commissioner_name', c_char_p, [P(pcreg_commissioner)]),
    ('pcreg_commissioner_set_name', STATUS, [P(pcreg_commissioner), c_char_p]),
    ('pcreg_commissioner_ons_code', c_char_p, [P(pcreg_commissioner)]),
    ('pcreg_commissioner_set_ons_code', STATUS, [P(pcreg_commissioner), c_char_p]),
    ('pcreg_commissioner_region', c_char_p, [P(pcreg_commissioner)]),
    ('pcreg_commissioner_set_region', STATUS, [P(pcreg_commissioner), c_char_p]),
    ('pcreg_commissioner_parent', c_char_p, [P(pcreg_commissioner)]),
    ('pcreg_commissioner_set_parent', STATUS, [P(pcreg_commissioner), c_char_p]),
    ('pcreg_commissioner_open_date', c_char_p, [P(pcreg_commissioner)]),
    ('pcreg_commissioner_set_open_date', STATUS, [P(pcreg_commissioner), c_char_p]),
    ('pcreg_commissioner_close_date', c_char_p, [P(pcreg_commissioner)]),
    ('pcreg_commissioner_set_close_date', STATUS, [P(pcreg_commissioner), c_char_p]),
    ('pcreg_commissioner_kind_str', c_char_p, [ENUM]),
    ('pcreg_commissioner_kind_parse', ENUM, [c_char_p]),
    ('pcreg_commissioner_query_init', STATUS, [P(pcreg_commissioner_query), c_uint]),
    ('pcreg_commissioner_list', STATUS,
     [P(pcreg_db), P(pcreg_commissioner_query), P(P(pcreg_commissioner_iter))]),
    ('pcreg_commissioner_iter_next', STATUS,
     [P(pcreg_commissioner_iter), P(P(pcreg_commissioner))]),
    ('pcreg_commissioner_iter_free', None, [P(pcreg_commissioner_iter)]),
    # succession.h
    ('pcreg_succession_new', STATUS, [P(P(pcreg_succession))]),
    ('pcreg_succession_free', None, [P(pcreg_succession)]),
    ('pcreg_succession_get', STATUS, [P(pcreg_db), c_char_p, c_char_p, P(P(pcreg_succession))]),
    ('pcreg_succession_insert', STATUS, [P(pcreg_db), P(pcreg_succession)]),
    ('pcreg_succession_update', STATUS, [P(pcreg_db), P(pcreg_succession)]),
    ('pcreg_succession_delete', STATUS, [P(pcreg_db), c_char_p, c_char_p]),
    ('pcreg_succession_old_code', c_char_p, [P(pcreg_succession)]),
    ('pcreg_succession_set_old_code', STATUS, [P(pcreg_succession), c_char_p]),
    ('pcreg_succession_new_code', c_char_p, [P(pcreg_succession)]),
    ('pcreg_succession_set_new_code', STATUS, [P(pcreg_succession), c_char_p]),
    ('pcreg_succession_effective_date', c_char_p, [P(pcreg_succession)]),
    ('pcreg_succession_set_effective_date', STATUS, [P(pcreg_succession), c_char_p]),
    ('pcreg_succession_query_init', STATUS, [P(pcreg_succession_query), c_uint]),
    ('pcreg_succession_list', STATUS,
     [P(pcreg_db), P(pcreg_succession_query), P(P(pcreg_succession_iter))]),
    ('pcreg_succession_iter_next', STATUS, [P(pcreg_succession_iter), P(P(pcreg_succession))]),
    ('pcreg_succession_iter_free', None, [P(pcreg_succession_iter)]),
    ('pcreg_succession_resolve', STATUS,
     [P(pcreg_db), c_char_p, c_char_p, P(P(pcreg_resolution))]),
    ('pcreg_resolution_code', c_char_p, [P(pcreg_resolution)]),
    ('pcreg_resolution_steps', c_int, [P(pcreg_resolution)]),
    ('pcreg_resolution_step_code', c_char_p, [P(pcreg_resolution), c_int]),
    ('pcreg_resolution_step_date', c_char_p, [P(pcreg_resolution), c_int]),
    ('pcreg_resolution_ambiguous', c_int, [P(pcreg_resolution)]),
    ('pcreg_resolution_free', None, [P(pcreg_resolution)]),
    # arrangement.h
    ('pcreg_arrangement_new', STATUS, [P(P(pcreg_arrangement))]),
    ('pcreg_arrangement_free', None, [P(pcreg_arrangement)]),
    ('pcreg_arrangement_get', STATUS, [P(pcreg_db), c_int64, P(P(pcreg_arrangement))]),
    ('pcreg_arrangement_insert', STATUS, [P(pcreg_db), P(pcreg_arrangement)]),
    ('pcreg_arrangement_update', STATUS, [P(pcreg_db), P(pcreg_arrangement)]),
    ('pcreg_arrangement_delete', STATUS, [P(pcreg_db), c_int64]),
    ('pcreg_arrangement_on', STATUS, [P(pcreg_db), c_char_p, c_char_p, P(P(pcreg_arrangement))]),
    ('pcreg_arrangement_id', c_int64, [P(pcreg_arrangement)]),
    ('pcreg_arrangement_set_id', STATUS, [P(pcreg_arrangement), c_int64]),
    ('pcreg_arrangement_has_id', c_int, [P(pcreg_arrangement)]),
    ('pcreg_arrangement_clear_id', STATUS, [P(pcreg_arrangement)]),
    ('pcreg_arrangement_commissioner', c_char_p, [P(pcreg_arrangement)]),
    ('pcreg_arrangement_set_commissioner', STATUS, [P(pcreg_arrangement), c_char_p]),
    ('pcreg_arrangement_level', ENUM, [P(pcreg_arrangement)]),
    ('pcreg_arrangement_set_level', STATUS, [P(pcreg_arrangement), ENUM]),
    ('pcreg_arrangement_from_date', c_char_p, [P(pcreg_arrangement)]),
    ('pcreg_arrangement_set_from_date', STATUS, [P(pcreg_arrangement), c_char_p]),
    ('pcreg_arrangement_to_date', c_char_p, [P(pcreg_arrangement)]),
    ('pcreg_arrangement_set_to_date', STATUS, [P(pcreg_arrangement), c_char_p]),
    ('pcreg_arrangement_level_str', c_char_p, [ENUM]),
    ('pcreg_arrangement_level_parse', ENUM, [c_char_p]),
    ('pcreg_arrangement_query_init', STATUS, [P(pcreg_arrangement_query), c_uint]),
    ('pcreg_arrangement_list', STATUS,
     [P(pcreg_db), P(pcreg_arrangement_query), P(P(pcreg_arrangement_iter))]),
    ('pcreg_arrangement_iter_next', STATUS, [P(pcreg_arrangement_iter), P(P(pcreg_arrangement))]),
    ('pcreg_arrangement_iter_free', None, [P(pcreg_arrangement_iter)]),
    # practice.h
    ('pcreg_practice_new', STATUS, [P(P(pcreg_practice))]),
    ('pcreg_practice_free', None, [P(pcreg_practice)]),
    ('pcreg_practice_get', STATUS, [P(pcreg_db), c_char_p, P(P(pcreg_practice))]),
    ('pcreg_practice_get_on', STATUS, [P(pcreg_db), c_char_p, c_char_p, P(P(pcreg_practice))]),
    ('pcreg_practice_insert', STATUS, [P(pcreg_db), P(pcreg_practice)]),
    ('pcreg_practice_update', STATUS, [P(pcreg_db), P(pcreg_practice)]),
    ('pcreg_practice_delete', STATUS, [P(pcreg_db), c_char_p]),
    ('pcreg_practice_code', c_char_p, [P(pcreg_practice)]),
    ('pcreg_practice_set_code', STATUS, [P(pcreg_practice), c_char_p]),
    ('pcreg_practice_name', c_char_p, [P(pcreg_practice)]),
    ('pcreg_practice_set_name', STATUS, [P(pcreg_practice), c_char_p]),
    ('pcreg_practice_address', c_char_p, [P(pcreg_practice), c_int]),
    ('pcreg_practice_set_address', STATUS, [P(pcreg_practice), c_int, c_char_p]),
    ('pcreg_practice_postcode', c_char_p, [P(pcreg_practice)]),
    ('pcreg_practice_set_postcode', STATUS, [P(pcreg_practice), c_char_p]),
    ('pcreg_practice_status', ENUM, [P(pcreg_practice)]),
    ('pcreg_practice_set_status', STATUS, [P(pcreg_practice), ENUM]),
    ('pcreg_practice_prescribing_setting', c_int64, [P(pcreg_practice)]),
    ('pcreg_practice_set_prescribing_setting', STATUS, [P(pcreg_practice), c_int64]),
    ('pcreg_practice_has_prescribing_setting', c_int, [P(pcreg_practice)]),
    ('pcreg_practice_clear_prescribing_setting', STATUS, [P(pcreg_practice)]),
    ('pcreg_practice_open_date', c_char_p, [P(pcreg_practice)]),
    ('pcreg_practice_set_open_date', STATUS, [P(pcreg_practice), c_char_p]),
    ('pcreg_practice_close_date', c_char_p, [P(pcreg_practice)]),
    ('pcreg_practice_set_close_date', STATUS, [P(pcreg_practice), c_char_p]),
    ('pcreg_practice_phone', c_char_p, [P(pcreg_practice)]),
    ('pcreg_practice_set_phone', STATUS, [P(pcreg_practice), c_char_p]),
    ('pcreg_practice_status_str', c_char_p, [ENUM]),
    ('pcreg_practice_status_on', ENUM, [P(pcreg_practice), c_char_p]),
    ('pcreg_practice_status_parse', ENUM, [c_char_p]),
    ('pcreg_practice_query_init', STATUS, [P(pcreg_practice_query), c_uint]),
    ('pcreg_practice_list', STATUS,
     [P(pcreg_db), P(pcreg_practice_query), P(P(pcreg_practice_iter))]),
    ('pcreg_practice_iter_next', STATUS, [P(pcreg_practice_iter), P(P(pcreg_practice))]),
    ('pcreg_practice_iter_free', None, [P(pcreg_practice_iter)]),
    ('pcreg_practice_search', STATUS, [P(pcreg_db), c_char_p, c_int, P(P(pcreg_practice_iter))]),
    ('pcreg_practice_postcode_search', STATUS, [P(pcreg_db), c_char_p, P(P(pcreg_practice_iter))]),
    # network.h
    ('pcreg_network_new', STATUS, [P(P(pcreg_network))]),
    ('pcreg_network_free', None, [P(pcreg_network)]),
    ('pcreg_network_get', STATUS, [P(pcreg_db), c_char_p, P(P(pcreg_network))]),
    ('pcreg_network_insert', STATUS, [P(pcreg_db), P(pcreg_network)]),
    ('pcreg_network_update', STATUS, [P(pcreg_db), P(pcreg_network)]),
    ('pcreg_network_delete', STATUS, [P(pcreg_db), c_char_p]),
    ('pcreg_network_code', c_char_p, [P(pcreg_network)]),
    ('pcreg_network_set_code', STATUS, [P(pcreg_network), c_char_p]),
    ('pcreg_network_kind', ENUM, [P(pcreg_network)]),
    ('pcreg_network_set_kind', STATUS, [P(pcreg_network), ENUM]),
    ('pcreg_network_name', c_char_p, [P(pcreg_network)]),
    ('pcreg_network_set_name', STATUS, [P(pcreg_network), c_char_p]),
    ('pcreg_network_commissioner', c_char_p, [P(pcreg_network)]),
    ('pcreg_network_set_commissioner', STATUS, [P(pcreg_network), c_char_p]),
    ('pcreg_network_open_date', c_char_p, [P(pcreg_network)]),
    ('pcreg_network_set_open_date', STATUS, [P(pcreg_network), c_char_p]),
    ('pcreg_network_close_date', c_char_p, [P(pcreg_network)]),
    ('pcreg_network_set_close_date', STATUS, [P(pcreg_network), c_char_p]),
    ('pcreg_network_kind_str', c_char_p, [ENUM]),
    ('pcreg_network_kind_parse', ENUM, [c_char_p]),
    ('pcreg_network_query_init', STATUS, [P(pcreg_network_query), c_uint]),
    ('pcreg_network_list', STATUS,
     [P(pcreg_db), P(pcreg_network_query), P(P(pcreg_network_iter))]),
    ('pcreg_network_iter_next', STATUS, [P(pcreg_network_iter), P(P(pcreg_network))]),
    ('pcreg_network_iter_free', None, [P(pcreg_network_iter)]),
    ('pcreg_network_lead_new', STATUS, [P(P(pcreg_network_lead))]),
    ('pcreg_network_lead_free', None, [P(pcreg_network_lead)]),
    ('pcreg_network_lead_get', STATUS, [P(pcreg_db), c_int64, P(P(pcreg_network_lead))]),
    ('pcreg_network_lead_insert', STATUS, [P(pcreg_db), P(pcreg_network_lead)]),
    ('pcreg_network_lead_update', STATUS, [P(pcreg_db), P(pcreg_network_lead)]),
    ('pcreg_network_lead_delete', STATUS, [P(pcreg_db), c_int64]),
    ('pcreg_network_lead_id', c_int64, [P(pcreg_network_lead)]),
    ('pcreg_network_lead_set_id', STATUS, [P(pcreg_network_lead), c_int64]),
    ('pcreg_network_lead_has_id', c_int, [P(pcreg_network_lead)]),
    ('pcreg_network_lead_clear_id', STATUS, [P(pcreg_network_lead)]),
    ('pcreg_network_lead_network', c_char_p, [P(pcreg_network_lead)]),
    ('pcreg_network_lead_set_network', STATUS, [P(pcreg_network_lead), c_char_p]),
    ('pcreg_network_lead_person', c_char_p, [P(pcreg_network_lead)]),
    ('pcreg_network_lead_set_person', STATUS, [P(pcreg_network_lead), c_char_p]),
    ('pcreg_network_lead_role', c_char_p, [P(pcreg_network_lead)]),
    ('pcreg_network_lead_set_role', STATUS, [P(pcreg_network_lead), c_char_p]),
    ('pcreg_network_lead_from_date', c_char_p, [P(pcreg_network_lead)]),
    ('pcreg_network_lead_set_from_date', STATUS, [P(pcreg_network_lead), c_char_p]),
    ('pcreg_network_lead_to_date', c_char_p, [P(pcreg_network_lead)]),
    ('pcreg_network_lead_set_to_date', STATUS, [P(pcreg_network_lead), c_char_p]),
    ('pcreg_network_lead_query_init', STATUS, [P(pcreg_network_lead_query), c_uint]),
    ('pcreg_network_lead_list', STATUS,
     [P(pcreg_db), P(pcreg_network_lead_query), P(P(pcreg_network_lead_iter))]),
    ('pcreg_network_lead_iter_next', STATUS,
     [P(pcreg_network_lead_iter), P(P(pcreg_network_lead))]),
    ('pcreg_network_lead_iter_free', None, [P(pcreg_network_lead_iter)]),
    # federation.h
    ('pcreg_federation_new', STATUS, [P(P(pcreg_federation))]),
    ('pcreg_federation_free', None, [P(pcreg_federation)]),
    ('pcreg_federation_get', STATUS, [P(pcreg_db), c_char_p, P(P(pcreg_federation))]),
    ('pcreg_federation_insert', STATUS, [P(pcreg_db), P(pcreg_federation)]),
    ('pcreg_federation_update', STATUS, [P(pcreg_db), P(pcreg_federation)]),
    ('pcreg_federation_delete', STATUS, [P(pcreg_db), c_char_p]),
    ('pcreg_federation_id', c_char_p, [P(pcreg_federation)]),
    ('pcreg_federation_set_id', STATUS, [P(pcreg_federation), c_char_p]),
    ('pcreg_federation_name', c_char_p, [P(pcreg_federation)]),
    ('pcreg_federation_set_name', STATUS, [P(pcreg_federation), c_char_p]),
    ('pcreg_federation_area', c_char_p, [P(pcreg_federation)]),
    ('pcreg_federation_set_area', STATUS, [P(pcreg_federation), c_char_p]),
    ('pcreg_federation_query_init', STATUS, [P(pcreg_federation_query), c_uint]),
    ('pcreg_federation_list', STATUS,
     [P(pcreg_db), P(pcreg_federation_query), P(P(pcreg_federation_iter))]),
    ('pcreg_federation_iter_next', STATUS, [P(pcreg_federation_iter), P(P(pcreg_federation))]),
    ('pcreg_federation_iter_free', None, [P(pcreg_federation_iter)]),
    # membership.h
    ('pcreg_membership_join', STATUS, [P(pcreg_db), ENUM, c_char_p, c_char_p, c_char_p, c_char_p]),
    ('pcreg_membership_leave', STATUS, [P(pcreg_db), ENUM, c_char_p, c_char_p]),
    ('pcreg_membership_move', STATUS, [P(pcreg_db), ENUM, c_char_p, c_char_p, c_char_p]),
    ('pcreg_membership_on', STATUS,
     [P(pcreg_db), ENUM, c_char_p, c_char_p, P(P(pcreg_membership))]),
    ('pcreg_membership_get', STATUS,
     [P(pcreg_db), ENUM, c_char_p, c_char_p, P(P(pcreg_membership))]),
    ('pcreg_membership_answer', STATUS,
     [P(pcreg_db), ENUM, c_char_p, c_char_p, P(P(pcreg_answer))]),
    ('pcreg_answer_free', None, [P(pcreg_answer)]),
    ('pcreg_answer_certainty', ENUM, [P(pcreg_answer)]),
    ('pcreg_answer_organisation', c_char_p, [P(pcreg_answer)]),
    ('pcreg_answer_from_date', c_char_p, [P(pcreg_answer)]),
    ('pcreg_answer_to_date', c_char_p, [P(pcreg_answer)]),
    ('pcreg_answer_window_to', c_char_p, [P(pcreg_answer)]),
    ('pcreg_answer_release_kind', c_char_p, [P(pcreg_answer)]),
    ('pcreg_answer_release_date', c_char_p, [P(pcreg_answer)]),
    ('pcreg_certainty_str', c_char_p, [ENUM]),
    ('pcreg_membership_update', STATUS, [P(pcreg_db), P(pcreg_membership)]),
    ('pcreg_membership_delete', STATUS, [P(pcreg_db), ENUM, c_char_p, c_char_p]),
    ('pcreg_membership_free', None, [P(pcreg_membership)]),
    ('pcreg_membership_kind', ENUM, [P(pcreg_membership)]),
    ('pcreg_membership_practice', c_char_p, [P(pcreg_membership)]),
    ('pcreg_membership_organisation', c_char_p, [P(pcreg_membership)]),
    ('pcreg_membership_set_organisation', STATUS, [P(pcreg_membership), c_char_p]),
    ('pcreg_membership_from_date', c_char_p, [P(pcreg_membership)]),
    ('pcreg_membership_to_date', c_char_p, [P(pcreg_membership)]),
    ('pcreg_membership_set_to_date', STATUS, [P(pcreg_membership), c_char_p]),
    ('pcreg_membership_kind_str', c_char_p, [ENUM]),
    ('pcreg_membership_kind_parse', ENUM, [c_char_p]),
    ('pcreg_membership_query_init', STATUS, [P(pcreg_membership_query), c_uint]),
    ('pcreg_membership_list', STATUS,
     [P(pcreg_db), P(pcreg_membership_query), P(P(pcreg_membership_iter))]),
    ('pcreg_membership_members_on', STATUS,
     [P(pcreg_db), ENUM, c_char_p, c_char_p, P(P(pcreg_membership_iter))]),
    ('pcreg_membership_iter_next', STATUS, [P(pcreg_membership_iter), P(P(pcreg_membership))]),
    ('pcreg_membership_iter_free', None, [P(pcreg_membership_iter)]),
    # contract.h
    ('pcreg_contract_new', STATUS, [P(P(pcreg_contract))]),
    ('pcreg_contract_free', None, [P(pcreg_contract)]),
    ('pcreg_contract_get', STATUS, [P(pcreg_db), c_int64, P(P(pcreg_contract))]),
    ('pcreg_contract_insert', STATUS, [P(pcreg_db), P(pcreg_contract)]),
    ('pcreg_contract_update', STATUS, [P(pcreg_db), P(pcreg_contract)]),
    ('pcreg_contract_delete', STATUS, [P(pcreg_db), c_int64]),
    ('pcreg_contract_core_on', STATUS, [P(pcreg_db), c_char_p, c_char_p, P(P(pcreg_contract))]),
    ('pcreg_contract_id', c_int64, [P(pcreg_contract)]),
    ('pcreg_contract_set_id', STATUS, [P(pcreg_contract), c_int64]),
    ('pcreg_contract_has_id', c_int, [P(pcreg_contract)]),
    ('pcreg_contract_clear_id', STATUS, [P(pcreg_contract)]),
    ('pcreg_contract_practice', c_char_p, [P(pcreg_contract)]),
    ('pcreg_contract_set_practice', STATUS, [P(pcreg_contract), c_char_p]),
    ('pcreg_contract_federation', c_char_p, [P(pcreg_contract)]),
    ('pcreg_contract_set_federation', STATUS, [P(pcreg_contract), c_char_p]),
    ('pcreg_contract_commissioner', c_char_p, [P(pcreg_contract)]),
    ('pcreg_contract_set_commissioner', STATUS, [P(pcreg_contract), c_char_p]),
    ('pcreg_contract_type', ENUM, [P(pcreg_contract)]),
    ('pcreg_contract_set_type', STATUS, [P(pcreg_contract), ENUM]),
    ('pcreg_contract_service', c_char_p, [P(pcreg_contract)]),
    ('pcreg_contract_set_service', STATUS, [P(pcreg_contract), c_char_p]),
    ('pcreg_contract_start_date', c_char_p, [P(pcreg_contract)]),
    ('pcreg_contract_set_start_date', STATUS, [P(pcreg_contract), c_char_p]),
    ('pcreg_contract_end_date', c_char_p, [P(pcreg_contract)]),
    ('pcreg_contract_set_end_date', STATUS, [P(pcreg_contract), c_char_p]),
    ('pcreg_contract_pms_premium', c_int64, [P(pcreg_contract)]),
    ('pcreg_contract_set_pms_premium', STATUS, [P(pcreg_contract), c_int64]),
    ('pcreg_contract_has_pms_premium', c_int, [P(pcreg_contract)]),
    ('pcreg_contract_clear_pms_premium', STATUS, [P(pcreg_contract)]),
    ('pcreg_contract_annual_value', c_int64, [P(pcreg_contract)]),
    ('pcreg_contract_set_annual_value', STATUS, [P(pcreg_contract), c_int64]),
    ('pcreg_contract_has_annual_value', c_int, [P(pcreg_contract)]),
    ('pcreg_contract_clear_annual_value', STATUS, [P(pcreg_contract)]),
    ('pcreg_contract_type_str', c_char_p, [ENUM]),
    ('pcreg_contract_type_parse', ENUM, [c_char_p]),
    ('pcreg_contract_type_is_core', c_int, [ENUM]),
    ('pcreg_contract_query_init', STATUS, [P(pcreg_contract_query), c_uint]),
    ('pcreg_contract_list', STATUS,
     [P(pcreg_db), P(pcreg_contract_query), P(P(pcreg_contract_iter))]),
    ('pcreg_contract_iter_next', STATUS, [P(pcreg_contract_iter), P(P(pcreg_contract))]),
    ('pcreg_contract_iter_free', None, [P(pcreg_contract_iter)]),
    # inspection.h
    ('pcreg_rating_str', c_char_p, [ENUM]),
    ('pcreg_rating_parse', ENUM, [c_char_p]),
    ('pcreg_inspection_new', STATUS, [P(P(pcreg_inspection))]),
    ('pcreg_inspection_free', None, [P(pcreg_inspection)]),
    ('pcreg_inspection_get', STATUS, [P(pcreg_db), c_int64, P(P(pcreg_inspection))]),
    ('pcreg_inspection_insert', STATUS, [P(pcreg_db), P(pcreg_inspection)]),
    ('pcreg_inspection_update', STATUS, [P(pcreg_db), P(pcreg_inspection)]),
    ('pcreg_inspection_delete', STATUS, [P(pcreg_db), c_int64]),
    ('pcreg_inspection_latest_on', STATUS,
     [P(pcreg_db), c_char_p, c_char_p, P(P(pcreg_inspection))]),
    ('pcreg_inspection_id', c_int64, [P(pcreg_inspection)]),
    ('pcreg_inspection_set_id', STATUS, [P(pcreg_inspection), c_int64]),
    ('pcreg_inspection_has_id', c_int, [P(pcreg_inspection)]),
    ('pcreg_inspection_clear_id', STATUS, [P(pcreg_inspection)]),
    ('pcreg_inspection_practice', c_char_p, [P(pcreg_inspection)]),
    ('pcreg_inspection_set_practice', STATUS, [P(pcreg_inspection), c_char_p]),
    ('pcreg_inspection_cqc_location_id', c_char_p, [P(pcreg_inspection)]),
    ('pcreg_inspection_set_cqc_location_id', STATUS, [P(pcreg_inspection), c_char_p]),
    ('pcreg_inspection_inspection_date', c_char_p, [P(pcreg_inspection)]),
    ('pcreg_inspection_set_inspection_date', STATUS, [P(pcreg_inspection), c_char_p]),
    ('pcreg_inspection_publication_date', c_char_p, [P(pcreg_inspection)]),
    ('pcreg_inspection_set_publication_date', STATUS, [P(pcreg_inspection), c_char_p]),
    ('pcreg_inspection_overall', ENUM, [P(pcreg_inspection)]),
    ('pcreg_inspection_set_overall', STATUS, [P(pcreg_inspection), ENUM]),
    ('pcreg_inspection_safe', ENUM, [P(pcreg_inspection)]),
    ('pcreg_inspection_set_safe', STATUS, [P(pcreg_inspection), ENUM]),
    ('pcreg_inspection_effective', ENUM, [P(pcreg_inspection)]),
    ('pcreg_inspection_set_effective', STATUS, [P(pcreg_inspection), ENUM]),
    ('pcreg_inspection_caring', ENUM, [P(pcreg_inspection)]),
    ('pcreg_inspection_set_caring', STATUS, [P(pcreg_inspection), ENUM]),
    ('pcreg_inspection_responsive', ENUM, [P(pcreg_inspection)]),
    ('pcreg_inspection_set_responsive', STATUS, [P(pcreg_inspection), ENUM]),
    ('pcreg_inspection_well_led', ENUM, [P(pcreg_inspection)]),
    ('pcreg_inspection_set_well_led', STATUS, [P(pcreg_inspection), ENUM]),
    ('pcreg_inspection_report_url', c_char_p, [P(pcreg_inspection)]),
    ('pcreg_inspection_set_report_url', STATUS, [P(pcreg_inspection), c_char_p]),
    ('pcreg_inspection_query_init', STATUS, [P(pcreg_inspection_query), c_uint]),
    ('pcreg_inspection_list', STATUS,
     [P(pcreg_db), P(pcreg_inspection_query), P(P(pcreg_inspection_iter))]),
    ('pcreg_inspection_iter_next', STATUS, [P(pcreg_inspection_iter), P(P(pcreg_inspection))]),
    ('pcreg_inspection_iter_free', None, [P(pcreg_inspection_iter)]),
    # listsize.h
    ('pcreg_list_size_new', STATUS, [P(P(pcreg_list_size))]),
    ('pcreg_list_size_free', None, [P(pcreg_list_size)]),
    ('pcreg_list_size_get', STATUS, [P(pcreg_db), c_char_p, c_char_p, P(P(pcreg_list_size))]),
    ('pcreg_list_size_insert', STATUS, [P(pcreg_db), P(pcreg_list_size)]),
    ('pcreg_list_size_update', STATUS, [P(pcreg_db), P(pcreg_list_size)]),
    ('pcreg_list_size_delete', STATUS, [P(pcreg_db), c_char_p, c_char_p]),
    ('pcreg_list_size_on', STATUS, [P(pcreg_db), c_char_p, c_char_p, P(P(pcreg_list_size))]),
    ('pcreg_list_size_practice', c_char_p, [P(pcreg_list_size)]),
    ('pcreg_list_size_set_practice', STATUS, [P(pcreg_list_size), c_char_p]),
    ('pcreg_list_size_extract_date', c_char_p, [P(pcreg_list_size)]),
    ('pcreg_list_size_set_extract_date', STATUS, [P(pcreg_list_size), c_char_p]),
    ('pcreg_list_size_registered', c_int64, [P(pcreg_list_size)]),
    ('pcreg_list_size_set_registered', STATUS, [P(pcreg_list_size), c_int64]),
    ('pcreg_list_size_weighted', c_double, [P(pcreg_list_size)]),
    ('pcreg_list_size_set_weighted', STATUS, [P(pcreg_list_size), c_double]),
    ('pcreg_list_size_has_weighted', c_int, [P(pcreg_list_size)]),
    ('pcreg_list_size_clear_weighted', STATUS, [P(pcreg_list_size)]),
    ('pcreg_list_size_query_init', STATUS, [P(pcreg_list_size_query), c_uint]),
    ('pcreg_list_size_list', STATUS,
     [P(pcreg_db), P(pcreg_list_size_query), P(P(pcreg_list_size_iter))]),
    ('pcreg_list_size_iter_next', STATUS, [P(pcreg_list_size_iter), P(P(pcreg_list_size))]),
    ('pcreg_list_size_iter_free', None, [P(pcreg_list_size_iter)]),
    # timeline.h
    ('pcreg_timeline_list', STATUS, [P(pcreg_db), c_char_p, P(P(pcreg_timeline_iter))]),
    ('pcreg_timeline_iter_next', STATUS, [P(pcreg_timeline_iter), P(P(pcreg_event))]),
    ('pcreg_timeline_iter_free', None, [P(pcreg_timeline_iter)]),
    ('pcreg_event_date', c_char_p, [P(pcreg_event)]),
    ('pcreg_event_kind', ENUM, [P(pcreg_event)]),
    ('pcreg_event_subject', c_char_p, [P(pcreg_event)]),
    ('pcreg_event_detail', c_char_p, [P(pcreg_event)]),
    ('pcreg_event_has_value', c_int, [P(pcreg_event)]),
    ('pcreg_event_value', c_int64, [P(pcreg_event)]),
    ('pcreg_event_kind_str', c_char_p, [ENUM]),
    ('pcreg_event_kind_parse', ENUM, [c_char_p]),
    # report.h
    ('pcreg_report_options_init', STATUS, [P(pcreg_report_options), c_uint]),
    ('pcreg_report_cqc', STATUS, [P(pcreg_db), P(pcreg_report_options), P(P(pcreg_cqc_iter))]),
    ('pcreg_cqc_iter_next', STATUS, [P(pcreg_cqc_iter), P(P(pcreg_cqc_row))]),
    ('pcreg_cqc_iter_free', None, [P(pcreg_cqc_iter)]),
    ('pcreg_cqc_row_commissioner', c_char_p, [P(pcreg_cqc_row)]),
    ('pcreg_cqc_row_name', c_char_p, [P(pcreg_cqc_row)]),
    ('pcreg_cqc_row_is_total', c_int, [P(pcreg_cqc_row)]),
    ('pcreg_cqc_row_practices', c_int64, [P(pcreg_cqc_row)]),
    ('pcreg_cqc_row_published', c_int64, [P(pcreg_cqc_row)]),
    ('pcreg_cqc_row_published_share', c_int32, [P(pcreg_cqc_row)]),
    ('pcreg_cqc_row_not_published', c_int64, [P(pcreg_cqc_row)]),
    ('pcreg_cqc_row_uncertain', c_int64, [P(pcreg_cqc_row)]),
    ('pcreg_cqc_row_outstanding', c_int64, [P(pcreg_cqc_row)]),
    ('pcreg_cqc_row_outstanding_share', c_int32, [P(pcreg_cqc_row)]),
    ('pcreg_cqc_row_good', c_int64, [P(pcreg_cqc_row)]),
    ('pcreg_cqc_row_good_share', c_int32, [P(pcreg_cqc_row)]),
    ('pcreg_cqc_row_requires_improvement', c_int64, [P(pcreg_cqc_row)]),
    ('pcreg_cqc_row_requires_improvement_share', c_int32, [P(pcreg_cqc_row)]),
    ('pcreg_cqc_row_inadequate', c_int64, [P(pcreg_cqc_row)]),
    ('pcreg_cqc_row_inadequate_share', c_int32, [P(pcreg_cqc_row)]),
    ('pcreg_report_pms', STATUS, [P(pcreg_db), P(pcreg_report_options), P(P(pcreg_pms_iter))]),
    ('pcreg_pms_iter_next', STATUS, [P(pcreg_pms_iter), P(P(pcreg_pms_row))]),
    ('pcreg_pms_iter_free', None, [P(pcreg_pms_iter)]),
    ('pcreg_pms_row_commissioner', c_char_p, [P(pcreg_pms_row)]),
    ('pcreg_pms_row_name', c_char_p, [P(pcreg_pms_row)]),
    ('pcreg_pms_row_practices', c_int64, [P(pcreg_pms_row)]),
    ('pcreg_pms_row_uncertain', c_int64, [P(pcreg_pms_row)]),
    ('pcreg_pms_row_pms_practices', c_int64, [P(pcreg_pms_row)]),
    ('pcreg_pms_row_has_total_premium', c_int, [P(pcreg_pms_row)]),
    ('pcreg_pms_row_total_premium', c_int64, [P(pcreg_pms_row)]),
    ('pcreg_pms_row_has_premiums', c_int, [P(pcreg_pms_row)]),
    ('pcreg_pms_row_min_premium', c_int64, [P(pcreg_pms_row)]),
    ('pcreg_pms_row_max_premium', c_int64, [P(pcreg_pms_row)]),
    ('pcreg_report_commissioning', STATUS,
     [P(pcreg_db), P(pcreg_report_options), P(P(pcreg_commissioning_iter))]),
    ('pcreg_commissioning_iter_next', STATUS,
     [P(pcreg_commissioning_iter), P(P(pcreg_commissioning_row))]),
    ('pcreg_commissioning_iter_free', None, [P(pcreg_commissioning_iter)]),
    ('pcreg_commissioning_row_region', c_char_p, [P(pcreg_commissioning_row)]),
    ('pcreg_commissioning_row_region_name', c_char_p, [P(pcreg_commissioning_row)]),
    ('pcreg_commissioning_row_is_total', c_int, [P(pcreg_commissioning_row)]),
    ('pcreg_commissioning_row_delegated', c_int64, [P(pcreg_commissioning_row)]),
    ('pcreg_commissioning_row_joint', c_int64, [P(pcreg_commissioning_row)]),
    ('pcreg_commissioning_row_greater_involvement', c_int64, [P(pcreg_commissioning_row)]),
    ('pcreg_report_networks', STATUS,
     [P(pcreg_db), P(pcreg_report_options), P(P(pcreg_network_population_iter))]),
    ('pcreg_network_population_iter_next', STATUS,
     [P(pcreg_network_population_iter), P(P(pcreg_network_population_row))]),
    ('pcreg_network_population_iter_free', None, [P(pcreg_network_population_iter)]),
    ('pcreg_network_population_row_network', c_char_p, [P(pcreg_network_population_row)]),
    ('pcreg_network_population_row_name', c_char_p, [P(pcreg_network_population_row)]),
    ('pcreg_network_population_row_commissioner', c_char_p, [P(pcreg_network_population_row)]),
    ('pcreg_network_population_row_practices', c_int64, [P(pcreg_network_population_row)]),
    ('pcreg_network_population_row_uncertain', c_int64, [P(pcreg_network_population_row)]),
    ('pcreg_network_population_row_practices_with_list_size', c_int64,
     [P(pcreg_network_population_row)]),
    ('pcreg_network_population_row_registered', c_int64, [P(pcreg_network_population_row)]),
    ('pcreg_network_population_row_weighted', c_double, [P(pcreg_network_population_row)]),
    ('pcreg_network_population_row_has_weighted', c_int, [P(pcreg_network_population_row)]),
    ('pcreg_network_population_row_leads', c_char_p, [P(pcreg_network_population_row)]),
    ('pcreg_network_population_row_outside', c_int, [P(pcreg_network_population_row)]),
    ('pcreg_report_scheme', STATUS,
     [P(pcreg_db), P(pcreg_report_options), P(P(pcreg_scheme_iter))]),
    ('pcreg_scheme_iter_next', STATUS, [P(pcreg_scheme_iter), P(P(pcreg_scheme_row))]),
    ('pcreg_scheme_iter_free', None, [P(pcreg_scheme_iter)]),
    ('pcreg_scheme_row_commissioner', c_char_p, [P(pcreg_scheme_row)]),
    ('pcreg_scheme_row_name', c_char_p, [P(pcreg_scheme_row)]),
    ('pcreg_scheme_row_service', c_char_p, [P(pcreg_scheme_row)]),
    ('pcreg_scheme_row_practices', c_int64, [P(pcreg_scheme_row)]),
    ('pcreg_scheme_row_uncertain', c_int64, [P(pcreg_scheme_row)]),
    ('pcreg_scheme_row_participating', c_int64, [P(pcreg_scheme_row)]),
    ('pcreg_scheme_row_participating_share', c_int32, [P(pcreg_scheme_row)]),
    # import.h
    ('pcreg_import_options_init', STATUS, [P(pcreg_import_options), c_uint]),
    ('pcreg_import_kind_str', c_char_p, [ENUM]),
    ('pcreg_import_kind_parse', c_int, [c_char_p]),
    ('pcreg_import_detect', STATUS, [P(pcreg_db), c_char_p, P(ENUM)]),
    ('pcreg_import_open', STATUS,
     [P(pcreg_db), c_char_p, P(pcreg_import_options), P(P(pcreg_import))]),
    ('pcreg_import_step', STATUS, [P(pcreg_import), c_int]),
    ('pcreg_import_bytes_read', c_int64, [P(pcreg_import)]),
    ('pcreg_import_bytes_total', c_int64, [P(pcreg_import)]),
    ('pcreg_import_get_report', P(pcreg_import_report), [P(pcreg_import)]),
    ('pcreg_import_free', None, [P(pcreg_import)]),
    ('pcreg_import_file', STATUS,
     [P(pcreg_db), c_char_p, P(pcreg_import_options), P(P(pcreg_import_report))]),
    ('pcreg_import_auto', STATUS, [P(pcreg_db), c_char_p, c_int, P(P(pcreg_import_report))]),
    ('pcreg_import_report_free', None, [P(pcreg_import_report)]),
    ('pcreg_import_report_id', c_int64, [P(pcreg_import_report)]),
    ('pcreg_import_report_kind', ENUM, [P(pcreg_import_report)]),
    ('pcreg_import_report_file', c_char_p, [P(pcreg_import_report)]),
    ('pcreg_import_report_rows_read', c_int64, [P(pcreg_import_report)]),
    ('pcreg_import_report_inserted', c_int64, [P(pcreg_import_report)]),
    ('pcreg_import_report_updated', c_int64, [P(pcreg_import_report)]),
    ('pcreg_import_report_unchanged', c_int64, [P(pcreg_import_report)]),
    ('pcreg_import_report_skipped', c_int64, [P(pcreg_import_report)]),
    ('pcreg_import_report_rejected', c_int64, [P(pcreg_import_report)]),
    ('pcreg_import_report_skip_reasons', c_int, [P(pcreg_import_report)]),
    ('pcreg_import_report_skip_reason', c_char_p, [P(pcreg_import_report), c_int]),
    ('pcreg_import_report_skip_count', c_int64, [P(pcreg_import_report), c_int]),
    ('pcreg_import_report_omission_reasons', c_int, [P(pcreg_import_report)]),
    ('pcreg_import_report_omission_reason', c_char_p, [P(pcreg_import_report), c_int]),
    ('pcreg_import_report_omission_count', c_int64, [P(pcreg_import_report), c_int]),
    ('pcreg_import_report_rejections', c_int, [P(pcreg_import_report)]),
    ('pcreg_import_report_rejection_line', c_int64, [P(pcreg_import_report), c_int]),
    ('pcreg_import_report_rejection_field', c_char_p, [P(pcreg_import_report), c_int]),
    ('pcreg_import_report_rejection_reason', c_char_p, [P(pcreg_import_report), c_int]),
    ('pcreg_import_plan_new', STATUS,
     [P(pcreg_db), P(c_char_p), c_int, P(P(pcreg_import_plan))]),
    ('pcreg_import_plan_count', c_int, [P(pcreg_import_plan)]),
    ('pcreg_import_plan_path', c_char_p, [P(pcreg_import_plan), c_int]),
    ('pcreg_import_plan_action', c_int, [P(pcreg_import_plan), c_int]),
    ('pcreg_import_plan_kind', c_int, [P(pcreg_import_plan), c_int]),
    ('pcreg_import_plan_note', c_char_p, [P(pcreg_import_plan), c_int]),
    ('pcreg_import_plan_free', None, [P(pcreg_import_plan)]),
    # journal.h
    ('pcreg_journal_rejections', STATUS, [P(pcreg_db), c_int64, P(P(pcreg_rejection_iter))]),
    ('pcreg_rejection_iter_next', STATUS, [P(pcreg_rejection_iter), P(P(pcreg_rejection))]),
    ('pcreg_rejection_iter_free', None, [P(pcreg_rejection_iter)]),
    ('pcreg_rejection_import_id', c_int64, [P(pcreg_rejection)]),
    ('pcreg_rejection_line', c_int64, [P(pcreg_rejection)]),
    ('pcreg_rejection_field', c_char_p, [P(pcreg_rejection)]),
    ('pcreg_rejection_reason', c_char_p, [P(pcreg_rejection)]),
    ('pcreg_journal_imports', STATUS, [P(pcreg_db), P(P(pcreg_import_entry_iter))]),
    ('pcreg_journal_import_get', STATUS, [P(pcreg_db), c_int64, P(P(pcreg_import_entry))]),
    ('pcreg_import_entry_iter_next', STATUS,
     [P(pcreg_import_entry_iter), P(P(pcreg_import_entry))]),
    ('pcreg_import_entry_iter_free', None, [P(pcreg_import_entry_iter)]),
    ('pcreg_import_entry_free', None, [P(pcreg_import_entry)]),
    ('pcreg_import_entry_id', c_int64, [P(pcreg_import_entry)]),
    ('pcreg_import_entry_file_name', c_char_p, [P(pcreg_import_entry)]),
    ('pcreg_import_entry_file_size', c_int64, [P(pcreg_import_entry)]),
    ('pcreg_import_entry_sha256', c_char_p, [P(pcreg_import_entry)]),
    ('pcreg_import_entry_kind', c_char_p, [P(pcreg_import_entry)]),
    ('pcreg_import_entry_mode', c_char_p, [P(pcreg_import_entry)]),
    ('pcreg_import_entry_started_at', c_char_p, [P(pcreg_import_entry)]),
    ('pcreg_import_entry_finished_at', c_char_p, [P(pcreg_import_entry)]),
    ('pcreg_import_entry_rows_read', c_int64, [P(pcreg_import_entry)]),
    ('pcreg_import_entry_inserted', c_int64, [P(pcreg_import_entry)]),
    ('pcreg_import_entry_updated', c_int64, [P(pcreg_import_entry)]),
    ('pcreg_import_entry_unchanged', c_int64, [P(pcreg_import_entry)]),
    ('pcreg_import_entry_skipped', c_int64, [P(pcreg_import_entry)]),
    ('pcreg_import_entry_rejected', c_int64, [P(pcreg_import_entry)]),
    ('pcreg_import_entry_release_date', c_char_p, [P(pcreg_import_entry)]),
    ('pcreg_import_entry_release_date_basis', c_char_p, [P(pcreg_import_entry)]),
    ('pcreg_import_entry_release_id', c_int64, [P(pcreg_import_entry)]),
    ('pcreg_import_entry_release_digest', c_char_p, [P(pcreg_import_entry)]),
    ('pcreg_change_query_init', STATUS, [P(pcreg_change_query), c_uint]),
    ('pcreg_journal_changes', STATUS,
     [P(pcreg_db), P(pcreg_change_query), P(P(pcreg_change_iter))]),
    ('pcreg_change_iter_next', STATUS, [P(pcreg_change_iter), P(P(pcreg_change))]),
    ('pcreg_change_iter_free', None, [P(pcreg_change_iter)]),
    ('pcreg_change_id', c_int64, [P(pcreg_change)]),
    ('pcreg_change_import_id', c_int64, [P(pcreg_change)]),
    ('pcreg_change_entity', c_char_p, [P(pcreg_change)]),
    ('pcreg_change_code', c_char_p, [P(pcreg_change)]),
    ('pcreg_change_subkey', c_char_p, [P(pcreg_change)]),
    ('pcreg_change_action', c_char_p, [P(pcreg_change)]),
    ('pcreg_change_field', c_char_p, [P(pcreg_change)]),
    ('pcreg_change_old_value', c_char_p, [P(pcreg_change)]),
    ('pcreg_change_new_value', c_char_p, [P(pcreg_change)]),
    ('pcreg_change_effective_date', c_char_p, [P(pcreg_change)]),
    ('pcreg_journal_summary', STATUS, [P(pcreg_db), c_int64, P(P(pcreg_import_summary))]),
    ('pcreg_journal_release_changes', STATUS, [P(pcreg_db), c_int64, P(P(pcreg_change_iter))]),
    ('pcreg_journal_release_summary', STATUS, [P(pcreg_db), c_int64,
                                               P(P(pcreg_import_summary))]),
    ('pcreg_import_summary_free', None, [P(pcreg_import_summary)]),
    ('pcreg_import_summary_opened', c_int64, [P(pcreg_import_summary)]),
    ('pcreg_import_summary_closed', c_int64, [P(pcreg_import_summary)]),
    ('pcreg_import_summary_renamed', c_int64, [P(pcreg_import_summary)]),
    ('pcreg_import_summary_moved_commissioner', c_int64, [P(pcreg_import_summary)]),
    ('pcreg_import_summary_moved_network', c_int64, [P(pcreg_import_summary)]),
    ('pcreg_import_summary_succeeded', c_int64, [P(pcreg_import_summary)]),
    ('pcreg_import_summary_merged_commissioner', c_int64, [P(pcreg_import_summary)]),
    ('pcreg_import_summary_reclassified', c_int64, [P(pcreg_import_summary)]),
    ('pcreg_import_summary_redated', c_int64, [P(pcreg_import_summary)]),
    # export.h
    ('pcreg_export_entity_count', c_int, []),
    ('pcreg_export_entity_name', c_char_p, [c_int]),
    ('pcreg_export_open', STATUS, [P(pcreg_db), c_char_p, ENUM, P(P(pcreg_export))]),
    ('pcreg_export_next', STATUS, [P(pcreg_export), P(c_char_p)]),
    ('pcreg_export_free', None, [P(pcreg_export)]),
    ('pcreg_export_file', STATUS, [P(pcreg_db), c_char_p, ENUM, c_char_p]),
    # check.h
    ('pcreg_check_run', STATUS, [P(pcreg_db), P(P(pcreg_finding_iter))]),
    ('pcreg_finding_iter_next', STATUS, [P(pcreg_finding_iter), P(P(pcreg_finding))]),
    ('pcreg_finding_iter_free', None, [P(pcreg_finding_iter)]),
    ('pcreg_finding_check', c_char_p, [P(pcreg_finding)]),
    ('pcreg_finding_detail', c_char_p, [P(pcreg_finding)]),
    ('pcreg_finding_severity', c_char_p, [P(pcreg_finding)]),
    ('pcreg_finding_is_note', c_int, [P(pcreg_finding)]),
]


# ---- finding and loading the library ------------------------------------------

#: Names a library placed in the package directory may have.
_PACKAGE_PATTERNS = ("libpcreg.so", "libpcreg.so.*", "libpcreg*.dylib", "pcreg.dll")

#: The soname the system's loader is asked for last.
SONAME = "libpcreg.so.%d" % ABI_MAJOR


def _declare(lib: ctypes.CDLL, where: str) -> ctypes.CDLL:
    missing = [name for name, _, _ in FUNCTIONS if not hasattr(lib, name)]
    if missing:
        raise LibraryNotFoundError(
            "%s is not a libpcreg these bindings can use: it lacks %d of its functions (%s%s);"
            " set PCREG_LIBRARY to the libpcreg built from the same sources"
            % (where, len(missing), ", ".join(missing[:5]), ", ..." if len(missing) > 5 else ""))
    for name, restype, argtypes in FUNCTIONS:
        fn = getattr(lib, name)
        fn.restype = restype
        fn.argtypes = argtypes
    major = lib.pcreg_version_number() // 10000
    if major != ABI_MAJOR:
        raise LibraryNotFoundError(
            "%s is libpcreg %s, but these bindings are for version %d.x; set PCREG_LIBRARY"
            " to a matching library" % (where, lib.pcreg_version_string().decode(), ABI_MAJOR))
    return lib


def _try(path: str, tried: List[str]) -> Optional[ctypes.CDLL]:
    try:
        return ctypes.CDLL(path)
    except OSError as e:
        tried.append("%s (%s)" % (path, e))
        return None


def _installed_libdir() -> Optional[str]:
    """The library directory written into ``_install.py`` by ``cmake --install``
    (only a package installed that way has one)."""
    try:
        from ._install import LIBDIR  # type: ignore[import-not-found]
    except ImportError:
        return None
    return str(LIBDIR)


def _pkg_config_libdir(tried: List[str]) -> Optional[str]:
    """Where pkg-config says the installed libpcreg is; None without pkg-config."""
    import shutil
    import subprocess
    if shutil.which("pkg-config") is None:
        tried.append("pkg-config (not installed)")
        return None
    try:
        done = subprocess.run(["pkg-config", "--variable=libdir", "pcreg"],
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, timeout=10,
                              check=False)
    except (OSError, subprocess.SubprocessError) as e:
        tried.append("pkg-config (%s)" % e)
        return None
    libdir = done.stdout.decode("utf-8", "replace").strip()
    if done.returncode != 0 or not libdir:
        tried.append("pkg-config --variable=libdir pcreg (no pcreg module)")
        return None
    return libdir


def load_library() -> Tuple[ctypes.CDLL, str]:
    """Find, load and declare libpcreg; returns the library and its path.

    Looks, in this order, at the environment variable ``PCREG_LIBRARY``
    (a path; when it is set nothing else is tried), a ``libpcreg.so*``
    beside this package's modules, the library directory ``cmake
    --install`` recorded when it installed this package (``_install.py``),
    the ``libdir`` of the ``pcreg`` pkg-config module (which finds a
    ``cmake --install`` into any prefix on ``PKG_CONFIG_PATH``, or into
    ``/usr/local`` before ``ldconfig`` has run), ``ctypes.util.find_library("pcreg")``,
    and the system loader's own search for the soname ``libpcreg.so.0``
    (``LD_LIBRARY_PATH``, the ld.so cache, the default directories).

    Raises:
        LibraryNotFoundError: (an ImportError) naming every place tried.
    """
    tried: List[str] = []
    env = os.environ.get("PCREG_LIBRARY")
    if env:
        if not os.path.exists(env):
            raise LibraryNotFoundError(
                "PCREG_LIBRARY is set to %r, which does not exist; set it to the path of"
                " libpcreg.so (e.g. build/libpcreg.so) or unset it to search" % env)
        lib = _try(env, tried)
        if lib is None:
            raise LibraryNotFoundError("PCREG_LIBRARY=%r could not be loaded: %s" % (env, tried[0]))
        return _declare(lib, env), env

    here = os.path.dirname(os.path.abspath(__file__))
    candidates: List[str] = []
    for pattern in _PACKAGE_PATTERNS:
        for path in sorted(glob.glob(os.path.join(here, pattern))):
            if path not in candidates:
                candidates.append(path)
    if not candidates:
        tried.append("%s (no libpcreg.so* there)" % os.path.join(here, "libpcreg.so*"))
    for path in candidates:
        lib = _try(path, tried)
        if lib is not None:
            return _declare(lib, path), path

    for source, libdir in (("the directory cmake --install recorded", _installed_libdir()),
                           ("pkg-config --variable=libdir pcreg", _pkg_config_libdir(tried))):
        if not libdir:
            continue
        path = os.path.normpath(os.path.join(libdir, SONAME))
        if not os.path.exists(path):
            tried.append("%s (%s: no %s there)" % (path, source, SONAME))
            continue
        lib = _try(path, tried)
        if lib is not None:
            return _declare(lib, path), path

    found = ctypes.util.find_library("pcreg")
    if found:
        lib = _try(found, tried)
        if lib is not None:
            return _declare(lib, found), found
    else:
        tried.append('ctypes.util.find_library("pcreg") (found nothing)')

    lib = _try(SONAME, tried)
    if lib is not None:
        return _declare(lib, SONAME), SONAME

    raise LibraryNotFoundError(
        "libpcreg was not found. Looked at: PCREG_LIBRARY (not set); "
        + "; ".join(tried)
        + ". Set PCREG_LIBRARY to the shared library's path, e.g."
          " PCREG_LIBRARY=/path/to/build/libpcreg.so, or install libpcreg.")


lib, LIBRARY_PATH = load_library()
