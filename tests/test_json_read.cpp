// SPDX-License-Identifier: MIT
// Tests for the JSON reader (io/json_read.hpp): what io/json.hpp writes reads back as the same tree
// (every kind of value, every escape, UTF-8, numbers bit for bit: subnormals, DBL_MAX, -0.0 and
// 10000 random doubles), the grammar's corners that are accepted, every refusal with its
// FILE:LINE:COLUMN message, deep nesting refused without a stack overflow, a large input, files,
// and the typed access of JsonCursor with its messages.
#include <cfloat>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <random>
#include <string>
#include <vector>

#include "io/json.hpp"
#include "io/json_read.hpp"
#include "tests/check.hpp"
#include "tests/json_compare.hpp"

using mlfs::Json;
using mlfs::JsonCursor;
using mlfs::JsonParseError;
using mlfs::JsonTypeError;
using mlfs::JsonValue;
using mlfs::parse_json;

namespace {

JsonValue parse(const std::string& text) { return parse_json(text, "m.json"); }

// The message parse_json gives for text, or "accepted".
std::string error_of(const std::string& text) {
    try {
        parse(text);
    } catch (const JsonParseError& e) {
        return e.what();
    }
    return "accepted";
}

// text is refused with exactly this message
#define CHECK_REFUSED(text, want)                                                                              \
    do {                                                                                                       \
        const std::string got_ = error_of(text);                                                               \
        CHECK_MSG(got_ == (want),                                                                              \
                  "parse_json(" + mlfs::json_quote(text) + "):\n     got  " + got_ + "\n     want " + (want)); \
    } while (0)

// j written by io/json.hpp and read back is the same tree as j
bool round_trips(const Json& j) {
    const std::string text = j.dump();
    const JsonValue v = parse(text);
    Json again = Json::array();
    return mlfs_test::to_json(v, again) && again.dump() == text && mlfs_test::identical(parse(again.dump()), v);
}

double read_number(const std::string& text) { return parse(text).number("n"); }

std::string path_in(const char* name) {
    const char* dir = std::getenv("TMPDIR");
    return std::string(dir ? dir : "/tmp") + "/mlfs_test_json_read_" + name;
}

void write(const std::string& path, const std::string& text) {
    std::FILE* f = std::fopen(path.c_str(), "wb");
    if (!f) return;
    std::fwrite(text.data(), 1, text.size(), f);
    std::fclose(f);
}

}  // namespace

TEST_CASE(every_kind_of_value_reads_back) {
    const JsonValue v = parse("{\"a\": [1, \"x\", true, false, null, {}, []], \"b\": {\"c\": -2.5}}");
    CHECK(v.is_object());
    CHECK(v.keys("v") == std::vector<std::string>({"a", "b"}));
    const std::vector<JsonValue>& a = v.at("a", "v").array("a");
    CHECK(a.size() == 7);
    CHECK(a[0].is_number() && a[0].number("") == 1.0);
    CHECK(a[1].is_string() && a[1].string("") == "x");
    CHECK(a[2].is_boolean() && a[2].boolean("") && a[3].is_boolean() && !a[3].boolean(""));
    CHECK(a[4].is_null());
    CHECK(a[5].is_object() && a[5].keys("").empty() && a[6].is_array() && a[6].array("").empty());
    CHECK(v.at("b", "v").at("c", "b").number("") == -2.5);
    CHECK(v.has("a") && !v.has("c") && !a[0].has("a"));
    for (const char* text : {"0", "-0", "1e+300", "1E5", "1.5e-3", "-12.25", "\"\"", "null", "true", "[]", "{}",
                             " \t\r\n[ 1 , { \"a\" : [ ] } ] \r\n"})
        CHECK_MSG(error_of(text) == "accepted", std::string("refused ") + text);
    // the values remember where they start
    const JsonValue w = parse("{\n  \"k\": [10,\n    20]\n}");
    const JsonValue& k = w.at("k", "w");
    CHECK(w.line() == 1 && w.column() == 1 && k.line() == 2 && k.column() == 8);
    CHECK(k.array("")[1].line() == 3 && k.array("")[1].column() == 5);
}

