"""Models that misbehave on purpose, for the bridge's error-handling tests."""
import json
import math
import struct

from submodel_uq_worker.plate_impact import PlateImpactModel


class ShortReply(PlateImpactModel):
    """Returns one float64 too few."""

    def run(self, sample_json):
        return super().run(sample_json)[:-8]


class NanFromSampleTwo(PlateImpactModel):
    """Puts a NaN in the first trace value of every sample from index 2 on."""

    def run(self, sample_json):
        reply = bytearray(super().run(sample_json))
        if json.loads(sample_json)["index"] >= 2:
            reply[0:8] = struct.pack("<d", math.nan)
        return bytes(reply)


class RaisesOnSampleOne(PlateImpactModel):
    """Fails with a Python error on sample 1."""

    def run(self, sample_json):
        if json.loads(sample_json)["index"] == 1:
            raise ValueError("the mesh of sample 1 is tangled")
        return super().run(sample_json)
