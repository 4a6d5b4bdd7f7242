// SPDX-License-Identifier: MIT
// The subcommands of the mlfs program, one file each (cli/cmd_NAME.cpp).
//
// Each is called like a small main: argv[0] is the subcommand's own name ("data") and
// argv[1 .. argc-1] are the words after it, so `mlfs data iris.csv --plot a.svg` arrives as
// cmd_data(3, {"data", "iris.csv", "--plot", "a.svg"}) and parses with Args::parse(argc, argv).
//
// Contract with main (cli/main.cpp), which owns the exit codes:
//   return kExitOk (0) on success, also after printing --help;
//   throw UsageError for a mistake on the command line -> main prints it with the usage, exit 2;
//   throw anything derived from std::exception for bad input or a numerical failure
//     -> main prints "mlfs NAME: <what()>" on one line, exit 1.
#pragma once

namespace mlfs {

constexpr int kExitOk = 0;
constexpr int kExitFailure = 1;  // bad input data, numerical breakdown, unwritable output
constexpr int kExitUsage = 2;    // unknown subcommand or flag, missing value (as getopt programs do)

int cmd_data(int argc, char** argv);       // mlfs data FILE.csv [--plot OUT.svg --x COL --y COL [--color COL]]
int cmd_linreg(int argc, char** argv);     // mlfs linreg [--data FILE.csv --target COL ...]: least squares and ridge
int cmd_logreg(int argc, char** argv);     // mlfs logreg [--data FILE.csv --target COL ...]: logistic regression
int cmd_kmeans(int argc, char** argv);     // mlfs kmeans [--data FILE.csv --k K ...]: k-means clustering
int cmd_pca(int argc, char** argv);        // mlfs pca [--data FILE.csv ...]: principal component analysis
int cmd_mlp(int argc, char** argv);        // mlfs mlp [--data FILE.csv --target COL ...]: multi-layer perceptron
int cmd_predict(int argc, char** argv);    // mlfs predict --model MODEL.json --data FILE.csv [--out P.csv] [--proba]
int cmd_gradcheck(int argc, char** argv);  // mlfs gradcheck [--hidden 4,3 ...]: backprop vs central differences
int cmd_tour(int argc, char** argv);       // mlfs tour: the guided tour of the case studies

}  // namespace mlfs
