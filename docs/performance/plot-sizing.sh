#!/usr/bin/env bash
# Regenerates the sizing guide's plots (docs/performance/*.png) from the raw results in
# docs/performance/data/*.csv (rows written by loadtest/sizing-sweep.sh; copy loadtest/results/sizing/*.csv
# there to publish a new run). Needs gnuplot (Debian: apt-get install gnuplot-nox).
#
#   docs/performance/plot-sizing.sh
#
# Each point is the mean over the rounds in the file; the bars span the lowest and the highest round.
set -euo pipefail
cd "$(dirname "$0")"
command -v gnuplot >/dev/null || { echo "gnuplot is missing (apt-get install gnuplot-nox)" >&2; exit 1; }
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

# value, then mean/min/max of rps, p99 and peak RSS, one line per value, for one workload of one CSV.
aggregate() { # csv, workload
  awk -F, -v w="$2" 'NR > 1 && $3 == w {
      v = $2; n[v]++; r = $4; p = $6; m = $8
      rs[v] += r; ps[v] += p; ms[v] += m
      if (!(v in rmin) || r < rmin[v]) rmin[v] = r; if (!(v in rmax) || r > rmax[v]) rmax[v] = r
      if (!(v in pmin) || p < pmin[v]) pmin[v] = p; if (!(v in pmax) || p > pmax[v]) pmax[v] = p
      if (!(v in mmin) || m < mmin[v]) mmin[v] = m; if (!(v in mmax) || m > mmax[v]) mmax[v] = m }
    END { for (v in n) printf "%s %.1f %.1f %.1f %.2f %.2f %.2f %.0f %.0f %.0f\n", v, rs[v]/n[v], rmin[v], rmax[v],
            ps[v]/n[v], pmin[v], pmax[v], ms[v]/n[v], mmin[v], mmax[v] }' "$1" | sort -n
}

plot() { # sweep, x label, workloads, log2 x (true/false)
  local sweep=$1 xlabel=$2 workloads=$3 logx=$4 csv="data/$1.csv"
  [ -f "$csv" ] || { echo "skip $sweep: no $csv"; return 0; }
  local rps="" p99="" rss=""
  for w in $workloads; do
    aggregate "$csv" "$w" > "$tmp/$sweep-$w.dat"
    [ -s "$tmp/$sweep-$w.dat" ] || continue
    rps+="'$tmp/$sweep-$w.dat' using 1:2:3:4 with yerrorlines title '$w', "
    p99+="'$tmp/$sweep-$w.dat' using 1:5:6:7 with yerrorlines title '$w', "
    rss+="'$tmp/$sweep-$w.dat' using 1:8:9:10 with yerrorlines title '$w', "
  done
  gnuplot <<EOF
set terminal pngcairo size 1500,460 font ",11"
set output '$sweep.png'
set multiplot layout 1,3 title "$xlabel (2 cores, everything else at the shipped defaults)"
set key top left
set grid
$($logx && echo 'set logscale x 2')
set xlabel "$xlabel"
set ylabel 'requests/s'
set yrange [0:*]
plot ${rps%, }
set ylabel 'p99 latency (ms)'
set logscale y 10
set yrange [*:*]
plot ${p99%, }
unset logscale y
set key bottom right
set ylabel 'peak RSS (MB)'
set yrange [0:*]
plot ${rss%, }
unset multiplot
EOF
  echo "wrote $sweep.png"
}

plot pool "datasource pool size (quarkus.datasource.jdbc.max-size)" "stock products reserve" true
plot workers "worker threads (quarkus.thread-pool.max-threads)" "stock products reserve" true
plot eventloops "event loops (quarkus.vertx.event-loops-pool-size)" "stock products reserve" true
plot batchsize "reservation batch size (shopcore.stock.batch.max-size)" "reserve reserve-hot" true
plot batchwait "reservation batch wait in ms (shopcore.stock.batch.max-wait)" "reserve reserve-hot" false
plot heap "heap in MB (-Xms = -Xmx)" "stock products reserve" true

if [ -f data/coldwarm.csv ]; then
  for w in products stock; do aggregate data/coldwarm.csv "$w" > "$tmp/coldwarm-$w.dat"; done
  gnuplot <<EOF
set terminal pngcairo size 1000,460 font ",11"
set output 'coldwarm.png'
set multiplot layout 1,2 title "From the first second after start: 5 s windows (fresh service, cold caches and JIT)"
set grid
set key bottom right
set xlabel 'seconds since ready (end of window)'
set ylabel 'requests/s'
set yrange [0:*]
plot '$tmp/coldwarm-products.dat' using 1:2:3:4 with yerrorlines title 'products', \
     '$tmp/coldwarm-stock.dat' using 1:2:3:4 with yerrorlines title 'stock'
set ylabel 'p99 latency (ms)'
set logscale y 10
set yrange [*:*]
plot '$tmp/coldwarm-products.dat' using 1:5:6:7 with yerrorlines title 'products', \
     '$tmp/coldwarm-stock.dat' using 1:5:6:7 with yerrorlines title 'stock'
unset multiplot
EOF
  echo "wrote coldwarm.png"
fi
