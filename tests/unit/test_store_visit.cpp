// Tests of src/store/visit*.cpp: visits with their visitors, programs and follow-up actions.

#include "core/date.hpp"
#include "core/error.hpp"
#include "core/id.hpp"
#include "core/visit.hpp"
#include "store/log.hpp"
#include "store/log_impl.hpp"
#include "store/region.hpp"
#include "store/village.hpp"
#include "store/visit.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <doctest/doctest.h>

#include <filesystem>
#include <string>
#include <vector>

using namespace kades;
using core::VisitKind;
using core::VisitStatus;
using store::Log;

namespace {
namespace fs = std::filesystem;

core::Date date(const char* iso) {
    return core::parse_iso_date(iso).value();
}

const core::Date k_today = date("2026-11-27");

// Cipari's eleven villages (caruy-cipari, serang-cipari, sidasari-cipari, ...) and the other
// Sidasari, of Kecamatan Sampang, so that "sidasari" is ambiguous.
Log cipari_log() {
    auto log = Log::open_memory();
    store::import_regions(log, fs::path(__FILE__).parent_path().parent_path() / "data" / "wilayah");
    store::import_villages_under(log, "33.01.18");
    core::VillageFields other;
    other.code = "33.01.17.2004";
    store::add_village(log, other);
    return log;
}

// Caruy and Serang visit Sidasari on 13 November 2026 to learn two of its programs.
core::VisitFields study_fields() {
    core::VisitFields f;
    f.host = "sidasari-cipari";
    f.visitors = {"serang-cipari", "caruy-cipari"};
    f.date = date("2026-11-13");
    f.purpose = "Belajar pengelolaan sampah";
    f.programs = {"Bank sampah", "Pertanian organik"};
    return f;
}

// Four workers from Caruy stay two weeks in Sidasari to learn organic farming.
core::VisitFields exchange_fields() {
    core::VisitFields f;
    f.host = "sidasari-cipari";
    f.visitors = {"caruy-cipari"};
    f.date = date("2026-11-16");
    f.until = date("2026-11-28");
    f.kind = VisitKind::exchange;
    f.workers = 4L;
    f.skill = "Pertanian organik";
    return f;
}

long rows(Log& log, const std::string& table) {
    return store::db_of(log).execAndGet("SELECT count(*) FROM " + table).getInt64();
}

std::vector<std::string> slugs(const std::vector<core::VillageRef>& refs) {
    std::vector<std::string> out;
    for (const auto& ref : refs)
        out.push_back(ref.slug);
    return out;
}

std::vector<std::string> ids(const std::vector<core::Visit>& visits) {
    std::vector<std::string> out;
    for (const auto& v : visits)
        out.push_back(v.uuid);
    return out;
}

// An action following up the visit, written as `action add --visit` will write it.
std::string add_action(Log& log, const core::Visit& v, const std::string& text) {
    auto uuid = core::new_uuid();
    SQLite::Statement stmt(store::db_of(log), R"sql(
INSERT INTO action (uuid, text, owner, due, status, visit)
VALUES (?1, ?2, (SELECT id FROM village WHERE slug = 'caruy-cipari'), '2027-03-31', 'open',
        (SELECT id FROM visit WHERE uuid = ?3)))sql");
    stmt.bind(1, uuid);
    stmt.bind(2, text);
    stmt.bind(3, v.uuid);
    stmt.exec();
    return uuid;
}

} // namespace

TEST_CASE("store::add_visit: the case study, read back whole") {
    auto log = cipari_log();
    auto v = store::add_visit(log, study_fields(), k_today);
    CHECK(v.uuid.size() == 36);
    CHECK(v.kind == VisitKind::study);
    CHECK(v.status == VisitStatus::held);
    CHECK(v.date == date("2026-11-13"));
    CHECK_FALSE(v.until);
    CHECK(v.host == core::VillageRef{"sidasari-cipari", "Sidasari"});
    CHECK(slugs(v.visitors) == std::vector<std::string>{"caruy-cipari", "serang-cipari"});
    CHECK(v.visitors.front().name == "Caruy");
    CHECK(v.programs == std::vector<std::string>{"Bank sampah", "Pertanian organik"});
    CHECK(v.purpose == "Belajar pengelolaan sampah");
    CHECK_FALSE(v.workers);
    CHECK(v.actions.empty());

    auto x = store::add_visit(log, exchange_fields(), k_today);
    CHECK(x.kind == VisitKind::exchange);
    CHECK(x.until == date("2026-11-28"));
    CHECK(x.workers == 4L);
    CHECK(x.skill == "Pertanian organik");
    CHECK(store::resolve_visit(log, core::short_id(x.uuid)).uuid == x.uuid);
}

