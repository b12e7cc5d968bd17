// OEWS workbooks (.xlsx, Office Open XML): the zip read with libzip, the XML with expat, both
// streamed. The data sheet is the first worksheet, in the workbook's order, whose first row has
// an OCC_CODE column. Every part is refused once it inflates past k_oews_max_inflated bytes.
#include <cstring>
#include <exception>
#include <functional>
#include <map>
#include <regex>

#include <expat.h>
#include <zip.h>

#include <fmt/format.h>

#include "core/oews_internal.hpp"

namespace careerplan::oews_detail {

namespace {

std::string local_name(const XML_Char* name)
{
  const char* colon = std::strrchr(name, ':');
  return colon != nullptr ? colon + 1 : name;
}

// The attribute whose local name is `name` ("r:id" matches "id" with a prefix when `prefixed`).
std::string attribute(const XML_Char** atts, const char* name, bool prefixed = false)
{
  for (int i = 0; atts[i] != nullptr; i += 2) {
    const bool has_prefix = std::strchr(atts[i], ':') != nullptr;
    if (has_prefix == prefixed && local_name(atts[i]) == name) {
      return atts[i + 1];
    }
  }
  return {};
}

class Zip
{
public:
  Zip(std::string_view bytes, const std::string& file) : m_file(file)
  {
    zip_error_t err;
    zip_error_init(&err);
    zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &err);
    if (src != nullptr) {
      m_zip = zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &err);
      if (m_zip == nullptr) {
        zip_source_free(src);
      }
    }
    if (m_zip == nullptr) {
      const std::string msg = zip_error_strerror(&err);
      zip_error_fini(&err);
      fail(m_file, "", fmt::format("not a readable workbook (.xlsx is a zip archive): {}", msg));
    }
    zip_error_fini(&err);
  }
  Zip(const Zip&) = delete;
  Zip& operator=(const Zip&) = delete;
  ~Zip() { zip_discard(m_zip); }

  bool has(const std::string& part) const { return zip_name_locate(m_zip, part.c_str(), 0) >= 0; }

  // Streams one part into `parser`; the first exception a handler stored is rethrown.
  void parse(const std::string& part, XML_Parser parser, std::exception_ptr& error) const
  {
    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_stat(m_zip, part.c_str(), 0, &st) != 0) {
      fail(m_file, "", fmt::format("the workbook has no part '{}'", part));
    }
    if ((st.valid & ZIP_STAT_SIZE) != 0 && st.size > k_oews_max_inflated) {
      bomb(part);
    }
    zip_file_t* f = zip_fopen(m_zip, part.c_str(), 0);
    if (f == nullptr) {
      fail(m_file, "", fmt::format("cannot read the workbook's '{}': {}", part, zip_strerror(m_zip)));
    }
    std::unique_ptr<zip_file_t, int (*)(zip_file_t*)> closer(f, zip_fclose);
    std::array<char, 65536> buf{};
    std::uint64_t total = 0;
    for (;;) {
      const zip_int64_t n = zip_fread(f, buf.data(), buf.size());
      if (n < 0) {
        fail(m_file, "", fmt::format("cannot read the workbook's '{}': {}", part, zip_file_strerror(f)));
      }
      total += static_cast<std::uint64_t>(n);
      if (total > k_oews_max_inflated) {
        bomb(part);
      }
      const bool last = n == 0;
      if (XML_Parse(parser, buf.data(), static_cast<int>(n), last ? 1 : 0) == XML_STATUS_ERROR) {
        if (error) {
          std::rethrow_exception(error);
        }
        if (XML_GetErrorCode(parser) == XML_ERROR_ABORTED) {
          break; // a handler had read what it needed
        }
        fail(m_file, "",
             fmt::format("'{}' line {}: {}", part, XML_GetCurrentLineNumber(parser),
                         XML_ErrorString(XML_GetErrorCode(parser))));
      }
      if (error) {
        std::rethrow_exception(error);
      }
      XML_ParsingStatus status;
      XML_GetParsingStatus(parser, &status);
      if (last || status.parsing == XML_FINISHED) {
        break;
      }
    }
  }

private:
  [[noreturn]] void bomb(const std::string& part) const
  {
    fail(m_file, "", fmt::format("the workbook's '{}' inflates past {} MiB: refused (a zip bomb?)", part,
                                 k_oews_max_inflated >> 20));
  }
  zip_t* m_zip = nullptr;
  std::string m_file;
};

// One expat parser with start, end and text handlers that may throw: the exception is kept and
// the parse stopped, never thrown through expat's C frames.
struct XmlHandlers
{
  std::function<void(const std::string&, const XML_Char**)> start;
  std::function<void(const std::string&)> end;
  std::function<void(std::string_view)> text;
  std::exception_ptr error;
  XML_Parser parser = nullptr;

