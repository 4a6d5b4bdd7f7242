// SPDX-License-Identifier: MIT
// Tests for the JSON writer (io/json.hpp), which the CLI scripts (tests/cli_*.cmake) only reach
// by searching --json output for key names: every kind of value, numbers that read back as the
// same double (17 significant digits, denormals, -0.0, 1e300), NaN and infinities refused with
// their path, string escapes (quote, backslash, every control byte) with UTF-8 passed through,
// nesting, the layout, and key order. A small strict reader (RFC 8259 grammar) checks that what
// is written is JSON at all.
#include <cfloat>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <random>
#include <stdexcept>
#include <string>
#include <vector>

#include "io/json.hpp"
#include "tests/check.hpp"

using mlfs::Json;
using mlfs::json_quote;

namespace {

// A strict reader of one JSON text (RFC 8259 section 2-7). compact() returns the text with the
// whitespace between tokens removed, or "INVALID at offset N" where the grammar breaks.
class Reader {
public:
    explicit Reader(const std::string& s) : s_(s) {}
    std::string compact() {
        if (!value()) return "INVALID at offset " + std::to_string(i_);
        space();
        return i_ == s_.size() ? out_ : "INVALID at offset " + std::to_string(i_) + " (trailing text)";
    }

private:
    void space() {
        while (i_ < s_.size() && (s_[i_] == ' ' || s_[i_] == '\n' || s_[i_] == '\t' || s_[i_] == '\r')) ++i_;
    }
    bool take(char c) {
        space();
        if (i_ >= s_.size() || s_[i_] != c) return false;
        out_ += s_[i_++];
        return true;
    }
    bool digits() {
        const std::size_t start = i_;
        while (i_ < s_.size() && s_[i_] >= '0' && s_[i_] <= '9') out_ += s_[i_++];
        return i_ > start;
    }
    bool literal(const char* word) {
        if (s_.compare(i_, std::strlen(word), word) != 0) return false;
        out_ += word;
        i_ += std::strlen(word);
        return true;
    }
    bool number() {  // -? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?
        if (i_ < s_.size() && s_[i_] == '-') out_ += s_[i_++];
        if (i_ < s_.size() && s_[i_] == '0') out_ += s_[i_++];
        else if (!(i_ < s_.size() && s_[i_] >= '1' && s_[i_] <= '9') || !digits()) return false;
        if (i_ < s_.size() && s_[i_] == '.' && (out_ += s_[i_++], !digits())) return false;
        if (i_ < s_.size() && (s_[i_] == 'e' || s_[i_] == 'E')) {
            out_ += s_[i_++];
            if (i_ < s_.size() && (s_[i_] == '+' || s_[i_] == '-')) out_ += s_[i_++];
            if (!digits()) return false;
        }
        return true;
    }
    bool string() {  // no raw control byte; only the escapes \" \\ \/ \b \f \n \r \t \uXXXX
        out_ += s_[i_++];
        while (i_ < s_.size() && s_[i_] != '"') {
            const unsigned char c = static_cast<unsigned char>(s_[i_]);
            if (c < 0x20) return false;
            out_ += s_[i_++];
            if (c != '\\') continue;
            if (i_ >= s_.size() || std::strchr("\"\\/bfnrtu", s_[i_]) == nullptr) return false;
            const bool u = s_[i_] == 'u';
            out_ += s_[i_++];
            for (int k = 0; u && k < 4; ++k, ++i_) {
                if (i_ >= s_.size() || std::strchr("0123456789abcdefABCDEF", s_[i_]) == nullptr) return false;
                out_ += s_[i_];
            }
        }
        if (i_ >= s_.size()) return false;
        out_ += s_[i_++];
        return true;
    }
    bool members(char open, char close, bool keyed) {
        take(open);
        if (take(close)) return true;
        do {
            if (keyed && !(space(), i_ < s_.size() && s_[i_] == '"' && string() && take(':'))) return false;
            if (!value()) return false;
        } while (take(','));
        return take(close);
    }
    bool value() {
        space();
        if (i_ >= s_.size()) return false;
        switch (s_[i_]) {
        case '{': return members('{', '}', true);
        case '[': return members('[', ']', false);
        case '"': return string();
        case 't': return literal("true");
        case 'f': return literal("false");
        case 'n': return literal("null");
        default: return number();
        }
    }

