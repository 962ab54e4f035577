#!/usr/bin/env bash
# Checks an image tarball from Jib without a container engine: config (non-root user, entrypoint, ports),
# then unpacks the layers and runs the image's own Java runtime from them (chroot, as user 1001) — proof
# that the scratch + jlink + glibc runtime layer is complete. Needs root for chroot; otherwise only the
# static checks run (and it says so).
#   deploy/image/verify-image.sh deploy/image/target/shopcore-jvm-image.tar
set -euo pipefail
tarball="${1:?usage: verify-image.sh <image tarball>}"
work="$(mktemp -d)"
tar -xf "$tarball" -C "$work"
mounted=""
cleanup() { [ -z "$mounted" ] || umount "$mounted" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
python3 - "$work" <<'PY'
import json, os, sys
work = sys.argv[1]
def blob(digest):
    return os.path.join(work, "blobs", *digest.split(":"))
if os.path.exists(os.path.join(work, "index.json")):  # OCI layout (Jib <format>OCI</format>)
    index = json.load(open(os.path.join(work, "index.json")))
    oci = json.load(open(blob(index["manifests"][0]["digest"])))
    manifest = {"Config": blob(oci["config"]["digest"]), "Layers": [blob(l["digest"]) for l in oci["layers"]]}
else:  # docker save layout
    manifest = json.load(open(os.path.join(work, "manifest.json")))[0]
    manifest = {"Config": os.path.join(work, manifest["Config"]), "Layers": [os.path.join(work, l) for l in manifest["Layers"]]}
config = json.load(open(manifest["Config"]))
c = config["config"]
assert c.get("User") == "1001:1001", f"user is {c.get('User')!r}, expected 1001:1001"
assert c["Entrypoint"][0] == "/opt/java/bin/java" and "/deployments/quarkus-run.jar" in c["Entrypoint"], c["Entrypoint"]
assert {"8080/tcp", "9000/tcp"} <= set(c.get("ExposedPorts", {})), c.get("ExposedPorts")
rootfs = os.path.join(work, "rootfs")
os.makedirs(rootfs)
for layer in manifest["Layers"]:
    assert os.system(f"tar --warning=no-unknown-keyword -xzf '{layer}' -C '{rootfs}' 2>/dev/null || tar --warning=no-unknown-keyword -xf '{layer}' -C '{rootfs}'") == 0, layer
    print(f"layer {os.path.basename(layer)[:12]}: {os.path.getsize(layer) / 1e6:.1f} MB compressed")
print(f"config ok: user {c['User']}, entrypoint {' '.join(c['Entrypoint'])}, {len(manifest['Layers'])} layers")
PY
rootfs="$work/rootfs"
for f in opt/java/bin/java deployments/quarkus-run.jar deployments/lib/main etc/passwd tmp; do
  [ -e "$rootfs/$f" ] || { echo "missing in image: /$f" >&2; exit 1; }
done
# The native Argon2id library (auth: shopcore.auth.argon2.implementation=auto), wherever this machine keeps it.
[ -n "$(find "$rootfs" -name 'libargon2.so.1*' -print -quit)" ] \
  || { echo "missing in image: libargon2.so.1 (apt-get install libargon2-1 before building it)" >&2; exit 1; }
echo "image size (unpacked): $(du -sh "$rootfs" | cut -f1)"
if [ "$(id -u)" = 0 ]; then
  # A container engine mounts /proc; the JVM's launcher needs it ($ORIGIN of bin/java, container limits).
  mkdir -p "$rootfs/proc" && mount -t proc proc "$rootfs/proc" && mounted="$rootfs/proc"
  chroot --userspec=1001:1001 "$rootfs" /opt/java/bin/java -version 2>&1 | head -1
  chroot --userspec=1001:1001 "$rootfs" /opt/java/bin/java -Xmx16m -cp /app/classes io.shopcore.image.HealthProbe http://127.0.0.1:1/ \
    && { echo "health probe should have failed against a closed port" >&2; exit 1; } || echo "health probe runs (exit 1 against a closed port, as expected)"
else
  echo "not root: skipped running the image's runtime under chroot"
fi