  template <typename F>
  void guard(F&& f)
  {
    if (error) {
      return;
    }
    try {
      f();
    } catch (...) {
      error = std::current_exception();
      XML_StopParser(parser, XML_FALSE);
    }
  }

  void run(const Zip& zip, const std::string& part)
  {
    parser = XML_ParserCreate("UTF-8");
    if (parser == nullptr) {
      throw std::bad_alloc();
    }
    std::unique_ptr<XML_ParserStruct, void (*)(XML_Parser)> owner(parser, XML_ParserFree);
    XML_SetUserData(parser, this);
    XML_SetElementHandler(
        parser,
        [](void* self, const XML_Char* name, const XML_Char** atts) {
          auto* h = static_cast<XmlHandlers*>(self);
          h->guard([&] {
            if (h->start) {
              h->start(local_name(name), atts);
            }
          });
        },
        [](void* self, const XML_Char* name) {
          auto* h = static_cast<XmlHandlers*>(self);
          h->guard([&] {
            if (h->end) {
              h->end(local_name(name));
            }
          });
        });
    XML_SetCharacterDataHandler(parser, [](void* self, const XML_Char* s, int len) {
      auto* h = static_cast<XmlHandlers*>(self);
      h->guard([&] {
        if (h->text) {
          h->text(std::string_view(s, static_cast<std::size_t>(len)));
        }
      });
    });
    // Workbooks declare no entities; a document that does is refused (entity expansion attacks).
    XML_SetEntityDeclHandler(parser, [](void* self, const XML_Char*, int, const XML_Char*, int, const XML_Char*,
                                        const XML_Char*, const XML_Char*, const XML_Char*) {
      auto* h = static_cast<XmlHandlers*>(self);
      h->guard([] { throw std::runtime_error("an XML entity declaration"); });
    });
    zip.parse(part, parser, error);
  }
};

struct Sheet
{
  std::string name;
  std::string part;
};

std::vector<Sheet> sheets(const Zip& zip, const std::string& file)
{
  std::vector<std::pair<std::string, std::string>> named; // name, relationship id
  XmlHandlers wb;
  wb.start = [&](const std::string& el, const XML_Char** atts) {
    if (el == "sheet") {
      named.emplace_back(neutralize(attribute(atts, "name")), attribute(atts, "id", true));
    }
  };
  wb.run(zip, "xl/workbook.xml");
  std::map<std::string, std::string> targets;
  XmlHandlers rels;
  rels.start = [&](const std::string& el, const XML_Char** atts) {
    if (el == "Relationship") {
      std::string target = attribute(atts, "Target");
      target = target.rfind('/', 0) == 0 ? target.substr(1) : "xl/" + target;
      targets[attribute(atts, "Id")] = target;
    }
  };
  rels.run(zip, "xl/_rels/workbook.xml.rels");
  std::vector<Sheet> out;
  for (const auto& [name, id] : named) {
    const auto it = targets.find(id);
    if (it == targets.end()) {
      fail(file, "", fmt::format("the workbook's sheet '{}' has no part", name));
    }
    out.push_back({name, it->second});
  }
  return out;
}

std::vector<std::string> shared_strings(const Zip& zip, const std::string& file)
{
  std::vector<std::string> out;
  if (!zip.has("xl/sharedStrings.xml")) {
    return out;
  }
  std::size_t bytes = 0;
  int in_t = 0;
  int in_phonetic = 0;
  XmlHandlers h;
  h.start = [&](const std::string& el, const XML_Char**) {
    if (el == "si") {
      out.emplace_back();
    } else if (el == "t") {
      ++in_t;
    } else if (el == "rPh") {
      ++in_phonetic;
    }
  };
  h.end = [&](const std::string& el) {
    if (el == "t") {
      --in_t;
    } else if (el == "rPh") {
      --in_phonetic;
    }
  };
  h.text = [&](std::string_view s) {
    if (in_t > 0 && in_phonetic == 0 && !out.empty()) {
      bytes += s.size();
      if (bytes > k_oews_max_file) {
        fail(file, "", "the workbook's shared strings are too large: refused");
      }
      out.back().append(s);
    }
  };
  h.run(zip, "xl/sharedStrings.xml");
  return out;
}

// Column index from a cell reference ("AB12" -> 27); -1 when it is not one.
int column_of(std::string_view ref)
{
  int col = 0;
  std::size_t i = 0;
  for (; i < ref.size() && ref[i] >= 'A' && ref[i] <= 'Z'; ++i) {
    col = col * 26 + (ref[i] - 'A' + 1);
    if (col > 16384) {
      return -1;
    }
  }
  return i == 0 ? -1 : col - 1;
}

