"""Reads our files with h5py and Debian's bitshuffle plugin (the reference HDF5 stack) and prints one JSON line.
Usage:
  h5py_probe.py data FILE             /data's filter pipeline, shape, chunks, attributes, per-frame sums and the
                                      SHA-256 of every raw chunk (read_direct_chunk)
  h5py_probe.py master FILE           the virtual dataset's shape and per-frame sums, read from another directory
  h5py_probe.py compress DTYPE H W N SEED OUT
                                      writes N seeded frames through the plugin (h5py compression=32008) and saves
                                      the raw frames and the raw chunks to OUT.raw / OUT.chunks with their lengths"""
import hashlib
import json
import os
import sys

import h5py
import numpy as np

mode = sys.argv[1]
if mode == "data":
    with h5py.File(sys.argv[2], "r") as f:
        d = f["data"]
        plist = d.id.get_create_plist()
        filters = [plist.get_filter(i) for i in range(plist.get_nfilters())]
        chunks = []
        for i in range(d.shape[0]):
            mask, raw = d.id.read_direct_chunk((i, 0, 0))
            chunks.append(hashlib.sha256(raw).hexdigest())
        out = {
            "shape": list(d.shape),
            "maxshape": [m if m is not None else -1 for m in d.maxshape],
            "chunks": list(d.chunks),
            "dtype": str(d.dtype),
            "filters": [[int(f[0]), int(f[1]), [int(v) for v in f[2]]] for f in filters],
            "image_nr_low": int(d.attrs["image_nr_low"]),
            "image_nr_high": int(d.attrs["image_nr_high"]),
            "sums": [int(d[i].astype(np.uint64).sum()) for i in range(d.shape[0])],
            "chunk_sha256": chunks,
        }
elif mode == "master":
    path = os.path.abspath(sys.argv[2])
    os.chdir("/")
    with h5py.File(path, "r") as f:
        v = f["entry/data/data"]
        out = {
            "virtual": v.is_virtual,
            "shape": list(v.shape),
            "sums": [int(v[i].astype(np.uint64).sum()) for i in range(v.shape[0])],
            "links": sorted(k for k in f["entry/data"].keys() if k.startswith("data_")),
            "definition": f["entry/definition"][()].decode(),
            "mask_filters": list(f["entry/instrument/detector/pixel_mask"]._filters.keys()),
            "masked": int((f["entry/instrument/detector/pixel_mask"][()] != 0).sum()),
            "depends_on": {
                name: f["entry/sample/transformations/" + name].attrs["depends_on"].decode()
                for name in ("omega", "sam_z", "sam_y", "sam_x")
            },
        }
        for name in ("omega", "sam_x", "sam_y", "sam_z"):
            out[name] = [float(v) for v in f["entry/sample/transformations/" + name][()]]
elif mode == "compress":
    dtype, h, w, n, seed, target = sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5]), int(sys.argv[6]), sys.argv[7]
    rng = np.random.default_rng(seed)
    frames = rng.poisson(0.4, size=(n, h, w)).astype(dtype)
    for i in range(n):
        frames[i, rng.integers(0, h, 20), rng.integers(0, w, 20)] = rng.integers(100, np.iinfo(dtype).max, 20, dtype=dtype)
    with h5py.File(target + ".h5", "w") as f:
        f.create_dataset("data", data=frames, chunks=(1, h, w), compression=32008, compression_opts=(0, 2))
    lengths = []
    with h5py.File(target + ".h5", "r") as f, open(target + ".chunks", "wb") as out_chunks:
        for i in range(n):
            _, raw = f["data"].id.read_direct_chunk((i, 0, 0))
            out_chunks.write(raw)
            lengths.append(len(raw))
    frames.astype(frames.dtype.newbyteorder("<")).tofile(target + ".raw")
    out = {"lengths": lengths}
else:
    raise SystemExit(f"unknown mode {mode}")
print(json.dumps(out))
