// Benchmark data (tracker issue 5): a log of N lessons learned with realistic Indonesian
// vocabulary, written through the store (store::add_lesson) in one transaction, so that the
// triggers build the full-text index with the kades_id tokenizer as kades itself does.
//
//   kades_lesson_gen LOG WILAYAH_DIR [COUNT=100000] [SEED=5] [UNDER=33.01]
//
// LOG must not exist. The villages under the region code UNDER (Kabupaten Cilacap: 284
// villages) are added to the network; each lesson comes from one of them. The text is
// deterministic for a seed (the UUIDs are random, as always).

#include "vocabulary.hpp"

#include "core/date.hpp"
#include "core/lesson.hpp"
#include "store/lesson.hpp"
#include "store/log.hpp"
#include "store/region.hpp"
#include "store/village.hpp"

#include <fmt/format.h>

#include <array>
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <iostream>
#include <random>
#include <string>
#include <vector>

namespace {

using namespace kades;

// The programs and phrase pools: bench/vocabulary.hpp.
using namespace kades::bench;

std::uint32_t pick(std::mt19937& rng, std::size_t n) {
    return static_cast<std::uint32_t>(rng() % n);
}

core::Date date_of(std::mt19937& rng) {
    using namespace std::chrono;
    auto first = sys_days{year{2016} / January / 1};
    return year_month_day{first + days{pick(rng, 3987)}}; // to 2026-11-30
}

core::LessonFields lesson(std::mt19937& rng, const std::vector<std::string>& villages) {
    const auto& program = k_programs[pick(rng, k_programs.size())];
    auto roll = pick(rng, 10);
    auto kind = roll < 5   ? core::LessonKind::success
                : roll < 8 ? core::LessonKind::failure
                           : core::LessonKind::insight;
    bool failed = kind == core::LessonKind::failure;
    core::LessonFields f;
    f.title = fmt::format("{} {}", program.name, k_qualifiers[pick(rng, k_qualifiers.size())]);
    f.village = villages[pick(rng, villages.size())];
    f.kind = kind;
    f.date = date_of(rng);
    f.topics = topics_of(program);
    f.context =
        fmt::format("{} di dusun {} {}. Desa merencanakan {} dengan anggaran Rp {} juta.",
                    k_subjects[pick(rng, k_subjects.size())], 1 + pick(rng, 6),
                    k_problems[pick(rng, k_problems.size())], program.name, 5 + pick(rng, 200));
    f.outcome = failed ? fmt::format("{} dari {} alat tidak dipakai lagi setelah {} bulan.",
                                     2 + pick(rng, 20), 25 + pick(rng, 30), 3 + pick(rng, 9))
                       : fmt::format("Setelah {} bulan, {} warga ikut dan pendapatan naik {} "
                                     "persen.",
                                     3 + pick(rng, 21), 20 + pick(rng, 400), 5 + pick(rng, 60));
    f.lesson = failed ? fmt::format("{} gagal karena {}.", program.name,
                                    k_failures[pick(rng, k_failures.size())])
                      : fmt::format("{} berhasil bila {}.", program.name,
                                    k_causes[pick(rng, k_causes.size())]);
    f.recommendation =
        fmt::format("Mulai dari satu dusun, libatkan {}, dan pastikan {}.",
                    k_subjects[pick(rng, k_subjects.size())], k_causes[pick(rng, k_causes.size())]);
    return f;
}

} // namespace

int main(int argc, char** argv) {
    if (argc < 3) {
        std::cerr << "usage: kades_lesson_gen LOG WILAYAH_DIR [COUNT] [SEED] [UNDER]\n";
        return 2;
    }
    const std::filesystem::path path = argv[1];
    const long count = argc > 3 ? std::stol(argv[3]) : 100000;
    const unsigned seed = argc > 4 ? static_cast<unsigned>(std::stoul(argv[4])) : 5U;
    const std::string under = argc > 5 ? argv[5] : "33.01";
    if (std::filesystem::exists(path)) {
        std::cerr << "kades_lesson_gen: " << path << " exists already\n";
        return 2;
    }
    try {
        auto log = store::Log::open(path, store::OpenMode::write);
        store::import_regions(log, argv[2]);
        store::import_villages_under(log, under);
        store::VillageFilter all;
        std::vector<std::string> villages;
        for (const auto& v : store::list_villages(log, all))
            villages.push_back(v.slug);
        std::mt19937 rng(seed);
        auto today = core::parse_iso_date("2026-11-30").value();
        for (long i = 0; i < count; ++i)
            store::add_lesson(log, lesson(rng, villages), today);
        log.commit();
        std::cerr << fmt::format("kades_lesson_gen: {} lessons of {} villages in {}\n", count,
                                 villages.size(), path.string());
    } catch (const std::exception& e) {
        std::cerr << "kades_lesson_gen: " << e.what() << '\n';
        return 1;
    }
    return 0;
}
