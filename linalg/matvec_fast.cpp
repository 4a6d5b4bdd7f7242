// SPDX-License-Identifier: MIT
// Products with a vector, and X^T X, with the reference loops' bits on every core. Legend: A is
// N x D, x has length D (A x) or N (A^T x); X is N x D.
#include "linalg/matvec_fast.hpp"

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "linalg/parallel.hpp"

namespace mlfs {

namespace {

constexpr std::size_t kRows = 4;            // rows of A x summed side by side: 4 chains hide the add latency
constexpr std::size_t kRowBlock = 1024;     // rows per block of work handed to a thread
constexpr std::size_t kColBlock = 64;       // columns of A^T x per block: y's block stays in registers/L1
constexpr double kMinFlopsPerThread = 2e6;  // below this a second thread costs more than it saves

int threads_for(double flops, int threads) {
    const std::size_t wanted = resolve_threads(threads);
    const std::size_t useful = static_cast<std::size_t>(std::max(1.0, flops / kMinFlopsPerThread));
    return static_cast<int>(std::min(wanted, useful));
}

}  // namespace

// y(i) = sum_j A(i, j) x(j), j increasing from 0.0 as matvec: four rows at a time, each row its own
// running sum (the four chains are independent outputs); threads take blocks of rows.
Vector matvec_fast(const Matrix& A, const Vector& x, int threads) {
    if (x.size() != A.cols())
        throw ShapeError("matvec_fast: A is " + A.shape() + " but x has length " + std::to_string(x.size()));
    const std::size_t N = A.rows(), D = A.cols();
    Vector y(N, 0.0);
    const std::size_t blocks = (N + kRowBlock - 1) / kRowBlock;
    parallel_for(blocks, threads_for(2.0 * N * D, threads), [&](std::size_t b) {
        const std::size_t i1 = std::min(N, (b + 1) * kRowBlock);
        std::size_t i = b * kRowBlock;
        for (; i + kRows <= i1; i += kRows) {
            const double* a0 = A.data().data() + i * D;
            double s[kRows] = {0.0, 0.0, 0.0, 0.0};
            for (std::size_t j = 0; j < D; ++j)
                for (std::size_t r = 0; r < kRows; ++r) s[r] += a0[r * D + j] * x[j];
            for (std::size_t r = 0; r < kRows; ++r) y[i + r] = s[r];
        }
        for (; i < i1; ++i) {
            double s = 0.0;
            for (std::size_t j = 0; j < D; ++j) s += A(i, j) * x[j];
            y[i] = s;
        }
    });
    return y;
}

// y(j) = sum_i A(i, j) x(i), i increasing from 0.0 as matvec_transposed: the same row-by-row sweep,
// vectorised across j; threads take blocks of columns, each sweeping all rows for its own y(j).
Vector matvec_transposed_fast(const Matrix& A, const Vector& x, int threads) {
    if (x.size() != A.rows())
        throw ShapeError("matvec_transposed_fast: A is " + A.shape() + " but x has length " + std::to_string(x.size()));
    const std::size_t N = A.rows(), D = A.cols();
    Vector y(D, 0.0);
    const std::size_t blocks = (D + kColBlock - 1) / kColBlock;
    // one block per thread when D is small: split D evenly instead of in kColBlock pieces
    const std::size_t T = std::min<std::size_t>(threads_for(2.0 * N * D, threads), D == 0 ? 1 : D);
    const std::size_t n_parts = std::max(blocks, T);
    parallel_for(n_parts, static_cast<int>(T), [&](std::size_t b) {
        const std::size_t j0 = b * D / n_parts, j1 = (b + 1) * D / n_parts;
        double* yb = y.data();
        for (std::size_t i = 0; i < N; ++i) {
            const double xi = x[i];
            const double* a = A.data().data() + i * D;
            for (std::size_t j = j0; j < j1; ++j) yb[j] += a[j] * xi;
        }
    });
    return y;
}

// ---- X^T X for tall, skinny X (N >> D), optionally of the shifted columns Z = [X - 1 xbar^T, y - ybar]
//
// gram(Z) sums G(a, b) = sum_i Z(i, a) Z(i, b) over i in increasing order from 0.0. Here the rows are
// walked in chunks of kChunk; each chunk of Z is packed twice (shifted exactly as centre_columns
// shifts, one rounding per entry): by rows, Zr[r][j], padded with zero columns to a multiple of
// kTileB, and by columns, Zc[j][r]. Then for every register tile of G (kTileA rows a x kTileB
// columns b, upper triangle only) the tile's sums are loaded from G, continued over the chunk's rows
// in order, and stored back: a sum continued in the same order has the same bits, so every G(a, b)
// is gram's sum. The tile runs its kTileA kTileB sums side by side, vectorised across b (kTileB
// contiguous values of a row of Zr), with Z(i, a) broadcast from Zc. G(b, a) is mirrored:
// Z(i, b) Z(i, a) = Z(i, a) Z(i, b) is the same rounding. Threads take disjoint sets of tiles
// (outputs), each walking every row itself; no sum is split.
//
// Why a 2 x 8 tile and the copy by columns: GCC 12 (-O3 -march=native, AVX2) loads a's that sit
// side by side in a row as one vector and spreads them with lane permutes, and spills wider tiles;
// from Zc each Z(i, a) is one broadcast load. On 2 vCPUs of an AMD EPYC (Zen 3, AVX2; the machine is
// shared and its times vary by 30%) the 2 x 8 tile ran 25-29 GFLOP/s in cache, where 4 x 8 from the
// rows ran 12-17 (clang 14 makes plain broadcasts of that one: 25-35). gram_fast of 1e6 x 21 took
// 60-85 ms on one thread (about 40% of it reading X, 168 MB, from memory at ~6 GB/s) and 45-55 ms on
// two; matmul_at_fast(X, X), the general A^T B of both triangles, took about 150 ms (3 GFLOP/s).
namespace {

constexpr std::size_t kTileA = 2;       // rows a of a tile, each Z(i, a) broadcast
constexpr std::size_t kTileB = 8;       // columns b of a tile: two AVX vectors of Z(i, b .. b + 7)
constexpr std::size_t kChunk = 128;     // rows per chunk: both packed copies stay in L1/L2 for D up to ~100
constexpr std::size_t kColumnLd = 136;  // Zc's row length, kChunk + 8: not a power of 2 (rows in other cache sets)

// Z = [X - 1 shift^T, extra - extra_shift], N x (D, or D + 1 with the extra column)
struct Shifted {
    const Matrix& X;      // N x D
    const double* shift;  // D values, or nullptr: no shift
    const Vector* extra;  // N values of a last column, or nullptr: none
    double extra_shift;
};

// One thread's packed chunk: Zr (kChunk x ld, by rows) and Zc (ld x kColumnLd, by columns), both
// starting on a 64-byte cache line, so that a tile's Z(r, b0 .. b0 + 7) is one line. Entries in the
// padding (columns Dz .. ld-1) stay the zeros they were allocated with.
struct Chunk {
    std::vector<double> storage;
    double* Zr;
    double* Zc;
    explicit Chunk(std::size_t ld) : storage(kChunk * ld + ld * kColumnLd + kTileB, 0.0) {
        std::size_t skip = 0;
        while (reinterpret_cast<std::uintptr_t>(storage.data() + skip) % (kTileB * sizeof(double)) != 0) ++skip;
        Zr = storage.data() + skip;
        Zc = Zr + kChunk * ld;
    }
    Chunk(const Chunk&) = delete;
    Chunk& operator=(const Chunk&) = delete;
};

// Z(r, j) of rows [i0, i0 + rows): X(i, j) - shift(j), exactly centre_columns' rounding.
void pack_rows(const Shifted& in, std::size_t i0, std::size_t rows, std::size_t ld, Chunk& c) {
    const std::size_t D = in.X.cols();
    for (std::size_t r = 0; r < rows; ++r) {
        const double* x = in.X.data().data() + (i0 + r) * D;
        double* z = c.Zr + r * ld;
        if (in.shift)
            for (std::size_t j = 0; j < D; ++j) z[j] = x[j] - in.shift[j];
        else
            for (std::size_t j = 0; j < D; ++j) z[j] = x[j];
        if (in.extra) z[D] = (*in.extra)[i0 + r] - in.extra_shift;
        for (std::size_t j = 0; j < ld; ++j) c.Zc[j * kColumnLd + r] = z[j];
    }
}

// G(a0 + a, b0 + b) += Z(r, a0 + a) Z(r, b0 + b) for r = 0 .. rows-1 in order (G is ld x ld). The
// kTileA x kTileB sums live in `acc`, which the compiler keeps in vector registers.
void gram_tile(const Chunk& c, std::size_t rows, std::size_t ld, std::size_t a0, std::size_t b0, double* G) {
    double acc[kTileA][kTileB];
#pragma GCC unroll 16
    for (std::size_t a = 0; a < kTileA; ++a)
#pragma GCC unroll 16
        for (std::size_t b = 0; b < kTileB; ++b) acc[a][b] = G[(a0 + a) * ld + b0 + b];
    for (std::size_t r = 0; r < rows; ++r) {
        const double* za = c.Zc + a0 * kColumnLd + r;  // Z(r, a0 + a) = za[a kColumnLd]
        const double* zb = c.Zr + r * ld + b0;         // Z(r, b0 + b) = zb[b]
#pragma GCC unroll 16
        for (std::size_t a = 0; a < kTileA; ++a)
#pragma GCC unroll 16
            for (std::size_t b = 0; b < kTileB; ++b) acc[a][b] += za[a * kColumnLd] * zb[b];
    }
#pragma GCC unroll 16
    for (std::size_t a = 0; a < kTileA; ++a)
#pragma GCC unroll 16
        for (std::size_t b = 0; b < kTileB; ++b) G[(a0 + a) * ld + b0 + b] = acc[a][b];
}

// G = Z^T Z, Dz x Dz; T threads take T ranges of the tiles, each range walking all N rows.
Matrix gram_shifted(const Shifted& in, int threads) {
    const std::size_t N = in.X.rows(), Dz = in.X.cols() + (in.extra ? 1 : 0);
    const std::size_t ld = (Dz + kTileB - 1) / kTileB * kTileB;  // padded width (kTileB divides it, so does kTileA)
    std::vector<std::size_t> tiles;                              // (a0, b0) of every tile with entries a <= b
    for (std::size_t a0 = 0; a0 < Dz; a0 += kTileA)
        for (std::size_t b0 = a0 / kTileB * kTileB; b0 < Dz; b0 += kTileB) tiles.insert(tiles.end(), {a0, b0});
    const std::size_t n_tiles = tiles.size() / 2;
    const double flops = 1.0 * N * Dz * (Dz + 1);  // one triangle: N Dz (Dz + 1) / 2 products and as many sums
    const std::size_t T = std::min<std::size_t>(threads_for(flops, threads), std::max<std::size_t>(n_tiles, 1));
    std::vector<double> Gp(ld * ld, 0.0);  // each thread writes only its own tiles
    parallel_for(T, static_cast<int>(T), [&](std::size_t t) {
        Chunk c(ld);
        const std::size_t k0 = t * n_tiles / T, k1 = (t + 1) * n_tiles / T;
        for (std::size_t i0 = 0; i0 < N; i0 += kChunk) {  // chunks in row order: every sum continues in order
            const std::size_t rows = std::min(kChunk, N - i0);
            pack_rows(in, i0, rows, ld, c);
            for (std::size_t k = k0; k < k1; ++k) gram_tile(c, rows, ld, tiles[2 * k], tiles[2 * k + 1], Gp.data());
        }
    });
    Matrix G(Dz, Dz);
    for (std::size_t a = 0; a < Dz; ++a)
        for (std::size_t b = a; b < Dz; ++b) G(a, b) = G(b, a) = Gp[a * ld + b];
    return G;
}

}  // namespace

Matrix gram_fast(const Matrix& X, int threads) { return gram_shifted(Shifted{X, nullptr, nullptr, 0.0}, threads); }

Matrix gram_centred_fast(const Matrix& X, const Vector& xbar, int threads) {
    if (xbar.size() != X.cols())
        throw ShapeError("gram_centred_fast: X is " + X.shape() + " but xbar has length " +
                         std::to_string(xbar.size()));
    return gram_shifted(Shifted{X, xbar.data(), nullptr, 0.0}, threads);
}

Matrix gram_centred_fast(const Matrix& X, const Vector& xbar, const Vector& y, double ybar, int threads) {
    if (xbar.size() != X.cols() || y.size() != X.rows())
        throw ShapeError("gram_centred_fast: X is " + X.shape() + " but xbar has length " +
                         std::to_string(xbar.size()) + " and y has length " + std::to_string(y.size()));
    return gram_shifted(Shifted{X, xbar.data(), &y, ybar}, threads);
}

}  // namespace mlfs
