#!/usr/bin/env bash
# Spark engine scaling on one machine: the same campaigns on the local engine and on Spark with 1 and 2
# executors, each rate taken from the command's own "wrote ... in S s" line (Spark's start-up included) and
# from its progress line (samples per second once running): Java full runs, FEniCS full runs when
# /usr/bin/python3 imports dolfinx, Monte Carlo in batches of 50 (compute-bound tasks) and of 1 (a task per
# sample: the cost of a task). Usage: spark/bench/scaling.sh [SAMPLES]. Prints a Markdown table; docs/spark.md
# quotes one sitting.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
samples="${1:-48}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cli="$root/submodel-uq"
# local-cluster masters start executor JVMs from SPARK_HOME/jars (empty here) and spark.executor.extraClassPath
mkdir -p "$work/spark-home/jars"
export SPARK_HOME="$work/spark-home" SPARK_SCALA_VERSION=2.13
cluster_opts="-Dspark.executor.extraClassPath=$root/spark/target/submodel-uq-spark.jar:$root/spark/target/lib/*"

"$cli" generate --engine spark --master 'local[1]' --solver java --samples 40 --case "$root/spark/bench/small.yaml" \
  --out "$work/warm.h5" --quiet >/dev/null 2>&1  # builds the Spark command line once
"$cli" train --data "$work/warm.h5" --model pca-gaussian --out "$work/pca" --quiet >/dev/null

seconds() { sed -n 's/.* in \([0-9.]*\) s.*/\1/p; s/.*, \([0-9.]*\) s wall,.*/\1/p' | head -1; }
rate() { tr '\r' '\n' | sed -n 's/.* samples, \([0-9.]*\)\/s,.*/\1/p' | tail -1; }
row() {
  local label="$1" what="$2"; shift 2
  local log="$work/log"
  SUBMODEL_UQ_JAVA_OPTS="${opts:-}" "$cli" "$@" >"$log" 2>&1 || { cat "$log" >&2; exit 1; }
  printf '| %s | %s | %s | %s |\n' "$what" "$label" "$(seconds <"$log")" "$(rate <"$log")"
}

echo "| campaign | engine | wall s (start-up included) | samples/s at the end |"
echo "|---|---|---|---|"
for engine in local-1 local-2 spark-local-1 spark-local-2 spark-cluster-1 spark-cluster-2; do
  opts=""
  case "$engine" in
    local-1) args=(--workers 1) ; label="local engine, 1 thread" ;;
    local-2) args=(--workers 2) ; label="local engine, 2 threads" ;;
    spark-local-1) args=(--engine spark --master 'local[1]') ; label="Spark local[1]" ;;
    spark-local-2) args=(--engine spark --master 'local[2]') ; label="Spark local[2]" ;;
    spark-cluster-1) args=(--engine spark --master 'local-cluster[1,1,1024]') ; opts="$cluster_opts"
      label="Spark, 1 executor of 1 core" ;;
    spark-cluster-2) args=(--engine spark --master 'local-cluster[2,1,1024]') ; opts="$cluster_opts"
      label="Spark, 2 executors of 1 core" ;;
  esac
  row "$label" "generate, $samples Java runs of plate-impact" generate --solver java --samples "$samples" \
    --out "$work/$engine.h5" "${args[@]}"
  if /usr/bin/python3 -c "import dolfinx" 2>/dev/null; then
    row "$label" "generate, $samples FEniCS runs of plate-impact" generate --solver fenics --samples "$samples" \
      --out "$work/$engine-fenics.h5" "${args[@]}"
  fi
  mc_args=("${args[@]}")
  [ "${mc_args[0]}" = "--workers" ] && mc_args=(--threads "${mc_args[1]}")
  row "$label" "mc, 20000 samples in 400 tasks (batch 50)" mc --generator "$work/pca" --samples 20000 \
    --out "$work/$engine-mc50.h5" "${mc_args[@]}"
  row "$label" "mc, 2000 samples in 2000 tasks (batch 1)" mc --generator "$work/pca" --samples 2000 --batch 1 \
    --out "$work/$engine-mc.h5" "${mc_args[@]}"
done
