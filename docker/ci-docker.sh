#!/usr/bin/env bash
# CI's Docker step: makes Docker available and builds the images the container tests use.
#
#   docker/ci-docker.sh [JAR]     installs docker.io if missing, starts dockerd if it is not running,
#                                 builds handlestck/jre-base:local and handlestck/reference-server:VERSION
#                                 (and :latest) from JAR (default target/handles-tck.jar)
#   docker/ci-docker.sh stop      stops the dockerd this script started, if any
#
# A container test must never pass by being skipped, so when Docker cannot be made to work this
# prints one line saying why and exits non-zero: the CI run fails.
set -euo pipefail
cd "$(dirname "$0")/.."

base_image=handlestck/jre-base:local
server_repository=handlestck/reference-server
state_dir="${HANDLESTCK_DOCKER_STATE:-${TMPDIR:-/tmp}/handlestck-docker}"
dockerd_log="$state_dir/dockerd.log"
dockerd_pid="$state_dir/dockerd.pid"
start_timeout_seconds=60

fail() { echo "ci-docker: $*" >&2; exit 1; }

if [ "${1:-}" = stop ]; then
  if [ -f "$dockerd_pid" ]; then
    pid=$(cat "$dockerd_pid")
    # Only that dockerd: after a reboot the recorded pid may belong to something else.
    if [ "$(ps -o comm= -p "$pid" 2>/dev/null)" = dockerd ]; then
      kill "$pid"
      for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
      echo "ci-docker: stopped dockerd ($pid)"
    fi
    rm -f "$dockerd_pid"
  fi
  exit 0
fi

jar="${1:-target/handles-tck.jar}"
[ -f "$jar" ] || fail "$jar does not exist: build it first with mvn -B -DskipTests package"

if ! command -v dockerd >/dev/null 2>&1 || ! command -v docker >/dev/null 2>&1; then
  command -v apt-get >/dev/null 2>&1 || fail "Docker is not installed and there is no apt-get to install docker.io"
  echo "ci-docker: installing docker.io"
  export DEBIAN_FRONTEND=noninteractive
  { apt-get update -qq && apt-get install -y -qq docker.io; } >"${TMPDIR:-/tmp}/handlestck-docker-apt.log" 2>&1 \
    || fail "apt-get install docker.io failed: $(tail -n 1 "${TMPDIR:-/tmp}/handlestck-docker-apt.log")"
fi

if ! docker info >/dev/null 2>&1; then
  [ "$(id -u)" -eq 0 ] || fail "the Docker daemon is not running and only root can start dockerd here"
  mkdir -p "$state_dir"
  echo "ci-docker: starting dockerd (log: $dockerd_log)"
  # The bridge gets an explicit gateway: Testcontainers, when it believes it runs inside a container
  # (/.dockerenv), looks the gateway up there and otherwise pulls alpine just to ask `ip route`.
  nohup dockerd --bip=172.17.0.1/16 >"$dockerd_log" 2>&1 &
  echo $! >"$dockerd_pid"
  deadline=$(( $(date +%s) + start_timeout_seconds ))
  until docker info >/dev/null 2>&1; do
    if ! kill -0 "$(cat "$dockerd_pid")" 2>/dev/null; then
      rm -f "$dockerd_pid"
      reason=$(grep -E 'level=(fatal|error)' "$dockerd_log" | tail -n 1 | sed -E 's/.*msg="([^"]*)".*/\1/')
      fail "dockerd exited: ${reason:-$(tail -n 1 "$dockerd_log")} (full log: $dockerd_log)"
    fi
    [ "$(date +%s)" -lt "$deadline" ] || fail "dockerd did not answer within ${start_timeout_seconds}s (log: $dockerd_log)"
    sleep 1
  done
fi

version=$(java -jar "$jar" --version | awk '{ print $NF }')
[ -n "$version" ] || fail "could not read the kit version from $jar"

bash docker/build-base-image.sh "$base_image"

# The build context is a folder holding only the jar, so nothing else is sent to the daemon.
context=$(mktemp -d)
trap 'rm -rf "$context"' EXIT
cp "$jar" "$context/handles-tck.jar"
mkdir -p "$state_dir"
build_log="$state_dir/build.log"
docker build -f docker/Dockerfile --build-arg BASE_IMAGE="$base_image" \
  -t "$server_repository:$version" -t "$server_repository:latest" "$context" >"$build_log" 2>&1 \
  || fail "docker build of $server_repository:$version failed: $(grep -v '^ *$' "$build_log" | tail -n 1) (log: $build_log)"
# Rebuilding moves the tags; the images they leave behind are of no further use.
docker image prune --force --filter label=io.handlestck.image >/dev/null
echo "ci-docker: built $server_repository:$version"
