// Benchmark data (tracker issue 7, "Reports"): a national log, the same for a seed.
//
//   kades_national_gen LOG WILAYAH_DIR [--scale F] [--seed N] [--end YYYY-MM]
//
// LOG must not exist; WILAYAH_DIR is data/wilayah of the repository (or the copy installed
// beside the binary, build/share/kades/wilayah). --end is the last of the ten years' months
// (default 2026-11, the case study's month); "today" for the log is the 27th of that month.
// At --scale 1 (the default) the log holds:
//
//   all 83,762 villages of the regions, as `kades village import --under` adds them;
//   one forum per kecamatan (7,285), its villages the members;
//   one meeting per forum per month for 120 months (874,200): routine mostly, held, 2%
//     cancelled, those after the 20th of the last month still planned; the host one member;
//     7 to 11 member attendees as far as the kecamatan has them (about 8 on average; the host
//     among them, a guest from the kabupaten now and then); 1 to 3 decisions;
//   1,000,000 actions from held meetings (owner an attendee, due 1 to 8 weeks later, 80% done
//     once due, the rest open: overdue when the due date has passed);
//   200,000 visits (study 70%, exchange 25%, other 5%; held, 3% cancelled, planned after
//     today; host + 1 to 3 visitors, from the same kabupaten 85% of the time; 1 to 3
//     programs; workers and a skill for exchanges);
//   840,000 lessons (success 50%, failure 30%, insight 20%; topics; a quarter of them shared
//     at a meeting or on a visit), with the vocabulary of bench/lesson_gen.cpp;
//   300,000 adoptions of a lesson by another village, dated after the lesson;
//   2,000 partners and 6,000 agreements (2 to 4 villages, partners, funding).
//
// --scale F multiplies every count of records (F = 0.05 for a quick run); the villages and
// the forums are the country's and are always all there (a meeting then takes place in a
// forum's month with probability F).
//
// How it writes: the log, its schema (store::Log::open runs the migrations), the regions
// (store::import_regions) and the villages (store::import_villages_under, per province: the
// slugs, codes and names kades itself gives) go through the store; the village UUIDs are then
// replaced by seeded ones, so that the whole log is the same for a seed. Going through
// store::add_* for ten million rows would take hours, so the records are then inserted with
// prepared SQLite statements (SQLiteCpp, bound parameters) into the tables and columns of
// src/store/migrations.cpp, in one transaction, with explicit row ids, foreign keys on and
// every CHECK and UNIQUE constraint in force. Each table is written in date order, as a log
// fills when records are entered as they happen. During the load the journal is off,
// synchronous is off and the cache is large; the secondary indexes of those tables are
// dropped first and created again afterwards from the very SQL the migrations stored in
// sqlite_schema (the schema ends as a new log's, statement for statement). The lessons and their
// topics are inserted as kades inserts them, so the FTS5 triggers build the lesson index with the
// kades_id tokenizer. At the end the log is switched back to WAL, as kades leaves it.

#include "rng.hpp"
#include "vocabulary.hpp"

#include "core/date.hpp"
#include "store/log.hpp"
#include "store/region.hpp"
#include "store/stem_tokenizer.hpp"
#include "store/village.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <iostream>
#include <map>
#include <random>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace {

using namespace kades;
using Days = std::chrono::sys_days;
using Clock = std::chrono::steady_clock;

// ---------------------------------------------------------------------------------------
// Vocabulary (the programs, qualifiers and phrase pools of bench/lesson_gen.cpp).

using namespace kades::bench; // the programs and phrase pools: bench/vocabulary.hpp

constexpr std::array k_meeting_titles{
    "Pertemuan rutin forum kades", "Rapat koordinasi bulanan",      "Musyawarah antar desa",
    "Evaluasi program bersama",    "Pertemuan bulanan kepala desa",
};

constexpr std::array k_decisions{
    "Jadwal pelatihan {} disepakati",
    "Setiap desa mengirim data {} bulan depan",
    "Studi banding {} ke desa tetangga",
    "Anggaran bersama untuk {} diusulkan",
    "Tim kecil {} dibentuk",
    "Laporan {} dibahas pada pertemuan berikut",
};

constexpr std::array k_actions{
    "Kirim RAB {}",
    "Siapkan data peserta {}",
    "Undang pendamping {}",
    "Susun laporan {}",
    "Hubungi dinas tentang {}",
    "Ajukan proposal {}",
    "Kumpulkan dokumentasi {}",
};

constexpr std::array k_partner_names{
    "Yayasan Desa Mandiri {}", "PT Sumber Daya {} (CSR)",          "Dinas PMD {}",
    "Universitas {}",          "Lembaga Pendamping Masyarakat {}", "Koperasi {} Sejahtera",
};
constexpr std::array k_partner_types{"ngo",        "company", "government",
                                     "university", "other",   "other"};
constexpr std::array k_agreement_scopes{"business", "community", "services", "development",
                                        "empowerment"};

std::string iso(Days d) {
    return core::iso(core::Date{d});
}

long scaled(double count, double scale) {
    return std::max(1L, std::lround(count * scale));
}

// ---------------------------------------------------------------------------------------
// The data, chosen in memory first (ids in date order), then written table by table.

