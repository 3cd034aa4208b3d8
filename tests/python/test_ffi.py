"""The ctypes declarations against the C headers, and finding the library.

pcreg_ffi.h is the build's one-file copy of the public API (the test
ffi_header keeps it in step with include/pcreg/*.h); every prototype and
every public struct in it must be declared the same way in pcreg._ffi,
and every function the shared library exports must be declared.
"""

from __future__ import annotations

import ctypes
import os
import re
import shutil
import subprocess
import sys
import types
import unittest
from ctypes import POINTER, c_char_p, c_double, c_int, c_int32, c_int64, c_uint, c_void_p
from typing import Any, Dict, List, Tuple

import pcreg
from pcreg import _ffi
from support import REPO, ScratchTest

HEADER = os.path.join(REPO, "include", "pcreg", "pcreg_ffi.h")
PACKAGE = os.path.dirname(pcreg.__file__)


def _header_text() -> str:
    with open(HEADER, encoding="utf-8") as f:
        text = f.read()
    text = re.sub(r"/\*.*?\*/", " ", text, flags=re.S)
    return " ".join(text.split())


def _enum_names(text: str) -> List[str]:
    return re.findall(r"typedef enum \w+ \{[^}]*\} (\w+);", text)


def _ctype(c: str, enums: List[str]) -> Any:
    """The ctypes type the binding rules give a C type."""
    c = " ".join(c.replace("*", " * ").split())
    # const, wherever it stands ("const char *const *"), changes no ctype.
    c = " ".join(re.sub(r"\bconst\b", " ", c).split())
    stars = c.count("*")
    base = c.replace("*", "").strip()
    scalar = {"int": c_int, "unsigned int": c_uint, "int64_t": c_int64, "int32_t": c_int32,
              "double": c_double}
    if base == "void":
        t: Any = None if stars == 0 else c_void_p
        stars = max(stars - 1, 0)
    elif base == "char" and stars:
        t, stars = c_char_p, stars - 1
    elif base in scalar:
        t = scalar[base]
    elif base in enums:
        t = c_int
    else:
        t = getattr(_ffi, base)  # an opaque struct
    for _ in range(stars):
        t = POINTER(t)
    return t


def header_functions() -> Dict[str, Tuple[Any, List[Any]]]:
    text = _header_text()
    enums = _enum_names(text)
    body = re.sub(r"typedef (enum|struct) \w+ \{[^}]*\} \w+;", " ", text)
    body = re.sub(r"enum pcreg_constants \{[^}]*\};", " ", body)
    out: Dict[str, Tuple[Any, List[Any]]] = {}
    for decl in body.split(";"):
        m = re.match(r"\s*(.*?)\b(pcreg_\w+)\s*\((.*)\)\s*$", decl)
        if not m or decl.strip().startswith("typedef"):
            continue
        ret, name, args = m.groups()
        params = [] if args.strip() in ("", "void") else [
            _ctype(re.sub(r"\s*\b\w+$", "", a.strip()), enums) for a in args.split(",")]
        out[name] = (_ctype(ret, enums), params)
    return out


def header_structs() -> Dict[str, List[Tuple[str, Any]]]:
    text = _header_text()
    enums = _enum_names(text)
    out = {}
    for name, members, _ in re.findall(r"typedef struct (\w+) \{([^}]*)\} (\w+);", text):
        fields = []
        for member in members.split(";"):
            if member.strip():
                m = re.match(r"(.*?)(\w+)$", member.strip())
                assert m
                fields.append((m.group(2), _ctype(m.group(1), enums)))
        out[name] = fields
    return out


