#!/usr/bin/env bash
# Installs (once) and starts (when down) the real services the integration tests use:
#   PostgreSQL 15 + pgvector on 127.0.0.1:5432, Valkey 8 on 127.0.0.1:6380, step-ca on 127.0.0.1:9443.
# Idempotent: a warm machine is done in seconds. Needs root and the Debian archive.
# Writes $MOSAIC_SERVICES_DIR/services.env (default /var/lib/mosaic-services) for the tests.
# Background: /work/shared/PROVISIONING.md.
set -euo pipefail

STATE=${MOSAIC_SERVICES_DIR:-/var/lib/mosaic-services}
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
PG_BIN=/usr/lib/postgresql/15/bin
VALKEY_PORT=6380
STEPCA_ADDR=127.0.0.1:9443
CA_DIR=$STATE/stepca
export DEBIAN_FRONTEND=noninteractive

log() { printf '[provision] %s\n' "$*"; }
die() { printf '[provision] ERROR: %s\n' "$*" >&2; exit 1; }
now_ms() { echo $(( ${EPOCHREALTIME/./} / 1000 )); }
phase() { PHASE=$1; PHASE_T0=$(now_ms); log "== $1"; }
phase_done() { log "== $PHASE done in $(( $(now_ms) - PHASE_T0 )) ms"; }

# wait_for <seconds> <what> <quiet command...>: poll the command every 0.2 s until it succeeds.
wait_for() {
  local limit=$1 what=$2 deadline=$(( SECONDS + $1 )); shift 2
  log "waiting (max ${limit}s) for $what"
  until "$@"; do
    (( SECONDS < deadline )) || die "timed out after ${limit}s waiting for $what"
    sleep 0.2
  done
}

gone() { ! kill -0 "$1" 2>/dev/null; }
installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'ok installed'; }

