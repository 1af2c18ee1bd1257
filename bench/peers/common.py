"""Helpers shared by the peer harnesses: the data set, statistics and FORMAT.md records.

The data set is defined here once so that every harness (and cmsh's, which should generate the same rows)
measures the same thing:

  SMS_DriverPackage row i (0 <= i < n):
    PackageID     = "S01" + 5 upper-case hex digits of i     ("S0100000" .. "S010F423F" fits 1M: 0xF423F < 0xFFFFF)
    Name          = f"{Manufacturer} Model-{i % 100:02d} drivers {i}"
    Manufacturer  = MANUFACTURERS[i % 20]                    (20 vendors: each is 5% of the rows)
    PackageType   = 3 (Driver package)
    SourceVersion = 1 + i % 5
    SourceDate    = 2024-01-01 00:00:00 UTC + i minutes      (CIM datetime / ISO text in sqlite)
  SMS_DistributionPoint row j (0 <= j < n), for join and invoke:
    PackageID = package_id(j), ServerNALPath = dp_nal(j % 4 + 1) (DP01..DP04), SiteCode = "S01"
  Site S01 with DP roles on DP01..DP05 in SMS_SystemResourceList; invoke targets DP05, which holds no package
  yet, so every AddDistributionPoints call creates exactly one SMS_DistributionPoint.

Queries: indexed-equality is Manufacturer = one vendor (n/20 rows); like-scan is Name LIKE '%Model-42 %'
(exactly 1% of the rows; the model number cycles over ops); join is every DP row with its package (n rows).
"""
import datetime
import json
import math
import os
import resource
import sys
import time

SITE = "S01"
SITE_NAME = "Contoso Primary Site"
MANUFACTURERS = [
    "Dell", "HP", "Lenovo", "Microsoft", "Intel", "Realtek", "NVIDIA", "AMD", "Broadcom", "Qualcomm",
    "Acer", "ASUS", "Fujitsu", "Panasonic", "Toshiba", "Samsung", "VMware", "Marvell", "Synaptics", "Logitech",
]
EPOCH = datetime.datetime(2024, 1, 1, tzinfo=datetime.timezone.utc)
DP_SERVERS = [f"DP{k:02d}.contoso.com" for k in range(1, 6)]   # DP01..DP05; DP05 starts empty
INVOKE_SERVER = DP_SERVERS[4]


def package_id(i):
    return f"{SITE}{i:05X}"


def manufacturer(i):
    return MANUFACTURERS[i % len(MANUFACTURERS)]


def package_name(i):
    return f"{manufacturer(i)} Model-{i % 100:02d} drivers {i}"


def source_date(i):
    return EPOCH + datetime.timedelta(minutes=i)


def like_needle(k):
    """The k-th like-scan pattern's substring (without the % wildcards): matches 1% of the rows."""
    return f"Model-{(42 + 37 * k) % 100:02d} "


def nal(server, site=SITE):
    """A distribution point's NAL path as ConfigMgr writes it."""
    return f'["Display=\\\\{server}\\"]MSWNET:["SMS_SITE={site}"]\\\\{server}\\'


def dp_nal(j):
    return nal(DP_SERVERS[j % 4])


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
