// SPDX-License-Identifier: MIT
// This test must FAIL: CMake registers it with WILL_FAIL, so CTest passes only if the harness
// reports the wrong check and exits non-zero, in every build type (NDEBUG included).
#include "tests/check.hpp"

TEST_CASE(harness_reports_a_wrong_check) {
    CHECK_NEAR(1.0, 2.0, 1e-12, "deliberately wrong: proves a failing check fails the process");
}

TEST_MAIN()
