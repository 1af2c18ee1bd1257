#!/usr/bin/env python3
"""sqlite3 peer benchmarks: an in-memory database through Python's sqlite3 module (the C library does the work).

Prints FORMAT.md records on stdout, progress on stderr. See common.py for the data set.
  load             indexed insert per row (PRIMARY KEY + Manufacturer index), executemany in one transaction
  key-lookup       prepared `select * from driver_package where PackageID = ?`, per op
  indexed-equality `select * … where Manufacturer = ?` through the index, per op (n/100 rows fetched)
  like-scan        `select * … where Name like '%model 97_'` (full scan, ~0.7% match), per row scanned and per op
  join             `select d.PackageID, p.Name` from DP ⨝ packages on PackageID (n rows fetched), per result row
"""
import argparse
import gc
import random
import sqlite3
import sys
import time

from common import (emit, emit_memory, like_matches, log, LIKE_PATTERN, MANUFACTURERS, package_id, package_name,
                    manufacturer, nal, HOLDING_SERVER, SITE, SITE_NAME, SOURCE_DATE, parse_n_list)

IMPL = "sqlite3"
ns = time.perf_counter_ns

SCHEMA = """
create table driver_package (
    PackageID     text primary key,
    Name          text,
    Manufacturer  text,
    PackageType   integer,
    SourceVersion integer,
    SourceDate    text
);
create index driver_package_manufacturer on driver_package(Manufacturer);
create table distribution_point (
    PackageID     text not null,
    ServerNALPath text not null,
    SiteCode      text not null,
    SiteName      text,
    PackageType   integer,
    Status        integer,
    primary key (PackageID, ServerNALPath, SiteCode)
);
create index distribution_point_site on distribution_point(SiteCode);
"""


def package_rows(n):
    date = SOURCE_DATE.strftime("%Y-%m-%d %H:%M:%S")
    return [(package_id(i), package_name(i), manufacturer(i), 3, 1, date) for i in range(n)]


def dp_rows(n):
    path = nal(HOLDING_SERVER)
    return [(package_id(j), path, SITE, SITE_NAME, 3, 0) for j in range(n)]


def fresh_db():
    con = sqlite3.connect(":memory:", isolation_level=None)
    con.executescript(SCHEMA)
    return con


