// What keeps a meeting or a visit from being removed: the lessons shared there point at it.

#include "store/lesson.hpp"

#include "core/error.hpp"
#include "core/i18n.hpp"
#include "core/id.hpp"
#include "store/log_impl.hpp"

namespace kades::store {
using core::tr;
using core::trnf;

namespace {

constexpr const char* k_at_meeting = R"sql(
SELECT l.uuid, l.title FROM lesson l JOIN meeting m ON m.id = l.meeting
WHERE m.uuid = ?1 ORDER BY l.date, l.title)sql";

constexpr const char* k_at_visit = R"sql(
SELECT l.uuid, l.title FROM lesson l JOIN visit v ON v.id = l.visit
WHERE v.uuid = ?1 ORDER BY l.date, l.title)sql";

} // namespace

void refuse_if_lessons_shared_at(Log& log, LessonSourceKind kind, const std::string& uuid) {
    bool meeting = kind == LessonSourceKind::meeting;
    SQLite::Statement stmt(db_of(log), meeting ? k_at_meeting : k_at_visit);
    stmt.bind(1, uuid);
    std::string ids;
    std::vector<std::string> hints;
    while (stmt.executeStep()) {
        auto id = core::short_id(stmt.getColumn(0).getString());
        ids += (ids.empty() ? "" : ", ") + id;
        hints.push_back(id + "  " + stmt.getColumn(1).getString());
    }
    if (hints.empty())
        return;
    auto n = hints.size();
    hints.push_back(meeting ? tr("unlink them with `kades lesson edit ID --meeting \"\"`, or keep "
                                 "the meeting")
                            : tr("unlink them with `kades lesson edit ID --visit \"\"`, or keep "
                                 "the visit"));
    throw core::Refused(
        meeting ? trnf("meeting {} has a lesson shared at it: {}",
                       "meeting {} has lessons shared at it: {}", n, core::short_id(uuid), ids)
                : trnf("visit {} has a lesson shared at it: {}",
                       "visit {} has lessons shared at it: {}", n, core::short_id(uuid), ids),
        hints);
}

} // namespace kades::store
