#!/usr/bin/env python3
"""Turns benchmark records (FORMAT.md JSON lines) into bench/results.md.

    python3 bench/report.py bench/out/cmsh.jsonl bench/out/pywbem.jsonl bench/out/sqlite.jsonl \\
        bench/out/lua.jsonl bench/out/cold.jsonl [-o bench/results.md]

Writes a machine header, one table per workload (impl, N, unit, median, p90, throughput, peak memory, ratio vs
cmsh = peer median / cmsh median for the same workload, N and unit) with each record's notes beneath, and a
Targets table evaluated from the data. Missing inputs or records are reported as "not measured", never guessed.
When several records share workload, N, impl and unit, the last one read wins.
"""
import argparse
import datetime
import json
import math
import os
import pathlib
import subprocess
import sys

HERE = pathlib.Path(__file__).resolve().parent
WORKLOAD_ORDER = ["load", "open", "key-lookup", "indexed-equality", "like-scan", "join", "invoke-latency",
                  "invoke-throughput", "parse", "interp-loop", "mof-compile", "cold-start", "memory",
                  "fleet", "collection-query", "collection-refresh"]
IMPL_ORDER = ["cmsh", "cmsh-file", "pywbem_mock", "sqlite3", "lua5.4", "python"]
UNIT_ORDER = ["op", "row", "iteration", "byte", "instance", "system"]
TITLES = {
    "load": "Load (create one instance / insert one row)",
    "open": "Opening a site file (cmsh-file: the SQLite backend)",
    "key-lookup": "Key lookup",
    "indexed-equality": "Equality on an indexed property",
    "like-scan": "LIKE scan",
    "join": "Join (SMS_DistributionPoint ⨝ package on PackageID)",
    "invoke-latency": "Method invocation latency (AddDistributionPoints creating 1 DP)",
    "invoke-throughput": "Method invocation throughput",
    "parse": "Parse",
    "interp-loop": "Interpreter loop (10M iterations of integer arithmetic)",
    "mof-compile": "MOF compile",
    "cold-start": "Cold start (process start to exit)",
    "memory": "Memory per instance",
    "fleet": "Generating a fleet (demo site with N systems and their inventory)",
    "collection-query": "Collection query (3-class join over N systems)",
    "collection-refresh": "Collection refresh (that query as a rule, membership written)",
}
THROUGHPUT_UNIT = {"op": "ops/s", "row": "rows/s", "iteration": "iter/s", "instance": None, "system": "systems/s"}


# --- reading -------------------------------------------------------------------------------------------------

def read_records(paths):
    records, problems = {}, []
    for path in paths:
        try:
            lines = pathlib.Path(path).read_text().splitlines()
        except OSError as e:
            problems.append(f"{path}: {e.strerror}")
            continue
        for lineno, line in enumerate(lines, 1):
            line = line.strip()
            if not line:
                continue
            try:
                rec = json.loads(line)
                key = (rec["workload"], int(rec.get("n", 0)), rec["impl"], rec.get("unit", "op"))
            except (ValueError, KeyError, TypeError) as e:
                problems.append(f"{path}:{lineno}: not a record ({e})")
                continue
            rec["_source"] = str(path)
            records[key] = rec
    return records, problems


# --- formatting ----------------------------------------------------------------------------------------------

def num(x, digits=3):
    """x to `digits` significant figures, without exponent notation."""
    if x == 0 or not math.isfinite(x):
        return str(x)
    decimals = max(0, digits - 1 - int(math.floor(math.log10(abs(x)))))
    return f"{x:,.{decimals}f}"


def fmt_time(ns):
    if ns is None or not isinstance(ns, (int, float)) or not math.isfinite(ns):
        return "—"
    for scale, unit in ((1e9, "s"), (1e6, "ms"), (1e3, "µs")):
        if abs(ns) >= scale:
            return f"{num(ns / scale)} {unit}"
    return f"{num(ns)} ns"


def fmt_rate(per_second, unit):
    for scale, prefix in ((1e9, "G"), (1e6, "M"), (1e3, "k")):
        if per_second >= scale:
            return f"{num(per_second / scale)} {prefix} {unit}"
    return f"{num(per_second)} {unit}"


