#include "cli/app.hpp"

#include "cli/commands.hpp"
#include "cli/context.hpp"
#include "core/error.hpp"
#include "core/i18n.hpp"
#include "core/text.hpp"
#include "render/text.hpp"
#include "store/error.hpp"

#include <CLI/CLI.hpp>

#include <clocale>
#include <cstdlib>
#include <iostream>

namespace kades::cli {
using core::tr;
using core::trf;

namespace {

std::string env(const char* name) {
    const char* value = std::getenv(name);
    return value ? value : "";
}

// The language is needed before the command line is built, so that its help is translated:
// --lang (anywhere), else KADES_LANG, else the locale (LC_ALL, LC_MESSAGES, LANG).
std::string requested_language(int argc, char** argv) {
    for (int i = 1; i < argc; ++i) {
        std::string_view arg = argv[i];
        if (arg == "--")
            break;
        if (arg == "--lang" && i + 1 < argc)
            return argv[i + 1];
        if (arg.substr(0, 7) == "--lang=")
            return std::string(arg.substr(7));
    }
    if (auto lang = env("KADES_LANG"); !lang.empty())
        return lang;
    for (const char* name : {"LC_ALL", "LC_MESSAGES", "LANG"})
        if (auto locale = env(name); !locale.empty())
            return core::lang_from_locale(locale) == core::Lang::id ? "id" : "en";
    return "en";
}

void print_error(const std::string& message, const std::vector<std::string>& hints) {
    std::cerr << "kades: error: " << render::sanitize(message) << '\n';
    for (const auto& hint : hints)
        std::cerr << "  " << render::sanitize(hint) << '\n';
}

void add_globals(CLI::App& app, Globals& globals) {
    app.add_option("--db", globals.db, tr("the log file (default: ~/.local/share/kades/kades.db)"))
        ->envname("KADES_DB");
    app.add_option("-f,--format", globals.format, tr("output format: table, markdown, json, csv"))
        ->envname("KADES_FORMAT");
    app.add_option("--lang", globals.lang, tr("language: id (Bahasa Indonesia) or en"))
        ->envname("KADES_LANG");
    app.add_option("--color", globals.color, tr("colour: auto, always, never"));
    app.add_flag("-q,--quiet", globals.quiet, tr("print only what a script needs"));
}

int parse_error(CLI::App& app, const CLI::ParseError& e) {
    if (e.get_exit_code() == 0) // --help, --version
        return app.exit(e);
    std::vector<std::string> hints{tr("see `kades --help`")};
    std::string what = e.what();
    if (e.get_name() == "ExtrasError") {
        auto colon = what.find(": ");
        what = trf("unknown command, option or argument: {}",
                   colon == std::string::npos ? what : what.substr(colon + 2));
    } else if (e.get_name() == "RequiredError" && what.find("subcommand") != std::string::npos) {
        what = tr("a command is missing");
    } else {
        what = trf("bad usage: {}", what);
    }
    print_error(what, hints);
    return core::k_exit_usage;
}

} // namespace

int run(int argc, char** argv) {
    std::setlocale(LC_CTYPE, "C.UTF-8"); // display widths of UTF-8 text
    Context ctx;
    try {
        auto lang = requested_language(argc, argv);
        if (lang != "id" && lang != "en")
            throw core::Usage(trf("unknown language '{}': use id or en", lang));
        core::set_language(core::lang_from_locale(lang), (ctx.share_dir() / "locale").string());

        CLI::App app{tr("kades: the shared knowledge log of a network of village heads"), "kades"};
        app.set_version_flag("--version", "kades " KADES_VERSION);
        app.set_help_flag("-h,--help", tr("print this help and exit"));
        app.require_subcommand(1);
        app.fallthrough();
        add_globals(app, ctx.globals);
        setup_region(app, ctx);
        setup_village(app, ctx);
        setup_db(app, ctx);
        try {
            app.parse(argc, argv);
        } catch (const CLI::ParseError& e) {
            return parse_error(app, e);
        } catch (...) {
            store::rethrow_translated();
        }
        std::cout << ctx.output() << std::flush;
        return 0;
    } catch (const core::Error& e) {
        print_error(e.what(), e.hints());
        return e.exit_code();
    } catch (const std::exception& e) {
        print_error(trf("unexpected failure: {}", e.what()), {});
        return core::k_exit_failed;
    }
}

} // namespace kades::cli
