#include "static_files.h"

#include <fstream>
#include <iterator>
#include <system_error>

namespace friction::collector {
namespace {

constexpr size_t kMaxRelativePath = 256;

bool isNameChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
         c == '.' || c == '_' || c == '-';
}

// Only names we would write ourselves: this rules out "..", "%2e", backslashes and NULs
// (httplib has already percent-decoded the path).
bool isSimplePath(std::string_view relative) {
  if (relative.empty() || relative.size() > kMaxRelativePath) return false;
  size_t start = 0;
  while (start <= relative.size()) {
    size_t end = relative.find('/', start);
    if (end == std::string_view::npos) end = relative.size();
    const auto segment = relative.substr(start, end - start);
    if (segment.empty() || segment.front() == '.') return false;
    for (char c : segment)
      if (!isNameChar(c)) return false;
    start = end + 1;
  }
  return true;
}

}  // namespace

std::optional<std::filesystem::path> fileUnder(const std::filesystem::path& dir,
                                               std::string_view relative) {
  if (!isSimplePath(relative)) return std::nullopt;
  auto file = dir / std::filesystem::path(std::string(relative));
  std::error_code error;
  if (!std::filesystem::is_regular_file(file, error)) return std::nullopt;
  return file;
}

std::string contentTypeFor(const std::filesystem::path& file) {
  const std::string ext = file.extension().string();
  if (ext == ".html") return "text/html; charset=utf-8";
  if (ext == ".js" || ext == ".mjs") return "text/javascript; charset=utf-8";
  if (ext == ".wasm") return "application/wasm";
  if (ext == ".css") return "text/css; charset=utf-8";
  if (ext == ".json" || ext == ".map") return "application/json";
  if (ext == ".svg") return "image/svg+xml";
  if (ext == ".png") return "image/png";
  if (ext == ".jpg" || ext == ".jpeg") return "image/jpeg";
  if (ext == ".webp") return "image/webp";
  if (ext == ".ico") return "image/x-icon";
  if (ext == ".txt") return "text/plain; charset=utf-8";
  if (ext == ".md") return "text/markdown; charset=utf-8";
  return "application/octet-stream";
}

bool isHtml(const std::filesystem::path& file) { return file.extension() == ".html"; }

bool readWholeFile(const std::filesystem::path& file, std::string& out) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return false;
  out.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  return !in.bad();
}

}  // namespace friction::collector
