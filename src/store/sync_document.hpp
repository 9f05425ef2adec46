#pragma once
// Store-internal: the export document (also the body of a sync file), written in a stable
// order and read back as a stream of records, so neither needs the log's size in memory.
//
//   {"kades_export":1,"schema":8,[sync header,]"records":[
//   {"kind":"lesson","id":"<uuid>","fields":{"title":{"value":"...","stamp":"...","base":"..."}}},
//   ...
//   ],"count":N}

#include "store/sync_internal.hpp"

#include <filesystem>
#include <functional>
#include <iosfwd>
#include <optional>

namespace kades::store::sync {

constexpr int k_format = 1;

struct Selection {
    std::optional<std::string> since;   // stamps from this one on
    std::optional<long long> after_seq; // a sync file: changes numbered after this, not via sync
    bool redact_contacts = false;
};

struct Header {
    int format = 0;
    int schema = 0;
    std::string replica, name, clock; // sync files
    long long upto = 0;
};

// Writes the document; `header` adds the sync file's fields. Returns the records by kind.
std::map<std::string, long> write_document(SQLite::Database& db, std::ostream& out,
                                           const Selection& selection, const Json& header);

// Reads a document from `path`, giving each record to `take` (which may take its values) once
// the header has been read (and `check_header` has accepted it). Throws core::Invalid naming
// the file and the problem: not an export, truncated, damaged, or a record that is not valid.
Header read_document(const std::filesystem::path& path,
                     const std::function<void(const Header&)>& check_header,
                     const std::function<void(Record&)>& take);

} // namespace kades::store::sync
