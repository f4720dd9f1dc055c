"""Common machines: how much memory a model may use on them and how fast that memory streams.

Decode is memory-bound: every generated token reads all (active) weights and the sequence's KV
cache once, so bandwidth / bytes-read-per-token is a hard ceiling on tokens per second. Real
engines reach roughly 50-80% of it.

Figures are the vendors' published specifications (the `source` of each row); GPU and Apple memory
sizes are binary gigabytes (24 GB VRAM = 24 GiB), bandwidths decimal GB/s as vendors state them.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Literal

HardwareKind = Literal["nvidia", "apple", "cpu"]
_GIB = 1024**3

# What a process can really use of the memory:
#  - NVIDIA: the CUDA context and driver keep roughly 0.5 GiB of VRAM.
#  - Apple: macOS lets the GPU wire about 75% of unified memory by default
#    (Metal's recommendedMaxWorkingSetSize; `sysctl iogpu.wired_limit_mb` raises it).
#  - CPU: leave the OS and other programs max(2 GiB, 10%).
_NVIDIA_RESERVED = int(0.5 * _GIB)
_APPLE_GPU_FRACTION = 0.75


@dataclass(frozen=True, slots=True)
class Hardware:
    name: str
    kind: HardwareKind
    memory_gib: float
    bandwidth_gbs: float | None  # None: unknown (e.g. this machine's RAM)
    source: str

    @property
    def memory_bytes(self) -> int:
        return int(self.memory_gib * _GIB)

    @property
    def usable_bytes(self) -> int:
        if self.kind == "nvidia":
            return self.memory_bytes - _NVIDIA_RESERVED
        if self.kind == "apple":
            return int(self.memory_bytes * _APPLE_GPU_FRACTION)
        return self.memory_bytes - max(2 * _GIB, self.memory_bytes // 10)

    def decode_ceiling(self, bytes_per_token: int) -> float | None:
        """Tokens per second if memory bandwidth were the only limit."""
        if self.bandwidth_gbs is None or bytes_per_token <= 0:
            return None
        return self.bandwidth_gbs * 1e9 / bytes_per_token


_GEFORCE_30 = "https://www.nvidia.com/en-us/geforce/graphics-cards/30-series/"
_GEFORCE_40 = "https://www.nvidia.com/en-us/geforce/graphics-cards/40-series/"
_GEFORCE_50 = "https://www.nvidia.com/en-us/geforce/graphics-cards/50-series/"
_DDR = "JEDEC transfer rate x 8 bytes x channels (computed)"

HARDWARE: tuple[Hardware, ...] = (
    # NVIDIA GeForce
    Hardware("RTX 3060 12GB", "nvidia", 12, 360, _GEFORCE_30 + "rtx-3060-3060ti/"),
    Hardware("RTX 3090", "nvidia", 24, 936, _GEFORCE_30 + "rtx-3090-3090ti/"),
    Hardware("RTX 4060 Ti 16GB", "nvidia", 16, 288, _GEFORCE_40 + "rtx-4060-4060ti/"),
    Hardware("RTX 4080", "nvidia", 16, 716.8, _GEFORCE_40 + "rtx-4080-family/"),
    Hardware("RTX 4090", "nvidia", 24, 1008, _GEFORCE_40 + "rtx-4090/"),
    Hardware("RTX 5080", "nvidia", 16, 960, _GEFORCE_50 + "rtx-5080/"),
    Hardware("RTX 5090", "nvidia", 32, 1792, _GEFORCE_50 + "rtx-5090/"),
    # NVIDIA data center / workstation
    Hardware("T4", "nvidia", 16, 320, "https://www.nvidia.com/en-us/data-center/tesla-t4/"),
    Hardware("L4", "nvidia", 24, 300, "https://www.nvidia.com/en-us/data-center/l4/"),
    Hardware("A10", "nvidia", 24, 600, "https://www.nvidia.com/en-us/data-center/products/a10-gpu/"),
    Hardware("L40S", "nvidia", 48, 864, "https://www.nvidia.com/en-us/data-center/l40s/"),
    Hardware(
        "RTX 6000 Ada", "nvidia", 48, 960, "https://www.nvidia.com/en-us/design-visualization/rtx-6000/"
    ),
    Hardware("A100 40GB PCIe", "nvidia", 40, 1555, "https://www.nvidia.com/en-us/data-center/a100/"),
    Hardware("A100 80GB SXM", "nvidia", 80, 2039, "https://www.nvidia.com/en-us/data-center/a100/"),
    Hardware("H100 PCIe", "nvidia", 80, 2000, "https://www.nvidia.com/en-us/data-center/h100/"),
    Hardware("H100 SXM", "nvidia", 80, 3350, "https://www.nvidia.com/en-us/data-center/h100/"),
    Hardware("H200 SXM", "nvidia", 141, 4800, "https://www.nvidia.com/en-us/data-center/h200/"),
    # Apple Silicon (largest memory option of each chip)
    Hardware("Apple M1 16GB", "apple", 16, 68.25, "LPDDR4X-4266 x 128-bit (computed; Apple gives no figure)"),
    Hardware("Apple M2 24GB", "apple", 24, 100, "Apple Newsroom, M2 announcement (June 2022)"),
    Hardware("Apple M3 24GB", "apple", 24, 100, "Apple Newsroom, M3 family (Oct 2023)"),
    Hardware("Apple M4 32GB", "apple", 32, 120, "Apple Newsroom, M4 Mac announcements (Oct 2024)"),
    Hardware("Apple M2 Pro 32GB", "apple", 32, 200, "Apple Newsroom, M2 Pro and M2 Max (Jan 2023)"),
    Hardware("Apple M3 Pro 36GB", "apple", 36, 150, "Apple Newsroom, M3 family (Oct 2023)"),
    Hardware("Apple M4 Pro 64GB", "apple", 64, 273, "https://www.apple.com/mac-mini/specs/"),
    Hardware("Apple M1 Max 64GB", "apple", 64, 400, "Apple Newsroom, M1 Pro and M1 Max (Oct 2021)"),
    Hardware("Apple M2 Max 96GB", "apple", 96, 400, "Apple Newsroom, M2 Pro and M2 Max (Jan 2023)"),
    Hardware("Apple M3 Max 128GB", "apple", 128, 400, "Apple Newsroom, M3 family (Oct 2023)"),
    Hardware("Apple M4 Max 128GB", "apple", 128, 546, "https://www.apple.com/macbook-pro/specs/"),
    Hardware("Apple M2 Ultra 192GB", "apple", 192, 800, "Apple Newsroom, M2 Ultra (June 2023)"),
    Hardware("Apple M3 Ultra 512GB", "apple", 512, 819, "https://www.apple.com/mac-studio/specs/"),
    # CPU + system RAM
    Hardware("PC 16GB DDR4-3200 dual channel", "cpu", 16, 51.2, _DDR),
    Hardware("PC 32GB DDR5-5600 dual channel", "cpu", 32, 89.6, _DDR),
    Hardware("PC 64GB DDR5-5600 dual channel", "cpu", 64, 89.6, _DDR),
    Hardware("Server 512GB DDR5-4800 8 channels", "cpu", 512, 307.2, _DDR),
)


def this_machine() -> Hardware | None:
    """This computer's RAM (bandwidth unknown: it depends on DIMMs and channels we cannot see)."""
    try:
        total = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    except (ValueError, OSError, AttributeError):
        return None
    return Hardware("this machine (RAM)", "cpu", total / _GIB, None, "os.sysconf(SC_PHYS_PAGES)")


@dataclass(frozen=True, slots=True)
class Fit:
    hardware: Hardware
    fits: bool
    headroom_bytes: int  # usable memory left after the model (negative: short by this much)
    decode_tps_empty: float | None  # ceiling with an empty context
    decode_tps_full: float | None  # ceiling with the context full


def fits(hardware: tuple[Hardware, ...], total_bytes: int, read_empty: int, read_full: int) -> list[Fit]:
    return [
        Fit(
            hardware=hw,
            fits=hw.usable_bytes >= total_bytes,
            headroom_bytes=hw.usable_bytes - total_bytes,
            decode_tps_empty=hw.decode_ceiling(read_empty),
            decode_tps_full=hw.decode_ceiling(read_full),
        )
        for hw in hardware
    ]
