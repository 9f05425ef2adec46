#pragma once
// Development index of a village: IDM (Indeks Desa Membangun, Permendesa 2/2016, 0..1) or
// ID (Indeks Desa, Permendesa 9/2024, 0..100), with the five statuses both share.

#include "core/i18n.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace kades::core {

enum class IndexKind { idm, id };
enum class DevStatus { sangat_tertinggal, tertinggal, berkembang, maju, mandiri };

IndexKind parse_index_kind(std::string_view text); // idm | id; throws Invalid
std::string index_kind_key(IndexKind kind);        // "idm" | "id"

// sangat-tertinggal|tertinggal|berkembang|maju|mandiri (and English: very-underdeveloped,
// underdeveloped, developing, advanced, independent; spaces or hyphens). Throws Invalid.
DevStatus parse_dev_status(std::string_view text);
std::string dev_status_key(DevStatus status); // "sangat-tertinggal", ...
std::string dev_status_label(DevStatus status,
                             Lang lang); // "Sangat Tertinggal" / "Very underdeveloped"

// IDM bands: Sangat Tertinggal <= 0.4907 < Tertinggal <= 0.5989 < Berkembang <= 0.7072 < Maju
// <= 0.8155 < Mandiri.
DevStatus idm_status(double score);

struct IndexScore {
    IndexKind kind;
    double score;
    DevStatus status;
};
// Validates the score's range for its kind (idm 0..1, id 0..100) and the status: derived for
// idm (a given status that disagrees is refused), required for id. Throws Invalid.
IndexScore make_index_score(IndexKind kind, double score, std::optional<DevStatus> status);

} // namespace kades::core
