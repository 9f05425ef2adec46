// Tests of src/store/partner.cpp: partners, with the agreements and villages they are joined to.

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
using core::PartnerType;
using store::Log;

namespace {
namespace fs = std::filesystem;

core::Date date(const char* iso) {
    return core::parse_iso_date(iso).value();
}

const core::Date k_today = date("2026-11-27");

// Cipari's eleven villages (caruy-cipari, serang-cipari, sidasari-cipari, ...).
Log cipari_log() {
    auto log = Log::open_memory();
    store::import_regions(log, fs::path(__FILE__).parent_path().parent_path() / "data" / "wilayah");
    store::import_villages_under(log, "33.01.18");
    return log;
}

core::PartnerFields fields(const char* name, PartnerType type) {
    core::PartnerFields f;
    f.name = name;
    f.type = type;
    return f;
}

core::Partner ngo(Log& log) {
    auto f = fields("Yayasan Bumi Lestari", PartnerType::ngo);
    f.contact = "Bu Rina, 0812 2700 1234";
    return store::add_partner(log, f, k_today);
}

// An agreement of the partner with `villages`, signed on `signed_on`.
core::Agreement agreement(Log& log, const core::Partner& p, std::vector<std::string> villages,
                          const char* signed_on, const char* title) {
    core::AgreementFields f;
    f.title = title;
    f.scope = core::AgreementScope::empowerment;
    f.signed_on = date(signed_on);
    f.villages = std::move(villages);
    f.partners = {core::short_id(p.uuid)};
    return store::add_agreement(log, f, k_today);
}

long rows(Log& log, const std::string& table) {
    return store::db_of(log).execAndGet("SELECT count(*) FROM " + table).getInt64();
}

std::vector<std::string> names(const std::vector<core::Partner>& partners) {
    std::vector<std::string> out;
    for (const auto& p : partners)
        out.push_back(p.name);
    return out;
}

} // namespace

TEST_CASE("store::add_partner: read back whole, found by a prefix of its id") {
    auto log = cipari_log();
    auto p = ngo(log);
    CHECK(p.uuid.size() == 36);
    CHECK(p.name == "Yayasan Bumi Lestari");
    CHECK(p.type == PartnerType::ngo);
    CHECK(p.contact == "Bu Rina, 0812 2700 1234");
    CHECK(p.note.empty());
    CHECK(p.agreements.empty());
    CHECK(p.villages.empty());
    CHECK(store::resolve_partner(log, p.uuid.substr(0, 4), k_today).uuid == p.uuid);
    CHECK_FALSE(store::find_partner(log, core::new_uuid(), k_today));
    CHECK_THROWS_AS(store::resolve_partner(log, "ffff0000", k_today), core::NotFound);
}

TEST_CASE("store::add_partner: a name taken (any case), or no name or type, is refused") {
    auto log = cipari_log();
    ngo(log);
    CHECK_THROWS_WITH_AS(
        store::add_partner(log, fields("yayasan bumi lestari", PartnerType::company), k_today),
        doctest::Contains("'yayasan bumi lestari'"), core::Conflict);
    core::PartnerFields no_type;
    no_type.name = "PT Semen";
    CHECK_THROWS_WITH_AS(store::add_partner(log, no_type, k_today), doctest::Contains("--type"),
                         core::Invalid);
    core::PartnerFields no_name;
    no_name.type = PartnerType::company;
    CHECK_THROWS_AS(store::add_partner(log, no_name, k_today), core::Invalid);
    CHECK(rows(log, "partner") == 1);
}

TEST_CASE("store::edit_partner: changes what is given, an empty contact clears it") {
    auto log = cipari_log();
    auto p = ngo(log);
    core::PartnerFields f;
    f.type = PartnerType::other;
    f.contact = "";
    f.note = "Pendamping bank sampah";
    auto e = store::edit_partner(log, p, f, k_today);
    CHECK(e.name == p.name);
    CHECK(e.type == PartnerType::other);
    CHECK(e.contact.empty());
    CHECK(e.note == "Pendamping bank sampah");
    CHECK(store::db_of(log).execAndGet("SELECT contact IS NULL FROM partner").getInt() == 1);
    store::add_partner(log, fields("PT Semen Nusantara", PartnerType::company), k_today);
    core::PartnerFields rename;
    rename.name = "PT SEMEN NUSANTARA";
    CHECK_THROWS_AS(store::edit_partner(log, e, rename, k_today), core::Conflict);
    rename.name = "Yayasan BUMI Lestari"; // its own name in another case
    CHECK(store::edit_partner(log, e, rename, k_today).name == "Yayasan BUMI Lestari");
}

