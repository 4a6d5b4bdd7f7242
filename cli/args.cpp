// SPDX-License-Identifier: MIT
// The argument parser of args.hpp: one pass over the words, flags and options by name,
// everything else filled into the positionals in order.
#include "cli/args.hpp"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <string_view>
#include <unordered_set>

namespace mlfs {
namespace {

// "--name", "--name=value", or a single-dash word that is not a number ("-x"; "-1.5" is a value)
bool looks_like_flag(const std::string& w) {
    if (w.size() < 2 || w[0] != '-') return false;
    return w[1] == '-' || !(std::isdigit(static_cast<unsigned char>(w[1])) || w[1] == '.');
}

}  // namespace

Args::Args(std::string command, std::string summary) : command_(std::move(command)), summary_(std::move(summary)) {}

void Args::declare(Spec s) {
    for (const Spec& d : specs_)
        if (d.name == s.name) throw std::logic_error(command_ + ": " + s.name + " declared twice");
    specs_.push_back(std::move(s));
}

void Args::positional(const std::string& name, const std::string& help, bool required) {
    for (const Spec& d : specs_)
        if (d.positional && !d.required && required)
            throw std::logic_error(command_ + ": required " + name + " declared after optional " + d.name);
    declare({name, "", help, true, required});
}

void Args::flag(const std::string& name, const std::string& help) {
    if (name.rfind("--", 0) != 0) throw std::logic_error(command_ + ": flag " + name + " must start with --");
    declare({name, "", help, false, false});
}

void Args::option(const std::string& name, const std::string& value_name, const std::string& help) {
    if (name.rfind("--", 0) != 0 || value_name.empty())
        throw std::logic_error(command_ + ": option " + name + " must start with -- and name its value");
    declare({name, value_name, help, false, false});
}

bool Args::parse(int argc, char** argv, int first) {
    given_.clear();
    std::vector<std::string> words;
    for (int i = first; i < argc; ++i) words.push_back(argv[i]);
    for (const std::string& w : words) {
        if (w == "--") break;  // after "--" every word is a positional, even "--help"
        if (w == "--help" || w == "-h") return false;
    }
    std::vector<const Spec*> positionals;
    for (const Spec& s : specs_)
        if (s.positional) positionals.push_back(&s);
    std::size_t filled = 0;
    bool flags_done = false;
    for (std::size_t i = 0; i < words.size(); ++i) {
        const std::string& w = words[i];
        if (!flags_done && w == "--") {
            flags_done = true;
            continue;
        }
        if (!flags_done && looks_like_flag(w)) {
            const std::size_t eq = w.find('=');
            const std::string name = w.substr(0, eq);
            const auto s = std::find_if(specs_.begin(), specs_.end(),
                                        [&](const Spec& d) { return !d.positional && d.name == name; });
            if (s == specs_.end()) fail("unknown flag " + name);
            if (given_.count(name)) fail(name + " given twice");
            if (s->value_name.empty() && eq != std::string::npos) fail(name + " takes no value");
            std::string value;
            if (eq != std::string::npos) value = w.substr(eq + 1);
            else if (!s->value_name.empty() && i + 1 < words.size() && words[i + 1].rfind("--", 0) != 0)
                value = words[++i];
            if (!s->value_name.empty() && value.empty())
                fail("missing value for " + name + " (expected " + s->value_name + ")");
            given_[name] = value;
            continue;
        }
        if (filled == positionals.size()) fail("unexpected argument \"" + w + "\"");
        given_[positionals[filled++]->name] = w;
    }
    for (; filled < positionals.size(); ++filled)
        if (positionals[filled]->required) fail("missing " + positionals[filled]->name);
    return true;
}

const Args::Spec& Args::spec(const std::string& name) const {
    for (const Spec& s : specs_)
        if (s.name == name) return s;
    throw std::logic_error(command_ + ": asked for " + name + ", which was never declared");
}

bool Args::has(const std::string& name) const {
    spec(name);
    return given_.count(name) > 0;
}

std::vector<std::string> Args::given() const {
    std::vector<std::string> names;
    for (const Spec& s : specs_)
        if (!s.positional && given_.count(s.name)) names.push_back(s.name);
    return names;
}

std::string Args::get(const std::string& name) const {
    const Spec& s = spec(name);
    auto it = given_.find(name);
    if (it == given_.end()) fail("missing " + (s.positional ? name : name + " " + s.value_name));
    return it->second;
}

std::string Args::get_or(const std::string& name, const std::string& fallback) const {
    return has(name) ? get(name) : fallback;
}

double Args::get_double(const std::string& name, double fallback) const {
    if (!has(name)) return fallback;
    const std::string v = get(name);
    char* end = nullptr;
    const double x = std::strtod(v.c_str(), &end);
    if (end == v.c_str() || *end != '\0' || !std::isfinite(x))
        fail(name + " expects a finite number, got \"" + v + "\"");
    return x;
}

long Args::get_int(const std::string& name, long fallback) const {
    if (!has(name)) return fallback;
    const std::string v = get(name);
    char* end = nullptr;
    errno = 0;
    const long n = std::strtol(v.c_str(), &end, 10);
    if (end == v.c_str() || *end != '\0' || errno == ERANGE) fail(name + " expects an integer, got \"" + v + "\"");
    return n;
}

std::string Args::usage() const {
    std::string u = "usage: " + command_;
    for (const Spec& s : specs_) {
        const std::string word = s.positional ? s.name : s.name + (s.value_name.empty() ? "" : " " + s.value_name);
        u += s.required ? " " + word : " [" + word + "]";
    }
    return u + " [--help]";
}

std::string Args::help() const {
    std::vector<std::pair<std::string, std::string>> rows;
    for (const Spec& s : specs_) rows.push_back({s.name + (s.value_name.empty() ? "" : " " + s.value_name), s.help});
    rows.push_back({"--help, -h", "show this help and exit"});
    std::size_t width = 0;
    for (const auto& r : rows) width = std::max(width, r.first.size());
    std::string h = usage() + "\n\n" + summary_ + "\n\n";
    for (const auto& r : rows) h += "  " + r.first + std::string(width + 3 - r.first.size(), ' ') + r.second + "\n";
    return h;
}

void Args::fail(const std::string& message) const { throw UsageError(message, usage()); }

std::vector<std::string> split_list(const std::string& list) {
    std::vector<std::string> items;
    std::size_t start = 0;
    for (;;) {
        const std::size_t comma = list.find(',', start);
        items.push_back(list.substr(start, comma == std::string::npos ? std::string::npos : comma - start));
        if (comma == std::string::npos) return items;
        start = comma + 1;
    }
}

std::vector<std::string> parse_feature_names(const std::string& list, const Args& args) {
    const std::vector<std::string> names = split_list(list);
    std::unordered_set<std::string_view> seen;  // one look-up per name: a wide table's list stays O(D)
    seen.reserve(names.size());
    for (const std::string& name : names) {
        if (name.empty()) args.fail("--features has an empty name in \"" + list + "\"");
        if (!seen.insert(name).second) args.fail("--features names \"" + name + "\" twice in \"" + list + "\"");
    }
    return names;
}

std::vector<std::size_t> parse_hidden(const std::string& list, long max_units, const Args& args) {
    std::vector<std::size_t> sizes;
    for (const std::string& word : split_list(list)) {
        char* end = nullptr;
        const long h = word.empty() ? 0 : std::strtol(word.c_str(), &end, 10);
        if (word.empty() || *end != '\0' || h < 1 || h > max_units)
            args.fail("--hidden must be layer sizes from 1 to " + std::to_string(max_units) +
                      " separated by commas (\"64,32\"), got \"" + list + "\"");
        sizes.push_back(static_cast<std::size_t>(h));
    }
    return sizes;
}

}  // namespace mlfs
