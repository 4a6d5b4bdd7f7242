// SPDX-License-Identifier: MIT
// Reading JSON (RFC 8259, strict): the reader for what io/json.hpp writes, first of all the fitted
// models of `mlfs ... --save model.json`, which `mlfs predict --model model.json` reads back.
// A file is parsed into a tree of JsonValue; a JsonCursor walks it carrying the file name and the
// path of each value ("coef_[3]", "audit.conf_int[2][0]", as io/json.hpp names them), so that a
// document of the wrong shape is refused with a message that points at the value.
//
//   const mlfs::JsonValue doc = mlfs::read_json_file("model.json");
//   const mlfs::JsonCursor model(doc, "model.json");
//   const std::string kind = model.at("model").string();        // JsonTypeError if not a string
//   const mlfs::Vector coef = model.at("coef_").numbers();       // every element a number
//   const double b = model.at("intercept_").number();
//   if (coef.size() != n_features) model.at("coef_").fail("has " + std::to_string(coef.size()) + " numbers, expected 3");
//   for (const std::string& key : model.keys()) ...              // members in file order
//
// Two kinds of error, both std::runtime_error with a message that starts "FILE:LINE:COLUMN: "
// (1-based; the column counts bytes, a tab is one byte and so is each byte of a UTF-8 character,
// and the byte-order mark at the start counts 3):
// - JsonParseError: the text is not one JSON value, "model.json:7:12: a trailing comma before ']'
//   (JSON allows none)". A file that cannot be read, or is larger than max_bytes, gives
//   "FILE: what is wrong" without a line.
// - JsonTypeError: the JSON is well formed but not what the caller asked for, named at the value:
//   "model.json:4:13: coef_[3] is a string, expected a number",
//   "model.json:1:1: the document has no member \"coef_\" (its members: model, intercept_)".
//
// What is refused (every one a JsonParseError at the byte where the text stops being JSON): an
// empty file or only whitespace; text after the value; comments; single quotes; a trailing comma;
// NaN, Infinity and other bare words; numbers outside the grammar (+1, .5, 1., 01, 0x10, 1e); a
// number too large for a double (1e309) or so small that it would read as 0 (1e-400) -- a subnormal
// (4.9e-324) is a number; a raw control byte (below 0x20) in a string; an unknown escape; a lone
// UTF-16 surrogate (\ud800 not followed by \udc00-\udfff, or a \udc00 alone); bytes that are not
// UTF-8 (overlong forms, encoded surrogates, above U+10FFFF, cut sequences); a byte-order mark
// anywhere but at the start; a key repeated in one object (the second is named); arrays and
// objects nested deeper than kMaxJsonDepth. Numbers are read with std::strtod in the C locale (the
// program never calls setlocale), which rounds correctly, so every "%.17g" number io/json.hpp
// writes reads back as the same double, bit for bit; "-0" reads as -0.0.
//
// Cost: one pass over the text, O(n log m) for n bytes (m members per object, for the repeated-key
// check). Memory: a JsonValue is about 120 bytes, so a file of numbers "[0,0,0,...]" takes about 60
// times its size; the 1 GiB default limit is meant for files written by io/json.hpp, which are
// small (a fitted model: a few KB).
#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "linalg/matrix.hpp"

namespace mlfs {

// The text is not JSON: "FILE:LINE:COLUMN: what is wrong".
struct JsonParseError : std::runtime_error {
    explicit JsonParseError(const std::string& message) : std::runtime_error(message) {}
};

// The JSON is well formed but a value is not what the caller asked for: "FILE:LINE:COLUMN: PATH ...".
struct JsonTypeError : std::runtime_error {
    explicit JsonTypeError(const std::string& message) : std::runtime_error(message) {}
};

// Arrays and objects nested deeper than this are an error (the parser recurses once per level).
constexpr int kMaxJsonDepth = 256;
// The largest file read_json_file reads by default (1 GiB).
constexpr std::size_t kMaxJsonBytes = std::size_t(1) << 30;

// One value of a parsed document, with the line and column where it starts.
class JsonValue {
public:
    enum class Kind { null, boolean, number, string, array, object };

