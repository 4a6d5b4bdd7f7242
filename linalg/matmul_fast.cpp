// SPDX-License-Identifier: MIT
// Register-tiled products (derivations/linear_algebra.md, (LA.3)). Legend: C is N x M, the sums run
// over k = 0 .. K-1. One kernel serves A B, A^T B and A B^T: only the packing differs.
//
// Blocking (the GotoBLAS scheme, written as plain loops for the compiler to vectorise):
//   B is packed once into column panels NR wide: Bp[jp][k][c] = B(k, jp NR + c), zero-padded;
//   each thread takes a range of rows of C; in it, for each k-block [k0, k0 + KC) and each row
//   block of MC rows, A is packed into row panels MR high: Ap[ip][k][r] = A(i0 + ip MR + r, k);
//   the kernel then holds an MR x NR tile of C in registers while k runs over the k-block.
// Why the bits are kept: the kernel does acc(r, c) += a(r) * b(c) for k in increasing order, each
// acc(r, c) being one C(i, j) of (LA.2). Between k-blocks the partial sum is stored to C and loaded
// back, which is exact; the first k-block starts from 0.0. So each C(i, j) sees the same roundings,
// in the same order, as matmul_naive. Vectorising across c (j) and unrolling over r (i) only
// runs independent sums side by side, and -ffp-contract=off keeps a * b + acc two roundings.
#include "linalg/matmul_fast.hpp"

#include <algorithm>
#include <string>
#include <vector>

#include "linalg/parallel.hpp"

