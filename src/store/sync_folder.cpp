// Sync through a folder that another tool carries. Each copy writes only into DIR/<its
// replica id>/, files that are written once (temp name, fsync, rename) and never changed,
// so the carrier never sees two writers of one file; it reads every file of the others (and
// of its own, when the log was restored from a backup) that the log has not applied yet.

#include "store/sync.hpp"

#include "core/error.hpp"
#include "core/hlc.hpp"
#include "core/i18n.hpp"
#include "store/sync_document.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <fmt/format.h>

#include <algorithm>
#include <fstream>
#include <regex>
#include <set>

namespace kades::store {
namespace fs = std::filesystem;
using core::tr;
using core::trf;
using namespace sync;

namespace {

struct FolderFile {
    std::string replica, name;
    fs::path path;
};

bool is_sync_file_name(const std::string& name) {
    static const std::regex pattern("[0-9]{8}-[0-9a-f]{8}\\.json");
    return std::regex_match(name, pattern);
}

// The sync files under dir: real folders named by a replica id, real files named as kades
// names them. Links, temp files, a carrier's conflict copies and anything else are passed by.
std::vector<FolderFile> folder_files(const fs::path& dir) {
    std::vector<FolderFile> files;
    std::error_code ec;
    for (const auto& sub : fs::directory_iterator(dir, ec)) {
        auto replica = sub.path().filename().string();
        if (!core::is_replica_id(replica) || !fs::is_directory(fs::symlink_status(sub.path())))
            continue;
        for (const auto& entry : fs::directory_iterator(sub.path(), ec)) {
            auto name = entry.path().filename().string();
            if (is_sync_file_name(name) && fs::is_regular_file(fs::symlink_status(entry.path())))
                files.push_back({replica, name, entry.path()});
        }
    }
    if (ec)
        throw core::Invalid(trf("cannot read the folder {}: {}", dir.string(), ec.message()));
    std::sort(files.begin(), files.end(), [](const auto& a, const auto& b) {
        return std::tie(a.replica, a.name) < std::tie(b.replica, b.name);
    });
    return files;
}

std::set<std::pair<std::string, std::string>> applied_files(SQLite::Database& db) {
    std::set<std::pair<std::string, std::string>> known;
    SQLite::Statement q(db, "SELECT replica, name FROM sync_file");
    while (q.executeStep())
        known.emplace(q.getColumn(0).getString(), q.getColumn(1).getString());
    return known;
}

void remember_file(SQLite::Database& db, const FolderFile& f, long long upto, bool mine) {
    SQLite::Statement q(db, "INSERT OR REPLACE INTO sync_file (replica, name, upto, mine) "
                            "VALUES (?1, ?2, ?3, ?4)");
    q.bind(1, f.replica);
    q.bind(2, f.name);
    q.bind(3, static_cast<int64_t>(upto));
    q.bind(4, mine ? 1 : 0);
    q.exec();
}

void heard_from(SQLite::Database& db, const Header& h) {
    SQLite::Statement q(db, R"sql(
INSERT INTO sync_peer (replica, name, written, heard)
VALUES (?1, ?2, ?3, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
ON CONFLICT (replica) DO UPDATE SET name = excluded.name, heard = excluded.heard,
    written = max(written, excluded.written))sql");
    q.bind(1, h.replica);
    q.bind(2, h.name);
    q.bind(3, h.clock);
    q.exec();
}

void check_newer(const std::string& path, const Header& h) {
    if (h.format > k_format || h.schema > schema_version())
        throw core::Refused(trf("{} comes from a newer kades (format {}, schema {}; this kades "
                                "reads format {}, schema {})",
                                path, h.format, h.schema, k_format, schema_version()));
}

// One file, in a savepoint of its own: a damaged file changes nothing, the others apply.
void apply_file(SQLite::Database& db, const FolderFile& f, SyncResult& result,
                std::map<std::string, PeerChanges>& peers) {
    db.exec("SAVEPOINT sync_file");
    try {
        Merger merger(db, Via::sync);
        auto header = read_document(
            f.path,
            [&](const Header& h) {
                check_newer(f.path.string(), h);
                if (h.replica != f.replica)
                    throw core::Invalid(trf("{} says it is from {}, not from {}", f.path.string(),
                                            h.replica, f.replica));
            },
            [&](Record& r) { merger.merge(r); });
        merger.finish();
        remember_file(db, f, header.upto, false);
        heard_from(db, header);
        auto& peer = peers[f.replica];
        peer.replica = f.replica;
        peer.name = header.name;
        ++peer.files;
        for (const auto& [kind, n] : merger.changed())
            peer.changed[kind] += n;
        result.conflicts += merger.conflicts();
        db.exec("RELEASE sync_file");
    } catch (const core::Error& e) {
        db.exec("ROLLBACK TO sync_file");
        db.exec("RELEASE sync_file");
        bool newer = dynamic_cast<const core::Refused*>(&e) != nullptr;
        result.skipped.push_back({f.path.string(), e.what(), newer});
    } catch (const SQLite::Exception& e) {
        // A crafted value the log's own checks refuse (a status it does not know, say): the
        // file is damaged; the others apply.
        db.exec("ROLLBACK TO sync_file");
        db.exec("RELEASE sync_file");
        result.skipped.push_back(
            {f.path.string(), trf("{}: {}", f.path.string(), e.what()), false});
    }
}

std::string random_hex(std::size_t n) {
    return core::new_replica_id().substr(0, n);
}

void fsync_path(const fs::path& path, int flags) {
    int fd = ::open(path.c_str(), flags | O_CLOEXEC);
    if (fd >= 0) {
        ::fsync(fd);
        ::close(fd);
    }
}

// This copy's new changes as a file of its own: written to a temp name, flushed, renamed.
void write_own_file(SQLite::Database& db, const fs::path& dir, const Replica& me,
                    SyncResult& result) {
    SQLite::Statement w(db, "SELECT max(upto) FROM sync_file WHERE replica = ?1 AND mine = 1");
    w.bind(1, me.id);
    w.executeStep();
    Selection selection;
    selection.after_seq = w.getColumn(0).isNull() ? -1 : w.getColumn(0).getInt64();
    // Numbered after the files this log wrote (not whatever else lies in its folder, which
    // could push the number past eight digits); the random part keeps a restored log's
    // files apart from those it wrote before.
    SQLite::Statement last(db, "SELECT max(substr(name, 1, 8)) FROM sync_file WHERE replica = ?1 "
                               "AND mine = 1 AND name <> ''");
    last.bind(1, me.id);
    last.executeStep();
    long number = last.getColumn(0).isNull() ? 0 : std::stol(last.getColumn(0).getString());
    auto own = dir / me.id;
    std::error_code ec;
    fs::create_directories(own, ec);
    if (ec)
        throw core::Invalid(trf("cannot write into {}: {}", own.string(), ec.message()));
    FolderFile file{me.id, fmt::format("{:08d}-{}.json", number + 1, random_hex(8)), {}};
    file.path = own / file.name;
    auto temp = own / (".tmp-" + random_hex(16));
    Json header{{"replica", me.id}, {"name", me.name}, {"clock", me.clock}, {"upto", me.txn}};
    {
        std::ofstream out(temp, std::ios::binary);
        result.sent = write_document(db, out, selection, header);
        out.flush();
        if (!out)
            throw core::Invalid(trf("cannot write {}", temp.string()));
    }
    if (result.sent.empty()) {
        fs::remove(temp, ec);
        remember_file(db, {me.id, "", {}}, me.txn, true); // the watermark moves on all the same
        return;
    }
    fsync_path(temp, O_RDONLY);
    fs::rename(temp, file.path, ec);
    if (ec)
        throw core::Invalid(trf("cannot write {}: {}", file.path.string(), ec.message()));
    fsync_path(own, O_RDONLY | O_DIRECTORY);
    remember_file(db, file, me.txn, true);
    result.sent_file = file.path.string();
}

} // namespace

SyncResult sync_folder(Log& log, const fs::path& dir) {
    auto& db = db_of(log);
    std::error_code ec;
    if (fs::exists(dir, ec) && !fs::is_directory(dir, ec))
        throw core::Invalid(trf("{} is not a folder: give the sync folder", dir.string()));
    fs::create_directories(dir, ec);
    if (ec)
        throw core::Invalid(trf("cannot create the folder {}: {}", dir.string(), ec.message()));
    auto me = replica(db);
    if (me.name.empty()) {
        char host[256] = {};
        ::gethostname(host, sizeof host - 1);
        set_replica_name(log, host[0] ? host : me.id.substr(0, 8));
        me = replica(db);
    }
    SyncResult result;
    auto files = folder_files(dir);
    auto known = applied_files(db);
    std::map<std::string, PeerChanges> peers;
    for (const auto& f : files)
        if (!known.count({f.replica, f.name}))
            apply_file(db, f, result, peers);
    for (auto& [id, peer] : peers)
        result.received.push_back(std::move(peer));
    me = replica(db);
    write_own_file(db, dir, me, result);
    SQLite::Statement waiting(db, "SELECT count(*) FROM sync_pending");
    waiting.executeStep();
    result.waiting = waiting.getColumn(0).getInt64();
    return result;
}

} // namespace kades::store
