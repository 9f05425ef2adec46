// Benchmark data (sharing: export, import, merge): logs whose exports hold a given number of
// records, of every shared kind, for bench/sync.sh.
//
//   kades_sync_gen LOG WILAYAH_DIR [--under CODE] [--records N] [--seed N]
//   kades_sync_gen --copies K DIR WILAYAH_DIR [--under CODE] [--records N] [--seed N]
//
// The first form writes one log (LOG must not exist) with the villages under CODE (default
// 33, Jawa Tengah: 8,563 villages) and records up to N in all (default 100,000; the villages
// count), so that `kades export` of it says "count": N. The second writes K logs
// DIR/copy-001.db ... (a kabupaten's forums; CODE default 33.01, Kabupaten Cilacap): copy i
// has the villages of the i-th kecamatan of CODE (round the 24 of Cilacap again and again,
// so that each kecamatan's villages are in several copies under other UUIDs, as when each
// forum adds its own) and records up to N each (default 150).
//
// A record is what an export counts: a row with a UUID (village, partner, forum, meeting,
// visit, action, lesson, adoption, agreement) or an element of a set (village_tag,
// village_head, village_index, forum_member, meeting_attendee, meeting_decision,
// visit_visitor, visit_program, lesson_topic, agreement_village, agreement_partner). In a log:
//
//   every village a head (since 2019 to 2022), a quarter a tag, half an IDM score for 2025;
//   a partner per ten kecamatan, a forum per kecamatan with its villages as members, an
//   agreement per four forums (2 or 3 of its villages, a partner now and then);
//   then, month by month up to 2026-11 (as many months as the records fill, the last ending
//   the log), a meeting of each forum (host a member, 2% cancelled, after the 27th of the
//   last month planned) with 4 to 8 member attendees, 1 to 3 decisions, 0 to 2 follow-up
//   actions, a lesson from an attendee half the time (its program's topics), an adoption of
//   an earlier lesson by another member now and then, and a work visit a fifth of the time
//   (1 or 2 visitors of the forum, 1 or 2 programs).
//
// How it writes: the log, its schema (store::Log::open runs the migrations, so migration 8's
// triggers record every write in sync_change), the regions (store::import_regions) and the
// villages (store::import_villages_under: kades' own slugs, names and random UUIDs) go
// through the store; the records are then inserted with prepared statements into the tables
// of src/store/migrations.cpp, in one transaction, with foreign keys and every CHECK on, the
// triggers left as they are (sync_change, the lesson index). In copies mode the regions are
// imported once into DIR/regions.db and each copy takes those of CODE from it (the region
// table is reference data, not shared: it is never exported); each copy is a new log, with a
// replica id of its own. The text and the UUIDs of the records are the same for a seed (the
// villages' UUIDs are random, as kades makes them).

#include "rng.hpp"
#include "vocabulary.hpp"

#include "core/date.hpp"
#include "core/devindex.hpp"
#include "store/log.hpp"
#include "store/region.hpp"
#include "store/stem_tokenizer.hpp"
#include "store/village.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <filesystem>
#include <iostream>
#include <map>
#include <optional>
#include <random>
#include <set>
#include <string>
#include <vector>

