// CRC-32C with the CPU's own instruction (SSE 4.2 `crc32` on x86-64, the ARMv8 CRC extension
// on AArch64) for RunLogs' TFRecord checks; RunLogs falls back to slicing-by-8 in Swift when
// `plotline_crc32c_hw_available` says the CPU has none.
#ifndef PLOTLINE_CRC32C_H
#define PLOTLINE_CRC32C_H

#include <stddef.h>
#include <stdint.h>

/// 1 when `plotline_crc32c_hw` can run on this CPU, else 0.
int plotline_crc32c_hw_available(void);

/// The CRC-32C of `count` bytes at `bytes` (initial value and final inversion included).
uint32_t plotline_crc32c_hw(const void *bytes, size_t count);

#endif
