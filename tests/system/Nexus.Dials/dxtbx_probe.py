"""Prints, as one JSON line, what DIALS' dxtbx made of an imported experiment list: models, mask, and optionally
the strong spots of a reflection file and a few raw pixels. Usage: dxtbx_probe.py imported.expt [strong.refl]
[--pixels image:fast:slow,...]"""
import json
import sys

from dxtbx.model.experiment_list import ExperimentListFactory

args = [a for a in sys.argv[1:] if not a.startswith("--")]
options = dict(a[2:].split("=", 1) for a in sys.argv[1:] if a.startswith("--"))
experiments = ExperimentListFactory.from_json_file(args[0], check_format=True)
e = experiments[0]
panel = e.detector[0]
beam = e.beam
out = {
    "experiments": len(experiments),
    "imagesets": len(experiments.imagesets()),
    "format": type(e.imageset.get_format_class()).__name__ if not isinstance(e.imageset.get_format_class(), type) else e.imageset.get_format_class().__name__,
    "panels": len(e.detector),
    "image_size": list(panel.get_image_size()),
    "pixel_size": list(panel.get_pixel_size()),
    "distance": panel.get_distance(),
    "fast_axis": list(panel.get_fast_axis()),
    "slow_axis": list(panel.get_slow_axis()),
    "origin": list(panel.get_origin()),
    "beam_centre_px": list(panel.get_beam_centre_px(beam.get_s0())),
    "beam_centre_mm": list(panel.get_beam_centre(beam.get_s0())),
    "trusted_range": list(panel.get_trusted_range()),
    "material": panel.get_material(),
    "thickness": panel.get_thickness(),
    "wavelength": beam.get_wavelength(),
    "images": sum(len(x) for x in experiments.imagesets()),
}
if e.scan is not None:
    out["image_range"] = list(e.scan.get_image_range())
    out["oscillation"] = list(e.scan.get_oscillation())
    out["exposure_time"] = e.scan.get_exposure_times()[0]
if e.goniometer is not None:
    out["rotation_axis"] = list(e.goniometer.get_rotation_axis())
mask = e.imageset.get_mask(0)[0]
out["masked"] = mask.count(False)
if "pixels" in options:
    values = []
    for item in options["pixels"].split(","):
        image, fast, slow = (int(v) for v in item.split(":"))
        data = e.imageset.get_raw_data(image)[0]
        values.append(int(data[slow * panel.get_image_size()[0] + fast]))
    out["pixels"] = values
if len(args) > 1:
    from dials.array_family import flex

    table = flex.reflection_table.from_file(args[1])
    out["spots"] = [list(v) for v in table["xyzobs.px.value"]]
print(json.dumps(out))
