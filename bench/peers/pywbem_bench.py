#!/usr/bin/env python3
"""pywbem_mock peer benchmarks: pywbem's in-process mock WBEM server (FakedWBEMConnection).

Schema: cmsh's SMS_PackageBaseclass, SMS_DriverPackage, SMS_DistributionPoint, SMS_Site and SMS_SystemResourceList
with the properties the workloads touch (--schema reduced, the default: the peer's best case), or their full
MOF read out of Sources/Site/Schema/*.swift (--schema full; adapted only where pywbem's DMTF MOF grammar differs
from WMI's, see wmi_to_dmtf). pywbem_mock deep-copies the class on every CreateInstance and InvokeMethod, so the
full class costs ~4x; a short probe with the full schema is run first and its figures are put in the notes.
A Python MethodProvider
implements AddDistributionPoints(SiteCode[], NALPath[]) the way cmsh does: it validates every (site, NAL path)
pair — the NAL path parses, the site exists, the server holds the "SMS Distribution Point" role at that site
(found by key in SMS_SystemResourceList) — then creates one SMS_DistributionPoint per new pair.

Workloads (FORMAT.md records on stdout, progress and skips on stderr; data set in common.py):
  load             CreateInstance per row (time per row)
  memory           RSS growth per stored SMS_DriverPackage instance
  key-lookup       GetInstance by PackageID (per op)
  indexed-equality EnumerateInstances + Python filter Manufacturer == m, as pywbem users write it (per op, per row)
  like-scan        EnumerateInstances + Python substring filter on Name (per op, per row scanned)
  invoke-latency   InvokeMethod AddDistributionPoints creating one SMS_DistributionPoint (per op)
pywbem_mock has no ExecQuery (WQL), so the query workloads enumerate; each enumeration deep-copies every
instance in the namespace, so at 1M they would take many minutes per op and are skipped (stderr note).
Large repositories are pre-filled directly into the instance store (untimed); see --load-cap.
"""
import argparse
import datetime
import gc
import os
import pathlib
import random
import re
import sys
import time

import pywbem
import pywbem_mock
from pywbem import (CIMClassName, CIMDateTime, CIMError, CIMInstance, CIMInstanceName, Sint32, Uint32,
                    CIM_ERR_INVALID_PARAMETER, CIM_ERR_METHOD_NOT_AVAILABLE, CIM_ERR_NOT_FOUND)

from common import (emit, emit_memory, current_rss_kb, like_matches, like_regex, log, LIKE_PATTERN, MANUFACTURERS,
                    package_id, package_name, manufacturer, nal, DP_SERVERS, DPS_UP_TO_N, HOLDING_SERVER,
                    INVOKE_SERVER, SITE, SITE_NAME, SOURCE_DATE, parse_n_list)

IMPL = "pywbem_mock"
NS = "root/cimv2"
ns = time.perf_counter_ns
REPO = pathlib.Path(__file__).resolve().parents[2]
SCHEMA_DIR = REPO / "Sources" / "Site" / "Schema"
CLASSES = ["SMS_PackageBaseclass", "SMS_DriverPackage", "SMS_DistributionPoint", "SMS_Site", "SMS_SystemResourceList"]

# --- schema --------------------------------------------------------------------------------------------------

