#pragma once
// Render-internal: the sections of the monthly report's document.

#include "core/report.hpp"
#include "render/json.hpp"
#include "render/report_doc.hpp"

namespace kades::render::sections {

void lessons(Document& doc, const core::MonthlyReport& r, core::Lang lang);
void adoptions(Document& doc, const core::MonthlyReport& r);
void actions(Document& doc, const core::MonthlyReport& r, core::Lang lang);
void agreements(Document& doc, const core::MonthlyReport& r, core::Lang lang);
void villages(Document& doc, const core::MonthlyReport& r);
void planned(Document& doc, const core::MonthlyReport& r, core::Lang lang);
void network(Document& doc, const core::MonthlyReport& r);

// A count as trnf takes it ("{} lesson" / "{} lessons").
unsigned long ul(long n);

// A Mermaid node id from a slug ("v_" and the slug, hyphens made underscores) and a label
// with its quotes and angle brackets escaped.
std::string mermaid_id(const std::string& slug);
std::string mermaid_label(const std::string& name);
// A Mermaid `graph LR` of links; every label quoted and its quotes escaped.
std::string mermaid_graph(const std::vector<core::NetworkLink>& links);
// A Mermaid pie of lessons by topic (Markdown only), each topic labelled as a heading.
Block topic_pie(const std::vector<std::pair<std::string, long>>& counts);
std::string names(const std::vector<core::VillageRef>& villages); // "Caruy, Serang"
std::string adopter_names(const std::vector<core::LessonAdopter>& adopters);

} // namespace kades::render::sections

namespace kades::render {

// Opens a report's JSON object with its period (from and to, both null for the whole log)
// and scope (the forum's short id and the region code, null when not given; then the
// report's own filters, null when empty).
void begin_report_json(
    JsonWriter& w, const core::Period& period, bool all_time, const core::ReportScope& scope,
    std::initializer_list<std::pair<std::string_view, std::string_view>> filters = {});
// A link's counts by kind: meetings, visits, adoptions, agreements.
JsonWriter& link_kinds(JsonWriter& w, const core::NetworkLink& link);

// The JSON arrays the reports share.
void lessons_json(JsonWriter& w, const std::vector<core::ReportLesson>& lessons);
void adoptions_json(JsonWriter& w, const std::vector<core::ReportAdoption>& adoptions);
void agreements_json(JsonWriter& w, const std::vector<core::ReportAgreement>& agreements);

} // namespace kades::render
