// SPDX-License-Identifier: MIT
// `mlfs tour`, linear algebra: how much of the answer each solver keeps as cond(A) grows.
#include "studies/linalg.hpp"

#include <cmath>
#include <cstdio>
#include <functional>
#include <limits>
#include <string>
#include <vector>

#include "io/golden.hpp"
#include "io/svg.hpp"
#include "linalg/cholesky.hpp"
#include "linalg/condition.hpp"
#include "linalg/gauss_jordan.hpp"
#include "linalg/matmul.hpp"
#include "linalg/qr.hpp"

namespace mlfs {

namespace {

const double kEps = std::numeric_limits<double>::epsilon();

// ||x - x_exact|| / ||x_exact||, or NaN when the solver refused (it says why on stdout)
double solve_error(const std::function<Vector()>& solve, const Vector& x_exact, std::string& note) {
    try {
        return norm2(subtract(solve(), x_exact)) / norm2(x_exact);
    } catch (const std::exception& e) {
        note = e.what();
        return std::nan("");
    }
}

// max_ij |ours - ref| as a summary row against a tolerance; `source` computed ref
SummaryRow max_diff_row(const std::string& quantity, const std::string& source, const Matrix& ours, const Matrix& ref,
                        double tol) {
    double worst = 0.0, at_ref = 0.0, at_ours = 0.0;
    for (std::size_t k = 0; k < ref.size(); ++k) {
        const double d = std::fabs(ours.data()[k] - ref.data()[k]);
        if (!(d <= worst)) worst = d, at_ref = ref.data()[k], at_ours = ours.data()[k];
    }
    return SummaryRow{quantity, at_ours, at_ref, worst, tol, false, source};
}

SummaryRow rel_row(const std::string& quantity, const std::string& source, double ours, double ref, double rtol) {
    return SummaryRow{quantity, ours, ref, std::fabs(ours - ref) / std::fabs(ref), rtol, true, source};
}

// The Hilbert table: one row per n, solution error of each solver and the condition estimate.
void hilbert_table(const mlfs::Golden& g, const std::string& out_dir, Summary& summary) {
    std::printf("Hilbert systems H x = b, b = H 1 rounded; error = ||x - x_exact|| / ||x_exact||,\n"
                "x_exact from 60-digit arithmetic on the stored H and b (tests/golden/linalg.txt).\n\n");
    std::printf("%3s %12s %12s %10s %12s %12s %12s\n", "n", "cond exact", "cond (LA.20)", "n eps cond", "Cholesky",
                "Gauss-Jordan", "QR");
    Vector ns, e_chol, e_gj, e_qr, bound;
    std::vector<std::string> notes;
    for (int n = 8; n <= 12; ++n) {
        const std::string c = "hilbert" + std::to_string(n);
        const Matrix H = g.matrix(c + ".A");
        const Vector b = g.vector(c + ".b"), x_exact = g.vector(c + ".x_exact");
        const double cond_exact = g.scalar(c + ".cond_exact");
        std::string note;
        double cond_ours = std::nan("");
        try {
            cond_ours = spd_condition_number(H).cond;
        } catch (const std::exception& e) {
            note = e.what();
        }
        const double ec = solve_error([&] { return Cholesky(H).solve(b); }, x_exact, note);
        const double eg = solve_error([&] { return gauss_jordan_solve(H, b); }, x_exact, note);
        const double eq = solve_error([&] { return lstsq_qr(H, b); }, x_exact, note);
        std::printf("%3d %12.3e %12.3e %10.1e %12.2e %12.2e %12.2e\n", n, cond_exact, cond_ours, n * kEps * cond_exact,
                    ec, eg, eq);
        if (!note.empty()) notes.push_back("  n = " + std::to_string(n) + ": " + note);
        ns.push_back(n);
        e_chol.push_back(ec);
        e_gj.push_back(eg);
        e_qr.push_back(eq);
        bound.push_back(n * kEps * cond_exact);
        if (n <= 9)  // where 16 n eps cond < 1e-2, the estimate has digits to compare (tests/test_condition.cpp)
            summary.push_back(
                rel_row(c + ": cond_2 (LA.20), rel", "exact", cond_ours, cond_exact, 32.0 * n * kEps * cond_exact));
    }
    for (const auto& s : notes) std::printf("%s\n", s.c_str());
    std::printf("\nEvery solver is backward stable, so its error stays below n eps cond(H) (here by two\n"
                "to three orders of magnitude); by n = 12 at most one or two digits survive, whichever\n"
                "solver is used. The condition number itself is only as good as lambda_min (LA.19).\n\n");

    Plot plot("Hilbert systems: solution error vs n", "n", "relative error ||x - x_exact|| / ||x_exact||");
    plot.set_log_y(true);
    plot.add_line("Cholesky (LA.8)", ns, e_chol);
    plot.add_line("Gauss-Jordan (LA.12)", ns, e_gj);
    plot.add_line("Householder QR (LA.16)", ns, e_qr);
    plot.add_line("n eps cond(H)", ns, bound);
    plot.set_caption("The relative error of each solver on the Hilbert systems H x = b, n = 8 to 12, beside "
                     "n eps cond(H). All three stay under that bound and climb with it: the digits lost are set "
                     "by the conditioning of H, not by the choice of solver.");
    plot.save(out_dir + "/linalg_hilbert_errors.svg");
}

// Each solver against the numpy/scipy goldens, with the tolerances of the tests.
void golden_rows(const mlfs::Golden& g, Summary& summary) {
    const Matrix A6 = g.matrix("spd6.A"), L6 = g.matrix("spd6.L");
    const double tol6 = 16.0 * 6 * kEps * g.scalar("spd6.cond");
    summary.push_back(max_diff_row("spd6: Cholesky factor L", "scipy", cholesky(A6), L6, tol6 * max_abs(L6)));
    const Matrix A5 = g.matrix("general5.A"), inv5 = g.matrix("general5.inv");
    const double cond5 = frobenius_norm(A5) * frobenius_norm(inv5);
    summary.push_back(max_diff_row("general5: Gauss-Jordan inverse", "scipy", gauss_jordan_inverse(A5), inv5,
                                   16.0 * 5 * kEps * cond5 * max_abs(inv5)));
    const Matrix A12 = g.matrix("lstsq12x4.A");
    const Vector x12 = g.vector("lstsq12x4.x");
    const double c12 = g.scalar("lstsq12x4.cond");
    const double ratio = g.scalar("lstsq12x4.residual_norm") / (frobenius_norm(A12) * norm2(x12));
    summary.push_back(max_diff_row("lstsq12x4: QR least squares x", "numpy",
                                   Matrix::column(lstsq_qr(A12, g.vector("lstsq12x4.b"))), Matrix::column(x12),
                                   16.0 * 12 * kEps * (c12 + c12 * c12 * ratio) * norm2(x12)));
    summary.push_back(rel_row("spd6: cond_2 (LA.20), rel", "numpy", spd_condition_number(A6).cond,
                              g.scalar("spd6.cond"), 32.0 * 6 * kEps * g.scalar("spd6.cond")));
}

}  // namespace

void run_linalg_study(const std::string& out_dir, Summary& summary) {
    std::printf("== Linear algebra (derivations/linear_algebra.md) ==\n\n");
    mlfs::Golden g("linalg.txt");
    hilbert_table(g, out_dir, summary);
    golden_rows(g, summary);
}

}  // namespace mlfs
