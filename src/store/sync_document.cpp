#include "store/sync_document.hpp"

#include "core/error.hpp"
#include "core/hlc.hpp"
#include "core/i18n.hpp"
#include "store/log.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <condition_variable>
#include <cstdio>
#include <deque>
#include <exception>
#include <fstream>
#include <ostream>
#include <streambuf>
#include <thread>

namespace kades::store::sync {
using core::trf;
namespace {

// One record (or the header) may not take more than this of a file: a crafted file cannot
// make kades hold more than this much of it at once.
constexpr std::size_t k_record_limit = 16u << 20;
constexpr std::size_t k_value_limit = 1u << 20;
// A record is a few levels deep (record, fields, field, value); more is a crafted file.
constexpr int k_max_depth = 8;

constexpr const char* k_select_all =
    "SELECT record, field, value, stamp, base FROM sync_change WHERE kind = ?1 "
    "ORDER BY record, field";
constexpr const char* k_select_since =
    "SELECT record, field, value, stamp, base FROM sync_change WHERE kind = ?1 AND stamp >= ?2 "
    "ORDER BY record, field";
// A sync file: the few changes numbered after this copy's last file, from the numbering
// index (left to itself, SQLite walks every change of the kind by its key).
constexpr const char* k_select_after =
    "SELECT record, field, value, stamp, base FROM sync_change INDEXED BY sync_change_seq "
    "WHERE kind = ?1 AND seq > ?2 AND via <> 2 ORDER BY record, field";

bool redacted(const Kind& kind, const std::string& field) {
    std::string_view k = kind.name;
    return (k == "village" && (field == "phone" || field == "email")) ||
           (k == "partner" && field == "contact");
}

long write_kind(SQLite::Database& db, std::ostream& out, const Kind& kind,
                const Selection& selection, long written) {
    SQLite::Statement q(db, selection.after_seq ? k_select_after
                            : selection.since   ? k_select_since
                                                : k_select_all);
    q.bind(1, kind.name);
    if (selection.after_seq)
        q.bind(2, static_cast<int64_t>(*selection.after_seq));
    else if (selection.since)
        q.bind(2, *selection.since);
    long count = 0;
    Json record;
    auto flush = [&] {
        if (record.is_null() || record["fields"].empty())
            return;
        out << (written + count > 0 ? ",\n" : "\n") << record.dump();
        ++count;
    };
    while (q.executeStep()) {
        auto key = q.getColumn(0).getString();
        auto field = q.getColumn(1).getString();
        if (record.is_null() || record["id"] != key) {
            flush();
            record = Json{{"kind", kind.name}, {"id", key}, {"fields", Json::object()}};
        }
        if (selection.redact_contacts && redacted(kind, field))
            continue;
        Json f{{"value", json_of(q.getColumn(2))}, {"stamp", q.getColumn(3).getString()}};
        if (!q.getColumn(4).isNull())
            f["base"] = q.getColumn(4).getString();
        record["fields"][field] = std::move(f);
    }
    flush();
    return count;
}

// A file read through this buffer fails once one record has taken more than the limit.
class LimitedBuffer : public std::streambuf {
  public:
    explicit LimitedBuffer(std::FILE* file) : m_file(file) {}
    void mark() { m_mark = m_total; }
    std::size_t total() const { return m_total; }
    // What was read since the mark (to the 64 KiB read: a record's size, roughly).
    std::size_t since_mark() const { return m_total - m_mark; }

  protected:
    int_type underflow() override {
        auto n = std::fread(m_buffer, 1, sizeof m_buffer, m_file);
        if (n == 0)
            return traits_type::eof();
        m_total += n;
        if (m_total - m_mark > k_record_limit)
            throw core::Invalid("a record is larger than 16 MiB");
        setg(m_buffer, m_buffer, m_buffer + n);
        return traits_type::to_int_type(m_buffer[0]);
    }