namespace {

using namespace kades;
using namespace kades::bench; // the programs and phrase pools
using Days = std::chrono::sys_days;
using Clock = std::chrono::steady_clock;
namespace fs = std::filesystem;

constexpr std::array k_first_names{"Slamet",   "Sri",  "Budi",    "Siti",   "Agus", "Dwi",
                                   "Joko",     "Tri",  "Bambang", "Endang", "Heru", "Wahyu",
                                   "Suparman", "Rini", "Sugeng",  "Yuli"};
constexpr std::array k_last_names{"Riyadi",  "Wahyuni", "Santoso",  "Rahayu",  "Prasetyo",
                                  "Lestari", "Susilo",  "Purnomo",  "Hartono", "Widodo",
                                  "Suryani", "Nugroho", "Setiawan", "Utami"};
constexpr std::array k_tags{"desa wisata",         "pesisir",     "rawan banjir", "sentra UMKM",
                            "desa mandiri energi", "lumbung padi"};
constexpr std::array k_meeting_titles{"Pertemuan rutin forum kades", "Rapat koordinasi bulanan",
                                      "Musyawarah antar desa", "Evaluasi program bersama"};
constexpr std::array k_decisions{
    "Jadwal pelatihan {} disepakati",
    "Setiap desa mengirim data {} bulan depan",
    "Studi banding {} ke desa tetangga",
    "Anggaran bersama untuk {} diusulkan",
    "Tim kecil {} dibentuk",
    "Laporan {} dibahas pada pertemuan berikut",
};
constexpr std::array k_actions{"Kirim RAB {}", "Siapkan data peserta {}", "Undang pendamping {}",
                               "Susun laporan {}", "Hubungi dinas tentang {}"};
constexpr std::array k_partner_names{"Yayasan Desa Mandiri {}", "PT Sumber Daya {} (CSR)",
                                     "Dinas PMD {}", "Universitas {}", "Koperasi {} Sejahtera"};
constexpr std::array k_partner_types{"ngo", "company", "government", "university", "other"};
constexpr std::array k_agreement_scopes{"business", "community", "services", "development",
                                        "empowerment"};
constexpr std::array k_adoption_statuses{"planned", "trying", "adopted", "abandoned"};

std::string iso(Days d) {
    return core::iso(core::Date{d});
}

struct Village {
    std::int64_t id = 0;
    std::string name, district;
};

// Fills a log with records, one at a time, until it holds `limit` (its villages included).
class Filler {
  public:
    Filler(SQLite::Database& db, Rng& rng, long limit) : m_db(db), m_rng(rng), m_limit(limit) {}

    void run(const std::chrono::year_month& end);
    long total() const { return m_total; }
    const std::map<std::string, long>& counts() const { return m_counts; }
    std::string months() const { return m_months; }

  private:
    bool room() const { return m_total < m_limit; }
    // Runs an insert; false (and nothing written) when the log is full.
    bool add(const char* kind, SQLite::Statement& stmt) {
        if (!room()) {
            stmt.reset();
            stmt.clearBindings();
            return false;
        }
        stmt.exec();
        stmt.reset();
        stmt.clearBindings();
        ++m_total;
        ++m_counts[kind];
        return true;
    }
    std::int64_t last_id() const { return m_db.getLastInsertRowid(); }
    void villages();
    void forums();
    void agreements();
    void month(Days first, Days today, bool last);

