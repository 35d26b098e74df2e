#!/usr/bin/env python3
"""Carries translations over after lupdate: a string that moved to another class (context) comes back from
lupdate as new and unfinished while its old entry is dropped (-no-obsolete). For every unfinished message of
NEW.ts whose source text (and disambiguation comment) had a finished translation in OLD.ts, the old
translation is copied in. Text-level edit, so lupdate's layout is kept byte for byte elsewhere.
Usage: carry-translations.py OLD.ts NEW.ts   (prints how many were carried)"""
import re
import sys

MESSAGE = re.compile(r"<message( numerus=\"yes\")?>(.*?)</message>", re.S)
SOURCE = re.compile(r"<source>(.*?)</source>", re.S)
COMMENT = re.compile(r"<comment>(.*?)</comment>", re.S)
TRANSLATION = re.compile(r"<translation( type=\"[a-z]+\")?>(.*?)</translation>", re.S)


def key(numerus, body):
    source = SOURCE.search(body)
    comment = COMMENT.search(body)
    return (bool(numerus), source.group(1) if source else "", comment.group(1) if comment else "")


def finished(old_text):
    known = {}
    for m in MESSAGE.finditer(old_text):
        t = TRANSLATION.search(m.group(2))
        if t and not t.group(1) and t.group(2).strip():
            known.setdefault(key(m.group(1), m.group(2)), t.group(2))
    return known


def main(old_path, new_path):
    known = finished(open(old_path, encoding="utf-8").read())
    text = open(new_path, encoding="utf-8").read()
    carried = 0

    def fill(m):
        nonlocal carried
        body = m.group(2)
        t = TRANSLATION.search(body)
        if not t or t.group(1) != ' type="unfinished"':
            return m.group(0)
        old = known.get(key(m.group(1), body))
        if old is None:
            return m.group(0)
        carried += 1
        body = body[: t.start()] + "<translation>" + old + "</translation>" + body[t.end():]
        return "<message%s>%s</message>" % (m.group(1) or "", body)

    text = MESSAGE.sub(fill, text)
    open(new_path, "w", encoding="utf-8").write(text)
    print("%s: %d translation(s) carried over from moved strings" % (new_path, carried))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
