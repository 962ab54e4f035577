#!/usr/bin/env python3
"""Markdown summaries of Gatling runs, in the report's format (DESIGN.md section 1).

  summary.py --report DIR [--title T] [--cpu cpu.csv] [--verdict verdict.txt]
      one run: requests, failures, req/s, mean, p50, p95, p99, max per endpoint (from the statistics table of DIR/index.html),
      the service's CPU and RSS (sampled by run.sh from /proc) and the after-run checks
  summary.py --compare DIR
      run.sh compare: reservations/s and latency per strategy and user count, with ratios
Exit status 1 when a run had failed requests.
"""
import argparse
import csv
import html
import os
import re
import sys

CLK_TCK = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100


def num(value):
    """Gatling writes '-' where there is no value."""
    try:
        return float(value.replace(",", ""))
    except (AttributeError, ValueError):
        return None


def ms(value):
    if value is None:
        return "–"
    return f"{value:,.0f} ms" if value < 1000 else f"{value / 1000:,.2f} s"


def load_stats(report_dir):
    """[(name, {column label: text})] from the statistics table of the report's index.html; 'All Requests'
    first. Gatling 3.15 writes no stats.json and a binary simulation.log; the table is the stable part."""
    with open(os.path.join(report_dir, "index.html"), encoding="utf-8") as f:
        page = f.read()
    labels = {col: re.sub(r"<[^>]+>", "", text).strip()
              for col, text in re.findall(r'<th id="col-(\d+)"[^>]*>(.*?)</th>', page, re.S)}
    table = []
    for row in re.findall(r'<tr id="[^"]*"[^>]*>(.*?)</tr>', page, re.S):
        name = re.search(r'class="ellipsed-name">(.*?)</span>', row, re.S)
        cells = re.findall(r'<td class="value [^"]*col-(\d+)">([^<]*)</td>', row)
        if name and cells:
            table.append((html.unescape(name.group(1).strip()), {labels.get(c, c): v.strip() for c, v in cells}))
    if not table:
        raise SystemExit(f"no statistics table in {report_dir}/index.html")
    return table


def rows(table):
    """(name, values) per request, then ('total', the All Requests row)."""
    return [r for r in table if r[0] != "All Requests"] + [("total", table[0][1])]


def row_values(cells):
    return {
        "requests": int(num(cells.get("Total")) or 0),
        "failures": int(num(cells.get("KO")) or 0),
        "rps": num(cells.get("Cnt/s")),
        "mean": num(cells.get("Mean")),
        "p50": num(cells.get("50th pct")),
        "p95": num(cells.get("95th pct")),
        "p99": num(cells.get("99th pct")),
        "max": num(cells.get("Max")),
    }


def measured_window(verdict):
    """(from_ms, to_ms) that the simulation wrote into its verdict, or None."""
    if verdict and os.path.exists(verdict):
        with open(verdict, encoding="utf-8") as f:
            for line in f:
                m = re.match(r"INFO WINDOW (\d+) (\d+)", line)
                if m:
                    return int(m.group(1)), int(m.group(2))
    return None