struct Village {
    std::int64_t id = 0;
    std::string name, district_name;
    int district = 0, regency = 0, province = 0; // indexes into the groups below
};

struct Country {
    std::vector<Village> villages;           // by code
    std::vector<std::vector<int>> districts; // village indexes per kecamatan
    std::vector<std::vector<int>> regencies; // per kabupaten
    std::vector<std::vector<int>> provinces; // per province
    std::vector<std::string> regency_names;
};

enum Status : std::uint8_t { held, planned, cancelled };

struct Meeting {
    Days date;
    int forum = 0; // = the kecamatan's index
    int host = 0;  // village index
    Status status = held;
    std::uint8_t kind = 0;
    std::uint32_t first = 0, count = 0; // attendees in Plan::attendees
};

struct Visit {
    Days date;
    int host = 0;
    Status status = held;
    std::uint8_t kind = 0; // 0 study, 1 exchange, 2 other
    std::uint8_t program = 0;
    std::array<int, 3> visitors{};
    std::uint8_t visitor_count = 0;
    std::array<std::uint8_t, 3> programs{};
    std::uint8_t program_count = 0;
};

struct Action {
    std::int64_t meeting = 0; // row id
    Days created;
    int owner = 0;
};

struct Lesson {
    Days date;
    int village = 0;
    std::int64_t meeting = 0, visit = 0; // row ids, 0: none
};

struct Adoption {
    Days date;
    std::int64_t lesson = 0; // row id
    int village = 0;
};

struct Plan {
    Days first_day, today, last_day;
    std::vector<Meeting> meetings;
    std::vector<int> attendees;
    std::vector<Visit> visits;
    std::vector<Action> actions;
    std::vector<Lesson> lessons;
    std::vector<Adoption> adoptions;
};

Country load_country(SQLite::Database& db) {
    Country c;
    std::map<std::string, int> districts, regencies, provinces;
    SQLite::Statement stmt(db, "SELECT v.id, v.code, v.name, v.district, r.name FROM village v "
                               "LEFT JOIN region r ON r.code = substr(v.code, 1, 5) "
                               "ORDER BY v.code");
    auto group = [](std::map<std::string, int>& index, std::vector<std::vector<int>>& groups,
                    const std::string& key) {
        auto [it, added] = index.try_emplace(key, static_cast<int>(groups.size()));
        if (added)
            groups.emplace_back();
        return it->second;
    };
    while (stmt.executeStep()) {
        Village v;
        v.id = stmt.getColumn(0).getInt64();
        auto code = stmt.getColumn(1).getString();
        v.name = stmt.getColumn(2).getString();
        v.district_name = stmt.getColumn(3).getString();
        v.district = group(districts, c.districts, code.substr(0, 8));
        auto regencies_before = c.regencies.size();
        v.regency = group(regencies, c.regencies, code.substr(0, 5));
        if (c.regencies.size() > regencies_before)
            c.regency_names.push_back(stmt.getColumn(4).getString());
        v.province = group(provinces, c.provinces, code.substr(0, 2));
        int index = static_cast<int>(c.villages.size());
        c.districts[v.district].push_back(index);
        c.regencies[v.regency].push_back(index);
        c.provinces[v.province].push_back(index);
        c.villages.push_back(std::move(v));
    }
    return c;
}

// A village near v: of its kabupaten mostly, else of its province, else anywhere; never v.
int neighbour(Rng& rng, const Country& c, int v, double same_regency, double same_province) {
    for (int attempt = 0; attempt < 20; ++attempt) {
        double roll = rng.unit();
        const auto& pool = roll < same_regency ? c.regencies[c.villages[v].regency]
                           : roll < same_regency + same_province
                               ? c.provinces[c.villages[v].province]
                               : c.districts[rng.below(c.districts.size())];
        int other = pool[rng.below(pool.size())];
        if (other != v)
            return other;
    }
    return v == 0 ? 1 : 0;
}

void plan_meetings(Rng& rng, const Country& c, double scale, Plan& p) {
    using namespace std::chrono;
    const int forums = static_cast<int>(c.districts.size());
    std::vector<int> usual_day(forums);
    for (auto& d : usual_day)
        d = rng.between(3, 25);
    auto first_month = year_month_day{p.first_day}.year() / year_month_day{p.first_day}.month();
    std::vector<int> members;
    for (int month = 0; month < 120; ++month) {
        auto ym = first_month + months{month};
        bool last = month == 119;
        for (int f = 0; f < forums; ++f) {
            if (scale < 1.0 && !rng.chance(scale))
                continue;
            Meeting m;
            m.forum = f;
            int day = std::clamp(usual_day[f] + rng.between(-2, 2), 1, 28);
            m.date = sys_days{ym / day};
            m.status = last && day > 20 ? planned : rng.chance(0.02) ? cancelled : held;
            auto kind = rng.below(100);
            m.kind = kind < 85 ? 0 : kind < 93 ? 1 : 2; // routine, training, workshop
            members = c.districts[f];
            m.host = members[rng.below(members.size())];
            m.first = static_cast<std::uint32_t>(p.attendees.size());
            if (m.status == held) {
                // The host first, then other members, shuffled.
                std::swap(*std::find(members.begin(), members.end(), m.host), members[0]);
                auto wanted = std::min<std::size_t>(members.size(), rng.between(7, 11));
                for (std::size_t i = 1; i < wanted; ++i)
                    std::swap(members[i], members[i + rng.below(members.size() - i)]);
                for (std::size_t i = 0; i < wanted; ++i)
                    p.attendees.push_back(members[i]);
                if (rng.chance(0.04)) { // a guest from elsewhere in the kabupaten
                    int guest = neighbour(rng, c, m.host, 1.0, 0.0);
                    if (c.villages[guest].district != f)
                        p.attendees.push_back(guest);
                }
            }
            m.count = static_cast<std::uint32_t>(p.attendees.size()) - m.first;
            p.meetings.push_back(m);
        }
    }
    std::stable_sort(p.meetings.begin(), p.meetings.end(),
                     [](const Meeting& a, const Meeting& b) { return a.date < b.date; });
}

