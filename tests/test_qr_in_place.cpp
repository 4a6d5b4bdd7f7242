// SPDX-License-Identifier: MIT
// Householder QR in place (linalg/qr.hpp) against the QR it replaced, bit for bit: the earlier
// version kept A row-major, copied each column out and back for every reflection and applied
// H_k to one column at a time with its own two passes; the in-place one works on a column-major
// copy, fuses H_k's update with the next step's sums, and splits columns over threads. Every
// number must be the same, so the test writes the earlier algorithm out below and compares R,
// Q^T b, Q z and the least-squares solution on odd shapes, the NIST StRD designs and diabetes, on
// 1, 2 and 3 threads; then fit_qr itself on 1, 2 and 3 threads, and the refinement's side-by-side
// residuals against its plain loops.
#include <cmath>
#include <cstring>
#include <string>

#include "algorithms/least_squares_refinement.hpp"
#include "algorithms/linear_regression.hpp"
#include "io/golden.hpp"
#include "io/nist.hpp"
#include "linalg/qr.hpp"
#include "tests/bit_identity.hpp"
#include "tests/check.hpp"
#include "tests/linreg_fixtures.hpp"

using namespace mlfs;
using mlfs_test::same_bits;

namespace {

// The earlier Householder QR, as it was: V holds v_k in rows k..m-1 of column k, W is reduced to R.
struct PreviousQR {
    std::size_t m, n;
    Matrix V, R;
    Vector vtv;

    explicit PreviousQR(const Matrix& A) : m(A.rows()), n(A.cols()), V(m, n), R(n, n), vtv(n, 0.0) {
        Matrix W = A;
        for (std::size_t k = 0; k < n; ++k) {
            Vector v(m - k);
            for (std::size_t i = k; i < m; ++i) v[i - k] = W(i, k);
            if (norm2(Vector(v.begin() + 1, v.end())) == 0.0) continue;
            const double sign = v[0] >= 0.0 ? 1.0 : -1.0;
            v[0] += sign * norm2(v);
            for (std::size_t i = k; i < m; ++i) V(i, k) = v[i - k];
            vtv[k] = dot(v, v);
            for (std::size_t j = k; j < n; ++j) {
                Vector c = W.col(j);
                reflect(k, c);
                W.set_col(j, c);
            }
            for (std::size_t i = k + 1; i < m; ++i) W(i, k) = 0.0;
        }
        for (std::size_t i = 0; i < n; ++i)
            for (std::size_t j = i; j < n; ++j) R(i, j) = W(i, j);
    }
    void reflect(std::size_t k, Vector& c) const {
        if (vtv[k] == 0.0) return;
        double vtc = 0.0;
        for (std::size_t i = k; i < m; ++i) vtc += V(i, k) * c[i];
        const double f = 2.0 * vtc / vtv[k];
        for (std::size_t i = k; i < m; ++i) c[i] -= f * V(i, k);
    }
    Vector apply_qt(Vector c) const {
        for (std::size_t k = 0; k < n; ++k) reflect(k, c);
        return c;
    }
    Vector apply_q(Vector c) const {
        for (std::size_t k = n; k-- > 0;) reflect(k, c);
        return c;
    }
};

// R, Q^T b, Q b and the solution (when A has full rank) of the in-place QR equal the previous one's bits
void check_same_as_previous(const Matrix& A, const std::string& name) {
    const PreviousQR before(A);
    const Vector b = mlfs_test::pseudo_random(A.rows(), 1, 7).data();
    for (int threads : {1, 2, 3}) {
        const HouseholderQR qr(A, threads);
        const std::string what = name + " (" + A.shape() + ", " + std::to_string(threads) + " threads)";
        CHECK_MSG(same_bits(qr.R(), before.R), what + ": R has the bits of the previous QR");
        CHECK_MSG(same_bits(qr.apply_qt(b), before.apply_qt(b)), what + ": Q^T b has the previous bits");
        CHECK_MSG(same_bits(qr.apply_q(b), before.apply_q(b)), what + ": Q b has the previous bits");
        bool full_rank = true;
        for (std::size_t k = 0; k < A.cols(); ++k) full_rank = full_rank && before.R(k, k) != 0.0;
        if (!full_rank) continue;
        try {
            Vector c = before.apply_qt(b);
            c.resize(A.cols());
            Vector x(A.cols());  // back substitution R x = c, as back_substitution does it
            for (std::size_t i = A.cols(); i-- > 0;) {
                double s = c[i];
                for (std::size_t j = i + 1; j < A.cols(); ++j) s -= before.R(i, j) * x[j];
                x[i] = s / before.R(i, i);
            }
            CHECK_MSG(same_bits(qr.solve(b), x), what + ": the least-squares solution has the previous bits");
        } catch (const NumericalError&) {
            // numerically rank deficient: solve refuses, as it did before
        }
    }
}

}  // namespace

