// Lesson 01 — your implementation. Read README.md next to this file, then replace each KATA_TODO()
// with working code. Run `./kata check 01` to see which checks pass.
#include "train_dev_test.hpp"

#include "kata/errors.hpp"

namespace kata {

std::vector<arma::uword> split_sizes(arma::uword m, const std::vector<double>& ratios) {
  KATA_TODO();
}

std::vector<double> recommended_ratios(arma::uword m) {
  KATA_TODO();
}

DataSplit shuffle_split(const arma::mat& X, const arma::urowvec& y, const std::vector<double>& ratios,
                        Rng& rng) {
  KATA_TODO();
}

DataSplit stratified_split(const arma::mat& X, const arma::urowvec& y, const std::vector<double>& ratios,
                           Rng& rng) {
  KATA_TODO();
}

double distribution_distance(const arma::urowvec& labels_a, const arma::urowvec& labels_b) {
  KATA_TODO();
}

}  // namespace kata
