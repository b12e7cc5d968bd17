// libFuzzer target for the BLS OEWS reader (workbooks and text files): any exception other than
// careerplan::Error, any crash, leak or undefined behaviour is a finding. The file name carries a
// period, so that inputs get past the period check to the rows.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/errors.hpp"
#include "core/oews.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  try {
    (void)careerplan::parse_oews(bytes, "fuzz_M2024_dl.xlsx");
  } catch (const careerplan::Error&) {
  }
  return 0;
}
