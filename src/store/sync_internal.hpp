#pragma once
// Store-internal: the pieces of sharing that the export, the merge and the folder use.

#include "store/log_impl.hpp"
#include "store/sync_schema.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

namespace kades::store::sync {

using Json = nlohmann::ordered_json;

// Records named to one statement as a JSON array (json_each): one statement for many rows
// keeps one journal of the pages it changes, where one a row kept one each.
constexpr std::size_t k_ids_a_statement = 4096;

// The items as JSON arrays of at most k_ids_a_statement each, for json_each(?1).
template <typename T> std::vector<std::string> json_arrays(const std::vector<T>& items) {
    std::vector<std::string> arrays;
    for (std::size_t from = 0; from < items.size(); from += k_ids_a_statement) {
        auto to = std::min(items.size(), from + k_ids_a_statement);
        arrays.push_back(Json(std::vector<T>(items.begin() + from, items.begin() + to)).dump());
    }
    return arrays;
}

// How a change reached this copy; a change that came through a sync folder is not written
// to the folder again by this copy (its author writes it).
enum class Via { local = 0, import = 1, sync = 2 };

struct Field {
    std::string name;
    Json value;
    std::string stamp;
    std::string base;
};

struct Record {
    const Kind* kind = nullptr;
    std::string key;
    std::vector<Field> fields;
};

Json json_of(const SQLite::Column& column);
// With no_copy, SQLite reads a text value where it is: it must outlive the statement's run.
void bind_json(SQLite::Statement& stmt, int index, const Json& value, bool no_copy = false);

// Prepared statements kept for a merge of many records: each is prepared once, and reset
// with its bindings cleared when it is asked for again. A literal is found by its address
// (a merge asks millions of times: comparing the text cost 6% of an import); text built at
// run time, by its text.
class Statements {
  public:
    explicit Statements(SQLite::Database& db) : m_db(db) {}
    SQLite::Statement& operator()(const char* literal);
    SQLite::Statement& operator()(const std::string& sql);
    // Text made once and kept as long as these statements (a kind's insert, say): found by
    // its address, like a literal.
    SQLite::Statement& kept(const std::string& sql) { return (*this)(sql.c_str()); }

  private:
    SQLite::Statement& reuse(std::unique_ptr<SQLite::Statement>& slot, const char* sql);

    SQLite::Database& m_db;
    std::unordered_map<const char*, std::unique_ptr<SQLite::Statement>> m_literals;
    std::unordered_map<std::string, std::unique_ptr<SQLite::Statement>> m_built;
};

// The replica row: this copy's id, name, clock, and the command's stamp and number.
struct Replica {
    std::string id, name, clock, stamp;
    long long txn = 0;
};
Replica replica(SQLite::Database& db);
void set_applying(SQLite::Database& db, bool applying);
void enable_triggers(SQLite::Database& db, bool enable);

// Merges other copies' records into the change table and projects what changed onto the
// log's tables, parents first. Not reentrant: one per command.
class Merger {
  public:
    Merger(SQLite::Database& db, Via via);
    ~Merger();
    Merger(const Merger&) = delete;
    Merger& operator=(const Merger&) = delete;

    // Takes the values of the fields it writes out of `record`.
    void merge(Record& record);
    // Projects the changed records; returns the records still waiting for one they name.
    std::vector<std::pair<std::string, std::string>> finish();

    // Records that changed here, by kind (once finished).
    const std::map<std::string, long>& changed() const { return m_changed; }
    long conflicts() const { return m_conflicts; }

  private:
    struct Local {
        Json value;
        std::string stamp, base;
    };
    std::map<std::string, Local> local_fields(const Kind& kind, const std::string& key);
    void remove(const Kind& kind, const std::string& key, const Field& tombstone);
    bool parent_removed(const Kind& kind, const std::string& key);
    // Writes a record's changed fields: kept, and written many records' at a time (by
    // flush, before anything reads the change table).
    void write(const Kind& kind, const std::string& key, const std::vector<Field*>& fields);
    void flush();
    void mark_dirty(const Kind& kind, const std::string& key);
    void conflict(const Kind& kind, const std::string& key, const std::string& field,
                  const Json& value, const std::string& stamp, const std::string& winner);

