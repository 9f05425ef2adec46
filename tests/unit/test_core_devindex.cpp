#include "core/devindex.hpp"
#include "core/error.hpp"

#include <doctest/doctest.h>

#include <limits>

using namespace kades::core;

TEST_CASE("core::parse_index_kind") {
    CHECK(parse_index_kind("idm") == IndexKind::idm);
    CHECK(parse_index_kind("IDM") == IndexKind::idm);
    CHECK(parse_index_kind("id") == IndexKind::id);
    CHECK_THROWS_WITH_AS(parse_index_kind("ipd"), doctest::Contains("'ipd'"), Invalid);
    CHECK_THROWS_AS(parse_index_kind(""), Invalid);
    CHECK(index_kind_key(IndexKind::idm) == "idm");
    CHECK(index_kind_key(IndexKind::id) == "id");
}

TEST_CASE("core::parse_dev_status") {
    CHECK(parse_dev_status("sangat-tertinggal") == DevStatus::sangat_tertinggal);
    CHECK(parse_dev_status("Sangat Tertinggal") == DevStatus::sangat_tertinggal);
    CHECK(parse_dev_status(" sangat  tertinggal ") == DevStatus::sangat_tertinggal);
    CHECK(parse_dev_status("tertinggal") == DevStatus::tertinggal);
    CHECK(parse_dev_status("BERKEMBANG") == DevStatus::berkembang);
    CHECK(parse_dev_status("Maju") == DevStatus::maju);
    CHECK(parse_dev_status("mandiri") == DevStatus::mandiri);
    CHECK(parse_dev_status("very-underdeveloped") == DevStatus::sangat_tertinggal);
    CHECK(parse_dev_status("Very underdeveloped") == DevStatus::sangat_tertinggal);
    CHECK(parse_dev_status("underdeveloped") == DevStatus::tertinggal);
    CHECK(parse_dev_status("developing") == DevStatus::berkembang);
    CHECK(parse_dev_status("advanced") == DevStatus::maju);
    CHECK(parse_dev_status("Independent") == DevStatus::mandiri);
    for (const char* bad : {"", "sangat", "sangattertinggal", "maju-", "developed", "-"}) {
        CAPTURE(bad);
        CHECK_THROWS_AS(parse_dev_status(bad), Invalid);
    }
    CHECK_THROWS_WITH_AS(parse_dev_status("hebat"), doctest::Contains("'hebat'"), Invalid);
}

TEST_CASE("core::dev_status_key and label") {
    CHECK(dev_status_key(DevStatus::sangat_tertinggal) == "sangat-tertinggal");
    CHECK(dev_status_key(DevStatus::mandiri) == "mandiri");
    CHECK(dev_status_label(DevStatus::sangat_tertinggal, Lang::id) == "Sangat Tertinggal");
    CHECK(dev_status_label(DevStatus::sangat_tertinggal, Lang::en) == "Very underdeveloped");
    CHECK(dev_status_label(DevStatus::maju, Lang::id) == "Maju");
    CHECK(dev_status_label(DevStatus::maju, Lang::en) == "Advanced");
    for (auto status : {DevStatus::sangat_tertinggal, DevStatus::tertinggal, DevStatus::berkembang,
                        DevStatus::maju, DevStatus::mandiri}) {
        CHECK(parse_dev_status(dev_status_key(status)) == status);
        CHECK(parse_dev_status(dev_status_label(status, Lang::id)) == status);
        CHECK(parse_dev_status(dev_status_label(status, Lang::en)) == status);
    }
}

TEST_CASE("core::idm_status") {
    CHECK(idm_status(0.0) == DevStatus::sangat_tertinggal);
    CHECK(idm_status(0.4907) == DevStatus::sangat_tertinggal);
    CHECK(idm_status(0.4908) == DevStatus::tertinggal);
    CHECK(idm_status(0.5989) == DevStatus::tertinggal);
    CHECK(idm_status(0.5990) == DevStatus::berkembang);
    CHECK(idm_status(0.7072) == DevStatus::berkembang);
    CHECK(idm_status(0.7073) == DevStatus::maju);
    CHECK(idm_status(0.8155) == DevStatus::maju);
    CHECK(idm_status(0.8156) == DevStatus::mandiri);
    CHECK(idm_status(1.0) == DevStatus::mandiri);
}

TEST_CASE("core::make_index_score") {
    IndexScore s = make_index_score(IndexKind::idm, 0.6512, std::nullopt);
    CHECK(s.kind == IndexKind::idm);
    CHECK(s.score == 0.6512);
    CHECK(s.status == DevStatus::berkembang);
    s = make_index_score(IndexKind::idm, 0.4907, DevStatus::sangat_tertinggal);
    CHECK(s.status == DevStatus::sangat_tertinggal);
    CHECK(make_index_score(IndexKind::idm, 0.0, std::nullopt).status ==
          DevStatus::sangat_tertinggal);
    CHECK(make_index_score(IndexKind::idm, 1.0, std::nullopt).status == DevStatus::mandiri);

    CHECK_THROWS_WITH_AS(make_index_score(IndexKind::idm, 0.4908, DevStatus::sangat_tertinggal),
                         "status 'sangat-tertinggal' does not match IDM score 0.4908 "
                         "(that score means tertinggal): leave --status out",
                         Invalid);
    CHECK_THROWS_WITH_AS(make_index_score(IndexKind::idm, 1.2, std::nullopt),
                         "IDM score 1.2 is out of range: give a number from 0 to 1", Invalid);
    CHECK_THROWS_AS(make_index_score(IndexKind::idm, -0.01, std::nullopt), Invalid);
    const double nan = std::numeric_limits<double>::quiet_NaN();
    CHECK_THROWS_AS(make_index_score(IndexKind::idm, nan, std::nullopt), Invalid);
    CHECK_THROWS_AS(make_index_score(IndexKind::id, nan, DevStatus::maju), Invalid);

    s = make_index_score(IndexKind::id, 72.5, DevStatus::maju);
    CHECK(s.kind == IndexKind::id);
    CHECK(s.status == DevStatus::maju);
    CHECK(make_index_score(IndexKind::id, 0.0, DevStatus::tertinggal).score == 0.0);
    CHECK(make_index_score(IndexKind::id, 100.0, DevStatus::mandiri).score == 100.0);
    CHECK_THROWS_AS(make_index_score(IndexKind::id, 100.5, DevStatus::mandiri), Invalid);
    CHECK_THROWS_AS(make_index_score(IndexKind::id, -1.0, DevStatus::mandiri), Invalid);
    CHECK_THROWS_WITH_AS(make_index_score(IndexKind::id, 72.5, std::nullopt),
                         doctest::Contains("needs --status"), Invalid);
}