// Calls `on_row` with each row's cells (shared strings resolved) until it returns false.
void read_sheet(const Zip& zip, const Sheet& sheet, const std::vector<std::string>& strings, const std::string& file,
                const std::function<bool(const std::vector<std::string>&, std::size_t)>& on_row)
{
  std::vector<std::string> cells;
  std::size_t row = 0;
  int col = -1;
  std::string type;
  std::string value;
  bool in_value = false;
  bool stop = false;
  const std::string where = fmt::format("sheet '{}' row", sheet.name);
  XmlHandlers h;
  h.start = [&](const std::string& el, const XML_Char** atts) {
    if (stop) {
      return;
    }
    if (el == "row") {
      cells.clear();
      const std::string r = attribute(atts, "r");
      const std::size_t next = r.empty() ? row + 1 : std::strtoul(r.c_str(), nullptr, 10);
      if (next <= row || next > 1048576) {
        fail(file, fmt::format("{} {}", where, row + 1), fmt::format("row number '{}' out of order", r));
      }
      row = next;
      col = -1;
    } else if (el == "c") {
      const std::string r = attribute(atts, "r");
      const int c = r.empty() ? col + 1 : column_of(r);
      if (c < 0 || c <= col) {
        fail(file, fmt::format("{} {}", where, row), fmt::format("cell reference '{}' out of order", r));
      }
      col = c;
      type = attribute(atts, "t");
      value.clear();
    } else if (el == "v" || el == "t") {
      in_value = true;
    }
  };
  h.end = [&](const std::string& el) {
    if (stop) {
      return;
    }
    if (el == "v" || el == "t") {
      in_value = false;
    } else if (el == "c" && col >= 0) {
      std::string text = value;
      if (type == "s") {
        char* end = nullptr;
        const unsigned long i = std::strtoul(value.c_str(), &end, 10);
        if (value.empty() || *end != '\0' || i >= strings.size()) {
          fail(file, fmt::format("{} {}", where, row), fmt::format("shared string '{}' does not exist", value));
        }
        text = strings[i];
      } else if (type == "b") {
        text = value == "1" ? "TRUE" : "FALSE";
      } else if (type == "e") {
        fail(file, fmt::format("{} {}", where, row), fmt::format("a cell holds the spreadsheet error {}", value));
      }
      if (cells.size() <= static_cast<std::size_t>(col)) {
        cells.resize(static_cast<std::size_t>(col) + 1);
      }
      cells[static_cast<std::size_t>(col)] = std::move(text);
    } else if (el == "row") {
      if (!on_row(cells, row)) {
        stop = true;
        XML_StopParser(h.parser, XML_FALSE);
      }
    }
  };
  h.text = [&](std::string_view s) {
    if (in_value && !stop) {
      if (value.size() + s.size() > 32768) {
        fail(file, fmt::format("{} {}", where, row), "a cell longer than 32,767 characters");
      }
      value.append(s);
    }
  };
  h.run(zip, sheet.part);
}

} // namespace

void read_xlsx(std::string_view bytes, OewsFile& out)
{
  const Zip zip(bytes, out.file);
  const std::vector<Sheet> all = sheets(zip, out.file);
  const std::vector<std::string> strings = shared_strings(zip, out.file);

  const Sheet* data = nullptr;
  std::vector<std::string> names;
  for (const auto& sheet : all) {
    names.push_back(sheet.name);
    bool found = false;
    read_sheet(zip, sheet, strings, out.file, [&](const std::vector<std::string>& cells, std::size_t) {
      bool any = false;
      for (const auto& c : cells) {
        any = any || c.find_first_not_of(" \t") != std::string::npos;
        found = found || c == "OCC_CODE" || c == "occ_code";
      }
      return !any; // stop at the first non-empty row
    });
    if (found) {
      data = &sheet;
      break;
    }
  }
  if (data == nullptr) {
    fail(out.file, "", fmt::format("no sheet has an OCC_CODE column in its first row: not a BLS OEWS layout (sheets: {})",
                                   names.empty() ? std::string("none") : fmt::format("{}", fmt::join(names, ", "))));
  }
  out.sheet = data->name;

  // The field descriptions name the period and the top code.
  static const std::regex k_period(R"(^\s*May ((?:19|20)\d\d) OEWS Estimates)");
  static const std::regex k_top(R"(greater than \$([0-9.,]+) per hour or \$([0-9,]+) per year)");
  for (const auto& s : strings) {
    std::smatch m;
    if (out.period.empty() && s.size() < 200 && std::regex_search(s, m, k_period)) {
      out.period = "May " + m[1].str();
      out.period_from = "the workbook's field descriptions";
    } else if (!out.top_annual && s.size() < 400 && std::regex_search(s, m, k_top)) {
      auto number = [](std::string t) {
        std::erase(t, ',');
        return std::strtod(t.c_str(), nullptr);
      };
      out.top_hourly = number(m[1].str());
      out.top_annual = number(m[2].str());
    }
  }

  RowBuilder builder(out, fmt::format("sheet '{}' row", data->name));
  read_sheet(zip, *data, strings, out.file, [&](const std::vector<std::string>& cells, std::size_t line) {
    builder.add(cells, line);
    return true;
  });
  builder.finish();
}

} // namespace careerplan::oews_detail
