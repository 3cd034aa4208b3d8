"""The enumerations of libpcreg as :class:`enum.IntEnum` classes.

Values are those of the C headers. ``str()`` of a member gives the
library's own word for it (``"active"``, ``"sub_icb"``, ``"GMS"``), taken
from the library's ``*_str()`` function, and :meth:`parse` reads a word
with the library's ``*_parse()`` function (case-insensitive). Everywhere
the API takes an enum it also takes such a word or the integer value.
"""

from __future__ import annotations

import enum
from typing import Any, Callable, Dict, Optional, Type, TypeVar

from . import errors
from ._ffi import lib

E = TypeVar("E", bound="_Enum")


class _Enum(enum.IntEnum):
    """Shared behaviour: the library's word for a value, and parsing one."""

    @classmethod
    def _c_str(cls) -> Optional[Callable[[int], Optional[bytes]]]:
        return None

    @classmethod
    def _c_parse(cls) -> Optional[Callable[[bytes], int]]:
        return None

    @property
    def token(self) -> str:
        """The library's word for this value, e.g. ``"requires_improvement"``."""
        fn = self._c_str()
        if fn is not None:
            text = fn(int(self))
            if text is not None:
                return text.decode("utf-8")
        return self.name.lower()

    def __str__(self) -> str:
        return self.token

    def __format__(self, spec: str) -> str:
        return format(str(self), spec)

    @classmethod
    def parse(cls: Type[E], word: str) -> E:
        """The member a word names, case-insensitively.

        Raises:
            InvalidError: (a ValueError) for a word that names none.
        """
        if not isinstance(word, str):
            raise errors.InvalidError(errors.INVALID, "%s: expected a word, got %r"
                                      % (cls.__name__, word))
        fn = cls._c_parse()
        value: Optional[int] = None
        if fn is not None and "\0" not in word:
            parsed = fn(word.encode("utf-8"))
            if parsed in cls._value2member_map_:
                value = parsed
        else:
            for member in cls:
                if member.token.lower() == word.strip().lower():
                    value = int(member)
        if value is None:
            raise errors.InvalidError(
                errors.INVALID, "%r is not a %s (one of: %s)"
                % (word, cls._label(), ", ".join(m.token for m in cls)))
        return cls(value)

    @classmethod
    def coerce(cls: Type[E], value: Any, field: str = "") -> E:
        """A member from a member, its integer value or its word.

        Raises:
            InvalidError: for anything else.
        """
        if isinstance(value, cls):
            return value
        if isinstance(value, str):
            return cls.parse(value)
        if isinstance(value, int) and not isinstance(value, bool) and value in cls._value2member_map_:
            return cls(value)
        raise errors.InvalidError(
            errors.INVALID, "%s%r is not a %s (one of: %s)"
            % (field + ": " if field else "", value, cls._label(),
               ", ".join(m.token for m in cls)))

    @classmethod
    def _label(cls) -> str:
        return cls.__name__


class PracticeStatus(_Enum):
    """A practice's ODS status."""
    ACTIVE = 1
    CLOSED = 2
    DORMANT = 3
    PROPOSED = 4

    @classmethod
    def _c_str(cls):
        return lib.pcreg_practice_status_str

    @classmethod
    def _c_parse(cls):
        return lib.pcreg_practice_status_parse


class CommissionerKind(_Enum):
    """What kind of body a commissioner is."""
    CCG = 1
    SUB_ICB = 2
    ICB = 3
    REGION = 4
    OTHER = 5

    @classmethod
    def _c_str(cls):
        return lib.pcreg_commissioner_kind_str

    @classmethod
    def _c_parse(cls):
        return lib.pcreg_commissioner_kind_parse


class ArrangementLevel(_Enum):
    """The level at which a commissioner co-commissions general practice."""
    GREATER_INVOLVEMENT = 1
    JOINT = 2
    DELEGATED = 3

    @classmethod
    def _c_str(cls):
        return lib.pcreg_arrangement_level_str

    @classmethod
    def _c_parse(cls):
        return lib.pcreg_arrangement_level_parse


class NetworkKind(_Enum):
    """A primary care network (U code) or a local network (local id)."""
    PCN = 1
    LOCAL = 2

    @classmethod
    def _c_str(cls):
        return lib.pcreg_network_kind_str

    @classmethod
    def _c_parse(cls):
        return lib.pcreg_network_kind_parse