Days random_day(Rng& rng, Days from, Days to) {
    return from + std::chrono::days{rng.below(std::size_t((to - from).count() + 1))};
}

void plan_visits(Rng& rng, const Country& c, long count, Plan& p) {
    for (long i = 0; i < count; ++i) {
        Visit v;
        v.date = random_day(rng, p.first_day, p.last_day);
        v.status = v.date > p.today ? planned : rng.chance(0.03) ? cancelled : held;
        auto kind = rng.below(100);
        v.kind = kind < 70 ? 0 : kind < 95 ? 1 : 2;
        v.host = static_cast<int>(rng.below(c.villages.size()));
        v.visitor_count = static_cast<std::uint8_t>(rng.between(1, 3));
        for (int k = 0; k < v.visitor_count; ++k) {
            int other = neighbour(rng, c, v.host, 0.85, 0.12);
            bool again = std::find(v.visitors.begin(), v.visitors.begin() + k, other) !=
                         v.visitors.begin() + k;
            if (again) {
                v.visitor_count = static_cast<std::uint8_t>(k);
                break;
            }
            v.visitors[k] = other;
        }
        v.program_count = static_cast<std::uint8_t>(rng.between(1, 3));
        v.programs[0] = static_cast<std::uint8_t>(rng.below(k_programs.size()));
        for (int k = 1; k < v.program_count; ++k)
            v.programs[k] = static_cast<std::uint8_t>((v.programs[k - 1] + 1 + rng.below(5)) %
                                                      k_programs.size());
        p.visits.push_back(v);
    }
    std::stable_sort(p.visits.begin(), p.visits.end(),
                     [](const Visit& a, const Visit& b) { return a.date < b.date; });
}

void plan_actions(Rng& rng, long count, Plan& p) {
    std::vector<std::int64_t> held_ids;
    for (std::size_t i = 0; i < p.meetings.size(); ++i)
        if (p.meetings[i].status == held)
            held_ids.push_back(static_cast<std::int64_t>(i));
    if (held_ids.empty())
        return;
    std::vector<std::int64_t> picks(static_cast<std::size_t>(count));
    for (auto& pick : picks)
        pick = held_ids[rng.below(held_ids.size())];
    std::sort(picks.begin(), picks.end());
    for (auto index : picks) {
        const auto& m = p.meetings[static_cast<std::size_t>(index)];
        Action a;
        a.meeting = index + 1;
        a.created = m.date;
        a.owner = p.attendees[m.first + rng.below(m.count)];
        p.actions.push_back(a);
    }
}

void plan_lessons(Rng& rng, const Country& c, long count, Plan& p) {
    // A lesson from a held visit (a visitor's), from a held meeting (an attendee's), or
    // shared on its own.
    long from_visits = count / 10, from_meetings = count * 15 / 100;
    std::vector<std::size_t> held_visits, held_meetings;
    for (std::size_t i = 0; i < p.visits.size(); ++i)
        if (p.visits[i].status == held && p.visits[i].visitor_count > 0)
            held_visits.push_back(i);
    for (std::size_t i = 0; i < p.meetings.size(); ++i)
        if (p.meetings[i].status == held)
            held_meetings.push_back(i);
    for (long i = 0; i < count; ++i) {
        Lesson l;
        if (i < from_visits && !held_visits.empty()) {
            auto index = held_visits[rng.below(held_visits.size())];
            const auto& v = p.visits[index];
            l.visit = static_cast<std::int64_t>(index) + 1;
            l.village = v.visitors[rng.below(v.visitor_count)];
            l.date = std::min(v.date + std::chrono::days{rng.between(1, 20)}, p.today);
        } else if (i < from_visits + from_meetings && !held_meetings.empty()) {
            auto index = held_meetings[rng.below(held_meetings.size())];
            const auto& m = p.meetings[index];
            l.meeting = static_cast<std::int64_t>(index) + 1;
            l.village = p.attendees[m.first + rng.below(m.count)];
            l.date = m.date;
        } else {
            l.village = static_cast<int>(rng.below(c.villages.size()));
            l.date = random_day(rng, p.first_day, p.today);
        }
        p.lessons.push_back(l);
    }
    std::stable_sort(p.lessons.begin(), p.lessons.end(),
                     [](const Lesson& a, const Lesson& b) { return a.date < b.date; });
}

