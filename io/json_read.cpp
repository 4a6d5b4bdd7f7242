// SPDX-License-Identifier: MIT
// The JSON reader of json_read.hpp: a recursive-descent parser (one function per rule of RFC 8259's
// grammar, the depth capped at kMaxJsonDepth), then the typed accessors of JsonValue and JsonCursor.
// The parser keeps the current line and where it starts, so every error and every value knows its
// line and column; line breaks can only occur between tokens (a raw one in a string is an error).
#include "io/json_read.hpp"

#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <set>
#include <utility>

#include "io/json.hpp"

namespace mlfs {

namespace {

// A byte as a message shows it: 'x' for printable ASCII, otherwise its value.
std::string shown(unsigned char c) {
    if (c > 0x20 && c < 0x7f) return std::string("'") + static_cast<char>(c) + "'";
    char buf[16];
    std::snprintf(buf, sizeof buf, "byte 0x%02X", c);
    return buf;
}

// The length of the valid UTF-8 sequence starting at s[i] (RFC 3629, section 4), or 0.
std::size_t utf8_length(const std::string& s, std::size_t i) {
    auto at = [&](std::size_t k) { return i + k < s.size() ? static_cast<unsigned char>(s[i + k]) : 0u; };
    auto cont = [&](std::size_t k, unsigned lo, unsigned hi) { return at(k) >= lo && at(k) <= hi; };
    const unsigned c = at(0);
    if (c >= 0xC2 && c <= 0xDF) return cont(1, 0x80, 0xBF) ? 2 : 0;
    if (c >= 0xE0 && c <= 0xEF) {
        const unsigned lo = c == 0xE0 ? 0xA0 : 0x80, hi = c == 0xED ? 0x9F : 0xBF;  // no overlong, no surrogate
        return cont(1, lo, hi) && cont(2, 0x80, 0xBF) ? 3 : 0;
    }
    if (c >= 0xF0 && c <= 0xF4) {
        const unsigned lo = c == 0xF0 ? 0x90 : 0x80, hi = c == 0xF4 ? 0x8F : 0xBF;  // no overlong, <= U+10FFFF
        return cont(1, lo, hi) && cont(2, 0x80, 0xBF) && cont(3, 0x80, 0xBF) ? 4 : 0;
    }
    return 0;
}

void append_utf8(std::string& out, unsigned long cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

}  // namespace

class JsonParser {
public:
    JsonParser(const std::string& text, const std::string& path) : s_(text), path_(path) {}

    // document = BOM? ws value ws, and nothing else
    JsonValue document() {
        if (s_.compare(0, 3, "\xEF\xBB\xBF") == 0) i_ = 3;
        space();
        if (i_ == s_.size())
            fail(s_.empty() ? "the file is empty; expected a JSON value" : "only whitespace; expected a JSON value");
        JsonValue v = value(0);
        space();
        if (i_ < s_.size()) fail("unexpected " + what_is_here() + " after the JSON value (a document holds one value)");
        return v;
    }

private:
    [[noreturn]] void fail_at(std::size_t at, const std::string& what) const {
        throw JsonParseError(path_ + ":" + std::to_string(line_) + ":" + std::to_string(at - line_start_ + 1) + ": " +
                             what);
    }
    [[noreturn]] void fail(const std::string& what) const { fail_at(i_, what); }
    bool at_end() const { return i_ >= s_.size(); }
    std::string what_is_here() const {
        if (at_end()) return "end of text";
        if (s_.compare(i_, 3, "\xEF\xBB\xBF") == 0) return "byte-order mark (allowed only at the start of the file)";
        return shown(static_cast<unsigned char>(s_[i_]));
    }

    // ws = *( space / tab / LF / CR ); LF starts a new line
    void space() {
        for (; i_ < s_.size(); ++i_) {
            const char c = s_[i_];
            if (c == '\n') {
                ++line_;
                line_start_ = i_ + 1;
            } else if (c != ' ' && c != '\t' && c != '\r') {
                return;
            }
        }
    }

    JsonValue value(int depth) {
        JsonValue v;
        v.line_ = line_;
        v.column_ = i_ - line_start_ + 1;
        if (at_end()) fail("the text ends where a value is expected");
        const char c = s_[i_];
        if ((c == '[' || c == '{') && depth >= kMaxJsonDepth)
            fail("arrays and objects nested deeper than " + std::to_string(kMaxJsonDepth) + " levels");
        if (c == '[') {
            v.kind_ = JsonValue::Kind::array;
            elements(v, depth + 1);
        } else if (c == '{') {
            v.kind_ = JsonValue::Kind::object;
            members(v, depth + 1);
        } else if (c == '"') {
            v.kind_ = JsonValue::Kind::string;
            v.text_ = string();
        } else if (c == '-' || is_digit(c)) {
            v.kind_ = JsonValue::Kind::number;
            v.number_ = number();
        } else if (is_letter(c)) {
            literal(v);
        } else if (c == '/') {
            fail("a comment; JSON has none");
        } else if (c == '\'') {
            fail("a single quote; JSON strings are in double quotes");
        } else if (c == '+' || c == '.') {
            fail(std::string("a number may not start with '") + c + "'");
        } else {
            fail("expected a value, found " + what_is_here());
        }
        return v;
    }