    const std::string& s_;
    std::size_t i_ = 0;
    std::string out_;
};

std::string compact(const std::string& json) { return Reader(json).compact(); }

std::string dump_of(double x) { return Json::number(x).dump(); }

std::uint64_t bits(double x) {
    std::uint64_t b;
    std::memcpy(&b, &x, sizeof b);
    return b;
}

// x written and read back (strtod, correctly rounded) is the same double, bit for bit (so -0.0
// stays negative), and the text is a JSON number.
void check_round_trip(double x, const char* file, int line) {
    const std::string text = dump_of(x);
    const double back = std::strtod(text.c_str(), nullptr);
    mlfs_test::report(bits(back) == bits(x) && compact(text) == text, file, line,
                      "wrote " + mlfs_test::num(x) + " as \"" + text + "\", read back " + mlfs_test::num(back));
}
#define CHECK_ROUND_TRIP(x) check_round_trip((x), __FILE__, __LINE__)

// dump() throws JsonError with exactly this message.
void check_refused(const Json& j, const std::string& want, const char* file, int line) {
    std::string got = "no exception";
    try {
        got = "wrote: " + j.dump();
    } catch (const mlfs::JsonError& e) {
        got = e.what();
    }
    mlfs_test::report(got == want, file, line, "got \"" + got + "\", want \"" + want + "\"");
}
#define CHECK_REFUSED(j, want) check_refused((j), (want), __FILE__, __LINE__)

#define CHECK_TEXT(ours, want) CHECK_MSG((ours) == (want), std::string("got ") + (ours) + "\n     want " + (want))

}  // namespace

TEST_CASE(every_kind_of_value) {
    CHECK_TEXT(Json::number(0.5).dump(), "0.5");
    CHECK_TEXT(Json::number(-2).dump(), "-2");
    CHECK_TEXT(Json::number(3.0000000000000004).dump(), "3.0000000000000004");
    CHECK_TEXT(Json::number(0.1).dump(), "0.10000000000000001");  // 17 digits, not the shortest
    CHECK_TEXT(Json::number(0.0).dump(), "0");
    CHECK_TEXT(Json::number(1e300).dump(), "1.0000000000000001e+300");
    CHECK_TEXT(Json::string("abc").dump(), "\"abc\"");
    CHECK_TEXT(Json::string("").dump(), "\"\"");
    CHECK_TEXT(Json::boolean(true).dump(), "true");
    CHECK_TEXT(Json::boolean(false).dump(), "false");
    CHECK_TEXT(Json::object().dump(), "{}");
    CHECK_TEXT(Json::array().dump(), "[]");
    CHECK_TEXT(Json::numbers({1.5, -2, 0}).dump(), "[1.5, -2, 0]");
    CHECK_TEXT(Json::numbers({}).dump(), "[]");
    CHECK_TEXT(Json::strings({"a", "b c"}).dump(), "[\"a\", \"b c\"]");
    CHECK_TEXT(Json::rows(mlfs::Matrix(2, 3, {1, 2, 3, 4, 5, 6})).dump(), "[[1, 2, 3], [4, 5, 6]]");
    CHECK_TEXT(Json::rows(mlfs::Matrix(0, 3)).dump(), "[]");
    Json mixed = Json::array();
    mixed.push(Json::number(1)).push(Json::string("x")).push(Json::boolean(false)).push(Json::array());
    CHECK_TEXT(mixed.dump(), "[1, \"x\", false, []]");
    CHECK_TEXT(compact(mixed.dump()), "[1,\"x\",false,[]]");
}