class Declarations(unittest.TestCase):
    def test_every_prototype_declared_alike(self) -> None:
        want = header_functions()
        have = {name: (res, args) for name, res, args in _ffi.FUNCTIONS}
        self.assertGreater(len(want), 400)
        self.assertEqual(sorted(set(want) - set(have)), [], "not declared in _ffi")
        self.assertEqual(sorted(set(have) - set(want)), [], "declared but not in the header")
        for name, (res, args) in want.items():
            with self.subTest(function=name):
                self.assertEqual(have[name][0], res, "result type")
                self.assertEqual(list(have[name][1]), args, "argument types")

    def test_every_export_declared(self) -> None:
        nm = shutil.which("nm")
        if nm is None:
            self.skipTest("no nm")
        out = subprocess.run([nm, "-D", "--defined-only", pcreg.LIBRARY_PATH],
                             capture_output=True, text=True, check=True).stdout
        exported = {line.split()[-1] for line in out.splitlines() if " T pcreg_" in line}
        declared = {name for name, _, _ in _ffi.FUNCTIONS}
        self.assertEqual(sorted(exported - declared), [])
        self.assertEqual(sorted(declared - exported), [])

    def test_structs_member_for_member(self) -> None:
        want = header_structs()
        self.assertEqual(set(want), {cls.__name__ for cls in _ffi.STRUCT_INIT})
        for cls in _ffi.STRUCT_INIT:
            with self.subTest(struct=cls.__name__):
                self.assertEqual([(n, t) for n, t in cls._fields_], want[cls.__name__])

    def test_struct_versions_and_defaults(self) -> None:
        text = _header_text()
        for cls, (init, version) in _ffi.STRUCT_INIT.items():
            macro = cls.__name__.upper().replace("PCREG_", "PCREG_", 1) + "_VERSION"
            m = re.search(r"\b%s = (\d+)" % macro, text)
            self.assertIsNotNone(m, macro)
            self.assertEqual(int(m.group(1)), version, macro)
            s = cls()
            self.assertEqual(getattr(_ffi.lib, init)(ctypes.byref(s), version), 0)
            self.assertEqual(s.version, version)
            self.assertLess(getattr(_ffi.lib, init)(ctypes.byref(s), version + 100), 0)

    def test_status_values_match(self) -> None:
        from pcreg import errors
        block = re.search(r"typedef enum pcreg_status \{([^}]*)\}", _header_text())
        assert block
        values = dict(re.findall(r"PCREG_(\w+) = (-?\d+)", block.group(1)))
        self.assertEqual(len(values), 19)
        for name, value in values.items():
            self.assertEqual(getattr(errors, name), int(value), name)


def _run(code: str, env: Dict[str, str], cwd: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", code], env=env, cwd=cwd, capture_output=True,
                          text=True, timeout=120)