# The default schema: cmsh's classes with the properties the workloads touch (same names, types, keys and method
# signature) and cmsh's qualifier declarations, without Description/ValueMap qualifiers. pywbem_mock deep-copies
# the whole class on every CreateInstance and InvokeMethod, so its cost grows with the class's size: with the
# full class text (--schema full) both take ~4x longer. The reduced schema is the peer's best case, and what
# the figures in notes/performance.md were measured with.
REDUCED_MOF = """
qualifier Key : boolean = false, scope(property, reference), flavor(DisableOverride, ToSubclass);
qualifier Indexed : boolean = false, scope(property), flavor(ToSubclass);
qualifier Write : boolean = false, scope(property), flavor(ToSubclass);
qualifier Abstract : boolean = false, scope(class, association, indication), flavor(Restricted);
qualifier Static : boolean = false, scope(method), flavor(DisableOverride, ToSubclass);
qualifier In : boolean = true, scope(parameter), flavor(DisableOverride, ToSubclass);
qualifier Out : boolean = false, scope(parameter), flavor(DisableOverride, ToSubclass);
qualifier ID : sint32, scope(parameter), flavor(DisableOverride, ToSubclass);
[Abstract] class SMS_PackageBaseclass {
    [Write] string Manufacturer;
    [Write] string Name;
    [Key] string PackageID;
    [Write] uint32 PackageType;
    datetime SourceDate;
    string SourceSite;
    uint32 SourceVersion;
    sint32 AddDistributionPoints([In, ID(0)] string SiteCode[], [In, ID(1)] string NALPath[]);
};
class SMS_DriverPackage : SMS_PackageBaseclass { };
class SMS_DistributionPoint {
    [Write] datetime LastRefreshTime;
    [Key, Write] string PackageID;
    uint32 PackageType;
    [Write] boolean RefreshNow;
    string ResourceType;
    [Key, Write] string ServerNALPath;
    [Key, Write, Indexed] string SiteCode;
    [Write] string SiteName;
    [Write] string SourceSite;
    uint32 Status;
};
class SMS_Site {
    [Write] string ServerName;
    [Key, Write] string SiteCode;
    [Write] string SiteName;
    uint32 Status;
    [Write] uint32 Type;
};
class SMS_SystemResourceList {
    [Key] string NALPath;
    [Key] string ResourceType;
    [Key, Indexed] string RoleName;
    string ServerName;
    [Key, Indexed] string SiteCode;
};
"""


def swift_mof_literals(path):
    """The #\"\"\"…\"\"\"# MOF string literals of one Swift schema file."""
    return re.findall(r'static let \w+ = #"""\n(.*?)\n\s*"""#', path.read_text(), re.S)


def split_declarations(text):
    """Top-level MOF declarations of a literal, each ending with a line `};`."""
    chunk, out = [], []
    for line in text.splitlines():
        chunk.append(line)
        if line.strip() == "};":
            out.append("\n".join(chunk))
            chunk = []
    return out


def wmi_to_dmtf(mof):
    """cmsh's MOF is WMI-flavoured; pywbem's compiler takes DMTF MOF. Two differences matter here:
    `object P[]` (WMI's embedded-object type) is DMTF `string P[]`, and EmbeddedInstance("X") needs class X
    in the repository, which cmsh does not model (SMS_ScheduleToken), so the qualifier is dropped."""
    mof = re.sub(r"^(\s*)object(\s)", r"\1string\2", mof, flags=re.M)
    mof = re.sub(r'EmbeddedInstance\("[^"]*"\),\s*', "", mof)
    mof = re.sub(r',\s*EmbeddedInstance\("[^"]*"\)', "", mof)
    return mof


def schema_mof(kind):
    if kind == "reduced":
        return REDUCED_MOF, "reduced (touched properties only)"
    try:
        qualifiers = swift_mof_literals(SCHEMA_DIR / "Schema.swift")[0]
        decls = {}
        for f in ("Packages.swift", "Distribution.swift", "Sites.swift"):
            for lit in swift_mof_literals(SCHEMA_DIR / f):
                for d in split_declarations(lit):
                    m = re.search(r"^\s*class\s+(\w+)", d, re.M)
                    if m:
                        decls[m.group(1)] = d
        missing = [c for c in CLASSES if c not in decls]
        if missing:
            raise LookupError(f"classes not found: {missing}")
        return wmi_to_dmtf(qualifiers + "\n" + "\n".join(decls[c] for c in CLASSES)), "full (cmsh Sources/Site/Schema)"
    except (OSError, IndexError, LookupError) as e:
        sys.exit(f"pywbem_bench: cannot read cmsh's schema from {SCHEMA_DIR}: {e}")


# --- the method provider -------------------------------------------------------------------------------------

NAL_RE = re.compile(r'^\[(?P<display>[^\]]*)\](?P<type>MSWNET|GENERIC):\[(?P<conn>[^\]]*)\](?P<path>.*)$', re.I)
DP_ROLE = "SMS Distribution Point"
RESOURCE_TYPE = "Windows NT Server"


