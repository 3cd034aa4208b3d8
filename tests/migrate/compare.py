#!/usr/bin/env python3
"""Compare two answers files (answers.py) under the rules of EXPECTED_DIFFERENCES.

usage: compare.py V3_ANSWERS CURRENT_ANSWERS EXPECTED_DIFFERENCES

Both files must hold the same commands in the same order. An answer (what a
command printed on stdout and stderr, and its exit status) the same in both
passes; one that differs passes only if the rules that apply to its command
account for every difference (EXPECTED_DIFFERENCES says what each kind of
rule does). For every other answer a unified diff is printed (after the
rules, so only what they do not explain shows; at most $COMPARE_MAX_DIFFS
answers, default 40). At the end: how many answers were compared, how many
were the same, how many differed as expected, and for each rule how many
answers needed it (an answer needs a rule when it would fail without it).
Exits 0 when every answer passes, 1 when one does not, 2 on a bad file.
"""

import difflib
import os
import re
import sys

HEADER = "=== pcreg "
TRAILER = "=== exit "
KINDS = {
    "added-line": ("line",),
    "changed-line": ("line",),
    "added-column": ("column", "value"),
    "changed-column": ("column",),
    "rewritten-line": ("line", "as-v3"),
}
TABLE_RULE = re.compile(r"^-+(  -+)*$")
TEMPLATE_FIELD = re.compile(r"\{([A-Za-z_]\w*(?:\+[A-Za-z_]\w*)*)\}")


class BadFile(Exception):
    pass


# ---- reading ----------------------------------------------------------------


def read_answers(path):
    """[(command, [lines])]: each answer's lines end with its exit line."""
    answers = []
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    current = None
    for n, line in enumerate(lines, 1):
        if line.startswith(HEADER):
            if current is not None:
                raise BadFile("%s:%d: an answer starts before the last one ended" % (path, n))
            current = (line[len(HEADER):], [])
        elif current is None:
            raise BadFile("%s:%d: a line outside any answer" % (path, n))
        else:
            current[1].append(line)
            if line.startswith(TRAILER):
                answers.append(current)
                current = None
    if current is not None:
        raise BadFile("%s: the last answer has no exit line" % path)
    return answers


def read_rules(path):
    rules, block = [], {}
    last_key = None

    def finish():
        if not block:
            return
        for key in ("rule", "commands", "kind", "why"):
            if key not in block:
                raise BadFile("%s: a rule without '%s': %s" % (path, key, block))
        if block["kind"] not in KINDS:
            raise BadFile("%s: rule %s: no kind '%s'" % (path, block["rule"], block["kind"]))
        for key in KINDS[block["kind"]]:
            if key not in block:
                raise BadFile("%s: rule %s (%s) needs '%s'"
                              % (path, block["rule"], block["kind"], key))
        if any(r["rule"] == block["rule"] for r in rules):
            raise BadFile("%s: two rules named %s" % (path, block["rule"]))
        try:
            block["commands_re"] = re.compile(block["commands"])
            if "line" in block:
                block["line_re"] = re.compile(block["line"])
            if "value" in block:
                block["value_re"] = re.compile(block["value"])
        except re.error as e:
            raise BadFile("%s: rule %s: %s" % (path, block["rule"], e))
        if block["kind"] == "changed-line" and "value" not in block["line_re"].groupindex:
            raise BadFile("%s: rule %s: its line has no group named value"
                          % (path, block["rule"]))
        rules.append(dict(block))

    with open(path, encoding="utf-8") as f:
        for n, raw in enumerate(f, 1):
            line = raw.rstrip("\n")
            if line.startswith("#"):
                continue
            if not line.strip():
                finish()
                block.clear()
                last_key = None
            elif line[0] in " \t":
                if last_key is None:
                    raise BadFile("%s:%d: a continuation line with nothing to continue"
                                  % (path, n))
                block[last_key] += " " + line.strip()
            else:
                key, sep, value = line.partition(":")
                if not sep:
                    raise BadFile("%s:%d: not 'key: value'" % (path, n))
                key = key.strip()
                if key not in ("rule", "commands", "kind", "why", "line", "column",
                               "value", "as-v3"):
                    raise BadFile("%s:%d: no key '%s'" % (path, n, key))
                block[key] = value.strip()
                last_key = key
    finish()
    return rules


# ---- tables ----------------------------------------------------------------


def tables(lines):
    """Each table in an answer: (first line, end line, spans, headings).

    A table is a line of headings, a rule of dashes (one run a column, two
    spaces between), then rows up to a blank line, a stderr line or the
    exit line; each column is the span of its dashes.
    """
    found, i = [], 0
    while i + 1 < len(lines):
        if TABLE_RULE.match(lines[i + 1]) and not lines[i].startswith(("stderr: ", TRAILER)):
            spans = [(m.start(), m.end()) for m in re.finditer(r"-+", lines[i + 1])]
            headings = [lines[i][s:e].strip() for s, e in spans]
            end = i + 2
            while end < len(lines) and lines[end] != "" and \
                    not lines[end].startswith(("stderr: ", TRAILER)):
                end += 1
            found.append((i, end, spans, headings))
            i = end
        else:
            i += 1
    return found


