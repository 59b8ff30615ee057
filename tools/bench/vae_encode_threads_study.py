#!/usr/bin/env python3
"""How far diffusers' own VAE encoding lands from the fixture goldens (made with torch 1.13) on the
torch this Python has, per intra-op thread count: the basis for checking the VAE-encode stage of
tests/core/diffusion/pipeline/inpaint_pipeline_test.cpp on one thread under libtorch 2.x.

Measured 2026-12-03 (diffusers 0.42.1, torch 2.11.0 CPU, AMD EPYC with AVX-512): every 9-channel case's
masked image, channels-last as the pipeline feeds it: mean 5.6e-3 (nonsquare 1.1e-2) on 2 threads, 8.5e-5
on 1 thread; the fixture README's tolerance is 1e-3.

Usage (in the pip build's venv, after `DROSTE_TORCH=pip ./dev.sh build` and `pip install diffusers`):
  build-pip/torch-venv/bin/python tools/bench/vae_encode_threads_study.py [FIXTURES]
"""
import glob
import json
import sys

import torch
from diffusers import AutoencoderKL
from safetensors.torch import load_file

fixtures = sys.argv[1] if len(sys.argv) > 1 else "../shared/fixtures"
models = {c["name"]: c.get("model", "tiny-sd2-inpainting")
          for f in ("pipeline_cases.json", "pipeline_cases_extra.json")
          for c in json.load(open(f"{fixtures}/goldens/{f}"))}
vaes = {}
print(f"torch {torch.__version__}")
for threads in (1, 2):
    torch.set_num_threads(threads)
    for path in sorted(glob.glob(f"{fixtures}/goldens/pipeline_*.safetensors")):
        name = path.rsplit("pipeline_", 1)[1][: -len(".safetensors")]
        if models[name].endswith(".safetensors"):
            continue  # single-file weights: the folder cases cover the same network
        vae = vaes.setdefault(models[name], AutoencoderKL.from_pretrained(f"{fixtures}/{models[name]}/vae").eval())
        golden = load_file(path)
        k = 0
        while f"vae_encode{k}.input" in golden:
            x = golden[f"vae_encode{k}.input"].contiguous(memory_format=torch.channels_last)
            with torch.no_grad():
                d = vae.encode(x).latent_dist
            mean = (d.mean - golden[f"vae_encode{k}.mean"]).abs().max().item()
            std = (d.std - golden[f"vae_encode{k}.std"]).abs().max().item()
            print(f"threads {threads}  {name:<24} encode {k}: mean {mean:.2e}  std {std:.2e}")
            k += 1
