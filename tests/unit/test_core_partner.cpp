// Tests of src/core/partner.cpp: partner types and the rules of a partner's fields.

#include "core/error.hpp"
#include "core/partner.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace kades;
using core::PartnerType;

TEST_CASE("core::parse_partner_type: English keys and Indonesian words, any case") {
    CHECK(core::parse_partner_type("ngo") == PartnerType::ngo);
    CHECK(core::parse_partner_type(" LSM ") == PartnerType::ngo);
    CHECK(core::parse_partner_type("ornop") == PartnerType::ngo);
    CHECK(core::parse_partner_type("Company") == PartnerType::company);
    CHECK(core::parse_partner_type("perusahaan") == PartnerType::company);
    CHECK(core::parse_partner_type("government") == PartnerType::government);
    CHECK(core::parse_partner_type("pemerintah") == PartnerType::government);
    CHECK(core::parse_partner_type("university") == PartnerType::university);
    CHECK(core::parse_partner_type("universitas") == PartnerType::university);
    CHECK(core::parse_partner_type("kampus") == PartnerType::university);
    CHECK(core::parse_partner_type("other") == PartnerType::other);
    CHECK(core::parse_partner_type("lainnya") == PartnerType::other);
    for (const char* bad : {"bank", "", "ngos"}) {
        auto quoted = std::string("'") + bad + "'";
        CHECK_THROWS_WITH_AS(core::parse_partner_type(bad), doctest::Contains(quoted.c_str()),
                             core::Invalid);
    }
}

TEST_CASE("core::partner_type_key and label: the JSON value, read back, a label to show") {
    for (auto type : {PartnerType::ngo, PartnerType::company, PartnerType::government,
                      PartnerType::university, PartnerType::other}) {
        CHECK(core::parse_partner_type(core::partner_type_key(type)) == type);
        CHECK_FALSE(core::partner_type_label(type).empty());
    }
    CHECK(core::partner_type_key(PartnerType::university) == "university");
    CHECK(core::partner_type_label(PartnerType::ngo) == "NGO");
}

TEST_CASE("core::normalize_partner_fields: trims, an empty contact clears, unset stays unset") {
    core::PartnerFields f;
    f.name = "  Yayasan Bumi Lestari ";
    f.contact = "   ";
    core::normalize_partner_fields(f);
    CHECK(*f.name == "Yayasan Bumi Lestari");
    CHECK(f.contact == std::optional<std::string>(""));
    CHECK_FALSE(f.note);
    CHECK_FALSE(f.type);
}

TEST_CASE("core::normalize_partner_fields: an empty name or invalid UTF-8 is refused") {
    core::PartnerFields blank;
    blank.name = " ";
    CHECK_THROWS_WITH_AS(core::normalize_partner_fields(blank), doctest::Contains("name"),
                         core::Invalid);
    core::PartnerFields bad;
    bad.note = std::string("catatan \xff");
    CHECK_THROWS_WITH_AS(core::normalize_partner_fields(bad), doctest::Contains("--note"),
                         core::Invalid);
}
