#!/usr/bin/env bash
# The paper's generalisation tests (Andrychowicz et al. 2016, §3.2): evaluates the optimizer
# meta-trained by examples/mnist.yaml on each config of examples/mnist-generalisation/ (40 hidden
# units, 2 hidden layers, ReLU, 200 steps) against the baselines tuned on that config.
#
#   scripts/mnist-generalisation.sh [RUN_DIR]      (default runs/mnist; results in RUN_DIR/generalisation/)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
run="${1:-runs/mnist}"
if [ ! -f "$run/optimizer.npz" ]; then
  echo "mnist-generalisation.sh: $run/optimizer.npz: no trained optimizer (run ./l2l run examples/mnist.yaml first)" >&2
  exit 2
fi
for config in "$root"/examples/mnist-generalisation/*.yaml; do
  name="$(basename "$config" .yaml)"
  echo "== $name"
  "$root/l2l" eval "$run" "$config" --out "$run/generalisation/$name"
done
