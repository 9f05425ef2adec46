#pragma once
// The FTS5 tokenizer that lets `lesson search tani` find pertanian, petani and bertani.

struct sqlite3;

namespace kades::store {

// Registers the tokenizer "kades_id" on a connection: FTS5's unicode61 (case folded,
// diacritics removed), then Snowball's Indonesian stemmer on each word. Prefix query terms
// (`tani*`) are left unstemmed, since a prefix is not a word. Throws on failure.
void register_indonesian_tokenizer(sqlite3* db);

} // namespace kades::store
