// Tests of src/store/agreement*.cpp: agreements with their villages and partners.

#include "core/agreement.hpp"
#include "core/date.hpp"
#include "core/error.hpp"
#include "core/id.hpp"
#include "core/partner.hpp"
#include "store/agreement.hpp"
#include "store/log.hpp"
#include "store/log_impl.hpp"
#include "store/partner.hpp"
#include "store/region.hpp"
#include "store/village.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <doctest/doctest.h>

#include <filesystem>
#include <string>
#include <vector>

using namespace kades;
using core::AgreementScope;
using core::AgreementStatus;
using store::Log;

namespace {
namespace fs = std::filesystem;

core::Date date(const char* iso) {
    return core::parse_iso_date(iso).value();
}

const core::Date k_today = date("2026-11-27");

// Cipari's eleven villages, the other Sidasari (of Sampang, so that "sidasari" is ambiguous),
// and the NGO of the waste bank.
Log cipari_log() {
    auto log = Log::open_memory();
    store::import_regions(log, fs::path(__FILE__).parent_path().parent_path() / "data" / "wilayah");
    store::import_villages_under(log, "33.01.18");
    core::VillageFields other;
    other.code = "33.01.17.2004";
    store::add_village(log, other);
    core::PartnerFields ngo;
    ngo.name = "Yayasan Bumi Lestari";
    ngo.type = core::PartnerType::ngo;
    store::add_partner(log, ngo, k_today);
    return log;
}

std::string ngo_id(Log& log) {
    return core::short_id(
        store::db_of(log).execAndGet("SELECT uuid FROM partner LIMIT 1").getString());
}

// Sidasari and Caruy with the NGO on the waste bank: Rp 25.000.000 for a year.
core::AgreementFields waste_bank(Log& log) {
    core::AgreementFields f;
    f.title = "Bank sampah bersama";
    f.villages = {"sidasari-cipari", "caruy"};
    f.partners = {ngo_id(log)};
    f.scope = AgreementScope::empowerment;
    f.signed_on = date("2026-01-15");
    f.until = date("2027-01-14");
    f.mad = date("2026-01-05");
    f.number = "01/PB/2026";
    f.funding = core::Rupiah{25'000'000};
    return f;
}

// Two villages alone, on a road between them, signed on `signed_on`, in force until `until`.
core::AgreementFields road(const char* signed_on, std::optional<core::Date> until) {
    core::AgreementFields f;
    f.title = "Jalan antar desa";
    f.villages = {"serang-cipari", "kutasari-cipari"};
    f.scope = AgreementScope::development;
    f.signed_on = date(signed_on);
    f.until = until;
    return f;
}

long rows(Log& log, const std::string& table) {
    return store::db_of(log).execAndGet("SELECT count(*) FROM " + table).getInt64();
}

std::vector<std::string> slugs(const core::Agreement& a) {
    std::vector<std::string> out;
    for (const auto& v : a.villages)
        out.push_back(v.slug);
    return out;
}

std::vector<std::string> ids(const std::vector<core::Agreement>& list) {
    std::vector<std::string> out;
    for (const auto& a : list)
        out.push_back(a.uuid);
    return out;
}

} // namespace

TEST_CASE("store::add_agreement: the case study, read back whole") {
    auto log = cipari_log();
    auto a = store::add_agreement(log, waste_bank(log), k_today);
    CHECK(a.uuid.size() == 36);
    CHECK(a.title == "Bank sampah bersama");
    CHECK(slugs(a) == std::vector<std::string>{"caruy-cipari", "sidasari-cipari"});
    CHECK(a.villages.front().name == "Caruy");
    REQUIRE(a.partners.size() == 1);
    CHECK(a.partners.front().name == "Yayasan Bumi Lestari");
    CHECK(a.partners.front().type == "ngo");
    CHECK(core::short_id(a.partners.front().uuid) == ngo_id(log));
    CHECK(a.scope == AgreementScope::empowerment);
    CHECK(a.signed_on == date("2026-01-15"));
    CHECK(a.until == date("2027-01-14"));
    CHECK(a.mad == date("2026-01-05"));
    CHECK(a.number == "01/PB/2026");
    CHECK(a.funding == core::Rupiah{25'000'000});
    CHECK_FALSE(a.ended);
    CHECK(a.status == AgreementStatus::active);
    CHECK(store::resolve_agreement(log, core::short_id(a.uuid), k_today).uuid == a.uuid);
    CHECK(store::resolve_agreement(log, a.uuid, date("2027-01-15")).status ==
          AgreementStatus::expired);
}

