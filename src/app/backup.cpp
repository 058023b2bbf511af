#include "app/backup.h"

#include <array>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <stdexcept>

#include "app/runtime.h"
#include "core/crypto.h"

namespace artel {

namespace fs = std::filesystem;

namespace {

constexpr std::size_t kBlock = 512;

void octal(char* field, std::size_t width, std::uint64_t value) {
  std::snprintf(field, width, "%0*llo", static_cast<int>(width - 1),
                static_cast<unsigned long long>(value));
}

void write_entry(std::ofstream& out, const std::string& name, const fs::path& source) {
  if (name.size() >= 100) throw std::runtime_error("Path too long for the archive: " + name);
  std::array<char, kBlock> header{};
  std::memcpy(header.data(), name.data(), name.size());
  std::uint64_t size = fs::file_size(source);
  octal(header.data() + 100, 8, 0644);
  octal(header.data() + 108, 8, 0);
  octal(header.data() + 116, 8, 0);
  octal(header.data() + 124, 12, size);
  octal(header.data() + 136, 12, 0);
  header[156] = '0';
  std::memcpy(header.data() + 257, "ustar", 6);
  std::memcpy(header.data() + 263, "00", 2);
  std::memset(header.data() + 148, ' ', 8);
  unsigned sum = 0;
  for (char c : header) sum += static_cast<unsigned char>(c);
  std::snprintf(header.data() + 148, 8, "%06o", sum);
  header[155] = ' ';
  out.write(header.data(), kBlock);
  std::ifstream in(source, std::ios::binary);
  std::array<char, 65536> buffer;
  std::uint64_t left = size;
  while (left > 0) {
    auto n = static_cast<std::streamsize>(std::min<std::uint64_t>(left, buffer.size()));
    in.read(buffer.data(), n);
    if (in.gcount() != n) throw std::runtime_error("Cannot read " + source.string());
    out.write(buffer.data(), n);
    left -= static_cast<std::uint64_t>(n);
  }
  std::array<char, kBlock> pad{};
  if (size % kBlock) out.write(pad.data(), static_cast<std::streamsize>(kBlock - size % kBlock));
}

bool safe_name(const std::string& name) {
  return !name.empty() && name.front() != '/' && name.find("..") == std::string::npos &&
         (name == "artel.db" || name.rfind("files/", 0) == 0);
}

}  // namespace

void write_backup(const std::string& data_dir, const std::string& archive) {
  std::string snapshot = archive + ".db-" + crypto::random_token(8);
  {
    db::Database db(Runtime::database_path(data_dir));
    db.backup_to(snapshot);
  }
  std::string partial = archive + ".partial";
  try {
    std::ofstream out(partial, std::ios::binary | std::ios::trunc);
    if (!out) throw std::runtime_error("Cannot write " + archive);
    write_entry(out, "artel.db", snapshot);
    fs::path files = fs::path(data_dir) / "files";
    if (fs::exists(files)) {
      for (const auto& entry : fs::recursive_directory_iterator(files)) {
        if (!entry.is_regular_file() ||
            entry.path().filename().string().find(".tmp") != std::string::npos)
          continue;
        write_entry(out, "files/" + fs::relative(entry.path(), files).string(), entry.path());
      }
    }
    std::array<char, kBlock * 2> end{};
    out.write(end.data(), end.size());
    out.flush();
    if (!out) throw std::runtime_error("Cannot write " + archive);
  } catch (...) {
    fs::remove(snapshot);
    fs::remove(partial);
    throw;
  }
  fs::remove(snapshot);
  fs::rename(partial, archive);
}

void restore_backup(const std::string& archive, const std::string& data_dir, bool force) {
  if (fs::exists(Runtime::database_path(data_dir)) && !force)
    throw std::runtime_error("A portal already exists in " + data_dir +
                             "; add --force to replace it.");
  std::ifstream in(archive, std::ios::binary);
  if (!in) throw std::runtime_error("Cannot read " + archive);
  fs::path staging = fs::path(data_dir).string() + ".restore-" + crypto::random_token(6);
  fs::create_directories(staging);
  bool has_db = false;
  try {
    std::array<char, kBlock> header;
    while (in.read(header.data(), kBlock)) {
      if (header[0] == '\0') break;
      std::string name(header.data(), strnlen(header.data(), 100));
      std::uint64_t size = std::strtoull(std::string(header.data() + 124, 12).c_str(), nullptr, 8);
      if (!safe_name(name))
        throw std::runtime_error("Not an Artel backup: unexpected entry " + name);
      fs::path target = staging / name;
      fs::create_directories(target.parent_path());
      std::ofstream out(target, std::ios::binary);
      std::array<char, 65536> buffer;
      std::uint64_t left = size;
      while (left > 0) {
        auto n = static_cast<std::streamsize>(std::min<std::uint64_t>(left, buffer.size()));
        in.read(buffer.data(), n);
        if (in.gcount() != n) throw std::runtime_error("The archive is truncated.");
        out.write(buffer.data(), n);
        left -= static_cast<std::uint64_t>(n);
      }
      if (size % kBlock) in.ignore(static_cast<std::streamsize>(kBlock - size % kBlock));
      has_db |= name == "artel.db";
    }
    if (!has_db) throw std::runtime_error("Not an Artel backup: it holds no database.");
  } catch (...) {
    fs::remove_all(staging);
    throw;
  }
  fs::create_directories(data_dir);
  for (const char* leftover : {"artel.db-wal", "artel.db-shm"})
    fs::remove(fs::path(data_dir) / leftover);
  fs::remove_all(fs::path(data_dir) / "files");
  if (fs::exists(staging / "files")) fs::rename(staging / "files", fs::path(data_dir) / "files");
  fs::rename(staging / "artel.db", Runtime::database_path(data_dir));
  fs::remove_all(staging);
}

}  // namespace artel