namespace mlfs {

namespace {

// The tile: MR rows x NR columns of accumulators. With AVX (16 registers of 4 doubles) 3 x 16 uses
// 12 registers for C and 1 for a broadcast of A, and reads B's 4 vectors straight from memory
// (3 x 16 ran 26.7 GFLOP/s in L1 where 6 x 8, with 6 broadcasts per k, ran 17: derivations/
// linear_algebra.md); with SSE2 (16 registers of 2) 4 x 4 uses 8 for C. Every tile gives the
// same bits: only how many sums run side by side changes.
#if defined(__AVX__)
constexpr std::size_t MR = 3, NR = 16;
#else
constexpr std::size_t MR = 4, NR = 4;
#endif
constexpr std::size_t KC = 1024;            // a KC x NR panel of B (128 KiB with AVX) stays in L2
constexpr std::size_t MC = 64 * MR;         // an MC x KC block of A (1.5 MiB with AVX) stays in L3
constexpr double kMinFlopsPerThread = 2e6;  // below this a second thread costs more than it saves

std::size_t round_up(std::size_t n, std::size_t m) { return (n + m - 1) / m * m; }

// Where element (i, k) of the left factor and (k, j) of the right factor live, so that one packing
// routine serves A or A^T, B or B^T: element (p, q) is at data[p * ps + q * qs].
struct View {
    const double* data;
    std::size_t ps, qs;
    double operator()(std::size_t p, std::size_t q) const { return data[p * ps + q * qs]; }
};

// Bp[jp][k][c] = R(k, jp NR + c) for all k < K, into Bp (round_up(M, NR) K doubles); columns past
// M are 0 (computed, never stored).
void pack_right(const View& R, std::size_t K, std::size_t M, double* Bp) {
    for (std::size_t jp = 0; jp * NR < M; ++jp) {
        const std::size_t nc = std::min(NR, M - jp * NR);
        double* panel = Bp + jp * NR * K;
        for (std::size_t k = 0; k < K; ++k) {
            for (std::size_t c = 0; c < nc; ++c) panel[k * NR + c] = R(k, jp * NR + c);
            for (std::size_t c = nc; c < NR; ++c) panel[k * NR + c] = 0.0;
        }
    }
}

// The packing buffers of one call, kept by the calling thread from call to call (thread_local),
// so that a training loop does not allocate and zero them once per product: the MLP makes three
// products per batch. Grows, never shrinks; every entry used is written before it is read.
double* scratch(std::size_t n) {
    thread_local std::vector<double> buffer;
    if (buffer.size() < n) buffer.resize(n);
    return buffer.data();
}

// doubles of one thread's packed block of A for rows [i0, i1)
std::size_t left_size(std::size_t rows, std::size_t K) { return round_up(std::min(MC, rows), MR) * std::min(KC, K); }

// Ap[ip][k][r] = L(i0 + ip MR + r, k0 + k) for the rows [i0, i1) and k in [k0, k1); rows past i1 are 0.
void pack_left(const View& L, std::size_t i0, std::size_t i1, std::size_t k0, std::size_t k1, double* Ap) {
    const std::size_t kc = k1 - k0;
    for (std::size_t ip = 0; i0 + ip * MR < i1; ++ip) {
        const std::size_t mr = std::min(MR, i1 - i0 - ip * MR);
        double* panel = Ap + ip * MR * kc;
        for (std::size_t k = 0; k < kc; ++k) {
            for (std::size_t r = 0; r < mr; ++r) panel[k * MR + r] = L(i0 + ip * MR + r, k0 + k);
            for (std::size_t r = mr; r < MR; ++r) panel[k * MR + r] = 0.0;
        }
    }
}

// The micro-kernel: the MR x NR tile of C at C (row stride ldc) gets the k-block's terms. acc(r, c)
// is C(i, j) so far: 0.0 for the first k-block (first = true; C holds zeros then, and not loading
// them spares the kernel a wait on memory), else the partial sum stored by the previous k-block; k
// increases, one term at a time (LA.2). Both inner loops are unrolled whole, so that acc lives in
// registers.
void kernel(std::size_t kc, const double* Ap, const double* Bp, double* C, std::size_t ldc, bool first) {
    double acc[MR][NR];
#pragma GCC unroll 16
    for (std::size_t r = 0; r < MR; ++r)
#pragma GCC unroll 16
        for (std::size_t c = 0; c < NR; ++c) acc[r][c] = first ? 0.0 : C[r * ldc + c];
    for (std::size_t k = 0; k < kc; ++k) {
        const double* a = Ap + k * MR;
        const double* b = Bp + k * NR;
#pragma GCC unroll 16
        for (std::size_t r = 0; r < MR; ++r)
#pragma GCC unroll 16
            for (std::size_t c = 0; c < NR; ++c) acc[r][c] += a[r] * b[c];  // (LA.2) one term of C(i, j)
    }
#pragma GCC unroll 16
    for (std::size_t r = 0; r < MR; ++r)
#pragma GCC unroll 16
        for (std::size_t c = 0; c < NR; ++c) C[r * ldc + c] = acc[r][c];
}

// A tile on the edge of C (mr < MR rows or nc < NR columns left) runs through a full MR x NR copy.
void edge_kernel(std::size_t kc, const double* Ap, const double* Bp, double* C, std::size_t ldc, std::size_t mr,
                 std::size_t nc) {
    double tile[MR * NR] = {};
    for (std::size_t r = 0; r < mr; ++r)
        for (std::size_t c = 0; c < nc; ++c) tile[r * NR + c] = C[r * ldc + c];
    kernel(kc, Ap, Bp, tile, NR, false);
    for (std::size_t r = 0; r < mr; ++r)
        for (std::size_t c = 0; c < nc; ++c) C[r * ldc + c] = tile[r * NR + c];
}

// Rows [i0, i1) of C = L R, added into C0 (row i0 of C, row stride ldc, zeros before): every
// k-block, every MC-row block, every tile.
// Ap is this thread's buffer of left_size(i1 - i0, K) doubles.
void product_rows(const View& L, const double* Bp, std::size_t K, std::size_t M, std::size_t i0, std::size_t i1,
                  double* C0, std::size_t ldc, double* Ap) {
    for (std::size_t k0 = 0; k0 < K; k0 += KC) {
        const std::size_t k1 = std::min(K, k0 + KC), kc = k1 - k0;
        for (std::size_t ib = i0; ib < i1; ib += MC) {
            const std::size_t ie = std::min(i1, ib + MC);
            pack_left(L, ib, ie, k0, k1, Ap);
            for (std::size_t jp = 0; jp * NR < M; ++jp) {
                const double* panel = Bp + jp * NR * K + k0 * NR;
                for (std::size_t ip = 0; ib + ip * MR < ie; ++ip) {
                    const std::size_t i = ib + ip * MR, j = jp * NR;
                    const std::size_t mr = std::min(MR, ie - i), nc = std::min(NR, M - j);
                    double* tile = C0 + (i - i0) * ldc + j;
                    if (mr == MR && nc == NR) kernel(kc, Ap + ip * MR * kc, panel, tile, ldc, k0 == 0);
                    else edge_kernel(kc, Ap + ip * MR * kc, panel, tile, ldc, mr, nc);
                }
            }
        }
    }
}

// C = L R with L N x K and R K x M given as views; threads take equal ranges of rows (multiples of MR).
Matrix product(const View& L, const View& R, std::size_t N, std::size_t K, std::size_t M, int threads) {
    Matrix C(N, M, 0.0);
    if (N == 0 || M == 0 || K == 0) return C;  // an empty sum is 0.0, as in the reference
    const double flops = 2.0 * static_cast<double>(N) * static_cast<double>(K) * static_cast<double>(M);
    const std::size_t by_work = static_cast<std::size_t>(flops / kMinFlopsPerThread) + 1;
    const std::size_t T = std::min({resolve_threads(threads), by_work, (N + MR - 1) / MR});
    const std::size_t rows = round_up((N + T - 1) / T, MR), b_size = round_up(M, NR) * K;
    double* Bp = scratch(b_size + T * left_size(rows, K));  // B's panels, then one A block per thread
    pack_right(R, K, M, Bp);
    parallel_for(T, static_cast<int>(T), [&](std::size_t t) {
        const std::size_t i0 = std::min(N, t * rows), i1 = std::min(N, i0 + rows);
        double* Ap = Bp + b_size + t * left_size(rows, K);
        if (i0 < i1) product_rows(L, Bp, K, M, i0, i1, &C(i0, 0), M, Ap);
    });
    return C;
}

void require(bool ok, const char* what, const Matrix& A, const Matrix& B, const char* rule) {
    if (!ok) throw ShapeError(std::string(what) + ": A is " + A.shape() + " but B is " + B.shape() + " (" + rule + ")");
}

// The unpacked tile of matmul_bt_rows_t: T(r, c) = a_r . b_c for the kRows rows of A at a (row
// stride K) and the kPanel rows of B in one panel (Bt[k][c] = B(c, k)), T a contiguous kRows x
// kPanel tile, each sum from 0.0. With AVX: 8 accumulators of 4 doubles and one broadcast of a,
// kept in registers by GCC's basic-block vectoriser, which starts from the contiguous stores to T
// (the file is built without the loop vectoriser, see CMakeLists.txt).
constexpr std::size_t kRows = 4;
void narrow_tile(const double* a, std::size_t K, const double* panel, double* T) {
    double acc[kRows][kPanel];
#pragma GCC unroll 8
    for (std::size_t r = 0; r < kRows; ++r)
#pragma GCC unroll 8
        for (std::size_t c = 0; c < kPanel; ++c) acc[r][c] = 0.0;
    for (std::size_t k = 0; k < K; ++k) {
        const double* b = panel + k * kPanel;
#pragma GCC unroll 8
        for (std::size_t r = 0; r < kRows; ++r)
#pragma GCC unroll 8
            for (std::size_t c = 0; c < kPanel; ++c) acc[r][c] += a[r * K + k] * b[c];  // (LA.2) one term
    }
#pragma GCC unroll 8
    for (std::size_t r = 0; r < kRows; ++r)
#pragma GCC unroll 8
        for (std::size_t c = 0; c < kPanel; ++c) T[r * kPanel + c] = acc[r][c];
}

}  // namespace

// Bt[p][k][c] = B(p kPanel + c, k), zero for rows of B past its last
std::vector<double> bt_panels(const Matrix& B) {
    const std::size_t M = B.rows(), K = B.cols();
    std::vector<double> Bt(round_up(M, kPanel) * K, 0.0);
    for (std::size_t j = 0; j < M; ++j)
        for (std::size_t k = 0; k < K; ++k) Bt[(j / kPanel) * K * kPanel + k * kPanel + j % kPanel] = B(j, k);
    return Bt;
}

void matmul_bt_rows_t(const Matrix& A, const std::vector<double>& Bt, std::size_t i0, std::size_t i1, double* Ct,
                      std::size_t ldc) {
    const std::size_t K = A.cols(), P = K == 0 ? 0 : Bt.size() / (K * kPanel);
    if (i1 > A.rows() || i0 > i1 || (K > 0 && Bt.size() % (K * kPanel) != 0) || i1 - i0 > ldc)
        throw ShapeError("matmul_bt_rows_t: rows " + std::to_string(i0) + ".." + std::to_string(i1) + " of A " +
                         A.shape() + " with " + std::to_string(Bt.size()) + " panel entries into a row stride of " +
                         std::to_string(ldc));
    double* T = scratch(kRows * kPanel + kRows * K);  // the tile; then the last rows, padded with zeros
    double* last = T + kRows * kPanel;
    for (std::size_t i = i0; i < i1; i += kRows) {
        const std::size_t rows = std::min(kRows, i1 - i);
        const double* a = &A.data()[i * K];
        if (rows < kRows) {  // the same sums for the last rows, from a copy with zero rows below them
            std::fill(last, last + kRows * K, 0.0);
            std::copy(a, a + rows * K, last);
            a = last;
        }
        for (std::size_t p = 0; p < P; ++p) {
            narrow_tile(a, K, &Bt[p * K * kPanel], T);
            double* out = Ct + p * kPanel * ldc + (i - i0);
            for (std::size_t r = 0; r < rows; ++r)
                for (std::size_t c = 0; c < kPanel; ++c) out[c * ldc + r] = T[r * kPanel + c];
        }
    }
}

// C(i, j) = sum_k A(i, k) B(k, j): L(i, k) = A[i K + k], R(k, j) = B[k M + j]
Matrix matmul_fast(const Matrix& A, const Matrix& B, int threads) {
    require(A.cols() == B.rows(), "matmul_fast", A, B, "A's columns must equal B's rows");
    return product({A.data().data(), A.cols(), 1}, {B.data().data(), B.cols(), 1}, A.rows(), A.cols(), B.cols(),
                   threads);
}

// C(i, j) = sum_k A(k, i) B(k, j): L(i, k) = A[k N + i]
Matrix matmul_at_fast(const Matrix& A, const Matrix& B, int threads) {
    require(A.rows() == B.rows(), "matmul_at_fast", A, B, "A and B must have the same number of rows");
    return product({A.data().data(), 1, A.cols()}, {B.data().data(), B.cols(), 1}, A.cols(), A.rows(), B.cols(),
                   threads);
}

// C(i, j) = sum_k A(i, k) B(j, k): R(k, j) = B[j K + k]
Matrix matmul_bt_fast(const Matrix& A, const Matrix& B, int threads) {
    require(A.cols() == B.cols(), "matmul_bt_fast", A, B, "A and B must have the same number of columns");
    return product({A.data().data(), A.cols(), 1}, {B.data().data(), 1, B.cols()}, A.rows(), A.cols(), B.rows(),
                   threads);
}

// Rows [i0, i1) of A B^T into C (row stride B.rows()), on the calling thread: the bits of
// matmul_bt_fast's rows. For callers that split samples themselves (kmeans_assign_fast).
void matmul_bt_rows(const Matrix& A, const Matrix& B, std::size_t i0, std::size_t i1, double* C) {
    require(A.cols() == B.cols(), "matmul_bt_rows", A, B, "A and B must have the same number of columns");
    const std::size_t K = A.cols(), M = B.rows();
    std::fill(C, C + (i1 - i0) * M, 0.0);
    if (i0 >= i1 || M == 0 || K == 0) return;
    const View L{A.data().data(), K, 1}, R{B.data().data(), 1, K};
    const std::size_t b_size = round_up(M, NR) * K;
    double* Bp = scratch(b_size + left_size(i1 - i0, K));
    pack_right(R, K, M, Bp);
    product_rows(L, Bp, K, M, i0, i1, C, M, Bp + b_size);
}

}  // namespace mlfs
