#pragma once
#include "core/visit.hpp"
#include "render/json.hpp"
#include "render/options.hpp"

#include <optional>
#include <ostream>
#include <string>
#include <vector>

namespace kades::render {

// JSON of a visit (spec: id, uuid, kind, status, date, until, host, visitors, purpose,
// programs, findings, workers, skill; and actions, cancel_reason). Absent values are null.
Json visit_json(const core::Visit& visit);

// A visit list in table, markdown, json or csv.
void visits(std::ostream& out, const std::vector<core::Visit>& visits, const Options& options);

// `visit show`: the visit whole, with its visitors, programs and actions; csv is the one-row
// list.
void visit_record(std::ostream& out, const core::Visit& visit, const Options& options);

// "3f9a0c12 Caruy, Serang → Sidasari (13 Nov 2026)" for confirmations.
std::string visit_label(const core::Visit& visit, core::Lang lang);

// The days of a visit: "13 Nov 2026", "13–27 Nov 2026", "28 Nov – 12 Dec 2026"; with
// long_names, the months written out.
std::string date_range(core::Date from, std::optional<core::Date> until, core::Lang lang,
                       bool long_names = false);

} // namespace kades::render
