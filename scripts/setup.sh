#!/usr/bin/env bash
# Installs the system packages the tests use as real peers (idempotent):
#   python3-pyepics  EPICS base's own Channel Access client library (libca) with its Python binding,
#                    the reference peer for our Channel Access server.
#   dials            Debian's DIALS (dials.import, dials.find_spots, dials.index): the reference reader of the
#                    twin's NeXus files and the reference spot finder.
#   libhdf5-103-1    Debian's HDF5 library: the NXmx master writer calls it for external links.
#   hdf5-filter-plugin  the bitshuffle/LZ4 HDF5 filter plugins, so h5py and DIALS read bitshuffle-LZ4 data.
set -euo pipefail

need=()
for pkg in python3-pyepics dials libhdf5-103-1 hdf5-filter-plugin python3-h5py; do
  dpkg -s "$pkg" >/dev/null 2>&1 || need+=("$pkg")
done

if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; else SUDO=; fi
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}"
fi
