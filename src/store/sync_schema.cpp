#include "store/sync_schema.hpp"

#include <algorithm>

namespace kades::store::sync {
namespace {

Column text(const char* name) {
    return {name, Type::text};
}
Column integer(const char* name) {
    return {name, Type::integer};
}
Column real(const char* name) {
    return {name, Type::real};
}
Column ref(const char* name, const char* kind, bool required = false) {
    return {name, Type::ref, kind, required};
}
Column parent(const char* name, const char* kind) {
    return ref(name, kind, true);
}

std::vector<Kind> make_kinds() {
    return {
        {"village",
         false,
         {},
         {text("slug"), text("name"), text("code"), text("district"), text("regency"),
          text("province"), text("phone"), text("email"), text("note"), integer("archived"),
          text("created_at")},
         {"code"}},
        {"village_tag", true, {parent("village", "village"), text("tag")}, {}},
        {"village_head", true, {parent("village", "village"), text("since"), text("name")}, {}},
        {"village_index",
         true,
         {parent("village", "village"), text("kind"), integer("year")},
         {real("score"), text("status")}},
        {"partner",
         false,
         {},
         {text("name"), text("type"), text("contact"), text("note"), text("created_at")}},
        {"forum", false, {}, {text("name"), text("purpose"), text("founded"), text("created_at")}},
        {"forum_member", true, {parent("forum", "forum"), parent("village", "village")}, {}},
        {"meeting",
         false,
         {},
         {text("title"), text("date"), text("time"), text("kind"), text("status"),
          ref("host", "village"), text("place"), ref("forum", "forum"), text("agenda"),
          text("notes"), text("cancel_reason"), text("created_at")}},
        {"meeting_attendee",
         true,
         {parent("meeting", "meeting"), parent("village", "village")},
         {}},
        {"meeting_decision",
         true,
         {parent("meeting", "meeting"), text("text")},
         {integer("position")},
         {},
         "position"},
        {"visit",
         false,
         {},
         {text("kind"), text("status"), text("date"), text("until"), ref("host", "village", true),
          text("purpose"), text("findings"), integer("workers"), text("skill"),
          text("cancel_reason"), text("created_at")}},
        {"visit_visitor", true, {parent("visit", "visit"), parent("village", "village")}, {}},
        {"visit_program",
         true,
         {parent("visit", "visit"), text("name")},
         {integer("position")},
         {},
         "position"},
        {"action",
         false,
         {},
         {text("text"), ref("owner", "village", true), text("due"), text("status"), text("done_on"),
          text("note"), ref("meeting", "meeting"), ref("visit", "visit"), text("created_at")}},
        {"lesson",
         false,
         {},
         {text("title"), ref("village", "village", true), text("date"), text("kind"),
          text("context"), text("outcome"), text("lesson"), text("recommendation"),
          ref("meeting", "meeting"), ref("visit", "visit"), text("created_at")}},
        {"lesson_topic", true, {parent("lesson", "lesson"), text("topic")}, {}},
        {"adoption",
         false,
         {},
         {ref("lesson", "lesson", true), ref("village", "village", true), text("status"),
          text("date"), text("result"), text("created_at")},
         {"lesson", "village"}},
        {"agreement",
         false,
         {},
         {text("title"), text("scope"), text("signed"), text("until"), text("ended"),
          text("number"), text("mad"), integer("funding"), text("note"), text("created_at")}},
        {"agreement_village",
         true,
         {parent("agreement", "agreement"), parent("village", "village")},
         {}},
        {"agreement_partner",
         true,
         {parent("agreement", "agreement"), parent("partner", "partner")},
         {}},
    };
}

} // namespace

const std::vector<Kind>& kinds() {
    static const std::vector<Kind> all = make_kinds();
    return all;
}

const Kind* find_kind(std::string_view name) {
    for (const auto& kind : kinds())
        if (name == kind.name)
            return &kind;
    return nullptr;
}

const Column* find_field(const Kind& kind, std::string_view name) {
    auto at = std::find_if(kind.fields.begin(), kind.fields.end(),
                           [&](const Column& c) { return name == c.name; });
    return at == kind.fields.end() ? nullptr : &*at;
}

const std::vector<std::string>& local_columns() {
    static const std::vector<std::string> columns = {"id", "uuid", "updated_at"};
    return columns;
}

const std::vector<std::string>& unshared_tables() {
    static const std::vector<std::string> tables = {
        "region", // reference data: each copy imports the Kemendagri regions itself
        "lesson_fts",
        "lesson_fts_data",
        "lesson_fts_idx",
        "lesson_fts_content",
        "lesson_fts_docsize",
        "lesson_fts_config", // the search index, rebuilt by triggers and by the merge
        "sync_replica",
        "sync_change",
        "sync_file",
        "sync_peer",
        "sync_conflict",
        "sync_pending",
        "sync_alias",
        "sync_slug_alias",
        "sync_slug_claim", // the sharing machinery
    };
    return tables;
}

std::vector<std::string> split_key(const Kind& kind, std::string_view key) {
    std::vector<std::string> parts;
    for (std::size_t i = 0; i + 1 < kind.key.size(); ++i) {
        auto space = key.find(' ');
        if (space == std::string_view::npos)
            return {};
        parts.emplace_back(key.substr(0, space));
        key.remove_prefix(space + 1);
    }
    parts.emplace_back(key);
    return parts;
}

} // namespace kades::store::sync
