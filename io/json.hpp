// SPDX-License-Identifier: MIT
// A tiny JSON writer for the program's --json output: objects (members kept in insertion order),
// arrays, numbers, strings and booleans, built as a small tree and written in one go.
//
//   mlfs::Json out = mlfs::Json::object();
//   out.add("coef_", mlfs::Json::numbers(model.coef_));
//   out.add("intercept_", mlfs::Json::number(model.intercept_));
//   std::string text = out.dump();   // {"coef_": [0.5, -2], "intercept_": 3.0000000000000004}
//
// Numbers are written with 17 significant digits ("%.17g"), so reading them back gives the exact
// double. JSON has no NaN or infinity: dump() refuses a non-finite number with a JsonError that
// names where it sits ("t[3] is inf"). Strings are escaped (quote, backslash, control characters);
// other bytes pass through unchanged, so UTF-8 text stays UTF-8.
#pragma once

#include <stdexcept>
#include <string>
#include <vector>

#include "linalg/matrix.hpp"

namespace mlfs {

struct JsonError : std::runtime_error {
    explicit JsonError(const std::string& message) : std::runtime_error(message) {}
};

class Json {
public:
    static Json object();
    static Json array();
    static Json number(double x);
    static Json string(const std::string& s);
    static Json boolean(bool b);
    static Json numbers(const Vector& xs);                    // [x0, x1, ...]
    static Json strings(const std::vector<std::string>& ss);  // ["a", "b", ...]
    static Json rows(const Matrix& A);                        // [[A(0,0), A(0,1)], [A(1,0), ...], ...]

    Json& add(const std::string& key, Json value);  // an object's member; logic_error on a non-object or a repeated key
    Json& push(Json value);                         // an array's element; logic_error on a non-array

    // Objects one member per line (indented), arrays on one line; ends without a newline.
    std::string dump() const;

private:
    enum class Kind { object, array, number, string, boolean };
    explicit Json(Kind kind) : kind_(kind) {}
    void write(std::string& out, const std::string& path, int depth) const;

    Kind kind_;
    double number_ = 0.0;
    std::string text_;  // a string's value
    bool boolean_ = false;
    std::vector<std::string> keys_;  // an object's keys, parallel to items_
    std::vector<Json> items_;        // an object's values or an array's elements
};

// A string as a JSON string literal, quotes included: "say \"hi\"\n" -> "\"say \\\"hi\\\"\\n\""
std::string json_quote(const std::string& s);

}  // namespace mlfs
