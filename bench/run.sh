#!/usr/bin/env bash
# run.sh — builds the benchmark module, then runs its harness on the module path.
#
#   bench/run.sh [--config FILE] [--runs R] [--warmup W] [--scale S] [--procs P,P..] [--policies rr,fair]
#                 [getpid|yield|fork|procs|touch|cowfork|sched|decide|pingpong|pipeflow|shm ...]
#
# BENCH_JAVA_OPTS adds JVM options (split on spaces), e.g. a flight recording:
#   BENCH_JAVA_OPTS=-XX:StartFlightRecording=filename=/tmp/decide.jfr bench/run.sh decide
# BENCH_COROUTINES=virtual-thread runs without the jdk.internal.vm export, so the kernel falls back to virtual
# threads; the default exports it and the kernel uses continuations.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(dirname "$here")

# shellcheck source=../.ci/find-jdk.sh
. "$root/.ci/find-jdk.sh"
sprocket_find_jdk || exit 2
export JAVA_HOME=$SPROCKET_JDK
sprocket_maven_opts
sprocket_maven "$root"
mvn=$REPLY

cp_file=$here/target/module-path.txt
"$mvn" -q -f "$here/pom.xml" install -DskipTests
"$mvn" -q -f "$here/pom.xml" dependency:build-classpath -DincludeScope=runtime -Dmdep.outputFile="$cp_file"
# A private copy of the jars: a module jar is read lazily, so one reinstalled into ~/.m2 during a long run
# (another module's build) would otherwise make classes vanish mid-run.
lib=$here/target/lib
rm -rf "$lib" && mkdir -p "$lib"
IFS=: read -r -a jars <"$cp_file" || true   # the file has no final newline
cp "${jars[@]}" "$here/target/sprocket-bench-0.1.0-SNAPSHOT.jar" "$lib/"

opens=(--add-exports java.base/jdk.internal.vm=sprocket.kernel)
if [[ ${BENCH_COROUTINES:-continuation} == virtual-thread ]]; then opens=(); fi

read -r -a extra <<<"${BENCH_JAVA_OPTS:-}" || true

cd "$root"
exec "$SPROCKET_JDK/bin/java" -Djdk.virtualThreadScheduler.parallelism=1 "${opens[@]}" "${extra[@]}" -Xmx2g \
    -p "$lib" --add-modules ALL-MODULE-PATH -m sprocket.bench/sprocket.bench.Harness "$@"
