#!/usr/bin/env python3
"""Derives credit-core's gb2260-retired.txt: every GB/T 2260 code of the Ministry of Civil Affairs lists
1980-2021 that is no longer in the bundled current list (gb2260-counties.txt), with the year it was
retired and, where the history names them, its successors in the current list.

Sources
- The Ministry of Civil Affairs year-end lists 1980..2021 as collected in result.csv of the public data
  repository github.com/yescallop/areacodes (commit d46df6eb6b57732ea78b25baf4254e4abcd8d680; columns
  代码, 一级行政区, 二级行政区, 名称, 级别, 状态 (启用 in use / 变更 renamed or renumbered / 弃用 retired),
  启用时间, 变更（弃用）时间, 新代码). A 弃用 row "C ... 1983,2015,S1;S2" says that C is listed from the
  1983 list and absent from the 2015 list (retired in 2015), its area going to S1 and S2; "S[1996]" is a
  part that went earlier and is ignored here.
- The National Bureau of Statistics revisions 2002-12 .. 2016-07 as packaged in the npm package gb2260
  0.6.0 (lib/<revision>.json): a few codes appear only there (statistical units such as 232702 松岭区),
  and some are listed there for a while after the ministry retired them. For those the retirement is a
  window: from the year after the last revision that lists it (the same year unless that revision is a
  December one) to the year of the next revision.

Successors are followed to the current list through the history: a successor S named at year T is taken
only if S then was the unit it is now (no renumbering of S to or from another unit ends after T; codes
that moved before 1983 are not followed, the 1980-1982 lists renumbered whole provinces), or, if S was
itself retired later, S was listed at T under the retired name and all of its own successors resolve.
One successor that cannot be followed drops all of them: the column never names a wrong one.

Output columns: code, retired from (year), retired by (year), name when retired, current successors
(';'-separated) or '-'. "Retired by Y" means absent from the list of the end of Y; "retired from X" means
still listed at the end of X-1. For ministry codes X = Y.

Usage: npm pack gb2260@0.6.0 && tar xzf gb2260-0.6.0.tgz
       python3 credit-core/src/build/gb2260_history.py result.csv package/lib > \\
           credit-core/src/main/resources/org/creditkit/core/codes/gb2260-retired.txt
"""
import csv
import json
import os
import sys
from collections import defaultdict

# Groupings the statistics bureau lists that are not divisions of their own (no registration can be in
# "the districts under the city"): left out.
PLACEHOLDERS = {"市辖区", "县", "市", "省直辖县级行政区划", "自治区直辖县级行政区划", "省直辖县级行政单位"}
# The 1980-1982 lists renumbered whole provinces; renumberings before 1983 are not followed.
FIRST_FOLLOWED = 1983
CURRENT = "202112"  # the bundled list: revision 2020-12 as published 2021-12

HERE = os.path.dirname(os.path.abspath(__file__))
COUNTIES = os.path.join(HERE, "..", "main", "resources", "org", "creditkit", "core", "codes", "gb2260-counties.txt")


def current_codes():
    current = set()
    for line in open(COUNTIES, encoding="utf-8"):
        if line.startswith("#") or not line.strip():
            continue
        prefix, rest = line.split(":")
        current.update(prefix + s for s in rest.split())
    return current


def ministry_history(rows, current):
    """rows: (code, status, start, end, name, successors) from result.csv. Returns the retired codes
    {code: (start, end, name, successors)} and the other incarnations {code: [(start, end)]}."""
    retired, other, renamed = {}, defaultdict(list), defaultdict(list)
    for code, status, start, end, name, successors in rows:
        final = [s for s in successors if "[" not in s]
        if status == "弃用":
            if code in current:  # retired, later reused: current
                continue
            if code in retired:
                old = retired[code]
                if old[1] > end:
                    other[code].append((start, end))
                    continue
                other[code].append((old[0], old[1]))
            retired[code] = (start, end, name, final)
        elif status == "变更":
            if final == [code]:
                renamed[code].append((start, end))  # the same unit, renamed
            elif end >= FIRST_FOLLOWED:
                other[code].append((start, end))
    for code, (start, end, name, final) in list(retired.items()):
        for s, e in sorted(renamed[code], reverse=True):  # a rename just before: the same unit
            if e == start:
                start = s
        retired[code] = (start, end, name, final)
    return retired, other


def resolve(code, year, retired, other, current, depth=0):
    """The current codes that code, named as a successor at year, leads to; None if not certain."""
    if year < FIRST_FOLLOWED or depth > 12:
        return None
    if code in current:
        return None if any(e > year for _, e in other.get(code, [])) else {code}
    if code not in retired:
        return None
    start, end, _, successors = retired[code]
    if not start <= year < end or any(s <= year < e for s, e in other.get(code, [])) or not successors:
        return None
    out = set()
    for s in successors:
        r = resolve(s, end, retired, other, current, depth + 1)
        if r is None:
            return None
        out |= r
    return out


def statistics_bureau(lib):
    revisions = sorted(json.load(open(os.path.join(lib, "revisions.json"))))
    following = dict(zip(revisions, revisions[1:] + [CURRENT]))
    last, name = {}, {}
    for r in revisions:
        for code, n in json.load(open(os.path.join(lib, r + ".json"), encoding="utf-8")).items():
            last[code], name[code] = r, n
    out = {}
    for code, r in last.items():
        if name[code] in PLACEHOLDERS:
            continue
        frm = int(r[:4]) + (1 if r.endswith("12") else 0)
        out[code] = (frm, int(following[r][:4]), name[code])
    return out


def read_result_csv(path):
    for row in csv.DictReader(open(path, encoding="utf-8")):
        end = row["变更（弃用）时间"]
        if row["状态"] == "启用" or not end:
            continue
        yield (row["代码"], row["状态"], int(row["启用时间"][:4]), int(end[:4]), row["名称"],
               [s for s in row["新代码"].split(";") if s])


def build(rows, lib):
    current = current_codes()
    retired, other = ministry_history(rows, current)
    nbs = statistics_bureau(lib)
    lines = []
    for code in sorted(set(retired) | set(nbs)):
        if code in current:
            continue
        if code in retired:
            _, end, name, successors = retired[code]
            frm, by = end, end
            if code in nbs and nbs[code][0] > by:  # the statistics bureau listed it for longer
                by = nbs[code][0]
            r = set()
            for s in successors:
                x = resolve(s, end, retired, other, current)
                if x is None:
                    r = None
                    break
                r |= x
            succ = ";".join(sorted(r)) if r else "-"
        else:
            frm, by, name = nbs[code]
            succ = "-"
        lines.append(f"{code} {frm} {by} {name} {succ}")
    return lines


if __name__ == "__main__":
    for line in build(read_result_csv(sys.argv[1]), sys.argv[2]):
        print(line)
