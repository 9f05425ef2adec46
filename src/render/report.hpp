#pragma once
// The reports in every format they offer. The numbers come from src/report; these only
// lay them out.

#include "core/report.hpp"
#include "render/json.hpp"
#include "render/options.hpp"

#include <optional>
#include <ostream>
#include <string>

namespace kades::render {

// `report monthly` / `report period`: table, markdown, json, csv (the meetings), whatsapp.
void monthly_report(std::ostream& out, const core::MonthlyReport& report, const Options& options);
void monthly_json(std::ostream& out, const core::MonthlyReport& report);

// `report network`: table, json, dot (Graphviz), mermaid.
void network_report(std::ostream& out, const core::NetworkReport& report, const Options& options);
void network_json(std::ostream& out, const core::NetworkReport& report);
std::string network_dot(const core::NetworkReport& report);
std::string network_mermaid(const core::NetworkReport& report);

// `report village`: table, markdown, json, csv (the figures), whatsapp.
void village_report(std::ostream& out, const core::VillageReport& report, const Options& options);
void village_json(std::ostream& out, const core::VillageReport& report);

// `report lessons`: table, markdown, json, csv (one row a lesson), whatsapp.
void lessons_report(std::ostream& out, const core::LessonsReport& report, const Options& options);
void lessons_report_json(std::ostream& out, const core::LessonsReport& report);

// Shared by the report renderers.
std::string percent_text(const std::optional<double>& rate);          // "64%", "—" when none
std::string rupiah_text(long long amount);                            // "Rp 12.500.000"
std::string lesson_kind_label(const std::string& key);                // translated
std::string adoption_status_label(const std::string& key);            // translated
std::string visit_kind_label(const std::string& key);                 // translated
std::string day_month(core::Date date, core::Lang lang);              // "6 Nov"
std::string period_text(const core::Period& period, core::Lang lang); // "1–30 November 2026"
// A topic as a heading: kept lower-case in the log, its first letter raised here; the empty
// topic is the lessons that have none.
std::string topic_label(const std::string& topic);
std::string scope_suffix(const core::ReportScope& scope); // " · Forum Kades Cipari", ""

} // namespace kades::render
