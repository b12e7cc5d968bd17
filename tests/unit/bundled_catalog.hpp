#pragma once
// The bundled catalog for the unit tests, read once per run: whole (load_catalog: every role
// read and checked), or indexed by file as the commands open it (open_catalog: each role read
// on first use, its document kept).
#include "core/catalog.hpp"

namespace careerplan::test {

inline const Catalog& bundled()
{
  static const Catalog k_catalog = load_catalog({});
  return k_catalog;
}

inline const Catalog& bundled_indexed()
{
  static const Catalog k_catalog = open_catalog({});
  return k_catalog;
}

} // namespace careerplan::test
