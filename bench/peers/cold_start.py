#!/usr/bin/env python3
"""Process start-up ("cold start") timings: wall time of running a command to completion, per run.

Each command is run twice untimed (so the binaries are in the page cache: this measures process start, not disk),
then --runs times with time.perf_counter_ns around subprocess.run. Prints FORMAT.md records (unit "op");
peak_rss_kb is the largest ru_maxrss of the command's runs (wait4); under vfork that counts the
spawning harness's resident pages, so the note gives the floor measured with `true`.

  cold_start.py                                   the peers: python -c 'import pywbem', sqlite3, lua5.4 -e ''
  cold_start.py --cmd "cmsh=.build/release/cmsh -c 'select 1'"   any IMPL=COMMAND (shell-style words), repeatable
"""
import argparse
import json
import os
import shlex
import subprocess
import sys
import time

from common import median, percentile

HERE = os.path.dirname(os.path.abspath(__file__))
VENV_PYTHON = os.path.join(os.path.dirname(HERE), ".venv", "bin", "python")


def default_commands():
    python = VENV_PYTHON if os.path.exists(VENV_PYTHON) else sys.executable
    return [
        ("python", [python, "-c", "import pywbem"], "python -c 'import pywbem' (bench/.venv)"),
        ("sqlite3", ["sqlite3", ":memory:", "select 1"], "sqlite3 :memory: 'select 1'"),
        ("lua5.4", ["lua5.4", "-e", ""], "lua5.4 -e ''"),
    ]


def run_once(argv):
    """Wall time (ns) from spawn to reaped exit, and the child's own peak RSS (KB)."""
    t0 = time.perf_counter_ns()
    proc = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter_ns() - t0
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise SystemExit(f"cold_start.py: {shlex.join(argv)} exited with {proc.returncode}")
    return elapsed, usage.ru_maxrss


def time_command(impl, argv, note, runs):
    for _ in range(2):
        run_once(argv)
    samples, rss = [], 0
    for _ in range(runs):
        elapsed, maxrss = run_once(argv)
        samples.append(elapsed)
        rss = max(rss, maxrss)
    samples.sort()
    return {"workload": "cold-start", "n": 0, "impl": impl, "unit": "op", "median_ns": median(samples),
            "p90_ns": percentile(samples, 90), "ops": runs,
            "peak_rss_kb": rss,
            "note": f"{note}: wall time of subprocess.run to exit, {runs} runs after 2 warm-up runs"}


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=20)
    ap.add_argument("--cmd", action="append", default=[], metavar="IMPL=COMMAND")
    args = ap.parse_args()
    commands = []
    for spec in args.cmd:
        impl, _, command = spec.partition("=")
        if not impl or not command:
            ap.error(f"--cmd wants IMPL=COMMAND, got {spec!r}")
        commands.append((impl, shlex.split(command), command))
    # Under vfork the child's ru_maxrss starts at this (Python) process's resident size, so a tiny command
    # reads as this floor; measure it with `true` and say so in each note.
    floor = max(run_once(["true"])[1] for _ in range(3))
    for impl, argv, note in commands or default_commands():
        rec = time_command(impl, argv, note, args.runs)
        rec["note"] += (f"; peak_rss_kb is wait4's ru_maxrss, which counts the spawning harness's pages: "
                        f"`true` reads {floor} KB")
        print(json.dumps(rec), flush=True)


if __name__ == "__main__":
    main()
