"""Per-file pass/fail/skip counts from a pytest junit XML report (for docs/conformance.md)."""

import collections
import sys
import xml.etree.ElementTree as ET

counts = collections.defaultdict(collections.Counter)
for case in ET.parse(sys.argv[1]).getroot().iter("testcase"):
    module = case.get("classname", "?").split(".")[-2] if "." in case.get("classname", "") else "?"
    if case.find("failure") is not None or case.find("error") is not None:
        outcome = "failed"
    elif case.find("skipped") is not None:
        outcome = "skipped"
    else:
        outcome = "passed"
    counts[module][outcome] += 1
total = collections.Counter()
print(f"{'file':32} {'passed':>7} {'failed':>7} {'skipped':>8}")
for module in sorted(counts):
    c = counts[module]
    total.update(c)
    print(f"{module:32} {c['passed']:7} {c['failed']:7} {c['skipped']:8}")
print(f"{'total':32} {total['passed']:7} {total['failed']:7} {total['skipped']:8}")