void plan_adoptions(Rng& rng, const Country& c, long count, Plan& p) {
    if (p.lessons.empty())
        return;
    std::unordered_set<std::uint64_t> taken;
    taken.reserve(static_cast<std::size_t>(count) * 2);
    for (long made = 0, tries = 0; made < count && tries < count * 20; ++tries) {
        // Taken up two weeks to a year after the lesson, and not after today: the adoptions
        // spread over the years as the lessons do.
        auto index = rng.below(p.lessons.size());
        const auto& l = p.lessons[index];
        auto date = l.date + std::chrono::days{rng.between(14, 380)};
        if (date > p.today)
            continue;
        Adoption a;
        a.lesson = static_cast<std::int64_t>(index) + 1;
        a.village = neighbour(rng, c, l.village, 0.6, 0.3);
        a.date = date;
        auto key = (static_cast<std::uint64_t>(a.lesson) << 20) ^ std::uint64_t(a.village);
        if (a.village == l.village || !taken.insert(key).second)
            continue;
        p.adoptions.push_back(a);
        ++made;
    }
    std::stable_sort(p.adoptions.begin(), p.adoptions.end(),
                     [](const Adoption& a, const Adoption& b) { return a.date < b.date; });
}

// ---------------------------------------------------------------------------------------
// Writing.

struct Counts {
    long forums = 0, members = 0, meetings = 0, held = 0, planned = 0, cancelled = 0, attendees = 0,
         decisions = 0, actions = 0, actions_done = 0, actions_overdue = 0, visits = 0,
         visitors = 0, programs = 0, lessons = 0, topics = 0, adoptions = 0, partners = 0,
         agreements = 0;
};

const char* status_key(Status s) {
    return s == held ? "held" : s == planned ? "planned" : "cancelled";
}

void bind_or_null(SQLite::Statement& stmt, int index, const std::string& text) {
    if (text.empty())
        stmt.bind(index);
    else
        stmt.bind(index, text);
}

void run(SQLite::Statement& stmt) {
    stmt.exec();
    stmt.reset();
}

void write_forums(SQLite::Database& db, Rng& rng, const Country& c, const Plan& p, Counts& n) {
    SQLite::Statement forum(db, "INSERT INTO forum (id, uuid, name, purpose, founded) "
                                "VALUES (?1, ?2, ?3, ?4, ?5)");
    SQLite::Statement member(db, "INSERT INTO forum_member (forum, village) VALUES (?1, ?2)");
    for (std::size_t f = 0; f < c.districts.size(); ++f) {
        const auto& district = c.villages[c.districts[f][0]].district_name;
        forum.bind(1, static_cast<std::int64_t>(f + 1));
        forum.bind(2, rng.uuid());
        forum.bind(3, fmt::format("Forum Kades {}", district));
        forum.bind(4, fmt::format("Koordinasi kepala desa se-Kecamatan {}", district));
        forum.bind(5, iso(p.first_day));
        run(forum);
        ++n.forums;
        for (int v : c.districts[f]) {
            member.bind(1, static_cast<std::int64_t>(f + 1));
            member.bind(2, c.villages[v].id);
            run(member);
            ++n.members;
        }
    }
}

void write_meetings(SQLite::Database& db, Rng& rng, const Country& c, const Plan& p, Counts& n) {
    SQLite::Statement meeting(db, R"sql(
INSERT INTO meeting (id, uuid, title, date, time, kind, status, host, place, forum, agenda,
                     cancel_reason)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12))sql");
    SQLite::Statement attendee(db,
                               "INSERT INTO meeting_attendee (meeting, village) VALUES (?1, ?2)");
    SQLite::Statement decision(
        db, "INSERT INTO meeting_decision (meeting, position, text) VALUES (?1, ?2, ?3)");
    constexpr std::array kinds{"routine", "training", "workshop"};
    for (std::size_t i = 0; i < p.meetings.size(); ++i) {
        const auto& m = p.meetings[i];
        const auto& host = c.villages[m.host];
        auto id = static_cast<std::int64_t>(i + 1);
        const auto& program = rng.of(k_programs);
        meeting.bind(1, id);
        meeting.bind(2, rng.uuid());
        meeting.bind(3, fmt::format("{} {}", rng.of(k_meeting_titles), host.district_name));
        meeting.bind(4, iso(m.date));
        meeting.bind(5, fmt::format("{:02}:00", rng.between(8, 13)));
        meeting.bind(6, kinds[m.kind]);
        meeting.bind(7, status_key(m.status));
        meeting.bind(8, host.id);
        meeting.bind(9, fmt::format("Balai Desa {}", host.name));
        meeting.bind(10, static_cast<std::int64_t>(m.forum + 1));
        meeting.bind(11, fmt::format("Laporan desa; {}", program.name));
        bind_or_null(meeting, 12, m.status == cancelled ? "Bertepatan dengan acara kabupaten" : "");
        run(meeting);
        ++n.meetings;
        n.held += m.status == held;
        n.planned += m.status == planned;
        n.cancelled += m.status == cancelled;
        for (std::uint32_t k = 0; k < m.count; ++k) {
            attendee.bind(1, id);
            attendee.bind(2, c.villages[p.attendees[m.first + k]].id);
            run(attendee);
            ++n.attendees;
        }
        if (m.status != held)
            continue;
        int decisions = rng.between(1, 3);
        for (int k = 1; k <= decisions; ++k) {
            decision.bind(1, id);
            decision.bind(2, k);
            decision.bind(3, fmt::vformat(rng.of(k_decisions),
                                          fmt::make_format_args(rng.of(k_programs).name)));
            run(decision);
            ++n.decisions;
        }
    }
}

