#!/bin/sh
# TinyForge benchmark: person_detect, micro_speech, DigitsMlp, DigitsCnn on QEMU Cortex-M7 and
# Cortex-M4, TinyForge against a naive-plan baseline measured in the same run.
# Writes bench/out/bench.json, bench/out/bench.md and bench/out/<model>-memory.svg.
# Needs JDK 17, Maven, arm-none-eabi-gcc + newlib and qemu-system-arm (see README).
# Extra arguments go to Maven (e.g. -o for offline).
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
mvn -B "$@" -pl processor -am test \
    -Dgroups=bench -DexcludedGroups=none -Dsurefire.failIfNoSpecifiedTests=false \
    -Dtinyforge.bench.out="$root/bench/out"
echo
cat "$root/bench/out/bench.md"
