#pragma once
// What sharing prints: import and sync summaries, this copy and the others, overwritten values.

#include "core/share.hpp"
#include "render/options.hpp"

#include <ostream>
#include <vector>

namespace kades::render {

// "3 villages, 9 lessons": records by kind, in the kinds' own words.
std::string kind_counts(const core::KindCounts& counts);

void import_result(std::ostream& out, const core::ImportResult& result, const std::string& file,
                   const Options& options);
// The summary on stdout; files that were not applied go to `warnings` (stderr).
void sync_result(std::ostream& out, std::ostream& warnings, const core::SyncResult& result,
                 const std::string& dir, const Options& options);
void sync_status(std::ostream& out, const core::ReplicaStatus& status, const Options& options);
void sync_conflicts(std::ostream& out, const std::vector<core::Overwritten>& list,
                    const Options& options);

} // namespace kades::render
