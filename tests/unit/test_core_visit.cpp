// Tests of src/core/visit.cpp: kinds, statuses and the rules a visit keeps.

#include "core/error.hpp"
#include "core/visit.hpp"

#include <doctest/doctest.h>
#include <fmt/format.h>

#include <string>
#include <string_view>

using namespace kades;
using core::VisitKind;
using core::VisitStatus;

namespace {

// A value as a refusal quotes it. (fmt, not "'" + string: GCC 12 warns wrongly on that at -O3.)
std::string quoted(std::string_view text) {
    return fmt::format("'{}'", text);
}

core::Date date(const char* iso) {
    return core::parse_iso_date(iso).value();
}

// Caruy and Serang visit Sidasari on 13 November 2026: a valid study visit.
core::Visit study_visit() {
    core::Visit v;
    v.date = date("2026-11-13");
    v.host = {"sidasari-cipari", "Sidasari"};
    v.visitors = {{"caruy-cipari", "Caruy"}, {"serang-cipari", "Serang"}};
    v.programs = {"Bank sampah", "Pertanian organik"};
    return v;
}

// The message of the Invalid that check_visit throws, or "" when it passes.
std::string refusal(const core::Visit& v) {
    try {
        core::check_visit(v);
    } catch (const core::Invalid& e) {
        return e.what();
    }
    return "";
}

bool has(const std::string& text, const std::string& needle) {
    return text.find(needle) != std::string::npos;
}

} // namespace

TEST_CASE("core::parse_visit_kind: English keys and Indonesian aliases, any case") {
    CHECK(core::parse_visit_kind("study") == VisitKind::study);
    CHECK(core::parse_visit_kind(" Studi ") == VisitKind::study);
    CHECK(core::parse_visit_kind("EXCHANGE") == VisitKind::exchange);
    CHECK(core::parse_visit_kind("pertukaran") == VisitKind::exchange);
    CHECK(core::parse_visit_kind("other") == VisitKind::other);
    CHECK(core::parse_visit_kind("lainnya") == VisitKind::other);
    CHECK_THROWS_WITH_AS(core::parse_visit_kind("tour"), doctest::Contains("'tour'"),
                         core::Invalid);
    for (auto kind : {VisitKind::study, VisitKind::exchange, VisitKind::other}) {
        CHECK(core::parse_visit_kind(core::visit_kind_key(kind)) == kind);
        CHECK_FALSE(core::visit_kind_label(kind).empty());
    }
    CHECK(core::visit_kind_key(VisitKind::exchange) == "exchange");
}

TEST_CASE("core::parse_visit_status: keys and Indonesian aliases") {
    CHECK(core::parse_visit_status("planned") == VisitStatus::planned);
    CHECK(core::parse_visit_status("rencana") == VisitStatus::planned);
    CHECK(core::parse_visit_status("Terlaksana") == VisitStatus::held);
    CHECK(core::parse_visit_status("batal") == VisitStatus::cancelled);
    CHECK(core::visit_status_key(VisitStatus::cancelled) == "cancelled");
    CHECK_THROWS_WITH_AS(core::parse_visit_status("done"), doctest::Contains("'done'"),
                         core::Invalid);
}

TEST_CASE("core::visit_status_for: planned after today, held today or before, as asked") {
    auto today = date("2026-11-27");
    CHECK(core::visit_status_for(date("2026-11-28"), today, {}) == VisitStatus::planned);
    CHECK(core::visit_status_for(date("2026-11-27"), today, {}) == VisitStatus::held);
    CHECK(core::visit_status_for(date("2026-11-13"), today, {}) == VisitStatus::held);
    CHECK(core::visit_status_for(date("2026-11-13"), today, VisitStatus::planned) ==
          VisitStatus::planned);
    CHECK(core::visit_status_for(date("2026-11-27"), today, VisitStatus::held) ==
          VisitStatus::held);
    CHECK_THROWS_WITH_AS(core::visit_status_for(date("2026-11-28"), today, VisitStatus::held),
                         doctest::Contains("2026-11-28"), core::Refused);
}

