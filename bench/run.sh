#!/usr/bin/env bash
# Every benchmark of the project in one command (issue 6), on this machine, traffic on 127.0.0.1 only:
#   1. HTTP throughput and latency with wrk, 1/16/64 keep-alive connections: the reference server
#      (standalone jar) beside Azurite (the emulator users run today) and nginx (a static 200 of the
#      same size: the floor of one HTTP request here);
#   2. scale: 10^4..10^6 handles (List Handles pages, recursive Force Close, heap per handle);
#   3. the kit: a full certification run, in-process, and with JVM start as the README's first command runs
#      it (bin/handles-tck run) beside plain `java -jar`, wall and CPU time, three of each;
#   4. concurrency: 16 threads opening, closing and listing overlapping sets;
#   5. the SMB endpoint: bench/smb.sh, when present, adds its figures to the same results file.
# Prints a table and writes bench/results/latest.md; the raw figures go to bench/results/figures.properties.
#
# Environment: BENCH_BUILD_DIR (default target/; where the jar and the benchmark classes are built),
# BENCH_SECONDS (default 8; length of each wrk run), BENCH_ROUNDS (default 3; rounds of runs at 16 connections),
# BENCH_WARMUP_SECONDS (default 8; each of the five warm-up runs), BENCH_SIZES (default "10000 100000 1000000"),
# BENCH_JFR=1 (record JFR profiles of the server and the scale driver into bench/results/),
# BENCH_PHASES (default all: "http scale kit concurrency smb"; only the phases named run).
# Every driver runs under a timeout and every loop is bounded: a stuck phase is reported as failed, not waited for.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BENCH=$ROOT/bench
WORK=$BENCH/.work
RESULTS=$BENCH/results
BUILD=${BENCH_BUILD_DIR:-$ROOT/target}
JAR=$BUILD/handles-tck.jar
SECONDS_PER_RUN=${BENCH_SECONDS:-8}
ROUNDS=${BENCH_ROUNDS:-3}
WARMUP_SECONDS=${BENCH_WARMUP_SECONDS:-8}
SIZES=${BENCH_SIZES:-10000 100000 1000000}
AZURITE_VERSION=3.37.0
FIGURES=$RESULTS/figures.properties
SCRATCH=$(mktemp -d /tmp/handles-bench.XXXXXX)
STARTED=$(date +%s)

mkdir -p "$WORK" "$RESULTS"
: > "$FIGURES"

# Every process a phase starts is remembered here and stopped when the phase's subshell exits, however it exits.
STARTED_PIDS=()
stop_started() {
  local pid
  for pid in "${STARTED_PIDS[@]}"; do
    kill "$pid" 2>/dev/null || true
  done
  for pid in "${STARTED_PIDS[@]}"; do
    wait "$pid" 2>/dev/null || true
  done
  STARTED_PIDS=()
}
trap 'rm -rf "$SCRATCH"' EXIT
trap 'exit 130' INT TERM

# Runs one phase in a subshell with errexit on and its own process cleanup; a failed phase is
# recorded (its figures show as "not measured" in the report) and the other phases still run.
FAILED_PHASES=()
# BENCH_PHASES (e.g. "scale kit") runs only the phases it names; the others show as not measured.
phase() {
  local name=$1 rc=0
  shift
  if [[ -n ${BENCH_PHASES:-} && " $BENCH_PHASES " != *" $name "* ]]; then
    return
  fi
  set +e
  (set -e; trap stop_started EXIT; "$@")
  rc=$?
  set -e
  if ((rc != 0)); then
    figure "failed.$name" "exit $rc"
    FAILED_PHASES+=("$name")
    printf 'bench: phase %s failed (exit %d); going on with the others\n' "$name" "$rc" >&2
  fi
}

say() { printf '\n== %s\n' "$*" >&2; }
figure() { printf '%s=%s\n' "$1" "$2" >> "$FIGURES"; }
die() { printf 'bench: %s\n' "$*" >&2; exit 1; }

