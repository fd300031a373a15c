// Lesson 01 — train / dev / test sets. The contract: the stub next to this file and the reference
// solution both implement exactly these functions. Examples are columns (X is n_x × m, y is 1 × m).
//
// Validate under your own name: when your function delegates to another contract function
// (shuffle_split() and stratified_split() use split_sizes()), validate the arguments again under your own
// name first, so the message starts with your function's name ("shuffle_split(): ...", never
// "split_sizes(): ..." from a call of shuffle_split()).
// Every std::invalid_argument's message starts with the called function's name and names what is wrong
// and its value: the bad ratio's value, both counts when X and y disagree, the class that is too small.
#pragma once

#include <armadillo>
#include <vector>

#include "kata/rng.hpp"

namespace kata {

// split_sizes(m, ratios): how many of m examples go to each set.
//   m       number of examples, > 0
//   ratios  one share per set (e.g. {0.6, 0.2, 0.2} for train/dev/test): each finite and >= 0, summing
//           to 1 within 1e-9
// Returns sizes that sum to exactly m, by the largest-remainder rule: each set first gets
// floor(m · ratio) (computed so that 100 · 0.29 counts as 29, not 28.999… → 28), then the leftover
// examples go one each to the sets with the largest fractional parts; ties go to the earlier set.
// Ties are judged on the decimals as written, not on their binary rounding: fractional parts that differ
// by at most 1e-9 · max(1, m) are equal. A set with ratio 0 gets 0 examples. Ratios summing to slightly
// more than 1 (allowed: within 1e-9) can make the floors alone exceed m when m is above ~1e9; then the sets
// with the smallest fractional parts give one back each instead (ties: the later set).
// Examples: split_sizes(497, {0.7, 0.3}) == {348, 149} (347.9 and 149.1);
//           split_sizes(2, {0.7, 0.2, 0.1}) == {2, 0, 0} (1.4, 0.4, 0.2: .4 and .4 tie, although in binary
//           2 · 0.7 = 1.3999999999999999 and 2 · 0.2 = 0.4000000000000001);
//           split_sizes(50, {0.29, 0.71}) == {15, 35} (14.5 and 35.5 tie).
// Throws std::invalid_argument ("split_sizes(): ...") for m = 0, empty ratios or bad ratios.
std::vector<arma::uword> split_sizes(arma::uword m, const std::vector<double>& ratios);

// recommended_ratios(m): the course's rule of thumb for {train, dev, test}, as one rule with no gaps:
//   m <= 10,000               {0.6, 0.2, 0.2}      (the "previous era" of small datasets)
//   10,000 < m < 1,000,000    {0.98, 0.01, 0.01}
//   m >= 1,000,000            {0.995, 0.004, 0.001}
// (10,000 is still small; 1,000,000 is already big.) Throws std::invalid_argument
// ("recommended_ratios(): ...") for m = 0.
std::vector<double> recommended_ratios(arma::uword m);

// The result of a split: element k of each vector is set k (in the order of the ratios).
struct DataSplit {
  std::vector<arma::mat> X;         // n_x × size_k
  std::vector<arma::urowvec> y;     // 1 × size_k
  std::vector<arma::uvec> indices;  // which columns of the input went to set k, in order
};

// shuffle_split(X, y, ratios, rng): a random split that keeps each example with its label.
// Draws ONE permutation p = rng.permutation(m) and nothing else (so the split, and the rng's state
// afterwards, match numpy's np.random.permutation for the same seed); set 0 takes the first
// split_sizes()[0] entries of p, set 1 the next ones, and so on. Then X[k] = X.cols(indices[k]) and
// y[k] = y.cols(indices[k]); an empty set is n_x × 0 and 1 × 0.
// Throws std::invalid_argument whose message starts with "shuffle_split(): " when X and y have different
// numbers of columns, when there are no examples (m = 0), and for empty or bad ratios (the rules of
// split_sizes()). Check all of these yourself before calling split_sizes(): its own message would start
// with "split_sizes(): ". Check them before drawing, too: a call that throws leaves the rng untouched.
DataSplit shuffle_split(const arma::mat& X, const arma::urowvec& y, const std::vector<double>& ratios,
                        Rng& rng);

// stratified_split(X, y, ratios, rng): like shuffle_split, but every set keeps the class proportions.
// Draws ONE permutation p = rng.permutation(m) and nothing else. For each class c, its members in the
// order they appear in p are divided by split_sizes(count_c, ratios) — the first sizes[0] of them go to
// set 0, the next ones to set 1, … — so set k holds within one example of count_c · ratio_k examples of
// every class. Each set's indices are in the order they appear in p (NOT grouped by class). With a
// single class this is exactly shuffle_split().
// Throws std::invalid_argument whose message starts with "stratified_split(): " for mismatched X and y,
// m = 0, empty or bad ratios (checked yourself, before any call of split_sizes(), as in shuffle_split()),
// or when a class has fewer members than there are sets with a non-zero ratio (it cannot appear in all of
// them; sets with ratio 0 do not count; the message names the class). All of these are checked before the
// permutation is drawn (counting a class needs no permutation): a call that throws leaves the rng untouched.
DataSplit stratified_split(const arma::mat& X, const arma::urowvec& y, const std::vector<double>& ratios,
                           Rng& rng);

// distribution_distance(a, b): total variation distance between the class frequencies of two label
// sets, 0.5 · Σ_c |P_a(c) − P_b(c)|. 0 = same proportions, 1 = no class in common.
// Throws std::invalid_argument ("distribution_distance(): ...") if either is empty.
double distribution_distance(const arma::urowvec& labels_a, const arma::urowvec& labels_b);

}  // namespace kata
