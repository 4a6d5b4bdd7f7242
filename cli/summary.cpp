// SPDX-License-Identifier: MIT
// Running case studies and printing their summary table (cli/summary.hpp).
#include "cli/summary.hpp"

#include <cstdio>
#include <filesystem>
#include <stdexcept>

#include "cli/commands.hpp"

namespace mlfs {

void print_summary(const Summary& summary) {
    std::printf("%-62s %13s %13s %10s %10s  %s\n", "quantity", "ours", "reference", "difference", "tolerance",
                "verdict");
    for (const SummaryRow& r : summary)
        std::printf("%-62s %13.6g %13.6g %10.2e %10.2e  %s\n", r.quantity.c_str(), r.ours, r.reference,
                    r.difference, r.tolerance, r.ok() ? "ok" : "FAIL");
}

int run_studies(const std::string& out_dir, const std::vector<Study>& studies) {
    std::error_code ec;
    std::filesystem::create_directories(out_dir, ec);
    if (ec) throw std::runtime_error(out_dir + ": cannot create the output folder: " + ec.message());
    Summary summary;
    for (const Study& study : studies) study(out_dir, summary);
    std::printf("\n== Summary: ours vs reference ==\n\n");
    print_summary(summary);
    std::size_t failed = 0;
    for (const SummaryRow& r : summary) failed += r.ok() ? 0 : 1;
    std::printf("\n%zu of %zu comparisons ok; plots in %s/\n", summary.size() - failed, summary.size(),
                out_dir.c_str());
    return failed == 0 ? kExitOk : kExitFailure;
}

}  // namespace mlfs
