# shellcheck shell=bash
# Selects the newest JDK 21 or newer and exports JAVA_HOME and PATH.
#
# Source it:   . scripts/jdk.sh || exit 1
# Candidates:  $JAVA_HOME, then /usr/lib/jvm/*, then the `java` on PATH.
# A candidate counts when it has bin/java and bin/javac; its version comes from its `release`
# file, else from `java -version`. On ties the earlier candidate wins (so a qualifying
# $JAVA_HOME is kept unless something newer exists).
# Returns non-zero, with a message on stderr, when no JDK 21 or newer is found.

_mosaic_jdk_version() { # <java home> -> prints "major minor patch", or nothing
  local home="$1" raw=""
  if [[ -r "$home/release" ]]; then
    raw="$(sed -n 's/^JAVA_VERSION="\([^"]*\)".*/\1/p' "$home/release" | head -n 1)"
  fi
  if [[ -z "$raw" ]]; then
    raw="$("$home/bin/java" -version 2>&1 | sed -n 's/.* version "\([^"]*\)".*/\1/p' | head -n 1)"
  fi
  [[ -n "$raw" ]] || return 1
  raw="${raw%%[-+_]*}"
  local major minor patch
  IFS=. read -r major minor patch _ <<<"$raw"
  if [[ "$major" == 1 ]]; then # 1.8.0 style
    major="$minor"
    minor=0
  fi
  [[ "$major" =~ ^[0-9]+$ ]] || return 1
  [[ "$minor" =~ ^[0-9]+$ ]] || minor=0
  [[ "$patch" =~ ^[0-9]+$ ]] || patch=0
  echo "$major $minor $patch"
}

_mosaic_select_jdk() {
  local candidates=() home java_on_path
  [[ -n "${JAVA_HOME:-}" ]] && candidates+=("$JAVA_HOME")
  for home in /usr/lib/jvm/*; do
    [[ -d "$home" ]] && candidates+=("$home")
  done
  if java_on_path="$(command -v java 2>/dev/null)"; then
    java_on_path="$(readlink -f "$java_on_path")"
    candidates+=("${java_on_path%/bin/java}")
  fi

  local best="" best_key=-1 version major minor patch key
  for home in "${candidates[@]}"; do
    [[ -x "$home/bin/java" && -x "$home/bin/javac" ]] || continue
    version="$(_mosaic_jdk_version "$home")" || continue
    read -r major minor patch <<<"$version"
    ((major >= 21)) || continue
    key=$((major * 1000000 + minor * 1000 + patch))
    if ((key > best_key)); then
      best="$home"
      best_key=$key
    fi
  done

  if [[ -z "$best" ]]; then
    echo "no JDK 21 or newer found; install one, e.g. Temurin 25" \
      "(looked at \$JAVA_HOME, /usr/lib/jvm/*, and java on PATH)" >&2
    return 1
  fi
  export JAVA_HOME="$best"
  case ":$PATH:" in
    "$JAVA_HOME/bin:"*) ;;
    *) export PATH="$JAVA_HOME/bin:$PATH" ;;
  esac
}

if _mosaic_select_jdk; then
  unset -f _mosaic_jdk_version _mosaic_select_jdk
  return 0 2>/dev/null || exit 0
else
  unset -f _mosaic_jdk_version _mosaic_select_jdk
  return 1 2>/dev/null || exit 1
fi
