#!/usr/bin/env bash
# Runs every test: installs what the tests need when it is missing (Debian's Chromium for the browser
# tests, aiosmtpd as a real SMTP server, poppler-utils to read PDFs back, zbar-tools to read their QR
# codes, DejaVu fonts for PDFs, PostgreSQL and nginx for the second engine and the two-server tests), then
# builds and runs the whole solution's tests on SQLite, and the service tests once more on a throw-away
# PostgreSQL server of their own (started here on a free loopback port, stopped at the end).
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
/usr/bin/python3 -c "import aiosmtpd" 2>/dev/null || missing+=(python3-aiosmtpd)
command -v pdftotext >/dev/null || missing+=(poppler-utils)
command -v zbarimg >/dev/null || missing+=(zbar-tools)
[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || missing+=(fonts-dejavu-core)
ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1 || missing+=(postgresql)
command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || missing+=(nginx-light)
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing: ${missing[*]}"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# Analyzers only add warnings, which the tests do not read: without them the build takes about 15 s less here.
dotnet build Madrasah.sln -c Debug -nologo -clp:ErrorsOnly -p:RunAnalyzers=false

log=$(mktemp)
# The throw-away PostgreSQL server keeps its files in memory (/dev/shm) when there is room: every service test makes
# and drops a database of some hundred files, and on ext4 creating files among so many just deleted took the kernel
# a fifth of the whole suite's CPU (perf, 2026-12-03).
pg_parent=${TMPDIR:-/tmp}
if [ -d /dev/shm ] && [ -w /dev/shm ] && [ "$(df -Pk /dev/shm | awk 'NR==2 {print $4}')" -gt $((1024 * 1024)) ]; then
  pg_parent=/dev/shm
fi
pg=$(mktemp -d -p "$pg_parent")
trap 'scripts/postgres.sh stop "$pg"; rm -rf "$log" "$pg"' EXIT
export MADRASAH_TEST_POSTGRES; MADRASAH_TEST_POSTGRES=$(FAST=1 scripts/postgres.sh start "$pg")

set +e
# The same model on PostgreSQL: every test but those that start the app or render a component (Kind=App,
# Kind=Component). It runs beside the SQLite pass, at a lower priority, and its output follows that pass's.
pg_log=$(mktemp)
( MADRASAH_TEST_PROVIDER=PostgreSQL nice -n 5 dotnet test Madrasah.sln -c Debug --no-build -nologo \
    --logger "console;verbosity=normal" --filter "Kind!=App&Kind!=Component" "$@" >"$pg_log" 2>&1; echo $? >"$pg_log.status" ) &
pg_pid=$!
dotnet test Madrasah.sln -c Debug --no-build -nologo --logger "console;verbosity=normal" "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
wait "$pg_pid"
echo "=== The service tests on PostgreSQL ==="
tee -a "$log" <"$pg_log"
pg_status=$(cat "$pg_log.status")
rm -f "$pg_log" "$pg_log.status"
[ "$status" -ne 0 ] || status=$pg_status
set -e

# One plain closing line for CI, summed over the test assemblies: "N passed, N failed, N skipped".
read -r passed failed skipped < <(awk '
  /^ +Passed: +[0-9]+$/  {p += $2}
  /^ +Failed: +[0-9]+$/  {f += $2}
  /^ +Skipped: +[0-9]+$/ {s += $2}
  END {print p+0, f+0, s+0}' "$log")
# CI shows only the end of the output: each failed test is named there too, with the first lines of its error and the
# pass it failed in, so that a failure seen once can be read without the whole log.
awk '
  function flush() { if (name != "") print "Failed" pass ": " name " — " substr(error, 1, 400); name = "" }
  /^=== The service tests on PostgreSQL ===$/ {flush(); pass = " (PostgreSQL)"}
  /^ +Failed [^ :]+ / {flush(); name = $2; error = ""; lines = 0; next}
  name != "" && /^ +(Error Message|Stack Trace):$/ {if ($0 ~ /Stack/) flush(); next}
  name != "" && lines < 3 {sub(/^ +/, ""); error = error (lines++ ? " | " : "") $0; if (lines == 3) flush()}
  END {flush()}' "$log"
echo "${passed} passed, ${failed} failed, ${skipped} skipped"
if [ "$status" -eq 0 ] && [ "$passed" -eq 0 ]; then
  echo "No test ran." >&2
  exit 1
fi
exit "$status"
