#include "crc32c.h"

#include <string.h>

#if defined(__x86_64__)
#include <nmmintrin.h>

int plotline_crc32c_hw_available(void) {
    __builtin_cpu_init();
    return __builtin_cpu_supports("sse4.2") ? 1 : 0;
}

__attribute__((target("sse4.2")))
uint32_t plotline_crc32c_hw(const void *bytes, size_t count) {
    const unsigned char *p = bytes;
    uint64_t crc = 0xFFFFFFFFu;
    while (count >= 8) {
        uint64_t word;
        memcpy(&word, p, 8);
        crc = _mm_crc32_u64(crc, word);
        p += 8;
        count -= 8;
    }
    uint32_t c = (uint32_t)crc;
    while (count > 0) {
        c = _mm_crc32_u8(c, *p++);
        count--;
    }
    return ~c;
}

#elif defined(__aarch64__) && defined(__linux__)
#include <sys/auxv.h>
#include <asm/hwcap.h>

int plotline_crc32c_hw_available(void) { return (getauxval(AT_HWCAP) & HWCAP_CRC32) ? 1 : 0; }

__attribute__((target("crc")))
uint32_t plotline_crc32c_hw(const void *bytes, size_t count) {
    const unsigned char *p = bytes;
    uint32_t c = 0xFFFFFFFFu;
    while (count >= 8) {
        uint64_t word;
        memcpy(&word, p, 8);
        c = __builtin_aarch64_crc32cx(c, word);
        p += 8;
        count -= 8;
    }
    while (count > 0) {
        c = __builtin_aarch64_crc32cb(c, *p++);
        count--;
    }
    return ~c;
}

#else

int plotline_crc32c_hw_available(void) { return 0; }

uint32_t plotline_crc32c_hw(const void *bytes, size_t count) {
    (void)bytes;
    (void)count;
    return 0;
}

#endif
