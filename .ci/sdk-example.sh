#!/usr/bin/env bash
# .ci/sdk-example.sh — follows examples/lottery-scheduler/README.md word for word, as a plug-in author with nothing
# but the distribution archive, a JDK and Maven would: unpacks distribution/target/sprocket-*.tar.gz in a temporary
# folder and runs every ```sh block of the example's README there, in order, with an EMPTY local Maven repository.
#
#   .ci/sdk-example.sh [ARCHIVE]        (after ./test or mvn package)
#
# How it stays true to the README without touching the user's ~/.m2:
# - user.home points at an empty folder, for Maven (MAVEN_OPTS) and for `sprocket sdk install`
#   (SPROCKET_JAVA_OPTS), so both see ~/.m2/repository as that folder's, empty: the Sprocket artifacts can only come
#   from `sprocket sdk install`;
# - `mvn` is the project's pinned Maven wrapper, on the PATH;
# - third-party artifacts (JUnit, plugins) come from the user's repository, read-only, as Maven 3.9's
#   maven.repo.local.tail, with its dev/sprocket left out; Maven fetches from Central only what is missing there,
#   so the check runs offline after ./test has filled the cache. SDK_EXAMPLE_FROM_CENTRAL=1 leaves the tail out: a
#   first-time user's build, everything but the SDK fetched from Maven Central.
# It fails on a failing command, on a warning in any output, and when the plug-in did not run.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=.ci/find-jdk.sh
. "$root/.ci/find-jdk.sh"
sprocket_find_jdk || exit 2
export JAVA_HOME=$SPROCKET_JDK

# shellcheck source=.ci/unpack-archive.sh
. "$root/.ci/unpack-archive.sh"
sprocket_unpack_archive "$root" sdk-example "${1:-}"
example=$install/examples/lottery-scheduler

home=$work/home
mkdir -p "$home" "$work/bin" "$work/tail/dev"
user_repo=$HOME/.m2/repository
if [[ -d "$user_repo" && -z ${SDK_EXAMPLE_FROM_CENTRAL:-} ]]; then
    for entry in "$user_repo"/*; do
        [[ ${entry##*/} == dev ]] || ln -s "$entry" "$work/tail/"
    done
    if [[ -d "$user_repo/dev" ]]; then
        for entry in "$user_repo"/dev/*; do
            [[ ${entry##*/} == sprocket ]] || ln -s "$entry" "$work/tail/dev/"
        done
    fi
fi
sprocket_maven_opts
export MAVEN_OPTS="${MAVEN_OPTS:+$MAVEN_OPTS }-Duser.home=$home -Dmaven.repo.local.tail=$work/tail"
export SPROCKET_JAVA_OPTS="-Duser.home=$home"
printf '#!/bin/sh\nexec "%s" -B -ntp "$@"\n' "$root/mvnw" >"$work/bin/mvn"
chmod +x "$work/bin/mvn"
export PATH=$work/bin:$PATH

# The README's shell blocks, in order, as one script.
script=$work/readme.sh
awk '/^```sh$/ {on = 1; next} /^```$/ {on = 0} on' "$example/README.md" >"$script"
if [[ ! -s "$script" ]]; then
    echo "sdk-example: no \`\`\`sh blocks in $example/README.md" >&2
    exit 1
fi
echo "sdk-example: running the README's commands in $example:"
sed 's/^/    /' "$script"

log=$work/readme.log
status=0
(cd "$example" && bash -euo pipefail -x "$script") >"$log" 2>&1 || status=$?
fail() {
    echo "sdk-example: $1; the output was:" >&2
    sed 's/^/    /' "$log" >&2
    exit 1
}
(( status == 0 )) || fail "the README's commands failed (status $status)"
[[ -d "$home/.m2/repository/dev/sprocket/sprocket-api" ]] || fail "sprocket sdk install put nothing in $home/.m2"
if grep -n -E 'WARNING|WARN\]|SLF4J\(W\)|Unknown module' "$log" >&2; then
    fail "warnings (above)"
fi
grep -q 'Tests run: .*Failures: 0, Errors: 0' "$log" || fail "the kit did not run"
grep -q -E 'burn: 4 processes x 100000 cycles' "$log" || fail "burn did not run on the plug-in"
grep -q -E '^ *lottery .*plugins/lottery-scheduler-1.0.0-SNAPSHOT.jar' "$log" || fail "modules does not list lottery from its jar"
grep -E 'Tests run:|lottery ' "$log" | tail -n 3
echo "sdk-example: ok (the README's commands pass on an empty local repository)"
