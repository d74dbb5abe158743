#!/usr/bin/env bash
# Builds a minimal JRE base image from the local JDK, without pulling anything: the air-gapped path,
# and the one CI uses. jlink makes a small runtime, the shared libraries it links against are copied
# beside it, and the folder is imported as an image.
#
#   docker/build-base-image.sh [IMAGE]            (default IMAGE: handlestck/jre-base:local)
#
# Environment: JAVA_HOME picks the JDK (default: the one `javac` on PATH belongs to);
# HANDLESTCK_JRE_MODULES overrides the module list (comma-separated).
set -euo pipefail

image="${1:-handlestck/jre-base:local}"
app_uid=10001

fail() { echo "build-base-image: $*" >&2; exit 1; }

command -v docker >/dev/null 2>&1 || fail "docker is not installed"
docker info >/dev/null 2>&1 || fail "the Docker daemon is not reachable (is dockerd running?)"

if [ -z "${JAVA_HOME:-}" ]; then
  javac_path=$(command -v javac) || fail "no JDK found: set JAVA_HOME or put javac on PATH"
  JAVA_HOME=$(dirname "$(dirname "$(readlink -f "$javac_path")")")
fi
[ -x "$JAVA_HOME/bin/jlink" ] || fail "$JAVA_HOME has no bin/jlink: a full JDK is needed"
[ -d "$JAVA_HOME/jmods" ] || fail "$JAVA_HOME has no jmods/: install the JDK's jmods (Debian: openjdk-17-jdk-headless ships them)"

# What `jdeps --print-module-deps` reports for the shaded jar (server, kit and CLI: java.desktop among
# them, because picocli initialises Groovy, which needs java.beans), plus what is loaded by name at
# run time: StAX and JAXP (java.xml), the JDK HTTP client (java.net.http), elliptic-curve TLS
# (jdk.crypto.ec).
modules="${HANDLESTCK_JRE_MODULES:-java.base,java.compiler,java.desktop,java.logging,java.management,java.naming,java.net.http,java.prefs,java.security.jgss,java.sql,java.xml,jdk.crypto.ec,jdk.jfr,jdk.unsupported}"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
rootfs="$work/rootfs"
jre="$rootfs/opt/java/openjdk"
mkdir -p "$rootfs/etc" "$rootfs/tmp" "$rootfs/app" "$(dirname "$jre")"
chmod 1777 "$rootfs/tmp"

"$JAVA_HOME/bin/jlink" --add-modules "$modules" --output "$jre" \
  --strip-debug --no-header-files --no-man-pages --compress=2

# Every shared library the runtime links against, with the dynamic loader, at the same paths as on
# this host. ldd prints "name => /path (addr)" for libraries and "/path (addr)" for the loader.
libraries=$(find "$jre/bin" "$jre/lib" -type f \( -name '*.so' -o -perm -u+x \) -print0 \
  | xargs -0 ldd 2>/dev/null \
  | awk '$2 == "=>" && $3 ~ /^\// { print $3 } $1 ~ /^\// { print $1 }' \
  | sort -u)
[ -n "$libraries" ] || fail "ldd found no shared libraries for $jre/bin/java"
for library in $libraries; do
  case "$library" in "$jre"/*) continue ;; esac
  cp --parents -L "$library" "$rootfs"
done
# Name lookups load these at run time (ldd cannot see them); glibc 2.34+ has them built in.
for nss in libnss_files.so.2 libnss_dns.so.2; do
  for dir in /lib/x86_64-linux-gnu /usr/lib/x86_64-linux-gnu /lib64 /usr/lib64; do
    if [ -e "$dir/$nss" ]; then cp --parents -L "$dir/$nss" "$rootfs"; break; fi
  done
done

cat >"$rootfs/etc/passwd" <<EOF
root:x:0:0:root:/root:/sbin/nologin
handlestck:x:$app_uid:$app_uid:Handles TCK:/app:/sbin/nologin
EOF
cat >"$rootfs/etc/group" <<EOF
root:x:0:
handlestck:x:$app_uid:
EOF
echo 'hosts: files dns' >"$rootfs/etc/nsswitch.conf"

"$jre/bin/java" -version >/dev/null 2>&1 || fail "the jlinked runtime does not start on this host"

tar --numeric-owner -C "$rootfs" -c . | docker import \
  --change 'ENV JAVA_HOME=/opt/java/openjdk' \
  --change 'ENV PATH=/opt/java/openjdk/bin' \
  --change 'WORKDIR /app' \
  --change 'LABEL io.handlestck.image=jre-base' \
  --message "Handles TCK base: jlinked JRE ($modules) from $JAVA_HOME" \
  - "$image" >/dev/null

docker run --rm --user "$app_uid" "$image" java -version >/dev/null 2>&1 \
  || fail "the imported image $image cannot run java"
echo "built $image ($(docker image inspect --format '{{.Size}}' "$image" | awk '{ printf "%.0f MB", $1 / 1e6 }'))"
