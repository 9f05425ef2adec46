#include "core/error.hpp"
#include "core/i18n.hpp"
#include "core/phone.hpp"
#include "core/slug.hpp"
#include "core/text.hpp"
#include "core/village.hpp"

namespace kades::core {
namespace {

void clean_tags(std::vector<std::string>& tags) {
    for (auto& tag : tags)
        tag = normalize_tag(tag);
}

} // namespace

void normalize_village_fields(VillageFields& fields) {
    clean_optional(fields.name, "name");
    clean_optional(fields.district, "district");
    clean_optional(fields.regency, "regency");
    clean_optional(fields.province, "province");
    clean_optional(fields.note, "note");
    clean_optional(fields.head, "head");
    if (fields.name && fields.name->empty())
        throw Invalid(tr("the village name is empty: give its name"));
    if (fields.head && fields.head->empty())
        throw Invalid(tr("the head's name is empty: give a name"));
    if (fields.phone && !trim(*fields.phone).empty())
        fields.phone = normalize_phone(*fields.phone);
    else if (fields.phone)
        fields.phone = "";
    if (fields.email && !trim(*fields.email).empty())
        fields.email = validate_email(*fields.email);
    else if (fields.email)
        fields.email = "";
    if (fields.slug)
        validate_slug(*fields.slug);
    clean_tags(fields.add_tags);
    clean_tags(fields.remove_tags);
}

} // namespace kades::core
