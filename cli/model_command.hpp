// SPDX-License-Identifier: MIT
// The opening that the model subcommands share (mlfs linreg, kmeans, mlp): --help prints the
// help; without --data the subcommand runs its topic's case study (studies/) into --out, and
// every other option is then a mistake ("--k needs --data FILE.csv", exit 2).
//
//   Args args = make_args();
//   if (!args.parse(argc, argv)) return print_help(args);
//   if (!args.has("--data")) return run_study_without_data(args, "mlfs-kmeans", run_kmeans_study);
#pragma once

#include <string>

#include "cli/args.hpp"
#include "studies/summary.hpp"

namespace mlfs {

// Prints args.help() on stdout; returns kExitOk.
int print_help(const Args& args);

// Runs `study` into --out (default_out when not given), with the summary table and index.html;
// kExitOk when every comparison is ok, else kExitFailure. Any option but --out is a UsageError.
int run_study_without_data(const Args& args, const std::string& default_out, Study study);

}  // namespace mlfs
