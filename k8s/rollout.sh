#!/usr/bin/env bash
# Blue-green rollout of shopcore on Kubernetes (docs/deployment.md, "Kubernetes").
#
#   k8s/rollout.sh status                   which colour is live, which is idle, their images
#   k8s/rollout.sh deploy  <tag>            render the IDLE colour's overlay with image tag <tag>, apply, wait ready
#   k8s/rollout.sh smoke                    smoke test the idle colour through the preview Service
#   k8s/rollout.sh switch                   live Service -> idle colour, preview -> the old one
#   k8s/rollout.sh watch   [seconds]        watch the new live colour (ready pods, restarts); non-zero on trouble
#   k8s/rollout.sh rollback                 switch back (same as switch: the old colour is still running)
#   k8s/rollout.sh retire                   scale the idle (old) colour to 0 (its HPA leaves a 0-replica target alone)
#   k8s/rollout.sh release <tag>            all of it: deploy, smoke, switch, watch; rolls back on failure, then retires
#
# Environment: NAMESPACE (default shopcore), KUBECTL (default kubectl), IMAGE (default shopcore/shopcore-jvm),
# WATCH_SECONDS (default 120), SMOKE_PORT (local port for the port-forward, default 18080).
# Needs kubectl 1.27+ and a cluster 1.30+ (preStop sleep). Never run against a cluster you did not mean:
# check `kubectl config current-context` first. Not executed on the build machines (no cluster there);
# CI runs shellcheck on it and renders every overlay (K8sManifestTest).
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
ns="${NAMESPACE:-shopcore}"
kc="${KUBECTL:-kubectl}"
image="${IMAGE:-shopcore/shopcore-jvm}"

log() { printf '[rollout] %s\n' "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }
k() { "$kc" --namespace "$ns" "$@"; }

live_colour() { k get service shopcore -o 'jsonpath={.spec.selector.color}'; }
other() { case "$1" in blue) echo green ;; green) echo blue ;; *) die "unknown colour '$1'" ;; esac; }
idle_colour() { other "$(live_colour)"; }

cmd_status() {
  local live idle
  live="$(live_colour)"; idle="$(other "$live")"
  for c in "$live" "$idle"; do
    printf '%-6s %-5s replicas=%s ready=%s image=%s\n' "$c" "$([ "$c" = "$live" ] && echo live || echo idle)" \
      "$(k get deployment "shopcore-$c" -o 'jsonpath={.spec.replicas}' 2>/dev/null || echo -)" \
      "$(k get deployment "shopcore-$c" -o 'jsonpath={.status.readyReplicas}' 2>/dev/null || echo -)" \
      "$(k get deployment "shopcore-$c" -o 'jsonpath={.spec.template.spec.containers[0].image}' 2>/dev/null || echo -)"
  done
}

cmd_deploy() {
  local tag="${1:?usage: deploy <tag>}" idle tmp
  [ "$tag" != latest ] || die "the image tag must name a release, never 'latest'"
  idle="$(idle_colour)"
  # Kustomize refuses absolute roots: the throw-away directory lives next to the overlays.
  tmp="$(mktemp -d "$here/.release.XXXXXX")"; trap 'rm -rf "$tmp"' RETURN
  # A throw-away kustomization on top of the idle overlay: new image tag and version label, nothing else.
  cat > "$tmp/kustomization.yaml" <<YAML
apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
resources:
  - ../overlays/$idle
images:
  - name: $image
    newTag: "$tag"
labels:
  - pairs:
      version: "$tag"
    includeSelectors: false
    includeTemplates: true
YAML
  log "deploying $image:$tag as $idle (idle colour)"
  "$kc" kustomize "$tmp" | k apply -f -
  # A retired colour sits at 0 replicas; bring it back to the HPA's minimum.
  if [ "$(k get deployment "shopcore-$idle" -o 'jsonpath={.spec.replicas}')" = 0 ]; then
    k scale deployment "shopcore-$idle" --replicas="$(k get hpa "shopcore-$idle" -o 'jsonpath={.spec.minReplicas}')"
  fi
  k rollout status deployment "shopcore-$idle" --timeout=300s
}