    // true, false, null; any other word (NaN, Infinity, a name without quotes) is an error
    void literal(JsonValue& v) {
        std::size_t end = i_;
        while (end < s_.size() && (is_letter(s_[end]) || is_digit(s_[end]) || s_[end] == '_')) ++end;
        const std::string word = s_.substr(i_, end - i_);
        if (word == "true" || word == "false") {
            v.kind_ = JsonValue::Kind::boolean;
            v.boolean_ = word == "true";
        } else if (word == "null") {
            v.kind_ = JsonValue::Kind::null;
        } else {
            const std::string w = word.size() > 24 ? word.substr(0, 24) + "..." : word;
            if (word == "NaN" || word == "nan" || word == "Infinity" || word == "inf")
                fail(w + " is not JSON (JSON has no NaN or infinity)");
            fail("'" + w + "' is not a JSON value (true, false, null, a number, or a string in double quotes)");
        }
        i_ = end;
    }

    // number = [ minus ] int [ frac ] [ exp ], read by strtod once it matches the grammar
    double number() {
        const std::size_t start = i_;
        if (s_[i_] == '-') ++i_;
        if (at_end() || !is_digit(s_[i_])) {
            if (s_.compare(i_, 8, "Infinity") == 0)
                fail_at(start, "-Infinity is not JSON (JSON has no NaN or infinity)");
            fail("a '-' must be followed by a digit");
        }
        bool nonzero = false;  // a non-zero digit before the exponent
        if (s_[i_] == '0') {
            ++i_;
            if (!at_end() && is_digit(s_[i_])) fail_at(start, "a number may not start with 0 followed by digits");
        }
        for (; !at_end() && is_digit(s_[i_]); ++i_) nonzero = nonzero || s_[i_] != '0';
        if (!at_end() && s_[i_] == '.') {
            ++i_;
            if (at_end() || !is_digit(s_[i_])) fail("a '.' in a number must be followed by a digit");
            for (; !at_end() && is_digit(s_[i_]); ++i_) nonzero = nonzero || s_[i_] != '0';
        }
        if (!at_end() && (s_[i_] == 'e' || s_[i_] == 'E')) {
            ++i_;
            if (!at_end() && (s_[i_] == '+' || s_[i_] == '-')) ++i_;
            if (at_end() || !is_digit(s_[i_])) fail("an exponent must have a digit");
            while (!at_end() && is_digit(s_[i_])) ++i_;
        }
        // a copy, so strtod stops where the grammar did ("0x10" must not read as 16)
        const std::string token = s_.substr(start, i_ - start);
        const double x = std::strtod(token.c_str(), nullptr);
        const std::string t = token.size() > 40 ? token.substr(0, 40) + "..." : token;
        if (std::isinf(x)) fail_at(start, "the number " + t + " is too large for a double");
        if (x == 0.0 && nonzero) fail_at(start, "the number " + t + " is too small for a double (it would read as 0)");
        return x;
    }

    // four hex digits of \uXXXX at s_[i_]
    unsigned long hex4() {
        unsigned long cp = 0;
        for (int k = 0; k < 4; ++k, ++i_) {
            const char c = at_end() ? '\0' : s_[i_];
            const int d = is_digit(c)              ? c - '0'
                          : (c >= 'a' && c <= 'f') ? c - 'a' + 10
                          : (c >= 'A' && c <= 'F') ? c - 'A' + 10
                                                   : -1;
            if (d < 0) fail("\\u must be followed by four hex digits, found " + what_is_here());
            cp = cp * 16 + static_cast<unsigned long>(d);
        }
        return cp;
    }

    // string = quotation-mark *char quotation-mark, its escapes decoded; s_[i_] is the opening quote
    std::string string() {
        const std::size_t open = i_++;
        std::string out;
        while (true) {
            if (at_end()) fail_at(open, "the string that starts here never ends (no closing '\"')");
            const unsigned char c = static_cast<unsigned char>(s_[i_]);
            if (c == '"') break;
            if (c < 0x20) fail("a raw control character (" + shown(c) + ") in a string; write it as an escape");
            if (c >= 0x80) {
                const std::size_t n = utf8_length(s_, i_);
                if (n == 0) fail("invalid UTF-8 in a string: " + shown(c) + " starts no valid sequence");
                out.append(s_, i_, n);
                i_ += n;
                continue;
            }
            ++i_;
            if (c != '\\') {
                out += static_cast<char>(c);
                continue;
            }
            escape(out);
        }
        ++i_;
        return out;
    }