    SQLite::Database& m_db;
    Rng& m_rng;
    long m_limit, m_total = 0;
    std::map<std::string, long> m_counts;
    std::vector<Village> m_villages;
    std::vector<std::vector<int>> m_districts; // village indexes per kecamatan
    std::vector<std::int64_t> m_forums;        // forum ids, one per kecamatan
    std::vector<std::int64_t> m_partners;
    struct Lesson {
        std::int64_t id;
        int village;
    };
    std::vector<std::vector<Lesson>> m_lessons; // per forum
    std::set<std::pair<std::int64_t, int>> m_adopted;
    std::string m_months;
};

void Filler::villages() {
    SQLite::Statement q(m_db, "SELECT id, code, name, district FROM village ORDER BY code");
    std::map<std::string, int> districts;
    while (q.executeStep()) {
        Village v{q.getColumn(0).getInt64(), q.getColumn(2).getString(),
                  q.getColumn(3).isNull() ? "" : q.getColumn(3).getString()};
        auto code = q.getColumn(1).getString().substr(0, 8);
        auto [at, added] = districts.try_emplace(code, static_cast<int>(m_districts.size()));
        if (added)
            m_districts.emplace_back();
        m_districts[at->second].push_back(static_cast<int>(m_villages.size()));
        m_villages.push_back(std::move(v));
    }
    m_total = static_cast<long>(m_villages.size());
    m_counts["village"] = m_total;

    SQLite::Statement head(m_db,
                           "INSERT INTO village_head (village, name, since) VALUES (?1, ?2, ?3)");
    SQLite::Statement tag(m_db, "INSERT INTO village_tag (village, tag) VALUES (?1, ?2)");
    SQLite::Statement index(m_db, "INSERT INTO village_index (village, kind, year, score, status) "
                                  "VALUES (?1, 'idm', 2025, ?2, ?3)");
    auto first = Days{std::chrono::year{2019} / 1 / 1};
    for (const auto& v : m_villages) {
        head.bind(1, v.id);
        head.bind(2, fmt::format("{} {}", m_rng.of(k_first_names), m_rng.of(k_last_names)));
        head.bind(3, iso(first + std::chrono::days{m_rng.below(4 * 365)}));
        add("village_head", head);
        if (m_rng.chance(0.25)) {
            tag.bind(1, v.id);
            tag.bind(2, m_rng.of(k_tags));
            add("village_tag", tag);
        }
        if (m_rng.chance(0.5)) {
            double score = (4500 + m_rng.below(4500)) / 10000.0;
            index.bind(1, v.id);
            index.bind(2, score);
            index.bind(3, core::dev_status_key(core::idm_status(score)));
            add("village_index", index);
        }
    }
}

void Filler::forums() {
    SQLite::Statement partner(m_db, "INSERT INTO partner (uuid, name, type, contact) "
                                    "VALUES (?1, ?2, ?3, ?4)");
    long partners = std::max<long>(1, static_cast<long>(m_districts.size()) / 10);
    for (long i = 0; i < partners; ++i) {
        auto kind = m_rng.below(k_partner_names.size());
        const auto& place = m_villages[m_districts[m_rng.below(m_districts.size())][0]].district;
        partner.bind(1, m_rng.uuid());
        partner.bind(2, fmt::vformat(k_partner_names[kind], fmt::make_format_args(place)));
        partner.bind(3, k_partner_types[kind]);
        partner.bind(4, fmt::format("0812-{:04}-{:04}", m_rng.below(10000), m_rng.below(10000)));
        if (add("partner", partner))
            m_partners.push_back(last_id());
    }
    SQLite::Statement forum(m_db, "INSERT INTO forum (uuid, name, purpose, founded) "
                                  "VALUES (?1, ?2, ?3, ?4)");
    SQLite::Statement member(m_db, "INSERT INTO forum_member (forum, village) VALUES (?1, ?2)");
    for (const auto& district : m_districts) {
        const auto& name = m_villages[district[0]].district;
        forum.bind(1, m_rng.uuid());
        forum.bind(2, fmt::format("Forum Kades {}", name));
        forum.bind(3, fmt::format("Koordinasi kepala desa se-Kecamatan {}", name));
        forum.bind(4, fmt::format("20{}-0{}-1{}", m_rng.between(15, 23), m_rng.between(1, 9),
                                  m_rng.between(0, 9)));
        if (!add("forum", forum))
            return;
        auto id = last_id();
        m_forums.push_back(id);
        for (int v : district) {
            member.bind(1, id);
            member.bind(2, m_villages[v].id);
            add("forum_member", member);
        }
    }
}

void Filler::agreements() {
    SQLite::Statement agreement(m_db, R"sql(
INSERT INTO agreement (uuid, title, scope, signed, until, number, funding)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7))sql");
    SQLite::Statement village(m_db,
                              "INSERT INTO agreement_village (agreement, village) VALUES (?1, ?2)");
    SQLite::Statement party(m_db,
                            "INSERT INTO agreement_partner (agreement, partner) VALUES (?1, ?2)");
    for (std::size_t f = 0; f < m_forums.size(); f += 4) {
        const auto& program = m_rng.of(k_programs);
        int year = m_rng.between(2022, 2025);
        agreement.bind(1, m_rng.uuid());
        agreement.bind(2, fmt::format("Kerja sama {}", program.name));
        agreement.bind(3, m_rng.of(k_agreement_scopes));
        agreement.bind(4, fmt::format("{}-0{}-15", year, m_rng.between(1, 9)));
        agreement.bind(5, fmt::format("{}-12-31", year + m_rng.between(1, 4)));
        agreement.bind(6, fmt::format("{}/KSD/{}/{}", 140 + m_rng.below(10), year, f + 1));
        agreement.bind(7, static_cast<std::int64_t>(m_rng.between(1, 200)) * 10'000'000);
        if (!add("agreement", agreement))
            return;
        auto id = last_id();
        auto members = m_districts[f];
        std::size_t wanted = std::min<std::size_t>(members.size(), m_rng.between(2, 3));
        for (std::size_t i = 0; i < wanted; ++i) {
            std::swap(members[i], members[i + m_rng.below(members.size() - i)]);
            village.bind(1, id);
            village.bind(2, m_villages[members[i]].id);
            add("agreement_village", village);
        }
        if (!m_partners.empty() && m_rng.chance(0.5)) {
            party.bind(1, id);
            party.bind(2, m_partners[m_rng.below(m_partners.size())]);
            add("agreement_partner", party);
        }
    }
}

