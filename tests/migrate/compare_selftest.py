#!/usr/bin/env python3
"""compare.py, and the rules of EXPECTED_DIFFERENCES, on made-up answers.

usage: compare_selftest.py [EXPECTED_DIFFERENCES]

The sample registry exercises only some of the rules (a rule about names
as of a date has nothing to allow while the sample has one name per
practice), so each kind of rule is shown here to pass what it should and to
fail what it should not. Prints one line per case; exits 1 if any case
comes out otherwise.
"""

import contextlib
import io
import os
import sys
import tempfile

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import compare  # noqa: E402

PRACTICE_V3 = """\
Code:                               F91001
Name:                               FICTIONAL ONE SURGERY
Status:                             active
As of:                              2017-02-01
Commissioner:                       07L
Network:
Federation:"""

PRACTICE_NOW = """\
Code:                               F91001
Name:                               FICTIONAL ONE SURGERY
Status:                             active
As of:                              2017-02-01
Commissioner:                       07L
Commissioner known:                 stated (v3 2026-12-03)
Network:
Network known:                      not known
Federation:"""

REPORT_V3 = """\
Code  Commissioner      Practices  Not inspected
----  ----------------  ---------  -------------
07L   NHS SOME CCG             38              8
      Total                    38              8"""

REPORT_NOW = """\
Code  Commissioner      Practices  Not inspected  Uncertain
----  ----------------  ---------  -------------  ---------
07L   NHS SOME CCG             38              8          0
      Total                    38              8          0"""

IMPORTS_V3 = """\
Import  File      Kind  Mode    Finished              Rows
------  --------  ----  ------  --------------------  ----
     1  a.csv     cqc   strict  YYYY-MM-DDThh:mm:ssZ     4"""

IMPORTS_NOW = """\
Import  File      Kind  Mode    Released    Dated by  Finished              Rows
------  --------  ----  ------  ----------  --------  --------------------  ----
     1  a.csv     cqc   strict  2026-12-03  migrated  YYYY-MM-DDThh:mm:ssZ     4"""

MEMBERS_V3 = """\
Practice  Name                       Member from  to
--------  -------------------------  -----------  --
F91003    FICTIONAL COBBLE SURGERY   2016-10-01
F91006    FICTIONAL FOX SURGERY      2016-10-01"""

MEMBERS_NOW = """\
Practice  Name                                 Member from  to
--------  -----------------------------------  -----------  --
F91003    FICTIONAL COBBLE SURGERY (OLD NAME)  2016-10-01
F91006    FICTIONAL FOX SURGERY                2016-10-01"""

SUMMARY_V3 = ("import 4: e.csv (epraccur), YYYY-MM-DDThh:mm:ssZ: 1 opened, 0 closed, 0 renamed,"
              " 3 moved commissioner, 0 moved network, 4 merged")
SUMMARY_NOW = ("import 4: e.csv (epraccur), YYYY-MM-DDThh:mm:ssZ: 1 opened, 0 closed, 0 renamed,"
               " 1 moved commissioner, 2 merged, 0 moved network, 5 reclassified, 4 succeeded,"
               " 0 re-dated")


def answer(command, body, exit_status=0):
    return "=== pcreg %s\n%s%s=== exit %d\n" % (command, body, "\n" if body else "",
                                                exit_status)


