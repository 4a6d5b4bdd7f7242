// SPDX-License-Identifier: MIT
// mlfs data FILE.csv: the shape of a numeric CSV file and a summary of each column, and with
// --plot OUT.svg --x COL --y COL [--color COL] a scatter plot of two columns.
//
// N rows, D columns; for column j:
//   mean  xbar_j = (1/N) sum_i X(i, j)
//   std   s_j    = sqrt( sum_i (X(i, j) - xbar_j)^2 / (N - 1) )
// s_j is the sample standard deviation (ddof = 1), as pandas' describe() reports it; numpy's
// np.std divides by N instead (ddof = 0). Two passes over the column (mean first), which avoids
// the cancellation of the one-pass sum x^2 - N xbar^2.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <set>
#include <string>
#include <vector>

#include "cli/args.hpp"
#include "cli/commands.hpp"
#include "cli/model_command.hpp"
#include "io/csv.hpp"
#include "io/svg.hpp"
#include "linalg/format.hpp"

namespace mlfs {
namespace {

// sum_i (X(i, j) - xbar_j)^2
double sum_of_squares(const Matrix& X, std::size_t j, double xbar) {
    double ss = 0.0;
    for (std::size_t i = 0; i < X.rows(); ++i) ss += (X(i, j) - xbar) * (X(i, j) - xbar);
    return ss;
}

// Every column's mean and sum of squares must be finite; checked before anything is printed or written.
void check_summable(const Table& t) {
    const Vector xbar = column_means(t.X);
    for (std::size_t j = 0; j < t.X.cols(); ++j)
        if (!std::isfinite(xbar[j]) || !std::isfinite(sum_of_squares(t.X, j, xbar[j])))
            throw std::runtime_error(t.path + ": column " + std::to_string(j + 1) + " (\"" + t.names[j] +
                                     "\"): its sum or sum of squares overflows double precision (values up to " +
                                     format_table(max_abs(t.X.col(j))) + "); rescale it");
}

void print_summary(const Table& t) {
    const Matrix& X = t.X;  // N x D
    const std::size_t N = X.rows(), D = X.cols();
    const Vector xbar = column_means(X);
    check_summable(t);
    std::printf("%s: %zu row%s x %zu column%s; std is the sample standard deviation (ddof=1, as pandas "
                "describe)\n\n",
                t.path.c_str(), N, N == 1 ? "" : "s", D, D == 1 ? "" : "s");
    int w = 6;  // width of the name column: the longest name, at least "column"
    for (const std::string& name : t.names) w = std::max(w, static_cast<int>(name.size()));
    std::printf("%-*s %8s %12s %12s %12s %12s\n", w, "column", "count", "mean", "std(ddof=1)", "min", "max");
    for (std::size_t j = 0; j < D; ++j) {
        const double ss = sum_of_squares(X, j, xbar[j]);
        double lo = X(0, j), hi = X(0, j);
        for (std::size_t i = 0; i < N; ++i) {
            lo = std::min(lo, X(i, j));
            hi = std::max(hi, X(i, j));
        }
        const std::string s = N > 1 ? format_table(std::sqrt(ss / static_cast<double>(N - 1))) : "n/a";
        std::printf("%-*s %8zu %12s %12s %12s %12s\n", w, t.names[j].c_str(), N, format_table(xbar[j]).c_str(),
                    s.c_str(), format_table(lo).c_str(), format_table(hi).c_str());
    }
    if (N == 1) std::printf("(std needs at least 2 rows)\n");
}

// Column j as integer class labels; a value that is not a whole number is an error at its cell.
std::vector<int> class_labels(const Table& t, std::size_t j) {
    std::vector<int> labels;
    for (std::size_t i = 0; i < t.X.rows(); ++i) {
        const double v = t.X(i, j);
        if (v != std::floor(v) || std::fabs(v) > 1e9)
            throw CsvError(t.path + ":" + std::to_string(i + 2) + ":" + std::to_string(j + 1) + ": --color column \"" +
                           t.names[j] + "\" must hold integer class labels, found " + format_table(v));
        labels.push_back(static_cast<int>(v));
    }
    return labels;
}

// The scatter plot of --y against --x (coloured by --color); `what` says what it shows.
Plot scatter_plot(const Table& t, const Args& args, std::string& what) {
    const std::string xname = args.get("--x"), yname = args.get("--y");
    const Vector xs = t.X.col(column_index(t, xname)), ys = t.X.col(column_index(t, yname));
    const std::string file = t.path.substr(t.path.find_last_of('/') + 1);  // npos + 1 == 0
    Plot plot(file + ": " + yname + " against " + xname, xname, yname);
    what = yname + " against " + xname + ", " + std::to_string(xs.size()) + " points";
    if (args.has("--color")) {
        const std::string cname = args.get("--color");
        const std::vector<int> labels = class_labels(t, column_index(t, cname));
        plot.add_scatter(cname, xs, ys, labels);
        what += ", " + std::to_string(std::set<int>(labels.begin(), labels.end()).size()) + " classes of " + cname;
    } else {
        plot.add_scatter(file, xs, ys);
    }
    return plot;
}

}  // namespace

int cmd_data(int argc, char** argv) {
    Args args("mlfs data", "Print the shape of a numeric CSV file and, per column, count, mean, sample\n"
                           "standard deviation (ddof=1), min and max. With --plot, also write a scatter\n"
                           "plot of column --y against column --x, coloured by the integer column --color.");
    args.positional("FILE.csv", "a header row of column names, then rows of numbers");
    args.option("--plot", "OUT.svg", "write a scatter plot to OUT.svg (needs --x and --y)");
    args.option("--x", "COL", "the column on the horizontal axis");
    args.option("--y", "COL", "the column on the vertical axis");
    args.option("--color", "COL", "colour points by this column of integer class labels");
    if (!args.parse(argc, argv)) return print_help(args);
    const bool plot = args.has("--plot");
    if (plot && (!args.has("--x") || !args.has("--y"))) args.fail("--plot needs both --x COL and --y COL");
    if (!plot && (args.has("--x") || args.has("--y") || args.has("--color")))
        args.fail("--x, --y and --color only apply with --plot OUT.svg");

    CsvColumns every;  // mlfs data summarises every column, so a text cell is an error, as in read_csv
    every.every_column = true;
    CsvOptions options;
    options.progress = progress_on_stderr(args.get("FILE.csv"));  // only for a read of a second or more
    const Table t = read_csv_columns(args.get("FILE.csv"), every, options);
    if (!plot) {
        print_summary(t);
        return kExitOk;
    }
    std::string what;
    const Plot scatter = scatter_plot(t, args, what);  // a bad column fails here, before any output
    check_summable(t);
    scatter.save(args.get("--plot"));  // before the summary: a plot that cannot be written prints nothing
    print_summary(t);
    std::printf("\nwrote %s: %s\n", args.get("--plot").c_str(), what.c_str());
    return kExitOk;
}

}  // namespace mlfs
