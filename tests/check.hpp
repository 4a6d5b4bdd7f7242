// SPDX-License-Identifier: MIT
// The test harness: a handful of macros that count checks, print
//   file:line: ours X vs reference Y (tol Z) [FAIL]
// and a main that returns non-zero if any check failed. It never uses assert, so it checks in
// Release builds too (tests/test_harness_fails.cpp proves it under CTest's WILL_FAIL).
//
//   TEST_CASE(cholesky_hilbert8) { CHECK_NEAR(ours, ref, 1e-12, "reason"); }
//   CHECK(cond)                             a boolean
//   CHECK_NEAR(ours, ref, tol, why)         |ours - ref| <= tol                     (absolute)
//   CHECK_REL(ours, ref, rtol, why)         |ours - ref| <= rtol * |ref|            (relative)
//   CHECK_ALL_NEAR(ours, ref, rtol, atol, why)  elementwise |o - r| <= atol + rtol * |r| on
//                                           Matrix or Vector, reporting the worst element
//   CHECK_THROWS(expr, Type, substring)     expr throws Type whose what() contains substring
// A test program runs every case, or with "--only a,b" just those (how an exercise's test is made).
// `why` is the one-line reason for the tolerance; it is printed with every failure.
#pragma once

#include <cmath>
#include <cstdio>
#include <cstring>
#include <exception>
#include <string>
#include <vector>

#include "linalg/matrix.hpp"

namespace mlfs_test {

struct Registry {
    struct Case {
        const char* name;
        void (*fn)();
    };
    std::vector<Case> cases;
    long checks = 0;
    long failures = 0;
    bool verbose = false;
    static Registry& get() {
        static Registry r;
        return r;
    }
};

struct Register {
    Register(const char* name, void (*fn)()) { Registry::get().cases.push_back({name, fn}); }
};

inline void report(bool ok, const char* file, int line, const std::string& what) {
    Registry& r = Registry::get();
    ++r.checks;
    if (!ok) ++r.failures;
    if (!ok || r.verbose) std::printf("%s:%d: %s%s\n", file, line, what.c_str(), ok ? "" : "  [FAIL]");
}

inline std::string num(double x) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.17g", x);
    return buf;
}

inline bool near(double ours, double ref, double rtol, double atol) {
    if (std::isnan(ours) || std::isnan(ref)) return false;  // NaN never passes
    if (ours == ref) return true;                           // equal infinities
    return std::fabs(ours - ref) <= atol + rtol * std::fabs(ref);
}

inline void check_near(double ours, double ref, double rtol, double atol, const char* why, const char* file, int line) {
    bool ok = near(ours, ref, rtol, atol);
    std::string what = "ours " + num(ours) + " vs reference " + num(ref) + " (diff " + num(std::fabs(ours - ref)) +
                       ", tol " + (rtol > 0 ? "rel " + num(rtol) : "") + (rtol > 0 && atol > 0 ? " + " : "") +
                       (atol > 0 || rtol == 0 ? "abs " + num(atol) : "") + ": " + why + ")";
    report(ok, file, line, what);
}

template <class Seq>
inline void check_all_near(const Seq& ours, const Seq& ref, std::size_t ours_rows, std::size_t ref_rows, double rtol,
                           double atol, const char* why, const char* file, int line) {
    if (ours.size() != ref.size() || ours_rows != ref_rows) {
        report(false, file, line,
               "size mismatch: ours has " + std::to_string(ours.size()) + " elements in " + std::to_string(ours_rows) +
                   " rows, reference " + std::to_string(ref.size()) + " in " + std::to_string(ref_rows));
        return;
    }
    if (ref.empty()) {  // comparing nothing proves nothing
        report(false, file, line, std::string("empty reference: ") + why);
        return;
    }
    // the worst element is the one furthest outside (or closest to) its bound |o - r| / bound
    std::size_t worst = 0, bad = 0;
    double worst_ratio = -1.0;
    for (std::size_t i = 0; i < ref.size(); ++i) {
        double bound = atol + rtol * std::fabs(ref[i]);
        bool ok = near(ours[i], ref[i], rtol, atol);
        if (!ok) ++bad;
        double diff = std::fabs(ours[i] - ref[i]);
        double ratio = bound > 0 ? diff / bound : (diff > 0 ? HUGE_VAL : 0.0);
        if (!ok && !(ratio > 1.0)) ratio = HUGE_VAL;  // NaN
        if (ratio > worst_ratio) {
            worst_ratio = ratio;
            worst = i;
        }
    }
    std::string what = std::to_string(bad) + " of " + std::to_string(ref.size()) + " elements outside tol; worst [" +
                       std::to_string(worst) + "]: ours " + num(ours[worst]) + " vs reference " + num(ref[worst]) +
                       " (tol rel " + num(rtol) + " + abs " + num(atol) + ": " + why + ")";
    report(bad == 0, file, line, what);
}

