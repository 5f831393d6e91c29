# Shared by run.sh, test.sh and package.sh: installs the Debian packages the build
# needs (only those missing, so a second run costs nothing) and configures a preset.
# shellcheck shell=bash

SUPERBILL_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
export SUPERBILL_ROOT

# The SQLite driver and xauth are only Recommends: they are named so that
# --no-install-recommends still brings them.
SUPERBILL_PACKAGES=(
    build-essential cmake ninja-build pkg-config file dpkg-dev libbenchmark-dev clang-format
    qt6-base-dev libqt6sql6-sqlite qt6-svg-dev
    qtkeychain-qt6-dev libqt6keychain1 libgl-dev libssl-dev openssl
    qt6-l10n-tools qt6-tools-dev
    qt6-qpa-plugins
    xvfb xauth
)

superbill_missing_packages() {
    local pkg missing=()
    for pkg in "$@"; do
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
    done
    echo "${missing[@]}"
}

superbill_install_packages() {
    local missing
    missing=$(superbill_missing_packages "${SUPERBILL_PACKAGES[@]}" "$@")
    [ -z "$missing" ] && return 0
    local sudo=()
    if [ "$(id -u)" -ne 0 ]; then
        command -v sudo >/dev/null || { echo "error: need root or sudo to install: $missing" >&2; return 1; }
        sudo=(sudo)
    fi
    echo "Installing Debian packages: $missing"
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    # shellcheck disable=SC2086
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing
}

# superbill_build PRESET [TARGET...]
superbill_build() {
    local preset=$1
    shift
    cmake --preset "$preset" -S "$SUPERBILL_ROOT" >/dev/null
    if [ $# -gt 0 ]; then
        cmake --build "$SUPERBILL_ROOT/build/$preset" --target "$@"
    else
        cmake --build "$SUPERBILL_ROOT/build/$preset"
    fi
}
