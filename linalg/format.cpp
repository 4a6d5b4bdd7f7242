// SPDX-License-Identifier: MIT
// The number formatters (linalg/format.hpp).
#include "linalg/format.hpp"

#include <cstdio>
#include <cstdlib>

namespace mlfs {

namespace {

std::string printed(const char* spec, double x) {
    char buf[40];  // "%.17g" of any double needs at most 24 characters
    std::snprintf(buf, sizeof buf, spec, x);
    return buf;
}

}  // namespace

std::string format_number(double x) { return printed("%.3g", x); }
std::string format_exact(double x) { return printed("%.17g", x); }
std::string format_table(double x) { return printed("%.6g", x); }
std::string format_sci(double x) { return printed("%.2e", x); }

std::string format_shortest(double x) {
    char buf[40];
    for (int digits = 1; digits <= 17; ++digits) {  // 17 always reads back
        std::snprintf(buf, sizeof buf, "%.*g", digits, x);
        if (std::strtod(buf, nullptr) == x) break;
    }
    return buf;
}

}  // namespace mlfs
