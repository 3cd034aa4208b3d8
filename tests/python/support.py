"""What the Python binding tests share: paths, the sample registry, scratch space.

The tests run under ctest with PCREG_LIBRARY and PYTHONPATH set by
bindings/CMakeLists.txt; run by hand, set the same two variables.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import unittest
from typing import List, Tuple

import pcreg

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
SAMPLE_DATA = os.path.join(REPO, "examples", "data")
SHARED_DATA = os.path.join(os.path.dirname(REPO), "shared", "data")
SANITIZED = os.environ.get("PCREG_SANITIZED") == "1"


def load_order() -> List[Tuple[str, str]]:
    """The sample's files and kinds, as examples/data/LOAD_ORDER lists them."""
    order = []
    with open(os.path.join(SAMPLE_DATA, "LOAD_ORDER"), encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            name, kind, *rest = line.split()
            order.append((name, kind))
    return order


def release_dates() -> dict:
    """The release date LOAD_ORDER gives each national file (None: the file's own)."""
    dates = {}
    with open(os.path.join(SAMPLE_DATA, "LOAD_ORDER"), encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            name, kind, *rest = line.split()
            dates[name] = rest[0] if rest and rest[0] != "-" else None
    return dates


def build_sample(path: str) -> List[pcreg.ImportReport]:
    """Make the sample registry at ``path`` through the bindings, as
    examples/load_sample.sh does with the CLI; returns each import's report."""
    reports = []
    with pcreg.open(path, create=True) as reg:
        released = release_dates()
        for name, kind in load_order():
            reports.append(reg.import_file(os.path.join(SAMPLE_DATA, name), kind=kind,
                                           released=released[name]))
    return reports


class ScratchTest(unittest.TestCase):
    """A test case with a scratch directory, removed afterwards."""

    def setUp(self) -> None:
        self.dir = tempfile.mkdtemp(prefix="pcreg-py-")
        self.addCleanup(shutil.rmtree, self.dir, True)

    def path(self, name: str) -> str:
        return os.path.join(self.dir, name)


class SampleTest(unittest.TestCase):
    """Test cases sharing one sample registry built once for the class."""

    sample_dir: str
    sample: str

    @classmethod
    def setUpClass(cls) -> None:
        cls.sample_dir = tempfile.mkdtemp(prefix="pcreg-py-sample-")
        cls.sample = os.path.join(cls.sample_dir, "sample.db")
        cls.sample_reports = build_sample(cls.sample)

    @classmethod
    def tearDownClass(cls) -> None:
        shutil.rmtree(cls.sample_dir, True)

    def copy_sample(self) -> str:
        """A private copy of the sample registry, for tests that write."""
        d = tempfile.mkdtemp(prefix="pcreg-py-copy-")
        self.addCleanup(shutil.rmtree, d, True)
        dst = os.path.join(d, "sample.db")
        shutil.copy(self.sample, dst)
        return dst