def bench_n(n, args):
    t_start = time.perf_counter()
    rows = package_rows(n)
    dps = dp_rows(n)
    insert_pkg = "insert into driver_package values (?, ?, ?, ?, ?, ?)"
    insert_dp = "insert into distribution_point values (?, ?, ?, ?, ?, ?)"

    # load: fresh database each repetition; executemany in one transaction; time per row.
    reps = args.load_reps if n < 1_000_000 else max(3, args.load_reps // 2)
    samples = []
    for _ in range(reps):
        con = fresh_db()
        gc.collect()
        t0 = ns()
        con.execute("begin")
        con.executemany(insert_pkg, rows)
        con.execute("commit")
        samples.append((ns() - t0) / n)
        con.close()
    emit("load", n, IMPL, "row", samples, note=f"executemany in one transaction into :memory:, primary key + "
         f"Manufacturer index; {reps} loads of {n} rows, per row")

    con = fresh_db()
    con.execute("begin")
    con.executemany(insert_pkg, rows)
    con.executemany(insert_dp, dps)
    con.execute("commit")
    con.execute("analyze")
    pages = con.execute("pragma page_count").fetchone()[0] * con.execute("pragma page_size").fetchone()[0]
    dp_pages = con.execute("select sum(pgsize) from dbstat where name like 'distribution_point%' or name like "
                           "'sqlite_autoindex_distribution_point%'").fetchone()[0] if _has_dbstat(con) else None
    pkg_bytes = pages - dp_pages if dp_pages is not None else None
    if pkg_bytes is not None:
        emit_memory(n, IMPL, pkg_bytes / n, note="driver_package table + its indexes, database pages / rows (dbstat)")
    del rows, dps

    # key-lookup: random existing keys, one prepared statement (Python's statement cache), per op.
    rng = random.Random(1)
    keys = [package_id(rng.randrange(n)) for _ in range(args.lookup_ops)]
    q = "select * from driver_package where PackageID = ?"
    execute = con.execute
    for k in keys[:1000]:
        execute(q, (k,)).fetchone()  # warm up
    samples = []
    for k in keys:
        t0 = ns()
        row = execute(q, (k,)).fetchone()
        samples.append(ns() - t0)
        assert row is not None
    # The C-only floor: the same lookups done inside one statement (a join from a table of the keys).
    con.execute("create temp table lookup_keys(id text)")
    con.executemany("insert into lookup_keys values (?)", [(k,) for k in keys])
    floor_q = ("select count(*), sum(length(p.Name)) from lookup_keys k "
               "join driver_package p on p.PackageID = k.id")
    floor = []
    for _ in range(5):
        t0 = ns()
        cnt = execute(floor_q).fetchone()[0]
        floor.append((ns() - t0) / len(keys))
        assert cnt == len(keys)
    floor.sort()
    emit("key-lookup", n, IMPL, "op", samples, note="prepared select * where PackageID = ? (primary key), fetchone, "
         f"through Python's sqlite3 module; the same lookups inside one SQL statement cost {floor[2]:.0f} ns each "
         "(C only)")

    # indexed-equality: Manufacturer = ?, all n/100 matching rows fetched, per op.
    q = "select * from driver_package where Manufacturer = ?"
    plan = " ".join(r[-1] for r in con.execute("explain query plan " + q, (MANUFACTURERS[0],)))
    assert "driver_package_manufacturer" in plan, plan
    ops = max(5, min(args.max_ops, int(args.budget_s / max(1e-9, n * 20e-9))))
    samples = []
    for k in range(ops):
        m = MANUFACTURERS[k % len(MANUFACTURERS)]
        t0 = ns()
        got = execute(q, (m,)).fetchall()
        samples.append(ns() - t0)
        assert len(got) == n // len(MANUFACTURERS), len(got)
    emit("indexed-equality", n, IMPL, "op", samples,
         note=f"select * where Manufacturer = ? via index, {n // len(MANUFACTURERS)} rows fetched per op")
    emit("indexed-equality", n, IMPL, "row", [s / (n // len(MANUFACTURERS)) for s in samples],
         note="per row returned")

    # like-scan: full scan with a leading-% pattern (~0.7% match), per row scanned and per op.
    q = "select * from driver_package where Name like ?"
    plan = " ".join(r[-1] for r in con.execute("explain query plan " + q, (LIKE_PATTERN,)))
    assert "SCAN" in plan, plan
    expect = like_matches(n)
    ops = max(5, min(args.max_ops, int(args.budget_s / max(1e-9, n * 150e-9))))
    samples = []
    for k in range(ops):
        t0 = ns()
        got = execute(q, (LIKE_PATTERN,)).fetchall()
        samples.append(ns() - t0)
        assert len(got) == expect, len(got)
    emit("like-scan", n, IMPL, "row", [s / n for s in samples],
         note=f"select * where Name like '{LIKE_PATTERN}' (full scan, {expect} of {n} rows match), per row scanned")
    emit("like-scan", n, IMPL, "op", samples, note="same scan, per query")

    # join: every DP row with its package, per result row.
    q = "select d.PackageID, p.Name from distribution_point d join driver_package p on p.PackageID = d.PackageID"
    plan = " | ".join(r[-1] for r in con.execute("explain query plan " + q))
    ops = max(3, min(args.max_ops, int(args.budget_s / max(1e-9, n * 2000e-9))))
    samples = []
    floor_q = ("select count(*), sum(length(p.Name)) from distribution_point d "
               "join driver_package p on p.PackageID = d.PackageID")
    floor = []
    for _ in range(3):
        t0 = ns()
        cnt = execute(floor_q).fetchone()[0]
        floor.append((ns() - t0) / n)
        assert cnt == n
    floor.sort()
    for _ in range(ops):
        t0 = ns()
        got = execute(q).fetchall()
        samples.append((ns() - t0) / len(got))
        assert len(got) == n, len(got)
    emit("join", n, IMPL, "row", samples, note=f"select d.PackageID, p.Name from DP ⨝ driver_package on PackageID, "
         f"one DP per package, {n} result rows fetched, "
         f"per result row; plan: {plan}; C only (count/sum instead of fetching rows): {floor[1]:.0f} ns/row")
    con.close()
    log(f"sqlite n={n}: {time.perf_counter() - t_start:.1f}s")


def _has_dbstat(con):
    try:
        con.execute("select 1 from dbstat limit 1").fetchall()
        return True
    except sqlite3.Error:
        return False


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", default="10000,100000,1000000", help="comma-separated repository sizes")
    ap.add_argument("--load-reps", type=int, default=7, help="loads per n (halved, min 3, at 1M)")
    ap.add_argument("--lookup-ops", type=int, default=20000)
    ap.add_argument("--max-ops", type=int, default=200, help="cap on repetitions of each query")
    ap.add_argument("--budget-s", type=float, default=3.0, help="rough time per query workload and n")
    args = ap.parse_args()
    log(f"sqlite3 {sqlite3.sqlite_version} (Python {sys.version.split()[0]})")
    for n in parse_n_list(args.n):
        bench_n(n, args)


if __name__ == "__main__":
    main()
