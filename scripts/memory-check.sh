#!/usr/bin/env bash
# Long-run memory check: meta-trains the quadratic example for MINUTES minutes (default 30) and
# samples the process's resident memory (RSS, which includes ND4J's off-heap buffers) every 10 s.
# Prints the samples and compares the mean of the last third with the mean of the middle third:
# flat memory means no growth per meta-iteration once the buffers are allocated.
# Usage: scripts/memory-check.sh [MINUTES]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
minutes="${1:-30}"
out="$(mktemp -d)"
# enough meta-batches to outlast the check; the run is stopped when the time is up
"$root/l2l" train "$root/examples/quadratic.yaml" --out "$out/run" --set training.metaBatches=100000 \
    --set training.logEvery=0 --set training.checkpointEvery=200 > "$out/log.txt" 2>&1 &
pid=$!   # the launcher execs java, so this is the training process once it has built
until grep -q "meta-training" "$out/log.txt" 2>/dev/null; do
  kill -0 "$pid" 2>/dev/null || { echo "the run did not start: see $out/log.txt"; exit 1; }
  sleep 2
done
end=$(( $(date +%s) + minutes * 60 ))
samples=()
while [ "$(date +%s)" -lt "$end" ] && kill -0 "$pid" 2>/dev/null; do
  rss=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status")
  samples+=("$rss")
  printf '%s  RSS %d MiB\n' "$(date +%T)" $(( rss / 1024 ))
  sleep 10
done
kill "$pid" 2>/dev/null || true
n=${#samples[@]}
if [ "$n" -lt 6 ]; then echo "too few samples ($n): did the run start? see $out/log.txt"; exit 1; fi
third=$(( n / 3 ))
mean() { local s=0; for v in "$@"; do s=$(( s + v )); done; echo $(( s / $# )); }
middle=$(mean "${samples[@]:third:third}")
last=$(mean "${samples[@]:$(( n - third )):third}")
printf 'samples %d; mean RSS middle third %d MiB, last third %d MiB; growth %+.1f%%\n' "$n" $(( middle / 1024 )) \
    $(( last / 1024 )) "$(echo "scale=3; 100 * ($last - $middle) / $middle" | bc)"
