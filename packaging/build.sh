#!/usr/bin/env bash
# Build the one-folder app with PyInstaller, then check it: dist/techapproval/techapproval.
#
#   bash packaging/build.sh            build, then run the packaged app's --self-test and a few commands
#   bash packaging/build.sh --no-check build only
#
# PyInstaller is a dev dependency (locked in uv.lock), so every build uses the same version. The app is
# built for the machine it is built on: build on the oldest Linux you support (glibc is not bundled).
set -euo pipefail
cd "$(dirname "$0")/.."

check=1
for arg in "$@"; do
    case "$arg" in
        --no-check) check=0 ;;
        *) echo "usage: bash packaging/build.sh [--no-check]" >&2; exit 2 ;;
    esac
done

# uv: the one running us (uv sets $UV for what it runs), else on PATH, else as a module (as .ci/run installs it).
if [[ -n "${UV:-}" ]]; then uv=("$UV")
elif command -v uv >/dev/null; then uv=(uv)
else uv=(python3 -m uv)
fi

start=$SECONDS
rm -rf build/pyinstaller dist/techapproval
"${uv[@]}" run --locked pyinstaller --noconfirm --clean --log-level WARN \
    --workpath build/pyinstaller --distpath dist packaging/techapproval.spec
app=dist/techapproval/techapproval
# The licences of everything third-party in the bundle, from the metadata of the versions just bundled.
"${uv[@]}" run --locked python packaging/notices.py dist/techapproval/THIRD-PARTY-NOTICES.txt
echo "Built $app in $((SECONDS - start)) s; dist/techapproval is $(du -sh dist/techapproval | cut -f1)."

((check)) || exit 0
echo "Checking the packaged app:"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export TECHAPPROVAL_HOME="$tmp/home"  # never the builder's own data folder
"$app" --version
QT_QPA_PLATFORM=offscreen "$app" --self-test
"$app" --database "sqlite:///$tmp/check.db" print-decision --help >/dev/null
echo "Packaged app passed its checks."
