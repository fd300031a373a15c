// Lesson 05 — your implementation. Read README.md next to this file, then replace each KATA_TODO()
// with working code. Run `./kata check 05` to see which checks pass.
#include "data_augmentation.hpp"

#include "kata/errors.hpp"

namespace kata {

arma::mat to_image(const arma::vec& column, arma::uword h, arma::uword w) {
  KATA_TODO();
}

arma::vec to_column(const arma::mat& img) {
  KATA_TODO();
}

arma::mat flip_horizontal(const arma::mat& img) {
  KATA_TODO();
}

arma::mat rotate(const arma::mat& img, double degrees) {
  KATA_TODO();
}

arma::mat shift(const arma::mat& img, int dy, int dx) {
  KATA_TODO();
}

Crop random_crop(const arma::mat& img, arma::uword h, arma::uword w, Rng& rng) {
  KATA_TODO();
}

arma::mat resize_bilinear(const arma::mat& img, arma::uword h, arma::uword w) {
  KATA_TODO();
}

Distortion random_distortion(const arma::mat& img, double max_degrees, int max_shift, Rng& rng) {
  KATA_TODO();
}

AugmentedSet augment(const arma::mat& X, const arma::urowvec& y, arma::uword h, arma::uword w,
                     const AugmentPolicy& policy, Rng& rng) {
  KATA_TODO();
}

}  // namespace kata
