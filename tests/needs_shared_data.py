"""Run a test that reads the real national files, or skip it.

usage: needs_shared_data.py DATADIR COMMAND [ARG...]

Without the folder DATADIR this prints why and exits 77, which ctest
reports as skipped (the test's SKIP_RETURN_CODE); with it, it becomes
COMMAND, which must fail if a file it needs is missing from the folder.
The Check suites decide the same in tests/testutil.c. Python, not sh: in a
sanitizer build the Python tests' environment preloads the sanitizer
runtime, under which only the interpreter is known to exit cleanly.
"""

import os
import sys

if len(sys.argv) < 3:
    sys.exit("usage: needs_shared_data.py DATADIR COMMAND [ARG...]")
if not os.path.isdir(sys.argv[1]):
    print("skipped: no ../shared/data at %s" % sys.argv[1])
    sys.exit(77)
sys.stdout.flush()
os.execvp(sys.argv[2], sys.argv[2:])
