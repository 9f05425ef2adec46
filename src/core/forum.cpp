#include "core/forum.hpp"

#include "core/error.hpp"
#include "core/i18n.hpp"
#include "core/text.hpp"

namespace kades::core {

void normalize_forum_fields(ForumFields& fields, Date today) {
    if (fields.name) {
        fields.name = clean_field(*fields.name, "name");
        if (fields.name->empty())
            throw Invalid(tr("the forum's name is empty: give its name"));
    }
    if (fields.purpose)
        fields.purpose = clean_field(*fields.purpose, "purpose");
    if (fields.founded && *fields.founded && **fields.founded > today)
        throw Invalid(trf("the founding date {} is after today ({}): a forum is recorded once "
                          "it exists",
                          iso(**fields.founded), iso(today)));
}

} // namespace kades::core