class PackageMethodProvider(pywbem_mock.MethodProvider):
    """AddDistributionPoints on SMS_DriverPackage, validating every pair before creating anything."""
    provider_classnames = ["SMS_DriverPackage"]

    def InvokeMethod(self, methodname, localobject, params):
        if methodname.lower() != "adddistributionpoints":
            raise CIMError(CIM_ERR_METHOD_NOT_AVAILABLE, f"{methodname} is not implemented")
        if isinstance(localobject, CIMClassName):
            raise CIMError(CIM_ERR_INVALID_PARAMETER, "AddDistributionPoints must be invoked on a package instance")
        return self.add_distribution_points(localobject, params)

    def add_distribution_points(self, target, params):
        namespace = target.namespace
        store = self.cimrepository.get_instance_store(namespace)
        sites = params["SiteCode"].value if "SiteCode" in params else None
        nals = params["NALPath"].value if "NALPath" in params else None
        if not sites:
            raise CIMError(CIM_ERR_INVALID_PARAMETER, "SiteCode is required and must not be empty")
        if nals is None or len(nals) != len(sites):
            raise CIMError(CIM_ERR_INVALID_PARAMETER, "NALPath must be parallel to SiteCode")
        targets = []
        for i, (site_code, nal_path) in enumerate(zip(sites, nals)):
            if not site_code or not nal_path:
                raise CIMError(CIM_ERR_INVALID_PARAMETER, f"SiteCode[{i}] or NALPath[{i}] is null or empty")
            m = NAL_RE.match(nal_path)
            if not m:
                raise CIMError(CIM_ERR_INVALID_PARAMETER, f"NALPath[{i}] is not a NAL path")
            path = m.group("path")
            if m.group("type").upper() != "MSWNET" or not path.startswith("\\\\") or len(path) < 3:
                raise CIMError(CIM_ERR_INVALID_PARAMETER, f"NALPath[{i}] does not name a server")
            nal_site = next((q.split("=", 1)[1].strip() for q in re.findall(r'"([^"]*)"', m.group("conn"))
                             if q.split("=", 1)[0].strip().upper() == "SMS_SITE" and "=" in q), None)
            if nal_site is not None and nal_site.upper() != site_code.upper():
                raise CIMError(CIM_ERR_INVALID_PARAMETER, f"NALPath[{i}] names site {nal_site}, not {site_code}")
            site_path = CIMInstanceName("SMS_Site", keybindings={"SiteCode": site_code}, namespace=namespace)
            if not store.object_exists(site_path):
                raise CIMError(CIM_ERR_NOT_FOUND, f"site {site_code} does not exist")
            site = store.get(site_path, copy=False)
            role_path = CIMInstanceName("SMS_SystemResourceList", namespace=namespace, keybindings={
                "NALPath": nal_path, "ResourceType": RESOURCE_TYPE, "RoleName": DP_ROLE, "SiteCode": site_code})
            if not store.object_exists(role_path):
                raise CIMError(CIM_ERR_NOT_FOUND, f"NALPath[{i}] is not a distribution point of site {site_code}")
            targets.append((site["SiteCode"], site["SiteName"], nal_path))

        package = store.get(target, copy=False)
        now = CIMDateTime(datetime.datetime.now(datetime.timezone.utc))
        for site_code, site_name, nal_path in targets:
            dp_path = CIMInstanceName("SMS_DistributionPoint", namespace=namespace, keybindings={
                "PackageID": package["PackageID"], "ServerNALPath": nal_path, "SiteCode": site_code})
            if store.object_exists(dp_path):
                continue  # already assigned: not duplicated
            dp = CIMInstance("SMS_DistributionPoint", path=dp_path, properties={
                "PackageID": package["PackageID"], "ServerNALPath": nal_path, "SiteCode": site_code,
                "SiteName": site_name, "SourceSite": package["SourceSite"],
                "PackageType": package["PackageType"], "Status": Uint32(2), "LastRefreshTime": now,
                "RefreshNow": False, "ResourceType": RESOURCE_TYPE})
            store.create(dp_path, dp)
        return (Sint32(0), [])


# --- repository set-up ---------------------------------------------------------------------------------------