void Filler::month(Days first, Days today, bool last) {
    using namespace std::chrono;
    SQLite::Statement meeting(m_db, R"sql(
INSERT INTO meeting (uuid, title, date, time, kind, status, host, place, forum, agenda,
                     cancel_reason)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11))sql");
    SQLite::Statement attendee(m_db,
                               "INSERT INTO meeting_attendee (meeting, village) VALUES (?1, ?2)");
    SQLite::Statement decision(m_db, "INSERT INTO meeting_decision (meeting, position, text) "
                                     "VALUES (?1, ?2, ?3)");
    SQLite::Statement action(m_db, R"sql(
INSERT INTO action (uuid, text, owner, due, status, done_on, meeting)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7))sql");
    SQLite::Statement lesson(m_db, R"sql(
INSERT INTO lesson (uuid, title, village, date, kind, context, outcome, lesson, recommendation,
                    meeting)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10))sql");
    SQLite::Statement topic(m_db, "INSERT INTO lesson_topic (lesson, topic) VALUES (?1, ?2)");
    SQLite::Statement adoption(m_db, "INSERT INTO adoption (uuid, lesson, village, status, date) "
                                     "VALUES (?1, ?2, ?3, ?4, ?5)");
    SQLite::Statement visit(m_db, R"sql(
INSERT INTO visit (uuid, kind, status, date, host, purpose, findings)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7))sql");
    SQLite::Statement visitor(m_db, "INSERT INTO visit_visitor (visit, village) VALUES (?1, ?2)");
    SQLite::Statement program(m_db, "INSERT INTO visit_program (visit, position, name) "
                                    "VALUES (?1, ?2, ?3)");
    for (std::size_t f = 0; f < m_forums.size() && room(); ++f) {
        auto members = m_districts[f];
        const auto& host = m_villages[members[m_rng.below(members.size())]];
        auto date = first + days{m_rng.between(2, 27)};
        bool held = !(last && date > today) && !m_rng.chance(0.02);
        const char* status = last && date > today ? "planned" : held ? "held" : "cancelled";
        const auto& theme = m_rng.of(k_programs);
        meeting.bind(1, m_rng.uuid());
        meeting.bind(2, fmt::format("{} {}", m_rng.of(k_meeting_titles), host.district));
        meeting.bind(3, iso(date));
        meeting.bind(4, fmt::format("{:02}:00", m_rng.between(8, 13)));
        meeting.bind(5, m_rng.chance(0.85) ? "routine" : "training");
        meeting.bind(6, status);
        meeting.bind(7, host.id);
        meeting.bind(8, fmt::format("Balai Desa {}", host.name));
        meeting.bind(9, m_forums[f]);
        meeting.bind(10, fmt::format("Laporan desa; {}", theme.name));
        if (std::string_view(status) == "cancelled")
            meeting.bind(11, "Bertepatan dengan acara kabupaten");
        if (!add("meeting", meeting))
            return;
        auto id = last_id();
        if (!held)
            continue;
        // The host first, then other members, shuffled.
        std::swap(*std::find_if(members.begin(), members.end(),
                                [&](int v) { return m_villages[v].id == host.id; }),
                  members[0]);
        std::size_t wanted = std::min<std::size_t>(members.size(), m_rng.between(4, 8));
        for (std::size_t i = 0; i < wanted; ++i) {
            if (i > 0)
                std::swap(members[i], members[i + m_rng.below(members.size() - i)]);
            attendee.bind(1, id);
            attendee.bind(2, m_villages[members[i]].id);
            add("meeting_attendee", attendee);
        }
        std::array<std::size_t, k_decisions.size()> order{};
        for (std::size_t i = 0; i < order.size(); ++i)
            order[i] = i;
        std::shuffle(order.begin(), order.end(), std::mt19937(static_cast<unsigned>(m_rng.next())));
        int decisions = m_rng.between(1, 3);
        for (int k = 0; k < decisions; ++k) {
            decision.bind(1, id);
            decision.bind(2, k + 1);
            decision.bind(3, fmt::vformat(k_decisions[order[static_cast<std::size_t>(k)]],
                                          fmt::make_format_args(theme.name)));
            add("meeting_decision", decision);
        }
        int actions = m_rng.between(0, 2);
        for (int k = 0; k < actions; ++k) {
            auto due = date + days{m_rng.between(7, 42)};
            bool done = due <= today && m_rng.chance(0.7);
            action.bind(1, m_rng.uuid());
            action.bind(2, fmt::vformat(m_rng.of(k_actions), fmt::make_format_args(theme.name)));
            action.bind(3, m_villages[members[m_rng.below(wanted)]].id);
            action.bind(4, iso(due));
            action.bind(5, done ? "done" : "open");
            if (done)
                action.bind(6, iso(std::min(due, today)));
            action.bind(7, id);
            add("action", action);
        }
        if (m_rng.chance(0.5)) {
            auto which = m_rng.below(k_programs.size());
            const auto& p = k_programs[which];
            int author = members[m_rng.below(wanted)];
            auto roll = m_rng.below(10);
            bool failed = roll >= 5 && roll < 8;
            lesson.bind(1, m_rng.uuid());
            lesson.bind(2, fmt::format("{} {}", p.name, m_rng.of(k_qualifiers)));
            lesson.bind(3, m_villages[author].id);
            lesson.bind(4, iso(date));
            lesson.bind(5, roll < 5 ? "success" : failed ? "failure" : "insight");
            lesson.bind(6, fmt::format("{} di dusun {} {}. Desa merencanakan {} dengan anggaran "
                                       "Rp {} juta.",
                                       m_rng.of(k_subjects), m_rng.between(1, 6),
                                       m_rng.of(k_problems), p.name, m_rng.between(5, 204)));
            lesson.bind(7, failed ? fmt::format("{} dari {} alat tidak dipakai lagi setelah {} "
                                                "bulan.",
                                                m_rng.between(2, 21), m_rng.between(25, 54),
                                                m_rng.between(3, 11))
                                  : fmt::format("Setelah {} bulan, {} warga ikut dan pendapatan "
                                                "naik {} persen.",
                                                m_rng.between(3, 23), m_rng.between(20, 419),
                                                m_rng.between(5, 64)));
            lesson.bind(8, failed
                               ? fmt::format("{} gagal karena {}.", p.name, m_rng.of(k_failures))
                               : fmt::format("{} berhasil bila {}.", p.name, m_rng.of(k_causes)));
            lesson.bind(9, fmt::format("Mulai dari satu dusun, libatkan {}, dan pastikan {}.",
                                       m_rng.of(k_subjects), m_rng.of(k_causes)));
            lesson.bind(10, id);
            if (add("lesson", lesson)) {
                auto lesson_id = last_id();
                for (const auto& t : topics_of(p)) {
                    topic.bind(1, lesson_id);
                    topic.bind(2, t);
                    add("lesson_topic", topic);
                }
                m_lessons[f].push_back({lesson_id, author});
            }
        }
        if (m_lessons[f].size() > 1 && m_rng.chance(0.2)) {
            // An earlier lesson of the forum, taken up by another of its members.
            const auto& l = m_lessons[f][m_rng.below(m_lessons[f].size() - 1)];
            int by = members[m_rng.below(wanted)];
            if (by != l.village && m_adopted.emplace(l.id, by).second) {
                adoption.bind(1, m_rng.uuid());
                adoption.bind(2, l.id);
                adoption.bind(3, m_villages[by].id);
                adoption.bind(4, m_rng.of(k_adoption_statuses));
                adoption.bind(5, iso(date));
                add("adoption", adoption);
            }
        }
        if (m_rng.chance(0.2) && members.size() > 1) {
            // A study visit to a village of another kecamatan (or of this one).
            const auto& where = m_districts[m_rng.below(m_districts.size())];
            int to = where[m_rng.below(where.size())];
            auto on = first + days{m_rng.between(1, 27)};
            const auto& p = m_rng.of(k_programs);
            bool done = on <= today;
            visit.bind(1, m_rng.uuid());
            visit.bind(2, "study");
            visit.bind(3, done ? "held" : "planned");
            visit.bind(4, iso(on));
            visit.bind(5, m_villages[to].id);
            visit.bind(6, fmt::format("Studi banding {}", p.name));
            if (done)
                visit.bind(7, fmt::format("{} berhasil bila {}.", p.name, m_rng.of(k_causes)));
            if (!add("visit", visit))
                return;
            auto visit_id = last_id();
            int visitors = 0, wanted_visitors = m_rng.between(1, 2);
            for (std::size_t i = 0; i < wanted && visitors < wanted_visitors; ++i) {
                if (members[i] == to)
                    continue;
                visitor.bind(1, visit_id);
                visitor.bind(2, m_villages[members[i]].id);
                add("visit_visitor", visitor);
                ++visitors;
            }
            auto programs = m_rng.between(1, 2);
            auto first_program = m_rng.below(k_programs.size());
            for (int k = 0; k < programs; ++k) {
                program.bind(1, visit_id);
                program.bind(2, k + 1);
                program.bind(
                    3,
                    k_programs[(first_program + 7 * static_cast<unsigned>(k)) % k_programs.size()]
                        .name);
                add("visit_program", program);
            }
        }
    }
}

