// Lesson 05 checks. Each case is one CTest test ("check"); messages say what was expected and why.
// Expected images are written out by hand (or follow a rule written next to them, such as numpy's
// np.rot90 definition out[i, j] = in[j, n - 1 - i]); none was produced by running the solution.
#include <boost/test/unit_test.hpp>
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <set>
#include <string>

#include "data_augmentation.hpp"
#include "kata/dataset.hpp"
#include "kata_test.hpp"

using kata::test::check_mat_close;
using kata::test::check_rejects;

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

}  // namespace

BOOST_AUTO_TEST_SUITE(to_image_and_to_column)

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
                          << img(0, 1) << " and " << img(1, 0)
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
      BOOST_ERROR("to_image(digit 0): feature " << k << " is " << digits.feature_names[k] << " = " << column(k)
                                                << ", but pixel (" << r << ", " << c << ") is " << img(r, c)
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
    check_mat_close(kata::to_image(kata::to_column(img), h, w), img, kExact,
                    "to_image(to_column(img)) for " + std::to_string(h) + " x " + std::to_string(w),
                    "both must use the same (row-major) pixel order");
  }
}

BOOST_AUTO_TEST_CASE(reject_bad_input) {
  const arma::vec sixty_four(64, arma::fill::zeros);
  check_rejects([&] { kata::to_image(sixty_four, 0, 8); }, "to_image()", "h = 0");
  check_rejects([&] { kata::to_image(sixty_four, 8, 0); }, "to_image()", "w = 0");
  check_rejects([] { kata::to_image(arma::vec(63, arma::fill::zeros), 8, 8); }, "to_image()",
                "63 values for an 8 x 8 image");
  check_rejects([&] { kata::to_image(sixty_four, 4, 8); }, "to_image()", "64 values for a 4 x 8 image");
  check_rejects([] { kata::to_column(arma::mat()); }, "to_column()", "an empty image");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(flip_horizontal)

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

BOOST_AUTO_TEST_CASE(rejects_an_empty_image) {
  check_rejects([] { kata::flip_horizontal(arma::mat()); }, "flip_horizontal()", "an empty image");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(rotate)

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
    check_mat_close(kata::rotate(img, 90.0), rot90_reference(img), kTrig,
                    "rotate(" + std::to_string(n) + " x " + std::to_string(n) + " image, 90)",
                    "rotate about the centre ((H - 1)/2, (W - 1)/2), which is a half-integer for even sizes");
  }
}

