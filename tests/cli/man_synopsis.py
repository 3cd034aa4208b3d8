#!/usr/bin/env python3
"""The man page's synopsis of every command equals the one pcreg makes from
its command tables (`pcreg help --synopsis`), so the page cannot drift from
the parser.

usage: man_synopsis.py PCREG MAN_PAGE
"""
import re
import subprocess
import sys


def man_synopses(path):
    """The tag of every .TP in the COMMANDS section, as plain text."""
    lines = open(path, encoding="utf-8").read().split("\n")
    start = lines.index(".SH COMMANDS")
    end = next(i for i in range(start + 1, len(lines)) if lines[i].startswith(".SH "))
    found = []
    for i in range(start, end - 1):
        if lines[i] == ".TP" and lines[i + 1].startswith('.B "'):
            tag = lines[i + 1][len('.B "'):].rstrip('"')
            found.append(re.sub(r"\\f[BIRP]", "", tag).replace("\\-", "-"))
    return found


def main():
    pcreg, page = sys.argv[1:3]
    made = subprocess.run([pcreg, "help", "--synopsis"], capture_output=True, text=True,
                          check=True).stdout.strip().split("\n")
    written = man_synopses(page)
    problems = []
    for line in made:
        if line not in written:
            problems.append("the man page lacks (or differs on): " + line)
    for line in written:
        if line not in made:
            problems.append("the man page has a synopsis pcreg does not: " + line)
    for p in problems:
        print(p)
    print("man_synopsis: %d commands, %d problems" % (len(made), len(problems)))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