  private:
    std::FILE* m_file;
    char m_buffer[1 << 16];
    std::size_t m_total = 0, m_mark = 0;
};

bool is_uuid(const std::string& s) {
    return s.size() == 36 && std::all_of(s.begin(), s.end(), [](char c) {
               return c == '-' || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
           });
}

bool digits(const std::string& s) {
    return !s.empty() && s.size() <= 9 &&
           std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::string check_key(const Kind& kind, const std::string& key) {
    if (!kind.element)
        return is_uuid(key) ? "" : "its id is not a UUID";
    auto parts = split_key(kind, key);
    if (parts.size() != kind.key.size())
        return "its id does not name its set";
    for (std::size_t i = 0; i < parts.size(); ++i) {
        auto type = kind.key[i].type;
        if ((type == Type::ref && !is_uuid(parts[i])) ||
            (type == Type::integer && !digits(parts[i])))
            return fmt::format("its id's {} is not valid", kind.key[i].name);
    }
    return "";
}

std::string check_value(const Kind& kind, const std::string& name, const Json& v) {
    if (name == k_removed)
        return !kind.element && v == 1 ? "" : "a removal is 1";
    if (name == k_present)
        return kind.element && (v == 0 || v == 1) ? "" : "presence is 0 or 1";
    const auto* col = find_field(kind, name);
    if (!col)
        return fmt::format("{} has no field {}", kind.name, name);
    if (v.is_null())
        return "";
    switch (col->type) {
    case Type::text:
        return v.is_string() && v.get_ref<const std::string&>().size() <= k_value_limit
                   ? ""
                   : "not text";
    case Type::integer:
        return v.is_number_integer() ? "" : "not a whole number";
    case Type::real:
        return v.is_number() ? "" : "not a number";
    case Type::ref:
        return v.is_string() && is_uuid(v.get<std::string>()) ? "" : "not a UUID";
    }
    return "";
}

bool is_stamp(const Json& s) {
    return s.is_string() && core::parse_stamp(s.get_ref<const std::string&>()).has_value();
}

// The record, or why it is not one. Its values, stamps and id are moved out of `j`.
std::string parse_record(Json& j, Record& r) {
    if (!j.is_object() || !j.contains("kind") || !j["kind"].is_string() || !j.contains("id") ||
        !j["id"].is_string() || !j.contains("fields") || !j["fields"].is_object() ||
        j["fields"].empty())
        return "it is not a record (kind, id, fields)";
    const auto& kind = j["kind"].get_ref<const std::string&>();
    r.kind = find_kind(kind);
    if (!r.kind)
        return fmt::format("there is no kind '{}'", kind);
    r.key = std::move(j["id"].get_ref<std::string&>());
    if (auto why = check_key(*r.kind, r.key); !why.empty())
        return why;
    r.fields.clear();
    for (auto& field : j["fields"].items()) {
        const auto& name = field.key();
        auto& f = field.value();
        if (!f.is_object() || !f.contains("value") || !f.contains("stamp") ||
            !is_stamp(f["stamp"]) || (f.contains("base") && !is_stamp(f["base"])))
            return fmt::format("its field {} has no valid value and stamp", name);
        if (auto why = check_value(*r.kind, name, f["value"]); !why.empty())
            return fmt::format("{}: {}", name, why);
        r.fields.push_back(
            {name, std::move(f["value"]), std::move(f["stamp"].get_ref<std::string&>()),
             f.contains("base") ? std::move(f["base"].get_ref<std::string&>()) : std::string()});
    }
    return "";
}

int int_of(const Json& j) {
    return j.is_number_integer() ? j.get<int>() : -1;
}

} // namespace

std::map<std::string, long> write_document(SQLite::Database& db, std::ostream& out,
                                           const Selection& selection, const Json& header) {
    out << fmt::format("{{\"kades_export\":{},\"schema\":{}", k_format, schema_version());
    for (const auto& [key, value] : header.items())
        out << ',' << Json(key).dump() << ':' << value.dump();
    out << ",\"records\":[";
    std::map<std::string, long> counts;
    long total = 0;
    for (const auto& kind : kinds()) {
        auto n = write_kind(db, out, kind, selection, total);
        if (n > 0)
            counts[kind.name] = n;
        total += n;
    }
    out << (total > 0 ? "\n" : "") << fmt::format("],\"count\":{}}}\n", total);
    return counts;
}

namespace {

// Records handed from the thread that parses a file to the one that merges them, in order,
// a batch at a time, a few batches ahead at most. A batch closes at 256 records or 1 MiB of
// the file, and the queue holds at most 8 batches or 8 MiB (always one batch): a crafted file
// of 16 MiB records keeps about as little in memory as one read a record at a time.
class RecordQueue {
  public:
    struct Cancelled {}; // thrown on the parsing thread once the merging one has stopped

    void push(Record record, std::size_t bytes) {
        m_filling.push_back(std::move(record));
        m_filling_bytes += bytes;
        if (m_filling.size() >= k_batch || m_filling_bytes >= k_batch_bytes)
            flush();
    }
    void flush() {
        if (m_filling.empty())
            return;
        std::unique_lock lock(m_mutex);
        m_room.wait(lock, [&] {
            return m_batches.empty() ||
                   (m_batches.size() < k_batches && m_queued_bytes < k_queued_bytes) || m_cancelled;
        });
        if (m_cancelled)
            throw Cancelled{};
        m_batches.push_back({std::move(m_filling), m_filling_bytes});
        m_queued_bytes += m_filling_bytes;
        m_filling.clear();
        m_filling_bytes = 0;
        m_ready.notify_one();
    }
    void close() {
        std::lock_guard lock(m_mutex);
        m_closed = true;
        m_ready.notify_one();
    }
    void cancel() {
        std::lock_guard lock(m_mutex);
        m_cancelled = true;
        m_room.notify_one();
    }
    // The next batch; empty once the parsing thread has closed the queue.
    std::vector<Record> pop() {
        std::unique_lock lock(m_mutex);
        m_ready.wait(lock, [&] { return !m_batches.empty() || m_closed; });
        if (m_batches.empty())
            return {};
        auto batch = std::move(m_batches.front().first);
        m_queued_bytes -= m_batches.front().second;
        m_batches.pop_front();
        m_room.notify_one();
        return batch;
    }

