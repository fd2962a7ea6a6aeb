#!/usr/bin/python3
"""A Channel Access peer driven over stdin/stdout: EPICS base's libca (through pyepics) as the reference client.

Each line on stdin is a JSON request {"op": ..., ...}; each answer is one JSON line on stdout. The process keeps
one CA context for its whole life, so channels connect once and tests do not pay libca's start-up per call.
"""
import ctypes
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
    if isinstance(value, ctypes.Array):
        return [_plain(v) for v in value]
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


# db_access.h, written out with ctypes so that libca's own per-type byte swapping is checked against an
# independent statement of the C layout. status and severity are dbr_short_t; dbr_long_t is 32-bit.
_VALUE = [ctypes.c_char * 40, ctypes.c_int16, ctypes.c_float, ctypes.c_uint16, ctypes.c_uint8, ctypes.c_int32, ctypes.c_double]
_PAD_STS = {4: [("RISC_pad", ctypes.c_uint8)], 6: [("RISC_pad", ctypes.c_int32)]}
_PAD_TIME = {1: [("RISC_pad", ctypes.c_int16)], 3: [("RISC_pad", ctypes.c_int16)],
             4: [("RISC_pad0", ctypes.c_int16), ("RISC_pad1", ctypes.c_uint8)], 6: [("RISC_pad", ctypes.c_int32)]}
_LIMITS = ["upper_disp_limit", "lower_disp_limit", "upper_alarm_limit", "upper_warning_limit",
           "lower_warning_limit", "lower_alarm_limit"]


def _layout(dbr_type, count):
    """The ctypes structure of `count` elements of a DBR type."""
    if dbr_type in (35, 36):
        return [("value", ctypes.c_uint16 * count)]
    if dbr_type == 37:
        return [("status", ctypes.c_int16), ("severity", ctypes.c_int16), ("ackt", ctypes.c_uint16),
                ("acks", ctypes.c_uint16), ("value", (ctypes.c_char * 40) * count)]
    if dbr_type == 38:
        return [("value", (ctypes.c_char * 40) * count)]
    category, native = divmod(dbr_type, 7)
    value = [("value", _VALUE[native] * count)]
    status = [("status", ctypes.c_int16), ("severity", ctypes.c_int16)]
    if category == 0:
        return value
    if category == 1:
        return status + _PAD_STS.get(native, []) + value
    if category == 2:
        stamp = [("secs", ctypes.c_uint32), ("nsec", ctypes.c_uint32)]
        return status + stamp + _PAD_TIME.get(native, []) + value
    # graphic (3) and control (4)
    if native == 0:
        return status + value
    if native == 3:
        return status + [("no_str", ctypes.c_int16), ("strs", (ctypes.c_char * 26) * 16)] + value
    limits = _LIMITS + (["upper_ctrl_limit", "lower_ctrl_limit"] if category == 4 else [])
    head = status
    if native in (2, 6):
        head = head + [("precision", ctypes.c_int16), ("RISC_pad0", ctypes.c_int16)]
    head = head + [("units", ctypes.c_char * 8)]
    fields = head + [(name, _VALUE[native]) for name in limits]
    if native == 4:
        fields.append(("RISC_pad", ctypes.c_uint8))
    return fields + value


def _decode_field(name, raw):
    if name == "strs":
        return [bytes(s).split(b"\0")[0].decode("latin-1") for s in raw]
    if isinstance(raw, bytes):
        return raw.decode("latin-1")
    if isinstance(raw, ctypes.Array):
        items = list(raw)
        if items and isinstance(items[0], bytes) and len(items[0]) == 1:
            return bytes(raw).split(b"\0")[0].decode("latin-1")
        return [_decode_field(name, x) for x in items]
    return raw


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
    ftype = ca.promote_type(chid, use_ctrl=form == "ctrl", use_time=form == "time")
    meta = ca.get_with_metadata(chid, ftype=ftype, as_numpy=False, timeout=req.get("timeout", 5.0))
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


def op_put_string(req):
    """A DBR_STRING write whatever the native type (caput's way): the server converts, e.g. an enum label."""
    chid = channel(req["pv"], req.get("timeout", 5.0))
    data = (1 * dbr.Map[dbr.STRING])()
    data[0].value = req["value"].encode("ascii")
    status = ca.libca.ca_array_put(dbr.STRING, 1, chid, data)
    ca.PySEVCHK("put", status)
    ca.flush_io()
    return {"status": status}


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
    # Subscribed means the server has the monitor: its first update (the current value) has arrived.
    first_deadline = time.monotonic() + 10.0
    while not values and time.monotonic() < first_deadline:
        ca.poll(0.01)
    print(json.dumps({"subscribed": True}), flush=True)
    done.wait(req.get("timeout", 30.0))
    ca.clear_subscription(event_id[2])
    return {"values": values}


def op_connection_events(req):
    """A fresh channel with a connection callback: reports when connected, then the next `events` changes."""
    events = []
    done = threading.Event()

    def on_connection(pvname=None, chid=None, conn=None):
        events.append(bool(conn))
        if len(events) > req["events"]:
            done.set()

    chid = ca.create_channel(req["pv"], connect=False, auto_cb=False, callback=on_connection)
    deadline = time.monotonic() + 10.0
    while not events and time.monotonic() < deadline:
        ca.poll(0.01)
    print(json.dumps({"subscribed": bool(events)}), flush=True)
    done.wait(req.get("timeout", 30.0))
    ca.clear_channel(chid)
    return {"events": events[1:]}


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


def op_raw_get(req):
    """ca_array_get of any DBR type into a C buffer, then the fields as libca byte-swapped them."""
    chid = channel(req["pv"], req.get("timeout", 5.0))
    dbr_type = req["dbr_type"]
    count = req.get("count", 1)

    class Raw(ctypes.Structure):
        _fields_ = _layout(dbr_type, count)

    buffer = Raw()
    libca = ca.initialize_libca()
    status = libca.ca_array_get(dbr_type, count, chid, ctypes.byref(buffer))
    if status != 1:
        return {"ok": True, "status": status, "message": ca.message(status)}
    status = libca.ca_pend_io(ctypes.c_double(req.get("timeout", 5.0)))
    if status != 1:
        return {"ok": True, "status": status, "message": ca.message(status)}
    fields = {name: _decode_field(name, getattr(buffer, name)) for name, _ in Raw._fields_ if not name.startswith("RISC")}
    return {"status": status, "size": ctypes.sizeof(Raw), "fields": fields}


OPS = {
    "raw_get": op_raw_get,
    "get": op_get,
    "get_with_metadata": op_get_with_metadata,
    "info": op_info,
    "put": op_put,
    "put_string": op_put_string,
    "monitor": op_monitor,
    "connect_many": op_connect_many,
    "connection_events": op_connection_events,
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