TEST_CASE("store::add_visit: planned after today, unless --held, which is refused") {
    auto log = cipari_log();
    auto f = study_fields();
    f.date = date("2026-12-13");
    CHECK(store::add_visit(log, f, k_today).status == VisitStatus::planned);
    f.status = VisitStatus::held;
    CHECK_THROWS_AS(store::add_visit(log, f, k_today), core::Refused);
    f = study_fields();
    f.status = VisitStatus::planned;
    CHECK(store::add_visit(log, f, k_today).status == VisitStatus::planned);
    CHECK(rows(log, "visit") == 2);
}

TEST_CASE("store::add_visit: bad input is refused before anything is written") {
    auto log = cipari_log();
    auto refuse = [&](core::VisitFields f, const std::string& names) {
        INFO(names);
        CHECK_THROWS_WITH(store::add_visit(log, f, k_today), doctest::Contains(names.c_str()));
        CHECK(rows(log, "visit") == 0);
        CHECK(rows(log, "visit_visitor") == 0);
        CHECK(rows(log, "visit_program") == 0);
    };
    auto f = study_fields();
    f.visitors.push_back("Sidasari-Cipari");
    refuse(f, "sidasari-cipari cannot visit itself");
    f = study_fields();
    f.visitors.push_back("caruy");
    refuse(f, "caruy-cipari is given twice");
    f = study_fields();
    f.visitors.push_back("nosuch");
    refuse(f, "'nosuch'");
    f = study_fields();
    f.visitors.push_back("sidasari");
    refuse(f, "'sidasari'");
    f = study_fields();
    f.until = date("2026-11-12");
    refuse(f, "2026-11-12");
    f = study_fields();
    f.workers = 4L;
    refuse(f, "--workers 4");
    f = exchange_fields();
    f.workers = 0L;
    refuse(f, "'0'");
    f = study_fields();
    f.visitors.clear();
    refuse(f, "--visitor");
}

TEST_CASE("store::list_visits: by date, filters by village, kind, status and period") {
    auto log = cipari_log();
    auto later = exchange_fields();
    later.date = date("2026-12-07");
    later.until.reset();
    later.host = "caruy-cipari";
    later.visitors = {"cipari-cipari"};
    auto december = store::add_visit(log, later, k_today);
    auto exchange = store::add_visit(log, exchange_fields(), k_today);
    auto study = store::add_visit(log, study_fields(), k_today);
    using Ids = std::vector<std::string>;
    auto list = [&](store::VisitFilter filter) { return ids(store::list_visits(log, filter)); };
    auto by_village = [](const char* ref) {
        store::VisitFilter filter;
        filter.village = ref;
        return filter;
    };
    CHECK(list({}) == Ids{study.uuid, exchange.uuid, december.uuid});
    CHECK(list(by_village("caruy")) == Ids{study.uuid, exchange.uuid, december.uuid});
    CHECK(list(by_village("serang-cipari")) == Ids{study.uuid});
    CHECK(list(by_village("sidasari-cipari")) == Ids{study.uuid, exchange.uuid});
    CHECK(list(by_village("cipari-cipari")) == Ids{december.uuid});
    CHECK(list(by_village("kutasari-cipari")).empty());
    CHECK_THROWS_AS(list(by_village("nosuch")), core::NotFound);
    store::VisitFilter exchanges;
    exchanges.kind = VisitKind::exchange;
    CHECK(list(exchanges) == Ids{exchange.uuid, december.uuid});
    store::VisitFilter planned;
    planned.status = VisitStatus::planned;
    CHECK(list(planned) == Ids{december.uuid});
    // An exchange of two weeks meets a period that holds any of its days.
    auto in_period = [](const char* from, const char* to) {
        store::VisitFilter filter;
        filter.window.period = core::Period{date(from), date(to)};
        return filter;
    };
    CHECK(list(in_period("2026-11-20", "2026-11-30")) == Ids{exchange.uuid});
    CHECK(list(in_period("2026-11-01", "2026-11-15")) == Ids{study.uuid});
    CHECK(list(in_period("2026-11-29", "2026-12-06")).empty());
    store::VisitFilter first;
    first.window.limit = 1;
    CHECK(list(first) == Ids{study.uuid});
}

TEST_CASE("store::edit_visit: visitors added and dropped, programs appended and dropped") {
    auto log = cipari_log();
    auto v = store::add_visit(log, study_fields(), k_today);
    core::VisitFields f;
    f.visitors = {"kutasari-cipari"};
    f.drop_visitors = {"serang-cipari"};
    f.programs = {"Kompos"};
    f.drop_programs = {"bank sampah"};
    f.findings = "Bank sampah dikelola BUMDes";
    auto e = store::edit_visit(log, v, f, k_today);
    CHECK(slugs(e.visitors) == std::vector<std::string>{"caruy-cipari", "kutasari-cipari"});
    CHECK(e.programs == std::vector<std::string>{"Pertanian organik", "Kompos"});
    CHECK(e.findings == "Bank sampah dikelola BUMDes");
    CHECK(e.purpose == v.purpose);
    CHECK(rows(log, "visit_visitor") == 2);
    CHECK(rows(log, "visit_program") == 2);

    core::VisitFields clear;
    clear.purpose = "";
    clear.until = std::optional<core::Date>();
    CHECK(store::edit_visit(log, e, clear, k_today).purpose.empty());
}

