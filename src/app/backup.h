// Backup and restore of a whole portal (A12): the database, copied consistently through SQLite's
// online backup while the server may be running, and the stored files, in one tar archive.
#pragma once

#include <string>

namespace artel {
void write_backup(const std::string& data_dir, const std::string& archive);
// Refuses to replace an existing portal unless `force`.
void restore_backup(const std::string& archive, const std::string& data_dir, bool force);
}  // namespace artel
