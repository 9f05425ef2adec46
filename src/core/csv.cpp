#include "core/csv.hpp"

#include "core/error.hpp"
#include "core/i18n.hpp"

#include <algorithm>

namespace kades::core {
namespace {

std::string read_all(std::istream& in, const std::string& source) {
    std::string data;
    char chunk[1 << 16];
    while (in.read(chunk, sizeof chunk) || in.gcount() > 0)
        data.append(chunk, static_cast<std::size_t>(in.gcount()));
    if (in.bad())
        throw Invalid(trf("{}: the file cannot be read: check that it is a readable file", source));
    return data;
}

// A state machine over the whole text. The row's strings are kept between records so that
// a long file costs no allocation per field once the first rows have sized them.
class Parser {
  public:
    Parser(std::string_view data, const std::string& source) : m_data(data), m_source(source) {
        if (m_data.substr(0, 3) == "\xEF\xBB\xBF")
            m_pos = 3;
    }

    void run(const std::function<void(const CsvRow&, std::size_t)>& on_row) {
        while (m_pos < m_data.size()) {
            if (skip_empty_line())
                continue;
            std::size_t line = m_line;
            read_record();
            on_row(m_row, line);
        }
    }

  private:
    bool at_end() const { return m_pos >= m_data.size(); }

    // A line with nothing on it is no record: blank lines, including a trailing one.
    bool skip_empty_line() {
        char c = m_data[m_pos];
        if (c != '\n' && c != '\r')
            return false;
        end_line();
        return true;
    }

    void end_line() {
        if (m_data[m_pos] == '\r' && m_pos + 1 < m_data.size() && m_data[m_pos + 1] == '\n')
            ++m_pos;
        ++m_pos;
        ++m_line;
    }

    void read_record() {
        std::size_t count = 0;
        for (;;) {
            if (count == m_row.size())
                m_row.emplace_back();
            std::string& field = m_row[count++];
            field.clear();
            if (!at_end() && m_data[m_pos] == '"')
                read_quoted(field);
            read_plain(field);
            if (at_end())
                break;
            if (m_data[m_pos] != ',') {
                end_line();
                break;
            }
            ++m_pos;
        }
        m_row.resize(count);
    }

    // Appends up to the next comma or line break.
    void read_plain(std::string& field) {
        std::size_t end = m_pos;
        while (end < m_data.size()) {
            char c = m_data[end];
            if (c == ',' || c == '\n' || c == '\r')
                break;
            ++end;
        }
        field.append(m_data.data() + m_pos, end - m_pos);
        m_pos = end;
    }

    void read_quoted(std::string& field) {
        const std::size_t opened = m_line;
        ++m_pos;
        for (;;) {
            std::size_t quote = m_data.find('"', m_pos);
            if (quote == std::string_view::npos)
                throw Invalid(trf("{}: line {}: a quoted field is not closed: add the closing "
                                  "quote",
                                  m_source, opened));
            const char* begin = m_data.data() + m_pos;
            m_line += static_cast<std::size_t>(std::count(begin, m_data.data() + quote, '\n'));
            field.append(begin, quote - m_pos);
            m_pos = quote + 1;
            if (at_end() || m_data[m_pos] != '"')
                return;
            field += '"';
            ++m_pos;
        }
    }

    std::string_view m_data;
    const std::string& m_source;
    std::size_t m_pos = 0;
    std::size_t m_line = 1;
    CsvRow m_row;
};

} // namespace

void read_csv(std::istream& in, const std::string& source,
              const std::function<void(const CsvRow&, std::size_t line)>& on_row) {
    const std::string data = read_all(in, source);
    Parser parser(data, source);
    parser.run(on_row);
}

} // namespace kades::core