# A free loopback port: bash opens a TCP connection only where something listens.
free_port() {
  local port
  for _ in $(seq 1 50); do
    port=$((20000 + RANDOM % 20000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return
    fi
  done
  die "no free port found"
}

# Waits (bounded) until something accepts connections on a loopback port.
wait_for_port() {
  local port=$1 what=$2
  for _ in $(seq 1 150); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      return
    fi
    sleep 0.1
  done
  die "$what did not listen on 127.0.0.1:$port within 15 s"
}

load1() { cut -d' ' -f1 /proc/loadavg; }

# Percent of all cores busy during one second while none of this script's processes run: what others use.
others_cpu() {
  local -a a b
  read -r -a a < <(grep '^cpu ' /proc/stat)
  sleep 1
  read -r -a b < <(grep '^cpu ' /proc/stat)
  local total=0 i
  for i in 1 2 3 4 5 6 7 8; do total=$((total + b[i] - a[i])); done
  local idle=$(( (b[4] - a[4]) + (b[5] - a[5]) ))
  echo $(( total > 0 ? 100 * (total - idle) / total : 0 ))
}

# Before each phase: the 1-minute load and what other work takes of the cores right now.
machine_state() {
  figure "machine.load1.$1" "$(load1)"
  figure "machine.others_cpu.$1" "$(others_cpu)"
}

# ---- tools ------------------------------------------------------------------------------------------
say "tools"
missing=()
command -v wrk >/dev/null || missing+=(wrk)
command -v nginx >/dev/null || missing+=(nginx)
if ((${#missing[@]})); then
  apt-get install -y "${missing[@]}" >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y "${missing[@]}" >/dev/null; }
fi
if [[ ! -x $WORK/node_modules/.bin/azurite-blob ]]; then
  command -v npm >/dev/null || apt-get install -y npm >/dev/null
  (cd "$WORK" && npm install --no-audit --no-fund --loglevel=error "azurite@$AZURITE_VERSION" >/dev/null)
fi

# ---- build ------------------------------------------------------------------------------------------
say "build ($BUILD)"
mvn_quiet() {
  # Offline first (nothing new to download on a warm machine), then online.
  mvn -B -q -o -Dhandlestck.buildDir="$BUILD" "$@" || mvn -B -q -Dhandlestck.buildDir="$BUILD" "$@"
}
if [[ ! -f $JAR ]]; then
  mvn_quiet -Dmaven.test.skip=true package
fi
# The drivers are test-scope classes (they use the project's test client): compile them and take the test classpath.
mvn_quiet test-compile dependency:build-classpath -Dmdep.outputFile="$SCRATCH/classpath" -Dmdep.includeScope=test
CP="$BUILD/test-classes:$BUILD/classes:$(cat "$SCRATCH/classpath")"
# The drivers run the server in-process: its per-request INFO lines would only slow them and bury the figures.
QUIET=-Dorg.slf4j.simpleLogger.defaultLogLevel=warn
[[ -f $JAR ]] || die "no jar at $JAR"

# ---- machine ----------------------------------------------------------------------------------------
figure machine.date "$(date -u '+%Y-%m-%d %H:%M UTC')"
figure machine.nproc "$(nproc)"
figure machine.memory "$(free -g | awk '/^Mem:/ {print $2 " GiB"}')"
figure machine.cpu "$(lscpu | sed -n 's/^Model name: *//p' | head -1)"
figure machine.java "$(java -version 2>&1 | head -1)"
figure machine.wrk "$(wrk -v 2>&1 | head -1 | cut -d' ' -f1-2)"
figure machine.nginx "$(nginx -v 2>&1 | cut -d/ -f2)"
figure machine.azurite "$AZURITE_VERSION"
figure machine.node "$(node --version)"
# A run started with e.g. `nice -n -10 bench/run.sh` on a shared machine says so in the report.
figure machine.niceness "$(nice)"
machine_state start

JFR_OPTS=()
if [[ ${BENCH_JFR:-0} == 1 ]]; then
  JFR_OPTS=(-XX:StartFlightRecording=settings=profile,filename=)
fi
jfr_for() { # the JFR option for one JVM, or nothing
  if ((${#JFR_OPTS[@]})); then echo "${JFR_OPTS[0]}$RESULTS/$1.jfr"; fi
}

# One recorded wrk run: label port request-file connections seconds.
run_wrk() {
  local label=$1 port=$2 request=$3 connections=$4 seconds=$5 threads=2
  ((connections < 2)) && threads=1
  WRK_LABEL=$label wrk -t "$threads" -c "$connections" -d "${seconds}s" --latency -s "$BENCH/replay.lua" \
    "http://127.0.0.1:$port" -- "$request" > "$SCRATCH/wrk.out"
  grep -E "^$label\." "$SCRATCH/wrk.out" >> "$FIGURES" || die "wrk printed no figures for $label: $(cat "$SCRATCH/wrk.out")"
  grep -E "^$label\.(rps|p99_ms|errors)=" "$SCRATCH/wrk.out" | tr '\n' ' ' >&2
  echo >&2
}

# ---- 1. HTTP throughput and latency -----------------------------------------------------------------
http_phase() {
  say "1. HTTP: reference server, Azurite, nginx (wrk, ${SECONDS_PER_RUN}s per run)"
  OURS_PORT=$(free_port)
  java $(jfr_for server-wrk) -jar "$JAR" serve --host 127.0.0.1 --port "$OURS_PORT" > "$SCRATCH/serve.log" 2>&1 &
  STARTED_PIDS+=($!)
  wait_for_port "$OURS_PORT" "the reference server"
  java $QUIET -cp "$CP" io.handlestck.bench.ReplayRequests reference "http://127.0.0.1:$OURS_PORT/devstoreaccount1" "$SCRATCH"

  AZURITE_PORT=$(free_port)
  (cd "$SCRATCH" && exec "$WORK/node_modules/.bin/azurite-blob" --blobHost 127.0.0.1 --blobPort "$AZURITE_PORT" \
    --inMemoryPersistence --silent --disableTelemetry --skipApiVersionCheck --loose) > "$SCRATCH/azurite.log" 2>&1 &
  STARTED_PIDS+=($!)
  wait_for_port "$AZURITE_PORT" "Azurite"
  java $QUIET -cp "$CP" io.handlestck.bench.ReplayRequests azurite "http://127.0.0.1:$AZURITE_PORT/devstoreaccount1" "$SCRATCH"

  NGINX_PORT=$(free_port)
  mkdir -p "$SCRATCH/nginx"
  cp "$SCRATCH/list10.body" "$SCRATCH/nginx/list10.body"
  chmod -R a+rX "$SCRATCH"
  sed -e "s#@PORT@#$NGINX_PORT#g" -e "s#@DIR@#$SCRATCH/nginx#g" "$BENCH/nginx.conf.template" > "$SCRATCH/nginx/nginx.conf"
  nginx -p "$SCRATCH/nginx" -c "$SCRATCH/nginx/nginx.conf" > "$SCRATCH/nginx.log" 2>&1 &
  STARTED_PIDS+=($!)
  wait_for_port "$NGINX_PORT" "nginx"
  printf 'GET\n/empty\n' > "$SCRATCH/nginx-empty.req"
  printf 'GET\n/list10\n' > "$SCRATCH/nginx-list10.req"
  figure http.list10.body_bytes "$(stat -c %s "$SCRATCH/list10.body")"

  # Warm-up, not recorded: the JVM's JIT and V8's both need traffic before they settle. On a slow
  # machine the server's C2 compiler took 25-30 s of wrk traffic to reach its steady rate (2026-12-02).
  for target in "ours $OURS_PORT fch" "ours $OURS_PORT list10" "ours $OURS_PORT fch" "ours $OURS_PORT list10" \
      "azurite $AZURITE_PORT getcontainer"; do
    set -- $target
    WRK_LABEL=warmup wrk -t 2 -c 16 -d "${WARMUP_SECONDS}s" -s "$BENCH/replay.lua" "http://127.0.0.1:$2" -- "$SCRATCH/$3.req" > /dev/null
  done
  machine_state http
  for connections in 1 16 64; do
    if ((connections == 16)); then
      # The targets' connection count: ROUNDS rounds, each running every server back to back, so that a
      # ratio compares runs seconds apart; the report takes the median of each round's ratio.
      for round in $(seq 1 "$ROUNDS"); do
        http_runs "$connections" ".r$round"
      done
      for label in ours.fch ours.list10 azurite.getcontainer nginx.empty nginx.list10; do
        median_of_rounds "http.$label.c$connections"
      done
    else
      http_runs "$connections" ""
    fi
  done
}

# One run of each server and request: connections, label suffix.
http_runs() {
  local c=$1 suffix=$2
  run_wrk "http.ours.fch.c$c$suffix" "$OURS_PORT" "$SCRATCH/fch.req" "$c" "$SECONDS_PER_RUN"
  run_wrk "http.nginx.empty.c$c$suffix" "$NGINX_PORT" "$SCRATCH/nginx-empty.req" "$c" "$SECONDS_PER_RUN"
  run_wrk "http.ours.list10.c$c$suffix" "$OURS_PORT" "$SCRATCH/list10.req" "$c" "$SECONDS_PER_RUN"
  run_wrk "http.nginx.list10.c$c$suffix" "$NGINX_PORT" "$SCRATCH/nginx-list10.req" "$c" "$SECONDS_PER_RUN"
  run_wrk "http.azurite.getcontainer.c$c$suffix" "$AZURITE_PORT" "$SCRATCH/getcontainer.req" "$c" "$SECONDS_PER_RUN"
}

# label.rps, .p50_ms and .p99_ms as the medians of the rounds' figures, .errors and .requests as their sums.
median_of_rounds() {
  local label=$1 key
  for key in rps p50_ms p99_ms; do
    figure "$label.$key" "$(grep -E "^${label//./\\.}\.r[0-9]+\.$key=" "$FIGURES" | cut -d= -f2 | sort -g \
      | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}')"
  done
  for key in errors requests; do
    figure "$label.$key" "$(grep -E "^${label//./\\.}\.r[0-9]+\.$key=" "$FIGURES" | cut -d= -f2 | awk '{s += $1} END {print s + 0}')"
  done
}
phase http http_phase

# ---- 2. scale ---------------------------------------------------------------------------------------
scale_phase() {
  say "2. scale: n = $SIZES"
  machine_state scale
  # shellcheck disable=SC2086
  timeout 420 java $QUIET -Xms6g -Xmx6g $(jfr_for scale) -cp "$CP" io.handlestck.bench.ScaleBench "$FIGURES" $SIZES
}
phase scale scale_phase

# ---- 3. the kit -------------------------------------------------------------------------------------
# One command timed from outside with bash's `time` (no extra package): wall and CPU (user + sys of the
# JVM and everything it started), the 1-minute load just before, and the exit code. label cmd...
timed_cli() {
  local label=$1 wall user sys
  shift
  figure "$label.load1" "$(load1)"
  local TIMEFORMAT='%3R %3U %3S' status=0
  { time "$@" > "$SCRATCH/$label.log" 2>&1 || status=$?; } 2> "$SCRATCH/$label.time"
  read -r wall user sys < "$SCRATCH/$label.time"
  figure "$label.wall_ms" "$(awk -v w="$wall" 'BEGIN {printf "%d", w * 1000}')"
  figure "$label.cpu_ms" "$(awk -v u="$user" -v s="$sys" 'BEGIN {printf "%d", (u + s) * 1000}')"
  figure "$label.exit" "$status"
  printf '%s: %s s wall, %s s user, %s s sys, exit %s\n' "$label" "$wall" "$user" "$sys" "$status" >&2
}

kit_phase() {
  say "3. the kit: full certification runs"
  machine_state kit
  timeout 300 java $QUIET -cp "$CP" io.handlestck.bench.KitBench "$FIGURES" parallel
  timeout 300 java $QUIET -cp "$CP" io.handlestck.bench.KitBench "$FIGURES" serial
  # With JVM start: the README's first command (bin/handles-tck run, after the mvn package above, which
  # also made the class-data sharing archive) beside the plain `java -jar` it replaced, alternated so that
  # both see the same load; three of each, the report takes the medians.
  if [[ ! -f ${JAR%.jar}.jsa ]]; then
    timed_cli kit.cli.training env HANDLESTCK_JAR="$JAR" timeout 300 "$ROOT/bin/handles-tck" run --report-dir "$SCRATCH/kit-report"
  fi
  for rep in 1 2 3; do
    timed_cli "kit.cli.launcher.r$rep" env HANDLESTCK_JAR="$JAR" timeout 300 "$ROOT/bin/handles-tck" run --report-dir "$SCRATCH/kit-report"
    timed_cli "kit.cli.plain.r$rep" timeout 300 java -jar "$JAR" run --report-dir "$SCRATCH/kit-report"
  done
  tail -3 "$SCRATCH/kit.cli.launcher.r3.log" >&2
}
phase kit kit_phase

# ---- 4. concurrency ---------------------------------------------------------------------------------
concurrency_phase() {
  say "4. concurrency: 16 threads"
  machine_state concurrency
  timeout 180 java $QUIET -cp "$CP" io.handlestck.bench.ConcurrencyBench "$FIGURES" 10
}
phase concurrency concurrency_phase

# ---- 5. SMB endpoint -------------------------------------------------------------------------------
# The SMB endpoint's driver (from its own branch) plugs in here: bench/smb.sh, when present and
# executable, appends "smb.*" figures (and "smb.*.ratio" ones against its peer) to the same file, and the
# report lists them in section 5. Environment it gets: BENCH_JAR, BENCH_FIGURES, BENCH_CLASSPATH, BENCH_SCRATCH.
smb_phase() {
  say "5. SMB endpoint (bench/smb.sh)"
  machine_state smb
  if [[ -x $BENCH/smb.sh ]]; then
    BENCH_JAR="$JAR" BENCH_FIGURES="$FIGURES" BENCH_CLASSPATH="$CP" BENCH_SCRATCH="$SCRATCH" timeout 600 "$BENCH/smb.sh"
  else
    figure smb.status "not measured: bench/smb.sh is not in this tree"
  fi
}
phase smb smb_phase

# ---- report -----------------------------------------------------------------------------------------
machine_state end
figure bench.total_s "$(( $(date +%s) - STARTED ))"
java $QUIET -cp "$CP" io.handlestck.bench.BenchReport "$FIGURES" "$RESULTS/latest.md" "$BENCH/history.md"
if ((${#FAILED_PHASES[@]})); then
  die "phases that failed: ${FAILED_PHASES[*]} (their figures are marked not measured)"
fi
