#!/usr/bin/python3
"""A Channel Access peer driven over stdin/stdout: EPICS base's libca (through pyepics) as the reference client.

Each line on stdin is a JSON request {"op": ..., ...}; each answer is one JSON line on stdout. The process keeps
one CA context for its whole life, so channels connect once and tests do not pay libca's start-up per call.
"""
import json
import sys
import threading
import time

import epics
import epics.ca as ca
import epics.dbr as dbr


def _plain(value):
    if hasattr(value, "tolist"):
        return value.tolist()
    if isinstance(value, bytes):
        return value.decode("latin-1")
    return value


def _chid(pvname, timeout):
    chid = ca.create_channel(pvname, connect=False, auto_cb=False)
    if not ca.connect_channel(chid, timeout=timeout):
        raise TimeoutError(f"{pvname} did not connect within {timeout} s")
    return chid


CHANNELS = {}


def channel(pvname, timeout=5.0):
    chid = CHANNELS.get(pvname)
    if chid is None:
        chid = _chid(pvname, timeout)
        CHANNELS[pvname] = chid
    return chid


def op_get(req):
    chid = channel(req["pv"], req.get("timeout", 5.0))
    ftype = req.get("ftype")
    count = req.get("count")
    if ftype is not None:
        value = ca.get(chid, ftype=ftype, count=count, as_string=False, timeout=req.get("timeout", 5.0), as_numpy=False)
    else:
        value = ca.get(chid, count=count, as_string=req.get("as_string", False), timeout=req.get("timeout", 5.0), as_numpy=False)
    return {"value": _plain(value)}


def op_get_with_metadata(req):
    chid = channel(req["pv"], req.get("timeout", 5.0))
    form = req.get("form", "ctrl")
    meta = ca.get_with_metadata(chid, form=form, as_numpy=False, timeout=req.get("timeout", 5.0))
    return {k: _plain(v) for k, v in meta.items() if k not in ("chid",)}


def op_info(req):
    chid = channel(req["pv"], req.get("timeout", 5.0))
    return {
        "field_type": ca.field_type(chid),
        "type_name": dbr.Name(ca.field_type(chid)),
        "count": ca.element_count(chid),
        "read_access": bool(ca.read_access(chid)),
        "write_access": bool(ca.write_access(chid)),
        "host": ca.host_name(chid),
    }


def op_put(req):
    chid = channel(req["pv"], req.get("timeout", 5.0))
    done = threading.Event()
    started = time.monotonic()
    if req.get("wait"):
        status = ca.put(chid, req["value"], wait=True, timeout=req.get("timeout", 10.0))
    else:
        status = ca.put(chid, req["value"], wait=False)
        ca.flush_io()
    return {"status": status, "elapsed": time.monotonic() - started}


def op_monitor(req):
    chid = channel(req["pv"], req.get("timeout", 5.0))
    wanted = req["updates"]
    values = []
    done = threading.Event()

    def on_update(pvname=None, value=None, **kw):
        values.append(_plain(value))
        if len(values) >= wanted:
            done.set()

    mask = req.get("mask", dbr.DBE_VALUE | dbr.DBE_ALARM)
    event_id = ca.create_subscription(chid, use_time=True, mask=mask, callback=on_update)
    print(json.dumps({"subscribed": True}), flush=True)
    done.wait(req.get("timeout", 30.0))
    ca.clear_subscription(event_id[2])
    return {"values": values}


def op_connect_many(req):
    names = req["pvs"]
    started = time.monotonic()
    chids = [ca.create_channel(n, connect=False, auto_cb=False) for n in names]
    deadline = started + req.get("timeout", 30.0)
    connected = 0
    for chid in chids:
        if ca.connect_channel(chid, timeout=max(0.001, deadline - time.monotonic())):
            connected += 1
    return {"connected": connected, "seconds": time.monotonic() - started}


OPS = {
    "get": op_get,
    "get_with_metadata": op_get_with_metadata,
    "info": op_info,
    "put": op_put,
    "monitor": op_monitor,
    "connect_many": op_connect_many,
}


def main():
    ca.initialize_libca()
    print(json.dumps({"ready": True, "pyepics": epics.__version__}), flush=True)
    for line in sys.stdin:
        line = line.strip()
        if not line:
            continue
        req = json.loads(line)
        try:
            result = OPS[req["op"]](req)
            result["ok"] = True
        except Exception as exc:  # reported to the test, which asserts on it
            result = {"ok": False, "error": f"{type(exc).__name__}: {exc}"}
        print(json.dumps(result), flush=True)


if __name__ == "__main__":
    main()
