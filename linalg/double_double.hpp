// SPDX-License-Identifier: MIT
// Double-double arithmetic: a number carried as an unevaluated sum hi + lo of two doubles, about
// 32 significant digits (derivations/linear_regression.md, iterative refinement (LR.7)). Used where a residual must be
// computed more accurately than the data it is made of: iterative refinement of least squares.
//
// Both error-free transformations are exact in IEEE double arithmetic with round-to-nearest:
//   two_sum(a, b)  = (s, e) with s = fl(a + b) and s + e = a + b exactly (Knuth)
//   two_prod(a, b) = (p, e) with p = fl(a * b) and p + e = a * b exactly (std::fma computes a*b - p
//                    with one rounding, and that rounding is exact here)
#pragma once

#include <cmath>

namespace mlfs {

struct DoubleDouble {
    double hi = 0.0;
    double lo = 0.0;
    double value() const { return hi + lo; }
};

inline DoubleDouble two_sum(double a, double b) {
    const double s = a + b;
    const double bb = s - a;
    const double e = (a - (s - bb)) + (b - bb);
    return {s, e};
}

inline DoubleDouble two_prod(double a, double b) {
    const double p = a * b;
    return {p, std::fma(a, b, -p)};
}

inline DoubleDouble dd_add(DoubleDouble x, DoubleDouble y) {
    DoubleDouble s = two_sum(x.hi, y.hi);
    s.lo += x.lo + y.lo;
    return two_sum(s.hi, s.lo);  // renormalise so that |lo| <= ulp(hi) / 2
}

inline DoubleDouble dd_add(DoubleDouble x, double y) { return dd_add(x, DoubleDouble{y, 0.0}); }

inline DoubleDouble dd_neg(DoubleDouble x) { return {-x.hi, -x.lo}; }

inline DoubleDouble dd_mul(DoubleDouble x, double y) {
    DoubleDouble p = two_prod(x.hi, y);
    p.lo += x.lo * y;
    return two_sum(p.hi, p.lo);
}

// x / n for a count n, to double-double accuracy: q = fl(x.hi / n), then one correction step
inline DoubleDouble dd_div(DoubleDouble x, double n) {
    const double q = x.hi / n;
    const DoubleDouble r = dd_add(x, dd_neg(two_prod(q, n)));  // x - q n, exactly representable part
    return dd_add(DoubleDouble{q, 0.0}, r.value() / n);
}

}  // namespace mlfs