def cpu_summary(path, window=None):
    with open(path, encoding="utf-8") as f:
        samples = [r for r in csv.DictReader(f)]
    if window:  # only the measured phase: not Maven, the Gatling JVM's start, set-up or report generation
        inside = [r for r in samples if window[0] - 1000 <= int(r["epoch_ms"]) <= window[1] + 1000]
        samples = inside if len(inside) >= 2 else samples
    if len(samples) < 2:
        return "service CPU/RSS: too few samples"
    first, last = samples[0], samples[-1]
    seconds = (int(last["epoch_ms"]) - int(first["epoch_ms"])) / 1000
    proc = (int(last["proc_ticks"]) - int(first["proc_ticks"])) / CLK_TCK
    busy = int(last["sys_busy_ticks"]) - int(first["sys_busy_ticks"])
    alltime = int(last["sys_total_ticks"]) - int(first["sys_total_ticks"])
    peak = 0.0
    for a, b in zip(samples, samples[1:]):
        dt = (int(b["epoch_ms"]) - int(a["epoch_ms"])) / 1000
        if dt > 0:
            peak = max(peak, (int(b["proc_ticks"]) - int(a["proc_ticks"])) / CLK_TCK / dt)
    rss = [int(r["rss_kb"]) for r in samples]
    cores = os.cpu_count() or 1
    return (f"service CPU: mean {100 * proc / seconds:.0f} % of one core (peak {100 * peak:.0f} %), "
            f"RSS {rss[0] / 1024:.0f} → {rss[-1] / 1024:.0f} MiB (peak {max(rss) / 1024:.0f} MiB); "
            f"whole machine ({cores} cores, generator and PostgreSQL included) "
            f"{100 * busy / alltime if alltime else 0:.0f} % busy over {seconds:.0f} s")


def single(args):
    table = load_stats(args.report)
    print(f"### {args.title or os.path.basename(os.path.normpath(args.report))}\n")
    print("| endpoint | requests | failures | req/s | mean | p50 | p95 | p99 | max |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    failures = 0
    for name, stats in rows(table):
        v = row_values(stats)
        label = f"**{name}**" if name == "total" else name
        if name == "total":
            failures = v["failures"]
        rps = "–" if v["rps"] is None else f"{v['rps']:,.1f}"
        print(f"| {label} | {v['requests']:,} | {v['failures']:,} | {rps} | {ms(v['mean'])} | {ms(v['p50'])} "
              f"| {ms(v['p95'])} | {ms(v['p99'])} | {ms(v['max'])} |")
    print()
    if args.cpu and os.path.exists(args.cpu):
        print(cpu_summary(args.cpu, measured_window(args.verdict)) + "\n")
    if args.verdict and os.path.exists(args.verdict):
        print("after-run checks:\n")
        with open(args.verdict, encoding="utf-8") as f:
            for line in f:
                if not line.startswith("INFO WINDOW"):
                    print(f"- {line.strip()}")
        print()
    print(f"report: {os.path.join(args.report, 'index.html')}\n")
    return 1 if failures else 0


def compare(args):
    results = {}  # (strategy, users) -> values
    for name in sorted(os.listdir(args.compare)):
        report = os.path.join(args.compare, name, "gatling")
        if "-" not in name or not os.path.exists(os.path.join(report, "index.html")):
            continue
        strategy, users = name.rsplit("-", 1)
        results[(strategy, int(users))] = row_values(load_stats(report)[0][1])
    if not results:
        print("no runs found")
        return 1
    order = [s for s in ("pessimistic", "atomic", "batched") if any(k[0] == s for k in results)]
    order += sorted({k[0] for k in results} - set(order))
    print("### HotSku: one hot product, reservations per strategy (same machine, back to back)\n")
    print("| strategy | users | reservations/s | mean | p95 | p99 | failures | vs pessimistic | vs atomic |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for users in sorted({k[1] for k in results}):
        for strategy in order:
            v = results.get((strategy, users))
            if not v:
                continue
            ratios = []
            for base in ("pessimistic", "atomic"):
                b = results.get((base, users))
                ratios.append(f"{v['rps'] / b['rps']:.1f}x" if b and b["rps"] and v["rps"] else "–")
            print(f"| {strategy} | {users} | {v['rps']:,.0f} | {ms(v['mean'])} | {ms(v['p95'])} | {ms(v['p99'])} "
                  f"| {v['failures']} | {ratios[0]} | {ratios[1]} |")
    print()
    return 0


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--report")
    parser.add_argument("--title")
    parser.add_argument("--cpu")
    parser.add_argument("--verdict")
    parser.add_argument("--compare")
    args = parser.parse_args()
    if args.compare:
        return compare(args)
    if not args.report:
        parser.error("--report or --compare")
    return single(args)


if __name__ == "__main__":
    sys.exit(main())