    // one escape after its backslash: \" \\ \/ \b \f \n \r \t \uXXXX (a surrogate pair as one character)
    void escape(std::string& out) {
        const std::size_t backslash = i_ - 1;
        const char e = at_end() ? '\0' : s_[i_];
        const char* from = "\"\\/bfnrt";
        const char* to = "\"\\/\b\f\n\r\t";
        if (e != '\0' && e != 'u' && std::strchr(from, e) != nullptr) {
            out += to[std::strchr(from, e) - from];
            ++i_;
            return;
        }
        if (e != 'u')
            fail_at(backslash, "an unknown escape: a backslash before " + what_is_here() +
                                   " (JSON has \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)");
        ++i_;
        unsigned long cp = hex4();
        if (cp >= 0xDC00 && cp <= 0xDFFF)
            fail_at(backslash,
                    "a lone low surrogate \\u" + s_.substr(backslash + 2, 4) + " (it must follow a high one)");
        if (cp >= 0xD800 && cp <= 0xDBFF) {
            if (s_.compare(i_, 2, "\\u") != 0)
                fail_at(backslash, "a lone high surrogate \\u" + s_.substr(backslash + 2, 4) +
                                       " (it must be followed by a low one, \\udc00 to \\udfff)");
            i_ += 2;
            const unsigned long low = hex4();
            if (low < 0xDC00 || low > 0xDFFF)
                fail_at(backslash, "a lone high surrogate \\u" + s_.substr(backslash + 2, 4) +
                                       " (it must be followed by a low one, \\udc00 to \\udfff)");
            cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
        }
        append_utf8(out, cp);
    }

    // array = [ value *( , value ) ]
    void elements(JsonValue& v, int depth) {
        ++i_;
        space();
        if (!at_end() && s_[i_] == ']') {
            ++i_;
            return;
        }
        while (true) {
            v.items_.push_back(value(depth));
            space();
            if (at_end()) fail_at_value(v, "the array that starts here never ends (no closing ']')");
            if (s_[i_] == ']') break;
            if (s_[i_] != ',') fail("expected ',' or ']' after an array element, found " + what_is_here());
            ++i_;
            space();
            if (!at_end() && s_[i_] == ']') fail("a trailing comma before ']' (JSON allows none)");
        }
        ++i_;
    }

    // object = { member *( , member ) }, member = string : value; no key twice
    void members(JsonValue& v, int depth) {
        ++i_;
        space();
        if (!at_end() && s_[i_] == '}') {
            ++i_;
            return;
        }
        std::set<std::string> seen;
        while (true) {
            if (at_end()) fail_at_value(v, "the object that starts here never ends (no closing '}')");
            if (s_[i_] != '"') fail("expected a member name in double quotes, found " + what_is_here());
            const std::size_t key_at = i_;
            std::string key = string();
            if (!seen.insert(key).second)
                fail_at(key_at, "the key " + json_quote(key) + " appears twice in one object");
            space();
            if (at_end() || s_[i_] != ':')
                fail("expected ':' after the member name " + json_quote(key) + ", found " + what_is_here());
            ++i_;
            space();
            v.items_.push_back(value(depth));
            v.keys_.push_back(std::move(key));
            space();
            if (at_end()) fail_at_value(v, "the object that starts here never ends (no closing '}')");
            if (s_[i_] == '}') break;
            if (s_[i_] != ',') fail("expected ',' or '}' after a member's value, found " + what_is_here());
            ++i_;
            space();
            if (!at_end() && s_[i_] == '}') fail("a trailing comma before '}' (JSON allows none)");
        }
        ++i_;
    }

    // an array or object that never closes is named where it opened, maybe lines back
    [[noreturn]] void fail_at_value(const JsonValue& v, const std::string& what) const {
        throw JsonParseError(path_ + ":" + std::to_string(v.line_) + ":" + std::to_string(v.column_) + ": " + what);
    }

