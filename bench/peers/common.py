"""Helpers shared by the peer harnesses: the data set, statistics and FORMAT.md records.

The data set is CMShellBench's (bench/CMShellBench/main.swift, `site(n:withDPs:)`), so every impl measures the
same rows and queries:

  SMS_DriverPackage row i (0 <= i < n):
    PackageID     = "B" + 7 upper-case hex digits of i         ("B0000000" …)
    Name          = f"Driver package {i} for model {i % 977}"
    Manufacturer  = f"Vendor{i % 100}"                          (100 vendors: each is 1% of the rows)
    PackageType   = 3 (Driver package), SourceVersion = 1, SourceDate = 2026-01-01 12:00:00 UTC, SourceSite = "S01"
  SMS_DistributionPoint, one per package when n <= 100k (as CMShellBench): PackageID = package i,
    ServerNALPath = nal("dp2"), SiteCode = "S01", Status = 0
  Site S01 ("Bench"), with the "SMS Distribution Point" role on dp1 and dp2 in SMS_SystemResourceList.

Queries: indexed-equality is Manufacturer = one vendor (n/100 rows); like-scan is Name LIKE '%model 97_' (models
970-976: 7 of every 977 rows, ~0.7%); join is every DP with its package's Name (n rows); invoke is
AddDistributionPoints(["S01"], [nal("dp1")]) on package k for k = 0, 1, 2, … — dp1 holds nothing yet, so
every call creates exactly one SMS_DistributionPoint.
"""
import datetime
import json
import math
import os
import re
import resource
import sys
import time

SITE = "S01"
SITE_NAME = "Bench"
MANUFACTURERS = [f"Vendor{k}" for k in range(100)]
SOURCE_DATE = datetime.datetime(2026, 1, 1, 12, 0, 0, tzinfo=datetime.timezone.utc)
DP_SERVERS = ["dp1", "dp2"]
INVOKE_SERVER = "dp1"      # holds no package before the invoke workload
HOLDING_SERVER = "dp2"     # every package's pre-existing DP
DPS_UP_TO_N = 100_000      # CMShellBench creates the DPs only for n <= 100k
LIKE_PATTERN = "%model 97_"


def package_id(i):
    return f"B{i:07X}"


def manufacturer(i):
    return MANUFACTURERS[i % len(MANUFACTURERS)]


def package_name(i):
    return f"Driver package {i} for model {i % 977}"


def like_matches(n):
    """How many of rows 0..n-1 match LIKE_PATTERN."""
    return sum(1 for i in range(n) if 970 <= i % 977 <= 976)


def like_regex(pattern):
    """A WQL/SQL LIKE pattern as a compiled, case-insensitive Python regex for re.fullmatch
    (% is any run of characters, _ exactly one), the way a pywbem user filters enumerated instances."""
    body = "".join(".*" if c == "%" else "." if c == "_" else re.escape(c) for c in pattern)
    return re.compile(body, re.IGNORECASE | re.DOTALL)


def nal(server, site=SITE):
    """A distribution point's NAL path as ConfigMgr writes it: ["Display=\\dp1\"]MSWNET:["SMS_SITE=S01"]\\dp1\ """
    return f'["Display=\\\\{server}\\"]MSWNET:["SMS_SITE={site}"]\\\\{server}\\'


# --- statistics and records -------------------------------------------------------------------------------

def percentile(sorted_values, p):
    """Nearest-rank percentile of an already sorted list."""
    if not sorted_values:
        return float("nan")
    k = max(0, min(len(sorted_values) - 1, math.ceil(p / 100.0 * len(sorted_values)) - 1))
    return float(sorted_values[k])


def median(sorted_values):
    n = len(sorted_values)
    if n == 0:
        return float("nan")
    mid = n // 2
    return float(sorted_values[mid]) if n % 2 else (sorted_values[mid - 1] + sorted_values[mid]) / 2.0


def peak_rss_kb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def current_rss_kb():
    with open("/proc/self/statm") as f:
        pages = int(f.read().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") // 1024


def emit(workload, n, impl, unit, samples_ns, note="", **extra):
    """Print one FORMAT.md record from per-unit samples (nanoseconds)."""
    s = sorted(samples_ns)
    rec = {
        "workload": workload, "n": n, "impl": impl, "unit": unit,
        "median_ns": round(median(s), 3), "p90_ns": round(percentile(s, 90), 3),
        "ops": len(s), "peak_rss_kb": peak_rss_kb(),
    }
    rec.update(extra)
    if note:
        rec["note"] = note
    print(json.dumps(rec), flush=True)
    return rec


def emit_memory(n, impl, bytes_per_instance, note=""):
    rec = {"workload": "memory", "n": n, "impl": impl, "unit": "instance",
           "bytes_per_instance": round(bytes_per_instance, 1), "ops": 1, "peak_rss_kb": peak_rss_kb()}
    if note:
        rec["note"] = note
    print(json.dumps(rec), flush=True)
    return rec


def log(msg):
    print(f"[{time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


def parse_n_list(text):
    return [int(x) for x in text.split(",") if x.strip()]
