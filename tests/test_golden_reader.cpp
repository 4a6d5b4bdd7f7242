// SPDX-License-Identifier: MIT
// The golden-file reader: numbers round-trip exactly, malformed files are rejected with file:line.
#include <cstdio>
#include <fstream>
#include <string>

#include "io/golden.hpp"
#include "tests/check.hpp"

static std::string write_temp(const std::string& name, const std::string& text) {
    std::string path = "/tmp/mlfs_golden_reader_" + name;  // tests run on POSIX machines
    std::ofstream(path) << text;
    return path;
}

TEST_CASE(reads_all_kinds_exactly) {
    std::string p = write_temp("ok.txt", "# header\n"
                                         "# call: numpy.pi\n"
                                         "scalar pi 3.1415926535897931\n"
                                         "vector v 3\n0.10000000000000001 -2 1e-300\n"
                                         "matrix M 2 2\r\n1 2\r\n3 inf\r\n");
    mlfs::Golden g(p);
    CHECK(g.scalar("pi") == 3.141592653589793);  // 17 digits read back to the same double
    CHECK(g.vector("v").size() == 3 && g.vector("v")[0] == 0.1 && g.vector("v")[2] == 1e-300);
    mlfs::Matrix M = g.matrix("M");
    CHECK(M.rows() == 2 && M.cols() == 2 && M(1, 0) == 3.0 && std::isinf(M(1, 1)));
    CHECK(g.call("pi") == "numpy.pi");
    CHECK(g.call("v").empty());
    CHECK(!g.has("nope"));
    CHECK_THROWS(g.scalar("nope"), std::runtime_error, "no entry named nope");
    CHECK_THROWS(g.scalar("v"), std::runtime_error, "v is not a scalar");
    std::remove(p.c_str());
}

TEST_CASE(malformed_files_name_the_line) {
    CHECK_THROWS(mlfs::Golden(write_temp("a.txt", "vector v 3\n1 2\n")), std::runtime_error,
                 "a.txt:2: v: row has 2 numbers, expected 3");
    CHECK_THROWS(mlfs::Golden(write_temp("b.txt", "scalar x 1.5q\n")), std::runtime_error,
                 "b.txt:1: not a number: '1.5q'");
    CHECK_THROWS(mlfs::Golden(write_temp("c.txt", "scalar x 1\nscalar x 2\n")), std::runtime_error,
                 "c.txt:2: duplicate entry x");
    CHECK_THROWS(mlfs::Golden(write_temp("d.txt", "matrix M 2 2\n1 2\n")), std::runtime_error,
                 "M: file ends inside the entry");
    CHECK_THROWS(mlfs::Golden(write_temp("e.txt", "tensor T 2\n")), std::runtime_error,
                 "e.txt:1: unknown entry kind 'tensor'");
    CHECK_THROWS(mlfs::Golden("/nonexistent/golden.txt"), std::runtime_error, "cannot open");
}

TEST_CASE(committed_linalg_file_loads) {
    mlfs::Golden g("linalg.txt");
    CHECK(g.has("spd3.L") && g.has("hilbert12.A") && g.has("matmul.C"));
    CHECK(!g.call("spd3.L").empty());  // every entry says which call made it
}

TEST_MAIN()