TEST_CASE("store::add_agreement: bad input is refused before anything is written") {
    auto log = cipari_log();
    auto refuse = [&](const core::AgreementFields& f, const std::string& names) {
        INFO(names);
        CHECK_THROWS_WITH(store::add_agreement(log, f, k_today), doctest::Contains(names.c_str()));
        CHECK(rows(log, "agreement") == 0);
        CHECK(rows(log, "agreement_village") == 0);
        CHECK(rows(log, "agreement_partner") == 0);
    };
    auto f = waste_bank(log);
    f.villages = {"sidasari-cipari"};
    f.partners.clear();
    refuse(f, "sidasari-cipari alone");
    f = waste_bank(log);
    f.villages.push_back("Sidasari-Cipari");
    refuse(f, "sidasari-cipari is given twice");
    f = waste_bank(log);
    f.until = date("2026-01-14");
    refuse(f, "2026-01-14");
    f = waste_bank(log);
    f.mad = date("2026-01-20");
    refuse(f, "2026-01-20");
    f = waste_bank(log);
    f.partners = {"ffff0000"};
    refuse(f, "'ffff0000'");
    f.partners = {"yayasan"};
    refuse(f, "'yayasan'");
    f = waste_bank(log);
    f.partners.push_back(ngo_id(log));
    refuse(f, "is given twice");
    f = waste_bank(log);
    f.villages.push_back("nosuch");
    refuse(f, "'nosuch'");
    f = waste_bank(log);
    f.villages.push_back("sidasari");
    refuse(f, "'sidasari'");
    f = waste_bank(log);
    f.signed_on = date("2026-11-28");
    refuse(f, "2026-11-28");
    f = waste_bank(log);
    f.scope.reset();
    refuse(f, "--scope");
}

TEST_CASE("store::edit_agreement: adds and drops parties, the rule holds after the edit") {
    auto log = cipari_log();
    auto a = store::add_agreement(log, waste_bank(log), k_today);
    core::AgreementFields f;
    f.villages = {"serang-cipari"};
    f.drop_villages = {"caruy"};
    f.drop_partners = {ngo_id(log)};
    f.funding = std::optional<core::Rupiah>();
    f.mad = std::optional<core::Date>();
    f.note = "Tanpa pendamping";
    auto e = store::edit_agreement(log, a, f, k_today);
    CHECK(slugs(e) == std::vector<std::string>{"serang-cipari", "sidasari-cipari"});
    CHECK(e.partners.empty());
    CHECK_FALSE(e.funding);
    CHECK_FALSE(e.mad);
    CHECK(e.note == "Tanpa pendamping");
    CHECK(e.until == date("2027-01-14"));
    CHECK(rows(log, "agreement_partner") == 0);

    auto refuse = [&](const core::AgreementFields& bad, const std::string& names) {
        INFO(names);
        CHECK_THROWS_WITH(store::edit_agreement(log, e, bad, k_today),
                          doctest::Contains(names.c_str()));
        CHECK(slugs(store::resolve_agreement(log, e.uuid, k_today)) == slugs(e));
    };
    core::AgreementFields lone;
    lone.drop_villages = {"serang-cipari"};
    refuse(lone, "sidasari-cipari alone");
    core::AgreementFields again;
    again.villages = {"sidasari"};
    refuse(again, "'sidasari'");
    again.villages = {"sidasari-cipari"};
    refuse(again, "sidasari-cipari is already a party");
    core::AgreementFields not_party;
    not_party.drop_villages = {"caruy-cipari"};
    refuse(not_party, "caruy-cipari is not a party");
    core::AgreementFields not_partner;
    not_partner.drop_partners = {ngo_id(log)};
    refuse(not_partner, "is not a party");
    core::AgreementFields early;
    early.signed_on = date("2027-02-01");
    refuse(early, "2027-02-01");
}

