/* Deterministic getrandom() for regenerating samples byte-identically (LD_PRELOAD). */
#define _GNU_SOURCE
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>
static uint64_t state = 0x9e3779b97f4a7c15ULL;
static uint64_t next(void) { uint64_t z = (state += 0x9e3779b97f4a7c15ULL); z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL; z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL; return z ^ (z >> 31); }
ssize_t getrandom(void *buf, size_t len, unsigned int flags) {
  (void)flags; unsigned char *p = buf;
  for (size_t i = 0; i < len; i += 8) { uint64_t v = next(); for (size_t j = 0; j < 8 && i + j < len; j++) p[i + j] = (unsigned char)(v >> (8 * j)); }
  return (ssize_t)len;
}
