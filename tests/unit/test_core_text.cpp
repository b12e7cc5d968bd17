#include <doctest/doctest.h>

#include "core/text.hpp"

using namespace careerplan;

TEST_CASE("edit distance and nearest names")
{
  CHECK(edit_distance("kitten", "sitting") == 3);
  CHECK(edit_distance("", "abc") == 3);
  CHECK(nearest("mlx", {"mle", "ml-engineer", "data-scientist"}).front() == "mle");
  CHECK(nearest("zzzzzz", {"mle", "sql"}).empty());
  CHECK(did_you_mean("pyton", {"python", "sql"}) == "did you mean 'python'?");
  CHECK(did_you_mean("qqqqqqq", {"python"}).empty());
}

TEST_CASE("role and skill ids are plain names, never paths")
{
  CHECK(is_plain_id("machine-learning-engineer"));
  CHECK(is_plain_id("mle2"));
  CHECK_FALSE(is_plain_id(""));
  CHECK_FALSE(is_plain_id("../etc/passwd"));
  CHECK_FALSE(is_plain_id("/abs/path"));
  CHECK_FALSE(is_plain_id("MLE"));
  CHECK_FALSE(is_plain_id(std::string("mle\0x", 5)));
  CHECK_FALSE(is_plain_id("1mle"));
  CHECK_FALSE(is_plain_id(std::string(65, 'a')));
}

TEST_CASE("number formatting")
{
  CHECK(thousands(185000) == "185,000");
  CHECK(thousands(999) == "999");
  CHECK(thousands(-1234567) == "-1,234,567");
  CHECK(plain_number(0.95) == "0.95");
  CHECK(plain_number(3) == "3");
  CHECK(plain_number(0.8125) == "0.8125");
}

TEST_CASE("wrapping keeps words whole and counts UTF-8 characters")
{
  const auto lines = wrap("one two three four five six", 10);
  CHECK(lines == std::vector<std::string>{"one two", "three four", "five six"});
  CHECK(display_width("–—") == 2);
  CHECK(wrap("at https://www.bls.gov/oes/ ok", 10, LongWords::split) ==
        std::vector<std::string>{"at", "https://www.bls.gov/oes/", "ok"});
  CHECK(wrap("", 10) == std::vector<std::string>{""});
}

TEST_CASE("wrap keeps words whole unless asked to split the ones wider than the line")
{
  CHECK(wrap("a b c", 10) == std::vector<std::string>{"a b c"});
  CHECK(wrap("one two three four", 10) == std::vector<std::string>{"one two", "three four"});
  CHECK(wrap("see /a/very/long/path/name here", 10) ==
        std::vector<std::string>{"see", "/a/very/long/path/name", "here"});
  CHECK(wrap("see /a/very/long/path/name here", 10, LongWords::split) ==
        std::vector<std::string>{"see", "/a/very/lo", "ng/path/na", "me here"});
  CHECK(wrap("ééééééééééééé", 10, LongWords::split) == std::vector<std::string>{"éééééééééé", "ééé"});
  CHECK(wrap("at https://www.bls.gov/oes/ ok", 10, LongWords::split) ==
        std::vector<std::string>{"at", "https://www.bls.gov/oes/", "ok"});
  CHECK(wrap("", 10) == std::vector<std::string>{""});
}

TEST_CASE("printable neutralises every control character, bidi override and invalid byte")
{
  CHECK(printable("plain text, café, 185,000 – 200,000") == "plain text, café, 185,000 – 200,000");
  CHECK(printable("\x1b[31mred\x1b[0m") == "?[31mred?[0m"); // ESC/CSI
  CHECK(printable("\x1b]0;title\x07") == "?]0;title?"); // OSC, BEL
  CHECK(printable(std::string("a\0b", 3)) == "a?b"); // NUL
  CHECK(printable("\x7f") == "?"); // DEL
  CHECK(printable("\xc2\x9b" "31m") == "?31m"); // C1 CSI (U+009B)
  CHECK(printable("\xc2\x85") == "?"); // C1 NEL
  CHECK(printable("abc\xe2\x80\xae" "def") == "abc?def"); // U+202E right-to-left override
  CHECK(printable("\xe2\x81\xa6x\xe2\x81\xa9") == "?x?"); // U+2066 / U+2069 isolates
  CHECK(printable("\xe2\x80\x8f\xd8\x9c") == "??"); // U+200F RLM, U+061C ALM
  CHECK(printable("\xe2\x80\xa8") == "?"); // U+2028 line separator
  CHECK(printable("a\tb\nc\rd") == "a b c d");
  CHECK(printable("\xff\xfe") == "??"); // not UTF-8
  CHECK(printable("\xc0\x9b") == "??"); // an overlong form of CSI
  CHECK(printable("\xed\xa0\x80") == "???"); // a surrogate
  CHECK(printable("\xe2\x80") == "??"); // truncated
}

TEST_CASE("wrap keeps a quoted command on one line when it fits")
{
  const auto lines = wrap("[id] names the source of each figure; 'careerplan sources machine-learning-engineer' lists them", 60);
  REQUIRE(lines.size() == 2);
  CHECK(lines[1].rfind("'careerplan sources machine-learning-engineer'", 0) == 0);
  // Wider than the line: it breaks at spaces as any text does.
  CHECK(wrap("'careerplan sources machine-learning-engineer' lists them", 20).size() > 2);
}
