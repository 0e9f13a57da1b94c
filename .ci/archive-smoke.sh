#!/usr/bin/env bash
# .ci/archive-smoke.sh — the distribution archive works anywhere with only a JDK: unpacks
# distribution/target/sprocket-*.tar.gz in a temporary folder, checks its layout, and runs
# `./sprocket run configs/irix-r2000.conf hello` and `bin/sprocket run ...` there, with an empty environment and a
# PATH of the few tools the launcher uses (no Maven, no source tree), then through a symbolic link on that PATH from
# another folder; each first run must leave the launcher's start-up cache.
#
#   .ci/archive-smoke.sh [ARCHIVE]      (after ./test or mvn package)
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

# shellcheck source=.ci/unpack-archive.sh
. "$root/.ci/unpack-archive.sh"
sprocket_unpack_archive "$root" archive "${1:-}"

missing=()
for f in sprocket bin/sprocket libexec/find-jdk.sh lib/sprocket-distribution-*.jar configs/irix-r2000.conf \
        docs/writing-a-scheduler.md plugins examples/lottery-scheduler/pom.xml \
        sdk/repository/dev/sprocket/sprocket-api sdk/repository/dev/sprocket/sprocket-sched-tck \
        sdk/repository/dev/sprocket/sprocket-bom README.md LICENSE CHANGELOG.md CONTRIBUTING.md; do
    # shellcheck disable=SC2086
    compgen -G "$install/$f" >/dev/null || missing+=("$f")
done
if (( ${#missing[@]} )); then
    echo "archive: $archive_name lacks: ${missing[*]}" >&2
    exit 1
fi
[[ -x "$install/bin/sprocket" && -x "$install/sprocket" ]] || { echo "archive: the launchers are not executable" >&2; exit 1; }

# A PATH with only what the launcher runs besides the JDK (found in the usual JVM directories).
tools=$work/tools
mkdir -p "$tools" "$work/home"
for t in bash env find mkdir mv readlink rm; do
    ln -s "$(type -P "$t")" "$tools/$t"
done

check() {
    local where=$1 out status=0
    shift
    out=$(cd "$where" && env -i HOME="$work/home" PATH="$tools" "$@" 2>"$work/err") || status=$?
    if (( status != 0 )) || [[ "$out" != "hello, world" ]]; then
        echo "archive: '$*' in $where exited $status; stdout:" >&2
        printf '%s\n' "$out" >&2
        echo "stderr:" >&2
        cat "$work/err" >&2
        exit 1
    fi
}
# The launcher's fast start: a first run leaves a start-up cache (AOT on JDK 25+, CDS before) and no failure mark,
# whichever way the launcher was called (the cache records the module path, so the launcher makes it canonical).
cache_left() {
    local c
    cache_name=
    for c in "$install"/cache/jdk-*.aot "$install"/cache/jdk-*.jsa; do
        [[ -f $c ]] && cache_name=${c##*/}
    done
    if [[ -z $cache_name ]] || compgen -G "$install/cache/*.failed" >/dev/null; then
        echo "archive: no start-up cache after a first run of '$1'; cache/ holds: $(ls "$install/cache")" >&2
        exit 1
    fi
    rm -rf "$install/cache"
}
check "$install" ./sprocket run configs/irix-r2000.conf hello
cache_left ./sprocket
check "$install" bin/sprocket run configs/irix-r2000.conf hello
cache_left bin/sprocket
ln -s "$install/bin/sprocket" "$tools/sprocket"
check "$work" sprocket run --no-stats "$install/configs/irix-r2000.conf" hello
cache_left "sprocket (a link on the PATH)"
echo "archive: ok ($archive_name: layout; hello with only a JDK as ./sprocket, bin/sprocket and a link on the PATH,"\
    "each leaving a start-up cache, $cache_name)"
