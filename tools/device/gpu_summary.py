#!/usr/bin/env python3
"""One JSON summary of a tools/device/gpu-check.sh run: steps (exit code, seconds), golden parity per
fixture set and precision for Droste and for diffusers on the same cases, the side-by-side speed and VRAM
peak of the UNet step and the VAE decode (ratio = Droste / diffusers: below 1 is faster), and a whole
keyframe's time and VRAM peak.
Usage: gpu_summary.py OUT_DIR"""
import json
import math
import sys


def load(path):
    """A JSON file, or the JSON last line of a log (warnings may come first); None when absent or broken."""
    try:
        with open(path) as f:
            text = f.read().strip()
    except OSError:
        return None
    for candidate in (text, text.splitlines()[-1] if text else ""):
        try:
            return json.loads(candidate)
        except ValueError:
            pass
    return None


def psnr(mse):
    return None if mse is None or mse <= 0 else round(-10 * math.log10(mse), 2)


def droste_parity(doc):
    cases = {}
    for c in doc["cases"]:
        checks = {(k["tensor"], k["metric"]): k["error"] for k in c["checks"]}
        mse = checks.get(("image", "mse"))
        cases[c["name"]] = {"passed": c["passed"], "failure": c["failure"] or None,
                            "image_abs": checks.get(("image", "abs")), "image_psnr_db": psnr(mse)}
    return {"passed": sum(c["passed"] for c in doc["cases"]), "cases": len(doc["cases"]), "by_case": cases}


def main():
    out = sys.argv[1]
    summary = {"environment": load(f"{out}/environment.log"), "steps": [], "parity": {}, "bench": {}}
    with open(f"{out}/steps.tsv") as f:
        for line in f:
            name, rc, seconds = line.rstrip("\n").split("\t")
            summary["steps"].append({"name": name, "rc": int(rc), "seconds": int(seconds)})
    for fixture_set in ("sd2", "sdxl"):
        for dtype in ("fp32", "fp16", "bf16"):
            name = f"{fixture_set}-{dtype}"
            ours, ref = load(f"{out}/parity-{name}.json"), load(f"{out}/reference-parity-{name}.json")
            if ours is None and ref is None:
                continue
            entry = {"droste": droste_parity(ours) if ours else None}
            if ref:
                entry["diffusers"] = {c["name"]: {k: c.get(k) for k in ("image_abs", "image_psnr_db", "skipped") if k in c}
                                      for c in ref["cases"]}
            summary["parity"].setdefault(fixture_set, {})[dtype] = entry
    for arch in ("sd15", "sd2", "sdxl"):
        ours, ref = load(f"{out}/bench-{arch}.json"), load(f"{out}/reference-bench-{arch}.json")
        if ours is None and ref is None:
            continue
        entry = {"droste": ours, "diffusers": ref}
        for key in ("unet_step_ms", "vae_decode_ms", "cuda_peak_mb"):
            if ours and ref and ours.get(key) and ref.get(key):
                entry[key.replace("_ms", "") + "_ratio"] = round(ours[key] / ref[key], 3)
        summary["bench"][arch] = entry
    for arch in ("sd2", "sdxl"):
        keyframe = load(f"{out}/keyframe-{arch}.json")
        if keyframe:  # a whole 25-step keyframe: its time and VRAM peak
            summary[f"keyframe_{arch}"] = {k: keyframe.get(k) for k in (
                "steps", "size", "dtype", "generation_s", "cuda_peak_mb", "vram_cap_mb", "load_s", "peak_rss_mb",
                "output_finite")}
    droste_parities = [p["droste"] for by_dtype in summary["parity"].values() for p in by_dtype.values()]
    # Every VRAM peak measured under a cap stays within it (else the cap did not take and the peak misleads).
    capped = [r for e in summary["bench"].values() for r in (e["droste"], e["diffusers"]) if r] + [
        summary[k] for k in ("keyframe_sd2", "keyframe_sdxl") if k in summary]
    over_cap = [r for r in capped if r.get("vram_cap_mb") and r.get("cuda_peak_mb") and r["cuda_peak_mb"] > r["vram_cap_mb"]]
    summary["vram_cap_held"] = not over_cap
    summary["ok"] = all(s["rc"] == 0 for s in summary["steps"]) and all(
        p and p["passed"] == p["cases"] for p in droste_parities) and not over_cap
    print(json.dumps(summary, indent=1))
    return 0 if summary["ok"] else 1


if __name__ == "__main__":
    sys.exit(main())
