// SPDX-License-Identifier: MIT
// The opening that the model subcommands share (mlfs linreg, kmeans, mlp): --help prints the
// help; without --data the subcommand runs its topic's case study (studies/) into --out, and
// every other option is then a mistake ("--k needs --data FILE.csv", exit 2); with --data they
// all end alike: JSON or text on stdout, plots into --out.
//
//   Args args = make_args();
//   if (!args.parse(argc, argv)) return print_help(args);
//   if (!args.has("--data")) return run_study_without_data(args, "mlfs-kmeans", run_kmeans_study);
//   ...read the request, load the data, fit...
//   return finish_data_run(args, r.json, json_text, print_text, write_plots);
#pragma once

#include <chrono>
#include <functional>
#include <string>
#include <vector>

#include "cli/args.hpp"
#include "io/model_file.hpp"
#include "linalg/matrix.hpp"
#include "studies/summary.hpp"

namespace mlfs {

// --threads N (0 = all hardware threads, the default; at most kMaxThreads): the threads of the fast
// kernels, which never change a number. Anything else is a UsageError.
constexpr int kMaxThreads = 1024;
int read_threads(const Args& args);

// Progress of a long fit on stderr, "PREFIX: TEXT (3.2 s)": at most one line a second, and none
// during the run's first second, so that a short run prints nothing. stdout is never touched.
class ProgressLine {
public:
    explicit ProgressLine(std::string prefix);
    void operator()(const std::string& text);

private:
    std::string prefix_;
    std::chrono::steady_clock::time_point start_, last_;
};

// Each column of X (N x D, named by `names`) must hold values whose squares, `count` of them summed,
// stay inside double precision (squares_out_of_range, algorithms/magnitudes.hpp); else a CsvError
// (exit 1): "FILE: column "x" has values up to 1e+300 in magnitude, so its SUMS overflow double
// precision; rescale it (e.g. to units near 1)", `sums` naming what the command sums.
void require_representable_columns(const std::string& file, const Matrix& X, const std::vector<std::string>& names,
                                   double count, const std::string& sums);

// The help of --out DIR, one text for every model command, since finish_data_run decides the order:
// the text is printed before the plots are written (the numbers are the run's result, the plots a
// view of them), so a plot that cannot be written is an error after the text; with --json the plots
// come first, and stdout stays empty. Either way no file is left half written (io/write_file.hpp).
extern const char* const kOutHelp;

// Prints args.help() on stdout; returns kExitOk.
int print_help(const Args& args);

// Runs `study` into --out (default_out when not given), with the summary table and index.html;
// kExitOk when every comparison is ok, else kExitFailure. Any option but --out is a UsageError.
int run_study_without_data(const Args& args, const std::string& default_out, Study study);

// --out must be a folder that can be written: created if needed, then probed with a small file that
// is removed; a runtime_error (exit 1) naming it otherwise. finish_data_run calls it before anything
// is printed; a command may call it earlier, before its fit (mlfs logreg does).
void prepare_out_dir(const std::string& out);

// The end of a --data run. With --json: json_text() is built whole before anything is printed (an
// error then leaves stdout empty), the plots go into --out if it was given, then the JSON is
// printed. Without: print_text(), then the plots, and a line naming what write_plots(out) wrote.
int finish_data_run(const Args& args, bool json, const std::function<std::string()>& json_text,
                    const std::function<void()>& print_text,
                    const std::function<std::string(const std::string& out)>& write_plots);

// --save FILE.json: declared by every model command; the fitted model goes there (io/model_file.hpp)
// for `mlfs predict`, written whole or not at all, after the fit and before anything is printed, so
// that a file that cannot be written is one error and an empty stdout.
void add_save_option(Args& args);
// If --save was given: stamps the version and writes `model` (its command, features and parameters
// filled in by the caller); a WriteError naming the file otherwise.
void save_model_if_asked(const Args& args, SavedModel model);

}  // namespace mlfs
