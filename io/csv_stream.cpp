// SPDX-License-Identifier: MIT
// The streaming CSV reader of csv.hpp, read_csv_columns: the file is read in blocks, a line cut
// by the end of a block is carried into the next, and each line goes through the same steps as
// in the reference (csv.cpp): blank lines, the header, then each data row, tried first by
// parse_row_fast and, when that gives up, by the reference's parse_row, which finds the message
// (or the number strtod reads). The rows are kept in fixed blocks and copied into X at the end.
// Legend: D columns in the file, W read, N data rows.
#include "io/csv.hpp"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>
#include <utility>

#include "io/csv_detail.hpp"

namespace mlfs {

using csv_detail::fail;

namespace {

// Rows of W doubles in blocks: the table grows without reallocating (a growing vector holds its old
// and new copies at once, three times the doubles at worst), and X is filled one block at a time,
// each freed once copied: the peak is the doubles plus a block. The first block holds 32 KiB of rows
// and each next one twice as many, up to just over 32 MiB, where they stay: glibc maps so large a
// block straight from the system and gives it back when it is freed (its mmap threshold never rises
// above 32 MiB), whereas a smaller one may come from the heap, whose middle is not given back (only
// the blocks under glibc's first threshold, 128 KiB, do: 224 KiB in all). A small file takes a small
// block (a 32 MiB block for every read cost 10 ms per read under AddressSanitizer).
class RowBlocks {
public:
    explicit RowBlocks(std::size_t W) : W_(W), most_rows_((std::size_t(1) << 22) / W + 1) {}

    // Where the next row goes (its W numbers are written there by the caller).
    double* next_row() {
        if (blocks_.empty() || blocks_.back().rows == capacity_) {
            capacity_ = blocks_.empty() ? std::min(most_rows_, (std::size_t(1) << 12) / W_ + 1)
                                        : std::min(most_rows_, 2 * capacity_);
            blocks_.push_back({std::unique_ptr<double[]>(new double[capacity_ * W_]), 0});
        }
        Block& b = blocks_.back();
        ++N_;
        return b.data.get() + (b.rows++) * W_;
    }
    std::size_t rows() const { return N_; }

    // X, N x W; the blocks are gone afterwards.
    Matrix take() {
        std::vector<double> data;
        data.reserve(N_ * W_);
        for (Block& b : blocks_) {
            data.insert(data.end(), b.data.get(), b.data.get() + b.rows * W_);
            b.data.reset();
        }
        return Matrix(N_, W_, std::move(data));
    }

private:
    struct Block {
        std::unique_ptr<double[]> data;
        std::size_t rows;  // filled
    };
    std::size_t W_, most_rows_, capacity_ = 0, N_ = 0;
    std::vector<Block> blocks_;
};

// The lines of one file, in order, as the reference sees them: the header, the data rows, and
// blank lines, which are an error unless nothing but blank lines follows them.
class LineReader {
public:
    LineReader(const std::string& path, const CsvColumns& wanted) : path_(path), wanted_(wanted) {}

    // The next line of the file: [p, end) without its '\n', and a '\n' at *end.
    void line(const char* p, const char* end) {
        ++line_no_;
        if (end != p && end[-1] == '\r') --end;
        if (line_no_ == 1 && end - p >= 3 && std::memcmp(p, "\xEF\xBB\xBF", 3) == 0) p += 3;  // a UTF-8 BOM
        const std::string_view text(p, static_cast<std::size_t>(end - p));
        if (csv_detail::is_blank(text)) {
            if (first_blank_ == 0) first_blank_ = line_no_;
            return;
        }
        if (names_.empty()) {
            if (first_blank_ != 0) fail(path_, 1, 0, "the first line is blank; it must hold the column names");
            header(text);
            return;
        }
        if (first_blank_ != 0)
            fail(path_, first_blank_, 0,
                 "blank line in the middle of the data; blank lines are allowed only at the end of the file");
        if (!rows_) plan_from_first_row(text);
        double* row = rows_->next_row();
        if (!csv_detail::parse_row_fast(p, end, plan_, row))
            csv_detail::parse_row(text, line_no_, plan_, names_, path_, row);
        if (text_column_ != csv_detail::kSkip) {  // the row's cell count is checked above
            const std::vector<std::string_view> cells = csv_detail::split_row(text, line_no_, plan_, names_, path_);
            text_.push_back(
                csv_detail::text_cell(cells[text_column_], names_[text_column_], line_no_, text_column_ + 1, path_));
        }
    }

    std::size_t lines() const { return line_no_; }
    std::size_t rows() const { return rows_ ? rows_->rows() : 0; }

