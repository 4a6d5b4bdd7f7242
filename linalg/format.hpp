// SPDX-License-Identifier: MIT
// Numbers in text: one family of formatters, one rule for which precision goes where, so the same
// kind of number prints the same way in every message, table and file.
//
//   format_number(x)  "%.3g"   error messages about what broke: enough digits to see it
//                              ("pivot 7 = -2.1e-09", "loss 3.7e+293")
//   format_exact(x)   "%.17g"  every digit: values the user gave or bounds they broke, where two
//                              different doubles must never print alike ("x = 1.0000000000000002"),
//                              and numbers meant to be read back (JSON)
//   format_table(x)   "%.6g"   tables for people: `mlfs data`, ours and reference in the summary
//   format_sci(x)     "%.2e"   differences and tolerances in the summary, compared by eye
//   format_shortest(x) the fewest "%.Ng" digits that read back as x: a value as a person wrote it
//                              ("0.999999", "1e+200", "3"), for class labels and option values
//
// Plot labels (io/svg.cpp) choose their decimals from the tick step instead, and the few figures
// with a printf-style sentence say their format where they print it.
#pragma once

#include <string>

namespace mlfs {

std::string format_number(double x);
std::string format_exact(double x);
std::string format_table(double x);
std::string format_sci(double x);
std::string format_shortest(double x);

}  // namespace mlfs
