#!/bin/sh
# MCUNet Table 2 on digits: scaled MobileNetV2 vs TinyNAS at 32 and 64 KiB of SRAM, 256 KiB of
# flash, same training recipe, int8 accuracy on the 2,000 test digits. About 25 minutes on 2 cores.
# Rows go to search-runtime/target/table2-32.md and table2-64.md. Extra arguments go to Maven.
set -e
cd "$(dirname "$0")/.."
mvn -B -pl search-runtime -am test -Dgroups=bench -DexcludedGroups=none -Dtest=Table2Bench \
    -Dsurefire.failIfNoSpecifiedTests=false "$@"
cat search-runtime/target/table2-32.md search-runtime/target/table2-64.md
