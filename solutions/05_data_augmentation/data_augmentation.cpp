// Lesson 05 — reference solution.
#include "data_augmentation.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <numbers>

#include "kata/errors.hpp"

namespace kata {
namespace {

void require_image(const char* fn, const arma::mat& img) {
  require(!img.is_empty(), str(fn, ": the image is empty (", img.n_rows, " x ", img.n_cols, ")"));
}

void require_distortion(const char* fn, double max_degrees, int max_shift, arma::uword h, arma::uword w) {
  require(max_degrees >= 0.0 && max_degrees <= 180.0,
          str(fn, ": max_degrees must be in [0, 180], got ", max_degrees));
  require(max_shift >= 0, str(fn, ": max_shift must be >= 0, got ", max_shift));
  require(static_cast<arma::uword>(max_shift) < std::min(h, w),
          str(fn, ": max_shift must be smaller than the image (", h, " x ", w, "), got ", max_shift));
}

// img(i, j), or 0 outside the image (zero padding).
double pixel_or_zero(const arma::mat& img, long long i, long long j) {
  if (i < 0 || j < 0 || i >= static_cast<long long>(img.n_rows) || j >= static_cast<long long>(img.n_cols))
    return 0.0;
  return img(static_cast<arma::uword>(i), static_cast<arma::uword>(j));
}

// Bilinear interpolation at the real-valued position (rs, cs), zero outside the image.
double bilinear_zero(const arma::mat& img, double rs, double cs) {
  const double r0 = std::floor(rs), c0 = std::floor(cs);
  const double a = rs - r0, b = cs - c0;
  const auto i = static_cast<long long>(r0), j = static_cast<long long>(c0);
  return (1 - a) * (1 - b) * pixel_or_zero(img, i, j) + (1 - a) * b * pixel_or_zero(img, i, j + 1) +
         a * (1 - b) * pixel_or_zero(img, i + 1, j) + a * b * pixel_or_zero(img, i + 1, j + 1);
}

// The half-pixel source coordinate of output index k when n_in pixels become n_out, clamped.
double source_coordinate(arma::uword k, arma::uword n_in, arma::uword n_out) {
  const double s = (static_cast<double>(k) + 0.5) * static_cast<double>(n_in) / static_cast<double>(n_out) - 0.5;
  return std::clamp(s, 0.0, static_cast<double>(n_in - 1));
}

// One augmented copy of one image, following the policy (see augment() in the header for the order).
arma::mat augment_one(arma::mat img, const AugmentPolicy& policy, Rng& rng) {
  const arma::uword h = img.n_rows, w = img.n_cols;
  if (policy.flip && rng.rand() < 0.5) img = flip_horizontal(img);
  if (policy.zoom_crop > 0) {
    const auto z = static_cast<arma::uword>(policy.zoom_crop);
    img = resize_bilinear(random_crop(img, h - z, w - z, rng).image, h, w);
  }
  if (policy.max_degrees > 0.0 || policy.max_shift > 0)
    img = random_distortion(img, policy.max_degrees, policy.max_shift, rng).image;
  return img;
}

}  // namespace

arma::mat to_image(const arma::vec& column, arma::uword h, arma::uword w) {
  require(h > 0 && w > 0, str("to_image(): h and w must be > 0, got ", h, " x ", w));
  require(column.n_elem == h * w,
          str("to_image(): the column has ", column.n_elem, " values but an ", h, " x ", w, " image needs ",
              h * w));
  // Row-major pixels: the first w values are row 0. reshape() fills column by column, so fill a w × h
  // matrix (each of its columns is one image row) and transpose it.
  return arma::mat(arma::reshape(column, w, h).t());
}

arma::vec to_column(const arma::mat& img) {
  require_image("to_column()", img);
  return arma::vectorise(img.t());
}

arma::mat flip_horizontal(const arma::mat& img) {
  require_image("flip_horizontal()", img);
  return arma::fliplr(img);
}

arma::mat rotate(const arma::mat& img, double degrees) {
  require_image("rotate()", img);
  require(std::isfinite(degrees), str("rotate(): degrees must be finite, got ", degrees));
  const double cy = (static_cast<double>(img.n_rows) - 1.0) / 2.0;
  const double cx = (static_cast<double>(img.n_cols) - 1.0) / 2.0;
  const double theta = degrees * std::numbers::pi / 180.0;
  const double cos_t = std::cos(theta), sin_t = std::sin(theta);
  arma::mat out(img.n_rows, img.n_cols);
  for (arma::uword c = 0; c < img.n_cols; ++c)
    for (arma::uword r = 0; r < img.n_rows; ++r) {
      const double x = static_cast<double>(c) - cx;
      const double y = cy - static_cast<double>(r);  // y points up: rows grow downward
      // Inverse mapping: the source of output (x, y) is (x, y) rotated by -theta.
      const double xs = cos_t * x + sin_t * y;
      const double ys = -sin_t * x + cos_t * y;
      out(r, c) = bilinear_zero(img, cy - ys, xs + cx);
    }
  return out;
}

arma::mat shift(const arma::mat& img, int dy, int dx) {
  require_image("shift()", img);
  require(static_cast<arma::uword>(std::abs(dy)) < img.n_rows,
          str("shift(): |dy| must be smaller than the height ", img.n_rows, ", got dy = ", dy));
  require(static_cast<arma::uword>(std::abs(dx)) < img.n_cols,
          str("shift(): |dx| must be smaller than the width ", img.n_cols, ", got dx = ", dx));
  arma::mat out(img.n_rows, img.n_cols, arma::fill::zeros);
  const auto h = static_cast<long long>(img.n_rows), w = static_cast<long long>(img.n_cols);
  for (long long c = 0; c < w; ++c)
    for (long long r = 0; r < h; ++r) {
      const long long rs = r - dy, cs = c - dx;
      if (rs >= 0 && rs < h && cs >= 0 && cs < w)
        out(static_cast<arma::uword>(r), static_cast<arma::uword>(c)) =
            img(static_cast<arma::uword>(rs), static_cast<arma::uword>(cs));
    }
  return out;
}

Crop random_crop(const arma::mat& img, arma::uword h, arma::uword w, Rng& rng) {
  require_image("random_crop()", img);
  require(h > 0 && w > 0, str("random_crop(): the crop size must be > 0, got ", h, " x ", w));
  require(h <= img.n_rows && w <= img.n_cols,
          str("random_crop(): a ", h, " x ", w, " crop does not fit in a ", img.n_rows, " x ", img.n_cols,
              " image"));
  // randint's high end is exclusive: offsets 0 .. H - h, i.e. H - h + 1 possible rows.
  const auto row = static_cast<arma::uword>(rng.randint(0, static_cast<long long>(img.n_rows - h) + 1));
  const auto col = static_cast<arma::uword>(rng.randint(0, static_cast<long long>(img.n_cols - w) + 1));
  return Crop{img.submat(row, col, row + h - 1, col + w - 1), row, col};
}

arma::mat resize_bilinear(const arma::mat& img, arma::uword h, arma::uword w) {
  require_image("resize_bilinear()", img);
  require(h > 0 && w > 0, str("resize_bilinear(): the output size must be > 0, got ", h, " x ", w));
  arma::mat out(h, w);
  for (arma::uword c = 0; c < w; ++c)
    for (arma::uword r = 0; r < h; ++r) {
      const double rs = source_coordinate(r, img.n_rows, h);
      const double cs = source_coordinate(c, img.n_cols, w);
      const auto r0 = static_cast<arma::uword>(rs), c0 = static_cast<arma::uword>(cs);
      const arma::uword r1 = std::min(r0 + 1, img.n_rows - 1), c1 = std::min(c0 + 1, img.n_cols - 1);
      const double a = rs - static_cast<double>(r0), b = cs - static_cast<double>(c0);
      out(r, c) = (1 - a) * (1 - b) * img(r0, c0) + (1 - a) * b * img(r0, c1) + a * (1 - b) * img(r1, c0) +
                  a * b * img(r1, c1);
    }
  return out;
}

Distortion random_distortion(const arma::mat& img, double max_degrees, int max_shift, Rng& rng) {
  require_image("random_distortion()", img);
  require_distortion("random_distortion()", max_degrees, max_shift, img.n_rows, img.n_cols);
  const double degrees = max_degrees * (2.0 * rng.rand() - 1.0);
  const auto dy = static_cast<int>(rng.randint(-max_shift, max_shift + 1));
  const auto dx = static_cast<int>(rng.randint(-max_shift, max_shift + 1));
  return Distortion{shift(rotate(img, degrees), dy, dx), degrees, dy, dx};
}

AugmentedSet augment(const arma::mat& X, const arma::urowvec& y, arma::uword h, arma::uword w,
                     const AugmentPolicy& policy, Rng& rng) {
  require(X.n_rows > 0 && X.n_cols > 0,
          str("augment(): X is empty (", X.n_rows, " x ", X.n_cols, "): no images to augment"));
  require(X.n_cols == y.n_elem,
          str("augment(): X has ", X.n_cols, " examples (columns) but y has ", y.n_elem, " labels"));
  require(h > 0 && w > 0, str("augment(): h and w must be > 0, got ", h, " x ", w));
  require(X.n_rows == h * w,
          str("augment(): X has ", X.n_rows, " rows but an ", h, " x ", w, " image has ", h * w, " pixels"));
  require(policy.copies >= 0, str("augment(): copies must be >= 0, got ", policy.copies));
  require(policy.zoom_crop >= 0 && static_cast<arma::uword>(policy.zoom_crop) < std::min(h, w),
          str("augment(): zoom_crop must be in [0, ", std::min(h, w), "), got ", policy.zoom_crop));
  require_distortion("augment()", policy.max_degrees, policy.max_shift, h, w);

  const arma::uword m = X.n_cols;
  const arma::uword total = (static_cast<arma::uword>(policy.copies) + 1) * m;
  AugmentedSet out{arma::mat(X.n_rows, total), arma::urowvec(total), arma::uvec(total)};
  for (arma::uword j = 0; j <= static_cast<arma::uword>(policy.copies); ++j)
    for (arma::uword i = 0; i < m; ++i) {
      const arma::uword col = j * m + i;  // copy j of image i; copy 0 is the original
      out.X.col(col) = j == 0 ? arma::vec(X.col(i)) : to_column(augment_one(to_image(X.col(i), h, w), policy, rng));
      out.y(col) = y(i);
      out.source(col) = i;
    }
  // Each label was written next to its image: nothing may reorder one without the other.
  return out;
}

}  // namespace kata
