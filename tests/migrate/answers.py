#!/usr/bin/env python3
"""Ask a registry a list of questions with the pcreg CLI and print the answers.

usage: answers.py PCREG REGISTRY COMMANDS     (one command a line, shell words,
                                               '#' starts a comment line)
       answers.py PCREG REGISTRY --replay ANSWERS
                                              (the commands an answers file
                                               was made with, in its order)

Each answer is printed as

    === pcreg ARGS...
    <what it printed on stdout, line by line>
    stderr: <what it printed on stderr, line by line>
    === exit N

ARGS are the command's words (no --db: every command is run with the CLI's
working directory beside REGISTRY and `--db registry.db`, so a message that
names the registry names the same file whichever copy is asked).

Two things in an answer say when it was asked, not what the registry holds,
and are rewritten here, for both the v3 answers and the current ones, so the
fixture comes out the same each time it is made:
  - an ISO timestamp (2026-12-03T14:49:25Z: when a file was imported, or a
    schema step applied) becomes YYYY-MM-DDThh:mm:ssZ (the same width, so
    tables keep their layout);
  - in the answer to a command without --as-of (which the CLI asks as of
    today), today's date becomes TODAY-DATE (the same width). Every command
    runs with TZ=UTC and LC_ALL=C.
Nothing else is changed, sorted or dropped.
"""

import datetime
import os
import re
import shlex
import subprocess
import sys

HEADER = "=== pcreg "
TRAILER = "=== exit "
REGISTRY_NAME = "registry.db"
TIMESTAMP = re.compile(r"\b\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z")
TIMESTAMP_MARK = "YYYY-MM-DDThh:mm:ssZ"
TODAY_MARK = "TODAY-DATE"


def read_commands(path):
    commands = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if line and not line.startswith("#"):
                commands.append(shlex.split(line))
    return commands


def replay_commands(path):
    """The commands in an answers file's headers."""
    commands = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith(HEADER):
                commands.append(shlex.split(line[len(HEADER):]))
    return commands


def normalise(text, args, today):
    text = TIMESTAMP.sub(TIMESTAMP_MARK, text)
    if "--as-of" not in args:
        text = text.replace(today, TODAY_MARK)
    return text


def lines_of(text, prefix):
    if text == "":
        return []
    out = [prefix + line for line in text.split("\n")]
    if out[-1] == prefix:
        out.pop()
    else:
        # Said so, not mended: a missing newline is part of the answer.
        out.append(prefix + "(no newline at end)")
    return out


def main(argv):
    if len(argv) == 5 and argv[3] == "--replay":
        commands = replay_commands(argv[4])
    elif len(argv) == 4:
        commands = read_commands(argv[3])
    else:
        sys.stderr.write(__doc__.split("\n\n")[1] + "\n")
        return 2
    pcreg = os.path.abspath(argv[1])
    registry = os.path.abspath(argv[2])
    if os.path.basename(registry) != REGISTRY_NAME:
        sys.stderr.write("answers.py: the registry must be called %s (answers name it)\n"
                         % REGISTRY_NAME)
        return 2
    if not commands:
        sys.stderr.write("answers.py: no commands\n")
        return 2
    env = dict(os.environ, TZ="UTC", LC_ALL="C")
    env.pop("PCREG_DB", None)
    out = sys.stdout
    for args in commands:
        today = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d")
        run = subprocess.run([pcreg, "--db", REGISTRY_NAME] + args,
                             cwd=os.path.dirname(registry), env=env,
                             stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE)
        if run.returncode < 0:
            # A crash (or a sanitizer's abort) is no answer to compare.
            sys.stderr.write("answers.py: pcreg %s: killed by signal %d\n%s"
                             % (shlex.join(args), -run.returncode,
                                run.stderr.decode("utf-8", "replace")))
            return 1
        stdout = normalise(run.stdout.decode("utf-8", "replace"), args, today)
        stderr = normalise(run.stderr.decode("utf-8", "replace"), args, today)
        out.write(HEADER + shlex.join(args) + "\n")
        for line in lines_of(stdout, "") + lines_of(stderr, "stderr: "):
            out.write(line + "\n")
        out.write("%s%d\n" % (TRAILER, run.returncode))
    out.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
