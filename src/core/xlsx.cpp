#include "core/xlsx.h"

#include <xlsxwriter.h>

#include <unistd.h>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace artel::xlsx {

namespace {

std::string sheet_name(std::string name) {
  for (auto& c : name)
    if (std::string_view("[]:*?/\\").find(c) != std::string_view::npos) c = '_';
  if (name.empty()) name = "Report";
  // 31 characters at most; cut on a UTF-8 boundary.
  std::size_t count = 0, i = 0;
  for (; i < name.size(); ++i) {
    if ((static_cast<unsigned char>(name[i]) & 0xC0) != 0x80 && ++count > 31) break;
  }
  return name.substr(0, i);
}

}  // namespace

std::string workbook(const Sheet& sheet, const std::string& temp_dir) {
  std::string path = temp_dir + "/artel-xlsx-XXXXXX";
  int fd = mkstemp(path.data());
  if (fd < 0) throw std::runtime_error("cannot create a temporary file in " + temp_dir);
  close(fd);
  struct Remove {
    std::string path;
    ~Remove() { std::remove(path.c_str()); }
  } remove_later{path};

  lxw_workbook* wb = workbook_new(path.c_str());
  if (!wb) throw std::runtime_error("cannot start a workbook");
  lxw_worksheet* ws = workbook_add_worksheet(wb, sheet_name(sheet.name).c_str());
  lxw_format* bold = workbook_add_format(wb);
  format_set_bold(bold);
  format_set_bg_color(bold, 0xDDEEFF);
  format_set_border(bold, LXW_BORDER_THIN);
  lxw_format* title = workbook_add_format(wb);
  format_set_bold(title);
  format_set_font_size(title, 13);
  lxw_row_t row = 0;
  if (!sheet.title.empty()) {
    worksheet_write_string(ws, row, 0, sheet.title.c_str(), title);
    row += 2;
  }
  for (std::size_t c = 0; c < sheet.header.size(); ++c) {
    worksheet_write_string(ws, row, static_cast<lxw_col_t>(c), sheet.header[c].c_str(), bold);
    double width = c < sheet.column_widths.size() ? sheet.column_widths[c] : 16;
    worksheet_set_column(ws, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), width, nullptr);
  }
  ++row;
  for (const auto& cells : sheet.rows) {
    for (std::size_t c = 0; c < cells.size(); ++c) {
      auto col = static_cast<lxw_col_t>(c);
      if (const auto* s = std::get_if<std::string>(&cells[c]))
        worksheet_write_string(ws, row, col, s->c_str(), nullptr);
      else
        worksheet_write_number(ws, row, col, std::get<double>(cells[c]), nullptr);
    }
    ++row;
  }
  if (workbook_close(wb) != LXW_NO_ERROR) throw std::runtime_error("cannot write the workbook");
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

}  // namespace artel::xlsx
