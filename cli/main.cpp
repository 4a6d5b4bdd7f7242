// SPDX-License-Identifier: MIT
// mlfs, the command-line program: `mlfs --help`, `mlfs --version`, `mlfs SUBCOMMAND ...`.
// Exit codes: 0 success, 1 a failure in the work itself (bad CSV, numerical breakdown),
// 2 a mistake on the command line (unknown subcommand or flag, missing value). Every error is one
// line on stderr; a usage mistake is followed by the usage. Nothing escapes main uncaught.
#include <cstdio>
#include <cstring>
#include <exception>
#include <string>

#include "cli/args.hpp"
#include "cli/commands.hpp"
#include "cli/version.hpp"

namespace {

struct Subcommand {
    const char* name;
    const char* summary;
    int (*run)(int, char**);
};

void print_help(std::FILE* out, const Subcommand* subs, std::size_t n) {
    std::fprintf(out, "usage: mlfs SUBCOMMAND [ARGS...]\n       mlfs --help | --version\n\n"
                      "Machine learning from scratch: small case studies you can read line by line.\n\n"
                      "subcommands:\n");
    for (std::size_t i = 0; i < n; ++i) std::fprintf(out, "  %-10s %s\n", subs[i].name, subs[i].summary);
    std::fprintf(out, "\nRun 'mlfs SUBCOMMAND --help' for its arguments.\n");
}

// Runs one subcommand and turns what it throws into a message and an exit code.
int run(const Subcommand& sub, int argc, char** argv) {
    try {
        return sub.run(argc, argv);
    } catch (const mlfs::UsageError& e) {
        std::fprintf(stderr, "mlfs %s: %s\n%s\n", sub.name, e.what(), e.usage.c_str());
        return mlfs::kExitUsage;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "mlfs %s: %s\n", sub.name, e.what());
        return mlfs::kExitFailure;
    } catch (...) {
        std::fprintf(stderr, "mlfs %s: unknown error (a non-standard exception)\n", sub.name);
        return mlfs::kExitFailure;
    }
}

int dispatch(int argc, char** argv) {
    const Subcommand subs[] = {
        {"data", "summarise a CSV file, or scatter-plot two of its columns to SVG", mlfs::cmd_data},
        {"linreg", "least squares and ridge: the diabetes + NIST case study, or fit your CSV", mlfs::cmd_linreg},
        {"logreg", "logistic regression: the breast cancer case study and its failure modes, or fit your CSV",
         mlfs::cmd_logreg},
        {"kmeans", "k-means clustering: the iris case study and its failure modes, or cluster your CSV",
         mlfs::cmd_kmeans},
        {"pca", "principal component analysis: the digits case study and its failure modes, or project your CSV",
         mlfs::cmd_pca},
        {"mlp", "multi-layer perceptron: the digits case study and its failure modes, or train on your CSV",
         mlfs::cmd_mlp},
        {"predict", "predictions of a model saved with --save, for new rows of a CSV", mlfs::cmd_predict},
        {"gradcheck", "check backprop's gradient against central differences on a tiny network", mlfs::cmd_gradcheck},
        {"tour", "the guided tour of the case studies", mlfs::cmd_tour},
    };
    const std::size_t n = sizeof subs / sizeof subs[0];
    const std::string first = argc > 1 ? argv[1] : "";
    if (first == "--help" || first == "-h") {
        print_help(stdout, subs, n);
        return mlfs::kExitOk;
    }
    if (first == "--version") {
        std::printf("mlfs %s\n", MLFS_VERSION);
        return mlfs::kExitOk;
    }
    for (std::size_t i = 0; i < n; ++i)
        if (first == subs[i].name) return run(subs[i], argc - 1, argv + 1);
    if (first.empty()) std::fprintf(stderr, "mlfs: missing subcommand\n");
    else if (first[0] == '-') std::fprintf(stderr, "mlfs: unknown flag %s\n", first.c_str());
    else std::fprintf(stderr, "mlfs: unknown subcommand \"%s\"\n", first.c_str());
    std::fprintf(stderr, "usage: mlfs SUBCOMMAND [ARGS...] (subcommands:");
    for (std::size_t i = 0; i < n; ++i) std::fprintf(stderr, " %s", subs[i].name);
    std::fprintf(stderr, "); mlfs --help for more\n");
    return mlfs::kExitUsage;
}

}  // namespace

int main(int argc, char** argv) {
    try {
        return dispatch(argc, argv);
    } catch (const std::exception& e) {  // e.g. out of memory before a subcommand ran
        std::fprintf(stderr, "mlfs: %s\n", e.what());
    } catch (...) {
        std::fprintf(stderr, "mlfs: unknown error\n");
    }
    return mlfs::kExitFailure;
}
