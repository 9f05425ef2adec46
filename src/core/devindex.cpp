#include "core/devindex.hpp"

#include "core/error.hpp"
#include "core/text.hpp"

#include <array>

namespace kades::core {
namespace {

struct StatusNames {
    DevStatus status;
    const char* key;
    const char* english_key;
    const char* label_id;
    const char* label_en;
};

constexpr std::array<StatusNames, 5> k_statuses{{
    {DevStatus::sangat_tertinggal, "sangat-tertinggal", "very-underdeveloped", "Sangat Tertinggal",
     "Very underdeveloped"},
    {DevStatus::tertinggal, "tertinggal", "underdeveloped", "Tertinggal", "Underdeveloped"},
    {DevStatus::berkembang, "berkembang", "developing", "Berkembang", "Developing"},
    {DevStatus::maju, "maju", "advanced", "Maju", "Advanced"},
    {DevStatus::mandiri, "mandiri", "independent", "Mandiri", "Independent"},
}};

const StatusNames& names_of(DevStatus status) {
    return k_statuses[static_cast<std::size_t>(status)];
}

// "Sangat  Tertinggal", "sangat_tertinggal" -> "sangat-tertinggal".
std::string status_word(std::string_view text) {
    std::string word;
    for (char c : ascii_lower(trim(text))) {
        bool separator = c == ' ' || c == '\t' || c == '_' || c == '-';
        if (!separator)
            word += c;
        else if (!word.empty() && word.back() != '-')
            word += '-';
    }
    return word;
}

} // namespace

IndexKind parse_index_kind(std::string_view text) {
    std::string word = ascii_lower(trim(text));
    if (word == "idm")
        return IndexKind::idm;
    if (word == "id")
        return IndexKind::id;
    throw Invalid(trf("index '{}' is not known: use idm or id", text));
}

std::string index_kind_key(IndexKind kind) {
    return kind == IndexKind::idm ? "idm" : "id";
}

DevStatus parse_dev_status(std::string_view text) {
    std::string word = status_word(text);
    for (const auto& names : k_statuses) {
        if (word == names.key || word == names.english_key)
            return names.status;
    }
    throw Invalid(trf("status '{}' is not known: use sangat-tertinggal, tertinggal, berkembang, "
                      "maju or mandiri",
                      text));
}

std::string dev_status_key(DevStatus status) {
    return names_of(status).key;
}

std::string dev_status_label(DevStatus status, Lang lang) {
    const StatusNames& names = names_of(status);
    return lang == Lang::id ? names.label_id : names.label_en;
}

DevStatus idm_status(double score) {
    if (score <= 0.4907)
        return DevStatus::sangat_tertinggal;
    if (score <= 0.5989)
        return DevStatus::tertinggal;
    if (score <= 0.7072)
        return DevStatus::berkembang;
    if (score <= 0.8155)
        return DevStatus::maju;
    return DevStatus::mandiri;
}

IndexScore make_index_score(IndexKind kind, double score, std::optional<DevStatus> status) {
    // Written so that NaN fails both comparisons and is refused.
    if (kind == IndexKind::idm) {
        if (!(score >= 0.0 && score <= 1.0))
            throw Invalid(trf("IDM score {} is out of range: give a number from 0 to 1", score));
        DevStatus derived = idm_status(score);
        if (status && *status != derived)
            throw Invalid(trf(
                "status '{}' does not match IDM score {} (that score means {}): leave --status out",
                dev_status_key(*status), score, dev_status_key(derived)));
        return IndexScore{kind, score, derived};
    }
    if (!(score >= 0.0 && score <= 100.0))
        throw Invalid(
            trf("Indeks Desa score {} is out of range: give a number from 0 to 100", score));
    if (!status)
        throw Invalid(tr("an Indeks Desa score needs --status (sangat-tertinggal, tertinggal, "
                         "berkembang, maju, mandiri)"));
    return IndexScore{kind, score, *status};
}

} // namespace kades::core
