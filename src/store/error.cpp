#include "store/error.hpp"

#include "core/error.hpp"
#include "core/i18n.hpp"

#include <SQLiteCpp/Exception.h>
#include <sqlite3.h>

namespace kades::store {

void rethrow_translated() {
    try {
        throw;
    } catch (const SQLite::Exception& e) {
        switch (e.getErrorCode()) {
        case SQLITE_BUSY:
        case SQLITE_LOCKED:
            throw core::LogUnavailable(
                core::tr("the log is busy: another kades is writing to it; try again"));
        case SQLITE_CORRUPT:
        case SQLITE_NOTADB:
            throw core::LogUnavailable(core::trf("the log is damaged: {}", e.what()),
                                       {core::tr("check it with `kades db check`")});
        case SQLITE_READONLY:
        case SQLITE_CANTOPEN:
        case SQLITE_IOERR:
        case SQLITE_FULL:
            throw core::LogUnavailable(core::trf("cannot write the log: {}", e.what()));
        case SQLITE_CONSTRAINT:
            throw core::Conflict(core::trf("the change conflicts with the log: {}", e.what()));
        default:
            throw core::Error(core::k_exit_failed, core::trf("the log refused: {}", e.what()));
        }
    }
}

} // namespace kades::store
