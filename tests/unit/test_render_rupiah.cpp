// Tests of src/render/rupiah.cpp: Rupiah as each language writes it.

#include "render/rupiah.hpp"

#include <doctest/doctest.h>

#include <limits>

using namespace kades;
using core::Lang;

TEST_CASE("render::rupiah: Rp 1.500.000 in Indonesian, IDR 1,500,000 in English") {
    CHECK(render::rupiah(1'500'000, Lang::id) == "Rp 1.500.000");
    CHECK(render::rupiah(1'500'000, Lang::en) == "IDR 1,500,000");
    CHECK(render::rupiah(25'000'000, Lang::id) == "Rp 25.000.000");
    CHECK(render::rupiah(25'000'000, Lang::en) == "IDR 25,000,000");
}

TEST_CASE("render::rupiah: groups of three from the right, none under a thousand") {
    CHECK(render::rupiah(0, Lang::id) == "Rp 0");
    CHECK(render::rupiah(999, Lang::en) == "IDR 999");
    CHECK(render::rupiah(1'000, Lang::id) == "Rp 1.000");
    CHECK(render::rupiah(12'345, Lang::en) == "IDR 12,345");
    CHECK(render::rupiah(123'456, Lang::id) == "Rp 123.456");
    CHECK(render::rupiah(1'000'000'000, Lang::id) == "Rp 1.000.000.000");
    CHECK(render::rupiah(std::numeric_limits<core::Rupiah>::max(), Lang::en) ==
          "IDR 9,223,372,036,854,775,807");
}

TEST_CASE("render::rupiah: a negative amount keeps its sign") {
    CHECK(render::rupiah(-5'000, Lang::id) == "-Rp 5.000");
    CHECK(render::rupiah(std::numeric_limits<core::Rupiah>::min(), Lang::en) ==
          "-IDR 9,223,372,036,854,775,808");
}
