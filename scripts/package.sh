#!/usr/bin/env bash
# Builds the Debian package build/package/superbill-desk_<version>_amd64.deb and checks
# its desktop entry and AppStream metadata.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"

superbill_install_packages help2man desktop-file-utils appstream
superbill_build package
cd "$SUPERBILL_ROOT/build/package"
cpack -G DEB
deb=$(ls -t superbill-desk_*_amd64.deb | head -n 1)
desktop-file-validate "$SUPERBILL_ROOT/resources/desktop/org.superbilldesk.SuperbillDesk.desktop"
appstreamcli validate --no-net installer/org.superbilldesk.SuperbillDesk.metainfo.xml
echo "package: $PWD/$deb"
