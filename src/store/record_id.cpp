#include "store/record_id.hpp"

#include "core/error.hpp"
#include "core/i18n.hpp"
#include "core/id.hpp"
#include "store/log_impl.hpp"

#include <fmt/format.h>

namespace kades::store {
using core::tr;
using core::trf;

namespace {

struct KindInfo {
    const char* table; // this layer's own table names, never user input
    const char* label; // the column that describes a candidate
};

KindInfo info(RecordKind kind) {
    switch (kind) {
    case RecordKind::forum:
        return {"forum", "name"};
    case RecordKind::meeting:
        return {"meeting", "date || '  ' || title"};
    case RecordKind::visit:
        return {"visit", "date || '  ' || coalesce(purpose, kind)"};
    case RecordKind::lesson:
        return {"lesson", "title"};
    case RecordKind::adoption:
        return {"adoption", "date || '  ' || status"};
    case RecordKind::partner:
        return {"partner", "name"};
    case RecordKind::agreement:
        return {"agreement", "signed || '  ' || title"};
    case RecordKind::action:
        break;
    }
    return {"action", "text"};
}

std::string kind_name(RecordKind kind) {
    switch (kind) {
    case RecordKind::forum:
        return tr("forum");
    case RecordKind::meeting:
        return tr("meeting");
    case RecordKind::visit:
        return tr("visit");
    case RecordKind::lesson:
        return tr("lesson");
    case RecordKind::adoption:
        return tr("adoption");
    case RecordKind::partner:
        return tr("partner");
    case RecordKind::agreement:
        return tr("agreement");
    case RecordKind::action:
        break;
    }
    return tr("action");
}

// The hex prefix in the UUID's own shape (hyphens after 8, 12, 16 and 20 digits), so that
// the unique index on uuid answers a range query.
std::string uuid_prefix(const std::string& hex) {
    std::string prefix;
    for (std::size_t i = 0; i < hex.size(); ++i) {
        if (i == 8 || i == 12 || i == 16 || i == 20)
            prefix += '-';
        prefix += hex[i];
    }
    return prefix;
}

} // namespace

std::string resolve_uuid(Log& log, RecordKind kind, std::string_view text) {
    auto prefix = uuid_prefix(core::parse_id_prefix(text));
    auto [table, label] = info(kind);
    SQLite::Statement stmt(db_of(log), fmt::format("SELECT uuid, {} FROM {} WHERE uuid >= ?1 AND "
                                                   "uuid < ?1 || 'g' ORDER BY uuid LIMIT 10",
                                                   label, table));
    stmt.bind(1, prefix);
    std::vector<std::pair<std::string, std::string>> found;
    while (stmt.executeStep())
        found.emplace_back(stmt.getColumn(0).getString(), stmt.getColumn(1).getString());
    if (found.empty())
        throw core::NotFound(trf("no {} with id '{}'", kind_name(kind), text),
                             {trf("see the ids with `kades {} list`", info(kind).table)});
    if (found.size() > 1) {
        std::vector<std::string> hints;
        for (const auto& [uuid, what] : found)
            hints.push_back(fmt::format("{}  {}", uuid.substr(0, 13), what)); // past the 8 shown
        throw core::Ambiguous(
            trf("the id '{}' names more than one {}: give more digits", text, kind_name(kind)),
            hints);
    }
    return found.front().first;
}

} // namespace kades::store
