#!/usr/bin/env bash
# Builds the runtime root filesystem of the JVM image without pulling any base image: a jlink'ed Java
# runtime (from the build JDK, JEP 493 linking from the run-time image), exactly the shared libraries it
# needs from this machine (glibc ...), libargon2, /etc/passwd with the non-root user 1001, an empty /tmp.
#   deploy/image/jvm-rootfs.sh <output dir>     (called by: ./mvnw -f deploy/image/pom.xml -Pimage package)
set -euo pipefail
out="${1:?usage: jvm-rootfs.sh <output dir>}"
jdk="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
[ -x "$jdk/bin/jlink" ] || { echo "no jlink in $jdk (set JAVA_HOME to a JDK 21+)" >&2; exit 1; }
out="$(realpath -m "$out")"
rm -rf "$out"
mkdir -p "$out/opt" "$out/etc" "$out/tmp" "$out/deployments"
# The modules Quarkus and our extensions use; java.se keeps reflection-heavy libraries safe.
"$jdk/bin/jlink" --add-modules java.se,jdk.unsupported,jdk.management,jdk.naming.dns,jdk.zipfs \
  --strip-debug --no-header-files --no-man-pages --output "$out/opt/java"
# libargon2 (Debian's libargon2-1), which shopcore.auth.argon2.implementation=auto uses through JNA for
# the Argon2id hash (0.7x Bouncy Castle's time); without it the service falls back to Bouncy Castle with a WARN.
argon2="$(ldconfig -p | awk '/libargon2\.so\.1 / {print $NF; exit}')"
if [ -n "$argon2" ]; then
  mkdir -p "$out$(dirname "$argon2")" && cp "$(readlink -f "$argon2")" "$out$argon2"
else
  echo "WARNING: libargon2.so.1 not on this machine (apt-get install libargon2-1): the image will hash with Bouncy Castle" >&2
fi
# Every shared library the runtime (and libargon2) links against, outside the runtime itself, with its
# path, plus the loader.
{ find "$out/opt/java" -type f \( -name '*.so' -o -path '*/bin/*' \) -print0; [ -z "$argon2" ] || printf '%s\0' "$argon2"; } \
  | xargs -0 ldd 2>/dev/null | awk '/:$/ {next} /=> \// {print $3} /^\s*\/lib/ {print $1}' | sort -u | grep -v "^$out/" \
  | while read -r lib; do
      real="$(readlink -f "$lib")"
      mkdir -p "$out$(dirname "$lib")"
      cp "$real" "$out$lib"
    done
interp="$(readelf -l "$out/opt/java/bin/java" | sed -n 's/.*interpreter: \(.*\)]/\1/p')"
mkdir -p "$out$(dirname "$interp")"
cp "$(readlink -f "$interp")" "$out$interp"
printf 'root:x:0:0:root:/root:/sbin/nologin\nshopcore:x:1001:1001:shopcore:/tmp:/sbin/nologin\n' > "$out/etc/passwd"
printf 'root:x:0:\nshopcore:x:1001:\n' > "$out/etc/group"
printf 'hosts: files dns\n' > "$out/etc/nsswitch.conf"
: > "$out/etc/hosts"
echo "runtime rootfs: $(du -sh "$out" | cut -f1) in $out"
