// SPDX-License-Identifier: MIT
// A tiny argument parser for the subcommands. Each subcommand declares its positionals, flags
// (no value) and options (--name VALUE or --name=VALUE), parses, and reads the values back:
//
//   mlfs::Args args("mlfs data", "Summarise a CSV file; optionally scatter-plot two columns.");
//   args.positional("FILE.csv", "the CSV file to read");
//   args.option("--plot", "OUT.svg", "write a scatter plot to OUT.svg");
//   args.flag("--quiet", "print nothing but errors");
//   if (!args.parse(argc, argv)) { std::cout << args.help(); return 0; }   // --help was given
//   std::string file = args.get("FILE.csv");
//   long k = args.get_int("--k", 3);
//
// Mistakes on the command line throw UsageError with a one-line message ("unknown flag --frob",
// "missing value for --plot (expected OUT.svg)"); main prints it with args.usage() and exits 2.
// Asking for a name that was never declared is a bug in the program: std::logic_error.
#pragma once

#include <cstddef>
#include <map>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace mlfs {

struct UsageError : std::runtime_error {
    UsageError(const std::string& message, std::string usage_line)
        : std::runtime_error(message), usage(std::move(usage_line)) {}
    std::string usage;  // the one-line "usage: ..." of the command that was misused
};

class Args {
public:
    // command is what the user typed to get here ("mlfs data"); summary is one line for --help
    Args(std::string command, std::string summary);

    // Declarations, in the order --help lists them. Positionals are filled in order; a required
    // one may not follow an optional one. Flag and option names start with "--".
    void positional(const std::string& name, const std::string& help, bool required = true);
    void flag(const std::string& name, const std::string& help);
    void option(const std::string& name, const std::string& value_name, const std::string& help);

    // argv[first] .. argv[argc - 1]; for a subcommand called as cmd(argc, argv) with argv[0] its
    // own name, first = 1. Returns false if --help or -h was given (nothing else is checked then).
    bool parse(int argc, char** argv, int first = 1);

    bool has(const std::string& name) const;         // given on the command line
    std::vector<std::string> given() const;          // the flags and options given, in declaration order
    std::string get(const std::string& name) const;  // the value; UsageError if not given
    std::string get_or(const std::string& name, const std::string& fallback) const;
    double get_double(const std::string& name, double fallback) const;  // UsageError if not a number
    long get_int(const std::string& name, long fallback) const;         // UsageError if not an integer

    std::string usage() const;  // "usage: mlfs data FILE.csv [--plot OUT.svg] ..."
    std::string help() const;   // usage, summary, and one line per positional, flag and option
    [[noreturn]] void fail(const std::string& message) const;  // throws UsageError with usage()

private:
    struct Spec {
        std::string name, value_name, help;  // value_name empty: a flag, or a positional
        bool positional = false, required = true;
    };
    const Spec& spec(const std::string& name) const;  // logic_error if never declared
    void declare(Spec s);

    std::string command_, summary_;
    std::vector<Spec> specs_;
    std::map<std::string, std::string> given_;  // name -> value ("" for a flag)
};

// "a,,b" -> {"a", "", "b"}: the items of a comma-separated option value, empty ones kept so the
// caller can say what an empty item means for its option.
std::vector<std::string> split_list(const std::string& list);

// --features A,B,...: the column names, none empty and none twice (a UsageError otherwise).
std::vector<std::string> parse_feature_names(const std::string& list, const Args& args);

// "64,32" -> {64, 32}: the layer sizes of a --hidden value, each an integer from 1 to max_units;
// anything else fails through args with '--hidden must be layer sizes from 1 to MAX separated by
// commas ("64,32"), got "..."'.
std::vector<std::size_t> parse_hidden(const std::string& list, long max_units, const Args& args);

}  // namespace mlfs
