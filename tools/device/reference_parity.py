#!/usr/bin/env python3
"""diffusers' own inpainting pipeline (the class its model_index.json names: StableDiffusionInpaintPipeline,
StableDiffusionXLInpaintPipeline) on the pipeline goldens, in a given precision and device: how far the
reference itself lands from its float32 CPU goldens. This is the yardstick for Droste's fp16 and bf16 runs
(tools/device/README.md): the fixtures' tolerances are for float32 only.

Recipe: ../shared/fixtures/goldens/README.md section 6 and tests/fixtures/sdxl/README.md - the case's model
folder (with the UNet of the case's "unet" folder swapped in where it names one), its scheduler class and
config, image_u8/mask_u8 from the golden file as PIL images, height/width given, output_type "np", draws
from one CPU generator seeded with the case's seed.

Usage: reference_parity.py --fixtures DIR [--device cuda] [--dtype fp16] [--case NAME]... > result.json
"""
import argparse
import json
import math
import os
import sys

import torch
from PIL import Image
from safetensors.torch import load_file

import diffusers

DTYPES = {"fp32": torch.float32, "bf16": torch.bfloat16, "fp16": torch.float16}


def cases(fixtures, only):
    for name in ("pipeline_cases.json", "pipeline_cases_extra.json"):
        if name.endswith("_extra.json") and not os.path.exists(f"{fixtures}/goldens/{name}"):
            continue  # only the SD1/SD2 fixtures have extra cases
        text = open(f"{fixtures}/goldens/{name}").read()
        for case in json.loads(text):  # Python reads the -Infinity some values hold
            if not only or case["name"] in only:
                yield case


def load_pipeline(folder, unet_folder, dtype):
    """The folder's pipeline class as the goldens were made: no safety checker, no watermark."""
    with open(f"{folder}/model_index.json") as f:
        pipeline_class = getattr(diffusers, json.load(f)["_class_name"])
    components, options = pipeline_class._get_signature_keys(pipeline_class)
    extra = {"safety_checker": None, "requires_safety_checker": False} if "safety_checker" in components else {}
    if "add_watermarker" in options:
        extra["add_watermarker"] = False  # SDXL: a watermark would change the picture (the goldens have none)
    if unet_folder:  # the base model's 4-channel UNet in the inpainting pipeline (the fixtures' base cases)
        extra["unet"] = diffusers.UNet2DConditionModel.from_pretrained(unet_folder, torch_dtype=dtype)
    return pipeline_class.from_pretrained(folder, torch_dtype=dtype, **extra)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--fixtures", required=True)
    p.add_argument("--device", default="cuda")
    p.add_argument("--dtype", default="fp16", choices=sorted(DTYPES))
    p.add_argument("--case", action="append", default=[])
    a = p.parse_args()
    if a.device == "cuda":
        torch.backends.cuda.matmul.allow_tf32 = False
        torch.backends.cudnn.allow_tf32 = False
    dtype = DTYPES[a.dtype]
    pipes, results = {}, []
    for case in cases(a.fixtures, set(a.case)):
        if case.get("model", "tiny-sd2-inpainting").endswith(".safetensors"):
            results.append({"name": case["name"], "skipped": "single-file case: the folder cases cover the networks"})
            continue
        folder = f"{a.fixtures}/{case.get('model', 'tiny-sd2-inpainting')}"
        key = (folder, case.get("unet"))
        if key not in pipes:
            pipes[key] = load_pipeline(folder, case.get("unet") and f"{a.fixtures}/{case['unet']}", dtype).to(a.device)
            pipes[key].set_progress_bar_config(disable=True)
        pipe = pipes[key]
        default_scheduler = pipe.scheduler
        if case["scheduler"] != "default":
            pipe.scheduler = getattr(diffusers, case["scheduler_class"]).from_config(case["scheduler_config"])
        golden = load_file(f"{a.fixtures}/goldens/pipeline_{case['name']}.safetensors")
        image = pipe(prompt=case["prompt"], negative_prompt=case["negative_prompt"],
                     image=Image.fromarray(golden["image_u8"].numpy()), mask_image=Image.fromarray(golden["mask_u8"].numpy()),
                     height=case["height"], width=case["width"], num_inference_steps=case["steps"],
                     guidance_scale=case["guidance_scale"], strength=case["strength"],
                     generator=torch.Generator("cpu").manual_seed(case["seed"]), output_type="np").images
        pipe.scheduler = default_scheduler
        diff = (torch.from_numpy(image).double() - golden["image"].double()).abs()
        error, mean = float(diff.max()), float(diff.mean())
        psnr = 10 * math.log10(1.0 / max(float(diff.square().mean()), 1e-20))
        finite = math.isfinite(error)
        results.append({"name": case["name"], "image_abs": error if finite else None,
                        "image_mean_abs": mean if finite else None, "image_psnr_db": psnr if finite else None})
        print(f"{case['name']}: image abs {error:.3e}, mean {mean:.3e}, psnr {psnr:.2f} dB", file=sys.stderr)
    print(json.dumps({"device": a.device, "dtype": a.dtype, "torch": torch.__version__,
                      "diffusers": diffusers.__version__, "cases": results}))


if __name__ == "__main__":
    main()
