#include "render/sync.hpp"

#include "core/hlc.hpp"
#include "core/i18n.hpp"
#include "core/id.hpp"
#include "render/json.hpp"
#include "render/table.hpp"
#include "render/text.hpp"

#include <fmt/format.h>

namespace kades::render {
using core::tr;
using core::trf;

namespace {

Json counts_json(const core::KindCounts& counts) {
    Json j = Json::object();
    for (const auto& [kind, n] : counts)
        j[kind] = n;
    return j;
}

long total(const core::KindCounts& counts) {
    long n = 0;
    for (const auto& [kind, count] : counts)
        n += count;
    return n;
}

std::string copy_label(const std::string& name, const std::string& replica) {
    return name.empty() ? replica : fmt::format("{} ({})", name, replica.substr(0, 8));
}

// A stamp's wall time as "2026-12-04 18:56 UTC"; what is not a stamp (a crafted header's
// clock) is shown as it is.
std::string stamp_time(const std::string& text) {
    auto stamp = core::parse_stamp(text);
    if (!stamp)
        return text;
    auto t = static_cast<std::time_t>(stamp->wall_ms / 1000);
    std::tm tm{};
    gmtime_r(&t, &tm);
    return fmt::format("{:04d}-{:02d}-{:02d} {:02d}:{:02d} UTC", tm.tm_year + 1900, tm.tm_mon + 1,
                       tm.tm_mday, tm.tm_hour, tm.tm_min);
}

std::string heard_time(const std::string& iso) {
    // "2026-12-04T18:56:12Z" -> "2026-12-04 18:56 UTC"
    return iso.size() >= 16 ? iso.substr(0, 10) + " " + iso.substr(11, 5) + " UTC" : iso;
}

} // namespace

std::string kind_counts(const core::KindCounts& counts) {
    std::string out;
    for (const auto& [kind, n] : counts)
        out += fmt::format("{}{} {}", out.empty() ? "" : ", ", n, kind);
    return out;
}

void import_result(std::ostream& out, const core::ImportResult& r, const std::string& file,
                   const Options& options) {
    if (options.format == Format::json) {
        write_json(out, Json{{"file", file},
                             {"records", r.records},
                             {"changed", counts_json(r.changed)},
                             {"conflicts", r.conflicts}});
        return;
    }
    if (r.changed.empty())
        out << sanitize(trf("Nothing new in {} ({} records): the log already holds it.", file,
                            r.records))
            << '\n';
    else
        out << sanitize(trf("Imported {}: {} records changed here ({}).", file, total(r.changed),
                            kind_counts(r.changed)))
            << '\n';
    if (r.conflicts > 0)
        out << trf("{} overwritten values are listed by `kades sync --conflicts`.", r.conflicts)
            << '\n';
}

void sync_result(std::ostream& out, std::ostream& warnings, const core::SyncResult& r,
                 const std::string& dir, const Options& options) {
    for (const auto& s : r.skipped)
        warnings << "kades: "
                 << sanitize(s.newer ? trf("warning: kept for a newer kades: {}", s.why)
                                     : trf("warning: not applied: {}", s.why))
                 << '\n';
    if (options.format == Format::json) {
        Json received = Json::array();
        for (const auto& p : r.received)
            received.push_back({{"replica", p.replica},
                                {"name", p.name},
                                {"files", p.files},
                                {"records", counts_json(p.changed)}});
        Json skipped = Json::array();
        for (const auto& s : r.skipped)
            skipped.push_back({{"file", s.path}, {"reason", s.why}, {"newer", s.newer}});
        write_json(out, Json{{"folder", dir},
                             {"sent", counts_json(r.sent)},
                             {"file", text_or_null(r.sent_file)},
                             {"received", received},
                             {"skipped", skipped},
                             {"conflicts", r.conflicts},
                             {"waiting", r.waiting}});
        return;
    }
    if (r.sent.empty())
        out << tr("Nothing new to send.") << '\n';
    else
        out << sanitize(trf("Sent {} records to {} ({}).", total(r.sent), dir, kind_counts(r.sent)))
            << '\n';
    if (r.received.empty())
        out << tr("Nothing new from the other copies.") << '\n';
    for (const auto& p : r.received)
        out << sanitize(trf("Received from {}: {} records ({}).", copy_label(p.name, p.replica),
                            total(p.changed),
                            p.changed.empty() ? tr("all known here") : kind_counts(p.changed)))
            << '\n';
    if (r.conflicts > 0)
        out << trf("{} overwritten values are listed by `kades sync --conflicts`.", r.conflicts)
            << '\n';
    if (r.waiting > 0)
        out << trf("{} records wait for records another copy has not shared yet.", r.waiting)
            << '\n';
}

void sync_status(std::ostream& out, const core::ReplicaStatus& s, const Options& options) {
    if (options.format == Format::json) {
        Json peers = Json::array();
        for (const auto& p : s.peers)
            peers.push_back({{"replica", p.replica},
                             {"name", p.name},
                             {"files", p.files},
                             {"clock", p.clock},
                             {"heard", p.heard}});
        write_json(
            out,
            Json{{"replica", s.replica}, {"name", s.name}, {"clock", s.clock}, {"peers", peers}});
        return;
    }
    out << sanitize(trf("This copy: {} ({}), clock at {}.", s.name.empty() ? "-" : s.name,
                        s.replica, stamp_time(s.clock)))
        << '\n';
    if (s.peers.empty()) {
        out << tr("No other copy heard from yet: run `kades sync DIR` on a shared folder.") << '\n';
        return;
    }
    Table table;
    table.columns = {{"name", tr("Copy")},
                     {"replica", tr("Replica")},
                     {"files", tr("Files"), Align::right, true},
                     {"heard", tr("Last heard from")},
                     {"clock", tr("Its clock")}};
    for (const auto& p : s.peers)
        table.rows.push_back(
            {p.name, p.replica, std::to_string(p.files), heard_time(p.heard), stamp_time(p.clock)});
    out << '\n';
    write_table(out, table, options);
}

void sync_conflicts(std::ostream& out, const std::vector<core::Overwritten>& list,
                    const Options& options) {
    if (options.format == Format::json) {
        Json items = Json::array();
        for (const auto& o : list)
            items.push_back({{"kind", o.kind},
                             {"record", o.record},
                             {"field", o.field},
                             {"value", o.value},
                             {"by", o.by},
                             {"by_name", o.by_name},
                             {"overwritten_by", o.winner},
                             {"overwritten_by_name", o.winner_name},
                             {"noticed", o.noticed}});
        write_json(out, items);
        return;
    }
    Table table;
    table.columns = {{"kind", tr("Kind")},     {"record", tr("Record")},
                     {"field", tr("Field")},   {"value", tr("Overwritten value")},
                     {"by", tr("Written by")}, {"overwritten_by", tr("Overwritten by")}};
    for (const auto& o : list)
        table.rows.push_back({o.kind, o.kind == "village" ? o.record : core::short_id(o.record),
                              o.field, o.value, copy_label(o.by_name, o.by),
                              copy_label(o.winner_name, o.winner)});
    write_table(out, table, options);
}

} // namespace kades::render
