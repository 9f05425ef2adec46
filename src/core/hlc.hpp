#pragma once
// Hybrid logical clock stamps: what orders the changes of every copy of the log. A stamp is
// the wall time in milliseconds, a counter, and the replica id of the copy that made it. A
// copy's clock never goes back and never falls behind a stamp it has seen, so an edit made
// on a laptop whose clock is a month slow, after it has seen an earlier edit, still comes
// later. Ties break by replica id, the same way on every copy.
//
// Written as fixed-width text ("0001764870000000.000001.3f9a0c12ab34cd56"), so that stamps
// compare as strings in SQL and in C++ alike.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace kades::core {

struct Stamp {
    std::int64_t wall_ms = 0;
    std::uint32_t counter = 0;
    std::string replica; // 16 lower-case hex digits

    auto operator<=>(const Stamp&) const = default;
};

constexpr std::size_t k_replica_id_length = 16;
// Where the replica id starts in a stamp's text (0-based).
constexpr std::size_t k_stamp_replica_at = 24;
constexpr std::size_t k_stamp_length = k_stamp_replica_at + k_replica_id_length;

std::string format_stamp(const Stamp& s);
std::optional<Stamp> parse_stamp(std::string_view text);
bool is_replica_id(std::string_view text);
std::string new_replica_id();

// The stamp of a local change: after `last` (the clock) and not before the wall time.
Stamp tick(const Stamp& last, std::int64_t now_ms, const std::string& replica);
// The clock after seeing a remote stamp: the later of the two.
Stamp witness(const Stamp& last, const Stamp& remote);
// The wall time now, in milliseconds since the epoch.
std::int64_t wall_clock_ms();
// The replica id inside a stamp's text ("" when it is not a stamp).
std::string replica_of(std::string_view stamp);

} // namespace kades::core