    const std::string& s_;
    const std::string& path_;
    std::size_t i_ = 0;
    std::size_t line_ = 1;
    std::size_t line_start_ = 0;  // the offset where line_ starts
};

JsonValue parse_json(const std::string& text, const std::string& path) { return JsonParser(text, path).document(); }

JsonValue read_json_file(const std::string& path, std::size_t max_bytes) {
    std::FILE* f = std::fopen(path.c_str(), "rb");
    if (!f) throw JsonParseError(path + ": cannot open: " + std::strerror(errno));
    std::string text;
    std::vector<char> block(std::size_t(1) << 16);
    std::size_t got;
    while ((got = std::fread(block.data(), 1, block.size(), f)) > 0) {
        if (got > max_bytes - text.size()) {
            std::fclose(f);
            throw JsonParseError(path + ": larger than " + std::to_string(max_bytes) +
                                 " bytes, the limit for a JSON file");
        }
        text.append(block.data(), got);
    }
    const bool failed = std::ferror(f) != 0;
    std::fclose(f);
    if (failed) throw JsonParseError(path + ": cannot read (is it a folder?)");
    return parse_json(text, path);
}

// ---- typed access

const char* json_kind_name(JsonValue::Kind kind) {
    switch (kind) {
    case JsonValue::Kind::null: return "null";
    case JsonValue::Kind::boolean: return "a boolean";
    case JsonValue::Kind::number: return "a number";
    case JsonValue::Kind::string: return "a string";
    case JsonValue::Kind::array: return "an array";
    case JsonValue::Kind::object: return "an object";
    }
    return "?";
}

void JsonValue::wrong_kind(const std::string& where, const char* expected) const {
    throw JsonTypeError(where + " is " + json_kind_name(kind_) + ", expected " + expected);
}

double JsonValue::number(const std::string& where) const {
    if (kind_ != Kind::number) wrong_kind(where, "a number");
    return number_;
}

bool JsonValue::boolean(const std::string& where) const {
    if (kind_ != Kind::boolean) wrong_kind(where, "true or false");
    return boolean_;
}

const std::string& JsonValue::string(const std::string& where) const {
    if (kind_ != Kind::string) wrong_kind(where, "a string");
    return text_;
}

const std::vector<JsonValue>& JsonValue::array(const std::string& where) const {
    if (kind_ != Kind::array) wrong_kind(where, "an array");
    return items_;
}

const std::vector<std::string>& JsonValue::keys(const std::string& where) const {
    if (kind_ != Kind::object) wrong_kind(where, "an object");
    return keys_;
}

const std::vector<JsonValue>& JsonValue::values(const std::string& where) const {
    if (kind_ != Kind::object) wrong_kind(where, "an object");
    return items_;
}

bool JsonValue::has(const std::string& key) const {
    if (kind_ != Kind::object) return false;
    for (const std::string& k : keys_)
        if (k == key) return true;
    return false;
}

const JsonValue& JsonValue::at(const std::string& key, const std::string& where) const {
    if (kind_ != Kind::object) wrong_kind(where, "an object");
    for (std::size_t k = 0; k < keys_.size(); ++k)
        if (keys_[k] == key) return items_[k];
    std::string listed;
    for (std::size_t k = 0; k < keys_.size() && k < 12; ++k) listed += (k > 0 ? ", " : "") + keys_[k];
    if (keys_.size() > 12) listed += ", ... (" + std::to_string(keys_.size()) + " in all)";
    throw JsonTypeError(where + " has no member " + json_quote(key) +
                        (keys_.empty() ? " (it is an empty object)" : " (its members: " + listed + ")"));
}

std::string JsonCursor::where() const {
    return file_ + ":" + std::to_string(value_->line()) + ":" + std::to_string(value_->column()) + ": " +
           (path_.empty() ? std::string("the document") : path_);
}

void JsonCursor::fail(const std::string& what) const { throw JsonTypeError(where() + " " + what); }

std::size_t JsonCursor::size() const { return value_->array(where()).size(); }

JsonCursor JsonCursor::operator[](std::size_t i) const {
    const std::vector<JsonValue>& items = value_->array(where());
    if (i >= items.size())
        fail("has " + std::to_string(items.size()) + " elements; element " + std::to_string(i) + " is asked for");
    return JsonCursor(&items[i], file_, path_ + "[" + std::to_string(i) + "]");
}

Vector JsonCursor::numbers() const {
    Vector xs(size());
    for (std::size_t i = 0; i < xs.size(); ++i) xs[i] = (*this)[i].number();
    return xs;
}

std::vector<std::string> JsonCursor::strings() const {
    std::vector<std::string> ss(size());
    for (std::size_t i = 0; i < ss.size(); ++i) ss[i] = (*this)[i].string();
    return ss;
}

// A key that is a plain name joins the path with a dot (audit.conf_int); any other is quoted
// (["a key"]), so a message never breaks a line or hides a character.
JsonCursor JsonCursor::at(const std::string& key) const {
    const JsonValue& member = value_->at(key, where());
    bool plain = !key.empty();
    for (char c : key) plain = plain && (is_letter(c) || is_digit(c) || c == '_');
    const std::string step = plain ? (path_.empty() ? key : "." + key) : "[" + json_quote(key) + "]";
    return JsonCursor(&member, file_, path_ + step);
}

}  // namespace mlfs