def fmt_throughput(rec):
    median = rec.get("median_ns")
    if not isinstance(median, (int, float)) or median <= 0:
        return "—"
    unit = rec.get("unit", "op")
    if unit == "byte":
        return f"{num(1e9 / median / 1e6)} MB/s"
    label = THROUGHPUT_UNIT.get(unit, f"{unit}s/s")
    return fmt_rate(1e9 / median, label) if label else "—"


def fmt_kb(kb):
    if not isinstance(kb, (int, float)) or kb <= 0:
        return "—"
    if kb >= 1024 * 1024:
        return f"{num(kb / 1024 / 1024)} GiB"
    if kb >= 1024:
        return f"{num(kb / 1024)} MiB"
    return f"{num(kb)} KiB"


def fmt_n(n):
    if n == 0:
        return "—"
    for scale, suffix in ((1_000_000, "M"), (1_000, "k")):
        if n >= scale and n % scale == 0:
            return f"{n // scale}{suffix}"
    return f"{n:,}"


def fmt_ratio(r):
    if r is None or not math.isfinite(r):
        return "—"
    if r >= 100:
        return f"{r:,.0f}×"
    if r >= 10:
        return f"{r:.1f}×"
    return f"{r:.2f}×"


def order(value, table):
    return (table.index(value), value) if value in table else (len(table), value)


# --- machine header ------------------------------------------------------------------------------------------

def first_line(argv):
    try:
        out = subprocess.run(argv, capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.TimeoutExpired):
        return None
    for line in (out.stdout + "\n" + out.stderr).splitlines():
        if line.strip():
            return line.strip()
    return None


