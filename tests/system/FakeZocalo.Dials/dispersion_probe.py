"""Runs DIALS' own DispersionThreshold (dials.algorithms.image.threshold, dials.find_spots' "dispersion" algorithm
with its defaults: kernel 3,3, sigma_background 6, sigma_strong 3, global_threshold 0, min_local 2) on every image of
an experiment list imported as stills, on the image and mask dxtbx gives dials.find_spots (get_corrected_data and
get_mask: the pixel mask, the trusted range and the "no data" values read as -1). Prints one JSON line: per image, the
strong pixels' row-major indices and the threshold's time; and, given dials.find_spots' reflections, the spots per image.
Usage: dispersion_probe.py imported.expt [strong.refl]"""
import json
import sys
import time

from dials.algorithms.image.threshold import DispersionThreshold
from dials.array_family import flex
from dxtbx.model.experiment_list import ExperimentListFactory

experiments = ExperimentListFactory.from_json_file(sys.argv[1], check_format=True)
imagesets = experiments.imagesets()
# Stills converted from a sequence: one experiment per image, over one image set or one set per image.
if len(imagesets) == 1:
    frames = [(imagesets[0], index) for index in range(len(imagesets[0]))]
else:
    frames = [(experiment.imageset, 0) for experiment in experiments]
images = []
for imageset, index in frames:
    image = imageset.get_corrected_data(index)[0]
    mask = imageset.get_mask(index)[0]
    algorithm = DispersionThreshold(image.all(), (3, 3), 6, 3, 0, 2)
    result = flex.bool(flex.grid(image.all()))
    start = time.perf_counter()
    algorithm(image, mask, result)
    seconds = time.perf_counter() - start
    strong = result.as_1d().iselection()
    images.append({
        "strong": [int(i) for i in strong],
        "seconds": seconds,
        "masked": int(mask.count(False)),
        "minimum": float(flex.min(image)),
    })
out = {"width": image.all()[1], "height": image.all()[0], "images": images}
if len(sys.argv) > 2:
    table = flex.reflection_table.from_file(sys.argv[2])
    per_image = [0] * len(frames)
    for i in table["id"]:
        per_image[i] += 1
    out["spots_per_image"] = per_image
print(json.dumps(out))