void Filler::run(const std::chrono::year_month& end) {
    using namespace std::chrono;
    villages();
    forums();
    agreements();
    m_lessons.resize(m_forums.size());
    if (m_forums.empty())
        return;
    // About 12.5 records a forum a month: as many months as fill the log, the last `end`.
    double per_month = 12.5 * static_cast<double>(m_forums.size());
    auto months_needed = std::max<long>(
        1, std::lround(std::ceil(static_cast<double>(m_limit - m_total) / per_month)));
    auto first = end - std::chrono::months{months_needed - 1};
    auto today = sys_days{end / 27};
    auto ym = first;
    for (; room(); ym += std::chrono::months{1})
        month(sys_days{ym / 1}, today, ym == end);
    auto last = ym - std::chrono::months{1};
    m_months = fmt::format("{}-{:02} to {}-{:02}", static_cast<int>(first.year()),
                           static_cast<unsigned>(first.month()), static_cast<int>(last.year()),
                           static_cast<unsigned>(last.month()));
}

struct Options {
    std::optional<long> copies;
    std::vector<std::string> positional;
    std::string under;
    long records = 0;
    std::uint64_t seed = 11;
};

int usage() {
    std::cerr << "usage: kades_sync_gen LOG WILAYAH_DIR [--under CODE] [--records N] [--seed N]\n"
                 "       kades_sync_gen --copies K DIR WILAYAH_DIR [--under CODE] [--records N] "
                 "[--seed N]\n";
    return 2;
}

