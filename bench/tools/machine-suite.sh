#!/bin/sh
# The measurements issue #13 asks of every machine, in one go, into one results file:
# the FMA peak, the forward against ONNX Runtime (width 1024: batch 1, 64, 200, 1000 at one thread, 200 and 1000 at two;
# the shipped width 512: 200 and 1000 at one thread, 1000 at two), the
# training step against the peak (hidden 512 and 1024, one and two threads), and, on a 512-bit machine, each of
# these with every register tile (4x2, 4x4, 8x2). Run it on a quiet machine (stop or SIGSTOP anything else), from the repository:
#
#   mvn -B -q -DskipTests package -Pbench
#   sh bench/tools/machine-suite.sh [ROUNDS]       # ROUNDS per Interleaved run, default 20; 6 min at 15 on a 2-core Zen 4
#
# Output: bench/results/<date>-<cpu>-jdk<N>-suite-<commit>[-n].txt, never overwritten (lscpu, JDK, the selected backend and tile, then every command and its
# line). Quote the ratios from one file only; BENCHMARKS.md explains how to read them.
set -eu
ROUNDS=${1:-20}
J=bench/target/benchmarks.jar
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
if [ ! -f "$J" ]; then echo "machine-suite: $J not found; build it first: mvn -B -q -DskipTests package -Pbench" >&2; exit 2; fi
CPU=$(lscpu 2>/dev/null | sed -n 's/^Model name: *//p' | head -1 | tr -c 'A-Za-z0-9\n' '-' | tr -s '-' | sed 's/-$//')
JDK=$("$JAVA" -version 2>&1 | head -1 | sed 's/[^"]*"\([0-9]*\).*/\1/')
REV=$(git rev-parse --short HEAD 2>/dev/null || echo nogit)
OUT=bench/results/$(date +%Y-%m-%d)-${CPU:-cpu}-jdk$JDK-suite-$REV.txt
N=2; while [ -e "$OUT" ]; do OUT=bench/results/$(date +%Y-%m-%d)-${CPU:-cpu}-jdk$JDK-suite-$REV-$N.txt; N=$((N + 1)); done
run() { # run LABEL COMMAND...: the command line, then its last output line
    echo "## $*" >> "$OUT"
    "$@" 2>/dev/null | tail -1 >> "$OUT"
    tail -1 "$OUT"
}
{
    echo "# machine-suite.sh $ROUNDS, $(date -u +%Y-%m-%dT%H:%MZ)"
    lscpu | grep -E '^(Model name|CPU family|Model|Thread|Core|Socket|L1d|L2|L3|Flags)' | sed 's/^/# /' | cut -c1-220
    "$JAVA" -version 2>&1 | sed 's/^/# /'
    sh ./gfpose info 2>/dev/null | sed 's/^/# /' || true
} > "$OUT"
V="$JAVA --add-modules=jdk.incubator.vector"
echo "## $JAVA -jar $J PeakBench -f 1 -wi 2 -i 3 -w 1 -r 1" >> "$OUT"
"$JAVA" -jar "$J" PeakBench -f 1 -wi 2 -i 3 -w 1 -r 1 2>/dev/null | grep -E '^(Benchmark|PeakBench)' >> "$OUT"
TILES=default
if grep -q avx512f /proc/cpuinfo 2>/dev/null; then TILES="4x2 4x4 8x2"; fi
for T in $TILES; do
    P=""; [ "$T" = default ] || P="-Dgfpose.gemm.tile=$T"
    for B in 1 64 200 1000; do run $V $P -cp "$J" gfpose.bench.Interleaved $B "$ROUNDS" 1; done
    for B in 200 1000; do run $V $P -cp "$J" gfpose.bench.Interleaved $B "$ROUNDS" 2; done
    # the shipped model's width
    for B in 200 1000; do run $V $P -cp "$J" gfpose.bench.Interleaved $B "$ROUNDS" 1 512; done
    run $V $P -cp "$J" gfpose.bench.Interleaved 1000 "$ROUNDS" 2 512
    for H in 512 1024; do
        run $V $P -cp "$J" gfpose.bench.TrainVsPeak 1 8 $H
        run $V $P -cp "$J" gfpose.bench.TrainVsPeak 2 12 $H
    done
done
echo "machine-suite: wrote $OUT"
