#!/usr/bin/env bash
# Installs the system packages the tests use as real peers (idempotent):
#   python3-pyepics  EPICS base's own Channel Access client library (libca) with its Python binding,
#                    the reference peer for our Channel Access server.
#   dials            Debian's DIALS (dials.import, dials.find_spots, dials.index): the reference reader of the
#                    twin's NeXus files and the reference spot finder.
#   libhdf5-103-1    Debian's HDF5 library (libhdf5_serial.so.103): the data-file and NXmx master writers call it
#                    for direct chunk writes, external links and virtual datasets.
#   hdf5-filter-plugin  the LZ4 HDF5 filter plugin (bookworm's no longer builds bitshuffle's).
#   bitshuffle       the bitshuffle HDF5 filter plugin (32008, libh5bshuf.so in libhdf5's plugin directory), so h5py
#                    and DIALS read bitshuffle-LZ4 data; the reference for our codec's golden chunks.
#   rabbitmq-server  the real AMQP broker the FakeZocalo system tests talk to (started by scripts/rabbitmq.sh).
set -euo pipefail

need=()
for pkg in python3-pyepics dials libhdf5-103-1 hdf5-filter-plugin bitshuffle python3-h5py rabbitmq-server; do
  dpkg -s "$pkg" >/dev/null 2>&1 || need+=("$pkg")
done

if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; else SUDO=; fi
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}"
fi
