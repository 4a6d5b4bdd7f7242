// SPDX-License-Identifier: MIT
// Tests for the command-line parser (cli/args.hpp), which the CLI scripts (tests/cli_*.cmake) only
// reach through whole runs of the program: declarations, --name VALUE and --name=VALUE, --help and
// -h, each mistake with its exact message and the usage line it carries, get_int / get_double /
// get_or, given() in declaration order, and the list helpers split_list, parse_feature_names and
// parse_hidden.
#include <initializer_list>
#include <stdexcept>
#include <string>
#include <vector>

#include "cli/args.hpp"
#include "tests/check.hpp"

using mlfs::Args;
using mlfs::UsageError;

namespace {

// A command with one of each kind: two positionals (the second optional), a flag, two options.
Args demo() {
    Args a("mlfs demo", "A command to test the parser with.");
    a.positional("FILE.csv", "the CSV file to read");
    a.positional("OUT", "where to write", /*required=*/false);
    a.flag("--quiet", "print nothing but errors");
    a.option("--k", "K", "the number of clusters");
    a.option("--lr", "RATE", "the learning rate");
    return a;
}

const char* const kDemoUsage = "usage: mlfs demo FILE.csv [OUT] [--quiet] [--k K] [--lr RATE] [--help]";

// parse() takes argv as main receives it: argv[0] is the program, the words follow.
bool parse(Args& a, std::initializer_list<const char*> words) {
    std::vector<std::string> store{"mlfs-demo"};
    store.insert(store.end(), words.begin(), words.end());
    std::vector<char*> argv;
    for (std::string& s : store) argv.push_back(&s[0]);
    argv.push_back(nullptr);
    return a.parse(static_cast<int>(store.size()), argv.data());
}

// The UsageError that parsing these words throws, with its message and usage line; "no error"
// when none is thrown, so the check that reads it fails and says so.
UsageError parse_error(std::initializer_list<const char*> words) {
    Args a = demo();
    try {
        parse(a, words);
    } catch (const UsageError& e) {
        return e;
    }
    return UsageError("no error", "");
}

// The same for a call after a successful parse.
template <class F>
UsageError call_error(F f) {
    try {
        f();
    } catch (const UsageError& e) {
        return e;
    }
    return UsageError("no error", "");
}

void check_message(const UsageError& e, const std::string& want, const char* file, int line) {
    mlfs_test::report(std::string(e.what()) == want, file, line,
                      "message \"" + std::string(e.what()) + "\" vs \"" + want + "\"");
    mlfs_test::report(e.usage == kDemoUsage, file, line, "usage \"" + e.usage + "\" vs \"" + kDemoUsage + "\"");
}
#define CHECK_USAGE_ERROR(error, message) check_message((error), (message), __FILE__, __LINE__)

std::string joined(const std::vector<std::string>& v) {
    std::string s;
    for (const std::string& x : v) s += (s.empty() ? "" : "|") + x;
    return s;
}

}  // namespace

TEST_CASE(positionals_fill_in_order) {
    Args a = demo();
    CHECK(parse(a, {"data.csv", "out.svg"}));
    CHECK(a.get("FILE.csv") == "data.csv");
    CHECK(a.get("OUT") == "out.svg");
    CHECK(a.has("FILE.csv") && a.has("OUT"));
    Args b = demo();
    CHECK(parse(b, {"data.csv"}));
    CHECK(b.get("FILE.csv") == "data.csv");
    CHECK(!b.has("OUT"));  // optional and not given
    CHECK(b.get_or("OUT", "default.svg") == "default.svg");
}

TEST_CASE(option_value_as_next_word_or_after_equals) {
    Args a = demo();
    CHECK(parse(a, {"data.csv", "--k", "4", "--lr=0.05"}));
    CHECK(a.get("--k") == "4");
    CHECK(a.get("--lr") == "0.05");
    Args b = demo();
    CHECK(parse(b, {"--k=4", "data.csv", "--lr", "0.05"}));  // options before the positional too
    CHECK(b.get("--k") == "4");
    CHECK(b.get("--lr") == "0.05");
    CHECK(b.get("FILE.csv") == "data.csv");
    Args c = demo();
    CHECK(parse(c, {"data.csv", "--k=a=b"}));  // only the first '=' splits
    CHECK(c.get("--k") == "a=b");
}

TEST_CASE(negative_numbers_are_values_not_flags) {
    Args a = demo();
    CHECK(parse(a, {"data.csv", "--k", "-2", "--lr", "-.5"}));
    CHECK(a.get("--k") == "-2");
    CHECK(a.get("--lr") == "-.5");
    CHECK(a.get_int("--k", 0) == -2);
    CHECK(a.get_double("--lr", 0.0) == -0.5);
}

TEST_CASE(flags_have_no_value) {
    Args a = demo();
    CHECK(parse(a, {"--quiet", "data.csv"}));
    CHECK(a.has("--quiet"));
    CHECK(a.get("--quiet").empty());
    CHECK(a.get("FILE.csv") == "data.csv");  // the word after a flag is not taken as its value
    CHECK(!a.has("--k"));
}