TEST_CASE(doubles_round_trip_with_17_digits) {
    const double denorm_min = std::numeric_limits<double>::denorm_min();
    for (double x : {0.0,
                     -0.0,
                     1.0,
                     -1.0,
                     0.1,
                     1.0 / 3.0,
                     2.0 / 3.0,
                     3.141592653589793,
                     std::nextafter(1.0, 2.0),
                     std::nextafter(1.0, 0.0),
                     1e300,
                     -1e300,
                     1e-300,
                     DBL_MAX,
                     -DBL_MAX,
                     DBL_MIN,
                     denorm_min,
                     -denorm_min,
                     3 * denorm_min,
                     std::nextafter(DBL_MIN, 0.0),
                     1e-310,
                     9007199254740993.0,
                     123456789012345678.0,
                     5e-324,
                     2.2250738585072011e-308})
        CHECK_ROUND_TRIP(x);
    CHECK_TEXT(dump_of(-0.0), "-0");  // the sign of zero survives (JSON allows "-0")
    CHECK_TEXT(dump_of(denorm_min), "4.9406564584124654e-324");
    // 10000 doubles with random bits (every exponent, denormals included), skipping NaN and inf
    std::mt19937_64 gen(20261207);
    int written = 0, exact = 0;
    while (written < 10000) {
        const std::uint64_t b = gen();
        double x;
        std::memcpy(&x, &b, sizeof x);
        if (!std::isfinite(x)) continue;
        ++written;
        const std::string text = dump_of(x);
        exact += bits(std::strtod(text.c_str(), nullptr)) == b && compact(text) == text;
    }
    CHECK_MSG(exact == written, std::to_string(exact) + " of " + std::to_string(written) +
                                    " random doubles read back bit for bit as valid JSON numbers");
}

TEST_CASE(nan_and_infinity_are_refused_with_their_path) {
    const double inf = std::numeric_limits<double>::infinity();
    const double nan = std::numeric_limits<double>::quiet_NaN();
    CHECK_REFUSED(Json::number(nan), "JSON output: the value is nan, and JSON has no NaN or infinity");
    CHECK_REFUSED(Json::number(inf), "JSON output: the value is inf, and JSON has no NaN or infinity");
    CHECK_REFUSED(Json::number(-inf), "JSON output: the value is -inf, and JSON has no NaN or infinity");
    CHECK_REFUSED(Json::numbers({1, 2, inf}), "JSON output: [2] is inf, and JSON has no NaN or infinity");
    Json t = Json::object();
    t.add("n", Json::number(1)).add("t", Json::numbers({0, 1, 2, -inf}));
    CHECK_REFUSED(t, "JSON output: t[3] is -inf, and JSON has no NaN or infinity");
    Json outer = Json::object(), inner = Json::object();
    inner.add("conf_int", Json::rows(mlfs::Matrix(3, 2, {1, 2, 3, 4, nan, 6})));
    outer.add("audit", inner);
    CHECK_REFUSED(outer, "JSON output: audit.conf_int[2][0] is nan, and JSON has no NaN or infinity");
    // a non-finite number is kept until written: building the tree does not throw, dump() does
    Json later = Json::array();
    bool built = true;
    try {
        later.push(Json::number(1)).push(Json::number(nan));
    } catch (const std::exception&) {
        built = false;
    }
    CHECK_MSG(built, "Json::number(nan) and push threw before dump()");
    CHECK_REFUSED(later, "JSON output: [1] is nan, and JSON has no NaN or infinity");
}

TEST_CASE(strings_are_escaped) {
    CHECK_TEXT(json_quote("say \"hi\"\n"), "\"say \\\"hi\\\"\\n\"");
    CHECK_TEXT(json_quote("C:\\dir\\"), "\"C:\\\\dir\\\\\"");
    CHECK_TEXT(json_quote("\r\t\b\f"), "\"\\r\\t\\b\\f\"");
    CHECK_TEXT(json_quote(std::string("a\0b", 3)), "\"a\\u0000b\"");
    CHECK_TEXT(json_quote("\x01\x1f"), "\"\\u0001\\u001f\"");
    CHECK_TEXT(json_quote(" /~\x7f"), "\" /~\x7f\"");  // space, slash and DEL need no escape
    CHECK_TEXT(Json::string("tab\there").dump(), "\"tab\\there\"");
    // every byte below 0x20 comes out escaped, and the result is a valid JSON string
    for (int c = 0; c < 0x20; ++c) {
        const std::string q = json_quote(std::string(1, static_cast<char>(c)));
        CHECK_MSG(q.size() >= 4 && q[1] == '\\' && compact(q) == q, "byte " + std::to_string(c) + " written as " + q);
    }
    // UTF-8 passes through unchanged, byte for byte: e acute, summation sign, an emoji
    const std::string utf8 = "caf\xc3\xa9 \xe2\x88\x91 \xf0\x9f\x98\x80";
    CHECK_TEXT(json_quote(utf8), "\"" + utf8 + "\"");
    CHECK_TEXT(Json::strings({utf8}).dump(), "[\"" + utf8 + "\"]");
}

