#!/usr/bin/env bash
# Installs the system packages the tests use as real peers (idempotent):
#   python3-pyepics  EPICS base's own Channel Access client library (libca) with its Python binding,
#                    the reference peer for our Channel Access server.
set -euo pipefail

need=()
dpkg -s python3-pyepics >/dev/null 2>&1 || need+=(python3-pyepics)

if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; else SUDO=; fi
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}"
fi
