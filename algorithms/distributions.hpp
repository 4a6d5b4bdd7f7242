// SPDX-License-Identifier: MIT
// The regularised incomplete beta function and the Student t and F distributions built on it:
// the p-values and critical values of a regression audit (t statistics of coefficients, the
// overall F test). Derivation: derivations/linear_regression.md, section "the t and F
// distributions", tags (LR.30) to (LR.34).
//
//   (LR.30) I_x(a, b) = B(x; a, b) / B(a, b) by its continued fraction (modified Lentz),
//           prefactor x^a (1-x)^b / (a B(a, b)) in log space
//   (LR.31) I_x(a, b) = 1 - I_{1-x}(b, a), used when x > (a + 1) / (a + b + 2)
//   (LR.32) Student t: P(T <= t) = 1 - (1/2) I_{nu/(nu+t^2)}(nu/2, 1/2) for t >= 0
//   (LR.33) inverses: I^-1 by safeguarded Newton, the t quantile through it
//   (LR.34) F: P(F > f) = I_{d2/(d2 + d1 f)}(d2/2, d1/2)
//
// Cost: one I_x is a few logs and lgammas plus steps of the fraction, each ~20 flops; the count
// peaks near the switch point of (LR.31) and grows with min(a, b) (measured: up to ~76 for a
// Student t in the audit's range, 10 / 26 / 56 / 119 / 295 at a = b = 10 / 1e2 / 1e3 / 1e4 / 1.5e5).
// An inverse (quantile) takes 2 to 9 evaluations of I_x.
// Accuracy (tests/test_distributions.cpp, against 60-digit mpmath): relative error within ~3 eps
// (1 + L), L = |a log x| + |b log y| + |log a| + |log B(a, b)| the size of the prefactor's log: ~1e-15
// for moderate values, ~1e-13 for a p-value near 1e-300 (where the rounding of t itself moves the
// answer as much). Tail probabilities are never formed as 1 - something, so they keep that relative
// accuracy down to the underflow threshold.
//
//   // N samples, D features and an intercept:
//   double p = student_t_two_sided_p(t, N - D - 1);   // a coefficient's p-value, P(|T| >= |t|)
//   double c = student_t_quantile(0.975, N - D - 1);  // its 95% interval is coef +- c se
//   double pF = f_sf(F, D, N - D - 1);                // the overall F test
//
// Bad arguments (a <= 0, x outside [0, 1], nu <= 0, q outside (0, 1), NaN, infinite degrees of
// freedom) throw std::invalid_argument naming the function and the value. A continued fraction
// that needs more than 300 steps (both a and b above ~1.5e5, far beyond a regression's degrees of
// freedom) or an inverse that does not converge throws mlfs::NumericalError naming its arguments.
#pragma once

namespace mlfs {

// (LR.30), (LR.31) I_x(a, b) for a > 0, b > 0, 0 <= x <= 1; I_0 = 0, I_1 = 1.
double incomplete_beta(double a, double b, double x);

// (LR.33) the x in [0, 1] with I_x(a, b) = p, for 0 <= p <= 1.
double incomplete_beta_inverse(double a, double b, double p);

// (LR.32) Student t with nu > 0 degrees of freedom (nu need not be an integer); t may be +-inf.
double student_t_cdf(double t, double nu);          // P(T <= t)
double student_t_sf(double t, double nu);           // P(T > t), computed directly (no 1 - cdf)
double student_t_two_sided_p(double t, double nu);  // P(|T| >= |t|) = I_{nu/(nu+t^2)}(nu/2, 1/2)

// (LR.33) the t with P(T <= t) = q, 0 < q < 1. Beyond |t| ~ 1e154 sqrt(nu), reachable only for
// nu < 2 and q within ~1e-154 of 0 or 1, x = nu / (nu + t^2) is subnormal: t loses digits (5 left
// at q = 1e-160, nu = 1), and once x underflows (q ~ 1e-300 at nu = 1) t is +-inf.
double student_t_quantile(double q, double nu);

// (LR.34) F distribution with d1 > 0 (numerator) and d2 > 0 (denominator) degrees of freedom,
// for f >= 0 (an F statistic is a ratio of sums of squares: a negative one is a bug upstream
// and throws); f may be +inf.
double f_sf(double f, double d1, double d2);   // P(F > f), directly
double f_cdf(double f, double d1, double d2);  // P(F <= f) = I_{d1 f/(d2 + d1 f)}(d1/2, d2/2), directly

}  // namespace mlfs