void write_visits(SQLite::Database& db, Rng& rng, const Country& c, const Plan& p, Counts& n) {
    SQLite::Statement visit(db, R"sql(
INSERT INTO visit (id, uuid, kind, status, date, until, host, purpose, findings, workers, skill,
                   cancel_reason)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12))sql");
    SQLite::Statement visitor(db, "INSERT INTO visit_visitor (visit, village) VALUES (?1, ?2)");
    SQLite::Statement program(
        db, "INSERT INTO visit_program (visit, position, name) VALUES (?1, ?2, ?3)");
    constexpr std::array kinds{"study", "exchange", "other"};
    for (std::size_t i = 0; i < p.visits.size(); ++i) {
        const auto& v = p.visits[i];
        auto id = static_cast<std::int64_t>(i + 1);
        const char* first_program = k_programs[v.programs[0]].name;
        visit.bind(1, id);
        visit.bind(2, rng.uuid());
        visit.bind(3, kinds[v.kind]);
        visit.bind(4, status_key(v.status));
        visit.bind(5, iso(v.date));
        if (v.kind == 1)
            visit.bind(6, iso(v.date + std::chrono::days{rng.between(3, 21)}));
        else
            visit.bind(6);
        visit.bind(7, c.villages[v.host].id);
        visit.bind(8, v.kind == 1 ? fmt::format("Pertukaran tenaga kerja {}", first_program)
                                  : fmt::format("Studi banding {}", first_program));
        bind_or_null(visit, 9,
                     v.status == held
                         ? fmt::format("{} berhasil bila {}.", first_program, rng.of(k_causes))
                         : "");
        if (v.kind == 1) {
            visit.bind(10, rng.between(2, 10));
            visit.bind(11, first_program);
        } else {
            visit.bind(10);
            visit.bind(11);
        }
        bind_or_null(visit, 12, v.status == cancelled ? "Jalan menuju desa rusak" : "");
        run(visit);
        ++n.visits;
        for (int k = 0; k < v.visitor_count; ++k) {
            visitor.bind(1, id);
            visitor.bind(2, c.villages[v.visitors[k]].id);
            run(visitor);
            ++n.visitors;
        }
        for (int k = 0; k < v.program_count; ++k) {
            program.bind(1, id);
            program.bind(2, k + 1);
            program.bind(3, k_programs[v.programs[k]].name);
            run(program);
            ++n.programs;
        }
    }
}

void write_actions(SQLite::Database& db, Rng& rng, const Country& c, const Plan& p, Counts& n) {
    SQLite::Statement action(db, R"sql(
INSERT INTO action (id, uuid, text, owner, due, status, done_on, note, meeting)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9))sql");
    for (std::size_t i = 0; i < p.actions.size(); ++i) {
        const auto& a = p.actions[i];
        auto due = a.created + std::chrono::days{rng.between(7, 56)};
        bool done = due <= p.today ? rng.chance(0.8) : rng.chance(0.25);
        action.bind(1, static_cast<std::int64_t>(i + 1));
        action.bind(2, rng.uuid());
        action.bind(
            3, fmt::vformat(rng.of(k_actions), fmt::make_format_args(rng.of(k_programs).name)));
        action.bind(4, c.villages[a.owner].id);
        action.bind(5, iso(due));
        action.bind(6, done ? "done" : "open");
        if (done) {
            auto latest = std::min(due + std::chrono::days{21}, p.today);
            action.bind(7, iso(random_day(rng, std::min(a.created + std::chrono::days{1}, latest),
                                          latest)));
        } else {
            action.bind(7);
        }
        bind_or_null(action, 8, rng.chance(0.1) ? "Menunggu jawaban dinas" : "");
        action.bind(9, a.meeting);
        run(action);
        ++n.actions;
        n.actions_done += done;
        n.actions_overdue += !done && due < p.today;
    }
}

