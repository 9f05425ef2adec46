#include "core/lesson_template.hpp"

#include "core/error.hpp"
#include "core/text.hpp"

#include <fmt/format.h>

#include <array>
#include <optional>

namespace kades::core {
namespace {

enum class Header { title, village, kind, topics, date, meeting, visit };
enum class Part { context, outcome, lesson, recommendation };

struct HeaderName {
    Header header;
    const char* en;
    const char* id;
};

constexpr std::array<HeaderName, 7> k_headers{{
    {Header::title, "Title", "Judul"},
    {Header::village, "Village", "Desa"},
    {Header::kind, "Kind", "Jenis"},
    {Header::topics, "Topics", "Topik"},
    {Header::date, "Date", "Tanggal"},
    {Header::meeting, "Meeting", "Pertemuan"},
    {Header::visit, "Visit", "Kunjungan"},
}};

struct PartName {
    Part part;
    const char* en;
    const char* id;
    const char* help; // msgid
};

constexpr std::array<PartName, 4> k_parts{{
    {Part::context, "Context", "Konteks", N_("the situation, and what was planned")},
    {Part::outcome, "Outcome", "Hasil", N_("what happened, with figures")},
    {Part::lesson, "Lesson", "Pelajaran", N_("the one sentence another village can take away")},
    {Part::recommendation, "Recommendation", "Rekomendasi", N_("what another village should do")},
}};

std::string at_line(std::size_t line, const std::string& message) {
    return trf("line {}: {}", line, message);
}

std::size_t line_of(std::string_view text, std::size_t offset) {
    std::size_t line = 1;
    for (std::size_t i = 0; i < offset && i < text.size(); ++i)
        line += text[i] == '\n' ? 1 : 0;
    return line;
}

// The text without its <!-- --> comments; the line breaks inside them are kept, so that line
// numbers stay those the user sees. CRs and a leading byte-order mark are dropped.
std::string without_comments(std::string_view text) {
    if (text.substr(0, 3) == "\xEF\xBB\xBF")
        text.remove_prefix(3);
    std::string out;
    std::size_t at = 0;
    for (auto open = text.find("<!--"); open != std::string_view::npos;
         open = text.find("<!--", at)) {
        out.append(text.substr(at, open - at));
        auto close = text.find("-->", open + 4);
        if (close == std::string_view::npos)
            throw Invalid(at_line(line_of(text, open),
                                  tr("a comment opened with <!-- is not closed with -->")));
        for (auto i = open; i < close; ++i)
            out += text[i] == '\n' ? "\n" : "";
        at = close + 3;
    }
    out.append(text.substr(at));
    std::erase(out, '\r');
    return out;
}

// The section a "## Name" line opens, or nullopt when the line is no section heading.
// Throws Invalid for a heading of a section the template does not have.
std::optional<Part> section_of(const std::string& line, std::size_t number) {
    bool heading =
        line.rfind("##", 0) == 0 && (line.size() == 2 || line[2] == ' ' || line[2] == '\t');
    if (!heading)
        return std::nullopt;
    auto name = trim(std::string_view(line).substr(2));
    for (const auto& part : k_parts) {
        if (iequals(name, part.en) || iequals(name, part.id))
            return part.part;
    }
    throw Invalid(at_line(number, trf("unknown section '## {}': use ## Context, ## Outcome, ## "
                                      "Lesson or ## Recommendation (Konteks, Hasil, Pelajaran, "
                                      "Rekomendasi)",
                                      name)));
}

std::vector<std::string> split_topics(std::string_view value) {
    std::vector<std::string> topics;
    std::size_t at = 0;
    while (at <= value.size()) {
        auto comma = value.find(',', at);
        auto end = comma == std::string_view::npos ? value.size() : comma;
        if (auto topic = trim(value.substr(at, end - at)); !topic.empty())
            topics.push_back(topic);
        at = end + 1;
    }
    return topics;
}

class Parser {
  public:
    explicit Parser(Date today) : m_today(today) {}
    void line(const std::string& text, std::size_t number);
    LessonFields finish();

  private:
    void header(const std::string& text, std::size_t number);
    void set(Header header, const std::string& value, std::size_t number);
    void close_part();

