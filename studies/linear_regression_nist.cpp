// SPDX-License-Identifier: MIT
// The NIST StRD part of the linear-regression case study: the 11 certified data sets
// (datasets/nist-strd/), each fitted as certified by QR with refinement (LR.6, LR.7), by QR without
// it, and by Cholesky on the normal equations (LR.4); the score is the log relative error (LRE):
// how many significant digits of the worst coefficient agree with NIST's certified value.
#include <algorithm>
#include <cstdio>
#include <string>

#include "algorithms/linear_regression.hpp"
#include "io/golden.hpp"
#include "io/nist.hpp"
#include "studies/linear_regression.hpp"

namespace mlfs {

namespace {

struct NistCase {
    const char* name;
    const char* difficulty;  // NIST's rating (datasets/nist-strd/README.md)
};
const NistCase kNist[] = {{"Norris", "lower"},    {"Pontius", "lower"},   {"NoInt1", "average"},
                          {"NoInt2", "average"},  {"Filip", "higher"},    {"Longley", "higher"},
                          {"Wampler1", "higher"}, {"Wampler2", "higher"}, {"Wampler3", "higher"},
                          {"Wampler4", "higher"}, {"Wampler5", "higher"}};

// the first words of a long message, cut at a space, at most `width` characters
std::string message_start(const std::string& m, std::size_t width) {
    if (m.size() <= width) return m;
    const std::size_t space = m.rfind(' ', width);
    return m.substr(0, space == std::string::npos ? width : space) + " ...";
}

std::string lre_text(double lre) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%.1f", lre);
    return buf;
}

// One data set by the three routes; Cholesky may refuse (a non-positive pivot), QR may not.
struct NistScores {
    double qr = 0.0, qr_plain = 0.0, chol = 0.0;
    std::string chol_error;  // non-empty when Cholesky refused
    std::size_t chol_pivot = 0;
};

NistScores score(const NistDataset& d) {
    NistScores s;
    LeastSquaresOptions opt;
    opt.fit_intercept = d.fit_intercept;
    s.qr = min_coefficient_lre(fit_qr(d.X, d.y, opt), d);  // (LR.6) + (LR.7), 2 refinement steps
    LeastSquaresOptions plain = opt;
    plain.refine_steps = 0;
    s.qr_plain = min_coefficient_lre(fit_qr(d.X, d.y, plain), d);
    try {
        s.chol = min_coefficient_lre(fit_cholesky(d.X, d.y, opt), d);  // (LR.4)
    } catch (const NumericalError& e) {
        s.chol_error = e.what();
        s.chol_pivot = e.index;
    }
    return s;
}

void append(std::string& list, const std::string& item) { list += (list.empty() ? "" : ", ") + item; }

}  // namespace

void run_nist_table(Summary& summary) {
    std::printf("-- NIST StRD linear regression: digits that agree with the certified values --\n\n"
                "LRE = -log10(|estimate - certified| / |certified|), min over the coefficients, at most 15.\n\n");
    std::printf("%-9s %-8s %4s %3s %10s %14s %16s\n", "dataset", "NIST", "N", "p", "QR (LR.7)", "QR unrefined",
                "Cholesky (LR.4)");
    double worst_qr = 15.0;
    std::string notes, chol_short, plain_short;  // the last two: data sets where that route keeps < 7 digits
    for (const NistCase& c : kNist) {
        const NistDataset d = read_nist(mlfs::repo_root() + "/datasets/nist-strd/" + c.name + ".dat");
        const NistScores s = score(d);
        std::string chol = lre_text(s.chol);
        if (!s.chol_error.empty()) {
            chol = "FAIL: pivot " + std::to_string(s.chol_pivot);
            append(chol_short, std::string(c.name) + " failed");
            notes += "  " + std::string(c.name) + ": " + message_start(s.chol_error, 90) + "\n";
        } else if (s.chol < 7.0) {
            append(chol_short, c.name + (" " + chol));
        }
        if (s.qr_plain < 7.0) append(plain_short, c.name + (" " + lre_text(s.qr_plain)));
        worst_qr = std::min(worst_qr, s.qr);
        std::printf("%-9s %-8s %4zu %3zu %10s %14s %16s\n", c.name, c.difficulty, d.X.rows(), d.certified_coef.size(),
                    lre_text(s.qr).c_str(), lre_text(s.qr_plain).c_str(), chol.c_str());
    }
    std::printf("%s\nBelow 7 digits:\n"
                "  Cholesky (error ~ cond(X)^2 eps)                 %s\n"
                "  QR unrefined (error ~ cond(X)^2 eps x residual)  %s\n"
                "  QR with refinement (LR.7)                        %s\n\n",
                notes.c_str(), chol_short.empty() ? "none" : chol_short.c_str(),
                plain_short.empty() ? "none" : plain_short.c_str(), worst_qr >= 7.0 ? "none" : "SOME: see the table");
    // promised: at least 7 digits on every data set; a SummaryRow compares difference <= tolerance,
    // so the row carries difference = max(0, 7 - LRE) against tolerance 0, and 7 as its reference
    summary.push_back(SummaryRow{"NIST: min LRE of QR, 11 sets", worst_qr, 7.0, std::max(0.0, 7.0 - worst_qr), 0.0,
                                 false, "NIST (>= 7)"});
}

}  // namespace mlfs
