/* The FMA peak of one core with AVX2 intrinsics, as a cross-check of PeakBench (no JVM involved).
 * gcc -O2 -mavx2 -mfma bench/tools/fma-peak.c -o /tmp/fma-peak && /tmp/fma-peak */
#include <immintrin.h>
#include <stdio.h>
#include <time.h>

static double now(void) { struct timespec t; clock_gettime(CLOCK_MONOTONIC, &t); return t.tv_sec + t.tv_nsec * 1e-9; }

int main(void) {
    __m256 a = _mm256_set1_ps(1e-3f), b = _mm256_set1_ps(1e-3f);
    __m256 c[10];
    for (int i = 0; i < 10; i++) c[i] = _mm256_set1_ps((float) i);
    for (int rep = 0; rep < 5; rep++) {
        long n = 100000000;
        double t = now();
        for (long i = 0; i < n; i++) {
            /* ten independent chains, the accumulator as the addend (vfmadd231ps) */
            c[0] = _mm256_fmadd_ps(a, b, c[0]); c[1] = _mm256_fmadd_ps(a, b, c[1]); c[2] = _mm256_fmadd_ps(a, b, c[2]);
            c[3] = _mm256_fmadd_ps(a, b, c[3]); c[4] = _mm256_fmadd_ps(a, b, c[4]); c[5] = _mm256_fmadd_ps(a, b, c[5]);
            c[6] = _mm256_fmadd_ps(a, b, c[6]); c[7] = _mm256_fmadd_ps(a, b, c[7]); c[8] = _mm256_fmadd_ps(a, b, c[8]);
            c[9] = _mm256_fmadd_ps(a, b, c[9]);
            __asm__ volatile("" : "+x"(c[0]), "+x"(c[1]), "+x"(c[2]), "+x"(c[3]), "+x"(c[4]),
                                  "+x"(c[5]), "+x"(c[6]), "+x"(c[7]), "+x"(c[8]), "+x"(c[9]));
        }
        t = now() - t;
        printf("%.1f GFLOP/s\n", n * 10.0 * 16 / t / 1e9);
    }
    float o[8];
    _mm256_storeu_ps(o, _mm256_add_ps(c[0], c[9]));
    return o[0] < 0; /* keep the result alive */
}