TEST_CASE(keys_are_escaped_too) {
    Json j = Json::object();
    j.add("we\"ird\\key\n", Json::number(1));
    CHECK_TEXT(j.dump(), "{\n  \"we\\\"ird\\\\key\\n\": 1\n}");
    CHECK_TEXT(compact(j.dump()), "{\"we\\\"ird\\\\key\\n\":1}");
}

TEST_CASE(objects_keep_insertion_order_and_nest) {
    Json inner = Json::object();
    inner.add("x", Json::boolean(true)).add("b", Json::string("t"));
    Json j = Json::object();
    j.add("z", Json::number(1))
        .add("a", Json::numbers({1, 2}))
        .add("m", inner)
        .add("e", Json::object())
        .add("rows", Json::rows(mlfs::Matrix(2, 1, {3, 4})));
    const std::string want = "{\n"
                             "  \"z\": 1,\n"
                             "  \"a\": [1, 2],\n"
                             "  \"m\": {\n"
                             "    \"x\": true,\n"
                             "    \"b\": \"t\"\n"
                             "  },\n"
                             "  \"e\": {},\n"
                             "  \"rows\": [[3], [4]]\n"
                             "}";
    CHECK_TEXT(j.dump(), want);  // one member per line, arrays on one line, no final newline
    CHECK_TEXT(compact(j.dump()), "{\"z\":1,\"a\":[1,2],\"m\":{\"x\":true,\"b\":\"t\"},\"e\":{},\"rows\":[[3],[4]]}");
    // objects inside arrays inside objects: valid, in order (the layout is not pinned here)
    Json list = Json::array();
    list.push(inner).push(Json::object());
    Json deep = Json::object();
    deep.add("list", list).add("after", Json::number(2));
    CHECK_TEXT(compact(deep.dump()), "{\"list\":[{\"x\":true,\"b\":\"t\"},{}],\"after\":2}");
}

TEST_CASE(the_reader_catches_invalid_json) {  // the strict reader above is itself tested
    for (const char* bad : {"", "{", "[1,]", "{\"a\" 1}", "{a: 1}", "nan", "inf", "-", "01", "1.", ".5", "1e",
                            "\"\x01\"", "\"\\x\"", "\"\\u12\"", "[1] 2", "tru", "\"open"})
        CHECK_MSG(compact(bad).rfind("INVALID", 0) == 0, std::string("accepted \"") + bad + "\"");
    for (const char* good : {"0", "-0", "1e+300", "4.9406564584124654e-324", "[]", "{}", "\"\\u001f\"", "null",
                             " [ 1 , { \"a\" : [ ] } ] "})
        CHECK_MSG(compact(good).rfind("INVALID", 0) != 0, std::string("refused \"") + good + "\"");
}

TEST_CASE(misuse_is_a_logic_error) {
    Json j = Json::object();
    j.add("a", Json::number(1));
    CHECK_THROWS(j.add("a", Json::number(2)), std::logic_error, "Json::add: key \"a\" added twice");
    CHECK_THROWS(j.push(Json::number(2)), std::logic_error, "Json::push: not an array");
    Json arr = Json::array();
    CHECK_THROWS(arr.add("k", Json::number(2)), std::logic_error, "Json::add(\"k\"): not an object");
    CHECK_THROWS(Json::number(1).push(Json::number(2)), std::logic_error, "not an array");
    CHECK_TEXT(j.dump(), "{\n  \"a\": 1\n}");  // the refused add left the object as it was
}

TEST_MAIN()
