#pragma once
// The one error hierarchy of kades. Each error carries its exit code (the contract of
// spec section 1) and optional hint lines; main() is the one place that prints them.

#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace kades::core {

inline constexpr int k_exit_failed = 1; // not found, ambiguous, invalid, conflict, refused
inline constexpr int k_exit_usage = 2;  // unknown command or option, missing argument
inline constexpr int k_exit_log = 3;    // the log cannot be used

class Error : public std::runtime_error {
  public:
    Error(int exit_code, const std::string& message, std::vector<std::string> hints = {})
        : std::runtime_error(message), m_exit_code(exit_code), m_hints(std::move(hints)) {}
    int exit_code() const { return m_exit_code; }
    const std::vector<std::string>& hints() const { return m_hints; }

  private:
    int m_exit_code;
    std::vector<std::string> m_hints;
};

#define KADES_ERROR(Name, code)                                                                    \
    class Name : public Error {                                                                    \
      public:                                                                                      \
        explicit Name(const std::string& message, std::vector<std::string> hints = {})             \
            : Error(code, message, std::move(hints)) {}                                            \
    }

KADES_ERROR(NotFound, k_exit_failed);
KADES_ERROR(Ambiguous, k_exit_failed);
KADES_ERROR(Invalid, k_exit_failed);
KADES_ERROR(Conflict, k_exit_failed);
KADES_ERROR(Refused, k_exit_failed);
KADES_ERROR(Usage, k_exit_usage);
KADES_ERROR(LogUnavailable, k_exit_log);

#undef KADES_ERROR

} // namespace kades::core