BOOST_AUTO_TEST_CASE(four_quarter_turns_are_the_identity) {
  for (const arma::uword n : {6u, 7u}) {
    const arma::mat img = random_image(n, n, static_cast<std::uint32_t>(100 + n));
    arma::mat out = img;
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

BOOST_AUTO_TEST_CASE(rejects_bad_input) {
  check_rejects([] { kata::rotate(arma::mat(), 10.0); }, "rotate()", "an empty image");
  check_rejects([] { kata::rotate(one_to_nine, std::nan("")); }, "rotate()", "degrees = NaN");
  check_rejects([] { kata::rotate(one_to_nine, kata::test::kInf); }, "rotate()",
                "degrees = inf");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(shift)

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

BOOST_AUTO_TEST_CASE(rejects_bad_input) {
  check_rejects([] { kata::shift(arma::mat(), 0, 0); }, "shift()", "an empty image");
  check_rejects([] { kata::shift(one_to_nine, 3, 0); }, "shift()", "dy = 3 for a 3-row image");
  check_rejects([] { kata::shift(one_to_nine, 0, -3); }, "shift()", "dx = -3 for a 3-column image");
  check_rejects([] { kata::shift(tagged(2, 5), 2, 0); }, "shift()", "dy = 2 for a 2 x 5 image");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(random_crop)

BOOST_AUTO_TEST_CASE(is_a_contiguous_window_within_bounds) {
  // 300 seeds, a 5 x 3 window of an 8 x 6 image: offsets row 0..3, col 0..3.
  const arma::mat img = tagged(8, 6);
  for (std::uint32_t seed = 0; seed < 300; ++seed) {
    kata::Rng rng(seed);
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
                                                 << "), got the value " << crop.image(i, j)
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
}

BOOST_AUTO_TEST_CASE(a_full_size_crop_is_the_image) {
  const arma::mat img = tagged(4, 5);
  kata::Rng rng(0);
  const kata::Crop crop = kata::random_crop(img, 4, 5, rng);
  check_mat_close(crop.image, img, kExact, "random_crop(4 x 5, 4, 5)", "the only window is the whole image");
  BOOST_CHECK_MESSAGE(crop.row == 0 && crop.col == 0, "random_crop(4 x 5, 4, 5): offset must be (0, 0), got ("
                                                          << crop.row << ", " << crop.col << ")");
}

BOOST_AUTO_TEST_CASE(rejects_bad_sizes) {
  const arma::mat img = tagged(8, 8);
  kata::Rng rng(0);
  check_rejects([&] { kata::random_crop(arma::mat(), 1, 1, rng); }, "random_crop()", "an empty image");
  check_rejects([&] { kata::random_crop(img, 0, 4, rng); }, "random_crop()", "h = 0");
  check_rejects([&] { kata::random_crop(img, 4, 0, rng); }, "random_crop()", "w = 0");
  check_rejects([&] { kata::random_crop(img, 9, 4, rng); }, "random_crop()", "a 9-row crop of an 8-row image");
  check_rejects([&] { kata::random_crop(img, 4, 9, rng); }, "random_crop()", "a 9-column crop of an 8-column image");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(resize_bilinear)

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
  BOOST_CHECK_MESSAGE(zoomed.n_rows == 8 && zoomed.n_cols == 8, "a 6 x 6 crop resized back must be 8 x 8, got "
                                                                    << zoomed.n_rows << " x " << zoomed.n_cols);
  // Bilinear weights are >= 0 and sum to 1: the zoom stays within the crop's range of values.
  BOOST_CHECK_MESSAGE(zoomed.min() >= crop.image.min() - 1e-12 && zoomed.max() <= crop.image.max() + 1e-12,
                      "resize_bilinear(): values left the input's range ["
                          << crop.image.min() << ", " << crop.image.max() << "]: got [" << zoomed.min() << ", "
                          << zoomed.max() << "]" << kata::test::hint_suffix("weights (1-a)(1-b) ... sum to 1"));
}

BOOST_AUTO_TEST_CASE(rejects_bad_input) {
  check_rejects([] { kata::resize_bilinear(arma::mat(), 4, 4); }, "resize_bilinear()", "an empty image");
  check_rejects([] { kata::resize_bilinear(one_to_nine, 0, 4); }, "resize_bilinear()", "h = 0");
  check_rejects([] { kata::resize_bilinear(one_to_nine, 4, 0); }, "resize_bilinear()", "w = 0");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(random_distortion)

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
}

BOOST_AUTO_TEST_CASE(stays_within_its_limits_and_uses_every_shift) {
  const arma::mat img = random_image(8, 8, 8);
  std::set<int> seen_dy, seen_dx;
  for (std::uint32_t seed = 0; seed < 300; ++seed) {
    kata::Rng rng(seed);
    const kata::Distortion d = kata::random_distortion(img, 12.0, 1, rng);
    BOOST_REQUIRE_MESSAGE(std::abs(d.degrees) <= 12.0 && std::abs(d.dy) <= 1 && std::abs(d.dx) <= 1,
                          "random_distortion(img, 12, 1) with seed " << seed << " drew " << d.degrees
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

BOOST_AUTO_TEST_CASE(rejects_bad_input) {
  const arma::mat img = random_image(8, 8, 9);
  const arma::mat wide = random_image(3, 8, 9);
  kata::Rng rng(0);
  check_rejects([&] { kata::random_distortion(arma::mat(), 10, 1, rng); }, "random_distortion()", "an empty image");
  check_rejects([&] { kata::random_distortion(img, -1, 1, rng); }, "random_distortion()", "max_degrees = -1");
  check_rejects([&] { kata::random_distortion(img, 181, 1, rng); }, "random_distortion()", "max_degrees = 181");
  check_rejects([&] { kata::random_distortion(img, std::nan(""), 1, rng); }, "random_distortion()",
                "max_degrees = NaN");
  check_rejects([&] { kata::random_distortion(img, 10, -1, rng); }, "random_distortion()", "max_shift = -1");
  check_rejects([&] { kata::random_distortion(img, 10, 8, rng); }, "random_distortion()",
                "max_shift = 8 for an 8 x 8 image");
  check_rejects([&] { kata::random_distortion(wide, 10, 3, rng); }, "random_distortion()",
                "max_shift = 3 for a 3 x 8 image");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(augment)

namespace {

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

BOOST_AUTO_TEST_CASE(output_has_one_plus_k_times_m_examples) {
  const Small s = small_set(5);
  for (const int k : {0, 1, 3}) {
    kata::AugmentPolicy p = everything();
    p.copies = k;
    kata::Rng rng(1);
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
      BOOST_ERROR("augment(): output column " << j << " shows image with label " << carried << " but carries label "
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

BOOST_AUTO_TEST_CASE(rejects_bad_input) {
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
  check_rejects([&] { kata::augment(s.X, s.y, 4, 5, ok, rng); }, "augment()", "16 pixels for a 4 x 5 image");
  check_rejects([&] { kata::augment(s.X.rows(0, 14), s.y, 4, 4, ok, rng); }, "augment()",
                "15 pixels for a 4 x 4 image");
  check_rejects([&] { kata::augment(s.X, s.y, 0, 4, ok, rng); }, "augment()", "h = 0");
  check_rejects([&] { kata::augment(s.X, s.y, 4, 4, with([](auto& p) { p.copies = -1; }), rng); }, "augment()",
                "copies = -1");
  check_rejects([&] { kata::augment(s.X, s.y, 4, 4, with([](auto& p) { p.zoom_crop = -1; }), rng); },
                "augment()", "zoom_crop = -1");
  check_rejects([&] { kata::augment(s.X, s.y, 4, 4, with([](auto& p) { p.zoom_crop = 4; }), rng); },
                "augment()", "zoom_crop = 4 for a 4 x 4 image (nothing left)");
  check_rejects([&] { kata::augment(s.X, s.y, 4, 4, with([](auto& p) { p.max_degrees = -5; }), rng); },
                "augment()", "max_degrees = -5");
  check_rejects([&] { kata::augment(s.X, s.y, 4, 4, with([](auto& p) { p.max_degrees = 200; }), rng); },
                "augment()", "max_degrees = 200");
  check_rejects([&] { kata::augment(s.X, s.y, 4, 4, with([](auto& p) { p.max_degrees = std::nan(""); }), rng); },
                "augment()", "max_degrees = NaN");
  check_rejects([&] { kata::augment(s.X, s.y, 4, 4, with([](auto& p) { p.max_shift = -1; }), rng); },
                "augment()", "max_shift = -1");
  check_rejects([&] { kata::augment(s.X, s.y, 4, 4, with([](auto& p) { p.max_shift = 4; }), rng); },
                "augment()", "max_shift = 4 for a 4 x 4 image");
}

BOOST_AUTO_TEST_SUITE_END()
