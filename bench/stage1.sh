#!/bin/sh
# TinyNAS stage 1 benchmark: prints candidate evaluations per second and writes
# bench/out/stage1-digits-*.json and .svg. Options: --threads N --warmup N --reps N
# --samples N --seed N (defaults: all processors, 3, 7, 1000, 1). Needs the Maven
# repository already filled (runs offline) and Java 17.
set -eu
cd "$(dirname "$0")/.."
mkdir -p bench/out
mvn -q -o -pl search-runtime -am compile
mvn -q -o -pl search-runtime dependency:build-classpath \
  -Dmdep.includeGroupIds=com.fasterxml.jackson.core -Dmdep.outputFile="$PWD/bench/out/jackson.classpath"
CP="search-runtime/target/classes:annotations/target/classes:$(cat bench/out/jackson.classpath)"
exec java -cp "$CP" bench/Stage1Bench.java "$@"