  private:
    static constexpr std::size_t k_batch = 256, k_batches = 8;
    static constexpr std::size_t k_batch_bytes = 1u << 20, k_queued_bytes = 8u << 20;
    std::vector<Record> m_filling; // the parsing thread's own
    std::size_t m_filling_bytes = 0;
    std::deque<std::pair<std::vector<Record>, std::size_t>> m_batches; // and their bytes
    std::size_t m_queued_bytes = 0;
    std::mutex m_mutex;
    std::condition_variable m_ready, m_room;
    bool m_closed = false, m_cancelled = false;
};

// Gives each record, and about how many bytes of the file it took, to `take`.
Header parse_document(const std::filesystem::path& path,
                      const std::function<void(const Header&)>& check_header,
                      const std::function<void(Record&, std::size_t)>& take) {
    auto name = path.string();
    std::unique_ptr<std::FILE, int (*)(std::FILE*)> file(std::fopen(name.c_str(), "rb"),
                                                         std::fclose);
    if (!file)
        throw core::Invalid(trf("cannot read {}", name));
    LimitedBuffer buffer(file.get());
    Header header;
    Json top;
    std::string last_key;
    bool in_records = false, header_checked = false;
    long records = 0;
    Record record;
    auto callback = [&](int depth, Json::parse_event_t event, Json& parsed) -> bool {
        using E = Json::parse_event_t;
        if (depth > k_max_depth)
            throw core::Invalid("a record is nested too deeply");
        if (depth == 0 && event == E::object_start)
            return true;
        if (depth == 1 && event == E::key) {
            last_key = parsed.get<std::string>();
            return true;
        }
        if (depth == 1 && event == E::array_start && last_key == "records") {
            if (!header_checked) {
                header.format = int_of(top.value("kades_export", Json()));
                if (header.format < 1)
                    throw core::Invalid(trf("{} is not a kades export", name));
                header.schema = int_of(top.value("schema", Json()));
                header.replica = top.value("replica", "");
                header.name = top.value("name", "");
                header.clock = top.value("clock", "");
                header.upto = top.value("upto", 0LL);
                check_header(header);
                header_checked = true;
            }
            in_records = true;
            return true;
        }
        if (in_records && depth == 2 && event == E::object_start)
            buffer.mark();
        if (in_records && depth == 2 && event == E::object_end) {
            if (auto why = parse_record(parsed, record); !why.empty())
                throw core::Invalid(trf("{}: record {} is not valid: {}", name, records + 1, why));
            take(record, buffer.since_mark());
            ++records;
            return false;
        }
        if (depth == 1 && event == E::array_end && in_records) {
            in_records = false;
            return false;
        }
        if (depth == 1 && event == E::value && !in_records) {
            if (last_key != "records")
                top[last_key] = parsed;
            return last_key != "records";
        }
        return true;
    };
    try {
        std::istream in(&buffer);
        auto rest = Json::parse(in, callback);
        (void)rest;
    } catch (const Json::parse_error&) {
        throw core::Invalid(trf("{} is truncated or damaged (near byte {})", name, buffer.total()),
                            {core::tr("ask for the file again; nothing was changed")});
    } catch (const core::Invalid& e) {
        if (std::string_view(e.what()).find(name) == std::string_view::npos)
            throw core::Invalid(trf("{}: {}", name, e.what()));
        throw;
    }
    if (!header_checked)
        throw core::Invalid(trf("{} is not a kades export", name));
    if (int_of(top.value("count", Json())) != records)
        throw core::Invalid(trf("{} is truncated: it says {} records and holds {}", name,
                                int_of(top.value("count", Json())), records));
    return header;
}

} // namespace

// The file is parsed on a thread of its own while this one merges what it has read: on two
// cores a large import takes the time of the merge alone, not of both. What either thread
// throws reaches the caller as it was thrown: the merge's error first (the parsing stops),
// else the file's, after the records read before the fault have been taken.
Header read_document(const std::filesystem::path& path,
                     const std::function<void(const Header&)>& check_header,
                     const std::function<void(Record&)>& take) {
    RecordQueue queue;
    Header header;
    std::exception_ptr parse_failed;
    std::thread parser([&] {
        try {
            header = parse_document(path, check_header, [&](Record& record, std::size_t bytes) {
                queue.push(std::move(record), bytes);
            });
            queue.flush();
        } catch (const RecordQueue::Cancelled&) {
        } catch (...) {
            parse_failed = std::current_exception();
            try {
                queue.flush(); // the records before the fault
            } catch (const RecordQueue::Cancelled&) {
            }
        }
        queue.close();
    });
    try {
        for (auto batch = queue.pop(); !batch.empty(); batch = queue.pop())
            for (auto& record : batch)
                take(record);
    } catch (...) {
        queue.cancel();
        parser.join();
        throw;
    }
    parser.join();
    if (parse_failed)
        std::rethrow_exception(parse_failed);
    return header;
}

} // namespace kades::store::sync
