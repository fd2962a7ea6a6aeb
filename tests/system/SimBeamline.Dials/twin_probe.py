"""Prints, as one JSON line, what DIALS found on the twin's frames: strong spots per image (from a reflection file
and the experiment list it was found on) and, given an indexed experiment list, the crystal's unit cell.
Usage: twin_probe.py imported.expt strong.refl [indexed.expt]"""
import json
import sys

from dials.array_family import flex
from dxtbx.model.experiment_list import ExperimentListFactory

experiments = ExperimentListFactory.from_json_file(sys.argv[1], check_format=False)
table = flex.reflection_table.from_file(sys.argv[2])
images = sum(len(x) for x in experiments.imagesets())
per_image = [0] * max(images, len(experiments))
if len(experiments) > 1:
    # Stills: one experiment per image; each spot names its experiment.
    for i in table["id"]:
        per_image[i] += 1
else:
    first = experiments[0].scan.get_array_range()[0] if experiments[0].scan is not None else 0
    for (_, _, z) in table["xyzobs.px.value"]:
        per_image[int(z) - first] += 1
out = {"images": images, "spots_per_image": per_image}
if len(sys.argv) > 3:
    indexed = ExperimentListFactory.from_json_file(sys.argv[3], check_format=False)
    out["unit_cell"] = list(indexed[0].crystal.get_unit_cell().parameters())
    out["space_group"] = str(indexed[0].crystal.get_space_group().info())
print(json.dumps(out))
