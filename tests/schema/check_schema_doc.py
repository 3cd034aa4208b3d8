#!/usr/bin/env python3
"""docs/schema.md against the live schema of a fresh registry.

usage: check_schema_doc.py PCREG SCHEMA_MD WORKDIR

Makes a registry at the newest schema with `pcreg init`, then checks that
every table and view in it (but SQLite's own sqlite_*) has a section in
SCHEMA_MD headed by its name in backquotes, that every column
(PRAGMA table_xinfo, hidden ones too) is a row of that section's table, and
that nothing the page documents is missing from the file. Prints every
difference, each naming the table or column, and exits 1 if there is any.
"""
import os
import re
import sqlite3
import subprocess
import sys

HEADING = re.compile(r"^#{1,6}\s")
SECTION = re.compile(r"^###\s+`([^`]+)`\s*$")
COLUMN_ROW = re.compile(r"^\|\s*`([^`]+)`\s*\|")


def documented(path):
    """{object name: [column names]} from the page, in its order."""
    sections = {}
    current = None
    with open(path, encoding="utf-8") as page:
        for number, line in enumerate(page, 1):
            line = line.rstrip("\n")
            if HEADING.match(line):
                match = SECTION.match(line)
                current = match.group(1) if match else None
                if current is not None:
                    if current in sections:
                        sys.exit(f"{path}:{number}: a second section for {current}")
                    sections[current] = []
                continue
            match = COLUMN_ROW.match(line)
            if current is not None and match:
                sections[current].append(match.group(1))
    return sections


def live(registry):
    """{object name: (type, [column names])} from the registry itself."""
    db = sqlite3.connect(f"file:{registry}?mode=ro", uri=True)
    try:
        objects = db.execute(
            "SELECT name, type FROM sqlite_schema WHERE type IN ('table', 'view')"
            " AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name").fetchall()
        return {name: (kind, [row[1] for row in
                              db.execute("SELECT * FROM pragma_table_xinfo(?)", (name,))])
                for name, kind in objects}
    finally:
        db.close()


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__.strip().splitlines()[2])
    pcreg, page, workdir = sys.argv[1:]
    os.makedirs(workdir, exist_ok=True)
    registry = os.path.join(workdir, "schema-doc.db")
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(registry + suffix):
            os.remove(registry + suffix)
    subprocess.run([pcreg, "--db", registry, "init"], check=True, stdout=subprocess.DEVNULL)

    docs = documented(page)
    schema = live(registry)
    problems = []
    for name, (kind, columns) in schema.items():
        if name not in docs:
            problems.append(f"{kind} {name}: in the registry, no section '### `{name}`'"
                            f" in {page}")
            continue
        for column in columns:
            if column not in docs[name]:
                problems.append(f"{kind} {name}: column {column} is not documented")
        for column in docs[name]:
            if column not in columns:
                problems.append(f"{kind} {name}: documented column {column} is not in"
                                f" the registry")
        if len(set(docs[name])) != len(docs[name]):
            problems.append(f"{kind} {name}: a column is documented twice")
    for name in docs:
        if name not in schema:
            problems.append(f"{name}: documented in {page} but not a table or view of"
                            f" the registry")
    for problem in problems:
        print(f"schema_doc: {problem}", file=sys.stderr)
    print(f"schema_doc: {len(schema)} tables and views,"
          f" {sum(len(c) for _, c in schema.values())} columns; {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
