// The gallery page of `kata run`: build/<preset>/out/index.html shows every lesson's rendered figures (the
// PNGs, by relative links) with the one-line caption each figure's script carries ("# caption: ..."),
// your code's and the reference's side by side when both have been run. Self-contained: no scripts, no
// external files besides the pictures.
#include <algorithm>
#include <fstream>
#include <map>
#include <sstream>

#include "commands.hpp"
#include "messages.hpp"

namespace kata::cli {

namespace {

std::string html_escaped(const std::string& text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

// The caption line of a figure's script, or "".
std::string caption_of(const fs::path& script) {
  std::ifstream in(script);
  std::string line;
  const std::string marker = "# caption: ";
  for (int n = 0; n < 5 && std::getline(in, line); ++n)
    if (line.rfind(marker, 0) == 0) return line.substr(marker.size());
  return "";
}

// One figure: the picture (a link to itself at full size) and its caption.
std::string figure_html(const fs::path& root, const fs::path& png) {
  const std::string rel = fs::relative(png, root).generic_string();
  const std::string caption = caption_of(fs::path(png).replace_extension(".gp"));
  std::ostringstream out;
  out << "<figure><a href=\"" << html_escaped(rel) << "\"><img src=\"" << html_escaped(rel) << "\" alt=\""
      << html_escaped(png.stem().string()) << "\"></a><figcaption><b>" << html_escaped(png.stem().string())
      << "</b>" << (caption.empty() ? "" : ": " + html_escaped(caption)) << "</figcaption></figure>";
  return out.str();
}

std::vector<fs::path> pngs_in(const fs::path& dir) {
  std::vector<fs::path> found;
  std::error_code ec;
  if (fs::is_directory(dir, ec))
    for (const auto& e : fs::directory_iterator(dir, ec))
      if (e.path().extension() == ".png") found.push_back(e.path());
  std::sort(found.begin(), found.end());
  return found;
}

}  // namespace

fs::path write_gallery(const fs::path& out_root) {
  std::vector<fs::path> lessons;
  std::error_code ec;
  if (fs::is_directory(out_root, ec))
    for (const auto& e : fs::directory_iterator(out_root, ec))
      if (e.is_directory()) lessons.push_back(e.path());
  std::sort(lessons.begin(), lessons.end());
  std::ostringstream body;
  for (const auto& lesson : lessons) {
    const auto yours = pngs_in(lesson / "learner"), reference = pngs_in(lesson / "solution");
    if (yours.empty() && reference.empty()) continue;
    body << "<h2>" << html_escaped(lesson.filename().string()) << "</h2>\n";
    if (yours.empty() || reference.empty()) {
      body << "<p>" << html_escaped(yours.empty() ? tr("gallery.reference") : tr("gallery.yours")) << "</p>\n";
      for (const auto& png : yours.empty() ? reference : yours) body << figure_html(out_root, png) << "\n";
      continue;
    }
    // Both runs: one row per figure name, yours on the left.
    std::map<std::string, std::pair<fs::path, fs::path>> rows;
    for (const auto& p : yours) rows[p.filename().string()].first = p;
    for (const auto& p : reference) rows[p.filename().string()].second = p;
    body << "<table><tr><th>" << html_escaped(tr("gallery.yours")) << "</th><th>"
         << html_escaped(tr("gallery.reference")) << "</th></tr>\n";
    for (const auto& [name, pair] : rows)
      body << "<tr><td>" << (pair.first.empty() ? "" : figure_html(out_root, pair.first)) << "</td><td>"
           << (pair.second.empty() ? "" : figure_html(out_root, pair.second)) << "</td></tr>\n";
    body << "</table>\n";
  }
  const fs::path page = out_root / "index.html";
  std::ofstream out(page);
  out << "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>" << html_escaped(tr("gallery.title"))
      << "</title>\n<style>body{font-family:sans-serif;margin:1.5em;max-width:1900px}"
         "figure{display:inline-block;vertical-align:top;width:900px;max-width:100%;margin:0 1em 1.5em 0}"
         "img{width:100%;height:auto;border:1px solid #ddd}figcaption{font-size:0.95em;color:#333}"
         "table{border-collapse:collapse}td{vertical-align:top}th{text-align:left}</style></head>\n<body>\n<h1>"
      << html_escaped(tr("gallery.title")) << "</h1>\n"
      << body.str() << "</body></html>\n";
  return page;
}

}  // namespace kata::cli