def new_connection(mof):
    conn = pywbem_mock.FakedWBEMConnection(default_namespace=NS)
    conn.compile_mof_string(mof, namespace=NS)
    conn.register_provider(PackageMethodProvider(conn.cimrepository), namespaces=NS)
    conn.CreateInstance(CIMInstance("SMS_Site", properties={"SiteCode": SITE, "SiteName": SITE_NAME, "Type": Uint32(2)}))
    for server in DP_SERVERS:
        conn.CreateInstance(CIMInstance("SMS_SystemResourceList", properties={
            "NALPath": nal(server), "ResourceType": RESOURCE_TYPE, "RoleName": DP_ROLE, "SiteCode": SITE,
            "ServerName": f"{server}.contoso.com"}))
    return conn


def package_instance(i, with_path=False):
    props = {
        "PackageID": package_id(i), "Name": package_name(i), "Manufacturer": manufacturer(i),
        "PackageType": Uint32(3), "SourceVersion": Uint32(1), "SourceDate": CIMDateTime(SOURCE_DATE),
        "SourceSite": SITE,
    }
    path = CIMInstanceName("SMS_DriverPackage", keybindings={"PackageID": props["PackageID"]},
                           namespace=NS) if with_path else None
    return CIMInstance("SMS_DriverPackage", properties=props, path=path)


def dp_instance(j):
    server_nal = nal(HOLDING_SERVER)
    path = CIMInstanceName("SMS_DistributionPoint", namespace=NS, keybindings={
        "PackageID": package_id(j), "ServerNALPath": server_nal, "SiteCode": SITE})
    return CIMInstance("SMS_DistributionPoint", path=path, properties={
        "PackageID": package_id(j), "ServerNALPath": server_nal, "SiteCode": SITE, "Status": Uint32(0)})


def bulk_store(conn, make, indices):
    """Untimed pre-fill straight into the instance store, without the deep copy CreateInstance makes.
    (Uses the store's dict: pywbem_mock has no bulk-load API, and CreateInstance would take ~0.8 ms a row.)"""
    data = conn.cimrepository.get_instance_store(NS)._data
    t0 = time.perf_counter()
    gc.disable()
    try:
        for i in indices:
            inst = make(i)
            data[inst.path] = inst
    finally:
        gc.enable()
    gc.collect()
    gc.freeze()   # keep the cyclic GC from re-scanning the pre-filled objects during timed work
    return (time.perf_counter() - t0) / max(1, len(indices))


# --- the benchmark -------------------------------------------------------------------------------------------

class Budget:
    def __init__(self, seconds):
        self.deadline = time.monotonic() + seconds

    def left(self):
        return self.deadline - time.monotonic()


