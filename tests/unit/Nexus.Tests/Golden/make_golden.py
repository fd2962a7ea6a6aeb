#!/usr/bin/python3
"""Regenerates the golden bitshuffle-LZ4 chunks from the real filter: Debian's bitshuffle package (0.3.5, its HDF5
plugin in /usr/lib/x86_64-linux-gnu/hdf5/serial/plugins) driven through h5py. Each case writes NAME.raw (the
little-endian elements) and NAME.bslz4 (the raw chunk the plugin stored, read back with read_direct_chunk), and
cases.json lists them with their element size and the filter's stored cd_values."""
import json
import os

import h5py
import numpy as np

here = os.path.dirname(os.path.abspath(__file__))
rng = np.random.default_rng(20240611)


def eiger_like(h, w):
    a = rng.poisson(0.3, size=(h, w)).astype(np.uint32)
    for _ in range(6):
        y, x = rng.integers(8, h - 8), rng.integers(8, w - 8)
        yy, xx = np.mgrid[-4:5, -4:5]
        a[y - 4:y + 5, x - 4:x + 5] += (500 * np.exp(-(yy**2 + xx**2) / 3.0)).astype(np.uint32)
    a[:, 100:112] = 0xFFFFFFFF  # a module gap
    return a


cases = {
    "u8_37x53_one_short_block_and_a_leftover": rng.poisson(2, size=(37, 53)).astype(np.uint8),
    "u16_100x131_three_blocks_short_block_leftover": rng.poisson(20, size=(100, 131)).astype(np.uint16),
    "u32_61x67_one_block_short_block_leftover": rng.poisson(5, size=(61, 67)).astype(np.uint32),
    "u32_64x96_whole_blocks": rng.poisson(1, size=(64, 96)).astype(np.uint32),
    "u32_256x256_eiger_like": eiger_like(256, 256),
    "u16_40x40_incompressible": rng.integers(0, 65536, size=(40, 40)).astype(np.uint16),
    "u32_5_only_leftover": np.array([1, 2, 3, 0xFFFFFFFF, 7], dtype=np.uint32),
    "u32_3x2000_zeros": np.zeros((3, 2000), dtype=np.uint32),
}

manifest = []
path = os.path.join("/tmp", "bslz4_golden.h5")
for name, data in cases.items():
    with h5py.File(path, "w") as f:
        d = f.create_dataset("d", data=data, chunks=data.shape, compression=32008, compression_opts=(0, 2))
        cd_values = [int(v) for v in d.id.get_create_plist().get_filter(0)[2]]
    with h5py.File(path, "r") as f:
        mask, chunk = f["d"].id.read_direct_chunk((0,) * data.ndim)
    assert mask == 0
    data.astype(data.dtype.newbyteorder("<")).tofile(os.path.join(here, name + ".raw"))
    with open(os.path.join(here, name + ".bslz4"), "wb") as out:
        out.write(chunk)
    manifest.append({"name": name, "elementSize": data.dtype.itemsize, "cdValues": cd_values})
os.remove(path)
with open(os.path.join(here, "cases.json"), "w") as out:
    json.dump(manifest, out, indent=2)
    out.write("\n")