double seconds_since(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

struct Filled {
    long total = 0;
    std::map<std::string, long> counts;
    std::string months;
};

// Fills the log at `path` (its villages in place) in one transaction.
Filled fill(const fs::path& path, Rng& rng, long records) {
    SQLite::Database db(path.string(), SQLite::OPEN_READWRITE);
    store::register_indonesian_tokenizer(db.getHandle());
    db.exec("PRAGMA foreign_keys = ON");
    db.exec("BEGIN IMMEDIATE");
    Filler filler(db, rng, records);
    filler.run(std::chrono::year{2026} / std::chrono::November);
    db.exec("COMMIT");
    return {filler.total(), filler.counts(), filler.months()};
}

std::string summary(const std::map<std::string, long>& counts) {
    std::string text;
    for (const auto& [kind, n] : counts)
        text += fmt::format("{}{} {}", text.empty() ? "" : ", ", kind, n);
    return text;
}

int one_log(const Options& o) {
    const fs::path path = o.positional[0];
    if (fs::exists(path)) {
        std::cerr << "kades_sync_gen: " << path << " exists already\n";
        return 2;
    }
    auto started = Clock::now();
    {
        auto log = store::Log::open(path, store::OpenMode::write);
        store::import_regions(log, o.positional[1]);
        store::import_villages_under(log, o.under);
        log.commit();
    }
    auto villages_s = seconds_since(started);
    Rng rng(o.seed);
    auto filled = fill(path, rng, o.records);
    std::cout << fmt::format("kades_sync_gen: {}: {} records under {} ({}), months {}; regions "
                             "and villages {:.1f} s, records {:.1f} s\n",
                             path.string(), filled.total, o.under, summary(filled.counts),
                             filled.months, villages_s, seconds_since(started) - villages_s);
    return 0;
}

int copies(const Options& o) {
    const fs::path dir = o.positional[0];
    fs::create_directories(dir);
    auto regions = dir / "regions.db";
    if (fs::exists(regions) || fs::exists(dir / "copy-001.db")) {
        std::cerr << "kades_sync_gen: " << dir << " holds copies already\n";
        return 2;
    }
    auto started = Clock::now();
    {
        auto log = store::Log::open(regions, store::OpenMode::write);
        store::import_regions(log, o.positional[1]);
        log.commit();
    }
    std::vector<std::string> districts;
    {
        SQLite::Database db(regions.string(), SQLite::OPEN_READONLY);
        SQLite::Statement q(db, "SELECT code FROM region WHERE level = 'district' AND code > ?1 "
                                "|| '.' AND code < ?1 || '/' ORDER BY code");
        q.bind(1, o.under);
        while (q.executeStep())
            districts.push_back(q.getColumn(0).getString());
    }
    if (districts.empty()) {
        std::cerr << "kades_sync_gen: no kecamatan under " << o.under << '\n';
        return 1;
    }
    // The region and its ancestors, and everything under it.
    std::vector<std::string> ancestors;
    for (auto dot = o.under.find('.'); dot != std::string::npos; dot = o.under.find('.', dot + 1))
        ancestors.push_back(o.under.substr(0, dot));
    ancestors.push_back(o.under);
    long total = 0;
    std::map<std::string, long> kinds;
    for (long i = 0; i < *o.copies; ++i) {
        auto path = dir / fmt::format("copy-{:03}.db", i + 1);
        const auto& district = districts[static_cast<std::size_t>(i) % districts.size()];
        {
            auto log = store::Log::open(path, store::OpenMode::write); // a new replica
            log.commit();
        }
        {
            SQLite::Database db(path.string(), SQLite::OPEN_READWRITE);
            SQLite::Statement attach(db, "ATTACH ?1 AS t");
            attach.bind(1, regions.string());
            attach.exec();
            db.exec("BEGIN IMMEDIATE");
            SQLite::Statement one(db, "INSERT INTO region SELECT * FROM t.region WHERE code = ?1");
            for (const auto& a : ancestors) {
                one.bind(1, a);
                one.exec();
                one.reset();
            }
            SQLite::Statement under(db, "INSERT INTO region SELECT * FROM t.region "
                                        "WHERE code > ?1 || '.' AND code < ?1 || '/'");
            under.bind(1, o.under);
            under.exec();
            db.exec("COMMIT");
            db.exec("DETACH t");
        }
        {
            auto log = store::Log::open(path, store::OpenMode::write);
            store::import_villages_under(log, district);
            log.commit();
        }
        Rng rng(o.seed * 1000003ULL + static_cast<std::uint64_t>(i));
        auto filled = fill(path, rng, o.records);
        total += filled.total;
        for (const auto& [kind, n] : filled.counts)
            kinds[kind] += n;
    }
    fs::remove(regions);
    std::cout << fmt::format("kades_sync_gen: {} copies in {} ({} kecamatan of {}): {} records "
                             "({}); {:.1f} s\n",
                             *o.copies, dir.string(), districts.size(), o.under, total,
                             summary(kinds), seconds_since(started));
    return 0;
}

} // namespace

int main(int argc, char** argv) {
    Options o;
    try {
        for (int i = 1; i < argc; ++i) {
            std::string arg = argv[i];
            bool has_value = i + 1 < argc;
            if (arg == "--copies" && has_value)
                o.copies = std::stol(argv[++i]);
            else if (arg == "--under" && has_value)
                o.under = argv[++i];
            else if (arg == "--records" && has_value)
                o.records = std::stol(argv[++i]);
            else if (arg == "--seed" && has_value)
                o.seed = std::stoull(argv[++i]);
            else if (arg.rfind("--", 0) == 0)
                return usage();
            else
                o.positional.push_back(arg);
        }
    } catch (const std::exception&) {
        return usage();
    }
    if (o.positional.size() != 2 || (o.copies && *o.copies < 1) || o.records < 0)
        return usage();
    if (o.under.empty())
        o.under = o.copies ? "33.01" : "33";
    if (o.records == 0)
        o.records = o.copies ? 150 : 100000;
    try {
        return o.copies ? copies(o) : one_log(o);
    } catch (const std::exception& e) {
        std::cerr << "kades_sync_gen: " << e.what() << '\n';
        return 1;
    }
}
