#!/usr/bin/env bash
# Runtime root filesystem of the native image (scratch base): the binary, exactly the shared libraries it
# links against (glibc, libz ...), the dynamic loader, /etc/passwd with user 1001, an empty /tmp.
#   deploy/image/native-rootfs.sh <native binary> <output dir>
# Used by ./mvnw -f deploy/image/pom.xml -Pimage-native package on a machine that built the binary (-Pnative).
set -euo pipefail
binary="${1:?usage: native-rootfs.sh <native binary> <output dir>}"
out="${2:?usage: native-rootfs.sh <native binary> <output dir>}"
[ -x "$binary" ] || { echo "no native binary at $binary: build it with ./mvnw package -Pnative (needs Mandrel/GraalVM)" >&2; exit 1; }
rm -rf "$out"
mkdir -p "$out/deployments" "$out/etc" "$out/tmp"
cp "$binary" "$out/deployments/shopcore"
ldd "$binary" | awk '/=> \// {print $3} /^\s*\/lib/ {print $1}' | sort -u | while read -r lib; do
  mkdir -p "$out$(dirname "$lib")"
  cp "$(readlink -f "$lib")" "$out$lib"
done
interp="$(readelf -l "$binary" | sed -n 's/.*interpreter: \(.*\)]/\1/p')"
if [ -n "$interp" ]; then mkdir -p "$out$(dirname "$interp")"; cp "$(readlink -f "$interp")" "$out$interp"; fi
printf 'root:x:0:0:root:/root:/sbin/nologin\nshopcore:x:1001:1001:shopcore:/tmp:/sbin/nologin\n' > "$out/etc/passwd"
printf 'root:x:0:\nshopcore:x:1001:\n' > "$out/etc/group"
printf 'hosts: files dns\n' > "$out/etc/nsswitch.conf"
: > "$out/etc/hosts"
echo "native rootfs: $(du -sh "$out" | cut -f1) in $out"