void write_lessons(SQLite::Database& db, Rng& rng, const Country& c, const Plan& p, Counts& n) {
    SQLite::Statement lesson(db, R"sql(
INSERT INTO lesson (id, uuid, title, village, date, kind, context, outcome, lesson,
                    recommendation, meeting, visit)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12))sql");
    SQLite::Statement topic(db, "INSERT INTO lesson_topic (lesson, topic) VALUES (?1, ?2)");
    std::vector<std::vector<std::string>> topics;
    for (const auto& program : k_programs)
        topics.push_back(topics_of(program));
    for (std::size_t i = 0; i < p.lessons.size(); ++i) {
        const auto& l = p.lessons[i];
        auto id = static_cast<std::int64_t>(i + 1);
        auto which = rng.below(k_programs.size());
        const auto& program = k_programs[which];
        auto roll = rng.below(10);
        const char* kind = roll < 5 ? "success" : roll < 8 ? "failure" : "insight";
        bool failed = roll >= 5 && roll < 8;
        lesson.bind(1, id);
        lesson.bind(2, rng.uuid());
        lesson.bind(3, fmt::format("{} {}", program.name, rng.of(k_qualifiers)));
        lesson.bind(4, c.villages[l.village].id);
        lesson.bind(5, iso(l.date));
        lesson.bind(6, kind);
        lesson.bind(7, fmt::format("{} di dusun {} {}. Desa merencanakan {} dengan anggaran Rp "
                                   "{} juta.",
                                   rng.of(k_subjects), rng.between(1, 6), rng.of(k_problems),
                                   program.name, rng.between(5, 204)));
        lesson.bind(
            8, failed ? fmt::format("{} dari {} alat tidak dipakai lagi setelah {} bulan.",
                                    rng.between(2, 21), rng.between(25, 54), rng.between(3, 11))
                      : fmt::format("Setelah {} bulan, {} warga ikut dan pendapatan naik "
                                    "{} persen.",
                                    rng.between(3, 23), rng.between(20, 419), rng.between(5, 64)));
        lesson.bind(9, failed
                           ? fmt::format("{} gagal karena {}.", program.name, rng.of(k_failures))
                           : fmt::format("{} berhasil bila {}.", program.name, rng.of(k_causes)));
        lesson.bind(10, fmt::format("Mulai dari satu dusun, libatkan {}, dan pastikan {}.",
                                    rng.of(k_subjects), rng.of(k_causes)));
        if (l.meeting)
            lesson.bind(11, l.meeting);
        else
            lesson.bind(11);
        if (l.visit)
            lesson.bind(12, l.visit);
        else
            lesson.bind(12);
        run(lesson);
        ++n.lessons;
        // One row per topic, as store::add_lesson writes them: the trigger puts the topics in
        // the index.
        for (const auto& t : topics[which]) {
            topic.bind(1, id);
            topic.bind(2, t);
            run(topic);
            ++n.topics;
        }
    }
}

void write_adoptions(SQLite::Database& db, Rng& rng, const Country& c, const Plan& p, Counts& n) {
    SQLite::Statement adoption(db, R"sql(
INSERT INTO adoption (id, uuid, lesson, village, status, date, result)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7))sql");
    for (std::size_t i = 0; i < p.adoptions.size(); ++i) {
        const auto& a = p.adoptions[i];
        auto age = (p.today - a.date).count();
        auto roll = rng.below(100);
        const char* status = age < 90    ? (roll < 60 ? "planned" : "trying")
                             : roll < 55 ? "adopted"
                             : roll < 70 ? "trying"
                             : roll < 90 ? "abandoned"
                                         : "planned";
        std::string result;
        if (std::string_view(status) == "adopted")
            result = fmt::format("Berjalan di {} dusun", rng.between(1, 6));
        else if (std::string_view(status) == "abandoned")
            result = fmt::format("Berhenti: {}", rng.of(k_failures));
        adoption.bind(1, static_cast<std::int64_t>(i + 1));
        adoption.bind(2, rng.uuid());
        adoption.bind(3, a.lesson);
        adoption.bind(4, c.villages[a.village].id);
        adoption.bind(5, status);
        adoption.bind(6, iso(a.date));
        bind_or_null(adoption, 7, result);
        run(adoption);
        ++n.adoptions;
    }
}

