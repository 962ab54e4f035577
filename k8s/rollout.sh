#!/usr/bin/env bash
# Blue-green rollout of shopcore on Kubernetes (docs/deployment.md, "Kubernetes").
#
#   k8s/rollout.sh status                   which colour is live, which is idle, their images
#   k8s/rollout.sh deploy  <tag>            render the IDLE colour's overlay with image tag <tag>, apply, wait ready
#   k8s/rollout.sh smoke                    smoke test the idle colour through the preview Service
#   k8s/rollout.sh warm    [seconds]        read-only warm-up of each idle pod (deploy/warm-up.sh); 0 skips it
#   k8s/rollout.sh switch                   live Service -> idle colour, preview -> the old one
#   k8s/rollout.sh watch   [seconds]        watch the new live colour (ready pods, restarts); non-zero on trouble
#   k8s/rollout.sh rollback                 switch back (same as switch: the old colour is still running)
#   k8s/rollout.sh retire                   scale the idle (old) colour to 0 (its HPA leaves a 0-replica target alone)
#   k8s/rollout.sh release <tag>            all of it: deploy, smoke, warm, switch, watch; rolls back on failure,
#                                           then retires
#
# Environment: NAMESPACE (default shopcore), KUBECTL (default kubectl), IMAGE (default shopcore/shopcore-jvm),
# WATCH_SECONDS (default 120), SMOKE_PORT (local port for the port-forward, default 18080), WARM_SECONDS
# (default 30; 0 switches to a cold colour), WARM_PORT (first local port of the warm-up's port-forwards,
# one per pod, default 18180).
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
  # kubectl itself in the background (not through k(), whose subshell would survive as kubectl's parent, so
  # killing it would leave the port-forward running).
  "$kc" --namespace "$ns" port-forward --address 127.0.0.1 service/shopcore-preview "$port:80" >/dev/null 2>&1 &
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

# A freshly started JVM needs 30-40 s of load before it is warm (docs/performance.md, "Cold and warm"), so the
# idle colour gets a read-only synthetic load before it takes the traffic. A port-forward to a Service reaches
# one of its pods only, so each running pod of the idle colour (the preview Service's pods) gets a
# port-forward and a deploy/warm-up.sh of its own, all at once. Non-zero when a pod is unreachable or answers 5xx.
cmd_warm() {
  local seconds="${1:-${WARM_SECONDS:-30}}" idle first port pod rc=0 i
  local pods=() ports=() forwards=() warmers=()
  [[ "$seconds" =~ ^[0-9]+$ ]] || die "usage: warm [seconds]"
  if [ "$seconds" = 0 ]; then log "warm-up skipped (0 s)"; return 0; fi
  idle="$(idle_colour)"; first="${WARM_PORT:-18180}"
  mapfile -t pods < <(k get pods -l "app=shopcore,color=$idle" --field-selector=status.phase=Running \
    -o 'jsonpath={range .items[*]}{.metadata.name}{"\n"}{end}')
  [ "${#pods[@]}" -ge 1 ] || { log "$idle has no running pods to warm up"; return 1; }
  log "warming up ${#pods[@]} pod(s) of $idle for ${seconds}s (port-forwards from 127.0.0.1:$first)"
  for i in "${!pods[@]}"; do
    port=$(( first + i )); ports+=("$port")
    "$kc" --namespace "$ns" port-forward --address 127.0.0.1 "pod/${pods[$i]}" "$port:http" >/dev/null 2>&1 &
    forwards+=("$!")
  done
  # Expanded now: the trap outlives the function (bash keeps a RETURN trap), so it also removes itself.
  # shellcheck disable=SC2064
  trap "kill ${forwards[*]} 2>/dev/null || true; trap - RETURN" RETURN
  for port in "${ports[@]}"; do
    for _ in $(seq 1 30); do curl -fs -o /dev/null "http://127.0.0.1:$port/api/v1/health" && break; sleep 1; done
  done
  for i in "${!pods[@]}"; do
    pod="${pods[$i]}"
    "$here/../deploy/warm-up.sh" "http://127.0.0.1:${ports[$i]}" "$seconds" 2>&1 | sed "s|^|[$pod] |" >&2 &
    warmers+=("$!")
  done
  for i in "${!warmers[@]}"; do wait "${warmers[$i]}" || { log "warm-up of ${pods[$i]} FAILED"; rc=1; }; done
  if [ "$rc" = 0 ]; then log "warm-up passed"; fi
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
  cmd_warm || die "warm-up failed: nothing switched; the idle colour keeps $tag for inspection"
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
  warm) shift; cmd_warm "$@" ;;
  switch) cmd_switch ;;
  watch) shift; cmd_watch "$@" ;;
  rollback) cmd_rollback ;;
  retire) cmd_retire ;;
  release) shift; cmd_release "$@" ;;
  *) sed -n '2,21p' "$0"; exit 2 ;;
esac
