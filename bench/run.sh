#!/usr/bin/env bash
# run.sh — builds the benchmark module and what it needs from this tree (the reactor; nothing is installed and
# nothing is read from ~/.m2's copies of our modules, so it works from a fresh clone), then runs its harness on the
# module path, or JMH.
#
#   bench/run.sh [--config FILE] [--runs R] [--warmup W] [--scale S] [--procs P,P..] [--policies rr,fair]
#                 [getpid|yield|fork|procs|touch|cowfork|sched|decide|floor|pingpong|pipeflow|shm ...]
#   bench/run.sh jmh [JMH options] [BENCHMARK REGEX]    the nanosecond figures (NanoBenchmarks), e.g.
#   bench/run.sh jmh                                     all four on irix-r2000
#   bench/run.sh jmh -p config=irix-r2000,linux-x86mps tlbHit
#   bench/run.sh jmh -h                                  JMH's own options (-f forks, -i iterations, -rf json...)
#   bench/run.sh --check [--record]                      the regression guard: each figure against the one recorded
#                                                        in bench/reference-figures.txt, as a ratio to a reference
#                                                        workload run in the same JVM; exit 1 when one is >20% worse
#
# BENCH_JAVA_OPTS adds JVM options (split on spaces), e.g. a flight recording:
#   BENCH_JAVA_OPTS=-XX:StartFlightRecording=filename=/tmp/decide.jfr bench/run.sh decide
# BENCH_COROUTINES=virtual-thread runs the harness without the jdk.internal.vm export, so the kernel falls back to
# virtual threads; the default exports it and the kernel uses continuations.
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

# bench and the modules it needs, built together: the build copies their jars and the libraries into target/lib.
"$mvn" -q -B -f "$root/pom.xml" package -pl bench -am -DskipTests -Dmaven.javadoc.skip -Dmaven.source.skip
# A private copy of the jars: a module jar is read lazily, so one rebuilt during a long run (./test in this tree)
# would otherwise make classes vanish mid-run.
lib=$here/target/run-lib
rm -rf "$lib" && mkdir -p "$lib"
cp "$here"/target/lib/*.jar "$lib/"
cp -f "$here"/target/sprocket-bench-*.jar "$lib/"   # after: target/lib may hold an older build of it

read -r -a extra <<<"${BENCH_JAVA_OPTS:-}" || true
cd "$root"

if [[ ${1:-} == jmh ]]; then
    shift
    # JMH forks a JVM per benchmark with the class path and options of this one (NanoBenchmarks adds its own).
    # JMH reads fields through sun.misc.Unsafe, which JDK 24+ warns about unless allowed (older JDKs lack the flag).
    if (( SPROCKET_JDK_MAJOR >= 24 )); then extra+=(--sun-misc-unsafe-memory-access=allow); fi
    exec "$SPROCKET_JDK/bin/java" "${extra[@]}" -cp "$lib/*" org.openjdk.jmh.Main "$@"
fi

if [[ ${1:-} == --check ]]; then
    shift
    set -- --runs 5 --warmup 2 --scale 0.25 --reference "$here/reference-figures.txt" "$@" check
fi

opens=(--add-exports java.base/jdk.internal.vm=sprocket.kernel,sprocket.bench)
if [[ ${BENCH_COROUTINES:-continuation} == virtual-thread ]]; then opens=(); fi

exec "$SPROCKET_JDK/bin/java" -Djdk.virtualThreadScheduler.parallelism=1 "${opens[@]}" "${extra[@]}" -Xmx2g \
    -p "$lib" --add-modules ALL-MODULE-PATH -m sprocket.bench/sprocket.bench.Harness "$@"
