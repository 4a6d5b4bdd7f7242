// SPDX-License-Identifier: MIT
// The shared opening of the model subcommands (cli/model_command.hpp).
#include "cli/model_command.hpp"

#include <cstdio>
#include <string>
#include <utility>

#include "cli/commands.hpp"
#include "cli/version.hpp"
#include "studies/run.hpp"

namespace mlfs {

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

int print_help(const Args& args) {
    std::fputs(args.help().c_str(), stdout);
    return kExitOk;
}

int run_study_without_data(const Args& args, const std::string& default_out, Study study) {
    for (const std::string& name : args.given())
        if (name != "--out") args.fail(name + " needs --data FILE.csv");
    return run_studies(args.get_or("--out", default_out), {study}, MLFS_VERSION) ? kExitOk : kExitFailure;
}

int finish_data_run(const Args& args, bool json, const std::function<std::string()>& json_text,
                    const std::function<void()>& print_text,
                    const std::function<std::string(const std::string& out)>& write_plots) {
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

}  // namespace mlfs
