// Lesson 05 — data augmentation. The contract: the stub next to this file and the reference solution
// both implement exactly these functions.
//
// Images are H × W matrices (arma::mat): img(r, c) is the pixel in row r (0 = top, growing DOWNWARD)
// and column c (0 = left, growing to the right), exactly as the picture is drawn on screen.
// A dataset stores an image as ONE column of H·W values in row-major pixel order: digits.csv names them
// pixel_0_0, pixel_0_1, …, pixel_0_7, pixel_1_0, …, so pixel (r, c) is entry r·W + c of the column.
// Armadillo stores matrices column-major, so a plain reshape of that column puts the pixels in the
// wrong places: use to_image() / to_column().
//
// Bad input throws std::invalid_argument whose message starts with the name of the function that was
// called and names what is wrong: the value, and for a setting its name ("augment(): max_shift must be
// >= 0, got -1"). When your function delegates to another contract function (augment() to random_crop()
// or random_distortion(), random_distortion() to rotate() and shift()), validate the arguments again under
// your own name first, so the message starts with your function's name.
#pragma once

#include <armadillo>

#include "kata/rng.hpp"

namespace kata {

// to_image(column, h, w): the h × w image stored in `column` in row-major pixel order.
//   column  h·w values; img(r, c) = column(r·w + c)
// Example: to_image({0, 1, 2, 3, 4, 5}, 2, 3) == [0 1 2; 3 4 5].
// Throws std::invalid_argument ("to_image(): ...") when h or w is 0 (also for an empty column, whose 0
// values would "match" a 0-row image) or column.n_elem != h·w.
arma::mat to_image(const arma::vec& column, arma::uword h, arma::uword w);

// to_column(img): the inverse of to_image(): an (H·W) × 1 column with column(r·W + c) = img(r, c).
// Throws std::invalid_argument ("to_column(): ...") for an empty image (0 rows, 0 columns, or both — the same
// for every function below).
arma::vec to_column(const arma::mat& img);

// flip_horizontal(img): the mirror image left ↔ right: out(r, c) = img(r, W − 1 − c).
// Rows stay where they are (that would be a vertical flip: a cat standing on its head).
// Throws std::invalid_argument ("flip_horizontal(): ...") for an empty image.
arma::mat flip_horizontal(const arma::mat& img);

// rotate(img, degrees): the image turned by `degrees` COUNTER-CLOCKWISE as seen on screen (negative =
// clockwise) about its centre; same size H × W; bilinear interpolation; what comes from outside the
// frame is 0.
// Coordinates: pixel (r, c) sits at x = c − (W − 1)/2 (rightward), y = (H − 1)/2 − r (UPWARD — the row
// index grows downward, so y is minus the row offset). With θ = degrees · π/180, output pixel (x, y) takes
// the input value at the point that the rotation carries onto it, i.e. at (x, y) turned by −θ:
//   x_s =  cos θ · x + sin θ · y          c_s = x_s + (W − 1)/2
//   y_s = −sin θ · x + cos θ · y          r_s = (H − 1)/2 − y_s
// and out(r, c) = bilinear(img, r_s, c_s): with r0 = ⌊r_s⌋, c0 = ⌊c_s⌋, a = r_s − r0, b = c_s − c0,
//   (1−a)(1−b)·img(r0, c0) + (1−a)b·img(r0, c0+1) + a(1−b)·img(r0+1, c0) + ab·img(r0+1, c0+1),
// where any img(i, j) outside 0 ≤ i < H, 0 ≤ j < W counts as 0 (zero padding).
// Example: rotate([1 2 3; 4 5 6; 7 8 9], 90) == [3 6 9; 2 5 8; 1 4 7] (like numpy's np.rot90).
// Throws std::invalid_argument ("rotate(): ...") for an empty image or a non-finite angle.
arma::mat rotate(const arma::mat& img, double degrees);

// shift(img, dy, dx): the image moved dy pixels DOWN and dx pixels RIGHT (negative: up / left), same
// size, 0 where nothing moved in: out(r, c) = img(r − dy, c − dx), or 0 if that is outside the image.
// Throws std::invalid_argument ("shift(): ...") for an empty image, or |dy| >= H or |dx| >= W (every
// pixel would leave the frame).
arma::mat shift(const arma::mat& img, int dy, int dx);

// The result of random_crop(): the h × w window and where its top-left corner was in the input.
struct Crop {
  arma::mat image;  // h × w, equal to img.submat(row, col, row + h − 1, col + w − 1)
  arma::uword row;  // 0 <= row <= H − h
  arma::uword col;  // 0 <= col <= W − w
};

// random_crop(img, h, w, rng): a random h × w window of the image. Draws exactly
//   row = rng.randint(0, H − h + 1), then col = rng.randint(0, W − w + 1)
// (high exclusive), so every one of the (H − h + 1)·(W − w + 1) windows is equally likely.
// Throws std::invalid_argument ("random_crop(): ...") for an empty image, h or w = 0, h > H or w > W.
Crop random_crop(const arma::mat& img, arma::uword h, arma::uword w, Rng& rng);

// resize_bilinear(img, h, w): the image scaled to h × w by bilinear interpolation, with the half-pixel
// convention (the one of OpenCV's INTER_LINEAR): output pixel (r, c) samples the input at
//   r_s = (r + 0.5) · H / h − 0.5,   c_s = (c + 0.5) · W / w − 0.5,
// each clamped to [0, H − 1] and [0, W − 1] (the border is repeated, not zero-filled), then the bilinear
// formula of rotate(). Resizing to the same size returns the image unchanged.
// random_crop() followed by resize_bilinear() back to H × W is a random ZOOM.
// Example: resize_bilinear([0 4], 1, 4) == [0 1 3 4].
// Throws std::invalid_argument ("resize_bilinear(): ...") for an empty image or h or w = 0.
arma::mat resize_bilinear(const arma::mat& img, arma::uword h, arma::uword w);

// The result of random_distortion(): the new image and the parameters drawn for it.
struct Distortion {
  arma::mat image;  // shift(rotate(img, degrees), dy, dx)
  double degrees;   // in [−max_degrees, max_degrees]
  int dy, dx;       // each in [−max_shift, max_shift]
};

// random_distortion(img, max_degrees, max_shift, rng): a small random rotation followed by a small
// random shift — the "distort it a little" augmentation, kept simple enough to check. Draws exactly
//   degrees = max_degrees · (2 · rng.rand() − 1)                          (uniform in [−max, max))
//   dy = rng.randint(−max_shift, max_shift + 1), then dx = rng.randint(−max_shift, max_shift + 1)
// and returns shift(rotate(img, degrees), dy, dx). The three draws are made whatever the limits (the angle
// is drawn also when max_degrees = 0; randint over a single value, as with max_shift = 0, draws nothing —
// numpy's rule, which Rng follows), and nothing else is drawn.
// Valid: 0 <= max_degrees <= 180 (180 included) and 0 <= max_shift < min(H, W) (so up to 2 for a 3 × 8
// image, whichever way round).
// Throws std::invalid_argument ("random_distortion(): ...") for an empty image, max_degrees not in
// [0, 180] (or NaN, ±inf), max_shift < 0, or max_shift >= H or >= W; each limit is checked also when the
// other one is 0.
Distortion random_distortion(const arma::mat& img, double max_degrees, int max_shift, Rng& rng);

// What augment() does to make each fake example. The defaults change nothing (copies are exact).
struct AugmentPolicy {
  int copies = 1;             // k >= 0 augmented copies of every image
  bool flip = false;          // mirror left ↔ right with probability 1/2 (OFF for digits!)
  int zoom_crop = 0;          // >= 0; if > 0: random (H − z) × (W − z) crop resized back to H × W
  double max_degrees = 0.0;   // random rotation in [−max, max] degrees, 0 <= max <= 180
  int max_shift = 0;          // random shift of up to max_shift pixels along each axis, >= 0
};

// The augmented training set: X is (H·W) × (1 + k)·m, y is 1 × (1 + k)·m, and source(j) tells which
// input column (0 … m − 1) output column j was made from, so y(j) == y_in(source(j)) always.
struct AugmentedSet {
  arma::mat X;
  arma::urowvec y;
  arma::uvec source;
};

// augment(X, y, h, w, policy, rng): the training set plus k = policy.copies augmented copies of every
// image. Only ever call it on the TRAINING set: dev and test measure the real task and are never
// augmented. Each column of X is an h × w image in row-major pixel order (see to_image()).
// Order of the output columns (m = X.n_cols):
//   columns 0 … m − 1          the originals, unchanged and in order
//   columns j·m … j·m + m − 1  copy j (1 <= j <= k) of images 0 … m − 1, in order
// so output column j·m + i comes from image i and carries label y(i); source(j·m + i) = i.
// Copies are made in that order (copy 1 of every image, then copy 2, …). Each one, from the original:
//   1. if policy.flip:          if rng.rand() < 0.5, flip_horizontal()
//   2. if policy.zoom_crop > 0: random_crop(img, h − z, w − z, rng), then resize_bilinear() to h × w
//   3. if max_degrees > 0 or max_shift > 0: random_distortion(img, max_degrees, max_shift, rng) — also for
//      a rotation alone (max_degrees > 0, however small, with max_shift = 0)
// and is stored back as a column with to_column(). A step that is off draws nothing (no coin when flip is
// off), copies = 0 draws nothing at all, and nothing else is drawn: the rng you pass (not a copy of it)
// ends exactly after the last documented draw. Same seed, same output — the checks compare with copies
// computed by numpy from the same formulas and the same seed.
// Throws std::invalid_argument ("augment(): ...") when X is empty (no rows or no examples), X and y have
// different numbers of columns, h or w is 0, X.n_rows != h·w, copies < 0, zoom_crop < 0 or >= h or >= w,
// max_degrees not in [0, 180] (or NaN, ±inf), max_shift < 0 or >= h or >= w. The whole policy is checked
// up front, also when copies = 0 or the step the setting belongs to is off (a NaN max_degrees is wrong
// even when max_shift = 0).
AugmentedSet augment(const arma::mat& X, const arma::urowvec& y, arma::uword h, arma::uword w,
                     const AugmentPolicy& policy, Rng& rng);

}  // namespace kata
