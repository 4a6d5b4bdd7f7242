// SPDX-License-Identifier: MIT
// The JSON writer of json.hpp (RFC 8259): a recursive walk that carries the path of each value
// ("conf_int[2][0]") so a refused number can be named.
#include "io/json.hpp"

#include <cmath>
#include <cstdio>

#include "linalg/format.hpp"

namespace mlfs {

Json Json::object() { return Json(Kind::object); }
Json Json::array() { return Json(Kind::array); }

Json Json::number(double x) {
    Json j(Kind::number);
    j.number_ = x;  // checked when written, where its path is known
    return j;
}

Json Json::string(const std::string& s) {
    Json j(Kind::string);
    j.text_ = s;
    return j;
}

Json Json::boolean(bool b) {
    Json j(Kind::boolean);
    j.boolean_ = b;
    return j;
}

Json Json::numbers(const Vector& xs) {
    Json j = array();
    for (double x : xs) j.push(number(x));
    return j;
}

Json Json::strings(const std::vector<std::string>& ss) {
    Json j = array();
    for (const std::string& s : ss) j.push(string(s));
    return j;
}

Json Json::rows(const Matrix& A) {
    Json j = array();
    for (std::size_t i = 0; i < A.rows(); ++i) j.push(numbers(A.row(i)));
    return j;
}

Json& Json::add(const std::string& key, Json value) {
    if (kind_ != Kind::object) throw std::logic_error("Json::add(\"" + key + "\"): not an object");
    for (const std::string& k : keys_)
        if (k == key) throw std::logic_error("Json::add: key \"" + key + "\" added twice");
    keys_.push_back(key);
    items_.push_back(std::move(value));
    return *this;
}

Json& Json::push(Json value) {
    if (kind_ != Kind::array) throw std::logic_error("Json::push: not an array");
    items_.push_back(std::move(value));
    return *this;
}

std::string json_quote(const std::string& s) {
    std::string out = "\"";
    for (char c : s) {
        const unsigned char u = static_cast<unsigned char>(c);
        if (c == '"') out += "\\\"";
        else if (c == '\\') out += "\\\\";
        else if (c == '\n') out += "\\n";
        else if (c == '\r') out += "\\r";
        else if (c == '\t') out += "\\t";
        else if (c == '\b') out += "\\b";
        else if (c == '\f') out += "\\f";
        else if (u < 0x20) {  // the other control characters have no short escape
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\u%04x", u);
            out += buf;
        } else {
            out += c;
        }
    }
    return out + "\"";
}

void Json::write(std::string& out, const std::string& path, int depth) const {
    switch (kind_) {
    case Kind::number: {
        if (!std::isfinite(number_))
            throw JsonError("JSON output: " + (path.empty() ? std::string("the value") : path) + " is " +
                            (std::isnan(number_) ? "nan"
                             : number_ > 0       ? "inf"
                                                 : "-inf") +
                            ", and JSON has no NaN or infinity");
        out += format_exact(number_);  // 17 significant digits: the exact double
        return;
    }
    case Kind::string: out += json_quote(text_); return;
    case Kind::boolean: out += boolean_ ? "true" : "false"; return;
    case Kind::array:
        out += "[";
        for (std::size_t k = 0; k < items_.size(); ++k) {
            if (k > 0) out += ", ";
            items_[k].write(out, path + "[" + std::to_string(k) + "]", depth + 1);
        }
        out += "]";
        return;
    case Kind::object: {
        const std::string indent(2 * static_cast<std::size_t>(depth + 1), ' ');
        out += "{";
        for (std::size_t k = 0; k < items_.size(); ++k) {
            out += (k > 0 ? ",\n" : "\n") + indent + json_quote(keys_[k]) + ": ";
            items_[k].write(out, path.empty() ? keys_[k] : path + "." + keys_[k], depth + 1);
        }
        out += items_.empty() ? "}" : "\n" + std::string(2 * static_cast<std::size_t>(depth), ' ') + "}";
        return;
    }
    }
}

std::string Json::dump() const {
    std::string out;
    write(out, "", 0);
    return out;
}

}  // namespace mlfs
