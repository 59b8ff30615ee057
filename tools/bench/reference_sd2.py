#!/usr/bin/python3
"""Reference speed of Stable Diffusion 2 (inpainting) components in plain PyTorch eager mode.

The network is written here the way diffusers v0.31 computes it (UNet2DConditionModel, AutoencoderKL,
and the CLIP text tower), because diffusers itself cannot be installed on this machine: same modules,
same parameter names, same operation order - GroupNorm / SiLU / Conv2d, Transformer2DModel with linear
projections, attention as diffusers' default `AttnProcessor` computes it on torch 1.13 (torch 1.13's
Python has no `F.scaled_dot_product_attention`, so diffusers picks AttnProcessor, not AttnProcessor2_0):
`baddbmm(empty, q, k^T, beta=0, alpha=scale) -> softmax -> bmm`.

It answers "how fast is the reference" for droste-bench's `bench` (same JSON keys: text_encoder_ms,
unet_step_ms, vae_encode_ms, vae_decode_ms, peak_rss_mb, device, dtype) and proves it is the same
network with --check-fixtures: the tiny fixture model's weights are loaded into these modules and the
outputs compared with the fixture goldens (which were made with the real diffusers).

Requirements (Debian 12): `apt-get install python3-torch` (1.13.1 = the libtorch of libtorch-dev).
Nothing else: safetensors files are parsed with json + torch.frombuffer. Debian's torch is in the system
interpreter: run it as /usr/bin/python3 (a pyenv/venv `python3` first in PATH will not see it).

Examples:
  python3 tools/bench/reference_sd2.py --size 512 --repeats 3 --json            # fp32, 2 threads
  python3 tools/bench/reference_sd2.py --size 512 --dtype bf16 --only unet
  python3 tools/bench/reference_sd2.py --check-fixtures ../shared/fixtures
"""

import argparse
import json
import math
import os
import resource
import statistics
import struct
import sys
import time

import torch
import torch.nn.functional as F
from torch import nn

# ---------------------------------------------------------------------------------------------
# Configuration (stabilityai/stable-diffusion-2-inpainting, see shared/fixtures/README.md)

SD2_UNET = dict(in_channels=9, out_channels=4, block_out_channels=[320, 640, 1280, 1280], layers_per_block=2,
                attention_head_dim=[5, 10, 20, 20], cross_attention_dim=1024, norm_num_groups=32, norm_eps=1e-5,
                use_linear_projection=True, flip_sin_to_cos=True, freq_shift=0)
SD2_VAE = dict(in_channels=3, out_channels=3, latent_channels=4, block_out_channels=[128, 256, 512, 512],
               layers_per_block=2, norm_num_groups=32, scaling_factor=0.18215)
SD2_TEXT = dict(hidden_size=1024, intermediate_size=4096, num_hidden_layers=23, num_attention_heads=16,
                vocab_size=49408, max_position_embeddings=77, hidden_act="gelu", layer_norm_eps=1e-5)

# diffusers' get_attention_scores starts baddbmm from torch.empty with beta=0. On torch 1.13 CPU the
# uninitialised memory can leak through as NaN (shared/BUILD-NOTES.md gotcha 6); the fixture check
# starts from zeros instead (same arithmetic, one extra memset), the benchmark stays faithful.
BADDBMM_ZEROS = False


# ---------------------------------------------------------------------------------------------
# Building blocks (diffusers: attention_processor.py, resnet.py, downsampling.py, upsampling.py,
# attention.py, transformers/transformer_2d.py, embeddings.py)