TEST_CASE(what_the_writer_writes_reads_back) {
    Json inner = Json::object();
    inner.add("x", Json::boolean(true)).add("b", Json::string("t")).add("empty", Json::object());
    Json j = Json::object();
    j.add("z", Json::number(1))
        .add("coef_", Json::numbers({0.1, -2, 3.0000000000000004, 1e-310}))
        .add("m", inner)
        .add("names", Json::strings({"a", "", "b c"}))
        .add("rows", Json::rows(mlfs::Matrix(2, 3, {1, 2, 3, 4, 5, 6})))
        .add("no rows", Json::rows(mlfs::Matrix(0, 3)))
        .add("flag", Json::boolean(false));
    CHECK(round_trips(j));
    const JsonValue v = parse(j.dump());
    CHECK(v.keys("") == std::vector<std::string>({"z", "coef_", "m", "names", "rows", "no rows", "flag"}));
    CHECK(v.at("m", "").keys("") == std::vector<std::string>({"x", "b", "empty"}));  // file order, not sorted
    for (const Json& one : {Json::number(-0.0), Json::string("s"), Json::boolean(true), Json::array(), Json::object()})
        CHECK(round_trips(one));
    // nested arrays of objects of arrays
    Json list = Json::array();
    list.push(inner).push(Json::numbers({1, 2})).push(Json::array());
    Json deep = Json::object();
    deep.add("list", list);
    CHECK(round_trips(deep));
}

TEST_CASE(every_escape_and_utf8) {
    // every byte below 0x20, the quote and the backslash, written escaped and read back
    std::string all;
    for (int c = 0; c < 0x20; ++c) all += static_cast<char>(c);
    all += "\"\\/ \x7f";
    CHECK(parse(mlfs::json_quote(all)).string("") == all);
    CHECK(round_trips(Json::string(all)));
    CHECK(parse("\"\\\" \\\\ \\/ \\b \\f \\n \\r \\t\"").string("") == "\" \\ / \b \f \n \r \t");
    CHECK(parse("\"\\u0041\\u00e9\\u00E9\\u20ac\\u0000z\"").string("") ==
          std::string("A\xc3\xa9\xc3\xa9\xe2\x82\xac\0z", 10));
    CHECK(parse("\"\\ud83d\\ude00\"").string("") == "\xf0\x9f\x98\x80");          // a surrogate pair: U+1F600
    CHECK(parse("\"\\uD800\\uDC00\"").string("") == "\xf0\x90\x80\x80");          // the first pair: U+10000
    CHECK(parse("\"\\udbff\\udfff\"").string("") == "\xf4\x8f\xbf\xbf");          // the last: U+10FFFF
    CHECK(parse("\"\\uffff\\ufeff\"").string("") == "\xef\xbf\xbf\xef\xbb\xbf");  // a BOM inside a string is text
    // UTF-8 passes through byte for byte, also in keys
    const std::string utf8 =
        "caf\xc3\xa9 \xe2\x88\x91 \xf0\x9f\x98\x80 \xf4\x8f\xbf\xbf \xc2\x80 \xed\x9f\xbf \xee\x80\x80";
    CHECK(parse(mlfs::json_quote(utf8)).string("") == utf8);
    Json o = Json::object();
    o.add(utf8, Json::string(utf8)).add("we\"ird\\key\n", Json::number(1));
    CHECK(round_trips(o));
    CHECK(parse(o.dump()).keys("")[1] == "we\"ird\\key\n");
}

TEST_CASE(doubles_read_back_bit_for_bit) {
    const double denorm_min = std::numeric_limits<double>::denorm_min();
    int exact = 0, n = 0;
    for (double x : {0.0,
                     -0.0,
                     1.0,
                     -1.0,
                     0.1,
                     0.2,
                     0.3,
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
                     -DBL_MIN,
                     denorm_min,
                     -denorm_min,
                     3 * denorm_min,
                     std::nextafter(DBL_MIN, 0.0),
                     1e-310,
                     5e-324,
                     2.2250738585072011e-308,
                     9007199254740993.0,
                     123456789012345678.0,
                     1e22,
                     1e23}) {
        ++n;
        exact += mlfs_test::same_bits(read_number(Json::number(x).dump()), x);
    }
    CHECK_MSG(exact == n, std::to_string(exact) + " of " + std::to_string(n) + " chosen doubles read back exactly");
    CHECK(std::signbit(read_number("-0")) && read_number("-0") == 0.0);
    CHECK(std::signbit(read_number("-0.0e5")));
    CHECK(!std::signbit(read_number("0")));
    CHECK(read_number("5e-324") == denorm_min && read_number("4.9406564584124654e-324") == denorm_min);
    CHECK(read_number("2.4703282292062328e-324") == denorm_min);  // just above half the smallest: rounds up
    CHECK(read_number("1.7976931348623157e308") == DBL_MAX);
    CHECK(read_number("0e999999") == 0.0 && read_number("0.000e-999") == 0.0);  // zero is zero at any exponent
    // 10000 random bit patterns (every exponent, subnormals too), each an array element
    std::mt19937_64 gen(20261208);
    mlfs::Vector xs;
    while (xs.size() < 10000) {
        const std::uint64_t b = gen();
        double x;
        std::memcpy(&x, &b, sizeof x);
        if (std::isfinite(x)) xs.push_back(x);
    }
    const mlfs::Vector back = JsonCursor(parse(Json::numbers(xs).dump()), "m.json").numbers();
    int same = 0;
    for (std::size_t i = 0; i < xs.size() && back.size() == xs.size(); ++i)
        same += mlfs_test::same_bits(back[i], xs[i]);
    CHECK_MSG(same == 10000, std::to_string(same) + " of 10000 random doubles read back bit for bit");
}