# (what it shows, v3 answers, current answers, the exit status compare.py must give)
CASES = [
    ("the same answers pass",
     answer("check", "registry.db: every check holds"),
     answer("check", "registry.db: every check holds"), 0),
    ("another exit status fails",
     answer("check", "registry.db: every check holds"),
     answer("check", "registry.db: every check holds", 1), 1),
    ("a stderr line more fails",
     answer("timeline F91001", ""),
     answer("timeline F91001", "stderr: pcreg: out of memory"), 1),
    ("added-line: the known lines are new in practice show",
     answer("practice show F91001 --as-of 2017-02-01", PRACTICE_V3),
     answer("practice show F91001 --as-of 2017-02-01", PRACTICE_NOW), 0),
    ("added-line: a known line with a word no rule names fails",
     answer("practice show F91001", PRACTICE_V3),
     answer("practice show F91001",
            PRACTICE_NOW.replace("not known", "guessed")), 1),
    ("added-line: only in the commands it names",
     answer("commissioner show 07L", "Code: 07L"),
     answer("commissioner show 07L", "Code: 07L\nCommissioner known: stated"), 1),
    ("added-line: a line v3 had may not go",
     answer("practice show F91001", PRACTICE_NOW),
     answer("practice show F91001",
            PRACTICE_NOW.replace("Network known:                      not known\n", "")), 1),
    ("added-line: any other line that changed still fails",
     answer("practice show F91001", PRACTICE_V3),
     answer("practice show F91001", PRACTICE_NOW.replace("07L", "08F")), 1),
    ("changed-line: the status as of a date may differ",
     answer("practice show F91001 --as-of 2017-02-01", PRACTICE_V3),
     answer("practice show F91001 --as-of 2017-02-01",
            PRACTICE_NOW.replace("active", "proposed")), 0),
    ("changed-line: the status as of today may not",
     answer("practice show F91001", PRACTICE_V3),
     answer("practice show F91001", PRACTICE_NOW.replace("active", "proposed")), 1),
    ("changed-line: the status line must still be there",
     answer("practice show F91001 --as-of 2017-02-01", PRACTICE_V3),
     answer("practice show F91001 --as-of 2017-02-01",
            PRACTICE_NOW.replace("Status:                             active\n", "")), 1),
    ("changed-line: a commissioner's name as of a date may differ",
     answer("commissioner show 07L --as-of 2015-09-15", "Code: 07L\nName:   NHS B AND D CCG"),
     answer("commissioner show 07L --as-of 2015-09-15", "Code: 07L\nName:   NHS BARKING CCG"), 0),
    ("added-column: a new Uncertain column of 0s",
     answer("report cqc --as-of 2017-04-18", REPORT_V3),
     answer("report cqc --as-of 2017-04-18", REPORT_NOW), 0),
    ("added-column: an Uncertain count other than 0 fails",
     answer("report cqc --as-of 2017-04-18", REPORT_V3),
     answer("report cqc --as-of 2017-04-18", REPORT_NOW.replace("          0\n", "          2\n")),
     1),
    ("added-column: the other columns must be the same",
     answer("report cqc", REPORT_V3),
     answer("report cqc", REPORT_NOW.replace("  8  ", "  9  ")), 1),
    ("added-column: two new columns in the middle of imports",
     answer("imports", IMPORTS_V3), answer("imports", IMPORTS_NOW), 0),
    ("added-column: an import without a release date fails",
     answer("imports", IMPORTS_V3),
     answer("imports", IMPORTS_NOW.replace("2026-12-03", "          ")), 1),
    ("changed-column: member names as of a date may differ, widths with them",
     answer("network members bd-west --as-of 2017-04-18", MEMBERS_V3),
     answer("network members bd-west --as-of 2017-04-18", MEMBERS_NOW), 0),
    ("changed-column: a member more fails",
     answer("network members bd-west --as-of 2017-04-18", MEMBERS_V3),
     answer("network members bd-west --as-of 2017-04-18",
            MEMBERS_NOW + "\nF91009    FICTIONAL INK SURGERY                2016-10-01"), 1),
    ("changed-column: another start date fails",
     answer("network members bd-west --as-of 2017-04-18", MEMBERS_V3),
     answer("network members bd-west --as-of 2017-04-18",
            MEMBERS_NOW.replace("FOX SURGERY                2016", "FOX SURGERY                2017")),
     1),
    ("rewritten-line: the summary in v3's words",
     answer("changes", SUMMARY_V3), answer("changes", SUMMARY_NOW), 0),
    ("rewritten-line: a summary whose counts do not add up fails",
     answer("changes", SUMMARY_V3),
     answer("changes", SUMMARY_NOW.replace("2 merged", "3 merged")), 1),
    ("rewritten-line: the summary without re-dated (before issue 10 counted them)",
     answer("changes", SUMMARY_V3), answer("changes", SUMMARY_NOW[:-len(", 0 re-dated")]), 0),
    ("rewritten-line: a migrated import with a re-dated period fails",
     answer("changes", SUMMARY_V3),
     answer("changes", SUMMARY_NOW.replace("0 re-dated", "1 re-dated")), 1),
    ("answers made with other commands are refused",
     answer("check", ""), answer("imports", ""), 2),
]


def run_case(rules_path, tmp, v3, current):
    paths = []
    for name, text in (("v3.txt", v3), ("current.txt", current)):
        path = os.path.join(tmp, name)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        paths.append(path)
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = compare.main(["compare.py", paths[0], paths[1], rules_path])
    return status, out.getvalue() + err.getvalue()


def main(argv):
    here = os.path.dirname(os.path.abspath(__file__))
    rules_path = argv[1] if len(argv) > 1 else os.path.join(here, "EXPECTED_DIFFERENCES")
    failed = 0
    with tempfile.TemporaryDirectory() as tmp:
        for what, v3, current, want in CASES:
            got, output = run_case(rules_path, tmp, v3, current)
            ok = got == want
            failed += not ok
            print("%s %s (compare.py exits %d%s)"
                  % ("ok  " if ok else "FAIL", what, got, "" if ok else ", not %d" % want))
            if not ok:
                sys.stdout.write("".join("    " + line + "\n" for line in output.splitlines()))
    print("compare_selftest: %d cases, %d failed" % (len(CASES), failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
