#pragma once
// Sharing the log between copies: export, import, and sync through a folder. Every write is
// recorded field by field with a hybrid-logical-clock stamp (migration 8's triggers); these
// read and merge that record. See ARCHITECTURE.md (Sharing) and docs/sharing.md.

#include "core/share.hpp"
#include "store/log.hpp"

#include <filesystem>
#include <iosfwd>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace kades::store {

using core::ImportResult;
using core::KindCounts;
using core::Overwritten;
using core::PeerChanges;
using core::PeerStatus;
using core::ReplicaStatus;
using core::SkippedFile;
using core::SyncResult;

struct ExportOptions {
    std::optional<std::string> since; // an ISO date: the changes stamped from then on
    bool redact_contacts = false;
};
KindCounts export_log(Log& log, std::ostream& out, const ExportOptions& options);

// Merges an export. Refuses (core::Invalid) a file that is not an export, is truncated,
// is of a newer format, or names records that neither it nor the log holds.
ImportResult import_file(Log& log, const std::filesystem::path& file);

SyncResult sync_folder(Log& log, const std::filesystem::path& dir);

ReplicaStatus sync_status(Log& log);
void set_replica_name(Log& log, const std::string& name);
std::vector<Overwritten> sync_conflicts(Log& log);

} // namespace kades::store
