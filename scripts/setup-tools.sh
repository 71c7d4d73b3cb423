#!/usr/bin/env bash
# Installs the Debian tools the examples' quality checks use (black, mypy, bandit, pytest, SQLAlchemy,
# Flask, Alembic) when they are missing. Needs root (or sudo) and Debian/Ubuntu; otherwise it says what
# to install and the Python example's tests will fail with that message.
set -uo pipefail
need=0
for bin in black mypy bandit pytest alembic; do [ -x "/usr/bin/$bin" ] || need=1; done
/usr/bin/python3 -c 'import sqlalchemy, flask' 2>/dev/null || need=1
[ "$need" = 0 ] && exit 0
pkgs="black mypy bandit python3-pytest python3-sqlalchemy alembic python3-flask"
if ! command -v apt-get >/dev/null; then
  echo "setup: please install with your package manager: $pkgs" >&2
  exit 1
fi
sudo=""
[ "$(id -u)" = 0 ] || sudo="sudo"
echo "setup: installing Debian packages: $pkgs"
$sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq $pkgs >/dev/null