cmd_smoke() {
  local idle port pf rc=0
  idle="$(idle_colour)"; port="${SMOKE_PORT:-18080}"
  log "smoke test of $idle through service/shopcore-preview (port-forward on 127.0.0.1:$port)"
  k port-forward --address 127.0.0.1 service/shopcore-preview "$port:80" >/dev/null 2>&1 &
  pf=$!
  # shellcheck disable=SC2064
  trap "kill $pf 2>/dev/null || true" RETURN
  for _ in $(seq 1 30); do curl -fs -o /dev/null "http://127.0.0.1:$port/api/v1/health" && break; sleep 1; done
  curl -fsS "http://127.0.0.1:$port/api/v1/health" >/dev/null || rc=1
  curl -fsS "http://127.0.0.1:$port/api/v1/products?size=1" >/dev/null || rc=1
  curl -fsS "http://127.0.0.1:$port/api/v1/categories" >/dev/null || rc=1
  if [ "$rc" = 0 ]; then log "smoke test passed"; else log "smoke test FAILED"; fi
  return "$rc"
}

# Points the live Service at <colour> and the preview Service at the other one.
route_live_to() {
  local live="$1" idle
  idle="$(other "$live")"
  k patch service shopcore --type merge -p "{\"spec\":{\"selector\":{\"app\":\"shopcore\",\"color\":\"$live\"}}}"
  k patch service shopcore-preview --type merge -p "{\"spec\":{\"selector\":{\"app\":\"shopcore\",\"color\":\"$idle\"}}}"
  log "live -> $live, preview -> $idle (commit k8s/routing with the same colours)"
}

cmd_switch() {
  local idle ready
  idle="$(idle_colour)"
  ready="$(k get deployment "shopcore-$idle" -o 'jsonpath={.status.readyReplicas}')"
  [ "${ready:-0}" -ge 1 ] || die "$idle has no ready pods; deploy it first"
  route_live_to "$idle"
}

cmd_watch() {
  local seconds="${1:-${WATCH_SECONDS:-120}}" live end restarts0 restarts want ready
  live="$(live_colour)"
  restarts0="$(k get pods -l "app=shopcore,color=$live" -o 'jsonpath={range .items[*]}{.status.containerStatuses[0].restartCount}{"\n"}{end}' | awk '{s+=$1} END {print s+0}')"
  end=$(( $(date +%s) + seconds ))
  log "watching $live for ${seconds}s"
  while [ "$(date +%s)" -lt "$end" ]; do
    want="$(k get deployment "shopcore-$live" -o 'jsonpath={.spec.replicas}')"
    ready="$(k get deployment "shopcore-$live" -o 'jsonpath={.status.readyReplicas}')"
    restarts="$(k get pods -l "app=shopcore,color=$live" -o 'jsonpath={range .items[*]}{.status.containerStatuses[0].restartCount}{"\n"}{end}' | awk '{s+=$1} END {print s+0}')"
    [ "${ready:-0}" -ge "$want" ] || { log "$live: only ${ready:-0}/$want ready"; return 1; }
    [ "$restarts" -le "$restarts0" ] || { log "$live: containers restarted"; return 1; }
    sleep 5
  done
  log "$live stayed healthy"
}

cmd_rollback() {
  local idle
  idle="$(idle_colour)"
  [ "$(k get deployment "shopcore-$idle" -o 'jsonpath={.status.readyReplicas}')" -ge 1 ] 2>/dev/null \
    || die "$idle (previous colour) has no ready pods: scale it up first (kubectl scale deployment shopcore-$idle --replicas=2)"
  route_live_to "$idle"
}

cmd_retire() {
  local idle
  idle="$(idle_colour)"
  log "scaling $idle to 0"
  k scale deployment "shopcore-$idle" --replicas=0
}

cmd_release() {
  local tag="${1:?usage: release <tag>}"
  cmd_deploy "$tag"
  cmd_smoke || die "smoke test failed: nothing switched; the idle colour keeps $tag for inspection"
  cmd_switch
  if ! cmd_watch; then
    log "rolling back"
    cmd_rollback
    die "release $tag rolled back"
  fi
  cmd_retire
  cmd_status
}

command -v "$kc" >/dev/null 2>&1 || die "kubectl not found"
case "${1:-}" in
  status) cmd_status ;;
  deploy) shift; cmd_deploy "$@" ;;
  smoke) cmd_smoke ;;
  switch) cmd_switch ;;
  watch) shift; cmd_watch "$@" ;;
  rollback) cmd_rollback ;;
  retire) cmd_retire ;;
  release) shift; cmd_release "$@" ;;
  *) sed -n '2,16p' "$0"; exit 2 ;;
esac