    Date m_today;
    LessonFields m_fields;
    std::array<bool, k_headers.size()> m_seen_header{};
    std::array<bool, k_parts.size()> m_seen_part{};
    std::optional<Part> m_part;
    std::vector<std::string> m_lines;
};

void Parser::line(const std::string& text, std::size_t number) {
    if (auto part = section_of(text, number)) {
        auto index = static_cast<std::size_t>(*part);
        if (m_seen_part[index])
            throw Invalid(
                at_line(number, trf("the section '## {}' is given twice", trim(text.substr(2)))));
        m_seen_part[index] = true;
        close_part();
        m_part = part;
    } else if (m_part) {
        m_lines.push_back(text);
    } else if (!trim(text).empty()) {
        header(text, number);
    }
}

void Parser::header(const std::string& text, std::size_t number) {
    auto colon = text.find(':');
    if (colon == std::string::npos)
        throw Invalid(at_line(number, trf("'{}' is neither a header nor a section: write a header "
                                          "as `Title: ...`, start a section with `## Context`",
                                          trim(text))));
    auto name = trim(std::string_view(text).substr(0, colon));
    for (const auto& h : k_headers) {
        if (!iequals(name, h.en) && !iequals(name, h.id))
            continue;
        auto index = static_cast<std::size_t>(h.header);
        if (m_seen_header[index])
            throw Invalid(at_line(number, trf("the header '{}' is given twice", name)));
        m_seen_header[index] = true;
        set(h.header, trim(std::string_view(text).substr(colon + 1)), number);
        return;
    }
    throw Invalid(at_line(number, trf("unknown header '{}': use Title, Village, Kind, Topics, "
                                      "Date, Meeting or Visit (Judul, Desa, Jenis, Topik, "
                                      "Tanggal, Pertemuan, Kunjungan)",
                                      name)));
}

void Parser::set(Header header, const std::string& value, std::size_t number) {
    try {
        switch (header) {
        case Header::title:
            m_fields.title = value;
            break;
        case Header::village:
            if (!value.empty())
                m_fields.village = value;
            break;
        case Header::kind:
            if (!value.empty())
                m_fields.kind = parse_lesson_kind(value);
            break;
        case Header::topics:
            m_fields.all_topics = split_topics(value);
            break;
        case Header::date:
            if (!value.empty())
                m_fields.date = parse_date(value, m_today);
            break;
        case Header::meeting:
            m_fields.meeting = value;
            break;
        case Header::visit:
            m_fields.visit = value;
            break;
        }
    } catch (const Invalid& e) {
        throw Invalid(at_line(number, e.what()), e.hints());
    }
}

void Parser::close_part() {
    if (!m_part)
        return;
    std::string text;
    for (const auto& l : m_lines)
        text += l + '\n';
    m_lines.clear();
    auto value = trim(text);
    switch (*m_part) {
    case Part::context:
        m_fields.context = value;
        break;
    case Part::outcome:
        m_fields.outcome = value;
        break;
    case Part::lesson:
        m_fields.lesson = value;
        break;
    case Part::recommendation:
        m_fields.recommendation = value;
        break;
    }
}

LessonFields Parser::finish() {
    close_part();
    return m_fields;
}

} // namespace

LessonFields parse_lesson_template(std::string_view text, Date today) {
    auto clean = without_comments(text);
    Parser parser(today);
    std::size_t number = 1;
    std::size_t at = 0;
    while (at < clean.size()) {
        auto end = clean.find('\n', at);
        if (end == std::string::npos)
            end = clean.size();
        parser.line(clean.substr(at, end - at), number++);
        at = end + 1;
    }
    return parser.finish();
}

std::string write_lesson_template(const LessonDraft& d, Lang lang) {
    auto name = [lang](const auto& names) { return lang == Lang::id ? names.id : names.en; };
    std::string topics;
    for (const auto& topic : d.topics)
        topics += (topics.empty() ? "" : ", ") + topic;
    const std::array<const std::string*, 7> values{&d.title, &d.village, &d.kind, &topics,
                                                   &d.date,  &d.meeting, &d.visit};
    std::string out;
    for (std::size_t i = 0; i < k_headers.size(); ++i)
        out += values[i]->empty() ? fmt::format("{}:\n", name(k_headers[i]))
                                  : fmt::format("{}: {}\n", name(k_headers[i]), *values[i]);
    out += fmt::format(
        "\n<!-- {}\n     {}\n     {}\n     {} -->\n",
        tr("Write the lesson and save; an empty title records nothing."),
        tr("Kind: success, failure or insight (sukses, gagal, wawasan); insight when empty."),
        tr("Topics: separated by commas. Village: slug, code or unique name. Date: today when "
           "empty."),
        tr("Meeting or Visit: the id of the one where the lesson was shared, if any."));
    const std::array<const std::string*, 4> texts{&d.context, &d.outcome, &d.lesson,
                                                  &d.recommendation};
    for (std::size_t i = 0; i < k_parts.size(); ++i) {
        out += fmt::format("\n## {}\n<!-- {} -->\n", name(k_parts[i]), tr(k_parts[i].help));
        if (!texts[i]->empty())
            out += *texts[i] + '\n';
    }
    return out;
}

void require_title(const LessonFields& fields) {
    if (!fields.title || trim(*fields.title).empty())
        throw Invalid(tr("Aborting: the lesson's title is empty, so nothing was recorded"),
                      {tr("give a title: TITLE on the command line, or a Title: line in the "
                          "template")});
}

} // namespace kades::core
