#!/usr/bin/env python3
"""Writes crates/core/data/months.txt: the month names of the languages the corpus's
writers post in besides English, for dates written day first ("14. März", "3 maart 2024",
"9 de abril", "14 marca", "le 3 mars") and, in the languages that write the month first,
month first ("Hunyo 12, 1935"). One "name<TAB>month<TAB>order" line each, lower case; order
is "d" (day first) or "md" (also month first: a language whose CLDR long date format puts
the month before the day writes it).

Source: the Unicode CLDR month names as packaged in the PyPI package babel (2.16.0, BSD-3;
CLDR data under the Unicode licence). Get it with

    pip install --target /tmp/babelpkg babel==2.16.0

then, from the repository root: PYTHONPATH=/tmp/babelpkg python3 scripts/build-months.py [--check]

The list is a function of the package and LOCALES:
  * each locale's wide names, in both CLDR contexts ("format": Polish "marca", Czech
    "března"; "stand-alone": "marzec"); abbreviations are left out ("mar", "gen", "sty" are
    words or parts of words);
  * lower case, and again with accents folded ("fevrier", "wrzesnia": people type without
    them);
  * not an English month name (the English forms are the format table's own rows);
  * not DROP: "mac" (Malay March) is a common English word after a number ("2 mac and
    cheese").
"""
import argparse
import sys
import unicodedata

LOCALES = [
    "de", "nl", "fr", "es", "pt", "it", "pl", "da", "sv", "nb", "fil", "af", "ro", "cs",
    "id", "ms", "sw", "tr",
]
ENGLISH = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
}
DROP = {"mac"}
OUT = "crates/core/data/months.txt"


def fold(word):
    """Accents dropped, as people type without them ("ł" and "ı" have no decomposition)."""
    word = word.replace("ł", "l").replace("ı", "i")
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


def lines():
    from babel.dates import get_date_format, get_month_names

    month_of = {}
    first = set()
    for loc in LOCALES:
        pattern = get_date_format("long", locale=loc).pattern
        month_first = pattern.index("M") < pattern.index("d")
        for context in ("format", "stand-alone"):
            names = get_month_names("wide", context=context, locale=loc)
            for m in range(1, 13):
                name = names[m].lower()
                for form in (name, fold(name)):
                    if form in ENGLISH or form in DROP:
                        continue
                    prev = month_of.setdefault(form, m)
                    if prev != m:
                        sys.exit(f"{form}: month {prev} and {m}")
                    if month_first:
                        first.add(form)
    return [f"{w}\t{m}\t{'md' if w in first else 'd'}" for w, m in sorted(month_of.items())]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--check", action="store_true")
    args = ap.parse_args()
    text = "\n".join(lines()) + "\n"
    if args.check:
        with open(OUT, encoding="utf-8") as f:
            if f.read() != text:
                sys.exit(f"{OUT} differs from what the script writes")
        print(f"{OUT}: up to date")
        return
    with open(OUT, "w", encoding="utf-8") as f:
        f.write(text)
    print(f"{OUT}: {text.count(chr(10))} names")


if __name__ == "__main__":
    main()
