#!/usr/bin/env bash
# Run by `npm test` (pretest) and by .ci/run: brings the Debian packages the
# specs need and are not npm packages, and names what the machine itself must
# have. Quiet when everything is there.
set -euo pipefail

# Installed when missing, without recommends: docker-compose would otherwise
# pull in a whole Docker engine, and only `docker-compose config` is used. The
# browser specs drive Debian's Chromium (playwright-core downloads no browser).
install_missing_packages() {
  local missing=()
  command -v docker-compose >/dev/null 2>&1 || missing+=(docker-compose)
  [ -x /usr/bin/chromium ] || missing+=(chromium)
  # npm run chaos runs its own PgBouncer; the Sentinel spec runs 3 sentinels of
  # its own on free ports (a sentinel the package may start on 26379 watches nothing).
  [ -x /usr/sbin/pgbouncer ] || missing+=(pgbouncer)
  command -v redis-sentinel >/dev/null 2>&1 || missing+=(redis-sentinel)
  [ "${#missing[@]}" -eq 0 ] && return 0

  local sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    if ! command -v sudo >/dev/null 2>&1; then
      echo "The tests need ${missing[*]}: install them as root (apt-get install --no-install-recommends ${missing[*]})." >&2
      exit 1
    fi
    sudo=(sudo)
  fi
  echo "Installing ${missing[*]} from Debian's packages for the tests."
  "${sudo[@]}" apt-get update -qq
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# Not installed here: on a machine that runs Postgres, Redis and NATS from
# Debian's packages they are there already, and installing those packages
# would start servers on the ports the shared ones hold. The outage specs run
# throwaway servers of their own from these binaries.
check_server_binaries() {
  local missing=()
  command -v redis-server >/dev/null 2>&1 || missing+=('redis-server (package redis-server)')
  command -v redis-cli >/dev/null 2>&1 || missing+=('redis-cli (package redis-tools), which makes the Cluster of the Cluster spec')
  [ -x /usr/sbin/nats-server ] || missing+=('/usr/sbin/nats-server (package nats-server)')
  compgen -G '/usr/lib/postgresql/*/bin/pg_ctl' >/dev/null || missing+=('/usr/lib/postgresql/<version>/bin/initdb and pg_ctl (package postgresql)')
  # Postgres refuses to run as root: as root, the specs run theirs as this user.
  [ "$(id -u)" -ne 0 ] || id postgres >/dev/null 2>&1 || missing+=('a system user postgres (package postgresql makes it)')
  [ "${#missing[@]}" -eq 0 ] && return 0
  printf 'The tests start servers of their own and need:\n' >&2
  printf '  %s\n' "${missing[@]}" >&2
  exit 1
}

install_missing_packages
check_server_binaries
