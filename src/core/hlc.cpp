#include "core/hlc.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <random>

namespace kades::core {
namespace {

constexpr std::size_t k_wall_digits = 16;
constexpr std::size_t k_counter_digits = 6;
constexpr std::uint32_t k_counter_max = 999999;

bool all_digits(std::string_view s) {
    return !s.empty() &&
           std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

template <typename T> T number_of(std::string_view digits) {
    T value = 0;
    for (char c : digits)
        value = static_cast<T>(value * 10 + (c - '0'));
    return value;
}

} // namespace

std::string format_stamp(const Stamp& s) {
    return fmt::format("{:016d}.{:06d}.{}", s.wall_ms, s.counter, s.replica);
}

bool is_replica_id(std::string_view text) {
    return text.size() == k_replica_id_length && std::all_of(text.begin(), text.end(), [](char c) {
               return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
           });
}

std::optional<Stamp> parse_stamp(std::string_view text) {
    static_assert(k_stamp_replica_at == k_wall_digits + 1 + k_counter_digits + 1);
    if (text.size() != k_stamp_length || text[k_wall_digits] != '.' ||
        text[k_stamp_replica_at - 1] != '.')
        return std::nullopt;
    auto wall = text.substr(0, k_wall_digits);
    auto counter = text.substr(k_wall_digits + 1, k_counter_digits);
    auto replica = text.substr(k_stamp_replica_at);
    if (!all_digits(wall) || !all_digits(counter) || !is_replica_id(replica) || wall[0] != '0')
        return std::nullopt;
    return Stamp{number_of<std::int64_t>(wall), number_of<std::uint32_t>(counter),
                 std::string(replica)};
}

std::string new_replica_id() {
    std::random_device device;
    std::uniform_int_distribution<int> hex(0, 15);
    std::string id;
    for (std::size_t i = 0; i < k_replica_id_length; ++i)
        id += "0123456789abcdef"[hex(device)];
    return id;
}

Stamp tick(const Stamp& last, std::int64_t now_ms, const std::string& replica) {
    if (now_ms > last.wall_ms)
        return Stamp{now_ms, 0, replica};
    // The clock is ahead of the wall (a change seen from a faster clock): count on from it.
    if (last.counter < k_counter_max)
        return Stamp{last.wall_ms, last.counter + 1, replica};
    return Stamp{last.wall_ms + 1, 0, replica};
}

Stamp witness(const Stamp& last, const Stamp& remote) {
    return std::max(last, remote);
}

std::int64_t wall_clock_ms() {
    using namespace std::chrono;
    return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

std::string replica_of(std::string_view stamp) {
    return stamp.size() == k_stamp_length ? std::string(stamp.substr(k_stamp_replica_at)) : "";
}

} // namespace kades::core
