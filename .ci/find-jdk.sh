# shellcheck shell=bash
# Finds a JDK >= 21 on this machine; sourced by ./sprocket, ./test, .ci/run and bench/run.sh, and by the installed
# launcher (the distribution ships this file as libexec/find-jdk.sh).
#
#   sprocket_find_jdk   sets SPROCKET_JDK (the JDK's home), SPROCKET_JDK_MAJOR (21, 25, ...) and
#                       SPROCKET_JDK_VERSION ("25.0.3"), or says on stderr why it found none and returns 2.
#
# Order: JAVA_HOME if it is a JDK >= 21; else `java` on PATH if it belongs to one; else the newest JDK >= 21
# among the usual install places (Linux packages, tarballs in /opt, SDKMAN!, macOS).
# The launcher runs this on every start, so it forks as little as it can: builtins and globals, not $(...).

SPROCKET_MIN_JDK=21

# Sets REPLY to the version of the JDK at $1 ("25.0.3", "1.8.0_392"); returns 1 if $1 is not a JDK.
sprocket_jdk_version() {
    local home=$1 line=
    REPLY=
    [[ -x "$home/bin/java" && -x "$home/bin/javac" ]] || return 1
    # The release file is what the JDK build wrote; reading it costs nothing, starting a JVM does.
    if [[ -r "$home/release" ]]; then
        while IFS= read -r line || [[ -n "$line" ]]; do
            if [[ $line == JAVA_VERSION=* ]]; then
                line=${line#JAVA_VERSION=}
                REPLY=${line//\"/}
                break
            fi
        done <"$home/release"
    fi
    if [[ -z "$REPLY" ]]; then
        line=$("$home/bin/java" -version 2>&1) || return 1
        [[ $line =~ \"([^\"]+)\" ]] || return 1
        REPLY=${BASH_REMATCH[1]}
    fi
}

# Sets REPLY to the feature (major) release of a version: 25 for "25.0.3", 8 for "1.8.0_392", 26 for "26-ea".
sprocket_jdk_major() {
    local v=$1
    [[ $v == 1.* ]] && v=${v#1.}
    v=${v%%[!0-9]*}
    REPLY=${v:-0}
}

# Whether dotted version $1 is newer than $2, comparing numeric fields left to right.
sprocket_version_newer() {
    local IFS='._-+'
    local -a a b
    read -r -a a <<<"$1"
    read -r -a b <<<"$2"
    local i x y n=$(( ${#a[@]} > ${#b[@]} ? ${#a[@]} : ${#b[@]} ))
    for (( i = 0; i < n; i++ )); do
        x=${a[i]:-0}; y=${b[i]:-0}
        x=${x%%[!0-9]*}; y=${y%%[!0-9]*}
        (( 10#${x:-0} > 10#${y:-0} )) && return 0
        (( 10#${x:-0} < 10#${y:-0} )) && return 1
    done
    return 1
}

# Sets SPROCKET_JDK, SPROCKET_JDK_MAJOR and SPROCKET_JDK_VERSION if $1 is a JDK >= 21; returns 1 otherwise.
sprocket_try_jdk() {
    local home=${1%/} version
    sprocket_jdk_version "$home" || return 1
    version=$REPLY
    sprocket_jdk_major "$version"
    (( REPLY >= SPROCKET_MIN_JDK )) || return 1
    SPROCKET_JDK=$home
    SPROCKET_JDK_MAJOR=$REPLY
    SPROCKET_JDK_VERSION=$version
}

sprocket_find_jdk() {
    SPROCKET_JDK= SPROCKET_JDK_MAJOR= SPROCKET_JDK_VERSION=
    if [[ -n "${JAVA_HOME:-}" ]] && sprocket_try_jdk "$JAVA_HOME"; then
        return 0
    fi
    local java
    if java=$(type -P java); then
        # /usr/bin/java is usually a chain of links (alternatives); its JDK is two levels above the real file.
        [[ -L "$java" ]] && java=$(readlink -f "$java" 2>/dev/null || printf '%s\n' "$java")
        java=${java%/*}
        if sprocket_try_jdk "${java%/*}"; then
            return 0
        fi
    fi
    local best= best_version= candidate
    local -a candidates=(
        /usr/lib/jvm/* /usr/java/* /opt/java/* /opt/*jdk* "$HOME"/.sdkman/candidates/java/*
        /Library/Java/JavaVirtualMachines/*/Contents/Home
    )
    for candidate in "${candidates[@]}"; do
        [[ -d "$candidate" ]] || continue
        sprocket_try_jdk "$candidate" || continue
        if [[ -z "$best" ]] || sprocket_version_newer "$SPROCKET_JDK_VERSION" "$best_version"; then
            best=$SPROCKET_JDK best_version=$SPROCKET_JDK_VERSION
        fi
    done
    if [[ -n "$best" ]]; then
        sprocket_try_jdk "$best"
        return 0
    fi
    {
        echo "sprocket: no JDK ${SPROCKET_MIN_JDK} or newer found."
        echo "  Looked at JAVA_HOME (${JAVA_HOME:-unset}), java on PATH, /usr/lib/jvm, /usr/java, /opt/java, /opt/*jdk*,"
        echo "  ~/.sdkman/candidates/java and /Library/Java/JavaVirtualMachines."
        echo "  Install one (for example Temurin 21 or 25 from https://adoptium.net) or set JAVA_HOME to it."
    } >&2
    return 2
}

# Maven's bundled Guava warns about sun.misc.Unsafe on JDK 24+; older JDKs reject the flag that silences it.
sprocket_maven_opts() {
    if (( SPROCKET_JDK_MAJOR >= 24 )) && [[ " ${MAVEN_OPTS:-} " != *" --sun-misc-unsafe-memory-access="* ]]; then
        MAVEN_OPTS="${MAVEN_OPTS:+$MAVEN_OPTS }--sun-misc-unsafe-memory-access=allow"
    fi
    export MAVEN_OPTS
}

# The Maven to run from the repository root $1: always the pinned wrapper (.mvn/wrapper/maven-wrapper.properties),
# so every machine builds with the same Maven; a system Maven may be older (Debian's 3.8.7 prints stray colour codes
# with -q) and lacks what the scripts use (maven.repo.local.tail, since 3.9).
sprocket_maven() {
    REPLY=$1/mvnw
}
