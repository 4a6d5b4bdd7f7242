// SPDX-License-Identifier: MIT
// mlfs tour: runs every case study in order, prints one summary table (ours vs reference, with
// the tolerance and a verdict) and writes every plot into one folder.
#include <cstdio>
#include <filesystem>
#include <string>

#include "cli/args.hpp"
#include "cli/commands.hpp"
#include "cli/study_kmeans.hpp"
#include "cli/study_linalg.hpp"
#include "cli/study_linreg.hpp"
#include "cli/summary.hpp"

namespace mlfs {

void print_summary(const Summary& summary) {
    std::printf("%-62s %13s %13s %10s %10s  %s\n", "quantity", "ours", "reference", "difference", "tolerance",
                "verdict");
    for (const SummaryRow& r : summary)
        std::printf("%-62s %13.6g %13.6g %10.2e %10.2e  %s\n", r.quantity.c_str(), r.ours, r.reference,
                    r.difference, r.tolerance, r.ok() ? "ok" : "FAIL");
}

int cmd_tour(int argc, char** argv) {
    Args args("mlfs tour", "Run every case study, compare each with its reference, and write the plots.");
    args.option("--out", "DIR", "folder for the plots (created if needed; default mlfs-tour)");
    if (!args.parse(argc, argv)) {
        std::printf("%s", args.help().c_str());
        return kExitOk;
    }
    const std::string out = args.get_or("--out", "mlfs-tour");
    std::error_code ec;
    std::filesystem::create_directories(out, ec);
    if (ec) throw std::runtime_error(out + ": cannot create the output folder: " + ec.message());

    Summary summary;
    run_linalg_study(out, summary);
    run_linreg_study(out, summary);
    run_kmeans_study(out, summary);

    std::printf("\n== Summary: ours vs reference ==\n\n");
    print_summary(summary);
    std::size_t failed = 0;
    for (const SummaryRow& r : summary) failed += r.ok() ? 0 : 1;
    std::printf("\n%zu of %zu comparisons ok; plots in %s/\n", summary.size() - failed, summary.size(), out.c_str());
    return failed == 0 ? kExitOk : kExitFailure;
}

}  // namespace mlfs
