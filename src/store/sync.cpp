// export, import, and what sync knows of the copies: the public face of sharing.

#include "store/sync.hpp"

#include "core/date.hpp"
#include "core/error.hpp"
#include "core/hlc.hpp"
#include "core/i18n.hpp"
#include "core/id.hpp"
#include "store/sql.hpp"
#include "store/sync_document.hpp"

#include <fmt/format.h>

#include <chrono>
#include <set>

namespace kades::store {
using core::tr;
using core::trf;
using namespace sync;

namespace {

// The first stamp of a day (UTC): changes stamped from then on.
std::string first_stamp_of(const std::string& iso_date) {
    auto date = core::parse_iso_date(iso_date);
    auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                  std::chrono::sys_days{*date}.time_since_epoch())
                  .count();
    return core::format_stamp({ms, 0, std::string(core::k_replica_id_length, '0')});
}

// Merges the export's records and projects them; what still waits for a record it names.
std::vector<std::pair<std::string, std::string>>
merge_export(const std::filesystem::path& file, Merger& merger, ImportResult& result) {
    auto newer = [&](const Header& h) {
        if (h.format > k_format || h.schema > schema_version())
            throw core::Invalid(trf("{} comes from a newer kades (format {}, schema {}; this "
                                    "kades reads format {}, schema {})",
                                    file.string(), h.format, h.schema, k_format, schema_version()),
                                {tr("upgrade kades to import it")});
    };
    try {
        read_document(file, newer, [&](Record& r) {
            merger.merge(r);
            ++result.records;
        });
        return merger.finish();
    } catch (const SQLite::Exception& e) {
        // A crafted value the log's own checks refuse: the file is not a valid export.
        throw core::Invalid(trf("{}: a record is not valid: {}", file.string(), e.what()));
    }
}

} // namespace

KindCounts export_log(Log& log, std::ostream& out, const ExportOptions& options) {
    Selection selection;
    if (options.since)
        selection.since = first_stamp_of(*options.since);
    selection.redact_contacts = options.redact_contacts;
    Json header = Json::object();
    header["since"] = options.since ? Json(*options.since) : Json(nullptr);
    return write_document(db_of(log), out, selection, header);
}

ImportResult import_file(Log& log, const std::filesystem::path& file) {
    auto& db = db_of(log);
    ImportResult result;
    std::set<std::pair<std::string, std::string>> waited;
    SQLite::Statement pending(db, "SELECT kind, record FROM sync_pending");
    while (pending.executeStep())
        waited.emplace(pending.getColumn(0).getString(), pending.getColumn(1).getString());
    Merger merger(db, Via::import);
    auto still = merge_export(file, merger, result);
    std::vector<std::pair<std::string, std::string>> waiting;
    for (auto& w : still)
        if (!waited.count(w))
            waiting.push_back(w);
    if (!waiting.empty())
        throw core::Invalid(trf("{} names records it does not carry and this log does not hold "
                                "(first: {} {})",
                                file.string(), waiting.front().first,
                                core::short_id(waiting.front().second)),
                            {tr("import the whole export of the copy it came from first")});
    result.changed = merger.changed();
    result.conflicts = merger.conflicts();
    return result;
}

ReplicaStatus sync_status(Log& log) {
    auto& db = db_of(log);
    auto me = replica(db);
    ReplicaStatus status{me.id, me.name, me.clock, {}};
    SQLite::Statement q(db, R"sql(
SELECT p.replica, p.name, p.written, p.heard,
       (SELECT count(*) FROM sync_file f WHERE f.replica = p.replica AND f.mine = 0)
FROM sync_peer p WHERE p.replica <> ?1 ORDER BY p.heard DESC, p.replica)sql");
    q.bind(1, me.id);
    while (q.executeStep())
        status.peers.push_back({q.getColumn(0).getString(), q.getColumn(1).getString(),
                                q.getColumn(2).getString(), q.getColumn(3).getString(),
                                static_cast<long>(q.getColumn(4).getInt64())});
    return status;
}

void set_replica_name(Log& log, const std::string& name) {
    SQLite::Statement q(db_of(log), "UPDATE sync_replica SET name = ?1");
    q.bind(1, name);
    q.exec();
}

std::vector<Overwritten> sync_conflicts(Log& log) {
    auto& db = db_of(log);
    auto me = replica(db);
    std::vector<Overwritten> list;
    SQLite::Statement q(db, R"sql(
SELECT c.kind, c.record, c.field, c.value, c.stamp, c.winner, c.noticed,
       (SELECT name FROM sync_peer WHERE replica = substr(c.stamp, 25)),
       (SELECT name FROM sync_peer WHERE replica = substr(c.winner, 25))
FROM sync_conflict c ORDER BY c.noticed DESC, c.id DESC)sql");
    auto name_of = [&](const SQLite::Column& c, const std::string& replica) {
        if (replica == me.id)
            return me.name;
        return text_of(c);
    };
    while (q.executeStep()) {
        Overwritten o;
        o.kind = q.getColumn(0).getString();
        o.record = q.getColumn(1).getString();
        o.field = q.getColumn(2).getString();
        o.value = text_of(q.getColumn(3));
        o.by = core::replica_of(q.getColumn(4).getString());
        o.winner = core::replica_of(q.getColumn(5).getString());
        o.noticed = q.getColumn(6).getString();
        o.by_name = name_of(q.getColumn(7), o.by);
        o.winner_name = name_of(q.getColumn(8), o.winner);
        list.push_back(std::move(o));
    }
    return list;
}

} // namespace kades::store
