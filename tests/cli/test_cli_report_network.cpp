// report network end to end: the case study's network in every format, Graphviz and Mermaid
// output that parse, escaped names, and the refusals.

#include "cli/harness.hpp"

#include <doctest/doctest.h>

#include <fstream>

using kades::test::has;
using kades::test::record_case_study;
using kades::test::refused;
using kades::test::Sandbox;
using kades::test::shell_output;

namespace {

std::vector<std::string> network(const std::string& format) {
    return {"report", "network", "-f", format};
}

// Graphviz's verdict on a DOT text: dot -Tsvg must exit 0 (shell_output fails otherwise).
std::string svg_of(const Sandbox& s, const std::string& dot) {
    auto path = s.dir() / "network.dot";
    std::ofstream(path) << dot;
    return shell_output("dot -Tsvg '" + path.string() + "'");
}

} // namespace

TEST_CASE("cli: report network -f json carries the case study's links") {
    Sandbox s;
    record_case_study(s);
    auto j = s.ok(network("json")).json();
    CHECK(j.at("period").at("from").is_null());
    CHECK(j.at("totals").at("links") == j.at("links").size());
    CHECK(j.at("totals").at("villages") == j.at("villages").size());
    REQUIRE(!j.at("links").empty());
    const auto& top = j.at("links").at(0);
    CHECK(top.at("weight") == top.at("meetings").get<long>() + top.at("visits").get<long>() +
                                  top.at("adoptions").get<long>() +
                                  top.at("agreements").get<long>());
    CHECK(j.at("isolated") == nlohmann::json::array({"segaralangu-cipari"}));
    auto none =
        s.ok({"report", "network", "--from", "2026-05-01", "--to", "2026-05-31", "-f", "json"})
            .json();
    CHECK(none.at("period").at("from") == "2026-05-01");
    CHECK(none.at("links").empty());
    CHECK(none.at("isolated").size() == none.at("villages").size());
}

TEST_CASE("cli: report network table, dot and mermaid") {
    Sandbox s;
    record_case_study(s);
    auto table = s.ok({"report", "network"}).out;
    CHECK(has(table, "Collaboration network — all time"));
    CHECK(has(table, "Villages without a link"));
    CHECK(has(table, "Segaralangu"));
    auto dot = s.ok(network("dot")).out;
    CHECK(dot.rfind("graph network {\n", 0) == 0);
    CHECK(has(dot, "\"segaralangu-cipari\" [label=\"Segaralangu\"];"));
    CHECK(has(svg_of(s, dot), "<svg"));
    auto mermaid = s.ok(network("mermaid")).out;
    CHECK(mermaid.rfind("graph LR\n", 0) == 0);
    CHECK(has(mermaid, "v_segaralangu_cipari[\"Segaralangu\"]"));
    CHECK_FALSE(has(mermaid, "v_segaralangu-cipari"));
}

TEST_CASE("cli: report network escapes names in DOT and Mermaid") {
    Sandbox s;
    s.ok({"village", "add", "Desa \"Uji\" \\ <b>", "--code", "33.01.18.2099"});
    s.ok({"village", "add", "Desa Lain", "--code", "33.01.18.2098"});
    s.ok({"meeting", "add", "Rapat", "--date", "2026-11-03", "--host", "33.01.18.2099",
          "--attendee", "33.01.18.2098"},
         {{"KADES_TODAY", "2026-11-27"}});
    auto dot = s.ok(network("dot")).out;
    CHECK(has(dot, "[label=\"Desa \\\"Uji\\\" \\\\ <b>\"]"));
    CHECK(has(svg_of(s, dot), "Desa &quot;Uji&quot; \\ &lt;b&gt;"));
    auto mermaid = s.ok(network("mermaid")).out;
    CHECK(has(mermaid, "[\"Desa #quot;Uji#quot; \\ #lt;b#gt;\"]"));
    CHECK(has(mermaid, "---|1|"));
}

TEST_CASE("cli: report network refusals") {
    Sandbox s;
    record_case_study(s);
    refused(s, {"report", "network", "-f", "markdown"}, 2, "markdown");
    refused(s, {"report", "network", "--from", "2026-12-01", "--to", "2026-11-01"}, 1,
            "2026-11-01");
    refused(s, {"report", "network", "--under", "x1"}, 1, "x1");
    refused(s, {"report", "network", "--forum", "ffff"}, 1, "ffff");
}
