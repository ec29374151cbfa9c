#!/bin/sh
# One sha256 over the outputs of a fixed set of commands, to show that a kernel change keeps every bit:
# README `lift` (png, json, bvh), `lift` of examples/walk.jsonl, `generate --count 7`, and short trainings at width 64
# (batch 16 / 400 / 7, one and two threads, dropout) and at width 512. Run it with the old and the new jar, and with
# forced widths and tiles; the lines must match. From the repository:
#
#   sh bench/tools/same-bits.sh cli/target/gfpose.jar [JVM options...]
#   sh bench/tools/same-bits.sh /tmp/old/cli/target/gfpose.jar -Dgfpose.vector.bits=128 -Dgfpose.gemm.tile=8x2
#
# Takes a minute or two on 2 cores; writes only to a temporary folder, which it removes.
set -eu
if [ $# -lt 1 ] || [ ! -f "$1" ]; then echo "same-bits: usage: same-bits.sh JAR [JVM options...]" >&2; exit 2; fi
J=$(cd "$(dirname "$1")" && pwd)/$(basename "$1"); shift
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
W=$ROOT/weights/gfpose.safetensors
O=$(mktemp -d)
trap 'rm -rf "$O"' EXIT
R() { # one command; on failure, say which and its first lines of stderr
    "${JAVA_HOME:+$JAVA_HOME/bin/}java" --add-modules=jdk.incubator.vector "$@" 2>"$O/stderr" \
        || { echo "same-bits: failed: java $*" >&2; grep -v '^WARNING: Using incubator' "$O/stderr" | head -3 >&2; exit 1; }
}
R "$@" -jar "$J" lift -i "$ROOT/examples/person.json" --weights "$W" --image-size 1280x720 --hypotheses 5 \
    --png "$O/p.png" --json "$O/p.json" --bvh "$O/p.bvh" -q
R "$@" -jar "$J" lift -i "$ROOT/examples/walk.jsonl" --weights "$W" --json "$O/walk.json" -q
R "$@" -jar "$J" generate --weights "$W" --count 7 -o "$O/gen.json" -q
T="train --synthetic 64 --hidden 64 --embed 32 --groups 4 --blocks 2 --seed 3 --steps 6 --dropout 0.2 -q"
R "$@" -jar "$J" $T --batch 16 --threads 2 --out "$O/t1"
R "$@" -jar "$J" $T --batch 400 --threads 1 --out "$O/t2"
R "$@" -jar "$J" $T --batch 7 --threads 2 --out "$O/t3"
R "$@" -jar "$J" train --synthetic 3000 --hidden 512 --embed 256 --batch 300 --threads 2 --seed 5 --steps 3 -q --out "$O/t4"
# train.csv and the log hold timings; everything else is a result
rm -f "$O/stderr"
(cd "$O" && find . -type f ! -name '*.csv' ! -name '*.log' | sort | xargs sha256sum | sha256sum | cut -d' ' -f1)