TEST_CASE("store::edit_visit: refusals name the value and change nothing") {
    auto log = cipari_log();
    auto v = store::add_visit(log, study_fields(), k_today);
    auto refuse = [&](core::VisitFields f, const std::string& names) {
        INFO(names);
        CHECK_THROWS_WITH(store::edit_visit(log, v, f, k_today), doctest::Contains(names.c_str()));
        CHECK(store::find_visit(log, v.uuid)->visitors == v.visitors);
    };
    core::VisitFields f;
    f.visitors = {"caruy-cipari"};
    refuse(f, "caruy-cipari is already a visitor");
    f = {};
    f.drop_visitors = {"kutasari-cipari"};
    refuse(f, "kutasari-cipari is not a visitor");
    f = {};
    f.drop_visitors = {"caruy-cipari", "serang-cipari"};
    refuse(f, "--visitor");
    f = {};
    f.host = "caruy-cipari";
    refuse(f, "caruy-cipari cannot visit itself");
    f = {};
    f.drop_programs = {"Kompos"};
    refuse(f, "'Kompos'");
    f = {};
    f.date = date("2026-12-01");
    refuse(f, "2026-12-01"); // a held visit cannot move past today
    f = {};
    f.kind = VisitKind::exchange;
    f.workers = 0L;
    refuse(f, "'0'");
}

TEST_CASE("store::edit_visit: an exchange becomes a study visit only without its workers") {
    auto log = cipari_log();
    auto x = store::add_visit(log, exchange_fields(), k_today);
    core::VisitFields f;
    f.kind = VisitKind::study;
    CHECK_THROWS_WITH_AS(store::edit_visit(log, x, f, k_today),
                         doctest::Contains(core::short_id(x.uuid).c_str()), core::Invalid);
    f.workers = std::optional<long>();
    f.skill = "";
    auto s = store::edit_visit(log, x, f, k_today);
    CHECK(s.kind == VisitKind::study);
    CHECK_FALSE(s.workers);
    CHECK(s.skill.empty());
}

TEST_CASE("store::mark_visit_held and cancel_visit follow the visit's day and status") {
    auto log = cipari_log();
    auto f = study_fields();
    f.date = date("2026-12-13");
    auto planned = store::add_visit(log, f, k_today);
    CHECK_THROWS_WITH_AS(store::mark_visit_held(log, planned, k_today),
                         doctest::Contains("2026-12-13"), core::Refused);
    auto cancelled = store::cancel_visit(log, planned, "  jalan longsor ");
    CHECK(cancelled.status == VisitStatus::cancelled);
    CHECK(cancelled.cancel_reason == "jalan longsor");
    CHECK_THROWS_AS(store::cancel_visit(log, cancelled, ""), core::Conflict);

    auto held = store::add_visit(log, study_fields(), k_today);
    CHECK_THROWS_AS(store::mark_visit_held(log, held, k_today), core::Conflict);
    CHECK_THROWS_AS(store::cancel_visit(log, held, ""), core::Refused);

    core::VisitFields back; // reinstated, then held once its day has come
    back.status = VisitStatus::planned;
    back.date = date("2026-11-20");
    auto again = store::edit_visit(log, cancelled, back, k_today);
    CHECK(again.status == VisitStatus::planned);
    CHECK(again.cancel_reason.empty());
    CHECK(store::mark_visit_held(log, again, k_today).status == VisitStatus::held);
}

TEST_CASE("store::remove_visit: refused while actions follow it, visitors and programs go") {
    auto log = cipari_log();
    auto v = store::add_visit(log, study_fields(), k_today);
    auto action = add_action(log, v, "Pilot bank sampah di Caruy");
    v = store::find_visit(log, v.uuid).value();
    REQUIRE(v.actions.size() == 1);
    CHECK(v.actions.front().uuid == action);
    CHECK(v.actions.front().owner.slug == "caruy-cipari");
    CHECK(v.actions.front().due == date("2027-03-31"));
    CHECK_THROWS_WITH_AS(store::remove_visit(log, v),
                         doctest::Contains(core::short_id(action).c_str()), core::Refused);
    CHECK(rows(log, "visit") == 1);

    store::db_of(log).exec("DELETE FROM action");
    store::remove_visit(log, store::find_visit(log, v.uuid).value());
    CHECK(rows(log, "visit") == 0);
    CHECK(rows(log, "visit_visitor") == 0);
    CHECK(rows(log, "visit_program") == 0);
    CHECK_THROWS_AS(store::resolve_visit(log, core::short_id(v.uuid)), core::NotFound);
}