TEST_CASE(text_that_is_not_one_value_is_refused) {
    CHECK_REFUSED("", "m.json:1:1: the file is empty; expected a JSON value");
    CHECK_REFUSED(" \n\t\r\n  ", "m.json:3:3: only whitespace; expected a JSON value");
    CHECK_REFUSED("\xEF\xBB\xBF", "m.json:1:4: only whitespace; expected a JSON value");
    CHECK_REFUSED("[1] 2", "m.json:1:5: unexpected '2' after the JSON value (a document holds one value)");
    CHECK_REFUSED("{}\n{}", "m.json:2:1: unexpected '{' after the JSON value (a document holds one value)");
    CHECK_REFUSED("1 \xEF\xBB\xBF",
                  "m.json:1:3: unexpected byte-order mark (allowed only at the start of the file) after the JSON value "
                  "(a document holds one value)");
    CHECK_REFUSED(" \xEF\xBB\xBF 1",
                  "m.json:1:2: expected a value, found byte-order mark (allowed only at the start of "
                  "the file)");
    CHECK(error_of("\xEF\xBB\xBF[1]") == "accepted");
    CHECK_REFUSED("[1] // note", "m.json:1:5: unexpected '/' after the JSON value (a document holds one value)");
    CHECK_REFUSED("[1, /* two */ 2]", "m.json:1:5: a comment; JSON has none");
    CHECK_REFUSED("['a']", "m.json:1:2: a single quote; JSON strings are in double quotes");
    CHECK_REFUSED("[1, 2,]", "m.json:1:7: a trailing comma before ']' (JSON allows none)");
    CHECK_REFUSED("{\"a\": 1,\n}", "m.json:2:1: a trailing comma before '}' (JSON allows none)");
    CHECK_REFUSED("[1 2]", "m.json:1:4: expected ',' or ']' after an array element, found '2'");
    CHECK_REFUSED("[,1]", "m.json:1:2: expected a value, found ','");
    CHECK_REFUSED("{\"a\" 1}", "m.json:1:6: expected ':' after the member name \"a\", found '1'");
    CHECK_REFUSED("{a: 1}", "m.json:1:2: expected a member name in double quotes, found 'a'");
    CHECK_REFUSED("{\"a\": 1 \"b\": 2}", "m.json:1:9: expected ',' or '}' after a member's value, found '\"'");
    CHECK_REFUSED("[1,\n 2", "m.json:1:1: the array that starts here never ends (no closing ']')");
    CHECK_REFUSED("{\"a\": [1]\n\n", "m.json:1:1: the object that starts here never ends (no closing '}')");
    CHECK_REFUSED("{\"a\":", "m.json:1:6: the text ends where a value is expected");
    CHECK_REFUSED("[\x01]", "m.json:1:2: expected a value, found byte 0x01");
    CHECK_REFUSED("[\xc3\xa9]", "m.json:1:2: expected a value, found byte 0xC3");
    CHECK_REFUSED("]", "m.json:1:1: expected a value, found ']'");
}