inline void check_all_near(const mlfs::Matrix& ours, const mlfs::Matrix& ref, double rtol, double atol, const char* why,
                           const char* file, int line) {
    if (ours.rows() != ref.rows() || ours.cols() != ref.cols()) {
        report(false, file, line, "shape mismatch: ours " + ours.shape() + " vs reference " + ref.shape());
        return;
    }
    check_all_near(ours.data(), ref.data(), ours.rows(), ref.rows(), rtol, atol, why, file, line);
}

inline void check_all_near(const mlfs::Vector& ours, const mlfs::Vector& ref, double rtol, double atol, const char* why,
                           const char* file, int line) {
    check_all_near(ours, ref, 1, 1, rtol, atol, why, file, line);
}

// "--only a,b": run just the cases named (an exercise's test, CMakeLists.txt mlfs_exercise);
// a name that is not a case of this file is an error, so a typo cannot make a test check nothing.
inline bool select_cases(const char* list, std::vector<std::string>& only) {
    std::string s = list;
    for (std::size_t start = 0; start <= s.size();) {
        std::size_t comma = s.find(',', start);
        if (comma == std::string::npos) comma = s.size();
        only.push_back(s.substr(start, comma - start));
        start = comma + 1;
    }
    for (const auto& name : only) {
        bool known = false;
        for (const auto& c : Registry::get().cases) known = known || name == c.name;
        if (!known) {
            std::printf("--only: this file has no test case '%s'  [FAIL]\n", name.c_str());
            return false;
        }
    }
    return true;
}

inline bool selected(const std::vector<std::string>& only, const char* name) {
    if (only.empty()) return true;
    for (const auto& o : only)
        if (o == name) return true;
    return false;
}

inline int run_all(int argc, char** argv) {
    Registry& r = Registry::get();
    std::vector<std::string> only;
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "-v") == 0) r.verbose = true;
        if (std::strcmp(argv[i], "--only") == 0 && (i + 1 == argc || !select_cases(argv[++i], only))) return 1;
    }
    for (const auto& c : r.cases) {
        if (!selected(only, c.name)) continue;
        long before = r.failures;
        try {
            c.fn();
        } catch (const std::exception& e) {
            ++r.checks;
            ++r.failures;
            std::printf("%s: unexpected exception: %s  [FAIL]\n", c.name, e.what());
        }
        std::printf("%-40s %s\n", c.name, r.failures == before ? "ok" : "NOT OK");
    }
    std::printf("%ld checks, %ld failed\n", r.checks, r.failures);
    return r.failures == 0 && r.checks > 0 ? 0 : 1;  // a test file that checks nothing fails too
}

}  // namespace mlfs_test

#define TEST_CASE(name)                                             \
    static void name();                                             \
    static const mlfs_test::Register register_##name(#name, &name); \
    static void name()

#define CHECK(cond) mlfs_test::report(static_cast<bool>(cond), __FILE__, __LINE__, "CHECK(" #cond ")")
#define CHECK_MSG(cond, message) mlfs_test::report(static_cast<bool>(cond), __FILE__, __LINE__, message)
#define CHECK_NEAR(ours, ref, tol, why) mlfs_test::check_near((ours), (ref), 0.0, (tol), (why), __FILE__, __LINE__)
#define CHECK_REL(ours, ref, rtol, why) mlfs_test::check_near((ours), (ref), (rtol), 0.0, (why), __FILE__, __LINE__)
#define CHECK_ALL_NEAR(ours, ref, rtol, atol, why) \
    mlfs_test::check_all_near((ours), (ref), (rtol), (atol), (why), __FILE__, __LINE__)
#define CHECK_THROWS(expr, Type, substring)                                                  \
    do {                                                                                     \
        bool mlfs_thrown_ = false;                                                           \
        std::string mlfs_msg_ = "no exception";                                              \
        try {                                                                                \
            (void)(expr);                                                                    \
        } catch (const Type& e) {                                                            \
            mlfs_msg_ = e.what();                                                            \
            mlfs_thrown_ = mlfs_msg_.find(substring) != std::string::npos;                   \
        } catch (const std::exception& e) {                                                  \
            mlfs_msg_ = std::string("other exception: ") + e.what();                         \
        }                                                                                    \
        mlfs_test::report(mlfs_thrown_, __FILE__, __LINE__,                                  \
                          "CHECK_THROWS(" #expr ", " #Type ", \"" + std::string(substring) + \
                              "\"): got: " + mlfs_msg_);                                     \
    } while (0)

#define TEST_MAIN() \
    int main(int argc, char** argv) { return mlfs_test::run_all(argc, argv); }
