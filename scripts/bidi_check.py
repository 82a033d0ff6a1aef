#!/usr/bin/env python3
"""Checks that the Latin runs of a map's right-to-left lines are what the Unicode bidirectional
algorithm (UAX #9) reads left to right, so that librsvg, which lays each `tspan` out in turn along
the line, orders them as Chromium, which orders the whole line by the algorithm, does.

    bidi_check.py MAP.svg [CLASS]

For every `<text direction="rtl">` (each line of it, where a `tspan` sets its own x), the levels of its characters are resolved (paragraph level 1;
rules W1-W7, N0 for brackets, N1-N2, I2; the map writes no embeddings or isolates). Then each
stretch the algorithm puts at level 2 that holds a Latin letter must lie, but for the spaces at its
edges, in one `tspan` of the class CLASS (default latin, with any prefix), and every character of such a `tspan`
must be at level 2. Prints one line; exits 1 with the first lines that fail.
"""
import re, sys, unicodedata
import xml.etree.ElementTree as ET

SVG = '{http://www.w3.org/2000/svg}'
PAIRS = {'(': ')', '[': ']', '{': '}'}


def levels(chars):
    """Resolved levels (1 or 2) of `chars` in a right-to-left paragraph."""
    t = [unicodedata.bidirectional(c) or 'L' for c in chars]
    n = len(t)
    # W1: a non-spacing mark takes the type of what precedes it.
    for i in range(n):
        if t[i] == 'NSM':
            t[i] = t[i - 1] if i else 'R'
    # W2: European numbers after an Arabic letter are Arabic numbers. W3: AL is R.
    last = 'R'
    for i in range(n):
        if t[i] in ('L', 'R', 'AL'):
            last = t[i]
        elif t[i] == 'EN' and last == 'AL':
            t[i] = 'AN'
    t = ['R' if x == 'AL' else x for x in t]
    # W4: a single separator between two numbers of one type.
    for i in range(1, n - 1):
        if t[i] == 'ES' and t[i - 1] == t[i + 1] == 'EN':
            t[i] = 'EN'
        elif t[i] == 'CS' and t[i - 1] == t[i + 1] and t[i - 1] in ('EN', 'AN'):
            t[i] = t[i - 1]
    # W5: terminators next to European numbers. W6: other separators and terminators are neutral.
    for i in range(n):
        if t[i] == 'ET':
            j = i
            while j < n and t[j] == 'ET':
                j += 1
            if (i > 0 and t[i - 1] == 'EN') or (j < n and t[j] == 'EN'):
                for k in range(i, j):
                    t[k] = 'EN'
    t = ['ON' if x in ('ES', 'ET', 'CS') else x for x in t]
    # W7: European numbers after a Latin letter are Latin.
    last = 'R'
    for i in range(n):
        if t[i] in ('L', 'R'):
            last = t[i]
        elif t[i] == 'EN' and last == 'L':
            t[i] = 'L'
    strong = lambda x: 'R' if x in ('R', 'EN', 'AN') else x
    # N0: bracket pairs take the direction of what they hold, or of what precedes them.
    stack, pairs = [], []
    for i, c in enumerate(chars):
        if c in PAIRS:
            stack.append((c, i))
        elif c in PAIRS.values():
            for k in range(len(stack) - 1, -1, -1):
                if PAIRS[stack[k][0]] == c:
                    pairs.append((stack[k][1], i))
                    del stack[k:]
                    break
    for o, c in sorted(pairs):
        inside = {strong(x) for x in t[o + 1:c] if strong(x) in ('L', 'R')}
        if 'R' in inside:
            d = 'R'
        elif 'L' in inside:
            before = next((strong(x) for x in reversed(t[:o]) if strong(x) in ('L', 'R')), 'R')
            d = 'L' if before == 'L' else 'R'
        else:
            continue
        t[o] = t[c] = d
    # N1, N2: neutrals between two of one direction take it, else the paragraph's (R).
    i = 0
    while i < n:
        if strong(t[i]) in ('L', 'R'):
            i += 1
            continue
        j = i
        while j < n and strong(t[j]) not in ('L', 'R'):
            j += 1
        before = strong(t[i - 1]) if i else 'R'
        after = strong(t[j]) if j < n else 'R'
        for k in range(i, j):
            t[k] = before if before == after else 'R'
        i = j
    # I2: at level 1, Latin letters and numbers go up one.
    return [2 if x in ('L', 'EN', 'AN') else 1 for x in t]


def check(path, cls='latin'):
    root = ET.parse(path).getroot()
    failures, lines = [], 0
    for text in root.iter(SVG + 'text'):
        if text.get('direction') != 'rtl':
            continue
        # Each line (a `tspan` with its own x starts one: a label's second line) is a paragraph:
        # its characters and the Latin run (an element's id) each is in, or None.
        paragraphs = [([], [])]
        def walk(e, run):
            if e.text:
                for c in e.text:
                    paragraphs[-1][0].append(c); paragraphs[-1][1].append(run)
            for child in e:
                if child.get('x') is not None:
                    paragraphs.append(([], []))
                walk(child, id(child) if child.get('class', '').endswith(cls) else run)
                if child.tail:
                    for c in child.tail:
                        paragraphs[-1][0].append(c); paragraphs[-1][1].append(run)
        walk(text, None)
        for chars, spans in paragraphs:
            if chars:
                lines += 1
                failures += paragraph(chars, spans)
    if failures:
        print(f'bidi_check: {path}: {len(failures)} of {lines} right-to-left lines differ from the algorithm')
        for f in failures[:8]:
            print('  ' + f)
        sys.exit(1)
    print(f'bidi_check: {lines} right-to-left lines, their Latin runs as the algorithm reads them')


def paragraph(chars, spans):
    """What of one right-to-left line differs from the algorithm's reading (a list of messages)."""
    failures = []
    lv = levels(chars)
    line = ''.join(chars).strip()
    i = 0
    while i < len(chars):
        if lv[i] != 2:
            i += 1
            continue
        j = i
        while j < len(chars) and lv[j] == 2:
            j += 1
        stretch = [k for k in range(i, j) if not chars[k].isspace()]
        if any(unicodedata.bidirectional(chars[k]) == 'L' and chars[k].isalpha() for k in stretch):
            runs = {spans[k] for k in stretch}
            if len(runs) != 1 or None in runs:
                failures.append(f'“{"".join(chars[i:j]).strip()}” is read left to right as one stretch but is not one run, in “{line}”')
        i = j
    for k, c in enumerate(chars):
        if spans[k] is not None and lv[k] != 2 and not c.isspace():
            failures.append(f'“{c}” is in a Latin run but read right to left, in “{line}”')
            break
    return failures


if __name__ == '__main__':
    check(*sys.argv[1:])
