#pragma once
// Store-internal: what of the log is shared between copies, kind by kind. One table drives
// the triggers that record every write (migration 8), the export, and the merge that applies
// another copy's changes, so a table or column cannot be shared by one and forgotten by the
// other. Kinds are listed parents first: a record's references are to kinds before it.
//
// A kind is a record (a row with a UUID, changed field by field) or an element of a set (a
// row of a parent's set: members, attendees, topics...), named by its key columns and
// present or removed as a whole. In the change table, a record's fields are its columns; an
// element's key joins its key columns' values with spaces (only the last may hold spaces).

#include <string>
#include <string_view>
#include <vector>

namespace kades::store::sync {

enum class Type { text, integer, real, ref };

struct Column {
    const char* name;
    Type type = Type::text;
    const char* ref = nullptr; // the kind a ref column names by UUID
    bool required = false;     // a ref without which the row cannot be
};

struct Kind {
    const char* name; // also its table
    bool element = false;
    std::vector<Column> key;    // elements: key columns, the parent first
    std::vector<Column> fields; // the values: a record's columns, an element's extra columns
    std::vector<const char*> natural = {}; // a record's natural identity (villages: code)
    const char* order_by = nullptr;        // elements kept in order: the position column
};

// The field that marks a removed record (value 1) and a set's element (1 present, 0 removed).
constexpr std::string_view k_removed = "_removed";
constexpr std::string_view k_present = "_present";

const std::vector<Kind>& kinds();
const Kind* find_kind(std::string_view name);
const Column* find_field(const Kind& kind, std::string_view name);
// Columns of shared tables that are not fields: the row id and the time of the last local
// change (this copy's own), and the UUID (a record's key in the change table). Everything
// else in a shared table is carried as a field or a key column.
const std::vector<std::string>& local_columns();
// Tables that are not shared, with why: reference data each copy imports, derived data
// rebuilt from the shared tables, and the sharing machinery itself.
const std::vector<std::string>& unshared_tables();

// Splits an element's key into its parts (the last takes the rest); none when malformed.
std::vector<std::string> split_key(const Kind& kind, std::string_view key);

} // namespace kades::store::sync