class Attention(nn.Module):
    """diffusers Attention + AttnProcessor (the default on torch < 2.0)."""

    def __init__(self, query_dim, heads, dim_head, cross_attention_dim=None, bias=False, out_bias=True,
                 upcast_softmax=False, norm_num_groups=None, eps=1e-5, residual_connection=False):
        super().__init__()
        inner = heads * dim_head
        self.heads = heads
        self.scale = dim_head ** -0.5
        self.upcast_softmax = upcast_softmax
        self.residual_connection = residual_connection
        self.group_norm = nn.GroupNorm(norm_num_groups, query_dim, eps=eps, affine=True) if norm_num_groups else None
        kv_dim = cross_attention_dim or query_dim
        self.to_q = nn.Linear(query_dim, inner, bias=bias)
        self.to_k = nn.Linear(kv_dim, inner, bias=bias)
        self.to_v = nn.Linear(kv_dim, inner, bias=bias)
        self.to_out = nn.ModuleList([nn.Linear(inner, query_dim, bias=out_bias), nn.Dropout(0.0)])

    def head_to_batch_dim(self, x):
        b, n, d = x.shape
        return x.reshape(b, n, self.heads, d // self.heads).permute(0, 2, 1, 3).reshape(b * self.heads, n, d // self.heads)

    def batch_to_head_dim(self, x):
        bh, n, d = x.shape
        return x.reshape(bh // self.heads, self.heads, n, d).permute(0, 2, 1, 3).reshape(bh // self.heads, n, d * self.heads)

    def attention_scores(self, q, k):
        dtype = q.dtype  # (upcast_attention, which would upcast q and k too, is False for SD2-inpainting)
        make = torch.zeros if BADDBMM_ZEROS else torch.empty
        start = make(q.shape[0], q.shape[1], k.shape[1], dtype=q.dtype, device=q.device)
        scores = torch.baddbmm(start, q, k.transpose(-1, -2), beta=0, alpha=self.scale)
        del start
        if self.upcast_softmax:
            scores = scores.float()
        probs = scores.softmax(dim=-1)
        del scores
        return probs.to(dtype)

    def forward(self, hidden_states, encoder_hidden_states=None):
        residual = hidden_states
        ndim = hidden_states.ndim
        if ndim == 4:
            b, c, h, w = hidden_states.shape
            hidden_states = hidden_states.view(b, c, h * w).transpose(1, 2)
        if self.group_norm is not None:
            hidden_states = self.group_norm(hidden_states.transpose(1, 2)).transpose(1, 2)
        if encoder_hidden_states is None:
            encoder_hidden_states = hidden_states
        q = self.head_to_batch_dim(self.to_q(hidden_states))
        k = self.head_to_batch_dim(self.to_k(encoder_hidden_states))
        v = self.head_to_batch_dim(self.to_v(encoder_hidden_states))
        hidden_states = torch.bmm(self.attention_scores(q, k), v)
        hidden_states = self.batch_to_head_dim(hidden_states)
        hidden_states = self.to_out[1](self.to_out[0](hidden_states))
        if ndim == 4:
            hidden_states = hidden_states.transpose(-1, -2).reshape(b, c, h, w)
        if self.residual_connection:
            hidden_states = hidden_states + residual
        return hidden_states


class ResnetBlock2D(nn.Module):
    def __init__(self, in_channels, out_channels, temb_channels, groups, eps):
        super().__init__()
        self.norm1 = nn.GroupNorm(groups, in_channels, eps=eps, affine=True)
        self.conv1 = nn.Conv2d(in_channels, out_channels, 3, padding=1)
        self.time_emb_proj = nn.Linear(temb_channels, out_channels) if temb_channels else None
        self.norm2 = nn.GroupNorm(groups, out_channels, eps=eps, affine=True)
        self.dropout = nn.Dropout(0.0)
        self.conv2 = nn.Conv2d(out_channels, out_channels, 3, padding=1)
        self.conv_shortcut = nn.Conv2d(in_channels, out_channels, 1) if in_channels != out_channels else None

    def forward(self, input_tensor, temb=None):
        h = self.conv1(F.silu(self.norm1(input_tensor)))
        if temb is not None:
            h = h + self.time_emb_proj(F.silu(temb))[:, :, None, None]
        h = self.conv2(self.dropout(F.silu(self.norm2(h))))
        if self.conv_shortcut is not None:
            input_tensor = self.conv_shortcut(input_tensor)
        return input_tensor + h  # output_scale_factor 1


class Downsample2D(nn.Module):
    def __init__(self, channels, padding):
        super().__init__()
        self.padding = padding
        self.conv = nn.Conv2d(channels, channels, 3, stride=2, padding=padding)

    def forward(self, x):
        if self.padding == 0:  # the VAE's asymmetric padding
            x = F.pad(x, (0, 1, 0, 1), mode="constant", value=0)
        return self.conv(x)


class Upsample2D(nn.Module):
    def __init__(self, channels):
        super().__init__()
        self.conv = nn.Conv2d(channels, channels, 3, padding=1)

    def forward(self, x, output_size=None):
        dtype = x.dtype
        if dtype == torch.bfloat16:  # diffusers: upsample_nearest2d has no bf16 kernel (older torch)
            x = x.to(torch.float32)
        if x.shape[0] >= 64:
            x = x.contiguous()
        if output_size is None:
            x = F.interpolate(x, scale_factor=2.0, mode="nearest")
        else:
            x = F.interpolate(x, size=output_size, mode="nearest")
        if dtype == torch.bfloat16:
            x = x.to(dtype)
        return self.conv(x)


class GEGLU(nn.Module):
    def __init__(self, dim_in, dim_out):
        super().__init__()
        self.proj = nn.Linear(dim_in, dim_out * 2)

    def forward(self, x):
        x, gate = self.proj(x).chunk(2, dim=-1)
        return x * F.gelu(gate)


class FeedForward(nn.Module):
    def __init__(self, dim):
        super().__init__()
        self.net = nn.ModuleList([GEGLU(dim, dim * 4), nn.Dropout(0.0), nn.Linear(dim * 4, dim)])

    def forward(self, x):
        for m in self.net:
            x = m(x)
        return x


class BasicTransformerBlock(nn.Module):
    def __init__(self, dim, heads, dim_head, cross_attention_dim):
        super().__init__()
        self.norm1 = nn.LayerNorm(dim, eps=1e-5)
        self.attn1 = Attention(dim, heads, dim_head)
        self.norm2 = nn.LayerNorm(dim, eps=1e-5)
        self.attn2 = Attention(dim, heads, dim_head, cross_attention_dim=cross_attention_dim)
        self.norm3 = nn.LayerNorm(dim, eps=1e-5)
        self.ff = FeedForward(dim)

    def forward(self, x, context):
        x = self.attn1(self.norm1(x)) + x
        x = self.attn2(self.norm2(x), context) + x
        return self.ff(self.norm3(x)) + x


class Transformer2DModel(nn.Module):
    """use_linear_projection=True (SD2): proj_in / proj_out are Linear layers on (B, HW, C)."""

    def __init__(self, heads, dim_head, in_channels, cross_attention_dim, groups):
        super().__init__()
        inner = heads * dim_head
        self.norm = nn.GroupNorm(groups, in_channels, eps=1e-6, affine=True)
        self.proj_in = nn.Linear(in_channels, inner)
        self.transformer_blocks = nn.ModuleList([BasicTransformerBlock(inner, heads, dim_head, cross_attention_dim)])
        self.proj_out = nn.Linear(inner, in_channels)

    def forward(self, x, context):
        b, _, h, w = x.shape
        residual = x
        x = self.norm(x)
        inner = x.shape[1]
        x = x.permute(0, 2, 3, 1).reshape(b, h * w, inner)
        x = self.proj_in(x)
        for block in self.transformer_blocks:
            x = block(x, context)
        x = self.proj_out(x)
        x = x.reshape(b, h, w, inner).permute(0, 3, 1, 2).contiguous()
        return x + residual


def timestep_embedding(timesteps, dim, flip_sin_to_cos, shift, max_period=10000):
    half = dim // 2
    exponent = -math.log(max_period) * torch.arange(0, half, dtype=torch.float32, device=timesteps.device)
    exponent = exponent / (half - shift)
    emb = timesteps[:, None].float() * torch.exp(exponent)[None, :]
    emb = torch.cat([torch.sin(emb), torch.cos(emb)], dim=-1)
    if flip_sin_to_cos:
        emb = torch.cat([emb[:, half:], emb[:, :half]], dim=-1)
    return emb


class TimestepEmbedding(nn.Module):
    def __init__(self, in_channels, dim):
        super().__init__()
        self.linear_1 = nn.Linear(in_channels, dim)
        self.linear_2 = nn.Linear(dim, dim)

    def forward(self, x):
        return self.linear_2(F.silu(self.linear_1(x)))


# ---------------------------------------------------------------------------------------------
# UNet2DConditionModel (unets/unet_2d_condition.py, unets/unet_2d_blocks.py)

class DownBlock(nn.Module):
    """CrossAttnDownBlock2D (with attentions) or DownBlock2D (without)."""

    def __init__(self, in_ch, out_ch, temb, layers, groups, eps, heads, cross_dim, attention, downsample):
        super().__init__()
        self.resnets = nn.ModuleList([ResnetBlock2D(in_ch if i == 0 else out_ch, out_ch, temb, groups, eps)
                                      for i in range(layers)])
        self.attentions = nn.ModuleList([Transformer2DModel(heads, out_ch // heads, out_ch, cross_dim, groups)
                                         for _ in range(layers)]) if attention else None
        self.downsamplers = nn.ModuleList([Downsample2D(out_ch, padding=1)]) if downsample else None

    def forward(self, x, temb, context):
        states = ()
        for i, resnet in enumerate(self.resnets):
            x = resnet(x, temb)
            if self.attentions is not None:
                x = self.attentions[i](x, context)
            states += (x,)
        if self.downsamplers is not None:
            x = self.downsamplers[0](x)
            states += (x,)
        return x, states


class UpBlock(nn.Module):
    """CrossAttnUpBlock2D (with attentions) or UpBlock2D (without)."""

    def __init__(self, in_ch, prev_out, out_ch, temb, layers, groups, eps, heads, cross_dim, attention, upsample):
        super().__init__()
        resnets, attentions = [], []
        for i in range(layers):
            skip = in_ch if i == layers - 1 else out_ch
            resnet_in = prev_out if i == 0 else out_ch
            resnets.append(ResnetBlock2D(resnet_in + skip, out_ch, temb, groups, eps))
            if attention:
                attentions.append(Transformer2DModel(heads, out_ch // heads, out_ch, cross_dim, groups))
        self.resnets = nn.ModuleList(resnets)
        self.attentions = nn.ModuleList(attentions) if attention else None
        self.upsamplers = nn.ModuleList([Upsample2D(out_ch)]) if upsample else None

    def forward(self, x, skips, temb, context, upsample_size=None):
        for i, resnet in enumerate(self.resnets):
            skip = skips[-1]
            skips = skips[:-1]
            x = torch.cat([x, skip], dim=1)
            x = resnet(x, temb)
            if self.attentions is not None:
                x = self.attentions[i](x, context)
        if self.upsamplers is not None:
            x = self.upsamplers[0](x, upsample_size)
        return x


class MidBlockCrossAttn(nn.Module):
    def __init__(self, ch, temb, groups, eps, heads, cross_dim):
        super().__init__()
        self.attentions = nn.ModuleList([Transformer2DModel(heads, ch // heads, ch, cross_dim, groups)])
        self.resnets = nn.ModuleList([ResnetBlock2D(ch, ch, temb, groups, eps), ResnetBlock2D(ch, ch, temb, groups, eps)])

    def forward(self, x, temb, context):
        x = self.resnets[0](x, temb)
        return self.resnets[1](self.attentions[0](x, context), temb)


class UNet2DConditionModel(nn.Module):
    def __init__(self, cfg):
        super().__init__()
        ch = cfg["block_out_channels"]
        heads = cfg["attention_head_dim"]  # legacy meaning: the number of heads
        if isinstance(heads, int):
            heads = [heads] * len(ch)
        g, eps, layers, cross = cfg["norm_num_groups"], cfg["norm_eps"], cfg["layers_per_block"], cfg["cross_attention_dim"]
        temb = ch[0] * 4
        self.flip, self.shift = cfg["flip_sin_to_cos"], cfg["freq_shift"]
        self.conv_in = nn.Conv2d(cfg["in_channels"], ch[0], 3, padding=1)
        self.time_embedding = TimestepEmbedding(ch[0], temb)
        n = len(ch)
        self.down_blocks = nn.ModuleList()
        out = ch[0]
        for i in range(n):
            prev, out = out, ch[i]
            last = i == n - 1
            self.down_blocks.append(DownBlock(prev, out, temb, layers, g, eps, heads[i], cross,
                                              attention=not last, downsample=not last))
        self.mid_block = MidBlockCrossAttn(ch[-1], temb, g, eps, heads[-1], cross)
        rch, rheads = list(reversed(ch)), list(reversed(heads))
        self.up_blocks = nn.ModuleList()
        out = rch[0]
        for i in range(n):
            prev, out = out, rch[i]
            inp = rch[min(i + 1, n - 1)]
            last = i == n - 1
            self.up_blocks.append(UpBlock(inp, prev, out, temb, layers + 1, g, eps, rheads[i], cross,
                                          attention=i > 0, upsample=not last))
        self.conv_norm_out = nn.GroupNorm(g, ch[0], eps=eps)
        self.conv_out = nn.Conv2d(ch[0], cfg["out_channels"], 3, padding=1)
        self.num_upsamplers = n - 1

    def forward(self, sample, timestep, context):
        factor = 2 ** self.num_upsamplers
        forward_upsample_size = any(s % factor != 0 for s in sample.shape[-2:])
        t = timestep
        if t.ndim == 0:
            t = t[None]
        t = t.expand(sample.shape[0])
        emb = timestep_embedding(t, self.conv_in.out_channels, self.flip, self.shift).to(dtype=sample.dtype)
        emb = self.time_embedding(emb)
        x = self.conv_in(sample)
        skips = (x,)
        for block in self.down_blocks:
            x, states = block(x, emb, context)
            skips += states
        x = self.mid_block(x, emb, context)
        for i, block in enumerate(self.up_blocks):
            last = i == len(self.up_blocks) - 1
            n = len(block.resnets)
            res, skips = skips[-n:], skips[:-n]
            size = skips[-1].shape[2:] if (not last and forward_upsample_size) else None
            x = block(x, res, emb, context, size)
        x = F.silu(self.conv_norm_out(x))
        return self.conv_out(x)


# ---------------------------------------------------------------------------------------------
# AutoencoderKL (autoencoders/vae.py, autoencoders/autoencoder_kl.py)

class VaeMidBlock(nn.Module):
    def __init__(self, ch, groups):
        super().__init__()
        self.attentions = nn.ModuleList([Attention(ch, heads=1, dim_head=ch, bias=True, upcast_softmax=True,
                                                   norm_num_groups=groups, eps=1e-6, residual_connection=True)])
        self.resnets = nn.ModuleList([ResnetBlock2D(ch, ch, None, groups, 1e-6), ResnetBlock2D(ch, ch, None, groups, 1e-6)])

    def forward(self, x):
        x = self.resnets[0](x)
        return self.resnets[1](self.attentions[0](x))


class EncoderBlock(nn.Module):
    def __init__(self, in_ch, out_ch, layers, groups, downsample):
        super().__init__()
        self.resnets = nn.ModuleList([ResnetBlock2D(in_ch if i == 0 else out_ch, out_ch, None, groups, 1e-6)
                                      for i in range(layers)])
        self.downsamplers = nn.ModuleList([Downsample2D(out_ch, padding=0)]) if downsample else None

    def forward(self, x):
        for r in self.resnets:
            x = r(x)
        if self.downsamplers is not None:
            x = self.downsamplers[0](x)
        return x


class DecoderBlock(nn.Module):
    def __init__(self, in_ch, out_ch, layers, groups, upsample):
        super().__init__()
        self.resnets = nn.ModuleList([ResnetBlock2D(in_ch if i == 0 else out_ch, out_ch, None, groups, 1e-6)
                                      for i in range(layers)])
        self.upsamplers = nn.ModuleList([Upsample2D(out_ch)]) if upsample else None

    def forward(self, x):
        for r in self.resnets:
            x = r(x)
        if self.upsamplers is not None:
            x = self.upsamplers[0](x)
        return x


class Encoder(nn.Module):
    def __init__(self, cfg):
        super().__init__()
        ch, g, n = cfg["block_out_channels"], cfg["norm_num_groups"], len(cfg["block_out_channels"])
        self.conv_in = nn.Conv2d(cfg["in_channels"], ch[0], 3, padding=1)
        self.down_blocks = nn.ModuleList([EncoderBlock(ch[max(i - 1, 0)], ch[i], cfg["layers_per_block"], g, i < n - 1)
                                          for i in range(n)])
        self.mid_block = VaeMidBlock(ch[-1], g)
        self.conv_norm_out = nn.GroupNorm(g, ch[-1], eps=1e-6)
        self.conv_out = nn.Conv2d(ch[-1], 2 * cfg["latent_channels"], 3, padding=1)

    def forward(self, x):
        x = self.conv_in(x)
        for b in self.down_blocks:
            x = b(x)
        x = self.mid_block(x)
        return self.conv_out(F.silu(self.conv_norm_out(x)))


class Decoder(nn.Module):
    def __init__(self, cfg):
        super().__init__()
        ch, g, n = cfg["block_out_channels"], cfg["norm_num_groups"], len(cfg["block_out_channels"])
        rch = list(reversed(ch))
        self.conv_in = nn.Conv2d(cfg["latent_channels"], ch[-1], 3, padding=1)
        self.mid_block = VaeMidBlock(ch[-1], g)
        self.up_blocks = nn.ModuleList([DecoderBlock(rch[max(i - 1, 0)], rch[i], cfg["layers_per_block"] + 1, g, i < n - 1)
                                        for i in range(n)])
        self.conv_norm_out = nn.GroupNorm(g, ch[0], eps=1e-6)
        self.conv_out = nn.Conv2d(ch[0], cfg["out_channels"], 3, padding=1)

    def forward(self, z):
        x = self.conv_in(z)
        upscale_dtype = next(iter(self.up_blocks.parameters())).dtype
        x = self.mid_block(x).to(upscale_dtype)
        for b in self.up_blocks:
            x = b(x)
        return self.conv_out(F.silu(self.conv_norm_out(x)))


class AutoencoderKL(nn.Module):
    def __init__(self, cfg):
        super().__init__()
        lc = cfg["latent_channels"]
        self.encoder = Encoder(cfg)
        self.decoder = Decoder(cfg)
        self.quant_conv = nn.Conv2d(2 * lc, 2 * lc, 1)
        self.post_quant_conv = nn.Conv2d(lc, lc, 1)

    def encode(self, x):
        """DiagonalGaussianDistribution: (mean, std)."""
        moments = self.quant_conv(self.encoder(x))
        mean, logvar = torch.chunk(moments, 2, dim=1)
        logvar = torch.clamp(logvar, -30.0, 20.0)
        return mean, torch.exp(0.5 * logvar), logvar

    def decode(self, z):
        return self.decoder(self.post_quant_conv(z))


# ---------------------------------------------------------------------------------------------
# CLIP text model (transformers CLIPTextModel; last_hidden_state)

class ClipAttention(nn.Module):
    def __init__(self, dim, heads):
        super().__init__()
        self.heads, self.head_dim = heads, dim // heads
        self.scale = self.head_dim ** -0.5
        self.q_proj, self.k_proj = nn.Linear(dim, dim), nn.Linear(dim, dim)
        self.v_proj, self.out_proj = nn.Linear(dim, dim), nn.Linear(dim, dim)

    def forward(self, x, causal_mask):
        b, n, d = x.shape
        shape = lambda t: t.view(b, n, self.heads, self.head_dim).transpose(1, 2).reshape(b * self.heads, n, self.head_dim)
        q = shape(self.q_proj(x) * self.scale)
        k, v = shape(self.k_proj(x)), shape(self.v_proj(x))
        w = torch.bmm(q, k.transpose(1, 2)).view(b, self.heads, n, n) + causal_mask
        w = F.softmax(w.view(b * self.heads, n, n), dim=-1)
        out = torch.bmm(w, v).view(b, self.heads, n, self.head_dim).transpose(1, 2).reshape(b, n, d)
        return self.out_proj(out)


class ClipLayer(nn.Module):
    def __init__(self, cfg):
        super().__init__()
        d, eps = cfg["hidden_size"], cfg["layer_norm_eps"]
        self.self_attn = ClipAttention(d, cfg["num_attention_heads"])
        self.layer_norm1 = nn.LayerNorm(d, eps=eps)
        self.mlp = nn.Module()
        self.mlp.fc1 = nn.Linear(d, cfg["intermediate_size"])
        self.mlp.fc2 = nn.Linear(cfg["intermediate_size"], d)
        self.layer_norm2 = nn.LayerNorm(d, eps=eps)
        self.act = F.gelu if cfg["hidden_act"] == "gelu" else (lambda t: t * torch.sigmoid(1.702 * t))

    def forward(self, x, mask):
        x = x + self.self_attn(self.layer_norm1(x), mask)
        return x + self.mlp.fc2(self.act(self.mlp.fc1(self.layer_norm2(x))))


class ClipTextModel(nn.Module):
    def __init__(self, cfg):
        super().__init__()
        d = cfg["hidden_size"]
        self.text_model = nn.Module()
        tm = self.text_model
        tm.embeddings = nn.Module()
        tm.embeddings.token_embedding = nn.Embedding(cfg["vocab_size"], d)
        tm.embeddings.position_embedding = nn.Embedding(cfg["max_position_embeddings"], d)
        tm.encoder = nn.Module()
        tm.encoder.layers = nn.ModuleList([ClipLayer(cfg) for _ in range(cfg["num_hidden_layers"])])
        tm.final_layer_norm = nn.LayerNorm(d, eps=cfg["layer_norm_eps"])

    def forward(self, ids):
        tm = self.text_model
        n = ids.shape[1]
        x = tm.embeddings.token_embedding(ids) + tm.embeddings.position_embedding.weight[:n][None]
        mask = torch.full((n, n), float("-inf"), dtype=x.dtype, device=x.device).triu(1)[None, None]
        for layer in tm.encoder.layers:
            x = layer(x, mask)
        return tm.final_layer_norm(x)


# ---------------------------------------------------------------------------------------------
# safetensors without the safetensors package

DTYPES = {"F32": torch.float32, "F16": torch.float16, "BF16": torch.bfloat16, "I64": torch.int64, "I32": torch.int32,
          "U8": torch.uint8, "F64": torch.float64}


def read_safetensors(path):
    with open(path, "rb") as f:
        data = f.read()
    (n,) = struct.unpack("<Q", data[:8])
    header = json.loads(data[8:8 + n])
    base = 8 + n
    out = {}
    for name, info in header.items():
        if name == "__metadata__":
            continue
        start, end = info["data_offsets"]
        dtype = DTYPES[info["dtype"]]
        buf = bytearray(data[base + start:base + end])
        t = torch.frombuffer(buf, dtype=dtype) if buf else torch.empty(0, dtype=dtype)
        out[name] = t.reshape(info["shape"]).clone()
    return out


def load_state(module, tensors, rename=None):
    state = {}
    for k, v in tensors.items():
        k = rename(k) if rename else k
        if k is not None:
            state[k] = v
    target = module.state_dict()
    for k in list(state):
        if k in target and target[k].shape != state[k].shape and target[k].numel() == state[k].numel():
            state[k] = state[k].reshape(target[k].shape)  # legacy VAE attention 1x1-conv kernels
        if k in target:
            state[k] = state[k].to(target[k].dtype)
    module.load_state_dict(state, strict=True)


def vae_legacy_name(k):
    for old, new in (("query.", "to_q."), ("key.", "to_k."), ("value.", "to_v."), ("proj_attn.", "to_out.0."),
                     ("group_norm.", "group_norm.")):
        if ".attentions.0." + old in k:
            return k.replace(".attentions.0." + old, ".attentions.0." + new)
    return k


# ---------------------------------------------------------------------------------------------
# The fixture check: the same network as diffusers

def check_fixtures(root):
    global BADDBMM_ZEROS
    BADDBMM_ZEROS = True
    torch.set_num_threads(1)  # the goldens were made with 1 thread
    model = os.path.join(root, "tiny-sd2-inpainting")
    cfg = lambda c: json.load(open(os.path.join(model, c, "config.json")))
    golden = lambda name: read_safetensors(os.path.join(root, "goldens", name))
    results = []

    def report(name, actual, expected, tol):
        err = (actual.double() - expected.double()).abs().max().item()
        results.append((name, err, tol))
        print(f"  {name:<28} max abs error {err:.3e}  tolerance {tol:.0e}  {'PASS' if err <= tol else 'FAIL'}")

    with torch.inference_mode():
        unet = UNet2DConditionModel(cfg("unet")).eval()
        load_state(unet, read_safetensors(os.path.join(model, "unet", "diffusion_pytorch_model.safetensors")))
        g = golden("unet.safetensors")
        for c in ("c0", "c1", "c2", "c3", "c4"):
            t = g[c + ".timestep"]
            t = t.reshape(()) if t.numel() == 1 else t
            report(f"unet.{c}.out", unet(g[c + ".sample"], t, g[c + ".encoder_hidden_states"]), g[c + ".out"], 2e-4)

        vae = AutoencoderKL(cfg("vae")).eval()
        load_state(vae, read_safetensors(os.path.join(model, "vae", "diffusion_pytorch_model.safetensors")), vae_legacy_name)
        g = golden("vae.safetensors")
        for i in range(4):
            mean, _, logvar = vae.encode(g[f"enc{i}.image"])
            report(f"vae.enc{i}.mean", mean, g[f"enc{i}.mean"], 1e-3)
            report(f"vae.enc{i}.logvar", logvar, g[f"enc{i}.logvar"], 1e-4)
            report(f"vae.dec{i}.out", vae.decode(g[f"dec{i}.latent"]), g[f"dec{i}.out"], 1e-4)

        tcfg = cfg("text_encoder")
        text = ClipTextModel(tcfg).eval()
        load_state(text, read_safetensors(os.path.join(model, "text_encoder", "model.safetensors")),
                   lambda k: None if k.endswith("position_ids") else k)
        g = golden("text_encoder.safetensors")
        report("text_encoder.last_hidden_state", text(g["input_ids"]), g["last_hidden_state"], 1e-4)
    failed = [r for r in results if r[1] > r[2]]
    print(f"{len(results) - len(failed)}/{len(results)} fixture goldens reproduced")
    return 1 if failed else 0


# ---------------------------------------------------------------------------------------------
# The benchmark

def cpu_ms():
    u = resource.getrusage(resource.RUSAGE_SELF)
    return (u.ru_utime + u.ru_stime) * 1000.0


def time_ms(fn, args, what):
    for _ in range(args.warmup):
        fn()
    wall, cpu = [], []
    for i in range(args.repeats):
        c0, t0 = cpu_ms(), time.perf_counter()
        fn()
        wall.append((time.perf_counter() - t0) * 1000.0)
        cpu.append(cpu_ms() - c0)
        print(f"  {what} run {i + 1}/{args.repeats}: {wall[-1]:.1f} ms (CPU time {cpu[-1]:.1f} ms)", file=sys.stderr)
    return statistics.median(wall), statistics.median(cpu)


def check_finite(t, what):
    if not torch.isfinite(t).all():
        print(f"  warning: {what} produced NaN/inf (random weights; timing still valid)", file=sys.stderr)


def run_benchmark(args):
    torch.manual_seed(0)
    dtype = {"fp32": torch.float32, "bf16": torch.bfloat16}[args.dtype]
    latent = args.size // 8
    result = dict(text_encoder_ms=None, unet_step_ms=None, vae_encode_ms=None, vae_decode_ms=None)
    cpu = {}
    parts = args.only.split(",")
    with torch.inference_mode():
        if "text" in parts:
            print("building the SD2 text encoder (random weights)...", file=sys.stderr)
            text = ClipTextModel(SD2_TEXT).eval().to(dtype)
            ids = torch.randint(0, 49408, (2, 77))
            result["text_encoder_ms"], cpu["text_encoder_cpu_ms"] = time_ms(lambda: check_finite(text(ids), "text encoder"), args, "text encoder")
            del text
        if "unet" in parts:
            print("building the SD2 UNet (random weights)...", file=sys.stderr)
            unet = UNet2DConditionModel(SD2_UNET).eval().to(dtype)
            sample = torch.randn(2, 9, latent, latent, dtype=dtype)
            t = torch.tensor(500.0)
            context = torch.randn(2, 77, 1024, dtype=dtype)
            result["unet_step_ms"], cpu["unet_step_cpu_ms"] = time_ms(lambda: check_finite(unet(sample, t, context), "UNet"), args, "unet step")
            del unet
        if "vae-encode" in parts or "vae-decode" in parts:
            print("building the VAE (random weights)...", file=sys.stderr)
            vae = AutoencoderKL(SD2_VAE).eval().to(dtype)
            if "vae-encode" in parts:
                image = (torch.rand(1, 3, args.size, args.size) * 2 - 1).to(dtype)
                result["vae_encode_ms"], cpu["vae_encode_cpu_ms"] = time_ms(lambda: check_finite(vae.encode(image)[0], "VAE encode"), args, "vae encode")
            if "vae-decode" in parts:
                z = torch.randn(1, 4, latent, latent, dtype=dtype)
                result["vae_decode_ms"], cpu["vae_decode_cpu_ms"] = time_ms(lambda: check_finite(vae.decode(z), "VAE decode"), args, "vae decode")
    result["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0
    result["device"] = "cpu"
    result["dtype"] = args.dtype
    result["threads"] = torch.get_num_threads()
    for k in ("text_encoder_cpu_ms", "unet_step_cpu_ms", "vae_encode_cpu_ms", "vae_decode_cpu_ms"):
        result[k] = cpu.get(k)
    result["reference"] = f"plain PyTorch {torch.__version__} eager (diffusers v0.31 maths, AttnProcessor)"
    return result


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--size", type=int, default=512, help="image side in pixels (multiple of 64)")
    p.add_argument("--dtype", choices=["fp32", "bf16"], default="fp32")
    p.add_argument("--repeats", type=int, default=3)
    p.add_argument("--warmup", type=int, default=1)
    p.add_argument("--threads", type=int, default=2, help="torch.set_num_threads (default 2)")
    p.add_argument("--only", default="text,unet,vae-encode,vae-decode", help="comma-separated parts")
    p.add_argument("--json", action="store_true", help="print one JSON object (droste-bench bench --json keys)")
    p.add_argument("--check-fixtures", metavar="DIR", help="compare with the goldens of DIR (shared/fixtures) and exit")
    args = p.parse_args()
    if args.check_fixtures:
        sys.exit(check_fixtures(args.check_fixtures))
    if args.size % 64:
        p.error("--size must be a multiple of 64")
    for part in args.only.split(","):
        if part not in ("text", "unet", "vae-encode", "vae-decode"):
            p.error(f"--only: unknown part {part!r}")
    torch.set_num_threads(args.threads)
    r = run_benchmark(args)
    if args.json:
        print(json.dumps(r))
    else:
        print(f"reference SD2 inpainting, {args.size}x{args.size} px, CFG batch 2, cpu {args.dtype}, "
              f"{r['threads']} threads, median of {args.repeats}")
        for key, name in (("text_encoder_ms", "text encoder"), ("unet_step_ms", "unet step"),
                          ("vae_encode_ms", "vae encode"), ("vae_decode_ms", "vae decode")):
            v = r[key]
            print(f"  {name:<14} " + (f"{v:10.1f} ms  ({1000.0 / v:.3f} it/s)" if v else "not run"))
        print(f"  {'peak RSS':<14} {r['peak_rss_mb']:10.0f} MB")


if __name__ == "__main__":
    main()
