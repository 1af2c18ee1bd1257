#!/usr/bin/env python3
"""Checks that a file holds only FORMAT.md records (one JSON object per line), and at least one."""
import json
import sys

REQUIRED = {"workload": str, "n": int, "impl": str, "unit": str, "ops": int, "peak_rss_kb": int}
WORKLOADS = {"load", "key-lookup", "indexed-equality", "like-scan", "join", "invoke-latency", "invoke-throughput",
             "parse", "interp-loop", "mof-compile", "cold-start", "memory"}


def problems(path):
    count = 0
    with open(path) as f:
        for lineno, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
            except ValueError:
                yield f"{path}:{lineno}: not JSON: {line[:80]!r}"
                continue
            count += 1
            for field, kind in REQUIRED.items():
                if not isinstance(rec.get(field), kind):
                    yield f"{path}:{lineno}: field {field!r} missing or not {kind.__name__}"
            if rec.get("workload") not in WORKLOADS:
                yield f"{path}:{lineno}: unknown workload {rec.get('workload')!r}"
            value = rec.get("bytes_per_instance") if rec.get("workload") == "memory" else rec.get("median_ns")
            if not isinstance(value, (int, float)):
                yield f"{path}:{lineno}: no numeric {'bytes_per_instance' if rec.get('workload') == 'memory' else 'median_ns'}"
    if count == 0:
        yield f"{path}: no records"


def main():
    bad = [p for path in sys.argv[1:] for p in problems(path)]
    for p in bad:
        print(f"check_records.py: {p}", file=sys.stderr)
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
