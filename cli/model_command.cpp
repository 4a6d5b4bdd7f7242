// SPDX-License-Identifier: MIT
// The shared opening of the model subcommands (cli/model_command.hpp).
#include "cli/model_command.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>
#include <utility>

#include "algorithms/magnitudes.hpp"
#include "cli/commands.hpp"
#include "cli/version.hpp"
#include "io/csv.hpp"
#include "io/write_file.hpp"
#include "linalg/format.hpp"
#include "studies/run.hpp"

namespace mlfs {

const char* const kOutHelp =
    "write the plots into DIR (created if needed), each file whole or not at all; the results are printed "
    "first, so a plot that cannot be written (a full disk) is an error, exit 1, after them (with --json the "
    "plots are written first and nothing is printed)";

int read_threads(const Args& args) {
    const long threads = args.get_int("--threads", 0);
    if (threads < 0 || threads > kMaxThreads)
        args.fail("--threads must be an integer from 0 (all hardware threads) to " + std::to_string(kMaxThreads) +
                  ", got " + args.get("--threads"));
    return static_cast<int>(threads);
}

ProgressLine::ProgressLine(std::string prefix)
    : prefix_(std::move(prefix)), start_(std::chrono::steady_clock::now()), last_(start_) {}

void ProgressLine::operator()(const std::string& text) {
    const auto now = std::chrono::steady_clock::now();
    if (now - start_ < std::chrono::seconds(1) || now - last_ < std::chrono::seconds(1)) return;
    last_ = now;
    std::fprintf(stderr, "%s: %s (%.1f s)\n", prefix_.c_str(), text.c_str(),
                 std::chrono::duration<double>(now - start_).count());
}

void require_representable_columns(const std::string& file, const Matrix& X, const std::vector<std::string>& names,
                                   double count, const std::string& sums) {
    const std::size_t N = X.rows(), D = X.cols();
    Vector big(D, 0.0);  // |X(i, j)| at most, row by row as X is stored
    for (std::size_t i = 0; i < N; ++i)
        for (std::size_t j = 0; j < D; ++j) big[j] = std::max(big[j], std::fabs(X(i, j)));
    for (std::size_t j = 0; j < D; ++j)
        if (squares_out_of_range(big[j], count))
            throw CsvError(file + ": column \"" + names[j] + "\" has values up to " + format_number(big[j]) +
                           " in magnitude, so its " + sums + " " + (big[j] > 1.0 ? "overflow" : "underflow") +
                           " double precision; rescale it (e.g. to units near 1)");
}

int print_help(const Args& args) {
    std::fputs(args.help().c_str(), stdout);
    return kExitOk;
}

int run_study_without_data(const Args& args, const std::string& default_out, Study study) {
    for (const std::string& name : args.given())
        if (name != "--out") args.fail(name + " needs --data FILE.csv");
    return run_studies(args.get_or("--out", default_out), {study}, MLFS_VERSION) ? kExitOk : kExitFailure;
}

void prepare_out_dir(const std::string& out) {
    std::error_code ec;
    std::filesystem::create_directories(out, ec);
    if (ec) throw std::runtime_error(out + ": cannot create the output folder: " + ec.message());
    if (!std::filesystem::is_directory(out, ec))
        throw std::runtime_error(out + ": --out must be a folder, and this is not one");
    const std::string probe = out + "/.mlfs-write-test";
    {
        std::ofstream f(probe);
        if (!f) throw std::runtime_error(out + ": cannot write into the output folder");
    }
    std::filesystem::remove(probe, ec);
}

int finish_data_run(const Args& args, bool json, const std::function<std::string()>& json_text,
                    const std::function<void()>& print_text,
                    const std::function<std::string(const std::string& out)>& write_plots) {
    if (args.has("--out")) prepare_out_dir(args.get("--out"));  // a folder that cannot be made: nothing printed
    if (json) {
        const std::string text = json_text();
        if (args.has("--out")) write_plots(args.get("--out"));
        std::printf("%s\n", text.c_str());
        return kExitOk;
    }
    print_text();
    if (args.has("--out"))
        std::printf("\nwrote into %s/: %s\n", args.get("--out").c_str(), write_plots(args.get("--out")).c_str());
    return kExitOk;
}

void add_save_option(Args& args) {
    args.option("--save", "FILE.json",
                "save the fitted model (features, classes, every parameter at 17 digits) for mlfs predict; written "
                "whole or not at all, before anything is printed");
}

void save_model_if_asked(const Args& args, SavedModel model) {
    if (!args.has("--save")) return;
    model.mlfs_version = MLFS_VERSION;
    write_file_whole(args.get("--save"), model_text(model), "model file");
}

}  // namespace mlfs
