// SPDX-License-Identifier: MIT
// Threads from the standard library, for kernels that split independent OUTPUTS (rows of a
// product, blocks of samples) and never a sum: every block is computed by exactly the code that
// would compute it on one thread, so the result has the same bits for every thread count.
//
//   parallel_for(n_blocks, threads, [&](std::size_t b) { ...write only the outputs of block b... });
//
// threads = 0 means std::thread::hardware_concurrency(); at most n_blocks threads run. Blocks are
// split into contiguous ranges, one per thread; the calling thread takes the first range. An
// exception thrown by a block is rethrown in the caller after every thread has joined. If the system
// cannot start a thread, the calling thread runs that thread's range too (same outputs, same bits).
#pragma once

#include <algorithm>
#include <cstddef>
#include <exception>
#include <system_error>
#include <thread>
#include <vector>

namespace mlfs {

// The number of threads a kernel will use for `threads` (0 = all hardware threads, at least 1).
inline std::size_t resolve_threads(int threads) {
    if (threads > 0) return static_cast<std::size_t>(threads);
    const unsigned hw = std::thread::hardware_concurrency();
    return hw == 0 ? 1 : hw;
}

// The blocks parallel_for(n_blocks, threads, ...) gives its first range, [0, end): the calling
// thread runs them, in increasing order, one after the other.
inline std::size_t first_range_end(std::size_t n_blocks, int threads) {
    const std::size_t T = std::min(resolve_threads(threads), n_blocks);
    return T <= 1 ? n_blocks : n_blocks / T;
}

template <class Fn>
void parallel_for(std::size_t n_blocks, int threads, Fn fn) {
    const std::size_t T = std::min(resolve_threads(threads), n_blocks);
    if (T <= 1) {
        for (std::size_t b = 0; b < n_blocks; ++b) fn(b);
        return;
    }
    // thread t runs blocks [t n_blocks / T, (t + 1) n_blocks / T)
    std::vector<std::exception_ptr> errors(T);
    auto run = [&](std::size_t t) {
        try {
            for (std::size_t b = t * n_blocks / T; b < (t + 1) * n_blocks / T; ++b) fn(b);
        } catch (...) {
            errors[t] = std::current_exception();
        }
    };
    std::vector<std::thread> pool;
    pool.reserve(T - 1);
    std::size_t started = 1;
    try {
        for (; started < T; ++started) pool.emplace_back(run, started);
    } catch (const std::system_error&) {
        // the system would not start another thread: the caller runs the ranges left over
    }
    for (std::size_t t = started; t < T; ++t) run(t);
    run(0);
    for (std::thread& th : pool) th.join();
    for (const std::exception_ptr& e : errors)
        if (e) std::rethrow_exception(e);
}

}  // namespace mlfs
