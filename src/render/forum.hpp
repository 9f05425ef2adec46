#pragma once
#include "core/forum.hpp"
#include "render/json.hpp"
#include "render/options.hpp"

#include <ostream>
#include <vector>

namespace kades::render {

// JSON of a forum (spec: id, uuid, name, purpose, founded, members as village slugs).
Json forum_json(const core::Forum& forum);

// A forum list in table, markdown, json or csv.
void forums(std::ostream& out, const std::vector<core::Forum>& forums, const Options& options);

// `forum show`: the forum with its members (csv: the list's one row).
void forum(std::ostream& out, const core::Forum& forum, const Options& options);

} // namespace kades::render
