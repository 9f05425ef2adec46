#include "cli/village_options.hpp"

#include "core/i18n.hpp"

namespace kades::cli {
using core::tr;

void add_village_field_options(CLI::App& cmd, VillageFieldOptions& opt, bool for_edit) {
    if (for_edit)
        cmd.add_option("--name", opt.name, tr("the village's name"));
    cmd.add_option("--code", opt.code, tr("Kemendagri code, e.g. 33.01.18.2011"));
    cmd.add_option("--district", opt.district, tr("kecamatan"));
    cmd.add_option("--regency", opt.regency, tr("kabupaten or kota"));
    cmd.add_option("--province", opt.province, tr("province"));
    cmd.add_option("--head", opt.head, tr("the kepala desa's name"));
    cmd.add_option("--head-since", opt.head_since, tr("when the head took office (a date)"));
    cmd.add_option("--phone", opt.phone, tr("phone number, kept as +62..."));
    cmd.add_option("--email", opt.email, tr("e-mail address"));
    cmd.add_option("--tag", opt.tags, tr("a tag (repeatable)"));
    cmd.add_option("--note", opt.note, tr("a free note"));
    if (for_edit)
        cmd.add_option("--untag", opt.untags, tr("remove a tag (repeatable)"));
    else
        cmd.add_option("--slug", opt.slug, tr("the slug to use instead of name-kecamatan"));
}

core::VillageFields village_fields(const VillageFieldOptions& opt, core::Date today) {
    core::VillageFields f;
    f.name = opt.name;
    f.code = opt.code;
    f.district = opt.district;
    f.regency = opt.regency;
    f.province = opt.province;
    f.head = opt.head;
    if (opt.head_since)
        f.head_since = core::parse_date(*opt.head_since, today);
    f.phone = opt.phone;
    f.email = opt.email;
    f.note = opt.note;
    f.slug = opt.slug;
    f.add_tags = opt.tags;
    f.remove_tags = opt.untags;
    return f;
}

} // namespace kades::cli