TEST_CASE("store::end_agreement: ended on the day given, refused twice, early or after") {
    auto log = cipari_log();
    auto a = store::add_agreement(log, waste_bank(log), k_today);
    CHECK_THROWS_WITH_AS(store::end_agreement(log, a, date("2026-01-10"), k_today),
                         doctest::Contains("2026-01-10"), core::Invalid);
    CHECK_THROWS_WITH_AS(store::end_agreement(log, a, date("2026-11-28"), k_today),
                         doctest::Contains("2026-11-28"), core::Invalid);
    auto e = store::end_agreement(log, a, date("2026-11-20"), k_today);
    CHECK(e.ended == date("2026-11-20"));
    CHECK(e.status == AgreementStatus::ended);
    CHECK_THROWS_WITH_AS(store::end_agreement(log, e, k_today, k_today),
                         doctest::Contains("2026-11-20"), core::Conflict);
    core::AgreementFields reinstate;
    reinstate.ended = std::optional<core::Date>();
    CHECK(store::edit_agreement(log, e, reinstate, k_today).status == AgreementStatus::active);

    auto old = store::add_agreement(log, road("2025-01-01", date("2025-12-31")), k_today);
    CHECK(old.status == AgreementStatus::expired);
    CHECK_THROWS_WITH_AS(store::end_agreement(log, old, date("2026-01-05"), k_today),
                         doctest::Contains("2025-12-31"), core::Invalid);
    CHECK(store::end_agreement(log, old, date("2025-06-30"), k_today).status ==
          AgreementStatus::ended);
}

TEST_CASE("store::list_agreements: --active, --expiring N, village, partner, scope, period") {
    auto log = cipari_log();
    auto waste = store::add_agreement(log, waste_bank(log), k_today);       // until 2027-01-14
    auto open = store::add_agreement(log, road("2026-03-01", {}), k_today); // no end
    auto soon = store::add_agreement(log, road("2025-12-01", date("2026-12-31")), k_today);
    auto expired = store::add_agreement(log, road("2025-01-01", date("2025-12-31")), k_today);
    auto ended = store::add_agreement(log, road("2026-02-01", date("2026-12-01")), k_today);
    store::end_agreement(log, ended, date("2026-10-01"), k_today);
    using Ids = std::vector<std::string>;
    auto list = [&](store::AgreementFilter filter) {
        return ids(store::list_agreements(log, filter, k_today));
    };
    CHECK(list({}) == Ids{expired.uuid, soon.uuid, waste.uuid, ended.uuid, open.uuid});
    store::AgreementFilter active;
    active.active = true;
    CHECK(list(active) == Ids{soon.uuid, waste.uuid, open.uuid});
    store::AgreementFilter expiring;
    expiring.expiring = 60; // to 2027-01-26, soonest first
    CHECK(list(expiring) == Ids{soon.uuid, waste.uuid});
    expiring.expiring = 34; // 2026-12-31 is 34 days away: inclusive
    CHECK(list(expiring) == Ids{soon.uuid});
    expiring.expiring = 33;
    CHECK(list(expiring).empty());
    store::AgreementFilter village;
    village.village = "caruy";
    CHECK(list(village) == Ids{waste.uuid});
    village.village = "serang-cipari";
    CHECK(list(village) == Ids{expired.uuid, soon.uuid, ended.uuid, open.uuid});
    village.village = "nosuch";
    CHECK_THROWS_AS(list(village), core::NotFound);
    store::AgreementFilter partner;
    partner.partner = ngo_id(log);
    CHECK(list(partner) == Ids{waste.uuid});
    partner.partner = "ffff0000";
    CHECK_THROWS_AS(list(partner), core::NotFound);
    store::AgreementFilter scope;
    scope.scope = AgreementScope::empowerment;
    CHECK(list(scope) == Ids{waste.uuid});
    store::AgreementFilter period;
    period.window.period = core::Period{date("2026-01-01"), date("2026-02-28")};
    CHECK(list(period) == Ids{waste.uuid, ended.uuid});
    period.window.limit = 1;
    CHECK(list(period) == Ids{waste.uuid});
}

TEST_CASE("store::remove_agreement: its villages and partners go with it") {
    auto log = cipari_log();
    auto a = store::add_agreement(log, waste_bank(log), k_today);
    store::remove_agreement(log, a);
    CHECK(rows(log, "agreement") == 0);
    CHECK(rows(log, "agreement_village") == 0);
    CHECK(rows(log, "agreement_partner") == 0);
    CHECK(rows(log, "partner") == 1);
    CHECK_FALSE(store::find_agreement(log, a.uuid, k_today));
}