TEST_CASE(words_and_numbers_outside_the_grammar_are_refused) {
    CHECK_REFUSED("NaN", "m.json:1:1: NaN is not JSON (JSON has no NaN or infinity)");
    CHECK_REFUSED("[Infinity]", "m.json:1:2: Infinity is not JSON (JSON has no NaN or infinity)");
    CHECK_REFUSED("[1, -Infinity]", "m.json:1:5: -Infinity is not JSON (JSON has no NaN or infinity)");
    CHECK_REFUSED("[nan]", "m.json:1:2: nan is not JSON (JSON has no NaN or infinity)");
    CHECK_REFUSED("tru",
                  "m.json:1:1: 'tru' is not a JSON value (true, false, null, a number, or a string in double quotes)");
    CHECK_REFUSED("True",
                  "m.json:1:1: 'True' is not a JSON value (true, false, null, a number, or a string in double quotes)");
    CHECK_REFUSED(
        "nullx", "m.json:1:1: 'nullx' is not a JSON value (true, false, null, a number, or a string in double quotes)");
    CHECK_REFUSED("+1", "m.json:1:1: a number may not start with '+'");
    CHECK_REFUSED(".5", "m.json:1:1: a number may not start with '.'");
    CHECK_REFUSED("-", "m.json:1:2: a '-' must be followed by a digit");
    CHECK_REFUSED("-a", "m.json:1:2: a '-' must be followed by a digit");
    CHECK_REFUSED("[01]", "m.json:1:2: a number may not start with 0 followed by digits");
    CHECK_REFUSED("-007", "m.json:1:1: a number may not start with 0 followed by digits");
    CHECK_REFUSED("1.", "m.json:1:3: a '.' in a number must be followed by a digit");
    CHECK_REFUSED("1.e5", "m.json:1:3: a '.' in a number must be followed by a digit");
    CHECK_REFUSED("1e", "m.json:1:3: an exponent must have a digit");
    CHECK_REFUSED("1e+", "m.json:1:4: an exponent must have a digit");
    CHECK_REFUSED("0x10", "m.json:1:2: unexpected 'x' after the JSON value (a document holds one value)");
    CHECK_REFUSED("[1e309]", "m.json:1:2: the number 1e309 is too large for a double");
    CHECK_REFUSED("-1.8e308", "m.json:1:1: the number -1.8e308 is too large for a double");
    CHECK_REFUSED("[0, 1e-400]", "m.json:1:5: the number 1e-400 is too small for a double (it would read as 0)");
    CHECK_REFUSED("2e-324", "m.json:1:1: the number 2e-324 is too small for a double (it would read as 0)");
    CHECK_REFUSED("1" + std::string(400, '0'),
                  "m.json:1:1: the number 1000000000000000000000000000000000000000... is too large for a double");
}

TEST_CASE(bad_strings_are_refused) {
    CHECK_REFUSED("\"abc", "m.json:1:1: the string that starts here never ends (no closing '\"')");
    CHECK_REFUSED("[\"a\nb\"]", "m.json:1:4: a raw control character (byte 0x0A) in a string; write it as an escape");
    CHECK_REFUSED("\"tab\there\"",
                  "m.json:1:5: a raw control character (byte 0x09) in a string; write it as an escape");
    CHECK_REFUSED(std::string("\"a\0\"", 4),
                  "m.json:1:3: a raw control character (byte 0x00) in a string; write it as an escape");
    CHECK_REFUSED("\"\\x41\"",
                  "m.json:1:2: an unknown escape: a backslash before 'x' (JSON has \\\" \\\\ \\/ \\b \\f \\n \\r \\t "
                  "\\uXXXX)");
    CHECK_REFUSED("\"\\'\"",
                  "m.json:1:2: an unknown escape: a backslash before ''' (JSON has \\\" \\\\ \\/ \\b \\f \\n \\r \\t "
                  "\\uXXXX)");
    CHECK_REFUSED("\"\\", "m.json:1:2: an unknown escape: a backslash before end of text (JSON has \\\" \\\\ \\/ \\b "
                          "\\f \\n \\r \\t \\uXXXX)");
    CHECK_REFUSED("\"\\u12\"", "m.json:1:6: \\u must be followed by four hex digits, found '\"'");
    CHECK_REFUSED("\"\\u12G4\"", "m.json:1:6: \\u must be followed by four hex digits, found 'G'");
    CHECK_REFUSED("\"\\ud800\"",
                  "m.json:1:2: a lone high surrogate \\ud800 (it must be followed by a low one, \\udc00 to \\udfff)");
    CHECK_REFUSED("\"x\\uD83D\\u0041\"",
                  "m.json:1:3: a lone high surrogate \\uD83D (it must be followed by a low one, \\udc00 to \\udfff)");
    CHECK_REFUSED("\"\\ud800\\ud800\"",
                  "m.json:1:2: a lone high surrogate \\ud800 (it must be followed by a low one, \\udc00 to \\udfff)");
    CHECK_REFUSED("\"\\udc00\"", "m.json:1:2: a lone low surrogate \\udc00 (it must follow a high one)");
    CHECK_REFUSED("\"\\ud800\\u12\"", "m.json:1:12: \\u must be followed by four hex digits, found '\"'");
    // not UTF-8: a stray continuation byte, a cut sequence, overlong forms, encoded surrogates, beyond U+10FFFF
    for (const char* bad :
         {"\x80", "\xbf", "\xc3", "\xc3(", "\xc0\xaf", "\xc1\xbf", "\xe0\x80\xaf", "\xe2\x82", "\xed\xa0\x80",
          "\xed\xbf\xbf", "\xf0\x80\x80\xaf", "\xf4\x90\x80\x80", "\xf5\x80\x80\x80", "\xff", "\xfe"}) {
        const std::string got = error_of(std::string("\"ab") + bad + "\"");
        CHECK_MSG(got.rfind("m.json:1:4: invalid UTF-8 in a string: byte 0x", 0) == 0, "got " + got);
    }
    CHECK_REFUSED("\"\xe2\x82\xac\xe2\x82\"",
                  "m.json:1:5: invalid UTF-8 in a string: byte 0xE2 starts no valid sequence");
}