TEST_CASE(help_returns_false) {
    for (const char* h : {"--help", "-h"}) {
        Args a = demo();
        CHECK_MSG(!parse(a, {h}), std::string(h) + " alone: parse returns false");
        Args b = demo();
        // nothing else is checked: a missing positional and an unknown flag do not throw
        CHECK_MSG(!parse(b, {"--frobnicate", h}), std::string(h) + " after an unknown flag: parse returns false");
    }
    Args c = demo();
    CHECK(parse(c, {"data.csv", "--", "--help"}));  // after "--", --help is a positional
    CHECK(c.get("OUT") == "--help");
}

TEST_CASE(double_dash_ends_the_flags) {
    Args a = demo();
    CHECK(parse(a, {"--", "-x.csv", "--quiet"}));
    CHECK(a.get("FILE.csv") == "-x.csv");
    CHECK(a.get("OUT") == "--quiet");
    CHECK(!a.has("--quiet"));
}

TEST_CASE(mistakes_have_exact_messages_and_the_usage) {
    CHECK_USAGE_ERROR(parse_error({"data.csv", "--frobnicate"}), "unknown flag --frobnicate");
    CHECK_USAGE_ERROR(parse_error({"data.csv", "--frobnicate=3"}), "unknown flag --frobnicate");
    CHECK_USAGE_ERROR(parse_error({"data.csv", "-x"}), "unknown flag -x");
    CHECK_USAGE_ERROR(parse_error({"data.csv", "--k"}), "missing value for --k (expected K)");
    CHECK_USAGE_ERROR(parse_error({"data.csv", "--k="}), "missing value for --k (expected K)");
    CHECK_USAGE_ERROR(parse_error({"data.csv", "--k", "--quiet"}), "missing value for --k (expected K)");
    CHECK_USAGE_ERROR(parse_error({"data.csv", "--k", "2", "--k", "3"}), "--k given twice");
    CHECK_USAGE_ERROR(parse_error({"data.csv", "--quiet", "--quiet"}), "--quiet given twice");
    CHECK_USAGE_ERROR(parse_error({"data.csv", "--quiet=yes"}), "--quiet takes no value");
    CHECK_USAGE_ERROR(parse_error({"a.csv", "b.svg", "c"}), "unexpected argument \"c\"");
    CHECK_USAGE_ERROR(parse_error({"--quiet"}), "missing FILE.csv");
    CHECK_USAGE_ERROR(parse_error({}), "missing FILE.csv");
}

TEST_CASE(get_int_and_get_double) {
    Args a = demo();
    CHECK(parse(a, {"data.csv", "--k", "12", "--lr", "1e-3"}));
    CHECK(a.get_int("--k", 3) == 12);
    CHECK_NEAR(a.get_double("--lr", 0.1), 1e-3, 0.0, "strtod of \"1e-3\": the same double as the literal");
    Args b = demo();
    CHECK(parse(b, {"data.csv"}));
    CHECK(b.get_int("--k", 3) == 3);  // not given: the fallback
    CHECK_NEAR(b.get_double("--lr", 0.25), 0.25, 0.0, "not given: the fallback itself");
    CHECK(b.get_or("--k", "none") == "none");

    // (an empty value, "--k=", is a missing value: mistakes_have_exact_messages_and_the_usage)
    for (const char* bad : {"2.5", "x", "3x", "0x10", "99999999999999999999"}) {
        Args c = demo();
        CHECK(parse(c, {"data.csv", "--k", bad}));
        CHECK_USAGE_ERROR(call_error([&] { c.get_int("--k", 0); }),
                          std::string("--k expects an integer, got \"") + bad + "\"");
    }
    for (const char* bad : {"x", "1.5.2", "0.1x", "inf", "nan", "1e999"}) {
        Args c = demo();
        CHECK(parse(c, {"data.csv", "--lr", bad}));
        CHECK_USAGE_ERROR(call_error([&] { c.get_double("--lr", 0.0); }),
                          std::string("--lr expects a finite number, got \"") + bad + "\"");
    }
}

TEST_CASE(get_of_a_missing_value) {
    Args a = demo();
    CHECK(parse(a, {"data.csv"}));
    CHECK_USAGE_ERROR(call_error([&] { a.get("--k"); }), "missing --k K");
    CHECK_USAGE_ERROR(call_error([&] { a.get("OUT"); }), "missing OUT");
    CHECK(a.get_or("--lr", "0.001") == "0.001");
    Args b = demo();
    CHECK(parse(b, {"data.csv", "--lr", "0.5"}));
    CHECK(b.get_or("--lr", "0.001") == "0.5");
}