    JsonValue() = default;  // null at 1:1
    Kind kind() const { return kind_; }
    bool is_null() const { return kind_ == Kind::null; }
    bool is_boolean() const { return kind_ == Kind::boolean; }
    bool is_number() const { return kind_ == Kind::number; }
    bool is_string() const { return kind_ == Kind::string; }
    bool is_array() const { return kind_ == Kind::array; }
    bool is_object() const { return kind_ == Kind::object; }
    std::size_t line() const { return line_; }      // 1-based
    std::size_t column() const { return column_; }  // 1-based, in bytes

    // Typed access. `where` names the value in a message, "model.json:4:13: coef_[3]"; a value of
    // another kind throws JsonTypeError "WHERE is a string, expected a number". JsonCursor fills it in.
    double number(const std::string& where) const;
    bool boolean(const std::string& where) const;
    const std::string& string(const std::string& where) const;
    const std::vector<JsonValue>& array(const std::string& where) const;   // elements in file order
    const std::vector<std::string>& keys(const std::string& where) const;  // an object's keys in file order
    const std::vector<JsonValue>& values(const std::string& where) const;  // an object's values, parallel to keys
    // An object's member: has() is false for a non-object; at() throws JsonTypeError for a missing
    // key ("WHERE has no member \"k\" (its members: a, b)"). Both are linear searches.
    bool has(const std::string& key) const;
    const JsonValue& at(const std::string& key, const std::string& where) const;

private:
    friend class JsonParser;
    [[noreturn]] void wrong_kind(const std::string& where, const char* expected) const;

    Kind kind_ = Kind::null;
    bool boolean_ = false;
    double number_ = 0.0;
    std::string text_;               // a string's value (UTF-8; may hold "\0" from \u0000)
    std::vector<std::string> keys_;  // an object's keys, parallel to items_
    std::vector<JsonValue> items_;   // an array's elements or an object's values
    std::size_t line_ = 1, column_ = 1;
};

// "a number", "an object", ...: how messages name a kind.
const char* json_kind_name(JsonValue::Kind kind);

// A value of a parsed document with its file and its path, for reading a document of a known
// shape: each access checks the kind and throws JsonTypeError naming FILE:LINE:COLUMN and the path.
// It points into the JsonValue tree, which must outlive it.
class JsonCursor {
public:
    JsonCursor(const JsonValue& root, std::string file) : value_(&root), file_(std::move(file)) {}

    const JsonValue& value() const { return *value_; }
    const std::string& path() const { return path_; }  // "coef_[3]"; "" at the root
    std::string where() const;                         // "model.json:4:13: coef_[3]", "...: the document"

    double number() const { return value_->number(where()); }
    bool boolean() const { return value_->boolean(where()); }
    const std::string& string() const { return value_->string(where()); }
    bool is_null() const { return value_->is_null(); }

    std::size_t size() const;                    // an array's number of elements
    JsonCursor operator[](std::size_t i) const;  // an array's element i; i >= size() is a JsonTypeError
    Vector numbers() const;                      // an array whose elements are all numbers
    std::vector<std::string> strings() const;    // an array whose elements are all strings
    bool has(const std::string& key) const { return value_->has(key); }
    JsonCursor at(const std::string& key) const;  // an object's member; a missing key is a JsonTypeError
    const std::vector<std::string>& keys() const { return value_->keys(where()); }

    // For the caller's own checks: throws JsonTypeError "WHERE what", e.g. fail("has 3 numbers, expected 4").
    [[noreturn]] void fail(const std::string& what) const;

private:
    JsonCursor(const JsonValue* value, const std::string& file, std::string path)
        : value_(value), file_(file), path_(std::move(path)) {}

    const JsonValue* value_;
    std::string file_;
    std::string path_;
};

// Parses the whole text as one JSON value; `path` is used only in messages. Throws JsonParseError.
JsonValue parse_json(const std::string& text, const std::string& path);

// Reads and parses a file; throws JsonParseError, also when it cannot be read or has more than
// max_bytes.
JsonValue read_json_file(const std::string& path, std::size_t max_bytes = kMaxJsonBytes);

}  // namespace mlfs
