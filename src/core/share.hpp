#pragma once
// What sharing reports: the records that went out and came in, the other copies, and the
// values a newer edit overwrote. Filled by store/sync, shown by render/sync.

#include <map>
#include <string>
#include <vector>

namespace kades::core {

using KindCounts = std::map<std::string, long>; // records by kind ("village", "lesson", ...)

struct ImportResult {
    KindCounts changed; // records that changed here
    long records = 0;   // records in the file
    long conflicts = 0; // values newly listed as overwritten
};

struct PeerChanges {
    std::string replica, name;
    long files = 0;
    KindCounts changed;
};
struct SkippedFile {
    std::string path, why;
    bool newer = false; // kept for a newer kades
};
struct SyncResult {
    std::vector<PeerChanges> received;
    KindCounts sent;
    std::string sent_file; // empty when nothing was new
    std::vector<SkippedFile> skipped;
    long conflicts = 0;
    long waiting = 0; // records waiting for one another copy has not sent yet
};

struct PeerStatus {
    std::string replica, name, clock, heard;
    long files = 0;
};
struct ReplicaStatus {
    std::string replica, name, clock;
    std::vector<PeerStatus> peers;
};
struct Overwritten {
    std::string kind, record, field, value, by, by_name, winner, winner_name, noticed;
};

} // namespace kades::core