TEST_CASE(objects_refuse_a_repeated_key) {
    CHECK_REFUSED("{\"a\": 1, \"b\": 2, \"a\": 3}", "m.json:1:18: the key \"a\" appears twice in one object");
    CHECK_REFUSED("{\"x\": {\"k\": 1,\n  \"k\": [2]}}", "m.json:2:3: the key \"k\" appears twice in one object");
    // compared after unescaping: "\u0061" is "a"; a key with a newline is named escaped
    CHECK_REFUSED("{\"a\": 1, \"\\u0061\": 2}", "m.json:1:10: the key \"a\" appears twice in one object");
    CHECK_REFUSED("{\"a\\nb\": 1, \"a\\nb\": 2}", "m.json:1:13: the key \"a\\nb\" appears twice in one object");
    // the same key in two objects, or as a value, is fine
    CHECK(error_of("[{\"a\": 1}, {\"a\": {\"a\": \"a\"}}]") == "accepted");
}

TEST_CASE(deep_nesting_is_refused_without_overflow) {
    const int max = mlfs::kMaxJsonDepth;
    const std::string ok = std::string(max, '[') + std::string(max, ']');
    CHECK(error_of(ok) == "accepted");
    CHECK_REFUSED(std::string(max + 1, '[') + std::string(max + 1, ']'),
                  "m.json:1:257: arrays and objects nested deeper than 256 levels");
    std::string objects;
    for (int d = 0; d < max; ++d) objects += "{\"k\":";
    CHECK_REFUSED(objects + "{}" + std::string(max, '}'),
                  "m.json:1:" + std::to_string(5 * max + 1) + ": arrays and objects nested deeper than 256 levels");
    // a million open brackets: refused at the limit, with no stack overflow
    CHECK_REFUSED(std::string(1000000, '['), "m.json:1:257: arrays and objects nested deeper than 256 levels");
}

TEST_CASE(a_large_input_reads) {
    // 200,000 numbers and 10,000 members: about 4 MB of text
    std::mt19937_64 gen(18);
    std::normal_distribution<double> normal(0.0, 1e3);
    mlfs::Vector xs(200000);
    for (double& x : xs) x = normal(gen);
    Json j = Json::object();
    j.add("xs", Json::numbers(xs));
    Json members = Json::object();
    for (int k = 0; k < 10000; ++k) members.add("key" + std::to_string(k), Json::number(k));
    j.add("members", members);
    const std::string text = j.dump();
    CHECK(text.size() > 4000000);
    const JsonValue v = parse(text);
    const JsonCursor doc(v, "big.json");
    CHECK(doc.at("xs").numbers() == xs);
    CHECK(doc.at("members").keys().size() == 10000 && doc.at("members").at("key9999").number() == 9999);
    CHECK(round_trips(j));
}

