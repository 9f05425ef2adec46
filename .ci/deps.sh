#!/bin/sh
# Installs what kades needs to build and test on Debian 12, and nothing when it is all there
# (so that CI and offline machines skip apt). Run as root, or with sudo available.
set -eu
packages="g++ cmake make pkg-config libcli11-dev libsqlitecpp-dev libsqlite3-dev libfmt-dev
doctest-dev nlohmann-json3-dev libstemmer-dev gettext sqlite3 cmark-gfm graphviz
faketime git"
missing=""
for p in $packages; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
echo "installing:$missing"
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
$sudo apt-get update -qq
# shellcheck disable=SC2086
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends $missing
