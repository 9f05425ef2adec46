// Tests of src/core/agreement.cpp: scopes, statuses and the rules an agreement keeps.

#include "core/agreement.hpp"
#include "core/error.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace kades;
using core::AgreementScope;
using core::AgreementStatus;

namespace {

core::Date date(const char* iso) {
    return core::parse_iso_date(iso).value();
}

const core::Date k_today = date("2026-11-27");

// Sidasari and Caruy with an NGO on the waste bank, for a year from 15 January 2026.
core::Agreement waste_bank() {
    core::Agreement a;
    a.title = "Bank sampah bersama";
    a.scope = AgreementScope::empowerment;
    a.signed_on = date("2026-01-15");
    a.until = date("2027-01-14");
    a.mad = date("2026-01-05");
    a.funding = 25'000'000;
    a.villages = {{"caruy-cipari", "Caruy"}, {"sidasari-cipari", "Sidasari"}};
    a.partners = {{"3f9a0c12-0000-4000-8000-000000000000", "Yayasan Bumi Lestari", "ngo"}};
    return a;
}

// The message of the Invalid that check_agreement throws, or "" when it passes.
std::string refusal(const core::Agreement& a) {
    try {
        core::check_agreement(a, k_today);
    } catch (const core::Invalid& e) {
        return e.what();
    }
    return "";
}

bool has(const std::string& text, const std::string& needle) {
    return text.find(needle) != std::string::npos;
}

} // namespace

TEST_CASE("core::parse_agreement_scope: the five scopes in English and Indonesian") {
    CHECK(core::parse_agreement_scope("business") == AgreementScope::business);
    CHECK(core::parse_agreement_scope("usaha") == AgreementScope::business);
    CHECK(core::parse_agreement_scope("community") == AgreementScope::community);
    CHECK(core::parse_agreement_scope("Kemasyarakatan") == AgreementScope::community);
    CHECK(core::parse_agreement_scope("services") == AgreementScope::services);
    CHECK(core::parse_agreement_scope("pelayanan") == AgreementScope::services);
    CHECK(core::parse_agreement_scope("development") == AgreementScope::development);
    CHECK(core::parse_agreement_scope("pembangunan") == AgreementScope::development);
    CHECK(core::parse_agreement_scope(" EMPOWERMENT ") == AgreementScope::empowerment);
    CHECK(core::parse_agreement_scope("pemberdayaan") == AgreementScope::empowerment);
    CHECK_THROWS_WITH_AS(core::parse_agreement_scope("tourism"), doctest::Contains("'tourism'"),
                         core::Invalid);
    for (auto scope :
         {AgreementScope::business, AgreementScope::community, AgreementScope::services,
          AgreementScope::development, AgreementScope::empowerment}) {
        CHECK(core::parse_agreement_scope(core::agreement_scope_key(scope)) == scope);
        CHECK_FALSE(core::agreement_scope_label(scope).empty());
    }
}

TEST_CASE("core::agreement_status: ended once ended, expired after its last day, else active") {
    auto until = date("2027-01-14");
    CHECK(core::agreement_status({}, until, k_today) == AgreementStatus::active);
    CHECK(core::agreement_status({}, {}, k_today) == AgreementStatus::active);
    CHECK(core::agreement_status({}, k_today, k_today) == AgreementStatus::active);
    CHECK(core::agreement_status({}, date("2026-11-26"), k_today) == AgreementStatus::expired);
    CHECK(core::agreement_status(k_today, until, k_today) == AgreementStatus::ended);
    CHECK(core::agreement_status(date("2026-06-01"), date("2026-11-01"), k_today) ==
          AgreementStatus::ended);
    // An end still to come (a log read as of an earlier day) leaves it in force until then.
    CHECK(core::agreement_status(date("2026-12-01"), until, k_today) == AgreementStatus::active);
    CHECK(core::agreement_status_key(AgreementStatus::expired) == "expired");
    CHECK(core::agreement_status_label(AgreementStatus::ended) == "Ended");
}

