# plot_image.py: plot.image (kernel/plots/image.ts and display/png.ts): a tensor as a PNG.
import base64
import struct
import zlib
from typing import Any, Dict, Optional

import torch


class Image:
    """A PNG picture (from plot.image): an image in notebooks, ``text`` elsewhere."""

    def __init__(self, png: bytes, width: int, height: int, text: str) -> None:
        self.png = png
        self.width = width
        self.height = height
        self.text = text

    def _repr_mimebundle_(self, include: Any = None, exclude: Any = None) -> Dict[str, str]:
        return {"image/png": base64.b64encode(self.png).decode("ascii"), "text/plain": self.text}

    def __str__(self) -> str:
        return self.text

    __repr__ = __str__


def _png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def _encode_png(pixels: bytes, width: int, height: int, channels: int) -> bytes:
    """8-bit grey (1 channel) or RGB (3): one IDAT of the deflated scanlines, each with filter 0."""
    stride = width * channels
    raw = b"".join(b"\x00" + pixels[y * stride:(y + 1) * stride] for y in range(height))
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 0 if channels == 1 else 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + _png_chunk(b"IHDR", ihdr) + _png_chunk(b"IDAT", zlib.compress(raw)) + _png_chunk(b"IEND", b"")


def image(img: torch.Tensor, *, scale: int = 1, title: Optional[str] = None) -> Image:
    """A PNG of ``img``: [H, W] (grey) or [1 | 3, H, W] (channels first, as make_grid gives); floats
    read as in [0, 1] (× 255, rounded, clamped) as torchvision's save_image does, uint8 as is."""
    if not isinstance(img, torch.Tensor):
        raise TypeError("image: expected a tensor")
    x = img.detach()
    if x.dim() == 2:
        x = x.unsqueeze(0)
    if x.dim() != 3 or x.shape[0] not in (1, 3):
        raise ValueError(f"image: expected [H, W], [1, H, W] or [3, H, W], got [{', '.join(map(str, img.shape))}]")
    if isinstance(scale, bool) or not isinstance(scale, int) or not 1 <= scale <= 64:
        raise ValueError(f"image: scale must be a whole number from 1 to 64, not {scale}")
    pixels = x if x.dtype == torch.uint8 else x.to(torch.float32).mul(255).add(0.5).clamp(0, 255).to(torch.uint8)
    channels, h, w = pixels.shape
    # nearest neighbour: each pixel repeated scale times down and across
    hwc = pixels.permute(1, 2, 0).repeat_interleave(scale, 0).repeat_interleave(scale, 1).contiguous()
    width, height = w * scale, h * scale
    return Image(_encode_png(bytes(hwc.reshape(-1).tolist()), width, height, channels), width, height,
                 title if title is not None else f"<image {width}×{height}>")