TEST_CASE(odd_shapes_bit_for_bit) {
    const std::size_t shapes[][2] = {{1, 1},  {7, 1},    {7, 7},     {63, 5},    {65, 7},
                                     {64, 4}, {1000, 1}, {1000, 20}, {5001, 23}, {20001, 6}};
    unsigned seed = 1;
    for (const auto& s : shapes) check_same_as_previous(mlfs_test::pseudo_random(s[0], s[1], seed++), "random");
    // a column already a multiple of e_1 (no reflection), a zero column, two equal columns
    Matrix A = mlfs_test::pseudo_random(65, 6, 99);
    for (std::size_t i = 1; i < 65; ++i) A(i, 0) = 0.0;
    for (std::size_t i = 0; i < 65; ++i) {
        A(i, 2) = 0.0;
        A(i, 5) = A(i, 4);
    }
    check_same_as_previous(A, "e_1 column, zero column, equal columns");
    // integer data of very different scales
    Matrix B(300, 4);
    for (std::size_t i = 0; i < 300; ++i) {
        B(i, 0) = 1.0;
        B(i, 1) = static_cast<double>(i % 17);
        B(i, 2) = 1e6 * static_cast<double>(i % 5);
        B(i, 3) = 1e-6 * static_cast<double>((i * 7) % 11);
    }
    check_same_as_previous(B, "integers at scales 1e-6 to 1e6");
}

TEST_CASE(nist_designs_and_diabetes_bit_for_bit) {
    for (const char* name : {"Norris", "Pontius", "NoInt1", "NoInt2", "Filip", "Longley", "Wampler1", "Wampler2",
                             "Wampler3", "Wampler4", "Wampler5"}) {
        const NistDataset d = read_nist(mlfs::repo_root() + "/datasets/nist-strd/" + name + ".dat");
        Matrix A(d.X.rows(), d.X.cols() + 1);  // the design with its column of ones, as certified
        for (std::size_t i = 0; i < A.rows(); ++i) {
            A(i, 0) = 1.0;
            for (std::size_t j = 0; j < d.X.cols(); ++j) A(i, j + 1) = d.X(i, j);
        }
        check_same_as_previous(A, name);
    }
    const Golden g("linreg.txt");
    for (const char* name : mlfs_test::kLinregProblems) {
        const mlfs_test::LinregProblem p = mlfs_test::linreg_problem(g, name);
        check_same_as_previous(centre(p.X, p.y, true).Xc, std::string(name) + " centred");
    }
}

TEST_CASE(fit_qr_same_bits_on_every_thread_count) {
    // big enough that the reflections (m n >= 2^16) and the refinement's row blocks (4096 rows) split
    const Matrix X = mlfs_test::pseudo_random(20001, 7, 5);
    const Vector y = mlfs_test::pseudo_random(20001, 1, 6).data();
    for (double alpha : {0.0, 0.5}) {
        LeastSquaresOptions opt;
        opt.alpha = alpha;
        opt.threads = 1;
        const FactoredFit one = fit_qr_factored(X, y, opt);
        for (int threads : {2, 3}) {
            opt.threads = threads;
            const FactoredFit many = fit_qr_factored(X, y, opt);
            CHECK_MSG(same_bits(many.model.coef_, one.model.coef_) &&
                          std::memcmp(&many.model.intercept_, &one.model.intercept_, sizeof(double)) == 0 &&
                          same_bits(many.R, one.R),
                      "fit_qr, alpha " + std::to_string(alpha) + ": " + std::to_string(threads) +
                          " threads give the bits of 1");
        }
    }
}

TEST_CASE(refinement_rows_side_by_side_equal_the_plain_loop) {
    // least_squares_refinement.cpp sums eight rows of f = b - r - A x side by side (residual_lanes)
    // and the entries of g = -A^T r side by side; with low parts X_lo (all zero here, so the exact
    // problem is the same) it takes the plain one-entry-at-a-time loops instead. Both must give the
    // same bits, on row counts around the 8-row lanes and the 4096-row thread blocks, with and
    // without the ridge rows, on 1, 2 and 3 threads.
    const std::size_t shapes[][2] = {{9, 3}, {63, 5}, {4095, 7}, {4097, 7}, {20001, 6}};
    unsigned seed = 40;
    for (const auto& shape : shapes) {
        const std::size_t N = shape[0], D = shape[1];
        const Matrix X = mlfs_test::pseudo_random(N, D, seed++);
        const Vector y = mlfs_test::pseudo_random(N, 1, seed++).data();
        const Matrix zeros(N, D, 0.0);
        std::vector<DoubleDouble> xbar(D);
        for (std::size_t j = 0; j < D; ++j) xbar[j] = dd_div(DoubleDouble{X(0, j) + X(N - 1, j), 1e-20}, 2.0);
        for (double sqrt_alpha : {0.0, 0.75}) {
            const ExactLeastSquares fast{X, y, xbar, DoubleDouble{0.125, 0.0}, sqrt_alpha, nullptr};
            const ExactLeastSquares plain{X, y, xbar, DoubleDouble{0.125, 0.0}, sqrt_alpha, &zeros};
            Matrix A(fast.rows(), D);
            Vector b(fast.rows());
            for (std::size_t i = 0; i < A.rows(); ++i) {
                for (std::size_t j = 0; j < D; ++j) A(i, j) = fast.A(i, j).value();
                b[i] = fast.b(i).value();
            }
            const HouseholderQR qr(A);
            const Vector x0 = qr.solve(b);
            const Vector reference = refine_least_squares(qr, plain, x0, 2, 1);
            for (int threads : {1, 2, 3}) {
                const std::string what = std::to_string(N) + "x" + std::to_string(D) + ", sqrt(alpha) " +
                                         std::to_string(sqrt_alpha) + ", " + std::to_string(threads) + " threads";
                CHECK_MSG(same_bits(refine_least_squares(qr, fast, x0, 2, threads), reference),
                          what + ": the side-by-side residuals give the plain loop's bits");
                CHECK_MSG(same_bits(refine_least_squares(qr, plain, x0, 2, threads), reference),
                          what + ": the plain loop gives its own bits on every thread count");
            }
        }
    }
}

TEST_MAIN()
