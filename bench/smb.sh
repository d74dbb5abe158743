#!/usr/bin/env bash
# The SMB endpoint's benchmark (issue 10), phase 5 of bench/run.sh or alone: CREATE+CLOSE pairs per second
# (1 and 16 sessions) and READ throughput (64 KiB reads of a 4 MiB file) against the reference
# server's SMB endpoint and against Samba's smbd (Debian package `samba`) serving a share on
# 127.0.0.1 in the same run, with the ratios; and the heap per open SMB handle of the reference server.
# Measured, never asserted. Environment: BENCH_SECONDS (default 5 per phase), BENCH_BUILD_DIR (target/).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BUILD=${BENCH_BUILD_DIR:-$ROOT/target}
SECONDS_PER_PHASE=${BENCH_SECONDS:-5}
SCRATCH=$(mktemp -d /tmp/handles-smb-bench.XXXXXX)
PIDS=()
SMBD_PID=
cleanup() {
  local pid
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  # SIGKILL: on SIGTERM smbd signals its whole process group, which is this script and bench/run.sh
  # (in its own session smbd stops answering new sessions here); its children end with their connections.
  [[ -z $SMBD_PID ]] || { kill -KILL "$SMBD_PID"; wait "$SMBD_PID"; } 2>/dev/null || true
  rm -rf "$SCRATCH"
}
trap cleanup EXIT

cd "$ROOT"
mvn -B -q -o -DskipTests -Dhandlestck.buildDir="$BUILD" test-compile dependency:build-classpath \
  -Dmdep.outputFile="$SCRATCH/classpath" -Dmdep.includeScope=test >/dev/null
CP="$BUILD/test-classes:$BUILD/classes:$(cat "$SCRATCH/classpath")"
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# The reference server: standalone jar, a share made over REST by the driver's own client.
HTTP_PORT=$(free_port); OURS=$(free_port)
java -jar "$BUILD/handles-tck.jar" serve --port "$HTTP_PORT" --smb-port "$OURS" > "$SCRATCH/serve.log" 2>&1 &
PIDS+=($!)
for _ in $(seq 100); do grep -q "^SMB" "$SCRATCH/serve.log" && break; sleep 0.1; done
java -cp "$CP" io.handlestck.server.smb.SmbBench share "http://127.0.0.1:$HTTP_PORT/devstoreaccount1" bench
KEY=$(sed -n 's/.*AccountKey=\([^;]*\);.*/\1/p' "$SCRATCH/serve.log")

# smbd: a throw-away configuration, share and passdb in the scratch directory; user root, password "bench".
SAMBA=$(free_port)
mkdir -p "$SCRATCH/samba/share" "$SCRATCH/samba/private" "$SCRATCH/samba/lock" "$SCRATCH/samba/state" "$SCRATCH/samba/cache"
cat > "$SCRATCH/samba/smb.conf" <<CONF
[global]
  smb ports = $SAMBA
  interfaces = 127.0.0.1
  bind interfaces only = yes
  private dir = $SCRATCH/samba/private
  lock directory = $SCRATCH/samba/lock
  state directory = $SCRATCH/samba/state
  cache directory = $SCRATCH/samba/cache
  pid directory = $SCRATCH/samba
  ncalrpc dir = $SCRATCH/samba/ncalrpc
  passdb backend = tdbsam:$SCRATCH/samba/private/passdb.tdb
  log file = $SCRATCH/samba/log
  server min protocol = SMB2_02
  disable netbios = yes
  load printers = no
[bench]
  path = $SCRATCH/samba/share
  read only = no
CONF
printf 'bench\nbench\n' | smbpasswd -c "$SCRATCH/samba/smb.conf" -s -a root >/dev/null
smbd -F --no-process-group -s "$SCRATCH/samba/smb.conf" > "$SCRATCH/samba/stdout" 2>&1 &
SMBD_PID=$!
for _ in $(seq 100); do (echo > "/dev/tcp/127.0.0.1/$SAMBA") 2>/dev/null && break; sleep 0.1; done

echo "reference server SMB endpoint (127.0.0.1:$OURS):"
java -cp "$CP" io.handlestck.server.smb.SmbBench rate 127.0.0.1 "$OURS" bench devstoreaccount1 "$KEY" "$SECONDS_PER_PHASE" \
  | tee "$SCRATCH/ours"
echo "smbd $(smbd --version) (127.0.0.1:$SAMBA):"
java -cp "$CP" io.handlestck.server.smb.SmbBench rate 127.0.0.1 "$SAMBA" bench root bench "$SECONDS_PER_PHASE" \
  | tee "$SCRATCH/samba.out"
figure() { sed -n "s/^$1=//p" "$2"; }
# Run by bench/run.sh, the figures also go into its results file (BENCH_FIGURES), as smb.* keys.
record() { printf '%s\n' "$1" | tee -a "${BENCH_FIGURES:-/dev/null}"; }
for name in pairs_1 pairs_16 read_mib_s; do
  ours=$(figure "$name" "$SCRATCH/ours"); theirs=$(figure "$name" "$SCRATCH/samba.out")
  record "smb.$name.reference=$ours"
  record "smb.$name.smbd=$theirs"
  record "smb.$name.ratio=$(python3 -c "import sys; print(f'{int(sys.argv[1])/max(1,int(sys.argv[2])):.2f}')" "$ours" "$theirs")"
done
record "$(java -Xmx1g -cp "$CP" io.handlestck.server.smb.SmbBench memory 20000 | grep '^smb.bytes_per_handle=')"