def machine_info():
    cpu = "unknown"
    mem = "unknown"
    try:
        for line in open("/proc/cpuinfo"):
            if line.lower().startswith(("model name", "hardware", "cpu model")):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        for line in open("/proc/meminfo"):
            if line.startswith("MemTotal:"):
                mem = f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
                break
    except OSError:
        pass
    try:
        nproc = len(os.sched_getaffinity(0))
    except AttributeError:
        nproc = os.cpu_count()
    venv_python = HERE / ".venv" / "bin" / "python"
    pywbem = first_line([str(venv_python), "-c", "import pywbem, sys; print(pywbem.__version__, 'on Python', "
                         "sys.version.split()[0])"]) if venv_python.exists() else None
    return [
        ("Date", datetime.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z")),
        ("CPU", f"{cpu} ({nproc} CPUs available, `nproc`)"),
        ("Memory", mem),
        ("Kernel", first_line(["uname", "-sr"]) or "unknown"),
        ("Swift", first_line(["swift", "--version"]) or "not found"),
        ("pywbem", pywbem or "not installed (bench/.venv)"),
        ("sqlite3", first_line(["sqlite3", "--version"]) or "not found"),
        ("Lua", first_line(["lua5.4", "-v"]) or "not found"),
    ]


# --- tables --------------------------------------------------------------------------------------------------

def cmsh_median(records, workload, n, unit):
    rec = records.get((workload, n, "cmsh", unit))
    return rec.get("median_ns") if rec else None


def workload_table(records, workload):
    keys = sorted((k for k in records if k[0] == workload),
                  key=lambda k: (k[1], order(k[2], IMPL_ORDER), order(k[3], UNIT_ORDER)))
    lines = [f"## {TITLES.get(workload, workload)}", ""]
    if workload == "memory":
        lines += ["| impl | N | bytes / instance | of which overhead | peak memory | vs cmsh |",
                  "|---|---:|---:|---:|---:|---:|"]
        for k in keys:
            rec = records[k]
            bpi = rec.get("bytes_per_instance")
            over = rec.get("overhead_bytes_per_instance")
            base = records.get((workload, k[1], "cmsh", k[3]), {}).get("bytes_per_instance")
            ratio = "—" if k[2] == "cmsh" else (fmt_ratio(bpi / base) if bpi and base else "n/a")
            lines.append(f"| {k[2]} | {fmt_n(k[1])} | {num(bpi) + ' B' if bpi is not None else '—'} | "
                         f"{num(over) + ' B' if isinstance(over, (int, float)) else '—'} | "
                         f"{fmt_kb(rec.get('peak_rss_kb'))} | {ratio} |")
    else:
        lines += ["| impl | N | unit | median | p90 | throughput | peak memory | vs cmsh |",
                  "|---|---:|---|---:|---:|---:|---:|---:|"]
        for k in keys:
            rec = records[k]
            base = cmsh_median(records, workload, k[1], k[3])
            med = rec.get("median_ns")
            if k[2] == "cmsh":
                ratio = "—"
            elif base and med:
                ratio = fmt_ratio(med / base)
            else:
                ratio = "n/a"
            lines.append(f"| {k[2]} | {fmt_n(k[1])} | {k[3]} | {fmt_time(med)} | {fmt_time(rec.get('p90_ns'))} | "
                         f"{fmt_throughput(rec)} | {fmt_kb(rec.get('peak_rss_kb'))} | {ratio} |")
    notes = {}
    for k in keys:
        rec = records[k]
        note = rec.get("note")
        if note:
            notes.setdefault((k[2], note), []).append(f"{fmt_n(k[1])} ({rec.get('ops', '?')} ops)"
                                                      if k[1] else f"{rec.get('ops', '?')} ops")
    if notes:
        lines.append("")
        for (impl, note), where in notes.items():
            lines.append(f"- **{impl}** [{', '.join(where)}]: {note}")
    lines.append("")
    return lines


# --- targets -------------------------------------------------------------------------------------------------

def pairs(records, workload, unit, peer, derive_row_from_op=False):
    """(n, cmsh median, peer median, peer n, derived) for each cmsh N: the peer at the same N when it has one,
    otherwise at its nearest N (flagged by peer n != n)."""
    def medians(impl):
        out = {}
        for (w, n, i, u), rec in records.items():
            if w == workload and i == impl and u == unit and isinstance(rec.get("median_ns"), (int, float)):
                out[n] = (rec["median_ns"], False)
        if derive_row_from_op:
            for (w, n, i, u), rec in records.items():
                if w == workload and i == impl and u == "op" and n > 0 and n not in out \
                        and isinstance(rec.get("median_ns"), (int, float)):
                    out[n] = (rec["median_ns"] / n, True)
        return out
    mine, theirs = medians("cmsh"), medians(peer)
    if not mine or not theirs:
        return []
    result = []
    for n in sorted(mine):
        pn = n if n in theirs else min(theirs, key=lambda m: (abs(m - n), m))
        result.append((n, mine[n][0], theirs[pn][0], pn, mine[n][1] or theirs[pn][1]))
    return result


def at(n, pn, peer):
    text = f" at {fmt_n(n)}" if n else ""
    if pn != n:
        text += f" ({peer} at {fmt_n(pn) if pn else 'N = 0'})"
    return text


def speedup_target(records, workload, peer, factor, what):
    ps = pairs(records, workload, "op", peer)
    if not ps:
        return None, None
    parts, ok = [], True
    for n, mine, theirs, pn, _ in ps:
        r = theirs / mine
        ok &= r >= factor
        parts.append(f"{fmt_ratio(r)}{at(n, pn, peer)}: {fmt_time(theirs)} vs {fmt_time(mine)}")
    return f"{what} ÷ cmsh = " + "; ".join(parts), ok


def within_target(records, workload, unit, peer, factor, derive=False):
    ps = pairs(records, workload, unit, peer, derive_row_from_op=derive)
    if not ps:
        return None, None
    parts, ok = [], True
    for n, mine, theirs, pn, derived in ps:
        r = mine / theirs
        ok &= r <= factor
        parts.append(f"{fmt_ratio(r)}{at(n, pn, peer)}: {fmt_time(mine)} vs {fmt_time(theirs)} per {unit}"
                     f"{' (derived from per-op ÷ N)' if derived else ''}")
    return f"cmsh ÷ {peer} = " + "; ".join(parts), ok


def flat_target(records):
    meds = {n: rec["median_ns"] for (w, n, i, u), rec in records.items()
            if w == "key-lookup" and i == "cmsh" and u == "op" and isinstance(rec.get("median_ns"), (int, float))}
    if len(meds) < 2:
        return None, None
    lo, hi = min(meds.values()), max(meds.values())
    r = hi / lo
    covered = sorted(meds)
    text = (f"max/min = {r:.2f} over N = {', '.join(fmt_n(n) for n in covered)} "
            f"({', '.join(fmt_time(meds[n]) for n in covered)})")
    missing = [fmt_n(n) for n in (10_000, 1_000_000) if n not in meds]
    if missing:
        text += f"; N = {', '.join(missing)} not measured"
    return text, r <= 2


def memory_target(records):
    rec = records.get(("memory", 1_000_000, "cmsh", "instance"))
    if not rec or not isinstance(rec.get("bytes_per_instance"), (int, float)):
        others = sorted(n for (w, n, i, u) in records if w == "memory" and i == "cmsh")
        return (None, None) if not others else (f"no 1M record (cmsh memory measured at "
                                                f"{', '.join(fmt_n(n) for n in others)})", None)
    b = rec["bytes_per_instance"]
    text = f"{num(b)} B per instance at 1M (bytes_per_instance, payload included)"
    over = rec.get("overhead_bytes_per_instance")
    if isinstance(over, (int, float)):
        text += f"; {num(over)} B without the payload (overhead_bytes_per_instance, for information)"
    return text, b <= 300


def ceiling_target(records, workload, n, limit_ns):
    rec = records.get((workload, n, "cmsh", "op"))
    if not rec or not isinstance(rec.get("median_ns"), (int, float)):
        return None, None
    return f"{fmt_time(rec['median_ns'])} per query at {fmt_n(n)} (p90 {fmt_time(rec['p90_ns'])})", rec["median_ns"] < limit_ns


SERVE_WORKLOADS = ["serve-get-key", "serve-filter", "serve-execquery", "serve-invoke"]


def serve_table(records):
    """The served site under wrk: one row per request kind, with the rate the server sustained."""
    keys = [k for w in SERVE_WORKLOADS for k in records if k[0] == w]
    if not keys:
        return []
    lines = ["## cmsh serve under load (HTTPS, HTTP Basic, keep-alive; wrk)", "",
             "| request | connections | requests/s | p50 | p90 | p99 | requests | errors |",
             "|---|---:|---:|---:|---:|---:|---:|---:|"]
    for k in keys:
        rec = records[k]
        lines.append(f"| {rec.get('note', k[0])} | {rec.get('connections', '—')} | {num(rec.get('req_per_s', 0))} | "
                     f"{fmt_time(rec.get('median_ns'))} | {fmt_time(rec.get('p90_ns'))} | {fmt_time(rec.get('p99_ns'))} | "
                     f"{rec.get('ops', '—')} | {rec.get('errors', '—')} |")
    lines += ["", "pywbem_mock cannot serve over the network (it is an in-process mock), so these rows have no peer; "
              "compare the in-process rows above (key lookup, invoke) for the engine's own share.", ""]
    return lines


def serve_target(records, workload, rate, p99_ns=None):
    rec = records.get((workload, 0, "cmsh", "op"))
    if not rec or not isinstance(rec.get("req_per_s"), (int, float)):
        return None, None
    ok = rec["req_per_s"] >= rate and (rec.get("errors") or 0) == 0
    text = f"{num(rec['req_per_s'])} req/s, p99 {fmt_time(rec.get('p99_ns'))}, {rec.get('errors', 0)} errors"
    if p99_ns is not None:
        ok = ok and isinstance(rec.get("p99_ns"), (int, float)) and rec["p99_ns"] <= p99_ns
    return text, ok


def every_n_target(records, workload, unit, limit_ns):
    """cmsh's median at every N it was measured at, each ≤ limit_ns."""
    meds = {n: rec["median_ns"] for (w, n, i, u), rec in records.items()
            if w == workload and i == "cmsh" and u == unit and isinstance(rec.get("median_ns"), (int, float))}
    if not meds:
        return None, None
    parts = [f"{fmt_time(meds[n])}{at(n, n, 'cmsh')}" for n in sorted(meds)]
    return "cmsh median " + "; ".join(parts) + f" per {unit}", all(m <= limit_ns for m in meds.values())


def targets(records):
    # The targets of issue #17 (performance round 2); the first round's ratios stay beside them.
    rows = [
        ("Cold start ≤ 10 ms (`cmsh -c` one lookup, to exit)", every_n_target(records, "cold-start", "op", 10e6)),
        ("Key lookup ≤ 2 µs", every_n_target(records, "key-lookup", "op", 2e3)),
        ("Key lookup ≥ 100× faster than pywbem_mock GetInstance",
         speedup_target(records, "key-lookup", "pywbem_mock", 100, "pywbem_mock")),
        ("Key lookup flat from 10k to 1M (max/min cmsh median ≤ 2)", flat_target(records)),
        ("Invoke ≤ 5 µs", every_n_target(records, "invoke-latency", "op", 5e3)),
        ("Invoke ≥ 150× faster than pywbem_mock InvokeMethod",
         speedup_target(records, "invoke-latency", "pywbem_mock", 150, "pywbem_mock")),
        ("Create ≤ sqlite3 indexed insert per row", within_target(records, "load", "row", "sqlite3", 1)),
        ("LIKE scan within 1.5× of sqlite3 per row at every N", within_target(records, "like-scan", "row", "sqlite3", 1.5,
                                                                           derive=True)),
        ("Interpreter loop within 3× of Lua 5.4", within_target(records, "interp-loop", "iteration", "lua5.4", 3)),
        ("≤ 300 bytes overhead per instance at 1M", memory_target(records)),
        ("3-class collection query over 100k systems ≤ 100 ms", ceiling_target(records, "collection-query", 100_000, 1e8)),
        ("cmsh serve: GET by key ≥ 20,000 req/s with p99 ≤ 5 ms", serve_target(records, "serve-get-key", 20_000, 5e6)),
        ("cmsh serve: the seed invoke ≥ 5,000 req/s", serve_target(records, "serve-invoke", 5_000)),
    ]
    lines = ["## Targets", "", "| target | measured | met |", "|---|---|:---:|"]
    for name, (measured, ok) in rows:
        if measured is None:
            lines.append(f"| {name} | not measured | not measured |")
        elif ok is None:
            lines.append(f"| {name} | {measured} | not measured |")
        else:
            lines.append(f"| {name} | {measured} | {'met ✅' if ok else 'missed ❌'} |")
    lines += ["", "Ratios compare medians at the same N; where the peer has no record at cmsh's N, its nearest N is "
              "used and named. A target over several N is met only if every N meets it.", ""]
    return lines


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("files", nargs="+", help="JSON-lines record files")
    ap.add_argument("-o", "--output", default=str(HERE / "results.md"))
    args = ap.parse_args()
    records, problems = read_records(args.files)
    for p in problems:
        print(f"report.py: {p}", file=sys.stderr)

    lines = ["# cmsh benchmark results", ""]
    lines += [f"- **{k}**: {v}" for k, v in machine_info()]
    lines.append(f"- **Inputs**: {', '.join(f'`{f}`' for f in args.files)} ({len(records)} records)")
    if not any(k[2] == "cmsh" for k in records):
        lines.append("- **No cmsh records**: every ratio and target below is \"n/a\" / \"not measured\".")
    lines.append("")
    lines.append("Times are per unit (one op, one row, one loop iteration); median and p90 are over the timed "
                 "repetitions (`ops`). Throughput is 1 / median. Peak memory is the measuring process's peak RSS "
                 "when the record was made (for cold start: wait4's ru_maxrss of the started process, which also counts the spawning harness's pages; see the notes). \"vs cmsh\" is peer median ÷ "
                 "cmsh median at the same workload, N and unit (above 1× means cmsh is faster).")
    lines.append("")
    lines += targets(records)
    workloads = sorted({k[0] for k in records}, key=lambda w: order(w, WORKLOAD_ORDER))
    for w in workloads:
        if w not in SERVE_WORKLOADS:
            lines += workload_table(records, w)
    lines += serve_table(records)
    if problems:
        lines += ["## Input problems", ""] + [f"- {p}" for p in problems] + [""]
    out = pathlib.Path(args.output)
    out.write_text("\n".join(lines).rstrip("\n") + "\n")
    print(f"report.py: wrote {out} from {len(records)} records", file=sys.stderr)


if __name__ == "__main__":
    main()