def cut_column(lines, rule, problems):
    """added-column: the current answer without the column; cells that do
    not match the rule's value are reported in problems."""
    out = list(lines)
    for first, end, spans, headings in reversed(tables(lines)):
        if rule["column"] not in headings:
            continue
        c = headings.index(rule["column"])
        start, stop = spans[c]
        for i in range(first, end):
            line = out[i]
            if i >= first + 2:
                cell = line[start:stop].strip()
                if not rule["value_re"].search(cell):
                    problems.append("rule %s: column %s, line %d: %r does not match %s"
                                    % (rule["rule"], rule["column"], i - first - 1, cell,
                                       rule["value"]))
            if start == 0:
                line = line[stop + 2:]
            else:
                line = line[:start - 2] + line[stop:]
            out[i] = line.rstrip(" ")
    return out


def set_aside_column(lines, rule):
    """changed-column: each table holding the column becomes its cells,
    ' | ' between them, that column's cells set aside."""
    out = list(lines)
    for first, end, spans, headings in reversed(tables(lines)):
        if rule["column"] not in headings:
            continue
        c = headings.index(rule["column"])
        rendered = []
        for i in range(first, end):
            if i == first + 1:
                continue
            cells = [lines[i][s:e].strip() for s, e in spans]
            if i > first + 1:
                cells[c] = "<%s>" % rule["rule"]
            rendered.append("| " + " | ".join(cells) + " |")
        out[first:end] = rendered
    return out


# ---- lines -----------------------------------------------------------------


def fill(template, groups):
    def field(m):
        names = m.group(1).split("+")
        if len(names) == 1:
            return groups[names[0]]
        return str(sum(int(groups[name]) for name in names))
    return TEMPLATE_FIELD.sub(field, template)


def apply_rules(rules, v3, current):
    """Both answers after the rules, and what the rules found wrong."""
    problems = []
    # Columns are cut by position, so before any line is changed.
    for rule in rules:
        if rule["kind"] == "added-column":
            current = cut_column(current, rule, problems)
    for rule in rules:
        kind, line_re = rule["kind"], rule.get("line_re")
        if kind == "added-line":
            current = [line for line in current if not line_re.search(line)]
        elif kind == "rewritten-line":
            out = []
            for line in current:
                m = line_re.search(line)
                out.append(fill(rule["as-v3"], m.groupdict()) if m else line)
            current = out
        elif kind == "changed-line":
            def aside(line):
                m = line_re.search(line)
                if not m:
                    return line
                return line[:m.start("value")] + "<%s>" % rule["rule"] + line[m.end("value"):]
            v3 = [aside(line) for line in v3]
            current = [aside(line) for line in current]
    for rule in rules:
        if rule["kind"] == "changed-column":
            v3 = set_aside_column(v3, rule)
            current = set_aside_column(current, rule)
    current = current + ["!!! " + p for p in problems]
    return v3, current


def main(argv):
    if len(argv) != 4:
        sys.stderr.write(__doc__.split("\n\n")[1] + "\n")
        return 2
    try:
        old = read_answers(argv[1])
        new = read_answers(argv[2])
        rules = read_rules(argv[3])
    except (OSError, BadFile) as e:
        sys.stderr.write("compare.py: %s\n" % e)
        return 2
    if not old:
        sys.stderr.write("compare.py: %s holds no answers\n" % argv[1])
        return 2
    if [c for c, _ in old] != [c for c, _ in new]:
        for i, ((a, _), (b, _)) in enumerate(zip(old, new)):
            if a != b:
                break
        else:
            i = min(len(old), len(new))
        sys.stderr.write("compare.py: the answers were made with different commands"
                         " (%d and %d answers; the first difference is answer %d)\n"
                         % (len(old), len(new), i + 1))
        return 2

    max_diffs = int(os.environ.get("COMPARE_MAX_DIFFS", "40"))
    same = expected = 0
    unexpected = []
    needed = {r["rule"]: 0 for r in rules}
    for (command, v3), (_, current) in zip(old, new):
        if v3 == current:
            same += 1
            continue
        applicable = [r for r in rules if r["commands_re"].match(command)]
        a, b = apply_rules(applicable, v3, current)
        if a != b:
            unexpected.append((command, a, b))
            continue
        expected += 1
        for rule in applicable:
            others = [r for r in applicable if r is not rule]
            a, b = apply_rules(others, v3, current)
            if a != b:
                needed[rule["rule"]] += 1

    for command, a, b in unexpected[:max_diffs]:
        sys.stdout.writelines(difflib.unified_diff(
            [line + "\n" for line in a], [line + "\n" for line in b],
            "v3: pcreg " + command, "current: pcreg " + command))
    if len(unexpected) > max_diffs:
        print("... and %d more answers differ (COMPARE_MAX_DIFFS=%d)"
              % (len(unexpected) - max_diffs, max_diffs))
    print("compare: %d answers compared: %d the same, %d differ as expected, %d differ"
          " otherwise" % (len(old), same, expected, len(unexpected)))
    for rule in rules:
        print("  rule %-28s needed by %d answers" % (rule["rule"], needed[rule["rule"]]))
    return 1 if unexpected else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