    SQLite::Database& m_db;
    Statements m_sql;
    Via m_via;
    Replica m_replica;
    std::string m_seen; // the latest stamp seen
    // The last parent asked about, and whether it was removed: an export lists a set's
    // elements one after the other, so one look-up serves them all.
    std::string m_parent;
    const char* m_parent_kind = nullptr;
    bool m_parent_removed = false;
    std::vector<std::vector<std::string>> m_dirty; // by kind: keys, sorted when projected
    std::vector<long> m_changed_by_kind;
    std::map<std::string, long> m_changed; // by kind's name, once finished
    long m_conflicts = 0;
    // Kinds the change table held nothing of when the merge began, and the keys of theirs
    // written since: a record of such a kind that is not among them has no fields here yet,
    // so a new log's import need not look for them.
    std::vector<bool> m_kind_was_empty;
    std::unordered_set<std::size_t> m_written; // the keys' hashes: one in common costs a look-up
    struct Pending {
        const char* kind;
        std::string key;
        std::vector<Field> fields;
        bool fresh; // the change table holds nothing of it: inserted, not upserted
    };
    static constexpr std::size_t k_rows_a_statement = 128;
    std::vector<Pending> m_pending; // written, not flushed yet
    std::size_t m_pending_rows = 0;
    std::vector<std::string> m_claims; // villages whose slug was written: to claim it
    void claim_slugs();
    // By the number of rows written, and whether they are fresh.
    std::map<std::pair<std::size_t, bool>, std::string> m_write_sql;
    void write_rows(const std::vector<std::pair<const Pending*, const Field*>>& rows, bool fresh);
};

// Projects the change table's state of one record or set onto the log's tables.
class Projector {
  public:
    explicit Projector(SQLite::Database& db);
    // A record (by UUID) or, for an element kind, the set of one parent (by its UUID).
    void project(const Kind& kind, const std::string& key);
    // Projects again what waited for a record it names; returns what still waits.
    std::vector<std::pair<std::string, std::string>> retry_pending();
    // Projects again the sets that records which became one (sync_alias) hold or name.
    void project_merged();
    // Indexes again, once each, the lessons whose row or topics were written (the index's
    // triggers wait while a merge applies).
    void index_lessons();

  private:
    void project_record(const Kind& kind, const std::string& uuid);
    void project_set(const Kind& kind, const std::string& parent);
    void remove_row(const Kind& kind, const std::string& uuid);
    std::string canonical(const Kind& kind, const std::string& uuid);
    std::optional<int64_t> local_id(const char* kind, const std::string& uuid);
    bool removed(const char* kind, const std::string& uuid);
    std::string merge_natural(const Kind& kind, const std::string& uuid,
                              const std::map<std::string, Json>& values);
    std::string effective_slug(const std::string& uuid, const std::string& claimed,
                               const Json& code);
    void keep_old_slug(const std::string& uuid, const std::string& slug);
    void pend(const Kind& kind, const std::string& key, bool waiting);
    std::vector<std::string> group(const Kind& kind, const std::string& canonical);
    std::map<std::string, std::pair<Json, std::string>>
    values_of(const Kind& kind, const std::vector<std::string>& uuids);
    const std::set<std::string>& required_columns(const Kind& kind);
    struct KindSql {
        std::string local_id, insert, update, clear, natural;
    };
    const KindSql& sql_of(const Kind& kind);

    SQLite::Database& m_db;
    Statements m_sql;
    std::map<std::string, std::set<std::string>> m_not_null;
    std::unordered_map<std::string_view, KindSql> m_kind_sql;
    bool m_has_alias = false, m_has_pending = false;
    std::map<std::string, std::set<std::string>> m_merged; // kind -> UUIDs that became one
    // Row ids found by UUID, per kind: a record's references name the same few villages,
    // forums and meetings again and again. Forgotten when a row goes or takes another UUID.
    std::unordered_map<std::string_view, std::unordered_map<std::string, int64_t>> m_ids;
    std::set<int64_t> m_lessons; // written: to index again
    // Rows this projection inserted, and the sets it projected, by kind and row id.
    std::set<std::pair<std::string_view, int64_t>> m_inserted, m_sets_projected;
};

} // namespace kades::store::sync
