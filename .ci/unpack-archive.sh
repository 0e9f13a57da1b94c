# shellcheck shell=bash
# Unpacks the distribution archive into a temporary folder removed at exit; sourced by the .ci checks of the archive.
#
#   sprocket_unpack_archive ROOT NAME [ARCHIVE]
#       ARCHIVE defaults to ROOT/distribution/target/sprocket-*.tar.gz. Sets work (the temporary folder) and install
#       (the unpacked sprocket-VERSION in it); NAME prefixes the folder and the messages. Exits 1 without an archive.
# shellcheck disable=SC2034  # work, install and archive_name are what the caller reads
sprocket_unpack_archive() {
    local root=$1 name=$2 archive
    local -a archives=("$root"/distribution/target/sprocket-*.tar.gz)
    archive=${3:-${archives[0]}}
    if [[ -z "$archive" || ! -f "$archive" ]]; then
        echo "$name: no distribution archive (build it with ./test or mvn package)" >&2
        exit 1
    fi
    work=$(mktemp -d "${TMPDIR:-/tmp}/sprocket-$name.XXXXXX")
    # shellcheck disable=SC2064
    trap "rm -rf '$work'" EXIT
    tar -xzf "$archive" -C "$work"
    install=$(echo "$work"/sprocket-*)
    archive_name=${archive##*/}
}
