// SPDX-License-Identifier: MIT
// The shared opening of the model subcommands (cli/model_command.hpp).
#include "cli/model_command.hpp"

#include <cstdio>

#include "cli/commands.hpp"
#include "cli/version.hpp"
#include "studies/run.hpp"

namespace mlfs {

int print_help(const Args& args) {
    std::fputs(args.help().c_str(), stdout);
    return kExitOk;
}

int run_study_without_data(const Args& args, const std::string& default_out, Study study) {
    for (const std::string& name : args.given())
        if (name != "--out") args.fail(name + " needs --data FILE.csv");
    return run_studies(args.get_or("--out", default_out), {study}, MLFS_VERSION) ? kExitOk : kExitFailure;
}

}  // namespace mlfs
