# cmsh — build, run, test. `make run` starts the REPL on the demo site; `make test` is what CI runs.
SWIFT ?= swift
# bash, for pipefail: the test log is tee'd and the status must still be swift test's.
SHELL := /bin/bash
# apt needs root; use sudo only when we are not root already.
SUDO := $(shell [ "$$(id -u)" = "0" ] || echo sudo)

.PHONY: run build release test deps test-deps examples docs bench bench-smoke fuzz clean

# The system libraries cmsh links: libedit (the REPL's line editing), SQLite (site files, through GRDB) and
# libxml2 (CIM-XML bodies) and libcurl (--connect: HTTPS with Kerberos, NTLM, Basic).
# Each is installed when missing.
deps:
	@dpkg -s libedit-dev >/dev/null 2>&1 || { $(SUDO) apt-get update && $(SUDO) apt-get install -y libedit-dev; }
	@dpkg -s libsqlite3-dev >/dev/null 2>&1 || { $(SUDO) apt-get update && $(SUDO) apt-get install -y libsqlite3-dev; }
	@dpkg -s libcurl4-openssl-dev >/dev/null 2>&1 || { $(SUDO) apt-get update && $(SUDO) apt-get install -y libcurl4-openssl-dev; }
	@dpkg -s libxml2-dev >/dev/null 2>&1 || { $(SUDO) apt-get update && $(SUDO) apt-get install -y libxml2-dev pkg-config; }
	@command -v pkg-config >/dev/null 2>&1 || { $(SUDO) apt-get update && $(SUDO) apt-get install -y pkg-config; }

# The REPL tests drive cmsh in a real terminal through tmux; the server tests use real clients: curl and
# sblim-wbemcli from Debian, Python's requests, pywbem and pywbemcli in a venv under .build/ (made once, pinned);
# the --connect tests a real Kerberos realm and NTLM (Tests/peers/winauth).
VENV := .build/venv
test-deps: deps $(VENV)/.installed
	@command -v tmux >/dev/null 2>&1 || { $(SUDO) apt-get update && $(SUDO) apt-get install -y tmux; }
	@command -v curl >/dev/null 2>&1 || { $(SUDO) apt-get update && $(SUDO) apt-get install -y curl; }
	@command -v wbemcli >/dev/null 2>&1 || { $(SUDO) apt-get update && $(SUDO) apt-get install -y sblim-wbemcli; }
	@# Windows authentication for --connect (WindowsAuthTests): an MIT Kerberos KDC (krb5kdc, kdb5_util), its client
	@# tools (kinit), and the headers pyspnego's gssapi/krb5 build from; install.sh adds the pinned Python side.
	@dpkg -s krb5-kdc krb5-admin-server krb5-user libkrb5-dev >/dev/null 2>&1 || { $(SUDO) apt-get update && \
	    DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y --no-install-recommends krb5-kdc krb5-admin-server krb5-user libkrb5-dev gcc; }
	@$(SUDO) bash Tests/peers/winauth/install.sh $(VENV)

$(VENV)/.installed:
	@command -v python3 >/dev/null 2>&1 || { $(SUDO) apt-get update && $(SUDO) apt-get install -y python3 python3-venv; }
	python3 -m venv $(VENV)
	$(VENV)/bin/pip install --quiet requests==2.34.2 pywbem==1.9.1 pywbemtools==1.4.1
	@touch $@

build: deps
	$(SWIFT) build

# The Swift runtime and Foundation linked in statically: a start then resolves a few hundred symbols, not tens of
# thousands across a dozen shared libraries (bench/README.md, cold start).
release: deps
	$(SWIFT) build -c release --static-swift-stdlib

run: release
	./.build/release/cmsh

# The whole suite takes well under a minute (under 20 s pinned to one CPU); the ceiling turns a hang into a
# quick, named failure instead of a CI run that never ends.
TEST_TIMEOUT ?= 900
test: test-deps
	$(SWIFT) build --build-tests
	@set -o pipefail; timeout --kill-after=30 $(TEST_TIMEOUT) $(SWIFT) test --skip-build 2>&1 | tee .build/test.log || { status=$$?; \
	    [ $$status -ne 124 ] || echo "make test: the tests did not finish within $(TEST_TIMEOUT) s" >&2; \
	    .ci/unfinished-tests .build/test.log >&2; exit $$status; }
	$(MAKE) --no-print-directory examples

# Every example runs and must print exactly its checked-in expected output.
examples:
	@$(SWIFT) build --product EmbeddingHost >/dev/null
	@./.build/debug/EmbeddingHost > .build/EmbeddingHost.out 2>&1
	@diff -u Examples/EmbeddingHost/expected.out .build/EmbeddingHost.out && echo "EmbeddingHost: output as expected"
	@$(SWIFT) build --product RemoteHost >/dev/null
	@bash Examples/RemoteHost/run.sh ./.build/debug/cmsh ./.build/debug/RemoteHost
	@bash Examples/scripts/run-examples.sh ./.build/debug/cmsh

# libFuzzer targets (Fuzz/, a package of its own, built into .build-fuzz with -sanitize=fuzzer,address): each
# runs FUZZ_SECONDS (60) and any crash, trap, leak or hang fails; see SECURITY.md. FUZZ_TARGETS picks some.
FUZZ_SECONDS ?= 60
fuzz: deps
	FUZZ_SECONDS=$(FUZZ_SECONDS) SWIFT=$(SWIFT) bash Fuzz/run.sh

# Benchmarks against pywbem_mock, sqlite3 and Lua 5.4, measured in one run; writes bench/results.md.
# bench/peers/setup.sh installs what the peers need: lua5.4 and sqlite3 through apt, pywbem in bench/.venv.
bench: deps
	bash bench/peers/setup.sh
	bash bench/run.sh

# The same at small N, for checking the harnesses (CI runs it after make test); writes bench/out/results-quick.md.
bench-smoke: deps
	bash bench/peers/setup.sh
	bash bench/run.sh --quick

# DocC for the CMShell library (re-exported CIM and Script types included), into .build/docs.
docs: deps
	$(SWIFT) build --target CMShell
	@mkdir -p .build/symbol-graphs
	swift-symbolgraph-extract -module-name CMShell -I "$$($(SWIFT) build --show-bin-path)/Modules" \
	    -I .build/checkouts/GRDB.swift/Sources/GRDBSQLite \
	    -minimum-access-level public -experimental-allowed-reexported-modules=CIM,Script,Site,SiteStore \
	    -output-dir .build/symbol-graphs
	docc convert Sources/CMShell/Documentation.docc --additional-symbol-graph-dir .build/symbol-graphs \
	    --output-path .build/docs --fallback-display-name CMShell --fallback-bundle-identifier CMShell \
	    --warnings-as-errors
	@echo "documentation in .build/docs/documentation/cmshell"

clean:
	rm -rf .build
