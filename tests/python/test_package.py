"""The package as released: its metadata agrees with the library, it is
marked typed, and every public function and method is annotated."""

from __future__ import annotations

import inspect
import os
import re
import unittest

import pcreg
from support import REPO

PACKAGE_DIR = os.path.dirname(pcreg.__file__)
PYPROJECT = os.path.join(REPO, "bindings", "python", "pyproject.toml")


def public_callables():
    """(name, function) for every public function and method pcreg exports."""
    for name in pcreg.__all__:
        obj = getattr(pcreg, name)
        if inspect.isfunction(obj):
            yield name, obj
        elif inspect.isclass(obj) and obj.__module__.startswith("pcreg"):
            for attr, member in vars(obj).items():
                if attr.startswith("_") and attr not in ("__init__", "__iter__", "__next__",
                                                         "__enter__", "__exit__"):
                    continue
                if isinstance(member, (classmethod, staticmethod)):
                    member = member.__func__
                if isinstance(member, property):
                    member = member.fget
                if inspect.isfunction(member) and member.__module__.startswith("pcreg"):
                    yield "%s.%s" % (name, attr), member


class Package(unittest.TestCase):
    def test_version_is_the_librarys(self) -> None:
        with open(PYPROJECT, encoding="utf-8") as f:
            m = re.search(r'^version = "([^"]+)"', f.read(), re.M)
        assert m
        self.assertEqual(m.group(1), pcreg.version())
        self.assertEqual(pcreg.__version__, pcreg.version())

    def test_marked_typed(self) -> None:
        self.assertTrue(os.path.exists(os.path.join(PACKAGE_DIR, "py.typed")))

    def test_type_hints_throughout(self) -> None:
        missing = []
        count = 0
        for name, fn in public_callables():
            count += 1
            sig = inspect.signature(fn)
            if sig.return_annotation is inspect.Signature.empty and fn.__name__ != "__init__":
                missing.append("%s: return" % name)
            for pname, param in sig.parameters.items():
                if pname in ("self", "cls") or param.kind in (param.VAR_POSITIONAL,
                                                              param.VAR_KEYWORD) \
                        and param.annotation is not inspect.Parameter.empty:
                    continue
                if param.annotation is inspect.Parameter.empty:
                    missing.append("%s: %s" % (name, pname))
        self.assertGreater(count, 100)
        self.assertEqual(missing, [])


if __name__ == "__main__":
    unittest.main()