void write_agreements(SQLite::Database& db, Rng& rng, const Country& c, const Plan& p, double scale,
                      Counts& n) {
    SQLite::Statement partner(db, "INSERT INTO partner (id, uuid, name, type, contact) "
                                  "VALUES (?1, ?2, ?3, ?4, ?5)");
    SQLite::Statement agreement(db, R"sql(
INSERT INTO agreement (id, uuid, title, scope, signed, until, ended, number, mad, funding)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10))sql");
    SQLite::Statement village(db,
                              "INSERT INTO agreement_village (agreement, village) VALUES (?1, ?2)");
    SQLite::Statement party(db,
                            "INSERT INTO agreement_partner (agreement, partner) VALUES (?1, ?2)");
    long partners = scaled(2000, scale);
    std::vector<int> partner_regency(static_cast<std::size_t>(partners));
    for (long i = 0; i < partners; ++i) {
        auto kind = rng.below(k_partner_names.size());
        int regency = static_cast<int>(rng.below(c.regencies.size()));
        partner_regency[static_cast<std::size_t>(i)] = regency;
        auto place = c.regency_names[regency];
        if (place.rfind("Kabupaten ", 0) == 0)
            place.erase(0, 10);
        partner.bind(1, static_cast<std::int64_t>(i + 1));
        partner.bind(2, rng.uuid());
        partner.bind(3, fmt::vformat(k_partner_names[kind], fmt::make_format_args(place)));
        partner.bind(4, k_partner_types[kind]);
        partner.bind(5, fmt::format("0812-{:04}-{:04}", rng.below(10000), rng.below(10000)));
        run(partner);
        ++n.partners;
    }
    long agreements = scaled(6000, scale);
    std::vector<Days> signed_on(static_cast<std::size_t>(agreements));
    for (auto& d : signed_on)
        d = random_day(rng, p.first_day, p.today);
    std::sort(signed_on.begin(), signed_on.end());
    for (long i = 0; i < agreements; ++i) {
        auto id = static_cast<std::int64_t>(i + 1);
        auto signed_day = signed_on[static_cast<std::size_t>(i)];
        const auto& program = rng.of(k_programs);
        agreement.bind(1, id);
        agreement.bind(2, rng.uuid());
        agreement.bind(3, fmt::format("Kerja sama {}", program.name));
        agreement.bind(4, rng.of(k_agreement_scopes));
        agreement.bind(5, iso(signed_day));
        std::optional<Days> until;
        if (rng.chance(0.9))
            until = signed_day + std::chrono::days{365 * rng.between(1, 5)};
        if (until)
            agreement.bind(6, iso(*until));
        else
            agreement.bind(6);
        auto end_by = until ? std::min(*until, p.today) : p.today;
        if (end_by > signed_day + std::chrono::days{30} && rng.chance(0.1))
            agreement.bind(7, iso(random_day(rng, signed_day + std::chrono::days{30}, end_by)));
        else
            agreement.bind(7);
        agreement.bind(8, fmt::format("{}/KSD/{}/{}", 140 + rng.below(10),
                                      static_cast<int>(core::Date{signed_day}.year()), i + 1));
        agreement.bind(9, iso(signed_day - std::chrono::days{rng.between(7, 60)}));
        if (rng.chance(0.8))
            agreement.bind(10, static_cast<std::int64_t>(rng.between(1, 200)) * 10'000'000);
        else
            agreement.bind(10);
        run(agreement);
        ++n.agreements;
        // 2 to 4 villages of one kecamatan (else of its kabupaten).
        int first = static_cast<int>(rng.below(c.villages.size()));
        std::vector<int> parties{first};
        int wanted = rng.between(2, 4);
        for (int tries = 0; static_cast<int>(parties.size()) < wanted && tries < 20; ++tries) {
            const auto& pool = rng.chance(0.7) ? c.districts[c.villages[first].district]
                                               : c.regencies[c.villages[first].regency];
            int other = pool[rng.below(pool.size())];
            if (std::find(parties.begin(), parties.end(), other) == parties.end())
                parties.push_back(other);
        }
        for (int v : parties) {
            village.bind(1, id);
            village.bind(2, c.villages[v].id);
            run(village);
        }
        int with = rng.chance(0.6) ? rng.between(1, 2) : 0;
        std::vector<std::int64_t> chosen;
        for (int k = 0; k < with; ++k) {
            auto pid = static_cast<std::int64_t>(rng.below(static_cast<std::size_t>(partners))) + 1;
            if (std::find(chosen.begin(), chosen.end(), pid) != chosen.end())
                continue;
            chosen.push_back(pid);
            party.bind(1, id);
            party.bind(2, pid);
            run(party);
        }
    }
}

// The secondary indexes of the bulk tables, as sqlite_schema holds them: dropped before the
// load and created again after it, from the same SQL.
std::vector<std::pair<std::string, std::string>> drop_indexes(SQLite::Database& db) {
    std::vector<std::pair<std::string, std::string>> indexes;
    SQLite::Statement stmt(db, R"sql(
SELECT name, sql FROM sqlite_schema
WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (
  'forum_member', 'meeting', 'meeting_attendee', 'action', 'visit', 'visit_visitor', 'lesson',
  'lesson_topic', 'adoption', 'agreement', 'agreement_village', 'agreement_partner')
ORDER BY rowid)sql");
    while (stmt.executeStep())
        indexes.emplace_back(stmt.getColumn(0).getString(), stmt.getColumn(1).getString());
    for (const auto& [name, sql] : indexes)
        db.exec("DROP INDEX \"" + name + "\""); // names from sqlite_schema, not from input
    return indexes;
}

double seconds_since(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

struct Options {
    std::filesystem::path log, wilayah;
    double scale = 1.0;
    std::uint64_t seed = 7;
    std::chrono::year_month end{std::chrono::year{2026}, std::chrono::November};
};

int usage() {
    std::cerr << "usage: kades_national_gen LOG WILAYAH_DIR [--scale F] [--seed N] "
                 "[--end YYYY-MM]\n";
    return 2;
}

std::optional<Options> parse(int argc, char** argv) {
    Options o;
    std::vector<std::string> positional;
    for (int i = 1; i < argc; ++i) {
        std::string arg = argv[i];
        bool has_value = i + 1 < argc;
        if (arg == "--scale" && has_value) {
            o.scale = std::stod(argv[++i]);
        } else if (arg == "--seed" && has_value) {
            o.seed = std::stoull(argv[++i]);
        } else if (arg == "--end" && has_value) {
            auto date = core::parse_iso_date(std::string(argv[++i]) + "-01");
            if (!date)
                return std::nullopt;
            o.end = date->year() / date->month();
        } else if (arg.rfind("--", 0) == 0) {
            return std::nullopt;
        } else {
            positional.push_back(arg);
        }
    }
    if (positional.size() != 2 || !(o.scale > 0.0 && o.scale <= 1.0))
        return std::nullopt;
    o.log = positional[0];
    o.wilayah = positional[1];
    return o;
}

} // namespace