class Loading(ScratchTest):
    """Where the library is looked for, in its own interpreter each time."""

    def env(self, **extra: str) -> Dict[str, str]:
        env = {k: v for k, v in os.environ.items()
               if k not in ("PCREG_LIBRARY", "LD_LIBRARY_PATH", "PYTHONPATH")}
        env.update(extra)
        return env

    def test_env_var_wins(self) -> None:
        r = _run("import pcreg; print(pcreg.LIBRARY_PATH)",
                 self.env(PYTHONPATH=os.path.dirname(PACKAGE),
                          PCREG_LIBRARY=pcreg.LIBRARY_PATH), self.dir)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(r.stdout.strip(), pcreg.LIBRARY_PATH)

    def test_env_var_to_nothing(self) -> None:
        missing = self.path("libpcreg.so")
        r = _run("import pcreg", self.env(PYTHONPATH=os.path.dirname(PACKAGE),
                                          PCREG_LIBRARY=missing), self.dir)
        self.assertNotEqual(r.returncode, 0)
        self.assertIn("LibraryNotFoundError", r.stderr)
        self.assertIn(missing, r.stderr)

    def test_beside_the_package(self) -> None:
        copy = os.path.join(self.dir, "pcreg")
        shutil.copytree(PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__", "*.so*"))
        shutil.copy(pcreg.LIBRARY_PATH, os.path.join(copy, "libpcreg.so.0"))
        r = _run("import pcreg; print(pcreg.LIBRARY_PATH)", self.env(PYTHONPATH=self.dir),
                 self.dir)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(r.stdout.strip(), os.path.join(copy, "libpcreg.so.0"))

    def copy_package(self) -> str:
        copy = os.path.join(self.dir, "pcreg")
        shutil.copytree(PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__", "*.so*",
                                                                      "_install.py"))
        return copy

    def test_where_cmake_install_put_it(self) -> None:
        copy = self.copy_package()
        libdir = os.path.join(self.dir, "prefix", "lib")
        os.makedirs(libdir)
        shutil.copy(pcreg.LIBRARY_PATH, os.path.join(libdir, "libpcreg.so.0"))
        with open(os.path.join(copy, "_install.py"), "w", encoding="utf-8") as f:
            f.write("LIBDIR = %r\n" % libdir)
        r = _run("import pcreg; print(pcreg.LIBRARY_PATH)", self.env(PYTHONPATH=self.dir),
                 self.dir)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(r.stdout.strip(), os.path.join(libdir, "libpcreg.so.0"))

    @unittest.skipIf(shutil.which("pkg-config") is None, "pkg-config is not installed")
    def test_where_pkg_config_says(self) -> None:
        self.copy_package()
        prefix = os.path.join(self.dir, "elsewhere")
        os.makedirs(os.path.join(prefix, "lib", "pkgconfig"))
        shutil.copy(pcreg.LIBRARY_PATH, os.path.join(prefix, "lib", "libpcreg.so.0"))
        with open(os.path.join(prefix, "lib", "pkgconfig", "pcreg.pc"), "w",
                  encoding="utf-8") as f:
            f.write("libdir=%s/lib\nName: pcreg\nDescription: test\nVersion: 0.1.0\n"
                    "Libs: -L${libdir} -lpcreg\n" % prefix)
        r = _run("import pcreg; print(pcreg.LIBRARY_PATH)",
                 self.env(PYTHONPATH=self.dir,
                          PKG_CONFIG_PATH=os.path.join(prefix, "lib", "pkgconfig")), self.dir)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(r.stdout.strip(), os.path.join(prefix, "lib", "libpcreg.so.0"))

    def test_nowhere(self) -> None:
        copy = os.path.join(self.dir, "pcreg")
        shutil.copytree(PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__", "*.so*"))
        r = _run("import pcreg", self.env(PYTHONPATH=self.dir), self.dir)
        if r.returncode == 0:
            self.skipTest("a libpcreg is installed on this system")
        self.assertIn("LibraryNotFoundError", r.stderr)
        for place in ("PCREG_LIBRARY", os.path.join(copy, "libpcreg.so*"), "pkg-config",
                      'find_library("pcreg")', "libpcreg.so.0"):
            self.assertIn(place, r.stderr)
        self.assertTrue(issubclass(pcreg.LibraryNotFoundError, ImportError))

    def test_other_major_version_refused(self) -> None:
        fake = types.SimpleNamespace()
        for name, _, _ in _ffi.FUNCTIONS:
            setattr(fake, name, lambda *a: 0)
        fake.pcreg_version_number = lambda: (_ffi.ABI_MAJOR + 1) * 10000
        fake.pcreg_version_string = lambda: b"%d.0.0" % (_ffi.ABI_MAJOR + 1)
        with self.assertRaises(pcreg.LibraryNotFoundError) as cm:
            _ffi._declare(fake, "/fake/libpcreg.so")  # type: ignore[arg-type]
        self.assertIn("%d.0.0" % (_ffi.ABI_MAJOR + 1), str(cm.exception))
        fake.pcreg_version_number = lambda: _ffi.ABI_MAJOR * 10000 + 99
        _ffi._declare(fake, "/fake/libpcreg.so")  # type: ignore[arg-type]  # same major: fine
        del fake.pcreg_check_run
        with self.assertRaises(pcreg.LibraryNotFoundError) as cm:
            _ffi._declare(fake, "/fake/libpcreg.so")  # type: ignore[arg-type]
        self.assertIn("pcreg_check_run", str(cm.exception))


if __name__ == "__main__":
    unittest.main()
