// SPDX-License-Identifier: MIT
// The incomplete beta function, its inverse, and the Student t and F distributions:
// derivations/linear_regression.md, section "the t and F distributions", (LR.30) to (LR.34).
// Legend: a, b the shape parameters of I_x(a, b); x and y = 1 - x, carried as a Pair with their
// logs; nu, d1, d2 degrees of freedom; p, q probabilities; eps = 2^-52.
#include "algorithms/distributions.hpp"

#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>

#include "linalg/errors.hpp"

namespace mlfs {
namespace {

const double kEps = std::numeric_limits<double>::epsilon();
const int kMaxTerms = 1000;  // fraction steps (term pairs): <= ~76 for any t, 56 at a = b = 1000, 296 at 1.5e5
const int kMaxNewton = 100;  // Newton/bisection steps of the inverse; 2-9 are used

// x, y = 1 - x and their logs, each to a few roundings. Carried together, so that a value near 1
// never has its small complement recomputed by a cancelling subtraction, and so that x may lie
// below the double range (t = 1e200 at nu = 1) while log x still holds it.
struct Pair {
    double x, y, log_x, log_y;
};

Pair swapped(const Pair& p) { return {p.y, p.x, p.log_y, p.log_x}; }

// from x and y = 1 - x: the log of whichever is nearer 1 is log1p of the other
Pair pair_from_x(double x, double y) {
    return {x, y, x < 0.5 ? std::log(x) : std::log1p(-y), y < 0.5 ? std::log(y) : std::log1p(-x)};
}

// from the ratio r = y / x (t^2 / nu, d1 f / d2): x = 1 / (1 + r), y = r / (1 + r). The caller
// passes r when r <= 1, else s = 1 / r and log s (computed apart when s underflows), so nothing
// overflows and no log has a cancelling argument.
Pair pair_from_ratio(double r) {
    const double l = std::log1p(r);
    return {1.0 / (1.0 + r), r / (1.0 + r), -l, std::log(r) - l};
}
Pair pair_from_inverse_ratio(double s, double log_s) {
    const double l = std::log1p(s);
    return {s / (1.0 + s), 1.0 / (1.0 + s), log_s - l, -l};
}

void require(bool ok, const char* fn, const char* name, double value, const char* rule) {
    if (!ok) throw std::invalid_argument(std::string(fn) + ": " + name + " = " + format_exact(value) + " " + rule);
}

// shape parameters and degrees of freedom: finite and > 0 (NaN fails the test too)
void require_positive(const char* fn, const char* name, double v) {
    require(v > 0.0 && std::isfinite(v), fn, name, v, "must be a finite number > 0");
}

// Stirling's remainder delta(z) = lgamma(z) - [(z - 1/2) log z - z + log(2 pi) / 2] for z >= 10,
// by its asymptotic series sum_k B_2k / (2k (2k - 1) z^(2k-1)), k = 1..8; the first omitted
// term is below 2e-18 at z = 10.
double stirling_remainder(double z) {
    static const double c[] = {1.0 / 12,   -1.0 / 360,      1.0 / 1260, -1.0 / 1680,
                               1.0 / 1188, -691.0 / 360360, 1.0 / 156,  -3617.0 / 122400};
    const double w = 1.0 / (z * z);
    double s = 0.0;
    for (int k = 7; k >= 0; --k) s = s * w + c[k];  // Horner in 1 / z^2
    return s / z;
}

// (LR.30) log B(a, b) = lgamma(a) + lgamma(b) - lgamma(a + b). Summed as written, large arguments
// cancel: lgamma(5000) = 37586 carries a rounding of ~4e-12, which would become the relative
// error of every p-value at nu = 1e4. So for arguments >= 10 the Stirling forms are subtracted
// by hand (their linear terms cancel exactly) and only the small remainders delta are added.
double log_beta(double a, double b) {
    const double big = std::fmax(a, b), small = std::fmin(a, b), s = a + b;
    if (big < 10.0) return std::lgamma(a) + std::lgamma(b) - std::lgamma(s);  // all terms < 40
    const double rem = stirling_remainder(big) - stirling_remainder(s);
    if (small < 10.0)  // lgamma(big) - lgamma(s) = -(big - 1/2) log(1 + small/big) - small log s + small
        return std::lgamma(small) - (big - 0.5) * std::log1p(small / big) - small * std::log(s) + small + rem;
    // both large: (a - 1/2) log(a/s) + (b - 1/2) log(b/s) - log(s) / 2 + log(2 pi) / 2 + deltas
    const double half_log_2pi = 0.91893853320467274178;
    return half_log_2pi - 0.5 * std::log(s) - (big - 0.5) * std::log1p(small / big) +
           (small - 0.5) * std::log(small / s) + rem + stirling_remainder(small);
}

// (LR.30) B(x; a, b) = x^a y^b / a * 1 / (1 + d_1 / (1 + d_2 / (1 + ...))) with
//   d_(2m+1) = -(a + m)(a + b + m) x / ((a + 2m)(a + 2m + 1)),  d_(2m) = m (b - m) x / ((a + 2m - 1)(a + 2m)),
// taken two terms at a time (the fraction's even part, same value, one step per pair):
//   1 / (E_0 + A_1 / (E_1 + A_2 / (E_2 + ...))),  E_m = 1 + d_(2m) + d_(2m+1),  A_m = -d_(2m-1) d_(2m).
// Near the switch point of (LR.31) 1 + d_1 is tiny (2 / (a + b + 2) there), and 1 + d_(2m) + d_(2m+1)
// summed as written would lose that many digits (1e-11 at nu = 1e6). Written through
// lambda1 = 1 + a - (a + b) x = (a + b) y + 1 - b, which is > 0 up to the switch point,
//   (a + 2m) E_m = m + m (b - m) x / (a + 2m - 1) + (a + m)(lambda1 + m (1 + y)) / (a + 2m + 1),
// it has no cancellation left but lambda1 itself, computed with one rounding by a fused
// multiply-add on the smaller of a and b. Returns the denominator F = E_0 + A_1 / (E_1 + ...), by
// the modified Lentz method: F_m = F_(m-1) C_m D_m, C_m = E_m + A_m / C_(m-1), D_m = 1 / (E_m + A_m D_(m-1)),
// F_0 = C_0 = E_0, D_0 = 0, a zero replaced by 1e-300; it stops when C_m D_m is within eps of 1.
double beta_continued_fraction(double a, double b, double x, double y) {
    const double tiny = 1e-300;
    const double lambda1 = a < b ? std::fma(-(a + b), x, a + 1.0) : std::fma(a + b, y, 1.0 - b);
    double F = lambda1 / (a + 1.0), C = F, D = 0.0;  // E_0 = 1 + d_1 = lambda1 / (a + 1)
    if (std::fabs(F) < tiny) F = C = tiny;
    for (int m = 1; m <= kMaxTerms; ++m) {
        const double dm = m;
        const double d_even = dm * (b - dm) * x / ((a + 2 * dm - 1) * (a + 2 * dm));  // d_(2m)
        const double d_odd = -(a + dm - 1) * (a + b + dm - 1) * x / ((a + 2 * dm - 2) * (a + 2 * dm - 1));
        const double E =  // E_m from (a + 2m) E_m above, d_odd = d_(2m-1)
            (dm + d_even * (a + 2 * dm) + (a + dm) * (lambda1 + dm * (1.0 + y)) / (a + 2 * dm + 1)) / (a + 2 * dm);
        const double A = -d_odd * d_even;
        D = E + A * D;
        if (std::fabs(D) < tiny) D = tiny;
        C = E + A / C;
        if (std::fabs(C) < tiny) C = tiny;
        D = 1.0 / D;
        F *= C * D;
        if (std::fabs(C * D - 1.0) <= kEps) return F;
    }
    throw NumericalError("incomplete_beta: the continued fraction for a = " + format_exact(a) +
                             ", b = " + format_exact(b) + ", x = " + format_exact(x) + " did not converge in " +
                             std::to_string(kMaxTerms) + " steps",
                         static_cast<std::size_t>(kMaxTerms), F);
}

// (LR.30) I_x(a, b) by the fraction, for any x in (0, 1) (fast when x <= (a + 1) / (a + b + 2)).
double beta_fraction_side(double a, double b, const Pair& p) {
    // prefactor x^a y^b / (a B(a, b)) in log space; exp(.) / F rather than exp(. - log F),
    // which would round a second time at the scale of the (possibly ~700) exponent
    return std::exp(a * p.log_x + b * p.log_y - std::log(a) - log_beta(a, b)) / beta_continued_fraction(a, b, p.x, p.y);
}

// I_x(a, b) for the pair p, x in [0, 1].
double beta_pair(double a, double b, const Pair& p) {
    if (p.log_x == -HUGE_VAL) return 0.0;  // x = 0 exactly (an underflowed x still has its log)
    if (p.log_y == -HUGE_VAL) return 1.0;
    if (p.x > (a + 1.0) / (a + b + 2.0)) return 1.0 - beta_fraction_side(b, a, swapped(p));  // (LR.31)
    return beta_fraction_side(a, b, p);
}

// The bracket and first guess for the root z in (0, 1/2] of I_z(al, be) = P: there
// I_z = k z^al / (al B) with k between 1 and 2^(1-be) (the factor (1-t)^(be-1) of the integrand
// lies between those), so solving for z with either value of k bounds the root; the bounds are
// widened by 2 against their own rounding, and the guess is k = 1.
struct Bracket {
    double lo, guess, hi;
};
Bracket power_law_bracket(double al, double be, double P, double log_B) {
    const double base = std::log(P) + std::log(al) + log_B, log_k = (1.0 - be) * std::log(2.0);
    Bracket br;
    br.hi = std::fmin(0.5, 2.0 * std::exp((base - std::fmin(log_k, 0.0)) / al));
    br.lo = std::fmin(br.hi, std::fmax(0.5 * std::exp((base - std::fmax(log_k, 0.0)) / al),
                                       std::numeric_limits<double>::denorm_min()));
    br.guess = std::fmin(br.hi, std::fmax(br.lo, std::exp(base / al)));
    return br;
}

// (LR.33) solves I_x(a, b) = p for the pair (x, y), 0 < p < 1. The unknown z is the smaller of
// x and y (which one is settled by comparing p with I_(1/2)), so that it keeps its relative
// accuracy however close x is to 1: I_z(al, be) = P with (al, be, P) = (a, b, p) or (b, a, 1 - p).
// The residual compares G, the smaller of I_z(al, be) and 1 - I_z(al, be) = I_(1-z)(be, al), with
// the matching one of p and 1 - p (the smaller is exact), so a tiny p keeps its relative accuracy.
// Newton steps on log G against log z (near 0, G is a power law in z: a straight line in these
// coordinates), inside a bracket [lo, hi] that shrinks with every evaluation; a step leaving it
// is replaced by the bracket's geometric midpoint.
Pair beta_inverse_pair(double a, double b, double p) {
    const bool z_is_x = p <= beta_pair(a, b, pair_from_x(0.5, 0.5));
    const double al = z_is_x ? a : b, be = z_is_x ? b : a, P = z_is_x ? p : 1.0 - p;
    const bool G_is_I = P <= 0.5;  // else G = 1 - I_z(al, be), decreasing in z
    const double target = G_is_I == z_is_x ? p : 1.0 - p;
    const double log_B = log_beta(al, be);
    auto answer = [z_is_x](double z) {
        const Pair zp = pair_from_x(z, 1.0 - z);
        return z_is_x ? zp : swapped(zp);
    };
    Bracket br = power_law_bracket(al, be, P, log_B);
    if (!(br.hi > 0.0)) return answer(0.0);  // the root is below the double range
    double z = br.guess;
    for (int it = 0; it < kMaxNewton; ++it) {
        const Pair zp = pair_from_x(z, 1.0 - z);
        const double G = G_is_I ? beta_pair(al, be, zp) : beta_pair(be, al, swapped(zp));
        if (G == target) return answer(z);
        ((G < target) == G_is_I ? br.lo : br.hi) = z;
        const double bisect = std::sqrt(br.lo) * std::sqrt(br.hi);
        if (br.hi - br.lo <= 2.0 * kEps * br.hi || std::nextafter(br.lo, 1.0) >= br.hi) return answer(bisect);
        if (!(G > 0.0)) {  // I underflowed at this z: no slope, bisect
            z = bisect;
            continue;
        }
        const double slope = (G_is_I ? 1.0 : -1.0) *  // d log G / d log z = +-z f(z) / G
                             std::exp(al * zp.log_x + (be - 1.0) * zp.log_y - log_B) / G;
        const double step = std::log1p((G - target) / target) / slope;  // log(G / target) / slope
        const double next = z * std::exp(-step);
        // converged: this last step only polishes the last digits
        if (std::fabs(step) <= 1e-10) return answer(std::fmin(br.hi, std::fmax(br.lo, next)));
        z = next > br.lo && next < br.hi ? next : bisect;
    }
    throw NumericalError("incomplete_beta_inverse: no convergence for a = " + format_exact(a) +
                             ", b = " + format_exact(b) + ", p = " + format_exact(p) + " in " +
                             std::to_string(kMaxNewton) + " steps",
                         static_cast<std::size_t>(kMaxNewton), z);
}

// (LR.32) P(|T| >= |t|) = I_x(nu/2, 1/2), x = nu / (nu + t^2), y = t^2 / (nu + t^2)
double two_sided(double t, double nu) {
    const double at = std::fabs(t);
    if (at == 0.0) return 1.0;
    if (std::isinf(at)) return 0.0;
    const double r = at / nu * at, s = nu / at / at;  // t^2 / nu and its inverse, whichever is <= 1
    const double log_s = s >= std::numeric_limits<double>::min() ? std::log(s) : std::log(nu) - 2.0 * std::log(at);
    return beta_pair(0.5 * nu, 0.5, r <= 1.0 ? pair_from_ratio(r) : pair_from_inverse_ratio(s, log_s));
}

void require_t(const char* fn, double t, double nu) {
    require(!std::isnan(t), fn, "t", t, "is not a number");
    require_positive(fn, "nu", nu);
}

// (LR.34) x = d2 / (d2 + d1 f), y = d1 f / (d2 + d1 f), for f >= 0
Pair f_pair(const char* fn, double f, double d1, double d2) {
    require(f >= 0.0, fn, "f", f, "must be >= 0 (an F statistic is a ratio of sums of squares)");
    require_positive(fn, "d1", d1);
    require_positive(fn, "d2", d2);
    if (f == 0.0) return {1.0, 0.0, 0.0, -HUGE_VAL};
    if (std::isinf(f)) return {0.0, 1.0, -HUGE_VAL, 0.0};
    const double r = d1 * f / d2, s = d2 / d1 / f;  // d1 f / d2 and its inverse, whichever is <= 1
    if (r <= 1.0) return pair_from_ratio(r);
    return pair_from_inverse_ratio(s, s >= std::numeric_limits<double>::min()
                                          ? std::log(s)
                                          : std::log(d2) - std::log(d1) - std::log(f));
}

}  // namespace

double incomplete_beta(double a, double b, double x) {
    require_positive("incomplete_beta", "a", a);
    require_positive("incomplete_beta", "b", b);
    require(x >= 0.0 && x <= 1.0, "incomplete_beta", "x", x, "must be in [0, 1]");
    return beta_pair(a, b, pair_from_x(x, 1.0 - x));  // 1 - x: exact for x >= 1/2, relatively exact below
}

double incomplete_beta_inverse(double a, double b, double p) {
    require_positive("incomplete_beta_inverse", "a", a);
    require_positive("incomplete_beta_inverse", "b", b);
    require(p >= 0.0 && p <= 1.0, "incomplete_beta_inverse", "p", p, "must be in [0, 1]");
    if (p == 0.0 || p == 1.0) return p;
    return beta_inverse_pair(a, b, p).x;
}

double student_t_two_sided_p(double t, double nu) {
    require_t("student_t_two_sided_p", t, nu);
    return two_sided(t, nu);
}

// (LR.32) P(T <= t) = 1 - p/2 for t >= 0 and p/2 for t < 0, p = P(|T| >= |t|)
double student_t_cdf(double t, double nu) {
    require_t("student_t_cdf", t, nu);
    const double p = two_sided(t, nu);
    return t >= 0.0 ? 1.0 - 0.5 * p : 0.5 * p;
}

double student_t_sf(double t, double nu) {
    require_t("student_t_sf", t, nu);
    const double p = two_sided(t, nu);
    return t >= 0.0 ? 0.5 * p : 1.0 - 0.5 * p;  // (LR.32) P(T > t), the mirror of the cdf
}

// (LR.33) x = I^-1(nu/2, 1/2; 2 min(q, 1 - q)), t = sqrt(nu (1 - x) / x) with the sign of q - 1/2
double student_t_quantile(double q, double nu) {
    require(q > 0.0 && q < 1.0, "student_t_quantile", "q", q, "must be in (0, 1)");
    require_positive("student_t_quantile", "nu", nu);
    if (q == 0.5) return 0.0;
    const Pair xy = beta_inverse_pair(0.5 * nu, 0.5, 2.0 * std::fmin(q, 1.0 - q));  // 1 - q exact for q >= 1/2
    if (xy.x == 0.0) return q < 0.5 ? -HUGE_VAL : HUGE_VAL;                         // x below the double range
    const double ratio = xy.y / xy.x;  // 1 - x is y, solved for directly when it is the small one
    const double t = std::isfinite(nu * ratio) ? std::sqrt(nu * ratio)
                                               : std::sqrt(nu) * std::sqrt(xy.y) / std::sqrt(xy.x);
    return q < 0.5 ? -t : t;
}

// (LR.34) P(F > f) = I_x(d2/2, d1/2), x = d2 / (d2 + d1 f)
double f_sf(double f, double d1, double d2) { return beta_pair(0.5 * d2, 0.5 * d1, f_pair("f_sf", f, d1, d2)); }

// (LR.34) P(F <= f) = I_y(d1/2, d2/2) = 1 - I_x(d2/2, d1/2) by (LR.31), evaluated directly
double f_cdf(double f, double d1, double d2) {
    return beta_pair(0.5 * d1, 0.5 * d2, swapped(f_pair("f_cdf", f, d1, d2)));
}

}  // namespace mlfs
