/* The Java kernel's loop nest in C with AVX2 intrinsics (gcc's code, no JVM): packed 4-row blocks interleaved by
 * k, 16-float weight panels, K blocks of 256, a 4 x 16 register tile; 1024 x 1024 weights, ROWS rows. It shows
 * what the same algorithm reaches on this core when the compiler is gcc instead of C2.
 * gcc -O3 -mavx2 -mfma bench/tools/tile-gemm.c -o /tmp/tile-gemm && /tmp/tile-gemm 200 */
#include <immintrin.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define MR 4
#define P 16
#define KC 256

static double now(void) { struct timespec t; clock_gettime(CLOCK_MONOTONIC, &t); return t.tv_sec + t.tv_nsec * 1e-9; }

static void tile(const float *a, int kn, const float *b, float *t, int ts) {
    __m256 c00 = _mm256_loadu_ps(t), c01 = _mm256_loadu_ps(t + 8);
    __m256 c10 = _mm256_loadu_ps(t + ts), c11 = _mm256_loadu_ps(t + ts + 8);
    __m256 c20 = _mm256_loadu_ps(t + 2 * ts), c21 = _mm256_loadu_ps(t + 2 * ts + 8);
    __m256 c30 = _mm256_loadu_ps(t + 3 * ts), c31 = _mm256_loadu_ps(t + 3 * ts + 8);
    for (int k = 0; k < kn; k++, a += MR, b += P) {
        __m256 b0 = _mm256_loadu_ps(b), b1 = _mm256_loadu_ps(b + 8), v;
        v = _mm256_broadcast_ss(a);     c00 = _mm256_fmadd_ps(b0, v, c00); c01 = _mm256_fmadd_ps(b1, v, c01);
        v = _mm256_broadcast_ss(a + 1); c10 = _mm256_fmadd_ps(b0, v, c10); c11 = _mm256_fmadd_ps(b1, v, c11);
        v = _mm256_broadcast_ss(a + 2); c20 = _mm256_fmadd_ps(b0, v, c20); c21 = _mm256_fmadd_ps(b1, v, c21);
        v = _mm256_broadcast_ss(a + 3); c30 = _mm256_fmadd_ps(b0, v, c30); c31 = _mm256_fmadd_ps(b1, v, c31);
    }
    _mm256_storeu_ps(t, c00); _mm256_storeu_ps(t + 8, c01);
    _mm256_storeu_ps(t + ts, c10); _mm256_storeu_ps(t + ts + 8, c11);
    _mm256_storeu_ps(t + 2 * ts, c20); _mm256_storeu_ps(t + 2 * ts + 8, c21);
    _mm256_storeu_ps(t + 3 * ts, c30); _mm256_storeu_ps(t + 3 * ts + 8, c31);
}

int main(int argc, char **argv) {
    int rows = argc > 1 ? atoi(argv[1]) : 200, in = 1024, out = 1024, blocks = (rows + MR - 1) / MR;
    float *ap = calloc((size_t) blocks * in * MR, 4), *bp = calloc((size_t) out * in, 4), *t = calloc((size_t) blocks * MR * out, 4);
    for (long i = 0; i < (long) blocks * in * MR; i++) ap[i] = rand() / (float) RAND_MAX;
    for (long i = 0; i < (long) out * in; i++) bp[i] = rand() / (float) RAND_MAX;
    for (int rep = 0; rep < 8; rep++) {
        int calls = 10;
        double t0 = now();
        for (int c = 0; c < calls; c++) {
            memset(t, 0, (size_t) blocks * MR * out * 4);
            for (int k0 = 0; k0 < in; k0 += KC)
                for (int q = 0; q < out / P; q++)
                    for (int b = 0; b < blocks; b++)
                        tile(ap + ((size_t) b * in + k0) * MR, KC, bp + ((size_t) q * in + k0) * P, t + (size_t) b * MR * out + q * P, out);
        }
        printf("%.1f GFLOP/s\n", 2.0 * blocks * MR * in * out * calls / (now() - t0) / 1e9);
    }
    return 0;
}
