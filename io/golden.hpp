// SPDX-License-Identifier: MIT
// Reader for the golden-number files that tests/golden/export.py writes (header-only, so a test
// builds with one compiler command). The format, line by line:
//   # ...                          comment; "# call: ..." names the library call behind the next entry
//   scalar NAME VALUE              one number
//   vector NAME N                  then one line of N numbers
//   matrix NAME R C                then R lines of C numbers (row-major)
// Numbers are written with 17 significant digits ("%.17g"), so strtod reads back the exact double;
// "nan", "inf" and "-inf" are allowed. Names are unique within a file.
//
//   mlfs::Golden g("linalg.txt");          // tests/golden/linalg.txt under the repository root
//   mlfs::Matrix A = g.matrix("hilbert8.A");
//   double c = g.scalar("hilbert8.cond");
//   g.call("hilbert8.cond")                      // "numpy.linalg.cond(A)"
#pragma once

#include <fstream>
#include <map>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "io/repo_root.hpp"
#include "linalg/matrix.hpp"

namespace mlfs {

class Golden {
public:
    // file: a name under tests/golden/ (e.g. "linalg.txt"), or an absolute path
    explicit Golden(const std::string& file)
        : path_(!file.empty() && file[0] == '/' ? file : repo_root() + "/tests/golden/" + file) {
        std::ifstream in(path_);
        if (!in) throw std::runtime_error(path_ + ": cannot open golden file");
        std::string line, pending_call;
        int lineno = 0;
        while (std::getline(in, line)) {
            ++lineno;
            if (!line.empty() && line.back() == '\r') line.pop_back();
            if (line.empty()) continue;
            if (line[0] == '#') {
                if (line.rfind("# call:", 0) == 0) pending_call = line.substr(7 + (line.size() > 7));
                continue;
            }
            std::istringstream head(line);
            std::string kind, name;
            head >> kind >> name;
            Entry e;
            e.call = pending_call;
            if (kind == "scalar") {
                std::string v;
                head >> v;
                e.rows = e.cols = 1;
                e.values.push_back(parse(v, lineno));
            } else if (kind == "vector" || kind == "matrix") {
                std::size_t r = 1, c = 0;
                if (kind == "vector") head >> c;
                else head >> r >> c;
                if (!head) fail(lineno, "bad " + kind + " header '" + line + "'");
                e.rows = r;
                e.cols = c;
                for (std::size_t i = 0; i < r; ++i) {
                    if (!std::getline(in, line)) fail(lineno, name + ": file ends inside the entry");
                    ++lineno;
                    std::istringstream row(line);
                    std::string v;
                    std::size_t count = 0;
                    while (row >> v) {
                        e.values.push_back(parse(v, lineno));
                        ++count;
                    }
                    if (count != c)
                        fail(lineno,
                             name + ": row has " + std::to_string(count) + " numbers, expected " + std::to_string(c));
                }
            } else {
                fail(lineno, "unknown entry kind '" + kind + "'");
            }
            if (!entries_.emplace(name, std::move(e)).second) fail(lineno, "duplicate entry " + name);
            pending_call.clear();
        }
    }

    bool has(const std::string& name) const { return entries_.count(name) != 0; }
    double scalar(const std::string& name) const { return get(name, 1, 1).values[0]; }
    mlfs::Vector vector(const std::string& name) const { return get(name, 0, 0).values; }
    mlfs::Matrix matrix(const std::string& name) const {
        const Entry& e = get(name, 0, 0);
        return mlfs::Matrix(e.rows, e.cols, e.values);
    }
    const std::string& call(const std::string& name) const { return get(name, 0, 0).call; }
    const std::string& path() const { return path_; }

private:
    struct Entry {
        std::size_t rows = 0, cols = 0;
        std::vector<double> values;
        std::string call;
    };
    const Entry& get(const std::string& name, std::size_t rows, std::size_t cols) const {
        auto it = entries_.find(name);
        if (it == entries_.end()) throw std::runtime_error(path_ + ": no entry named " + name);
        if (rows && (it->second.rows != rows || it->second.cols != cols))
            throw std::runtime_error(path_ + ": " + name + " is not a scalar");
        return it->second;
    }
    double parse(const std::string& v, int lineno) const {
        char* end = nullptr;
        double x = std::strtod(v.c_str(), &end);
        if (v.empty() || *end != '\0') fail(lineno, "not a number: '" + v + "'");
        return x;
    }
    [[noreturn]] void fail(int lineno, const std::string& what) const {
        throw std::runtime_error(path_ + ":" + std::to_string(lineno) + ": " + what);
    }
    std::string path_;
    std::map<std::string, Entry> entries_;
};

}  // namespace mlfs