TEST_CASE("core::check_agreement: the case study passes, so do two villages alone") {
    auto a = waste_bank();
    CHECK(refusal(a).empty());
    a.partners.clear();
    CHECK(refusal(a).empty());
    a = waste_bank();
    a.villages.pop_back(); // one village and a partner
    CHECK(refusal(a).empty());
    a.until.reset();
    a.mad.reset();
    a.funding = 0;
    CHECK(refusal(a).empty());
}

TEST_CASE("core::check_agreement: two villages, or a village and a partner, each once") {
    auto a = waste_bank();
    a.partners.clear();
    a.villages.pop_back();
    auto message = refusal(a);
    CHECK(has(message, "caruy-cipari alone"));
    CHECK(has(message, "--partner"));
    a.villages.clear();
    CHECK(has(refusal(a), "--village"));
    a = waste_bank();
    a.villages.push_back({"caruy-cipari", "Caruy"});
    CHECK(has(refusal(a), "caruy-cipari is given twice"));
    a = waste_bank();
    a.partners.push_back(a.partners.front());
    CHECK(has(refusal(a), "Yayasan Bumi Lestari (3f9a0c12) is given twice"));
}

TEST_CASE("core::check_agreement: signed not after today, no end before it, no MAD after") {
    auto a = waste_bank();
    a.signed_on = date("2026-11-28");
    CHECK(has(refusal(a), "2026-11-28"));
    a = waste_bank();
    a.until = date("2026-01-14");
    auto message = refusal(a);
    CHECK(has(message, "2026-01-14"));
    CHECK(has(message, "2026-01-15"));
    a.until = a.signed_on; // an agreement of one day
    CHECK(refusal(a).empty());
    a = waste_bank();
    a.mad = date("2026-01-16");
    message = refusal(a);
    CHECK(has(message, "2026-01-16"));
    CHECK(has(message, "2026-01-15"));
    a.mad = a.signed_on; // agreed and signed on one day
    CHECK(refusal(a).empty());
}

TEST_CASE("core::check_agreement: ended between the signing and today, not after its last day") {
    auto a = waste_bank();
    a.ended = k_today;
    CHECK(refusal(a).empty());
    a.ended = date("2026-01-14");
    auto message = refusal(a);
    CHECK(has(message, "2026-01-14"));
    CHECK(has(message, "2026-01-15"));
    a.ended = date("2026-11-28");
    CHECK(has(refusal(a), "2026-11-28"));
    a = waste_bank();
    a.until = date("2026-06-30");
    a.ended = date("2026-07-01");
    message = refusal(a);
    CHECK(has(message, "2026-07-01"));
    CHECK(has(message, "2026-06-30"));
    a.ended = date("2026-06-30");
    CHECK(refusal(a).empty());
}

TEST_CASE("core::check_agreement: funding is 0 or more") {
    auto a = waste_bank();
    a.funding = -1;
    CHECK(has(refusal(a), "-1"));
}

TEST_CASE("core::normalize_agreement_fields: trims, empty title, village or partner refused") {
    core::AgreementFields f;
    f.title = "  Bank sampah  ";
    f.villages = {" sidasari-cipari "};
    f.partners = {" 3f9a "};
    f.number = " 01/PB/2026 ";
    core::normalize_agreement_fields(f);
    CHECK(*f.title == "Bank sampah");
    CHECK(f.villages.front() == "sidasari-cipari");
    CHECK(f.partners.front() == "3f9a");
    CHECK(*f.number == "01/PB/2026");

    core::AgreementFields blank;
    blank.title = " ";
    CHECK_THROWS_WITH_AS(core::normalize_agreement_fields(blank), doctest::Contains("title"),
                         core::Invalid);
    for (auto list : {&core::AgreementFields::villages, &core::AgreementFields::drop_villages,
                      &core::AgreementFields::partners, &core::AgreementFields::drop_partners}) {
        core::AgreementFields empty;
        (empty.*list).push_back("  ");
        CHECK_THROWS_AS(core::normalize_agreement_fields(empty), core::Invalid);
    }
    core::AgreementFields bad;
    bad.note = std::string("\xc3");
    CHECK_THROWS_AS(core::normalize_agreement_fields(bad), core::Invalid);
}
