#!/usr/bin/env python3
"""The reference side of Droste's speed comparisons: diffusers' own UNet2DConditionModel and AutoencoderKL
(with whatever attention diffusers picks on this torch: scaled_dot_product_attention on 2.x), built from
the configs `droste-bench configs` writes, random weights, timed exactly like `droste-bench bench`:
one UNet step at classifier-free-guidance batch 2 (9-channel inpainting input, 77 tokens) and one VAE
decode of a batch-1 latent; median of --repeats after --warmup. Prints the same JSON keys as
`droste-bench bench --json`.

Usage: diffusers_bench.py --configs DIR [--size 512] [--device cpu|cuda] [--dtype fp32|bf16|fp16]
                          [--repeats 3] [--warmup 1] [--threads N] [--only unet,vae-decode] [--vram-cap-mb N]
--vram-cap-mb: on CUDA the allocator hands out at most N MiB (torch.cuda.set_per_process_memory_fraction), as
`droste-bench bench --vram-cap-mb` does.
"""
import argparse
import json
import resource
import statistics
import sys
import time

import torch
from diffusers import AutoencoderKL, UNet2DConditionModel

DTYPES = {"fp32": torch.float32, "bf16": torch.bfloat16, "fp16": torch.float16}


def timed(fn, device, warmup, repeats):
    """Median wall and process-CPU milliseconds of fn."""
    def sync():
        if device == "cuda":
            torch.cuda.synchronize()

    for _ in range(warmup):
        fn()
    sync()
    wall, cpu = [], []
    for _ in range(repeats):
        start, start_cpu = time.perf_counter(), time.process_time()
        fn()
        sync()
        wall.append((time.perf_counter() - start) * 1000.0)
        cpu.append((time.process_time() - start_cpu) * 1000.0)
    return statistics.median(wall), statistics.median(cpu)


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--configs", required=True, help="folder written by `droste-bench configs`")
    p.add_argument("--size", type=int, default=512)
    p.add_argument("--device", default="cpu", choices=["cpu", "cuda"])
    p.add_argument("--dtype", default="fp32", choices=sorted(DTYPES))
    p.add_argument("--repeats", type=int, default=3)
    p.add_argument("--warmup", type=int, default=1)
    p.add_argument("--threads", type=int, default=0)
    p.add_argument("--only", default="unet,vae-decode")
    p.add_argument("--vram-cap-mb", type=float, default=None)
    a = p.parse_args()
    if a.vram_cap_mb is not None and a.device != "cuda":
        p.error("--vram-cap-mb needs --device cuda")
    if a.threads > 0:
        torch.set_num_threads(a.threads)
    if a.device == "cuda":
        # The same parity settings as droste-bench: no TF32 for fp32 work.
        torch.backends.cuda.matmul.allow_tf32 = False
        torch.backends.cudnn.allow_tf32 = False
        torch.backends.cudnn.benchmark = True
        if a.vram_cap_mb is not None:
            total = torch.cuda.get_device_properties(0).total_memory
            torch.cuda.set_per_process_memory_fraction(a.vram_cap_mb * 2**20 / total)
    dtype = DTYPES[a.dtype]
    parts = a.only.split(",")
    latent = a.size // 8
    torch.manual_seed(0)
    result = {"unet_step_ms": None, "vae_decode_ms": None, "device": a.device, "dtype": a.dtype,
              "threads": torch.get_num_threads(), "torch": torch.__version__,
              "diffusers": __import__("diffusers").__version__, "vram_cap_mb": a.vram_cap_mb}
    with torch.inference_mode():
        if "unet" in parts:
            config = json.load(open(f"{a.configs}/unet/config.json"))
            unet = UNet2DConditionModel.from_config(config).to(a.device, dtype).eval()
            sample = torch.randn(2, config["in_channels"], latent, latent, device=a.device, dtype=dtype)
            context = torch.randn(2, 77, config["cross_attention_dim"], device=a.device, dtype=dtype)
            t = torch.tensor(500.0, device=a.device)
            added = None  # SDXL: pooled text embeddings and the size/crop ids of a square picture
            if config.get("addition_embed_type") == "text_time":
                pooled = config["projection_class_embeddings_input_dim"] - 6 * config["addition_time_embed_dim"]
                added = {"text_embeds": torch.randn(2, pooled, device=a.device, dtype=dtype),
                         "time_ids": torch.tensor([[a.size, a.size, 0, 0, a.size, a.size]] * 2,
                                                  device=a.device, dtype=dtype)}
            result["unet_attention"] = type(next(iter(unet.attn_processors.values()))).__name__
            result["unet_step_ms"], result["unet_step_cpu_ms"] = timed(
                lambda: unet(sample, t, encoder_hidden_states=context, added_cond_kwargs=added).sample,
                a.device, a.warmup, a.repeats)
            del unet
        if "vae-decode" in parts:
            vae_config = json.load(open(f"{a.configs}/vae/config.json"))
            # As the SDXL pipelines: an fp16 run decodes with a force_upcast VAE in fp32.
            vae_dtype = torch.float32 if dtype == torch.float16 and vae_config.get("force_upcast") else dtype
            vae = AutoencoderKL.from_config(vae_config).to(a.device, vae_dtype).eval()
            z = torch.randn(1, 4, latent, latent, device=a.device, dtype=vae_dtype)
            result["vae_decode_ms"], result["vae_decode_cpu_ms"] = timed(
                lambda: vae.decode(z).sample, a.device, a.warmup, a.repeats)
    result["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0
    if a.device == "cuda":
        result["cuda_peak_mb"] = torch.cuda.max_memory_allocated() / 2**20
    print(json.dumps(result))


if __name__ == "__main__":
    sys.exit(main())
