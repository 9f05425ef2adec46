#pragma once
// The options `village add` and `village edit` share.

#include "cli/context.hpp"
#include "core/village.hpp"

#include <CLI/CLI.hpp>

#include <optional>
#include <string>
#include <vector>

namespace kades::cli {

struct VillageFieldOptions {
    std::optional<std::string> name, code, district, regency, province, head, head_since;
    std::optional<std::string> phone, email, note, slug;
    std::vector<std::string> tags, untags;
};

// Registers the field options; `for_edit` adds --name and --untag, `add` has --slug.
void add_village_field_options(CLI::App& cmd, VillageFieldOptions& opt, bool for_edit);
core::VillageFields village_fields(const VillageFieldOptions& opt, core::Date today);

} // namespace kades::cli
