// village add | import | edit: writing the network's villages. Reading (list, show) is in
// cmd_village_read.cpp, and the record-keeping (head, index, archive, remove) in
// cmd_village_record.cpp.

#include "cli/commands.hpp"
#include "cli/village_options.hpp"
#include "core/error.hpp"
#include "core/i18n.hpp"
#include "render/village.hpp"
#include "store/village.hpp"

#include <memory>

namespace kades::cli {
using core::tr;
using core::trf;
using core::trnf;
using render::Format;

void setup_village_read(CLI::App& village, Context& ctx);
void setup_village_record(CLI::App& village, Context& ctx);

namespace {

struct AddOptions {
    VillageFieldOptions fields;
};

struct ImportOptions {
    std::string under, file;
};

struct EditOptions {
    std::string ref;
    VillageFieldOptions fields;
};

void print_village(Context& ctx, const render::Options& options, const core::Village& v,
                   const std::string& message) {
    if (options.format == Format::json)
        render::write_json(ctx.out(), render::village_json(v));
    else if (ctx.globals.quiet)
        ctx.out() << v.slug << '\n';
    else
        ctx.say(message);
}

void run_add(Context& ctx, const AddOptions& opt) {
    auto options = ctx.render_options({Format::table, Format::json});
    auto fields = village_fields(opt.fields, ctx.today());
    auto& log = ctx.open_log(store::OpenMode::write);
    auto v = store::add_village(log, fields);
    print_village(ctx, options, v, trf("Added {} as {}.", render::village_label(v), v.slug));
}

void run_import(Context& ctx, const ImportOptions& opt) {
    ctx.render_options({Format::table});
    if (opt.under.empty() == opt.file.empty())
        throw core::Usage(tr("give either --under CODE or a FILE.csv"));
    auto& log = ctx.open_log(store::OpenMode::write);
    auto result = opt.under.empty() ? store::import_villages_csv(log, opt.file)
                                    : store::import_villages_under(log, opt.under);
    ctx.say(trnf("Added {} village.", "Added {} villages.",
                 static_cast<unsigned long>(result.added), result.added) +
            " " +
            trnf("{} was already in the network.", "{} were already in the network.",
                 static_cast<unsigned long>(result.existing), result.existing));
}

void run_edit(Context& ctx, const EditOptions& opt) {
    auto options = ctx.render_options({Format::table, Format::json});
    auto fields = village_fields(opt.fields, ctx.today());
    auto& log = ctx.open_log(store::OpenMode::write);
    auto v = store::edit_village(log, store::resolve_village(log, opt.ref), fields);
    print_village(ctx, options, v, trf("Updated {}.", v.slug));
}

} // namespace

void setup_village(CLI::App& app, Context& ctx) {
    auto* village = app.add_subcommand("village", tr("the villages of the network"));
    village->require_subcommand(1);
    village->footer(tr("Example: kades village import --under 33.01.18"));

    auto add_opt = std::make_shared<AddOptions>();
    auto* add = village->add_subcommand("add", tr("add a village to the network"));
    add->add_option("NAME", add_opt->fields.name,
                    tr("the village's name (from --code if left out)"));
    add_village_field_options(*add, add_opt->fields, false);
    add->footer(tr("Example: kades village add --code 33.01.18.2011 --head \"Sutarno\" --phone "
                   "0812-2600-1234"));
    add->callback([&ctx, add_opt] { run_add(ctx, *add_opt); });

    auto import_opt = std::make_shared<ImportOptions>();
    auto* import = village->add_subcommand("import", tr("add every village under a region code, "
                                                        "or the villages of a CSV file"));
    import->add_option("FILE", import_opt->file, tr("a CSV in the shape of `village list -f csv`"));
    import->add_option("--under", import_opt->under,
                       tr("a province, regency or district code, e.g. 33.01.18"));
    import->footer(tr("Example: kades village import --under 33.01.18"));
    import->callback([&ctx, import_opt] { run_import(ctx, *import_opt);
});

auto edit_opt = std::make_shared<EditOptions>();
auto* edit = village->add_subcommand("edit", tr("change a village's details"));
edit->add_option("REF", edit_opt->ref, tr("slug, code or unique name"))->required();
add_village_field_options(*edit, edit_opt->fields, true);
edit->footer(tr("Example: kades village edit sidasari-cipari --phone 0812-2600-1234 --tag "
                "bumdes"));
edit->callback([&ctx, edit_opt] { run_edit(ctx, *edit_opt); });

setup_village_read(*village, ctx);
setup_village_record(*village, ctx);
} // namespace kades::cli

} // namespace kades::cli
