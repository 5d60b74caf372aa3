#!/usr/bin/env bash
# The security probe's figures (issue 9): routes × roles swept, malformed inputs tried, server errors seen, and the
# server's memory after 1,000 anonymous oversized posts. Runs the attack tests that measure them against the real
# app and prints what they measured (the tests themselves assert the goals: no server error, no foreign data).
set -euo pipefail
cd "$(dirname "$0")/.."
report=$(mktemp)
trap 'rm -f "$report"' EXIT
dotnet build Madrasah.sln -c Debug -nologo -clp:ErrorsOnly >/dev/null
set +e
MADRASAH_PROBE_REPORT="$report" dotnet test Madrasah.Blazor.Tests -c Debug --no-build -nologo \
  --filter "FullyQualifiedName~RouteSweepTests|FullyQualifiedName~MalformedInputTests|FullyQualifiedName~OversizedInputAttackTests.Oversized_and_distinct" >/dev/null
status=$?
set -e
echo "Security probe, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores:"
sed 's/^/  /' "$report"
[ "$status" -eq 0 ] && echo "  All attack tests passed." || echo "  Some attack tests failed (run them with dotnet test to see which)."
exit "$status"
