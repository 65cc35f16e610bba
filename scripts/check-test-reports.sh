#!/usr/bin/env bash
# Fails the run when any test was skipped or disabled, or when no test ran at all, so that nothing
# silently drops out of CI. Reads the Surefire/Failsafe XML reports of every module.
set -euo pipefail
root=$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)
shopt -s nullglob
reports=("$root"/*/target/surefire-reports/TEST-*.xml "$root"/*/target/failsafe-reports/TEST-*.xml)
if [ ${#reports[@]} -eq 0 ]; then
  echo "check-test-reports: no test reports found — no test ran" >&2
  exit 1
fi
total=0
skipped=0
skipped_suites=()
for report in "${reports[@]}"; do
  header=$(grep -m1 -o '<testsuite [^>]*>' "$report")
  tests=$(sed -E 's/.* tests="([0-9]+)".*/\1/' <<<"$header")
  skips=$(sed -E 's/.* skipped="([0-9]+)".*/\1/' <<<"$header")
  total=$((total + tests))
  if [ "$skips" -gt 0 ]; then
    skipped=$((skipped + skips))
    skipped_suites+=("$(basename "$report" .xml | sed 's/^TEST-//') ($skips)")
  fi
done
if [ "$skipped" -gt 0 ]; then
  echo "check-test-reports: $skipped test(s) skipped or disabled — every test must run:" >&2
  printf '  %s\n' "${skipped_suites[@]}" >&2
  exit 1
fi
if [ "$total" -eq 0 ]; then
  echo "check-test-reports: the reports count no test" >&2
  exit 1
fi
echo "check-test-reports: $total tests ran in ${#reports[@]} suites, none skipped"