int main(int argc, char** argv) {
    auto options = parse(argc, argv);
    if (!options)
        return usage();
    const auto& o = *options;
    if (std::filesystem::exists(o.log)) {
        std::cerr << "kades_national_gen: " << o.log << " exists already\n";
        return 2;
    }
    auto started = Clock::now();
    try {
        using namespace std::chrono;
        Rng rng(o.seed);
        Plan plan;
        auto first_month = o.end - months{119};
        plan.first_day = sys_days{first_month / 1};
        plan.today = sys_days{o.end / 27};
        plan.last_day = sys_days{o.end / last};

        // The log, its schema, the regions and the villages, through the store.
        long villages = 0;
        {
            auto log = store::Log::open(o.log, store::OpenMode::write);
            store::import_regions(log, o.wilayah);
            for (const auto& province : store::list_regions(
                     log, store::RegionFilter{std::nullopt, core::RegionLevel::province,
                                              std::nullopt, std::nullopt}))
                villages += store::import_villages_under(log, province.code).added;
            log.commit();
        }
        auto regions_s = seconds_since(started);

        SQLite::Database db(o.log.string(), SQLite::OPEN_READWRITE);
        store::register_indonesian_tokenizer(db.getHandle());
        db.exec("PRAGMA journal_mode = OFF");
        db.exec("PRAGMA synchronous = OFF");
        db.exec("PRAGMA foreign_keys = ON");
        db.exec("PRAGMA cache_size = -1048576"); // 1 GiB
        db.exec("PRAGMA temp_store = MEMORY");
        db.exec("BEGIN IMMEDIATE");
        {
            SQLite::Statement uuid(db, "UPDATE village SET uuid = ?2 WHERE id = ?1");
            SQLite::Statement ids(db, "SELECT id FROM village ORDER BY id");
            std::vector<std::int64_t> all;
            while (ids.executeStep())
                all.push_back(ids.getColumn(0).getInt64());
            for (auto id : all) {
                uuid.bind(1, id);
                uuid.bind(2, rng.uuid());
                run(uuid);
            }
        }
        auto country = load_country(db);

        auto planning = Clock::now();
        plan_meetings(rng, country, o.scale, plan);
        plan_visits(rng, country, scaled(200000, o.scale), plan);
        plan_actions(rng, scaled(1000000, o.scale), plan);
        plan_lessons(rng, country, scaled(840000, o.scale), plan);
        plan_adoptions(rng, country, scaled(300000, o.scale), plan);
        auto planning_s = seconds_since(planning);

        Counts n;
        auto indexes = drop_indexes(db);
        auto step = Clock::now();
        auto report = [&step](const char* what) {
            std::cerr << fmt::format("kades_national_gen: {:<22} {:7.1f} s\n", what,
                                     seconds_since(step));
            step = Clock::now();
        };
        write_forums(db, rng, country, plan, n);
        write_meetings(db, rng, country, plan, n);
        report("forums and meetings");
        write_visits(db, rng, country, plan, n);
        report("visits");
        write_actions(db, rng, country, plan, n);
        report("actions");
        write_lessons(db, rng, country, plan, n);
        report("lessons (FTS5 index)");
        write_adoptions(db, rng, country, plan, n);
        write_agreements(db, rng, country, plan, o.scale, n);
        report("adoptions, agreements");
        for (const auto& [name, sql] : indexes)
            db.exec(sql);
        report("indexes");
        db.exec("COMMIT");
        db.exec("PRAGMA journal_mode = WAL");
        report("commit");

        auto size_mb = static_cast<double>(std::filesystem::file_size(o.log)) / 1048576.0;
        std::cout << fmt::format(
            "kades_national_gen: {} (scale {}, seed {}, {} to {}, today {})\n"
            "  villages      {:>10}   forums {} ({} members)\n"
            "  meetings      {:>10}   held {}, planned {}, cancelled {}; {} attendances, {} "
            "decisions\n"
            "  actions       {:>10}   done {}, open and overdue {}\n"
            "  visits        {:>10}   {} visitors, {} programs\n"
            "  lessons       {:>10}   {} topics\n"
            "  adoptions     {:>10}\n"
            "  partners      {:>10}   agreements {}\n"
            "  log {:.0f} MB; regions and villages {:.1f} s, planning {:.1f} s, total {:.1f} s\n",
            o.log.string(), o.scale, o.seed, iso(plan.first_day), iso(plan.last_day),
            iso(plan.today), villages, n.forums, n.members, n.meetings, n.held, n.planned,
            n.cancelled, n.attendees, n.decisions, n.actions, n.actions_done, n.actions_overdue,
            n.visits, n.visitors, n.programs, n.lessons, n.topics, n.adoptions, n.partners,
            n.agreements, size_mb, regions_s, planning_s, seconds_since(started));
    } catch (const std::exception& e) {
        std::cerr << "kades_national_gen: " << e.what() << '\n';
        std::error_code ec;
        for (const char* suffix : {"", "-wal", "-shm", "-journal"})
            std::filesystem::remove(o.log.string() + suffix, ec);
        return 1;
    }
    return 0;
}
