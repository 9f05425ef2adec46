#include "cli/usage.hpp"

#include "core/error.hpp"
#include "core/i18n.hpp"
#include "core/text.hpp"
#include "render/error.hpp"

#include <algorithm>
#include <iostream>
#include <optional>

namespace kades::cli {
using core::tr;
using core::trf;

namespace {

struct Unknown {
    std::string message;
    std::vector<std::string> hints;
};

const CLI::Option* find_option(const CLI::App* app, const std::string& name) {
    for (; app != nullptr; app = app->get_parent())
        if (const auto* option = app->get_option_no_throw(name))
            return option;
    return nullptr;
}

std::vector<std::string> resembling(const std::string& word,
                                    const std::vector<std::string>& names) {
    std::vector<std::string> hints;
    for (const auto& name : names)
        if (core::edit_distance(word, name) <= 2)
            hints.push_back(trf("did you mean `{}`?", name));
    return hints;
}

std::vector<std::string> option_names(const CLI::App* app) {
    std::vector<std::string> names;
    for (; app != nullptr; app = app->get_parent())
        for (const auto* option : app->get_options())
            for (const auto& name : option->get_lnames())
                names.push_back("--" + name);
    return names;
}

std::optional<Unknown> unknown_option(const CLI::App* current, const std::string& arg) {
    auto name = arg.substr(0, arg.find('='));
    if (find_option(current, name) || name == "--help" || name == "-h" || name == "--version")
        return std::nullopt;
    return Unknown{trf("unknown option '{}'", name), resembling(name, option_names(current))};
}

// Walks the command line as CLI11 would: the first option no level knows, or the first word,
// at a level that has subcommands, that names none of them. Option values are skipped, so
// `--db kades.db` is neither.
std::optional<Unknown> find_unknown(const CLI::App& app, int argc, char** argv) {
    const CLI::App* current = &app;
    for (int i = 1; i < argc; ++i) {
        std::string arg = argv[i];
        if (arg == "--")
            return std::nullopt;
        if (arg.size() > 1 && arg[0] == '-') {
            if (auto unknown = unknown_option(current, arg))
                return unknown;
            const auto* option = find_option(current, arg.substr(0, arg.find('=')));
            if (option && option->get_type_size() != 0 && arg.find('=') == std::string::npos)
                ++i;
            continue;
        }
        auto subcommands = current->get_subcommands([](const CLI::App*) { return true; });
        if (subcommands.empty())
            continue;
        auto named = std::find_if(subcommands.begin(), subcommands.end(),
                                  [&](const CLI::App* sub) { return sub->check_name(arg); });
        if (named != subcommands.end()) {
            current = *named;
            continue;
        }
        std::vector<std::string> names;
        for (const auto* sub : subcommands)
            names.push_back(sub->get_name());
        return Unknown{trf("unknown command '{}'", arg), resembling(arg, names)};
    }
    return std::nullopt;
}

int occurrences(const std::string& option, int argc, char** argv) {
    int count = 0;
    for (int i = 1; i < argc; ++i) {
        std::string_view arg = argv[i];
        if (arg == option || arg.substr(0, option.size() + 1) == option + "=")
            ++count;
    }
    return count;
}

std::string describe(const CLI::ParseError& e, int argc, char** argv) {
    std::string what = e.what();
    if (dynamic_cast<const CLI::ExtrasError*>(&e)) {
        auto colon = what.find(": ");
        return trf("unexpected argument '{}'",
                   colon == std::string::npos ? what : what.substr(colon + 2));
    }
    if (dynamic_cast<const CLI::RequiredError*>(&e)) {
        if (what.find("subcommand") != std::string::npos)
            return tr("a command is missing");
        if (auto at = what.find(" is required"); at != std::string::npos)
            return trf("{} is missing", what.substr(0, at));
    }
    if (dynamic_cast<const CLI::ArgumentMismatch*>(&e)) {
        auto option = what.substr(0, what.find(':'));
        return occurrences(option, argc, argv) > 1
                   ? trf("{} is given more than once: give it once", option)
                   : trf("{} needs a value", option);
    }
    return trf("bad usage: {}", what);
}

} // namespace

int usage_error(const CLI::App& app, const CLI::ParseError& error, int argc, char** argv) {
    auto unknown = find_unknown(app, argc, argv);
    auto message = unknown ? unknown->message : describe(error, argc, argv);
    auto hints = unknown ? unknown->hints : std::vector<std::string>{};
    hints.push_back(tr("see `kades --help`"));
    render::write_error(std::cerr, message, hints);
    return core::k_exit_usage;
}

} // namespace kades::cli
