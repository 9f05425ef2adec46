#include "cli/app.hpp"

#include "cli/commands.hpp"
#include "cli/context.hpp"
#include "cli/usage.hpp"
#include "core/error.hpp"
#include "core/i18n.hpp"
#include "core/text.hpp"
#include "kades/version.hpp"
#include "render/error.hpp"
#include "store/error.hpp"

#include <CLI/CLI.hpp>

#include <algorithm>
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

void add_globals(CLI::App& app, Globals& globals) {
    app.add_option("--db", globals.db, tr("the log file (default: ~/.local/share/kades/kades.db)"))
        ->envname("KADES_DB");
    app.add_option("-f,--format", globals.format, tr("output format: table, markdown, json, csv"))
        ->envname("KADES_FORMAT");
    app.add_option("--lang", globals.lang, tr("language: id (Bahasa Indonesia) or en"))
        ->envname("KADES_LANG");
    app.add_option("--color", globals.color, tr("color: auto, always, never"));
    app.add_flag("-q,--quiet", globals.quiet, tr("print only what a script needs"));
}

// CLI11's own words in the help, in the user's language.
void translate_help(CLI::App& app) {
    auto formatter = app.get_formatter();
    for (const char* label : {N_("Usage"), N_("OPTIONS"), N_("SUBCOMMAND"), N_("SUBCOMMANDS"),
                              N_("Positionals"), N_("REQUIRED"), N_("Env")})
        formatter->label(label, tr(label));
    app.option_defaults()->group(tr("Options"));
    app.group(tr("Commands"));
}

// Subcommands get their --help from CLI11 in its own group: put it with the other options.
void group_help(CLI::App& app) {
    for (auto* sub : app.get_subcommands([](const CLI::App*) { return true; })) {
        if (auto* help = sub->get_help_ptr())
            help->group(tr("Options"));
        group_help(*sub);
    }
}

} // namespace

int run(int argc, char** argv) {
    std::setlocale(LC_CTYPE, "C.UTF-8"); // display widths of UTF-8 text
    Context ctx;
    try {
        auto lang = requested_language(argc, argv);
        auto parsed = core::parse_lang(lang);
        if (!parsed)
            throw core::Usage(trf("unknown language '{}': use id or en", lang));
        core::set_language(*parsed, (ctx.share_dir() / "locale").string());

        CLI::App app{tr("kades: the shared knowledge log of a network of village heads"), "kades"};
        translate_help(app);
        app.set_version_flag("--version", "kades " KADES_VERSION, tr("print the version and exit"));
        app.set_help_flag("-h,--help", tr("print this help and exit"));
        app.require_subcommand(1);
        app.footer(tr("Example: kades village show sidasari-cipari --lang id\nEvery command has "
                      "--help with an example."));
        app.fallthrough();
        add_globals(app, ctx.globals);
        setup_region(app, ctx);
        setup_village(app, ctx);
        setup_forum(app, ctx);
        setup_meeting(app, ctx);
        setup_visit(app, ctx);
        setup_lesson(app, ctx);
        setup_action(app, ctx);
        setup_partner(app, ctx);
        setup_agreement(app, ctx);
        setup_report(app, ctx);
        setup_share(app, ctx);
        setup_db(app, ctx);
        group_help(app);
        try {
            app.parse(argc, argv);
        } catch (const CLI::ParseError& e) {
            if (e.get_exit_code() == 0) // --help, --version
                return app.exit(e);
            return usage_error(app, e, argc, argv);
        } catch (...) {
            store::rethrow_translated();
        }
        try {
            ctx.commit(); // the one commit: the command ran and its output is ready
        } catch (...) {
            store::rethrow_translated();
        }
        std::cout << ctx.output() << std::flush;
        return 0;
    } catch (const core::Error& e) {
        render::write_error(std::cerr, e.what(), e.hints());
        return e.exit_code();
    } catch (const std::exception& e) {
        render::write_error(std::cerr, trf("unexpected failure: {}", e.what()), {});
        return core::k_exit_failed;
    }
}

} // namespace kades::cli
