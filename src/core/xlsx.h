// Excel workbooks (.xlsx, which LibreOffice and Excel open) for report exports: one sheet, a
// bold header row, then rows of text and numbers. Written by libxlsxwriter.
#pragma once

#include <string>
#include <variant>
#include <vector>

namespace artel::xlsx {

using Cell = std::variant<std::string, double>;

struct Sheet {
  std::string name;   // at most 31 characters; []:*?/\ are replaced
  std::string title;  // a line above the table (the report and its period); may be empty
  std::vector<std::string> header;
  std::vector<std::vector<Cell>> rows;
  std::vector<double> column_widths;  // in characters; missing columns get 16
};

// The workbook's bytes. `temp_dir` holds the working file for a moment (libxlsxwriter writes
// to a file). Throws std::runtime_error when the file cannot be written.
std::string workbook(const Sheet& sheet, const std::string& temp_dir);

}  // namespace artel::xlsx