# apt_install <packages...>: install the missing ones from the machine's own sources.
SYSTEM_APT_UPDATED=
apt_install() {
  local p missing=()
  for p in "$@"; do installed "$p" || missing+=("$p"); done
  (( ${#missing[@]} )) || return 0
  if [[ -z $SYSTEM_APT_UPDATED ]]; then
    log "apt-get update"; apt-get -q update; SYSTEM_APT_UPDATED=1
  fi
  log "apt-get install ${missing[*]}"
  apt-get -q install -y --no-install-recommends "${missing[@]}"
}

# papt <apt-get args...>: apt-get with a private configuration: the system's sources plus
# bookworm-backports (binaries) and trixie (sources only), on the machine's own archive URI,
# with private package lists. The system's apt configuration is never modified.
PAPT=$STATE/apt
papt() {
  apt-get -q -o Dir::Etc::sourcelist="$PAPT/sources.list" -o Dir::State::Lists="$PAPT/lists" \
    -o Dir::Cache::pkgcache= -o Dir::Cache::srcpkgcache= "$@"
}
PRIVATE_APT_UPDATED=
papt_update() {
  [[ -z $PRIVATE_APT_UPDATED ]] || return 0
  local uri
  uri=$(awk '$1 == "URIs:" { print $2; exit }' /etc/apt/sources.list.d/debian.sources)
  [[ -n $uri ]] || die "no archive URI in /etc/apt/sources.list.d/debian.sources"
  mkdir -p "$PAPT/lists/partial"
  printf 'deb %s bookworm-backports main\ndeb-src %s trixie main\n' "$uri" "$uri" >"$PAPT/sources.list"
  log "apt-get update (private config: + bookworm-backports, + trixie sources; archive $uri)"
  papt update
  PRIVATE_APT_UPDATED=1
}

# Keep package maintainer scripts from starting services (valkey's would want port 6379).
with_services_blocked() {
  local policy=/usr/sbin/policy-rc.d
  if [[ -e $policy ]]; then "$@"; return; fi
  printf '#!/bin/sh\nexit 101\n' >"$policy"; chmod 755 "$policy"
  local rc=0; "$@" || rc=$?
  rm -f "$policy"; return "$rc"
}

mkdir -p "$STATE"
exec 9>"$STATE/.provision.lock"   # the services started below must not inherit fd 9 (9>&-)
flock -w 1800 9 || die "another provision.sh still holds $STATE/.provision.lock after 30 min"
T0=$(now_ms)

# ---------------------------------------------------------------- PostgreSQL + pgvector
phase "postgresql 15 + pgvector"
pg_up() { "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p 5432; }
pg_cluster() {
  log "pg_ctlcluster 15 main $1"
  pg_ctlcluster --skip-systemctl-redirect 15 main "$1" 9>&-
  wait_for 60 "postgresql on 127.0.0.1:5432" pg_up
}
psql_() { PGOPTIONS='-c client_min_messages=warning' psql -X -q -w -v ON_ERROR_STOP=1 -h 127.0.0.1 -U postgres "$@"; }

if pg_up; then log "postgresql is running"; else pg_cluster start; fi

if [[ -f /usr/share/postgresql/15/extension/vector.control ]]; then
  log "pgvector is installed"
else
  apt_install postgresql-server-dev-15 make gcc
  papt_update
  build=$STATE/build/pgvector
  rm -rf "$build"; mkdir -p "$build"
  log "downloading the pgvector source package (trixie) into $build"
  (cd "$build" && papt source --download-only pgvector)
  tar -xf "$build"/pgvector_*.orig.tar.* -C "$build"
  src=$(find "$build" -mindepth 1 -maxdepth 1 -type d | head -n1)
  log "building pgvector in $src"
  make -s -C "$src" -j"$(nproc)" PG_CONFIG="$PG_BIN/pg_config"
  make -s -C "$src" PG_CONFIG="$PG_BIN/pg_config" install
  rm -rf "$build"
  # installing the dev package may have upgraded the server's minor version
  pg_cluster restart
fi

for db in mosaic_test mosaic_codegen mosaic_dev; do
  if [[ $(psql_ -d postgres -Atc "SELECT 1 FROM pg_database WHERE datname = '$db'") != 1 ]]; then
    log "creating database $db"
    psql_ -d postgres -c "CREATE DATABASE $db OWNER postgres"
  fi
  log "ensuring extension vector in $db"
  psql_ -d "$db" -c 'CREATE EXTENSION IF NOT EXISTS vector'
done
PG_SUMMARY="postgresql $(psql_ -d mosaic_test -Atc 'SHOW server_version') + vector $(psql_ -d mosaic_test -Atc "SELECT extversion FROM pg_extension WHERE extname = 'vector'") on 127.0.0.1:5432 (mosaic_test, mosaic_codegen)"
phase_done

# ---------------------------------------------------------------- Valkey
phase "valkey 8"
valkey_up() { [[ $(valkey-cli -h 127.0.0.1 -p "$VALKEY_PORT" ping 2>/dev/null) == PONG ]]; }
if installed valkey-server; then
  log "valkey-server is installed"
else
  papt_update
  log "apt-get install -t bookworm-backports valkey-server (services blocked)"
  with_services_blocked papt install -y --no-install-recommends -t bookworm-backports valkey-server
fi
if valkey_up; then
  log "valkey is running on 127.0.0.1:$VALKEY_PORT"
else
  mkdir -p "$STATE/valkey"
  log "starting valkey-server on 127.0.0.1:$VALKEY_PORT (no persistence), log $STATE/valkey/valkey.log"
  valkey-server --port "$VALKEY_PORT" --bind 127.0.0.1 --save "" --appendonly no --daemonize yes \
    --dir "$STATE/valkey" --logfile "$STATE/valkey/valkey.log" --pidfile "$STATE/valkey/valkey.pid" 9>&-
  wait_for 30 "valkey on 127.0.0.1:$VALKEY_PORT" valkey_up
fi
VALKEY_SUMMARY="valkey $(valkey-server --version | grep -o 'v=[^ ]*' | cut -d= -f2) on 127.0.0.1:$VALKEY_PORT"
phase_done

# ---------------------------------------------------------------- step-ca
phase "step-ca"
apt_install golang-go golang-github-smallstep-certificates-dev

# go_build <cmd>: build scripts/stepca/cmd/<cmd> once per source version; prints the binary path.
go_build() {
  local src=$HERE/stepca/cmd/$1 bin hash
  hash=$(cat "$src"/*.go | sha256sum | cut -c1-12)
  bin=$STATE/cache/bin/$1-$hash
  if [[ ! -x $bin ]]; then
    log "building $1 (Go, GOPATH mode, offline) -> $bin" >&2
    mkdir -p "$STATE/cache/bin" "$STATE/cache/gopath"
    rm -f "$STATE/cache/bin/$1"-*
    (cd "$src" && GO111MODULE=off GOPROXY=off GOFLAGS= GOPATH="$STATE/cache/gopath:/usr/share/gocode" \
       GOCACHE="$STATE/cache/go-build" go build -o "$bin.tmp" .) >"$STATE/cache/build-$1.log" 2>&1 \
      || { cat "$STATE/cache/build-$1.log" >&2; die "go build of $1 failed"; }
    mv "$bin.tmp" "$bin"
  fi
  echo "$bin"
}
STEPCA_BIN=$(go_build step-ca)
PIDFILE=$STATE/stepca.pid

if [[ -s $CA_DIR/secrets/provisioner_kid ]]; then
  log "CA exists in $CA_DIR"
else
  INIT_BIN=$(go_build stepca-init)
  old_pid=$(cat "$PIDFILE" 2>/dev/null || true)
  if [[ -n $old_pid ]] && kill -0 "$old_pid" 2>/dev/null; then
    log "stopping the step-ca of the previous CA (pid $old_pid)"
    kill "$old_pid"
    # it can hang flushing a database that was deleted under it
    deadline=$(( SECONDS + 10 ))
    until gone "$old_pid" || (( SECONDS >= deadline )); do sleep 0.2; done
    gone "$old_pid" || { log "pid $old_pid ignored SIGTERM for 10 s: SIGKILL"; kill -9 "$old_pid"; }
    wait_for 5 "pid $old_pid to exit" gone "$old_pid"
  fi
  log "initialising a new CA in $CA_DIR"
  rm -rf "$CA_DIR"; mkdir -p -m 700 "$CA_DIR" "$CA_DIR/secrets" "$CA_DIR/templates"
  (umask 077; head -c 32 /dev/urandom | base64 | tr -d '/+=\n' >"$CA_DIR/secrets/password")
  cp "$HERE/stepca/mosaic-client.tpl" "$CA_DIR/templates/mosaic-client.tpl"
  STEPPATH=$CA_DIR "$INIT_BIN" --password-file "$CA_DIR/secrets/password" \
    --template "$CA_DIR/templates/mosaic-client.tpl" --provisioner mosaic --address "$STEPCA_ADDR" \
    >"$STATE/stepca-init.log" || die "CA initialisation failed; see $STATE/stepca-init.log"
fi
# step-ca reads the template on every signing request: keep it in step with the repository.
if ! cmp -s "$HERE/stepca/mosaic-client.tpl" "$CA_DIR/templates/mosaic-client.tpl"; then
  log "updating $CA_DIR/templates/mosaic-client.tpl"
  cp "$HERE/stepca/mosaic-client.tpl" "$CA_DIR/templates/mosaic-client.tpl"
fi

# --cacert instead of -k: a healthy CA on the port that is not ours does not count.
stepca_up() {
  [[ $(curl -s --max-time 2 --cacert "$CA_DIR/certs/root_ca.crt" "https://$STEPCA_ADDR/health") == '{"status":"ok"}' ]]
}
stepca_ready() {
  stepca_up && return
  kill -0 "$STEPCA_PID" 2>/dev/null || { tail -n 5 "$STATE/stepca.log" >&2; die "step-ca exited; see $STATE/stepca.log"; }
  return 1
}
if stepca_up; then
  log "step-ca is running on $STEPCA_ADDR"
else
  log "starting step-ca on $STEPCA_ADDR, log $STATE/stepca.log"
  # urfave/cli v1: flags must precede the config path
  STEPPATH=$CA_DIR setsid nohup "$STEPCA_BIN" --password-file "$CA_DIR/secrets/password" \
    "$CA_DIR/config/ca.json" >>"$STATE/stepca.log" 2>&1 </dev/null 9>&- &
  STEPCA_PID=$!
  echo "$STEPCA_PID" >"$PIDFILE"
  wait_for 30 "step-ca on $STEPCA_ADDR" stepca_ready
fi
KID=$(cat "$CA_DIR/secrets/provisioner_kid")
FINGERPRINT=$(openssl x509 -in "$CA_DIR/certs/root_ca.crt" -noout -fingerprint -sha256 | cut -d= -f2 | tr -d : | tr 'A-F' 'a-f')
STEPCA_SUMMARY="step-ca 0.19.0 on https://$STEPCA_ADDR (dir $CA_DIR, provisioner mosaic, kid $KID)"
phase_done

# ---------------------------------------------------------------- services.env
cat >"$STATE/services.env.tmp" <<EOF
MOSAIC_TEST_DATABASE_URL=jdbc:postgresql://127.0.0.1:5432/mosaic_test
MOSAIC_TEST_CODEGEN_DATABASE_URL=jdbc:postgresql://127.0.0.1:5432/mosaic_codegen
MOSAIC_TEST_DATABASE_USER=postgres
MOSAIC_TEST_DATABASE_PASSWORD=
MOSAIC_TEST_VALKEY_URL=redis://127.0.0.1:$VALKEY_PORT
MOSAIC_TEST_STEPCA_URL=https://$STEPCA_ADDR
MOSAIC_TEST_STEPCA_DIR=$CA_DIR
MOSAIC_TEST_STEPCA_ROOT_CERT=$CA_DIR/certs/root_ca.crt
MOSAIC_TEST_STEPCA_ROOT_FINGERPRINT=$FINGERPRINT
MOSAIC_TEST_STEPCA_PROVISIONER=mosaic
MOSAIC_TEST_STEPCA_PROVISIONER_KID=$KID
MOSAIC_TEST_STEPCA_PROVISIONER_KEY_FILE=$CA_DIR/secrets/provisioner_key.jwe
MOSAIC_TEST_STEPCA_PASSWORD_FILE=$CA_DIR/secrets/password
EOF
mv "$STATE/services.env.tmp" "$STATE/services.env"
log "wrote $STATE/services.env"
log "postgres: $PG_SUMMARY"
log "valkey:   $VALKEY_SUMMARY"
log "step-ca:  $STEPCA_SUMMARY"
log "all services ready in $(( $(now_ms) - T0 )) ms"