class MembershipKind(_Enum):
    """What a practice is a member of."""
    COMMISSIONER = 1
    NETWORK = 2
    FEDERATION = 3

    @classmethod
    def _c_str(cls):
        return lib.pcreg_membership_kind_str

    @classmethod
    def _c_parse(cls):
        return lib.pcreg_membership_kind_parse


class ContractType(_Enum):
    """What kind of contract it is; GMS, PMS and APMS are core contracts."""
    GMS = 1
    PMS = 2
    APMS = 3
    DES = 4
    LES = 5
    LIS = 6
    OTHER = 7

    @classmethod
    def _c_str(cls):
        return lib.pcreg_contract_type_str

    @classmethod
    def _c_parse(cls):
        return lib.pcreg_contract_type_parse

    @property
    def is_core(self) -> bool:
        """Whether a practice holds one of these at a time (GMS, PMS, APMS)."""
        return bool(lib.pcreg_contract_type_is_core(int(self)))


class Rating(_Enum):
    """A CQC rating, overall or for one key question."""
    OUTSTANDING = 1
    GOOD = 2
    REQUIRES_IMPROVEMENT = 3
    INADEQUATE = 4
    INSUFFICIENT_EVIDENCE = 5

    @classmethod
    def _c_str(cls):
        return lib.pcreg_rating_str

    @classmethod
    def _c_parse(cls):
        return lib.pcreg_rating_parse


class EventKind(_Enum):
    """What happened, in a practice's timeline."""
    OPENED = 1
    CLOSED = 2
    JOINED_COMMISSIONER = 3
    LEFT_COMMISSIONER = 4
    JOINED_NETWORK = 5
    LEFT_NETWORK = 6
    JOINED_FEDERATION = 7
    LEFT_FEDERATION = 8
    CONTRACT_STARTED = 9
    CONTRACT_ENDED = 10
    INSPECTED = 11
    REPORT_PUBLISHED = 12
    LIST_SIZE = 13

    @classmethod
    def _c_str(cls):
        return lib.pcreg_event_kind_str

    @classmethod
    def _c_parse(cls):
        return lib.pcreg_event_kind_parse


class ImportKind(_Enum):
    """What a file to import is; AUTO tells from the content."""
    AUTO = 0
    EPRACCUR = 1
    ECCG = 2
    ICB_NAMES = 3
    PRACTICE_MAP = 4
    SUCC = 5
    PCN_DETAILS = 6
    PCN_PARTNERS = 7
    LIST_SIZE = 8
    PAYMENTS = 9
    CQC = 10
    REGISTRY_CSV = 11
    REGISTRY_JSONL = 12

    @classmethod
    def _c_str(cls):
        return lib.pcreg_import_kind_str

    @classmethod
    def _c_parse(cls):
        return lib.pcreg_import_kind_parse

    @classmethod
    def _label(cls) -> str:
        return "kind of import"


class ImportMode(_Enum):
    """STRICT stops at the first bad row; LENIENT skips and reports bad rows."""
    STRICT = 0
    LENIENT = 1


class ExportFormat(_Enum):
    """CSV with a header row, or JSON Lines."""
    CSV = 1
    JSONL = 2


class Certainty(_Enum):
    """How a dated answer is known (see :class:`pcreg.Answer`)."""
    NOT_KNOWN = 0
    STATED = 1
    INFERRED = 2
    UNCERTAIN = 3

    @classmethod
    def _c_str(cls):
        return lib.pcreg_certainty_str


#: Every enum class, by the name of the C type it mirrors.
C_TYPES: Dict[str, Type[_Enum]] = {
    "pcreg_practice_status_value": PracticeStatus,
    "pcreg_commissioner_kind_value": CommissionerKind,
    "pcreg_arrangement_level_value": ArrangementLevel,
    "pcreg_network_kind_value": NetworkKind,
    "pcreg_membership_kind_value": MembershipKind,
    "pcreg_contract_type_value": ContractType,
    "pcreg_rating": Rating,
    "pcreg_event_kind_value": EventKind,
    "pcreg_import_kind_value": ImportKind,
    "pcreg_import_mode_value": ImportMode,
    "pcreg_export_format_value": ExportFormat,
    "pcreg_certainty_value": Certainty,
}
