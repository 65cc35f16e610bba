#!/usr/bin/env bash
# The test command: provisions the real services (idempotent), then builds and runs every test
# with the newest JDK >= 21. Extra arguments go to Maven (e.g. -pl domain).
set -euo pipefail
root=$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)
cd "$root"

# shellcheck source=scripts/jdk.sh
source scripts/jdk.sh

bash scripts/provision.sh

services_env="${MOSAIC_SERVICES_DIR:-/var/lib/mosaic-services}/services.env"
set -a
# shellcheck disable=SC1090
source "$services_env"
set +a

mvn -B -ntp verify "$@"

bash scripts/check-test-reports.sh
