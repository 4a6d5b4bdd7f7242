// SPDX-License-Identifier: MIT
// Comparing what the JSON reader (io/json_read.hpp) gives with what the writer (io/json.hpp) wrote:
// identical() compares two parsed values (numbers bit for bit, so -0.0 is not 0.0; keys in order),
// and to_json() turns a parsed value back into a Json to write again. The writer has no null, so
// to_json() reports whether the value held one. Used by tests/test_json_read.cpp and the fuzz
// harness tests/fuzz/fuzz_json.cpp.
#pragma once

#include <cstdint>
#include <cstring>
#include <string>

#include "io/json.hpp"
#include "io/json_read.hpp"

namespace mlfs_test {

inline bool same_bits(double a, double b) {
    std::uint64_t x, y;
    std::memcpy(&x, &a, sizeof x);
    std::memcpy(&y, &b, sizeof y);
    return x == y;
}

// The same tree: kinds, numbers bit for bit, strings byte for byte, keys and elements in order.
inline bool identical(const mlfs::JsonValue& a, const mlfs::JsonValue& b) {
    using Kind = mlfs::JsonValue::Kind;
    if (a.kind() != b.kind()) return false;
    switch (a.kind()) {
    case Kind::null: return true;
    case Kind::boolean: return a.boolean("a") == b.boolean("b");
    case Kind::number: return same_bits(a.number("a"), b.number("b"));
    case Kind::string: return a.string("a") == b.string("b");
    case Kind::array:
    case Kind::object: {
        const bool obj = a.kind() == Kind::object;
        if (obj && a.keys("a") != b.keys("b")) return false;
        const auto& xs = obj ? a.values("a") : a.array("a");
        const auto& ys = obj ? b.values("b") : b.array("b");
        if (xs.size() != ys.size()) return false;
        for (std::size_t k = 0; k < xs.size(); ++k)
            if (!identical(xs[k], ys[k])) return false;
        return true;
    }
    }
    return false;
}

// The Json the writer would need to write v; false (and `out` unfinished) if v holds a null.
inline bool to_json(const mlfs::JsonValue& v, mlfs::Json& out) {
    using Kind = mlfs::JsonValue::Kind;
    switch (v.kind()) {
    case Kind::null: return false;
    case Kind::boolean: out = mlfs::Json::boolean(v.boolean("v")); return true;
    case Kind::number: out = mlfs::Json::number(v.number("v")); return true;
    case Kind::string: out = mlfs::Json::string(v.string("v")); return true;
    case Kind::array: {
        out = mlfs::Json::array();
        for (const mlfs::JsonValue& e : v.array("v")) {
            mlfs::Json j = mlfs::Json::array();
            if (!to_json(e, j)) return false;
            out.push(std::move(j));
        }
        return true;
    }
    case Kind::object: {
        out = mlfs::Json::object();
        for (std::size_t k = 0; k < v.keys("v").size(); ++k) {
            mlfs::Json j = mlfs::Json::array();
            if (!to_json(v.values("v")[k], j)) return false;
            out.add(v.keys("v")[k], std::move(j));
        }
        return true;
    }
    }
    return false;
}

}  // namespace mlfs_test
