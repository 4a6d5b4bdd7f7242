// SPDX-License-Identifier: MIT
// mlfs tour: runs every case study in order, prints one summary table (ours vs reference, with
// the tolerance and a verdict), and writes every plot into one folder with an index.html that
// shows them with their captions and the table (studies/run.hpp).
#include <cstdio>

#include "cli/args.hpp"
#include "cli/commands.hpp"
#include "cli/model_command.hpp"
#include "cli/version.hpp"
#include "studies/kmeans.hpp"
#include "studies/linalg.hpp"
#include "studies/linear_regression.hpp"
#include "studies/logistic_regression.hpp"
#include "studies/mlp.hpp"
#include "studies/pca.hpp"
#include "studies/run.hpp"

namespace mlfs {

int cmd_tour(int argc, char** argv) {
    Args args("mlfs tour", "Run every case study, compare each with its reference, and write the plots "
                           "with an index.html that shows them all.");
    args.option("--out", "DIR", "folder for the plots and index.html (created if needed; default mlfs-tour)");
    if (!args.parse(argc, argv)) return print_help(args);
    // the reading order of the README; `source` names the reference of rows that name none
    const std::vector<CaseStudy> tour = {
        {"Linear algebra (derivations/linear_algebra.md)", "", run_linalg_study},
        {"Linear regression (derivations/linear_regression.md)", "scikit-learn", run_linreg_study},
        {"Logistic regression (derivations/logistic_regression.md)", "scikit-learn", run_logreg_study},
        {"k-means (derivations/kmeans.md)", "scikit-learn", run_kmeans_study},
        {"Principal component analysis (derivations/pca.md)", "scikit-learn", run_pca_study},
        {"Neural network (derivations/neural_networks.md)", "scikit-learn", run_mlp_study},
    };
    return run_case_studies(args.get_or("--out", "mlfs-tour"), tour, MLFS_VERSION) ? kExitOk : kExitFailure;
}

}  // namespace mlfs