TEST_CASE("core::check_visit: the case study passes, as study and as exchange") {
    auto v = study_visit();
    CHECK(refusal(v).empty());
    v.kind = VisitKind::exchange;
    v.visitors = {{"caruy-cipari", "Caruy"}};
    v.until = date("2026-11-27");
    v.workers = 4;
    v.skill = "Pertanian organik";
    CHECK(refusal(v).empty());
    v.until = v.date; // a one-day visit may give its end
    CHECK(refusal(v).empty());
    v.kind = VisitKind::other; // workers and a skill are not only for an exchange
    CHECK(refusal(v).empty());
}

TEST_CASE("core::check_visit: visitors are at least one, each once, never the host") {
    auto v = study_visit();
    v.visitors.push_back(v.host);
    CHECK(has(refusal(v), "sidasari-cipari cannot visit itself"));
    v = study_visit();
    v.visitors.push_back({"caruy-cipari", "Caruy"});
    CHECK(has(refusal(v), "caruy-cipari is given twice"));
    v.visitors.clear();
    CHECK(has(refusal(v), "--visitor"));
}

TEST_CASE("core::check_visit: no end before the start") {
    auto v = study_visit();
    v.until = date("2026-11-12");
    auto message = refusal(v);
    CHECK(has(message, "2026-11-12"));
    CHECK(has(message, "2026-11-13"));
}

TEST_CASE("core::check_visit: a study visit has no workers or skill, an exchange 1 or more") {
    auto v = study_visit();
    v.workers = 4;
    CHECK(has(refusal(v), "--workers 4"));
    try {
        core::check_visit(v);
    } catch (const core::Invalid& e) {
        REQUIRE_FALSE(e.hints().empty());
        CHECK(has(e.hints().front(), "--kind exchange"));
    }
    v.workers.reset();
    v.skill = "Kompos";
    CHECK(has(refusal(v), "'Kompos'"));
    v.skill.clear();
    v.kind = VisitKind::exchange;
    for (long bad : {0L, -2L}) {
        v.workers = bad;
        CHECK(has(refusal(v), quoted(std::to_string(bad))));
    }
    v.workers.reset(); // an exchange whose number is not known yet
    CHECK(refusal(v).empty());
}

TEST_CASE("core::check_visit: a program is given once, whatever its case") {
    auto v = study_visit();
    v.programs.push_back("bank SAMPAH");
    CHECK(has(refusal(v), "'bank SAMPAH'"));
}

TEST_CASE("core::normalize_visit_fields: trims, an empty host, visitor or program is refused") {
    core::VisitFields f;
    f.host = "  sidasari-cipari ";
    f.visitors = {" caruy-cipari"};
    f.programs = {" Bank sampah "};
    f.purpose = "  belajar  ";
    core::normalize_visit_fields(f);
    CHECK(*f.host == "sidasari-cipari");
    CHECK(f.visitors.front() == "caruy-cipari");
    CHECK(f.programs.front() == "Bank sampah");
    CHECK(*f.purpose == "belajar");

    core::VisitFields empty_program;
    empty_program.programs = {" "};
    CHECK_THROWS_WITH_AS(core::normalize_visit_fields(empty_program),
                         doctest::Contains("--program"), core::Invalid);
    core::VisitFields empty_visitor;
    empty_visitor.visitors = {""};
    CHECK_THROWS_WITH_AS(core::normalize_visit_fields(empty_visitor),
                         doctest::Contains("--visitor"), core::Invalid);
    core::VisitFields empty_host;
    empty_host.host = "";
    CHECK_THROWS_WITH_AS(core::normalize_visit_fields(empty_host), doctest::Contains("--host"),
                         core::Invalid);
    core::VisitFields bad_utf8;
    bad_utf8.findings = std::string("\xff");
    CHECK_THROWS_AS(core::normalize_visit_fields(bad_utf8), core::Invalid);
}
