// SPDX-License-Identifier: MIT
// mlfs tour: runs every case study in order, prints one summary table (ours vs reference, with
// the tolerance and a verdict) and writes every plot into one folder.
#include <cstdio>

#include "cli/args.hpp"
#include "cli/commands.hpp"
#include "cli/study_kmeans.hpp"
#include "cli/study_linalg.hpp"
#include "cli/study_linreg.hpp"
#include "cli/study_mlp.hpp"
#include "cli/summary.hpp"

namespace mlfs {

int cmd_tour(int argc, char** argv) {
    Args args("mlfs tour", "Run every case study, compare each with its reference, and write the plots.");
    args.option("--out", "DIR", "folder for the plots (created if needed; default mlfs-tour)");
    if (!args.parse(argc, argv)) {
        std::printf("%s", args.help().c_str());
        return kExitOk;
    }
    return run_studies(args.get_or("--out", "mlfs-tour"), {run_linalg_study, run_linreg_study, run_kmeans_study, run_mlp_study});
}

}  // namespace mlfs
