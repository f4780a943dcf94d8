"""Reading `plotline watch` sidecars while they are replaced, shared by the live benchmarks."""
import json


def sidecar(png_path):
    """The sidecar (`<png>.json`) of `png_path` as a dict, or None while it is absent or mid-write."""
    try:
        with open(png_path + ".json", "rb") as f:
            return json.loads(f.read())
    except (OSError, ValueError):
        return None