def full_schema_probe(rows=1000, ops=200):
    """Median CreateInstance / GetInstance / InvokeMethod times (ns) with cmsh's full class MOF, at 1000 rows."""
    mof, _ = schema_mof("full")
    conn = new_connection(mof)
    bulk_store(conn, lambda i: package_instance(i, with_path=True), range(rows))
    out = {}
    s = []
    for i in range(rows, rows + ops):
        inst = package_instance(i)
        t0 = ns()
        conn.CreateInstance(inst)
        s.append(ns() - t0)
    out["create"] = sorted(s)[len(s) // 2]
    s = []
    for i in range(ops):
        path = CIMInstanceName("SMS_DriverPackage", keybindings={"PackageID": package_id(i)})
        t0 = ns()
        conn.GetInstance(path)
        s.append(ns() - t0)
    out["get"] = sorted(s)[len(s) // 2]
    s = []
    params = [("SiteCode", [SITE]), ("NALPath", [nal(INVOKE_SERVER)])]
    for i in range(ops):
        path = CIMInstanceName("SMS_DriverPackage", keybindings={"PackageID": package_id(i)})
        t0 = ns()
        conn.InvokeMethod("AddDistributionPoints", path, Params=params)
        s.append(ns() - t0)
    out["invoke"] = sorted(s)[len(s) // 2]
    gc.unfreeze()
    del conn
    gc.collect()
    log("pywbem full-schema probe (median): CreateInstance {:.0f} µs, GetInstance {:.0f} µs, InvokeMethod {:.0f} µs"
        .format(out["create"] / 1e3, out["get"] / 1e3, out["invoke"] / 1e3))
    return out


def probe_note(probe, key):
    if not probe:
        return ""
    return f"; with cmsh's full class MOF (--schema full) the median is {probe[key] / 1e3:.0f} µs"


def bench_n(n, args, mof, mof_source, budget, cost, probe):
    t_start = time.perf_counter()
    log(f"pywbem n={n}: setting up (budget left {budget.left():.0f}s)")
    gc.collect()
    rss0 = current_rss_kb()
    conn = new_connection(mof)

    # load: the last T rows through CreateInstance, timed one by one; the first n-T pre-filled untimed.
    timed = min(n, args.load_cap)
    affordable = int((budget.left() * 0.35 - (n - timed) * cost["bulk"]) / cost["create"])
    if affordable < timed:
        timed = max(min(n, 1000), affordable)
        log(f"pywbem n={n}: budget allows timing only {timed} CreateInstance calls")
    if n - timed:
        cost["bulk"] = bulk_store(conn, lambda i: package_instance(i, with_path=True), range(n - timed))
    samples = []
    for i in range(n - timed, n):
        inst = package_instance(i)
        t0 = ns()
        conn.CreateInstance(inst)
        samples.append(ns() - t0)
    cost["create"] = sorted(samples)[len(samples) // 2] / 1e9
    note = "CreateInstance per row"
    if timed < n:
        note += f"; the last {timed} of {n} rows timed, the first {n - timed} put straight into the instance store"
    emit("load", n, IMPL, "row", samples, note=note + f"; schema: {mof_source}" + probe_note(probe, "create"))
    gc.collect()
    emit_memory(n, IMPL, (current_rss_kb() - rss0) * 1024 / n,
                note="process RSS growth after loading n SMS_DriverPackage instances, per instance")
    del samples

    # key-lookup: GetInstance by key.
    rng = random.Random(1)
    ops = args.key_ops
    samples = []
    for _ in range(ops):
        path = CIMInstanceName("SMS_DriverPackage", keybindings={"PackageID": package_id(rng.randrange(n))})
        t0 = ns()
        conn.GetInstance(path)
        samples.append(ns() - t0)
    emit("key-lookup", n, IMPL, "op", samples, note="GetInstance(SMS_DriverPackage.PackageID=…)" + probe_note(probe, "get"))

    # Query workloads: EnumerateInstances + a Python filter (no ExecQuery in pywbem_mock).
    def enum_workload(workload, make_filter, expect, row_note):
        est = n * cost["enum_row"]
        if est > args.enum_op_cap_s or est > budget.left() * 0.3:
            log(f"pywbem n={n}: SKIP {workload}: one EnumerateInstances would take ~{est:.0f}s "
                f"(~{cost['enum_row'] * 1e6:.0f} µs per instance deep-copied; cap {args.enum_op_cap_s:.0f}s)")
            return
        ops = max(1, min(args.enum_max_ops, int(args.enum_budget_s / est)))
        samples = []
        for k in range(ops):
            keep = make_filter(k)
            t0 = ns()
            got = [inst for inst in conn.EnumerateInstances("SMS_DriverPackage") if keep(inst)]
            samples.append(ns() - t0)
            assert len(got) == expect, (workload, len(got), expect)
        cost["enum_row"] = sorted(samples)[len(samples) // 2] / n / 1e9
        emit(workload, n, IMPL, "op", samples, note=f"EnumerateInstances(SMS_DriverPackage) + Python filter, "
             f"{expect} of {n} rows kept; {ops} op(s)")
        emit(workload, n, IMPL, "row", [s / n for s in samples], note=row_note)

    def manufacturer_filter(k):
        m = MANUFACTURERS[k % len(MANUFACTURERS)]
        return lambda inst: inst["Manufacturer"] == m

    def like_filter(k):
        match = like_regex(LIKE_PATTERN).fullmatch   # WQL LIKE: case-insensitive, % and _ wildcards
        return lambda inst: inst["Name"] is not None and match(inst["Name"]) is not None

    enum_workload("indexed-equality", manufacturer_filter, n // len(MANUFACTURERS),
                  "per instance enumerated (no index: Manufacturer = m is a filter over all rows)")
    enum_workload("like-scan", like_filter, like_matches(n), f"per row scanned: Name LIKE '{LIKE_PATTERN}' as a "
                  "case-insensitive Python regex")

    # invoke-latency: with one DP (on dp2) per package when n <= 100k, as CMShellBench, AddDistributionPoints on
    # package k targeting dp1 (which holds nothing yet), so every call validates and creates exactly one DP.
    dps = n if n <= DPS_UP_TO_N else 0
    est = dps * cost["bulk"] + args.invoke_ops * 0.002
    if est > budget.left():
        log(f"pywbem n={n}: SKIP invoke-latency: pre-filling {dps} DPs would take ~{est:.0f}s, "
            f"{budget.left():.0f}s of budget left")
    else:
        if dps:
            t0 = time.perf_counter()
            cost["bulk"] = bulk_store(conn, dp_instance, range(dps))
            log(f"pywbem n={n}: {dps} DPs pre-filled in {time.perf_counter() - t0:.1f}s")
        target_nal = nal(INVOKE_SERVER)
        store = conn.cimrepository.get_instance_store(NS)
        ops = min(args.invoke_ops, n)
        samples = []
        for k in range(ops):
            path = CIMInstanceName("SMS_DriverPackage", keybindings={"PackageID": package_id(k)})
            params = [("SiteCode", [SITE]), ("NALPath", [target_nal])]
            t0 = ns()
            rv, _ = conn.InvokeMethod("AddDistributionPoints", path, Params=params)
            samples.append(ns() - t0)
            assert rv == 0, rv
        created = CIMInstanceName("SMS_DistributionPoint", namespace=NS, keybindings={
            "PackageID": package_id(ops - 1), "ServerNALPath": target_nal, "SiteCode": SITE})
        assert store.object_exists(created)
        emit("invoke-latency", n, IMPL, "op", samples, note="InvokeMethod SMS_DriverPackage.AddDistributionPoints"
             "([S01], [dp1 NAL path]): Python MethodProvider validates site + DP role by key, creates 1 DP; "
             f"{dps} SMS_DistributionPoint rows before the calls" + probe_note(probe, "invoke"))

    log(f"pywbem n={n}: done in {time.perf_counter() - t_start:.1f}s")
    return conn


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", default="10000,100000,1000000", help="comma-separated repository sizes")
    ap.add_argument("--schema", choices=["reduced", "full"], default="reduced")
    ap.add_argument("--no-probe", action="store_true", help="skip the short full-schema probe")
    ap.add_argument("--budget-s", type=float, default=540, help="whole-run time budget; later work is skipped")
    ap.add_argument("--load-cap", type=int, default=100000, help="most CreateInstance calls timed per n")
    ap.add_argument("--key-ops", type=int, default=2000)
    ap.add_argument("--invoke-ops", type=int, default=1000)
    ap.add_argument("--enum-op-cap-s", type=float, default=150, help="skip an enumeration expected to take longer")
    ap.add_argument("--enum-budget-s", type=float, default=15, help="rough time per enumeration workload and n")
    ap.add_argument("--enum-max-ops", type=int, default=5)
    args = ap.parse_args()
    mof, mof_source = schema_mof(args.schema)
    log(f"pywbem {pywbem.__version__} (Python {sys.version.split()[0]}), schema from {mof_source}")
    budget = Budget(args.budget_s)
    probe = full_schema_probe() if args.schema == "reduced" and not args.no_probe else None
    # First guesses (seconds), replaced by measurements as the run goes.
    cost = {"create": 800e-6, "bulk": 80e-6, "enum_row": 450e-6}
    ns_list = parse_n_list(args.n)
    for k, n in enumerate(ns_list):
        if budget.left() <= 5:
            log(f"pywbem n={n}: SKIP everything: time budget used up")
            continue
        conn = bench_n(n, args, mof, mof_source, budget, cost, probe)
        if k + 1 < len(ns_list):
            gc.unfreeze()
            del conn
            gc.collect()
    # Freeing millions of CIM objects (here or at interpreter exit) takes about a minute at 1M: skip it.
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(0)


if __name__ == "__main__":
    main()