TEST_CASE(given_lists_flags_and_options_in_declaration_order) {
    Args a = demo();
    CHECK(parse(a, {"--lr", "0.1", "data.csv", "--k=2", "--quiet"}));
    CHECK_MSG(joined(a.given()) == "--quiet|--k|--lr", "given() = " + joined(a.given()));
    Args b = demo();
    CHECK(parse(b, {"data.csv", "out"}));
    CHECK_MSG(b.given().empty(), "positionals are not listed: given() = " + joined(b.given()));
    // a second parse starts afresh
    CHECK(parse(a, {"data.csv", "--k", "5"}));
    CHECK_MSG(joined(a.given()) == "--k", "after a second parse: given() = " + joined(a.given()));
    CHECK(!a.has("--quiet") && !a.has("--lr"));
}

TEST_CASE(usage_and_help) {
    const Args a = demo();
    CHECK_MSG(a.usage() == kDemoUsage, "usage() = " + a.usage());
    const std::string h = a.help();
    const std::string want = std::string(kDemoUsage) + "\n\nA command to test the parser with.\n\n" +
                             "  FILE.csv     the CSV file to read\n"
                             "  OUT          where to write\n"
                             "  --quiet      print nothing but errors\n"
                             "  --k K        the number of clusters\n"
                             "  --lr RATE    the learning rate\n"
                             "  --help, -h   show this help and exit\n";
    CHECK_MSG(h == want, "help() =\n" + h);
    CHECK_USAGE_ERROR(call_error([&] { a.fail("something is wrong"); }), "something is wrong");
}

TEST_CASE(declaration_mistakes_are_logic_errors) {
    Args a = demo();
    CHECK_THROWS(a.flag("--quiet", "again"), std::logic_error, "mlfs demo: --quiet declared twice");
    CHECK_THROWS(a.flag("-q", "short"), std::logic_error, "mlfs demo: flag -q must start with --");
    CHECK_THROWS(a.option("k", "K", "no dashes"), std::logic_error, "option k must start with -- and name its value");
    CHECK_THROWS(a.option("--m", "", "no value name"), std::logic_error,
                 "option --m must start with -- and name its value");
    CHECK_THROWS(a.positional("MORE", "required after optional"), std::logic_error,
                 "mlfs demo: required MORE declared after optional OUT");
    CHECK(parse(a, {"data.csv"}));
    CHECK_THROWS(a.has("--nope"), std::logic_error, "mlfs demo: asked for --nope, which was never declared");
    CHECK_THROWS(a.get("--nope"), std::logic_error, "asked for --nope, which was never declared");
    CHECK_THROWS(a.get_int("--nope", 1), std::logic_error, "asked for --nope, which was never declared");
}

TEST_CASE(split_list_keeps_empty_items) {
    CHECK(joined(mlfs::split_list("a,b,c")) == "a|b|c");
    CHECK(joined(mlfs::split_list("a,,b")) == "a||b");
    CHECK(mlfs::split_list("a,,b").size() == 3);
    CHECK(mlfs::split_list("").size() == 1 && mlfs::split_list("")[0].empty());
    CHECK(mlfs::split_list(",").size() == 2);
    CHECK(joined(mlfs::split_list("x0,")) == "x0|");
    CHECK(joined(mlfs::split_list("one")) == "one");
}

TEST_CASE(parse_feature_names_refuses_empties_and_repeats) {
    Args a = demo();
    CHECK(joined(mlfs::parse_feature_names("age,bmi,bp", a)) == "age|bmi|bp");
    CHECK_USAGE_ERROR(call_error([&] { mlfs::parse_feature_names("age,,bmi", a); }),
                      "--features has an empty name in \"age,,bmi\"");
    CHECK_USAGE_ERROR(call_error([&] { mlfs::parse_feature_names("", a); }), "--features has an empty name in \"\"");
    CHECK_USAGE_ERROR(call_error([&] { mlfs::parse_feature_names("age,", a); }),
                      "--features has an empty name in \"age,\"");
    CHECK_USAGE_ERROR(call_error([&] { mlfs::parse_feature_names("x0,x1,x0", a); }),
                      "--features names \"x0\" twice in \"x0,x1,x0\"");
    CHECK(joined(mlfs::parse_feature_names("x0,X0", a)) == "x0|X0");  // names are case-sensitive
}

TEST_CASE(parse_hidden_bounds) {
    Args a = demo();
    const std::vector<std::size_t> h = mlfs::parse_hidden("64,32", 100000, a);
    CHECK(h.size() == 2 && h[0] == 64 && h[1] == 32);
    const std::vector<std::size_t> edges = mlfs::parse_hidden("1,64", 64, a);  // both bounds included
    CHECK(edges.size() == 2 && edges[0] == 1 && edges[1] == 64);
    for (const char* bad : {"0", "65", "64,,32", "", "4,", "-3", "8x", "1.5", "99999999999999999999"}) {
        CHECK_USAGE_ERROR(call_error([&] { mlfs::parse_hidden(bad, 64, a); }),
                          std::string(
                              "--hidden must be layer sizes from 1 to 64 separated by commas (\"64,32\"), got \"") +
                              bad + "\"");
    }
}

TEST_MAIN()