TEST_CASE("store: a partner's agreements, with statuses of today, and its villages") {
    auto log = cipari_log();
    auto p = ngo(log);
    auto later =
        agreement(log, p, {"sidasari-cipari", "caruy-cipari"}, "2026-01-15", "Bank sampah");
    auto first = agreement(log, p, {"caruy-cipari"}, "2025-03-01", "Kompos");
    core::AgreementFields until;
    until.until = date("2025-12-31");
    store::edit_agreement(log, first, until, k_today);
    auto found = store::resolve_partner(log, core::short_id(p.uuid), k_today);
    REQUIRE(found.agreements.size() == 2);
    CHECK(found.agreements[0].uuid == first.uuid);
    CHECK(found.agreements[0].title == "Kompos");
    CHECK(found.agreements[0].until == date("2025-12-31"));
    CHECK(found.agreements[0].status == core::AgreementStatus::expired);
    CHECK(found.agreements[1].uuid == later.uuid);
    CHECK(found.agreements[1].signed_on == date("2026-01-15"));
    CHECK(found.agreements[1].status == core::AgreementStatus::active);
    REQUIRE(found.villages.size() == 2); // Caruy once, though in both agreements
    CHECK(found.villages[0] == core::VillageRef{"caruy-cipari", "Caruy"});
    CHECK(found.villages[1].slug == "sidasari-cipari");
}

TEST_CASE("store::list_partners: by name, by type and by the villages of their agreements") {
    auto log = cipari_log();
    auto p = ngo(log);
    auto company =
        store::add_partner(log, fields("PT Semen Nusantara", PartnerType::company), k_today);
    store::add_partner(log, fields("Universitas Jenderal Soedirman", PartnerType::university),
                       k_today);
    agreement(log, p, {"sidasari-cipari", "caruy-cipari"}, "2026-01-15", "Bank sampah");
    agreement(log, company, {"serang-cipari"}, "2026-02-01", "CSR jalan desa");
    using Names = std::vector<std::string>;
    auto list = [&](store::PartnerFilter filter) {
        return names(store::list_partners(log, filter, k_today));
    };
    CHECK(list({}) ==
          Names{"PT Semen Nusantara", "Universitas Jenderal Soedirman", "Yayasan Bumi Lestari"});
    store::PartnerFilter by_type;
    by_type.type = PartnerType::ngo;
    CHECK(list(by_type) == Names{"Yayasan Bumi Lestari"});
    store::PartnerFilter by_village;
    by_village.village = "caruy";
    CHECK(list(by_village) == Names{"Yayasan Bumi Lestari"});
    by_village.village = "kutasari-cipari";
    CHECK(list(by_village).empty());
    by_village.village = "nosuch";
    CHECK_THROWS_AS(list(by_village), core::NotFound);
    store::PartnerFilter limited;
    limited.limit = 1;
    CHECK(list(limited) == Names{"PT Semen Nusantara"});
}

TEST_CASE("store::remove_partner: refused while agreements name it, naming them") {
    auto log = cipari_log();
    auto p = ngo(log);
    auto a = agreement(log, p, {"sidasari-cipari"}, "2026-01-15", "Bank sampah");
    auto named = store::resolve_partner(log, p.uuid, k_today);
    try {
        store::remove_partner(log, named);
        FAIL("not refused");
    } catch (const core::Refused& e) {
        CHECK(std::string(e.what()).find(core::short_id(a.uuid)) != std::string::npos);
        REQUIRE(e.hints().size() == 2);
        CHECK(e.hints()[0].find("Bank sampah") != std::string::npos);
    }
    CHECK(rows(log, "partner") == 1);
    store::remove_agreement(log, a);
    store::remove_partner(log, store::resolve_partner(log, p.uuid, k_today));
    CHECK(rows(log, "partner") == 0);
}
