#pragma once
// The seeded source of every choice of the benchmark generators (national_gen, sync_gen):
// the same seed gives the same log.

#include <fmt/format.h>

#include <cstdint>
#include <random>
#include <string>

namespace kades::bench {

class Rng {
  public:
    explicit Rng(std::uint64_t seed) : m_engine(seed) {}
    std::uint64_t next() { return m_engine(); }
    std::uint32_t below(std::size_t n) { return static_cast<std::uint32_t>(next() % n); }
    int between(int lo, int hi) { return lo + static_cast<int>(below(std::size_t(hi - lo + 1))); }
    double unit() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
    bool chance(double p) { return unit() < p; }
    template <class A> const auto& of(const A& pool) { return pool[below(pool.size())]; }
    // A version 4 UUID, as core::new_uuid() writes it, from this generator.
    std::string uuid() {
        std::uint64_t high = next(), low = next();
        high = (high & ~0xF000ULL) | 0x4000ULL;
        low = (low & ~(0xC0ULL << 56)) | (0x80ULL << 56);
        return fmt::format("{:08x}-{:04x}-{:04x}-{:04x}-{:012x}", high >> 32, (high >> 16) & 0xFFFF,
                           high & 0xFFFF, low >> 48, low & 0xFFFFFFFFFFFFULL);
    }

  private:
    std::mt19937_64 m_engine;
};

} // namespace kades::bench
