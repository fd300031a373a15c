// Lesson 05 checks. Each case is one CTest test ("check"); messages say what was expected and why.
// Expected images are written out by hand (or follow a rule written next to them, such as numpy's
// np.rot90 definition out[i, j] = in[j, n - 1 - i]); none was produced by running the solution.
#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <functional>
#include <limits>
#include <sstream>
#include <set>
#include <string>

#include "data_augmentation.hpp"
#include "kata/dataset.hpp"
#include "kata_test.hpp"

namespace bdata = boost::unit_test::data;
using kata::test::check_mat_close;
using kata::test::check_rejects;
using kata::test::show;

namespace {

// Every pixel tells where it is: img(r, c) = 100 r + c (so no two pixels are equal).
arma::mat tagged(arma::uword h, arma::uword w) {
  arma::mat img(h, w);
  for (arma::uword r = 0; r < h; ++r)
    for (arma::uword c = 0; c < w; ++c) img(r, c) = 100.0 * r + c;
  return img;
}

// A random image with values in [0, 16), like the digits.
arma::mat random_image(arma::uword h, arma::uword w, std::uint32_t seed) {
  kata::Rng rng(seed);
  return 16.0 * rng.rand(h, w);
}

// numpy's np.rot90(a) (a quarter turn counter-clockwise) by its definition: out[i, j] = a[j, n - 1 - i].
arma::mat rot90_reference(const arma::mat& a) {
  const arma::uword n = a.n_rows;
  arma::mat out(n, n);
  for (arma::uword i = 0; i < n; ++i)
    for (arma::uword j = 0; j < n; ++j) out(i, j) = a(j, n - 1 - i);
  return out;
}

bool same(const arma::mat& a, const arma::mat& b, double tol) {
  return a.n_rows == b.n_rows && a.n_cols == b.n_cols && arma::approx_equal(a, b, "absdiff", tol);
}

const arma::mat one_to_nine{{1, 2, 3}, {4, 5, 6}, {7, 8, 9}};

// Exact operations (copies, flips, shifts, crops) are compared with tolerance 0. Bilinear sampling at
// positions computed with cos/sin of multiples of 90° is off by at most ~1e-15 in position, so values
// below 100 are within 1e-12.
constexpr double kExact = 0.0;
constexpr double kTrig = 1e-12;

// m random 4 x 4 images as columns, with labels 0 .. m-1 in a scrambled order.
struct Small {
  arma::mat X;
  arma::urowvec y;
};
Small small_set(arma::uword m) {
  kata::Rng rng(77);
  Small s{16.0 * rng.rand(16, m), arma::urowvec(m)};
  for (arma::uword i = 0; i < m; ++i) s.y(i) = (3 * i + 1) % m;
  return s;
}

kata::AugmentPolicy everything() {
  kata::AugmentPolicy p;
  p.copies = 3;
  p.flip = true;
  p.zoom_crop = 1;
  p.max_degrees = 15.0;
  p.max_shift = 1;
  return p;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(to_image_and_to_column, *boost::unit_test::description("task 1: pixel order"))

BOOST_AUTO_TEST_CASE(reads_pixels_in_row_major_order) {
  const arma::vec column = arma::regspace<arma::vec>(0, 5);
  check_mat_close(kata::to_image(column, 2, 3), arma::mat{{0, 1, 2}, {3, 4, 5}}, kExact,
                  "to_image({0, 1, 2, 3, 4, 5}, 2, 3)",
                  "the first w values are row 0 (row-major); arma::reshape() fills column by column, so "
                  "reshape to w x h and transpose");
  // 8 x 8 like the digits: pixel_R_C is entry 8 R + C.
  const arma::mat img = kata::to_image(arma::regspace<arma::vec>(0, 63), 8, 8);
  BOOST_REQUIRE(img.n_rows == 8 && img.n_cols == 8);
  BOOST_CHECK_MESSAGE(img(0, 1) == 1.0 && img(1, 0) == 8.0,
                      "to_image(0..63, 8, 8): pixel (0, 1) must be entry 1 and pixel (1, 0) entry 8, got "
                          << show(img(0, 1)) << " and " << show(img(1, 0))
                          << kata::test::hint_suffix("a transposed image: the column was read column-major"));
}

BOOST_AUTO_TEST_CASE(writes_pixels_in_row_major_order) {
  check_mat_close(kata::to_column(arma::mat{{0, 1, 2}, {3, 4, 5}}), arma::regspace<arma::vec>(0, 5), kExact,
                  "to_column([0 1 2; 3 4 5])",
                  "row 0 first, then row 1: arma::vectorise(img) goes column by column; vectorise img.t()");
}

BOOST_AUTO_TEST_CASE(follow_the_digits_file_pixel_names) {
  // The CSV header names every feature pixel_R_C: feature k of a digit must land at (R, C).
  const kata::Dataset digits = kata::load_dataset("digits");
  BOOST_REQUIRE_EQUAL(digits.X.n_rows, 64u);
  const arma::vec column = digits.X.col(0);
  const arma::mat img = kata::to_image(column, 8, 8);
  BOOST_REQUIRE(img.n_rows == 8 && img.n_cols == 8);
  for (arma::uword k = 0; k < 64; ++k) {
    unsigned r = 0, c = 0;
    BOOST_REQUIRE(std::sscanf(digits.feature_names[k].c_str(), "pixel_%u_%u", &r, &c) == 2);
    if (img(r, c) != column(k)) {
      BOOST_ERROR("to_image(digit 0): feature " << k << " is " << digits.feature_names[k] << " = " << show(column(k))
                                                << ", but pixel (" << r << ", " << c << ") is " << show(img(r, c))
                                                << kata::test::hint_suffix("pixel_R_C is entry R * W + C"));
      return;
    }
  }
  check_mat_close(kata::to_column(img), column, kExact, "to_column(to_image(digit 0))",
                  "to_column() must undo to_image()");
}

BOOST_AUTO_TEST_CASE(are_inverses) {
  const std::pair<arma::uword, arma::uword> shapes[] = {{8, 8}, {3, 5}, {5, 3}, {1, 7}};
  for (const auto& [h, w] : shapes) {
    const arma::mat img = random_image(h, w, static_cast<std::uint32_t>(10 * h + w));
    BOOST_TEST_INFO("to_image(to_column(img), " << h << ", " << w << ") for a " << h << " x " << w << " img");
    check_mat_close(kata::to_image(kata::to_column(img), h, w), img, kExact,
                    "to_image(to_column(img)) for " + std::to_string(h) + " x " + std::to_string(w),
                    "both must use the same (row-major) pixel order");
  }
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(flip_horizontal, *boost::unit_test::description("task 2: horizontal flip"))

BOOST_AUTO_TEST_CASE(moves_column_j_to_w_minus_1_minus_j) {
  // A 3 x 4 image, flipped left <-> right by hand: each row is reversed, rows stay in place.
  const arma::mat expected{{3, 2, 1, 0}, {103, 102, 101, 100}, {203, 202, 201, 200}};
  check_mat_close(kata::flip_horizontal(tagged(3, 4)), expected, kExact, "flip_horizontal(3 x 4 image)",
                  "a horizontal flip reverses each ROW (column j goes to W - 1 - j); reversing the rows "
                  "(flipud) is a vertical flip: an upside-down cat");
}

BOOST_AUTO_TEST_CASE(twice_is_the_identity) {
  const arma::mat img = random_image(8, 8, 1);
  check_mat_close(kata::flip_horizontal(kata::flip_horizontal(img)), img, kExact,
                  "flip_horizontal(flip_horizontal(img))", "a mirror image of a mirror image is the original");
}

BOOST_AUTO_TEST_CASE(keeps_the_multiset_of_pixels) {
  const arma::mat img = random_image(5, 7, 2);
  const arma::mat out = kata::flip_horizontal(img);
  BOOST_REQUIRE(out.n_rows == 5 && out.n_cols == 7);
  check_mat_close(arma::sort(arma::vectorise(out)), arma::sort(arma::vectorise(img)), kExact,
                  "sorted pixels of flip_horizontal(img)", "a flip only moves pixels: none created or lost");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(rotate, *boost::unit_test::description("task 3: rotation"))

BOOST_AUTO_TEST_CASE(quarter_turn_is_counter_clockwise) {
  // By hand: turning [1 2 3; 4 5 6; 7 8 9] a quarter turn to the left brings the right column (3 6 9) to
  // the top row. (np.rot90 gives the same.) The clockwise result would be [7 4 1; 8 5 2; 9 6 3].
  const arma::mat expected{{3, 6, 9}, {2, 5, 8}, {1, 4, 7}};
  check_mat_close(kata::rotate(one_to_nine, 90.0), expected, kTrig, "rotate([1..9], 90)",
                  "positive degrees turn counter-clockwise ON SCREEN: the row index grows downward, so "
                  "y = (H - 1)/2 - r, not r - (H - 1)/2");
  check_mat_close(kata::rotate(one_to_nine, -90.0), arma::mat{{7, 4, 1}, {8, 5, 2}, {9, 6, 3}}, kTrig,
                  "rotate([1..9], -90)", "negative degrees turn clockwise");
}

BOOST_AUTO_TEST_CASE(quarter_turn_matches_rot90_for_even_and_odd_sizes) {
  for (const arma::uword n : {4u, 5u, 8u}) {
    const arma::mat img = random_image(n, n, static_cast<std::uint32_t>(n));
    BOOST_TEST_INFO("rotate(" << n << " x " << n << " image, 90)");
    check_mat_close(kata::rotate(img, 90.0), rot90_reference(img), kTrig,
                    "rotate(" + std::to_string(n) + " x " + std::to_string(n) + " image, 90)",
                    "rotate about the centre ((H - 1)/2, (W - 1)/2), which is a half-integer for even sizes");
  }
}

BOOST_AUTO_TEST_CASE(four_quarter_turns_are_the_identity) {
  for (const arma::uword n : {6u, 7u}) {
    const arma::mat img = random_image(n, n, static_cast<std::uint32_t>(100 + n));
    arma::mat out = img;
    BOOST_TEST_INFO("rotate(rotate(rotate(rotate(" << n << " x " << n << " image, 90), 90), 90), 90)");
    for (int k = 0; k < 4; ++k) out = kata::rotate(out, 90.0);
    check_mat_close(out, img, kTrig, "four times rotate(img, 90) for " + std::to_string(n) + " x " +
                                         std::to_string(n),
                    "each quarter turn must keep the image in the frame: turn about the centre");
  }
}

BOOST_AUTO_TEST_CASE(zero_and_full_turns_are_the_identity) {
  const arma::mat img = random_image(8, 8, 3);
  check_mat_close(kata::rotate(img, 0.0), img, kTrig, "rotate(img, 0)", "cos 0 = 1, sin 0 = 0: no change");
  check_mat_close(kata::rotate(img, 360.0), img, kTrig, "rotate(img, 360)", "convert degrees to radians");
  const arma::mat tall = tagged(3, 5);
  check_mat_close(kata::rotate(tall, 0.0), tall, kTrig, "rotate(3 x 5 image, 0)",
                  "the output has the input's shape H x W");
}

BOOST_AUTO_TEST_CASE(half_turn_flips_both_axes) {
  const arma::mat img = tagged(4, 6);
  check_mat_close(kata::rotate(img, 180.0), arma::flipud(arma::fliplr(img)), kTrig, "rotate(4 x 6 image, 180)",
                  "a half turn about the centre maps (r, c) to (H - 1 - r, W - 1 - c)");
}

BOOST_AUTO_TEST_CASE(forty_five_degrees_interpolates_and_fills_zero) {
  // All-ones 3 x 3 image turned 45°, by hand. Corner (0, 0) is at x = -1, y = 1; turned back by -45° it
  // comes from x_s = 0, y_s = sqrt(2): row 1 - sqrt(2) = -0.414, column 1. Bilinear between row -1
  // (outside: 0) and row 0 (1) gives 1 - 0.414 = 2 - sqrt(2). The four edge midpoints and the centre come
  // from inside the image, where every neighbour is 1, so they stay 1.
  const double corner = 2.0 - std::sqrt(2.0);
  const arma::mat expected{{corner, 1, corner}, {1, 1, 1}, {corner, 1, corner}};
  check_mat_close(kata::rotate(arma::mat(3, 3, arma::fill::ones), 45.0), expected, kTrig,
                  "rotate(3 x 3 ones, 45)",
                  "bilinear weights (1 - a)(1 - b), (1 - a) b, a (1 - b), a b with neighbours outside the "
                  "image counted as 0 (not clamped to the border)");
}

BOOST_AUTO_TEST_CASE(quarter_turn_of_a_non_square_image) {
  // By hand, for the 3 x 5 image 100 r + c (centre (1, 2)): with theta = 90°, x = c - 2 and y = 1 - r,
  // the source is x_s = y, y_s = -x, so r_s = 1 + x = c - 1 and c_s = y + 2 = 3 - r. Output (r, c) is
  // input (c - 1, 3 - r) where that exists (columns 1..3), else 0. The output keeps the 3 x 5 shape.
  const arma::mat expected{{0, 3, 103, 203, 0}, {0, 2, 102, 202, 0}, {0, 1, 101, 201, 0}};
  check_mat_close(kata::rotate(tagged(3, 5), 90.0), expected, kTrig, "rotate(3 x 5 image, 90)",
                  "x = c - (W - 1)/2 uses the WIDTH, y = (H - 1)/2 - r the HEIGHT; the output is H x W like the "
                  "input, and what comes from outside is 0");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(shift, *boost::unit_test::description("task 4: shift"))

BOOST_AUTO_TEST_CASE(moves_down_and_right_and_fills_zero) {
  // By hand: one row down — the top row is new (0) and the bottom row falls out.
  check_mat_close(kata::shift(one_to_nine, 1, 0), arma::mat{{0, 0, 0}, {1, 2, 3}, {4, 5, 6}}, kExact,
                  "shift([1..9], dy = 1, dx = 0)", "out(r, c) = img(r - dy, c - dx): positive dy moves DOWN");
  check_mat_close(kata::shift(one_to_nine, 0, -1), arma::mat{{2, 3, 0}, {5, 6, 0}, {8, 9, 0}}, kExact,
                  "shift([1..9], dy = 0, dx = -1)", "negative dx moves LEFT; what comes in is 0");
  check_mat_close(kata::shift(one_to_nine, -2, 2), arma::mat{{0, 0, 7}, {0, 0, 0}, {0, 0, 0}}, kExact,
                  "shift([1..9], dy = -2, dx = 2)", "up two rows and right two columns: only 7 stays");
  check_mat_close(kata::shift(one_to_nine, 0, 0), one_to_nine, kExact, "shift(img, 0, 0)", "no move, no change");
}

BOOST_AUTO_TEST_CASE(works_on_non_square_images) {
  const arma::mat img = tagged(2, 5);
  check_mat_close(kata::shift(img, 1, 3), arma::mat{{0, 0, 0, 0, 0}, {0, 0, 0, 0, 1}}, kExact,
                  "shift(2 x 5 image, 1, 3)", "rows are bounded by H, columns by W");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(random_crop, *boost::unit_test::description("task 5: random crop"))

BOOST_AUTO_TEST_CASE(is_a_contiguous_window_within_bounds) {
  // 300 seeds, a 5 x 3 window of an 8 x 6 image: offsets row 0..3, col 0..3.
  const arma::mat img = tagged(8, 6);
  for (std::uint32_t seed = 0; seed < 300; ++seed) {
    kata::Rng rng(seed);
    BOOST_TEST_INFO("random_crop(8 x 6 image, 5, 3, Rng(" << seed << "))");
    const kata::Crop crop = kata::random_crop(img, 5, 3, rng);
    BOOST_REQUIRE_MESSAGE(crop.image.n_rows == 5 && crop.image.n_cols == 3,
                          "random_crop(8 x 6, 5, 3): expected a 5 x 3 crop, got " << crop.image.n_rows << " x "
                                                                                 << crop.image.n_cols);
    BOOST_REQUIRE_MESSAGE(crop.row <= 3 && crop.col <= 3,
                          "random_crop(8 x 6, 5, 3) with seed " << seed << ": offset (" << crop.row << ", "
                              << crop.col << ") lets the window leave the image; the largest offset is (3, 3)"
                              << kata::test::hint_suffix("randint's high end is exclusive: "
                                                         "randint(0, H - h + 1)"));
    // The tagged image says where each cropped pixel came from.
    for (arma::uword i = 0; i < 5; ++i)
      for (arma::uword j = 0; j < 3; ++j)
        if (crop.image(i, j) != 100.0 * (crop.row + i) + (crop.col + j)) {
          BOOST_ERROR("random_crop() with seed " << seed << ": crop pixel (" << i << ", " << j << ") should be "
                                                 << "image pixel (" << crop.row + i << ", " << crop.col + j
                                                 << "), got the value " << show(crop.image(i, j))
                                                 << kata::test::hint_suffix("crop = img.submat(row, col, row + h "
                                                                            "- 1, col + w - 1)"));
          return;
        }
  }
}

BOOST_AUTO_TEST_CASE(reaches_every_offset_equally_often) {
  // 6 x 6 windows of an 8 x 8 image: 3 row offsets and 3 column offsets. 3000 draws; each offset's
  // frequency must be within the Hoeffding radius (delta = 1e-10 each, 6 checks: < 1e-9 together) of 1/3.
  const arma::mat img = tagged(8, 8);
  kata::Rng rng(42);
  const int n = 3000;
  arma::vec rows(3, arma::fill::zeros), cols(3, arma::fill::zeros);
  for (int t = 0; t < n; ++t) {
    const kata::Crop crop = kata::random_crop(img, 6, 6, rng);
    BOOST_REQUIRE_MESSAGE(crop.row <= 2 && crop.col <= 2,
                          "random_crop(8 x 8, 6, 6): offset (" << crop.row << ", " << crop.col
                                                               << ") is past the largest, (2, 2)");
    rows(crop.row) += 1.0 / n;
    cols(crop.col) += 1.0 / n;
  }
  const double radius = kata::test::hoeffding_radius(n, 1e-10);
  for (arma::uword k = 0; k < 3; ++k) {
    kata::test::check_close(rows(k), 1.0 / 3, radius, "share of crops at row offset " + std::to_string(k),
                            "offsets 0 .. H - h, all equally likely: rng.randint(0, H - h + 1)");
    kata::test::check_close(cols(k), 1.0 / 3, radius, "share of crops at column offset " + std::to_string(k),
                            "offsets 0 .. W - w, all equally likely: rng.randint(0, W - w + 1)");
  }
}

BOOST_AUTO_TEST_CASE(draws_row_then_column) {
  const arma::mat img = tagged(8, 8);
  kata::Rng rng(5), expected_rng(5);
  const auto row = static_cast<arma::uword>(expected_rng.randint(0, 4));  // 8 - 5 + 1
  const auto col = static_cast<arma::uword>(expected_rng.randint(0, 3));  // 8 - 6 + 1
  const kata::Crop crop = kata::random_crop(img, 5, 6, rng);
  BOOST_CHECK_MESSAGE(crop.row == row && crop.col == col,
                      "random_crop(8 x 8, 5, 6, Rng(5)): expected offset (" << row << ", " << col << "), got ("
                          << crop.row << ", " << crop.col << ")"
                          << kata::test::hint_suffix("draw row = rng.randint(0, H - h + 1) first, then col"));
  // Exactly those two draws: the generator is now where expected_rng is.
  BOOST_CHECK_MESSAGE(rng.rand() == expected_rng.rand(),
                      "random_crop(8 x 8, 5, 6, Rng(5)): after the call the generator should have made exactly the "
                      "two randint() draws"
                          << kata::test::hint_suffix("no other draws (no extra rand(), no permutation)"));
}

BOOST_AUTO_TEST_CASE(windows_of_a_non_square_image) {
  // A 3 x 8 image: a 2 x 8 window (wider than the image is tall) and a 3 x 1 one (taller than wide) fit.
  const arma::mat img = tagged(3, 8);
  for (std::uint32_t seed = 0; seed < 20; ++seed) {
    kata::Rng rng(seed);
    BOOST_TEST_INFO("random_crop(3 x 8 image, 2, 8, Rng(" << seed << ")), then random_crop(3 x 8 image, 3, 1, same rng)");
    const kata::Crop wide = kata::random_crop(img, 2, 8, rng);
    const kata::Crop tall = kata::random_crop(img, 3, 1, rng);
    BOOST_REQUIRE_MESSAGE(wide.image.n_rows == 2 && wide.image.n_cols == 8 && wide.row <= 1 && wide.col == 0 &&
                              tall.image.n_rows == 3 && tall.image.n_cols == 1 && tall.row == 0 && tall.col <= 7,
                          "random_crop(3 x 8, 2, 8) and (3 x 8, 3, 1) with seed "
                              << seed << ": got " << wide.image.n_rows << " x " << wide.image.n_cols << " at ("
                              << wide.row << ", " << wide.col << ") and " << tall.image.n_rows << " x "
                              << tall.image.n_cols << " at (" << tall.row << ", " << tall.col << ")"
                              << kata::test::hint_suffix("compare h with H and w with W (not the other way round)"));
    check_mat_close(wide.image, img.rows(wide.row, wide.row + 1), kExact, "random_crop(3 x 8, 2, 8).image",
                    "the window starting at (row, col)");
    check_mat_close(tall.image, img.col(tall.col), kExact, "random_crop(3 x 8, 3, 1).image",
                    "the window starting at (row, col)");
  }
}

BOOST_AUTO_TEST_CASE(a_full_size_crop_is_the_image) {
  const arma::mat img = tagged(4, 5);
  kata::Rng rng(0);
  const kata::Crop crop = kata::random_crop(img, 4, 5, rng);
  check_mat_close(crop.image, img, kExact, "random_crop(4 x 5, 4, 5)", "the only window is the whole image");
  BOOST_CHECK_MESSAGE(crop.row == 0 && crop.col == 0, "random_crop(4 x 5, 4, 5): offset must be (0, 0), got ("
                                                          << crop.row << ", " << crop.col << ")");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(resize_bilinear, *boost::unit_test::description("task 6: bilinear resize"))

BOOST_AUTO_TEST_CASE(same_size_is_the_identity) {
  const arma::mat img = random_image(5, 7, 4);
  check_mat_close(kata::resize_bilinear(img, 5, 7), img, 1e-12, "resize_bilinear(5 x 7, 5, 7)",
                  "with the half-pixel convention r_s = (r + 0.5) H / h - 0.5 = r when h = H");
}

BOOST_AUTO_TEST_CASE(enlarging_uses_half_pixel_centres) {
  // By hand: 2 pixels -> 4. Output centres sample the input at c_s = (c + 0.5) * 2/4 - 0.5 =
  // -0.25, 0.25, 0.75, 1.25, clamped to 0, 0.25, 0.75, 1: values 0, 1, 3, 4.
  check_mat_close(kata::resize_bilinear(arma::mat{{0, 4}}, 1, 4), arma::mat{{0, 1, 3, 4}}, 1e-12,
                  "resize_bilinear([0 4], 1, 4)",
                  "c_s = (c + 0.5) * W / w - 0.5, clamped to [0, W - 1] (align-corners would give 0 4/3 8/3 4)");
  // 2 x 2 -> 4 x 4 of the linear image 8 r + 4 c: bilinear is exact on linear images, so
  // out(r, c) = 8 t(r) + 4 t(c) with t = (0, 0.25, 0.75, 1) as above.
  const double t[] = {0.0, 0.25, 0.75, 1.0};
  arma::mat expected(4, 4);
  for (arma::uword r = 0; r < 4; ++r)
    for (arma::uword c = 0; c < 4; ++c) expected(r, c) = 8 * t[r] + 4 * t[c];
  check_mat_close(kata::resize_bilinear(arma::mat{{0, 4}, {8, 12}}, 4, 4), expected, 1e-12,
                  "resize_bilinear([0 4; 8 12], 4, 4)", "interpolate along rows and along columns");
}

BOOST_AUTO_TEST_CASE(halving_averages_two_by_two_blocks) {
  // 4 -> 2 samples the input at (r + 0.5) * 2 - 0.5 = 0.5 and 2.5: halfway between two pixels, so each
  // output is the mean of a 2 x 2 block (computed by hand below).
  const arma::mat img = tagged(4, 4);  // rows 0, 100, 200, 300 plus columns 0..3
  check_mat_close(kata::resize_bilinear(img, 2, 2), arma::mat{{50.5, 52.5}, {250.5, 252.5}}, 1e-12,
                  "resize_bilinear(4 x 4, 2, 2)", "r_s = (r + 0.5) * H / h - 0.5");
}

BOOST_AUTO_TEST_CASE(crop_then_resize_back_is_a_zoom) {
  const arma::mat img = random_image(8, 8, 6);
  kata::Rng rng(1);
  const kata::Crop crop = kata::random_crop(img, 6, 6, rng);
  const arma::mat zoomed = kata::resize_bilinear(crop.image, 8, 8);
  BOOST_REQUIRE_MESSAGE(zoomed.n_rows == 8 && zoomed.n_cols == 8, "a 6 x 6 crop resized back must be 8 x 8, got "
                                                                      << zoomed.n_rows << " x " << zoomed.n_cols);
  // Bilinear weights are >= 0 and sum to 1: the zoom stays within the crop's range of values.
  BOOST_CHECK_MESSAGE(zoomed.min() >= crop.image.min() - 1e-12 && zoomed.max() <= crop.image.max() + 1e-12,
                      "resize_bilinear(): values left the input's range ["
                          << show(crop.image.min()) << ", " << show(crop.image.max()) << "]: got ["
                          << show(zoomed.min()) << ", " << show(zoomed.max()) << "]"
                          << kata::test::hint_suffix("weights (1-a)(1-b) ... sum to 1"));
}

BOOST_AUTO_TEST_CASE(each_axis_uses_its_own_factor) {
  // 2 x 4 -> 4 x 2 of the linear image 8 r + c, by hand. Rows: r_s = (r + 0.5) * 2/4 - 0.5 = -0.25, 0.25,
  // 0.75, 1.25, clamped to 0, 0.25, 0.75, 1. Columns: c_s = (c + 0.5) * 4/2 - 0.5 = 0.5, 2.5. Bilinear is
  // exact on a linear image: out = 8 r_s + c_s.
  const arma::mat img{{0, 1, 2, 3}, {8, 9, 10, 11}};
  check_mat_close(kata::resize_bilinear(img, 4, 2), arma::mat{{0.5, 2.5}, {2.5, 4.5}, {6.5, 8.5}, {8.5, 10.5}}, 1e-12,
                  "resize_bilinear(2 x 4, 4, 2)",
                  "rows use H / h, columns use W / w: with a non-square change of size they differ");
}

BOOST_AUTO_TEST_CASE(one_pixel_images) {
  // To 1 x 1: r_s = 0.5 * 3 - 0.5 = 1, the centre pixel. From 1 x 1: every output samples the only pixel.
  check_mat_close(kata::resize_bilinear(one_to_nine, 1, 1), arma::mat(1, 1, arma::fill::value(5.0)), 1e-12, "resize_bilinear([1..9], 1, 1)",
                  "the half-pixel convention has no (h - 1) in it: align-corners formulas divide by 0 here");
  check_mat_close(kata::resize_bilinear(arma::mat(1, 1, arma::fill::value(7.0)), 2, 3), arma::mat(2, 3, arma::fill::value(7.0)),
                  1e-12, "resize_bilinear([7], 2, 3)", "a 1 x 1 image enlarges to a constant image");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(random_distortion, *boost::unit_test::description("task 7: random distortion"))

BOOST_AUTO_TEST_CASE(is_a_rotation_then_a_shift_with_the_drawn_values) {
  const arma::mat img = random_image(8, 8, 7);
  kata::Rng rng(3), expected_rng(3);
  const double degrees = 15.0 * (2.0 * expected_rng.rand() - 1.0);
  const auto dy = static_cast<int>(expected_rng.randint(-1, 2));
  const auto dx = static_cast<int>(expected_rng.randint(-1, 2));
  const kata::Distortion d = kata::random_distortion(img, 15.0, 1, rng);
  kata::test::check_close(d.degrees, degrees, 1e-12, "random_distortion(img, 15, 1, Rng(3)).degrees",
                          "degrees = max_degrees * (2 * rng.rand() - 1), drawn first");
  BOOST_CHECK_MESSAGE(d.dy == dy && d.dx == dx, "random_distortion(img, 15, 1, Rng(3)): expected shift ("
                                                    << dy << ", " << dx << "), got (" << d.dy << ", " << d.dx
                                                    << ")"
                                                    << kata::test::hint_suffix("then dy, then dx, each "
                                                                               "rng.randint(-s, s + 1)"));
  check_mat_close(d.image, kata::shift(kata::rotate(img, d.degrees), d.dy, d.dx), kTrig,
                  "random_distortion().image", "rotate first, then shift, with the values you return");
  BOOST_CHECK_MESSAGE(rng.rand() == expected_rng.rand(),
                      "random_distortion(img, 15, 1, Rng(3)): after the call the generator should have made exactly "
                      "one rand() and two randint() draws"
                          << kata::test::hint_suffix("no other draws"));
}

BOOST_AUTO_TEST_CASE(accepts_the_largest_limits) {
  // max_degrees = 180 is allowed (any angle), and so is max_shift = min(H, W) - 1, for a wide and a tall image.
  for (const arma::mat& img : {random_image(3, 8, 11), random_image(8, 3, 12)})
    for (std::uint32_t seed = 0; seed < 20; ++seed) {
      kata::Rng rng(seed);
      try {
        const kata::Distortion d = kata::random_distortion(img, 180.0, 2, rng);
        BOOST_REQUIRE_MESSAGE(std::abs(d.degrees) <= 180.0 && std::abs(d.dy) <= 2 && std::abs(d.dx) <= 2 &&
                                  d.image.n_rows == img.n_rows && d.image.n_cols == img.n_cols,
                              "random_distortion(" << img.n_rows << " x " << img.n_cols << ", 180, 2): drew "
                                                   << show(d.degrees) << " degrees, shift (" << d.dy << ", " << d.dx
                                                   << "), image " << d.image.n_rows << " x " << d.image.n_cols);
      } catch (const std::invalid_argument& e) {
        BOOST_ERROR("random_distortion(" << img.n_rows << " x " << img.n_cols << " image, 180, 2) threw, but "
                                         << "max_degrees may be 180 and max_shift up to min(H, W) - 1 = 2: "
                                         << e.what());
        return;
      }
    }
}

BOOST_AUTO_TEST_CASE(accepts_minus_zero_degrees) {
  // max_degrees = -0.0 is a limit of 0 (-0.0 < 0 is false, although its sign bit is set): in [0, 180], so
  // random_distortion() and augment() must accept it. Reject by comparing with 0, not by std::signbit.
  const arma::mat img = random_image(4, 4, 13);
  const double minus_zero = -0.0;
  kata::Rng rng(5);
  try {
    const kata::Distortion d = kata::random_distortion(img, minus_zero, 1, rng);
    BOOST_CHECK_MESSAGE(d.degrees == 0.0, "random_distortion(4 x 4 image, -0.0, 1): the angle must be 0 (-0.0 * "
                                          "anything is 0), got " << show(d.degrees));
  } catch (const std::invalid_argument& e) {
    BOOST_ERROR("random_distortion(4 x 4 image, -0.0, 1) threw, but max_degrees = -0.0 equals 0, which is valid: "
                << e.what());
  }
  kata::AugmentPolicy p;
  p.max_degrees = minus_zero;
  p.max_shift = 1;
  try {
    const kata::AugmentedSet out = kata::augment(arma::mat(arma::vectorise(img.t())), arma::urowvec{1}, 4, 4, p, rng);
    BOOST_CHECK_MESSAGE(out.X.n_cols == 2, "augment(one 4 x 4 image, copies 1, max_degrees -0.0): expected 2 columns, "
                                           "got " << out.X.n_cols);
  } catch (const std::invalid_argument& e) {
    BOOST_ERROR("augment(one 4 x 4 image, max_degrees = -0.0, max_shift 1) threw, but -0.0 equals 0, which is valid: "
                << e.what());
  }
}

BOOST_AUTO_TEST_CASE(stays_within_its_limits_and_uses_every_shift) {
  const arma::mat img = random_image(8, 8, 8);
  std::set<int> seen_dy, seen_dx;
  for (std::uint32_t seed = 0; seed < 300; ++seed) {
    kata::Rng rng(seed);
    BOOST_TEST_INFO("random_distortion(8 x 8 image, 12, 1, Rng(" << seed << "))");
    const kata::Distortion d = kata::random_distortion(img, 12.0, 1, rng);
    BOOST_REQUIRE_MESSAGE(std::abs(d.degrees) <= 12.0 && std::abs(d.dy) <= 1 && std::abs(d.dx) <= 1,
                          "random_distortion(img, 12, 1) with seed " << seed << " drew " << show(d.degrees)
                                                                     << " degrees, shift (" << d.dy << ", "
                                                                     << d.dx << ")");
    seen_dy.insert(d.dy);
    seen_dx.insert(d.dx);
  }
  // Each of -1, 0, 1 has probability 1/3 per draw: missing one in 300 draws has probability
  // <= 3 (2/3)^300 < 1e-52.
  BOOST_CHECK_MESSAGE(seen_dy.size() == 3 && seen_dx.size() == 3,
                      "random_distortion(img, 12, 1): over 300 seeds dy took " << seen_dy.size() << " and dx "
                          << seen_dx.size() << " of the 3 values -1, 0, 1"
                          << kata::test::hint_suffix("rng.randint(-max_shift, max_shift + 1): high is exclusive"));
}

BOOST_AUTO_TEST_CASE(no_distortion_leaves_the_image_alone) {
  const arma::mat img = random_image(8, 8, 9);
  kata::Rng rng(0);
  check_mat_close(kata::random_distortion(img, 0.0, 0, rng).image, img, kTrig, "random_distortion(img, 0, 0)",
                  "a 0° rotation and a (0, 0) shift change nothing");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(augment, *boost::unit_test::description("task 8: augment the training set"))


BOOST_AUTO_TEST_CASE(output_has_one_plus_k_times_m_examples) {
  const Small s = small_set(5);
  for (const int k : {0, 1, 3}) {
    kata::AugmentPolicy p = everything();
    p.copies = k;
    kata::Rng rng(1);
    BOOST_TEST_INFO("augment(5 images of 4 x 4, copies = " << k << ", flip, zoom_crop 1, 15 degrees, shift 1)");
    const kata::AugmentedSet out = kata::augment(s.X, s.y, 4, 4, p, rng);
    const arma::uword n = (1 + static_cast<arma::uword>(k)) * 5;
    BOOST_CHECK_MESSAGE(out.X.n_rows == 16 && out.X.n_cols == n && out.y.n_elem == n && out.source.n_elem == n,
                        "augment(m = 5, copies = " << k << "): expected X 16 x " << n << ", y and source of "
                            << n << ", got X " << out.X.n_rows << " x " << out.X.n_cols << ", y " << out.y.n_elem
                            << ", source " << out.source.n_elem
                            << kata::test::hint_suffix("the originals plus k copies of each: (1 + k) m"));
  }
}

BOOST_AUTO_TEST_CASE(originals_come_first_then_copies_in_blocks) {
  const Small s = small_set(5);
  kata::Rng rng(2);
  const kata::AugmentedSet out = kata::augment(s.X, s.y, 4, 4, everything(), rng);
  BOOST_REQUIRE(out.X.n_cols == 20 && out.y.n_elem == 20 && out.source.n_elem == 20);
  check_mat_close(out.X.cols(0, 4), s.X, kExact, "augment(): columns 0 .. m-1",
                  "the originals come first, unchanged");
  arma::uvec expected_source(20);
  for (arma::uword j = 0; j < 20; ++j) expected_source(j) = j % 5;
  check_mat_close(out.source, expected_source, kExact, "augment().source",
                  "column j m + i is copy j of image i: source = 0 1 2 3 4 0 1 2 3 4 ...");
  check_mat_close(out.y, s.y.cols(expected_source), kExact, "augment().y",
                  "labels are copied exactly: y_out(j m + i) = y(i)");
}

BOOST_AUTO_TEST_CASE(labels_stay_with_their_images) {
  // Ten 8 x 8 images, image i filled with the constant (label + 1). Every transformation in the policy
  // keeps an interior pixel at exactly that constant (bilinear weights sum to 1; a crop or a <= 15° turn
  // and a 1-pixel shift leave the centre inside), and only brings in 0 or mixtures of 0 and the constant.
  // So each output column's largest pixel names the label it must carry.
  const arma::uword m = 10;
  arma::urowvec y{3, 7, 0, 9, 1, 5, 8, 2, 6, 4};
  arma::mat X(64, m);
  for (arma::uword i = 0; i < m; ++i) X.col(i).fill(static_cast<double>(y(i)) + 1.0);
  kata::AugmentPolicy p = everything();
  p.copies = 4;
  p.zoom_crop = 2;
  kata::Rng rng(9);
  const kata::AugmentedSet out = kata::augment(X, y, 8, 8, p, rng);
  BOOST_REQUIRE(out.X.n_cols == 50 && out.y.n_elem == 50);
  for (arma::uword j = 0; j < out.X.n_cols; ++j) {
    const double carried = arma::max(out.X.col(j)) - 1.0;
    if (std::abs(carried - static_cast<double>(out.y(j))) > 1e-9) {
      BOOST_ERROR("augment(): output column " << j << " shows image with label " << show(carried) << " but carries label "
                                              << out.y(j)
                                              << kata::test::hint_suffix("every reordering of X must be "
                                                                         "applied to y too (one index for both)"));
      return;
    }
  }
}

BOOST_AUTO_TEST_CASE(an_empty_policy_copies_exactly) {
  const Small s = small_set(4);
  kata::AugmentPolicy p;
  p.copies = 2;
  kata::Rng rng(3);
  const kata::AugmentedSet out = kata::augment(s.X, s.y, 4, 4, p, rng);
  check_mat_close(out.X, arma::join_horiz(s.X, s.X, s.X), kExact, "augment(copies = 2, no transformation)",
                  "with nothing switched on, every copy is the original (and to_image/to_column round-trip)");
}

BOOST_AUTO_TEST_CASE(flips_about_half_of_the_copies) {
  // One asymmetric 4 x 4 image, 2000 copies with flip only: each copy is the image or its mirror; the
  // mirrored share is within the Hoeffding radius of 1/2 (delta = 1e-10).
  const arma::mat img = tagged(4, 4);
  const arma::vec column = kata::to_column(img);
  const arma::vec mirrored = kata::to_column(arma::fliplr(img));
  kata::AugmentPolicy p;
  p.copies = 2000;
  p.flip = true;
  kata::Rng rng(4);
  const kata::AugmentedSet out = kata::augment(column, arma::urowvec{1}, 4, 4, p, rng);
  BOOST_REQUIRE(out.X.n_cols == 2001);
  double flipped = 0.0;
  for (arma::uword j = 1; j < out.X.n_cols; ++j) {
    const bool is_mirror = same(out.X.col(j), mirrored, 0.0);
    if (!is_mirror && !same(out.X.col(j), column, 0.0)) {
      BOOST_ERROR("augment(flip only): copy " << j << " is neither the image nor its left-right mirror"
                                              << kata::test::hint_suffix("flip columns (fliplr), not rows"));
      return;
    }
    flipped += is_mirror ? 1.0 / 2000 : 0.0;
  }
  kata::test::check_close(flipped, 0.5, kata::test::hoeffding_radius(2000, 1e-10),
                          "share of mirrored copies", "flip when rng.rand() < 0.5");
}

BOOST_AUTO_TEST_CASE(zoom_copies_are_resized_windows) {
  // zoom_crop = 1 on a 4 x 4 image: each copy is one of the four 3 x 3 windows resized back to 4 x 4.
  const arma::mat img = tagged(4, 4);
  std::vector<arma::vec> candidates;
  for (arma::uword r = 0; r < 2; ++r)
    for (arma::uword c = 0; c < 2; ++c)
      candidates.push_back(kata::to_column(kata::resize_bilinear(img.submat(r, c, r + 2, c + 2), 4, 4)));
  kata::AugmentPolicy p;
  p.copies = 50;
  p.zoom_crop = 1;
  kata::Rng rng(5);
  const kata::AugmentedSet out = kata::augment(kata::to_column(img), arma::urowvec{0}, 4, 4, p, rng);
  BOOST_REQUIRE(out.X.n_cols == 51);
  for (arma::uword j = 1; j < out.X.n_cols; ++j) {
    const bool found = std::any_of(candidates.begin(), candidates.end(),
                                   [&](const arma::vec& v) { return same(out.X.col(j), v, 1e-12); });
    if (!found) {
      BOOST_ERROR("augment(zoom_crop = 1): copy " << j << " is not a 3 x 3 window resized back to 4 x 4"
                                                  << kata::test::hint_suffix("random_crop(img, h - z, w - z), "
                                                                             "then resize_bilinear(crop, h, w)"));
      return;
    }
  }
}

BOOST_AUTO_TEST_CASE(shift_copies_are_shifted_originals) {
  const arma::mat img = tagged(5, 5);
  kata::AugmentPolicy p;
  p.copies = 50;
  p.max_shift = 2;
  kata::Rng rng(6);
  const kata::AugmentedSet out = kata::augment(kata::to_column(img), arma::urowvec{0}, 5, 5, p, rng);
  BOOST_REQUIRE(out.X.n_cols == 51);
  for (arma::uword j = 1; j < out.X.n_cols; ++j) {
    bool found = false;
    for (int dy = -2; dy <= 2 && !found; ++dy)
      for (int dx = -2; dx <= 2 && !found; ++dx)
        found = same(out.X.col(j), kata::to_column(kata::shift(img, dy, dx)), 1e-12);
    if (!found) {
      BOOST_ERROR("augment(max_shift = 2): copy " << j << " is not the image shifted by at most 2 pixels"
                                                  << kata::test::hint_suffix("random_distortion(img, 0, 2, rng)"));
      return;
    }
  }
}

BOOST_AUTO_TEST_CASE(same_seed_same_output) {
  const Small s = small_set(6);
  kata::Rng a(11), b(11), c(12);
  const kata::AugmentedSet first = kata::augment(s.X, s.y, 4, 4, everything(), a);
  const kata::AugmentedSet second = kata::augment(s.X, s.y, 4, 4, everything(), b);
  check_mat_close(second.X, first.X, kExact, "augment() twice with Rng(11)",
                  "draw only from the rng you are given, in the documented order");
  const kata::AugmentedSet other = kata::augment(s.X, s.y, 4, 4, everything(), c);
  BOOST_CHECK_MESSAGE(!same(other.X, first.X, 1e-9),
                      "augment() with Rng(11) and Rng(12) gave the same copies: are the copies random at all?");
}

// Golden copies for fixed seeds, from an independent numpy implementation of the README's formulas
// (flip / crop / half-pixel resize / rotate / shift written out in numpy, draws with np.random.seed(seed),
// np.random.rand() and np.random.randint(low, high); numpy 1.24). Two 3 x 4 images (non-square, so every
// h/w mix-up shows): image 0 is 10 r + c + 1, image 1 is (7 (4 r + c)) mod 13 + 0.5. The copies pin the
// order of the draws: copy 1 of every image before copy 2, and inside a copy the coin, then the crop
// (row, col), then the distortion (degrees, dy, dx) — each drawn only when its step is on. `next` is the
// number numpy draws after the last copy: the generator must be exactly there.
struct GoldenCase {
  const char* what;
  std::uint32_t seed;
  int copies;
  bool flip;
  int zoom_crop;
  double max_degrees;
  int max_shift;
  std::vector<arma::mat> copies_expected;  // copy j of image i at index (j - 1) * 2 + i, as 3 x 4 images
  double next;
};
std::ostream& operator<<(std::ostream& out, const GoldenCase& c) { return out << c.what; }

const arma::mat golden_X = arma::mat{{1, 2, 3, 4, 11, 12, 13, 14, 21, 22, 23, 24},
                                     {0.5, 7.5, 1.5, 8.5, 2.5, 9.5, 3.5, 10.5, 4.5, 11.5, 5.5, 12.5}}.t();

// The draws behind each golden copy, from the numpy run, for the messages: coin (flip when < 0.5),
// crop offset, degrees, dy, dx.
const GoldenCase golden_cases[] = {
    {"everything on (flip, zoom_crop 1, 20 degrees, shift 1), Rng(3)", 3, 2, true, 1, 20.0, 1,
     {// copy 1 of image 0: coin 0.551 (no flip), crop (1, 1), -8.3638 degrees, shift (-1, 0)
      {{18.100906982989038, 17.992633718980095, 18.007366281019902, 17.89909301701096},
       {17.51380812377837, 21.326195326198995, 23.045764376406296, 19.895939967417462},
       {0.0, 0.0, 0.0, 0.0}},
      // copy 1 of image 1: coin 0.893 (no flip), crop (0, 1), -14.9766 degrees, shift (1, 0)
      {{0.0, 0.0, 0.0, 0.0},
       {6.2780970693953915, 4.818580940849519, 3.6386782559513344, 4.618995769547204},
       {8.696563701956398, 4.885581254380117, 4.989418745619883, 8.889445268438848}},
      // copy 2 of image 0: coin 0.051 (flip), crop (0, 0), -18.8050 degrees, shift (1, -1)
      {{0.0, 0.0, 0.0, 0.0},
       {4.632548110857223, 2.575596952704421, 1.2830392780121131, 0.0},
       {9.160851788524857, 6.839148211475144, 4.632436148054479, 0.0}},
      // copy 2 of image 1: coin 0.216 (flip), crop (0, 0), -0.2946 degrees, shift (-1, 0)
      {{9.50762488125454, 5.127568057875919, 4.74743194212408, 8.492214056112356},
       {10.39676179250409, 6.1074109696425865, 5.766670488194622, 9.443662877950084},
       {0.0, 0.0, 0.0, 0.0}}},
     0.558854087990882},
    {"shifts only (no coin, no crop; the distortion still draws its angle), Rng(4)", 4, 2, false, 0, 0.0, 1,
     {// shifts (0, 0), (-1, 1), (-1, 0), (0, -1)
      {{1, 2, 3, 4}, {11, 12, 13, 14}, {21, 22, 23, 24}},
      {{0, 2.5, 9.5, 3.5}, {0, 4.5, 11.5, 5.5}, {0, 0, 0, 0}},
      {{11, 12, 13, 14}, {21, 22, 23, 24}, {0, 0, 0, 0}},
      {{7.5, 1.5, 8.5, 0}, {9.5, 3.5, 10.5, 0}, {11.5, 5.5, 12.5, 0}}},
     0.6329631043924608},
    {"flips only, 3 copies, Rng(6)", 6, 3, true, 0, 0.0, 0,
     {// coins 0.893, 0.332, 0.821, 0.042, 0.108, 0.595: flip when < 0.5
      {{1, 2, 3, 4}, {11, 12, 13, 14}, {21, 22, 23, 24}},
      {{8.5, 1.5, 7.5, 0.5}, {10.5, 3.5, 9.5, 2.5}, {12.5, 5.5, 11.5, 4.5}},
      {{1, 2, 3, 4}, {11, 12, 13, 14}, {21, 22, 23, 24}},
      {{8.5, 1.5, 7.5, 0.5}, {10.5, 3.5, 9.5, 2.5}, {12.5, 5.5, 11.5, 4.5}},
      {{4, 3, 2, 1}, {14, 13, 12, 11}, {24, 23, 22, 21}},
      {{0.5, 7.5, 1.5, 8.5}, {2.5, 9.5, 3.5, 10.5}, {4.5, 11.5, 5.5, 12.5}}},
     0.5298173621928216},
    // Rotation only, by at most 1 degree: max_degrees > 0 switches the distortion on even with max_shift = 0
    // (then only the angle is drawn: randint(0, 1) draws nothing). Small angles must not be skipped.
    {"rotations of at most 1 degree only (max_shift 0), Rng(7)", 7, 2, false, 0, 1.0, 0,
     {// copy 1 of image 0: -0.8474 degrees
      {{1.2050446133242594, 2.060304694526843, 2.963408822145405, 3.8970798501564388},
       {11.222000420438658, 12.07400014014622, 12.925999859853782, 13.777999579561342},
       {20.551063330854213, 21.854461648108764, 22.939695305473162, 23.429329269746102}},
      // copy 1 of image 1: 0.5598 degrees
      {{0.5605864426789128, 7.405233291619815, 1.5780952252974154, 8.446679174041027},
       {2.471188666316601, 9.490085938561348, 3.5099140614386526, 10.528811333683397},
       {4.427230579154166, 11.421904774702586, 5.531876726749874, 12.249502478253403}},
      // copy 2 of image 0: -0.1232 degrees
      {{1.0300562116247989, 2.0086239533630965, 2.994633280703248, 3.9849632649499855},
       {11.032252292789067, 12.010750764263022, 12.98924923573698, 13.967747707210936},
       {20.934472446754533, 21.97855047460532, 22.9913760466369, 23.916282410437038}},
      // copy 2 of image 1: 0.4469 degrees
      {{0.5484457573925908, 7.424265178695096, 1.5623569825126704, 8.457365000992288},
       {2.4769184602637657, 9.492108403827384, 3.5078915961726174, 10.523081539736236},
       {4.441823995108543, 11.43764301748733, 5.525428194152251, 12.29984336277397}}},
     0.9779895119966027},
};

BOOST_DATA_TEST_CASE(matches_numpy_for_a_fixed_seed, bdata::make(golden_cases), c) {
  kata::AugmentPolicy p;
  p.copies = c.copies;
  p.flip = c.flip;
  p.zoom_crop = c.zoom_crop;
  p.max_degrees = c.max_degrees;
  p.max_shift = c.max_shift;
  kata::Rng rng(c.seed);
  BOOST_TEST_INFO("augment(two 3 x 4 images, " << c.what << ")");
  const kata::AugmentedSet out = kata::augment(golden_X, arma::urowvec{4, 9}, 3, 4, p, rng);
  const arma::uword n = 2 * (1 + static_cast<arma::uword>(c.copies));
  BOOST_REQUIRE_MESSAGE(out.X.n_rows == 12 && out.X.n_cols == n,
                        "augment(" << c.what << "): expected X 12 x " << n << ", got " << out.X.n_rows << " x "
                                   << out.X.n_cols);
  const std::string order_hint =
      "copies in order (copy 1 of every image, then copy 2, ...); per copy: if flip, rng.rand() < 0.5 -> flip; "
      "if zoom_crop, random_crop (row, then col) and resize back; if a distortion, random_distortion (rand for "
      "the angle, then dy, then dx) — nothing drawn for a step that is off";
  // Tolerance 1e-12: bilinear values below 25 computed with cos/sin in another order (numpy) agree to ~1e-14.
  for (arma::uword k = 0; k < c.copies_expected.size(); ++k) {
    const arma::vec expected = arma::vectorise(c.copies_expected[k].t());  // row-major, like the dataset
    const std::string what = std::string("augment(") + c.what + "): copy " + std::to_string(k / 2 + 1) +
                             " of image " + std::to_string(k % 2) + " (column " + std::to_string(2 + k) + ")";
    if (!check_mat_close(out.X.col(2 + k), expected, 1e-12, what, order_hint)) break;
  }
  const double next = rng.rand();
  BOOST_CHECK_MESSAGE(next == c.next, "augment(" << c.what << "): after the call the next rng.rand() should be "
                                                 << "numpy's next number " << show(c.next)
                                                 << ", got " << show(next)
                                                 << kata::test::hint_suffix("draw from the rng you are given (not a "
                                                                            "copy), exactly the documented draws"));
}

BOOST_AUTO_TEST_CASE(no_copies_returns_the_originals_and_draws_nothing) {
  kata::AugmentPolicy p;
  p.copies = 0;
  p.flip = true;
  p.zoom_crop = 1;
  p.max_degrees = 20.0;
  p.max_shift = 1;
  kata::Rng rng(5);
  const kata::AugmentedSet out = kata::augment(golden_X, arma::urowvec{4, 9}, 3, 4, p, rng);
  check_mat_close(out.X, golden_X, kExact, "augment(copies = 0).X", "k = 0 copies: just the originals");
  check_mat_close(out.y, arma::urowvec{4, 9}, kExact, "augment(copies = 0).y", "the labels, unchanged");
  // numpy 1.24: np.random.seed(5); np.random.rand() = 0.22199317108973948, the first number of the stream.
  const double next = rng.rand();
  BOOST_CHECK_MESSAGE(next == 0.22199317108973948,
                      "augment(copies = 0) with Rng(5) must draw nothing: the next rng.rand() should be numpy's first, "
                      "0.22199317108973948, got "
                          << show(next));
}

BOOST_AUTO_TEST_CASE(accepts_the_largest_settings_for_non_square_images) {
  // zoom_crop and max_shift up to min(h, w) - 1 and max_degrees = 180 are valid, for wide and tall images.
  for (const auto& [h, w] : {std::pair<arma::uword, arma::uword>{2, 8}, {8, 2}}) {
    kata::AugmentPolicy p;
    p.copies = 2;
    p.flip = true;
    p.zoom_crop = 1;
    p.max_degrees = 180.0;
    p.max_shift = 1;
    kata::Rng rng(7);
    const arma::mat X = 16.0 * kata::Rng(8).rand(16, 3);
    try {
      const kata::AugmentedSet out = kata::augment(X, arma::urowvec{0, 1, 2}, h, w, p, rng);
      BOOST_CHECK_MESSAGE(out.X.n_rows == 16 && out.X.n_cols == 9,
                          "augment(" << h << " x " << w << " images, copies 2): expected X 16 x 9, got "
                                     << out.X.n_rows << " x " << out.X.n_cols);
    } catch (const std::invalid_argument& e) {
      BOOST_ERROR("augment(" << h << " x " << w << " images, zoom_crop 1, max_shift 1, max_degrees 180) threw, but "
                             << "all three are valid (below min(h, w) = 2, and 180 is allowed): " << e.what());
    }
  }
}

BOOST_AUTO_TEST_SUITE_END()

// Harden it: bad input for every function, every argument and position.
BOOST_AUTO_TEST_SUITE(bad_input, *boost::unit_test::description("task 9: harden it"))

// Empty images of every shape: no rows, no columns, neither. Every function that takes an image rejects
// each of them, also with the arguments that would make the call a no-op on a valid image (rotate by 0,
// shift by 0, a crop or resize to the image's own size, no distortion): a shortcut such as
// `if (h == img.n_rows && w == img.n_cols) return img;` placed before validation must not let one through.
// The message names the empty image ("empty"), not another argument.
const arma::mat empty_images[] = {arma::mat(), arma::mat(0, 3), arma::mat(3, 0), arma::mat(0, 5), arma::mat(5, 0)};
std::string shape_of(const arma::mat& M) { return std::to_string(M.n_rows) + " x " + std::to_string(M.n_cols); }

BOOST_AUTO_TEST_CASE(to_image_and_to_column_reject_bad_input) {
  const arma::vec sixty_four(64, arma::fill::zeros);
  check_rejects([&] { kata::to_image(sixty_four, 0, 8); }, "to_image()", "h = 0");
  check_rejects([&] { kata::to_image(sixty_four, 8, 0); }, "to_image()", "w = 0");
  // h·w = 0 values match an empty column, but a 0-row image is still not an image.
  check_rejects([] { kata::to_image(arma::vec(), 0, 8); }, "to_image()", "h = 0 with an empty column");
  check_rejects([] { kata::to_image(arma::vec(), 8, 0); }, "to_image()", "w = 0 with an empty column");
  check_rejects([] { kata::to_image(arma::vec(), 0, 0); }, "to_image()", "h = w = 0 with an empty column");
  check_rejects([] { kata::to_image(arma::vec(63, arma::fill::zeros), 8, 8); }, "to_image()",
                "63 values for an 8 x 8 image");
  check_rejects([] { kata::to_image(arma::vec(65, arma::fill::zeros), 8, 8); }, "to_image()",
                "65 values for an 8 x 8 image");
  check_rejects([&] { kata::to_image(sixty_four, 4, 8); }, "to_image()", "64 values for a 4 x 8 image");
  for (const arma::mat& e : empty_images)
    check_rejects([&] { kata::to_column(e); }, "to_column()", "an empty " + shape_of(e) + " image", "empty");
}

BOOST_AUTO_TEST_CASE(flip_horizontal_rejects_an_empty_image) {
  for (const arma::mat& e : empty_images)
    check_rejects([&] { kata::flip_horizontal(e); }, "flip_horizontal()", "an empty " + shape_of(e) + " image",
                  "empty");
}

BOOST_AUTO_TEST_CASE(rotate_rejects_bad_input) {
  for (const arma::mat& e : empty_images)
    for (const double degrees : {10.0, 0.0, 360.0})
      check_rejects([&] { kata::rotate(e, degrees); }, "rotate()",
                    "an empty " + shape_of(e) + " image (degrees " + show(degrees) + ")", "empty");
  check_rejects([] { kata::rotate(one_to_nine, std::nan("")); }, "rotate()", "degrees = NaN");
  check_rejects([] { kata::rotate(one_to_nine, kata::test::kInf); }, "rotate()", "degrees = inf");
  check_rejects([] { kata::rotate(tagged(3, 5), -kata::test::kInf); }, "rotate()", "degrees = -inf");
}

BOOST_AUTO_TEST_CASE(shift_rejects_bad_input) {
  for (const arma::mat& e : empty_images)
    check_rejects([&] { kata::shift(e, 0, 0); }, "shift()", "an empty " + shape_of(e) + " image (shift 0, 0)", "empty");
  check_rejects([] { kata::shift(one_to_nine, 3, 0); }, "shift()", "dy = 3 for a 3-row image");
  check_rejects([] { kata::shift(one_to_nine, -3, 0); }, "shift()", "dy = -3 for a 3-row image");
  check_rejects([] { kata::shift(one_to_nine, 0, -3); }, "shift()", "dx = -3 for a 3-column image");
  check_rejects([] { kata::shift(one_to_nine, 0, 3); }, "shift()", "dx = 3 for a 3-column image");
  // Non-square, both ways: each offset is bounded by its own axis.
  check_rejects([] { kata::shift(tagged(2, 5), 2, 0); }, "shift()", "dy = 2 for a 2 x 5 image");
  check_rejects([] { kata::shift(tagged(5, 2), 0, 2); }, "shift()", "dx = 2 for a 5 x 2 image");
  check_rejects([] { kata::shift(tagged(5, 2), 0, -2); }, "shift()", "dx = -2 for a 5 x 2 image");
  check_rejects([] { kata::shift(tagged(5, 2), -5, 1); }, "shift()", "dy = -5 for a 5 x 2 image");
}

BOOST_AUTO_TEST_CASE(random_crop_rejects_bad_sizes) {
  const arma::mat img = tagged(8, 8);
  kata::Rng rng(0);
  for (const arma::mat& e : empty_images) {
    check_rejects([&] { kata::random_crop(e, 1, 1, rng); }, "random_crop()", "an empty " + shape_of(e) + " image",
                  "empty");
    check_rejects([&] { kata::random_crop(e, e.n_rows, e.n_cols, rng); }, "random_crop()",
                  "an empty " + shape_of(e) + " image cropped to its own size", "empty");
  }
  check_rejects([&] { kata::random_crop(img, 0, 4, rng); }, "random_crop()", "h = 0");
  check_rejects([&] { kata::random_crop(img, 4, 0, rng); }, "random_crop()", "w = 0");
  check_rejects([&] { kata::random_crop(img, 9, 4, rng); }, "random_crop()", "a 9-row crop of an 8-row image");
  check_rejects([&] { kata::random_crop(img, 4, 9, rng); }, "random_crop()", "a 9-column crop of an 8-column image");
  // A 3 x 8 image: 4 rows do not fit (although 4 < 8), 9 columns do not fit.
  const arma::mat wide = tagged(3, 8);
  check_rejects([&] { kata::random_crop(wide, 4, 2, rng); }, "random_crop()", "a 4 x 2 crop of a 3 x 8 image");
  check_rejects([&] { kata::random_crop(wide, 2, 9, rng); }, "random_crop()", "a 2 x 9 crop of a 3 x 8 image");
}

BOOST_AUTO_TEST_CASE(resize_bilinear_rejects_bad_input) {
  for (const arma::mat& e : empty_images) {
    check_rejects([&] { kata::resize_bilinear(e, 4, 4); }, "resize_bilinear()", "an empty " + shape_of(e) + " image",
                  "empty");
    check_rejects([&] { kata::resize_bilinear(e, e.n_rows, e.n_cols); }, "resize_bilinear()",
                  "an empty " + shape_of(e) + " image resized to its own size", "empty");
  }
  check_rejects([] { kata::resize_bilinear(one_to_nine, 0, 4); }, "resize_bilinear()", "h = 0");
  check_rejects([] { kata::resize_bilinear(one_to_nine, 4, 0); }, "resize_bilinear()", "w = 0");
  check_rejects([] { kata::resize_bilinear(one_to_nine, 0, 0); }, "resize_bilinear()", "h = w = 0");
}

BOOST_AUTO_TEST_CASE(random_distortion_rejects_bad_input) {
  const arma::mat img = random_image(8, 8, 9);
  const arma::mat wide = random_image(3, 8, 9), tall = random_image(8, 3, 9);
  kata::Rng rng(0);
  for (const arma::mat& e : empty_images)
    for (const double max_degrees : {10.0, 0.0})
      check_rejects([&] { kata::random_distortion(e, max_degrees, 0, rng); }, "random_distortion()",
                    "an empty " + shape_of(e) + " image (max_degrees " + show(max_degrees) + ", max_shift 0)",
                    "empty");
  // Bad angles, also next to max_shift = 0 (no shift at all), and the double just above 180. The message
  // must name max_degrees: the other arguments are valid, so nothing else may be the reason.
  const double bad_degrees[] = {-1.0, -std::numeric_limits<double>::denorm_min(), std::nextafter(180.0, 181.0),
                                181.0, kata::test::kNaN, kata::test::kInf, -kata::test::kInf};
  for (const int max_shift : {1, 0})
    for (const double deg : bad_degrees) {
      check_rejects([&] { kata::random_distortion(img, deg, max_shift, rng); }, "random_distortion()",
                    "max_degrees = " + show(deg) + " (max_shift " + std::to_string(max_shift) + ")", "max_degrees");
    }
  // Bad shifts, also next to max_degrees = 0 (no rotation at all); each axis of a non-square image. The
  // message must name max_shift.
  for (const double deg : {10.0, 0.0}) {
    const std::string with = " (max_degrees " + show(deg) + ")";
    check_rejects([&] { kata::random_distortion(img, deg, -1, rng); }, "random_distortion()", "max_shift = -1" + with,
                  "max_shift");
    check_rejects([&] { kata::random_distortion(img, deg, 8, rng); }, "random_distortion()",
                  "max_shift = 8 for an 8 x 8 image" + with, "max_shift");
    check_rejects([&] { kata::random_distortion(wide, deg, 3, rng); }, "random_distortion()",
                  "max_shift = 3 for a 3 x 8 image" + with, "max_shift");
    check_rejects([&] { kata::random_distortion(tall, deg, 3, rng); }, "random_distortion()",
                  "max_shift = 3 for an 8 x 3 image" + with, "max_shift");
  }
}

BOOST_AUTO_TEST_CASE(augment_rejects_bad_input) {
  const Small s = small_set(3);
  kata::Rng rng(0);
  const kata::AugmentPolicy ok = everything();
  auto with = [&](auto change) {
    kata::AugmentPolicy p = ok;
    change(p);
    return p;
  };
  check_rejects([&] { kata::augment(arma::mat(16, 0), arma::urowvec(), 4, 4, ok, rng); }, "augment()",
                "no examples (m = 0)");
  check_rejects([&] { kata::augment(arma::mat(0, 3), s.y, 4, 4, ok, rng); }, "augment()", "X with no rows");
  check_rejects([&] { kata::augment(s.X, arma::urowvec{0, 1}, 4, 4, ok, rng); }, "augment()",
                "3 images but 2 labels");
  check_rejects([&] { kata::augment(s.X, arma::urowvec{0, 1, 2, 0}, 4, 4, ok, rng); }, "augment()",
                "3 images but 4 labels");
  check_rejects([&] { kata::augment(s.X, s.y, 4, 5, ok, rng); }, "augment()", "16 pixels for a 4 x 5 image");
  check_rejects([&] { kata::augment(s.X.rows(0, 14), s.y, 4, 4, ok, rng); }, "augment()",
                "15 pixels for a 4 x 4 image");
  // More pixels than h * w is as wrong as fewer: 16 rows for a 3 x 5 image (15 pixels). With copies = 0
  // no image is ever reshaped, so only augment()'s own check can reject it.
  check_rejects([&] { kata::augment(s.X, s.y, 3, 5, ok, rng); }, "augment()",
                "16 pixels for a 3 x 5 image (one too many: X.n_rows must equal h * w, not just reach it)");
  check_rejects([&] { kata::augment(s.X, s.y, 3, 5, with([](auto& p) { p.copies = 0; }), rng); }, "augment()",
                "16 pixels for a 3 x 5 image with copies = 0 (X.n_rows must equal h * w even when no copy is made)");
  check_rejects([&] { kata::augment(s.X, s.y, 0, 4, ok, rng); }, "augment()", "h = 0");
  check_rejects([&] { kata::augment(s.X, s.y, 4, 0, ok, rng); }, "augment()", "w = 0");
  check_rejects([&] { kata::augment(s.X, s.y, 4, 4, with([](auto& p) { p.copies = -1; }), rng); }, "augment()",
                "copies = -1", "copies");
  // Every bad setting, with copies = 3 and with copies = 0 (no copy is made, but the policy is still wrong:
  // validate the arguments, do not wait for a step to fail). The message must name the bad setting: with
  // copies = 0 or max_shift = 0 next to it, a rejection of those valid values would be the wrong reason.
  struct Bad {
    const char* what;
    std::function<void(kata::AugmentPolicy&)> change;
    const char* setting;  // what the message must name
  };
  const Bad bad_policies[] = {
      {"zoom_crop = -1", [](auto& p) { p.zoom_crop = -1; }, "zoom_crop"},
      {"zoom_crop = 4 for a 4 x 4 image (nothing left)", [](auto& p) { p.zoom_crop = 4; }, "zoom_crop"},
      {"max_degrees = -5", [](auto& p) { p.max_degrees = -5; }, "max_degrees"},
      {"max_degrees = 200", [](auto& p) { p.max_degrees = 200; }, "max_degrees"},
      {"max_degrees = 180.00000000000003 (the double just above 180)",
       [](auto& p) { p.max_degrees = std::nextafter(180.0, 181.0); }, "max_degrees"},
      {"max_degrees = inf", [](auto& p) { p.max_degrees = kata::test::kInf; }, "max_degrees"},
      {"max_degrees = NaN", [](auto& p) { p.max_degrees = kata::test::kNaN; }, "max_degrees"},
      {"max_degrees = NaN with max_shift = 0 (a NaN angle is not 'no rotation')",
       [](auto& p) {
         p.max_degrees = kata::test::kNaN;
         p.max_shift = 0;
       },
       "max_degrees"},
      {"max_shift = -1", [](auto& p) { p.max_shift = -1; }, "max_shift"},
      {"max_shift = -1 with max_degrees = 0",
       [](auto& p) {
         p.max_shift = -1;
         p.max_degrees = 0;
       },
       "max_shift"},
      {"max_shift = 4 for a 4 x 4 image", [](auto& p) { p.max_shift = 4; }, "max_shift"},
  };
  for (const int copies : {3, 0})
    for (const Bad& b : bad_policies) {
      kata::AugmentPolicy p = ok;
      b.change(p);
      p.copies = copies;
      check_rejects([&] { kata::augment(s.X, s.y, 4, 4, p, rng); }, "augment()",
                    std::string(b.what) + " (copies " + std::to_string(copies) + ")", b.setting);
    }
  // Non-square images, both ways: zoom_crop and max_shift must be below min(h, w) = 2.
  const arma::mat X16 = s.X;
  for (const auto& hw : {std::pair<arma::uword, arma::uword>{2, 8}, {8, 2}}) {
    const arma::uword h = hw.first, w = hw.second;
    const std::string size = " for " + std::to_string(h) + " x " + std::to_string(w) + " images";
    check_rejects([&] { kata::augment(X16, s.y, h, w, with([](auto& p) { p.zoom_crop = 2; }), rng); }, "augment()",
                  "zoom_crop = 2" + size, "zoom_crop");
    check_rejects([&] { kata::augment(X16, s.y, h, w, with([](auto& p) { p.max_shift = 2; }), rng); }, "augment()",
                  "max_shift = 2" + size, "max_shift");
  }
}

BOOST_AUTO_TEST_SUITE_END()