TEST_CASE(files) {
    const std::string path = path_in("model.json");
    write(path, "\xEF\xBB\xBF{\r\n  \"coef_\": [1.5, -2],\r\n  \"intercept_\": 0.25\r\n}\r\n");
    const JsonValue v = mlfs::read_json_file(path);
    const JsonCursor model(v, path);
    CHECK(model.at("coef_").numbers() == mlfs::Vector({1.5, -2}) && model.at("intercept_").number() == 0.25);
    CHECK_THROWS(mlfs::read_json_file(path, 20), JsonParseError, path + ": larger than 20 bytes, the limit");
    CHECK(mlfs::read_json_file(path, 60).is_object());  // exactly its size (60 bytes) is allowed
    write(path, "{\r\n  \"coef_\": [1.5,, -2]\r\n}");
    CHECK_THROWS(mlfs::read_json_file(path), JsonParseError, path + ":2:17: expected a value, found ','");
    write(path, "");
    CHECK_THROWS(mlfs::read_json_file(path), JsonParseError, path + ":1:1: the file is empty");
    std::remove(path.c_str());
    CHECK_THROWS(mlfs::read_json_file(path), JsonParseError, path + ": cannot open: No such file or directory");
    CHECK_THROWS(mlfs::read_json_file("/"), JsonParseError, "/: cannot read (is it a folder?)");
}

TEST_CASE(the_cursor_names_what_is_wrong) {
    const std::string text = "{\n  \"model\": \"linreg\",\n  \"coef_\": [1, 2, 3, \"4\"],\n  \"audit\": {\"conf_int\": "
                             "[[1, 2], [3, null]]},\n  \"odd key\": [true],\n  \"n\": 7\n}";
    const JsonValue v = parse_json(text, "model.json");
    const JsonCursor doc(v, "model.json");
    CHECK(doc.at("model").string() == "linreg" && doc.at("n").number() == 7 && doc.at("odd key")[0].boolean());
    CHECK(doc.at("coef_").size() == 4 && doc.at("coef_")[2].number() == 3);
    CHECK(doc.at("audit").at("conf_int")[1][1].is_null());
    CHECK(doc.keys() == std::vector<std::string>({"model", "coef_", "audit", "odd key", "n"}));
    CHECK(doc.has("n") && !doc.has("coef") && doc.path().empty() && doc.at("coef_")[3].path() == "coef_[3]");
    CHECK_THROWS(doc.at("coef_").numbers(), JsonTypeError, "model.json:3:22: coef_[3] is a string, expected a number");
    CHECK_THROWS(doc.at("coef_")[4], JsonTypeError, "model.json:3:12: coef_ has 4 elements; element 4 is asked for");
    CHECK_THROWS(doc.at("audit").at("conf_int")[1][1].number(), JsonTypeError,
                 "model.json:4:38: audit.conf_int[1][1] is null, expected a number");
    CHECK_THROWS(doc.at("odd key")[0].string(), JsonTypeError,
                 "model.json:5:15: [\"odd key\"][0] is a boolean, expected a string");
    CHECK_THROWS(doc.at("model").number(), JsonTypeError, "model.json:2:12: model is a string, expected a number");
    CHECK_THROWS(doc.at("n").boolean(), JsonTypeError, "model.json:6:8: n is a number, expected true or false");
    CHECK_THROWS(doc.at("n").strings(), JsonTypeError, "model.json:6:8: n is a number, expected an array");
    CHECK_THROWS(doc.at("n").keys(), JsonTypeError, "model.json:6:8: n is a number, expected an object");
    CHECK_THROWS(
        doc.at("intercept_"), JsonTypeError,
        "model.json:1:1: the document has no member \"intercept_\" (its members: model, coef_, audit, odd key, "
        "n)");
    CHECK_THROWS(doc.at("audit").at("x"), JsonTypeError,
                 "model.json:4:12: audit has no member \"x\" (its members: conf_int)");
    CHECK_THROWS(doc.at("model").at("x"), JsonTypeError, "model.json:2:12: model is a string, expected an object");
    CHECK_THROWS(doc.at("coef_").fail("has 4 numbers, expected 3"), JsonTypeError,
                 "model.json:3:12: coef_ has 4 numbers, expected 3");
    const JsonValue empty = parse("{}");
    CHECK_THROWS(JsonCursor(empty, "e.json").at("a"), JsonTypeError,
                 "e.json:1:1: the document has no member \"a\" (it is an empty object)");
    const JsonValue arr = parse("[\"a\", \"b\"]");
    CHECK(JsonCursor(arr, "a.json").strings() == std::vector<std::string>({"a", "b"}));
    CHECK_THROWS(JsonCursor(arr, "a.json").number(), JsonTypeError,
                 "a.json:1:1: the document is an array, expected a number");
}

TEST_MAIN()
