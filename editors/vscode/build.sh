#!/usr/bin/env bash
# Package the extension into argmap-<version>.vsix (in this folder, or in the folder $1).
# Needs npm; vsce and the language client are installed into temporary folders,
# so nothing is left behind but the .vsix.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="$(mkdir -p "${1:-$here}" && cd "${1:-$here}" && pwd)"
work="$(mktemp -d)"
tools="$(mktemp -d)"
trap 'rm -rf "$work" "$tools"' EXIT
cp -r "$here"/. "$work"/
rm -f "$work"/*.vsix
(cd "$tools" && npm install --silent --no-audit --no-fund @vscode/vsce@3 >/dev/null)
cd "$work"
npm install --silent --no-audit --no-fund --omit=dev >/dev/null
"$tools/node_modules/.bin/vsce" package --allow-missing-repository --skip-license -o "$out/" >/dev/null
ls "$out"/argmap-*.vsix
