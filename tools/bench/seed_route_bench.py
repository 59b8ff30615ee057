#!/usr/bin/python3
"""900-frame 512x512 H.264 export: Droste (droste-cli render) against the seed's route.

The seed's route, reimplemented from its description: interpolate every in-between frame with
Pillow (crop the outer keyframe with a border moving linearly in pixels, resize with bicubic,
paste the inner keyframe resized), write each frame as a PNG, then run the ffmpeg program
with libx264's defaults (CRF 23, preset medium; -pix_fmt yuv420p so players accept it).

The keyframe chain is made as a perfect outpainter would: keyframe k is the Mandelbrot set
(Pillow's effect_mandelbrot, coloured) at width w0 * ((S + 2p) / S) ** k around one centre.

Usage: tools/bench/seed_route_bench.py [--cli build-render/app/droste-cli] [--work /tmp/droste-seed-bench]
Needs python3-pil (Debian's /usr/bin/python3) and the ffmpeg program. Prints both times and the ratio.
"""
import argparse
import os
import resource
import shutil
import subprocess
import sys
import time

from PIL import Image, ImageOps

S, P = 512, 128
RATIO = (S + 2 * P) / S
STEPS, FPS = 30, 30  # 30 steps x 30 frames + 1 = 901 frames (30 s at 30 fps)
CENTRE = (-0.743643887037151, 0.131825904205330)


def make_chain(folder):
    os.makedirs(folder, exist_ok=True)
    w0 = 3.0 / RATIO ** STEPS
    chain = []
    for k in range(STEPS + 1):
        w = w0 * RATIO ** k
        # Pillow samples each pixel at its top-left corner: shift half a pixel so samples sit at pixel
        # centres and every keyframe lines up exactly with the next one's centre.
        half = w / (2 * S)
        extent = (CENTRE[0] - w / 2 + half, CENTRE[1] - w / 2 + half, CENTRE[0] + w / 2 + half, CENTRE[1] + w / 2 + half)
        grey = Image.effect_mandelbrot((S, S), extent, 400)
        img = ImageOps.colorize(grey, black="#0b0630", white="#fff4d6", mid="#d2452f")
        img.save(os.path.join(folder, f"{k:04d}.png"))
        chain.append(img)
    return chain


def seed_route(chain, folder, out):
    os.makedirs(folder, exist_ok=True)
    t0 = time.monotonic()
    inner_span = S / RATIO
    index = 0
    for k in range(STEPS):
        for j in range(FPS):
            t = j / FPS
            crop = inner_span + t * (S - inner_span)  # linear in pixels
            b = round((S - crop) / 2)
            frame = chain[k + 1].crop((b, b, S - b, S - b)).resize((S, S), Image.BICUBIC)
            inner = round(inner_span * S / (S - 2 * b))
            frame.paste(chain[k].resize((inner, inner), Image.BICUBIC), ((S - inner) // 2, (S - inner) // 2))
            frame.save(os.path.join(folder, f"frame_{index:05d}.png"))
            index += 1
    chain[STEPS].save(os.path.join(folder, f"frame_{index:05d}.png"))
    t1 = time.monotonic()
    subprocess.run(["ffmpeg", "-loglevel", "error", "-y", "-framerate", str(FPS), "-i", os.path.join(folder, "frame_%05d.png"),
                    "-c:v", "libx264", "-pix_fmt", "yuv420p", out], check=True)
    t2 = time.monotonic()
    return t2 - t0, t1 - t0, t2 - t1, index + 1


def loadavg():
    with open("/proc/loadavg") as f:
        return " ".join(f.read().split()[:3])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cli", default="build-render/app/droste-cli")
    ap.add_argument("--work", default="/tmp/droste-seed-bench")
    args = ap.parse_args()
    shutil.rmtree(args.work, ignore_errors=True)
    keyframes = os.path.join(args.work, "keyframes")
    print(f"making {STEPS + 1} keyframes ({S} px, ring {P})...", flush=True)
    chain = make_chain(keyframes)

    def cpu():  # CPU seconds of this script and its finished children: comparable on a busy machine
        me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
        return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime

    results = {}
    for label, extra in (("droste (default preset)", []), ("droste --preset medium", ["--preset", "medium"])):
        print(f"load before {label}: {loadavg()}", flush=True)
        t0, c0 = time.monotonic(), cpu()
        subprocess.run([args.cli, "render", keyframes, "--outpaint", str(P), "--output", os.path.join(args.work, "droste.mp4"),
                        "--fps", str(FPS), "--seconds-per-keyframe", "1", "--size", str(S)] + extra,
                       check=True, stderr=subprocess.DEVNULL)
        results[label] = (time.monotonic() - t0, cpu() - c0)
        print(f"{label}: {results[label][0]:.2f} s wall, {results[label][1]:.2f} s CPU (load {loadavg()})", flush=True)

    c0 = cpu()
    seed_total, seed_frames, seed_encode, count = seed_route(chain, os.path.join(args.work, "seed_frames"),
                                                             os.path.join(args.work, "seed.mp4"))
    seed_cpu = cpu() - c0
    print(f"seed route: {seed_total:.2f} s wall, {seed_cpu:.2f} s CPU for {count} frames (Pillow + PNGs {seed_frames:.2f} s,"
          f" ffmpeg {seed_encode:.2f} s) (load {loadavg()})")
    for label, (wall, cpu_s) in results.items():
        print(f"{label}: {seed_total / wall:.1f}x faster in wall time, {seed_cpu / cpu_s:.1f}x less CPU")
    return 0


if __name__ == "__main__":
    sys.exit(main())