    // The table, once every line has been seen.
    Table finish() {
        if (names_.empty())
            fail(path_, 1, 0, "the file is empty; expected a header row of column names, then rows of numbers");
        const std::size_t D = names_.size();
        if (!rows_)
            fail(path_, 1, 0,
                 "header only: no data rows follow the header (" + std::to_string(D) + " column" + (D == 1 ? "" : "s") +
                     ")");
        Table table;
        table.path = path_;
        table.names = std::move(read_names_);
        table.text_columns = std::move(text_columns_);
        table.text = std::move(text_);
        table.X = rows_->take();
        return table;
    }

private:
    void header(std::string_view text) {
        names_ = csv_detail::parse_header(text, path_);
        if (!wanted_.text.empty()) {
            text_column_ = csv_detail::find_column(names_, wanted_.text, path_);
            if (std::find(wanted_.names.begin(), wanted_.names.end(), wanted_.text) != wanted_.names.end())
                fail(path_, 0, 0, "column \"" + wanted_.text + "\" asked for both as numbers and as text");
        }
        if (wanted_.names.empty() && !wanted_.every_column) {  // decided on the first data row
            for (const std::string& name : wanted_.required) csv_detail::find_column(names_, name, path_);
            return;
        }
        plan_ = wanted_.every_column ? csv_detail::plan_every_column(names_.size())
                                     : csv_detail::plan_named(names_, wanted_.names, path_);
        read_names_ = wanted_.every_column ? names_ : wanted_.names;
    }

    void plan_from_first_row(std::string_view text) {
        if (plan_.slot.empty())
            plan_ = csv_detail::plan_numeric(text, line_no_, names_, wanted_.required, path_, read_names_,
                                             text_columns_, wanted_.text);
        rows_ = std::make_unique<RowBlocks>(plan_.width);
    }

    const std::string& path_;
    const CsvColumns& wanted_;
    std::size_t line_no_ = 0, first_blank_ = 0;  // first_blank_: the first of the blank lines just seen, or 0
    std::vector<std::string> names_, read_names_, text_columns_;  // the header; the W read; the skipped text
    std::size_t text_column_ = csv_detail::kSkip;                 // CsvColumns::text's index, if any
    std::vector<std::string> text_;                               // its cells
    csv_detail::RowPlan plan_;
    std::unique_ptr<RowBlocks> rows_;  // made at the first data row
};

struct FileCloser {
    void operator()(std::FILE* f) const { std::fclose(f); }
};

// Hands the whole lines of buf[0, n) to the reader, the first `carried` bytes being the start of a
// line that the previous block cut (they hold no '\n'). Moves the rest, a line cut by the end of
// this block, to the front of buf and returns its length; a line over the cap is an error.
std::size_t hand_over_lines(std::vector<char>& buf, std::size_t carried, std::size_t n, LineReader& reader,
                            const std::string& path, std::size_t max_line_bytes) {
    const char* line = buf.data();
    const char* const end = buf.data() + n;
    const char* scan = buf.data() + carried;
    while (const void* nl = std::memchr(scan, '\n', static_cast<std::size_t>(end - scan))) {
        const char* stop = static_cast<const char*>(nl);
        if (static_cast<std::size_t>(stop - line) > max_line_bytes) break;
        reader.line(line, stop);
        line = scan = stop + 1;
    }
    const std::size_t rest = static_cast<std::size_t>(end - line);
    if (rest > max_line_bytes)  // what stops /dev/zero, which has no '\n'
        fail(path, reader.lines() + 1, 0,
             "the line is longer than " + std::to_string(max_line_bytes) +
                 " bytes, more than any row of numbers needs; is this a CSV file?");
    std::memmove(buf.data(), line, rest);
    return rest;
}

}  // namespace

Table read_csv_columns(const std::string& path, const CsvColumns& wanted, const CsvOptions& options) {
    std::unique_ptr<std::FILE, FileCloser> file(std::fopen(path.c_str(), "rb"));
    if (!file) fail(path, 0, 0, std::string("cannot open file: ") + std::strerror(errno));
    const std::size_t block = std::max<std::size_t>(1, options.block_bytes);
    LineReader reader(path, wanted);
    // buf[0, carried) is the start of a line cut by the end of the last block, then the next block;
    // room for a carried line as long as a block, and a byte for the '\n' put after a last line
    // that has none
    std::vector<char> buf(2 * block + 1);
    std::size_t carried = 0, bytes = 0, reported = 0;
    for (;;) {
        if (buf.size() < carried + block + 1) buf.resize(carried + block + 1);  // a line longer than a block
        const std::size_t got = std::fread(buf.data() + carried, 1, block, file.get());
        if (got == 0) {
            const int read_errno = errno;  // e.g. EISDIR: fopen accepts a directory, reading it fails
            if (std::ferror(file.get()))
                fail(path, 0, 0, std::string("cannot read file: ") + std::strerror(read_errno));
            break;
        }
        bytes += got;
        if (bytes > options.max_bytes)  // checked before any of the block is read as CSV
            fail(path, 0, 0,
                 "the file is larger than " + std::to_string(options.max_bytes) +
                     " bytes; mlfs reads at most that much of a CSV file, so it stops here");
        carried = hand_over_lines(buf, carried, carried + got, reader, path, options.max_line_bytes);
        if (options.progress && bytes - reported >= options.progress_bytes) {
            options.progress(bytes, reader.rows(), false);
            reported = bytes;
        }
    }
    if (carried > 0) {  // the last line, without a final newline
        buf[carried] = '\n';
        reader.line(buf.data(), buf.data() + carried);
    }
    Table table = reader.finish();
    if (options.progress) options.progress(bytes, table.X.rows(), true);
    return table;
}

}  // namespace mlfs
