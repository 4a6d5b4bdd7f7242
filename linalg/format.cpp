// SPDX-License-Identifier: MIT
// The number formatters (linalg/format.hpp).
#include "linalg/format.hpp"

#include <cstdio>
#include <cstdlib>
#include <cstring>

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
    char buf[40], plain[40];
    int digits = 1;
    for (; digits < 17; ++digits) {  // 17 always reads back
        std::snprintf(buf, sizeof buf, "%.*g", digits, x);
        if (std::strtod(buf, nullptr) == x) break;
    }
    std::snprintf(buf, sizeof buf, "%.*g", digits, x);
    // %g writes 30 as "3e+01" at one digit: with more digits, the same number without an exponent
    // where one exists ("30", "123456"), as a person writes it; 1e+200 and 1e-05 keep theirs
    for (int more = digits + 1; more <= 17 && std::strchr(buf, 'e'); ++more) {
        std::snprintf(plain, sizeof plain, "%.*g", more, x);
        if (!std::strchr(plain, 'e')) return plain;
    }
    return buf;
}

}  // namespace mlfs
