// The support network (kata/network.hpp): shapes, hand-computed costs, a two-sided finite-difference
// check of the backward pass, training, prediction, hooks and input validation.
#include <boost/test/unit_test.hpp>
#include <cmath>
#include <string>

#include "kata/dataset.hpp"
#include "kata/network.hpp"
#include "kata_test.hpp"

namespace {

using kata::Params;

// A matrix from rows ({{1.0}} alone is ambiguous for arma::mat's constructors).
arma::mat M(std::initializer_list<std::initializer_list<double>> rows) { return arma::mat(rows); }

// Two Gaussian blobs in 2-D (class 0 around (-2, -2), class 1 around (2, 2), std 0.5).
void blobs(kata::Rng& rng, arma::uword m, arma::mat& X, arma::urowvec& y) {
  X = rng.randn(2, m) * 0.5;
  y.set_size(m);
  for (arma::uword i = 0; i < m; ++i) {
    y(i) = i % 2;
    X.col(i) += (y(i) == 1 ? 2.0 : -2.0);
  }
}

// L2 hook of lesson 03, written out here: (λ/2m) Σ ||W||_F² and (λ/m) W.
kata::Hooks l2_hooks(double lambda) {
  kata::Hooks h;
  h.penalty = [lambda](const std::vector<arma::mat>& W, double m) {
    double s = 0.0;
    for (const auto& w : W) s += arma::accu(arma::square(w));
    return lambda / (2.0 * m) * s;
  };
  h.penalty_gradient = [lambda](const arma::mat& W, double m) -> arma::mat { return lambda / m * W; };
  return h;
}

// Every parameter as one vector, and back (for finite differences).
arma::vec flatten(const Params& p) {
  arma::vec theta;
  for (std::size_t l = 0; l < p.W.size(); ++l) theta = arma::join_cols(theta, arma::vectorise(p.W[l]), p.b[l]);
  return theta;
}
arma::vec flatten(const kata::Grads& g) {
  arma::vec theta;
  for (std::size_t l = 0; l < g.dW.size(); ++l)
    theta = arma::join_cols(theta, arma::vectorise(g.dW[l]), g.db[l]);
  return theta;
}
Params unflatten(const arma::vec& theta, const Params& shape) {
  Params p = shape;
  arma::uword k = 0;
  for (std::size_t l = 0; l < p.W.size(); ++l) {
    p.W[l] = arma::reshape(theta.subvec(k, k + p.W[l].n_elem - 1), p.W[l].n_rows, p.W[l].n_cols);
    k += p.W[l].n_elem;
    p.b[l] = theta.subvec(k, k + p.b[l].n_elem - 1);
    k += p.b[l].n_elem;
  }
  return p;
}

// Two-sided differences (J(θ+ε e_i) - J(θ-ε e_i)) / 2ε; returns ||a - b|| / (||a|| + ||b||).
double grad_check(const Params& p, const arma::mat& X, const arma::mat& Y, const kata::Hooks& h,
                  kata::Rng* rng = nullptr) {
  const double eps = 1e-6;
  const arma::vec theta = flatten(p);
  const arma::vec analytic = flatten(kata::gradients(p, X, Y, h, rng));
  arma::vec numeric(theta.n_elem);
  for (arma::uword i = 0; i < theta.n_elem; ++i) {
    arma::vec plus = theta, minus = theta;
    plus(i) += eps;
    minus(i) -= eps;
    numeric(i) = (kata::cost(unflatten(plus, p), X, Y, h, rng) - kata::cost(unflatten(minus, p), X, Y, h, rng)) /
                 (2.0 * eps);
  }
  return arma::norm(analytic - numeric) / (arma::norm(analytic) + arma::norm(numeric));
}

// A small random network with nonzero biases, and data for it.
Params random_params(const std::vector<arma::uword>& dims, unsigned seed) {
  kata::Rng rng(seed);
  Params p = kata::initialize_he(dims, rng);
  for (auto& b : p.b) b = rng.randn(b.n_elem, 1) * 0.1;
  return p;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(network)

BOOST_AUTO_TEST_CASE(he_initialization_shapes_and_draw_order) {
  kata::Rng rng(3), ref(3);
  const Params p = kata::initialize_he({3, 4, 2}, rng);
  BOOST_REQUIRE_EQUAL(p.W.size(), 2u);
  BOOST_REQUIRE_EQUAL(p.b.size(), 2u);
  // Layer by layer, one randn(n_l, n_(l-1)) each, scaled by sqrt(2 / n_(l-1)): exact (same arithmetic).
  kata::test::check_mat_close(p.W[0], ref.randn(4, 3) * std::sqrt(2.0 / 3.0), 0.0, "W[0] (4 x 3)");
  kata::test::check_mat_close(p.W[1], ref.randn(2, 4) * std::sqrt(2.0 / 4.0), 0.0, "W[1] (2 x 4)");
  kata::test::check_mat_close(p.b[0], arma::zeros<arma::vec>(4), 0.0, "b[0]");
  kata::test::check_mat_close(p.b[1], arma::zeros<arma::vec>(2), 0.0, "b[1]");
  BOOST_TEST((kata::layer_dims(p) == std::vector<arma::uword>{3, 4, 2}));
}

BOOST_AUTO_TEST_CASE(forward_cache_and_gradient_shapes) {
  const Params p = random_params({3, 5, 4, 2}, 1);
  kata::Rng rng(2);
  const arma::mat X = rng.randn(3, 6);
  const arma::mat Y = kata::one_hot({0, 1, 1, 0, 1, 0}, 2);
  const kata::Cache c = kata::forward(p, X, {}, nullptr);
  BOOST_REQUIRE_EQUAL(c.Z.size(), 3u);
  BOOST_REQUIRE_EQUAL(c.A.size(), 4u);
  BOOST_TEST(c.mask.empty());
  const arma::uword rows[] = {5, 4, 2};
  for (int l = 0; l < 3; ++l) {
    BOOST_TEST(c.Z[l].n_rows == rows[l]);
    BOOST_TEST(c.Z[l].n_cols == 6u);
  }
  // Softmax columns sum to 1 (rounding only: 1e-12).
  kata::test::check_mat_close(arma::sum(c.A.back(), 0), arma::ones<arma::rowvec>(6), 1e-12, "softmax column sums");
  const kata::Grads g = kata::backward(p, c, Y, {});
  for (int l = 0; l < 3; ++l) {
    BOOST_TEST((arma::size(g.dW[l]) == arma::size(p.W[l])));
    BOOST_TEST((arma::size(g.db[l]) == arma::size(p.b[l])));
  }
}

// dims {1, 2, 1}, W1 = [1; -1], b1 = 0, x = 2 → Z1 = [2; -2], A1 = relu = [2; 0];
// W2 = [0.5 3], b2 = -1 → z = 0.5·2 + 3·0 - 1 = 0 → σ = 1/2 → J = log 2 for either label.
// (Without the ReLU, z = 1 - 6 - 1 = -6.) Tolerance 1e-15: one log1p/exp away from exact.
BOOST_AUTO_TEST_CASE(cost_of_a_tiny_network_by_hand) {
  Params p;
  p.W = {M({{1.0}, {-1.0}}), M({{0.5, 3.0}})};
  p.b = {arma::vec{0.0, 0.0}, arma::vec{-1.0}};
  const arma::mat X = M({{2.0}});
  kata::test::check_close(kata::cost(p, X, M({{1.0}}), {}), std::log(2.0), 1e-15, "J (y = 1)");
  kata::test::check_close(kata::cost(p, X, M({{0.0}}), {}), std::log(2.0), 1e-15, "J (y = 0)");
  // Binary, two examples: z = [1.5, -0.5], y = [1, 0] → J = (log(1 + e^-1.5) + log(1 + e^-0.5)) / 2.
  Params q;
  q.W = {M({{1.0, -1.0}})};
  q.b = {arma::vec{0.5}};
  const double expected = (std::log1p(std::exp(-1.5)) + std::log1p(std::exp(-0.5))) / 2.0;
  kata::test::check_close(kata::cost(q, M({{2.0, 0.0}, {1.0, 1.0}}), M({{1.0, 0.0}}), {}), expected,
                          1e-15, "binary J of two examples");
  // Softmax: z = [1, 2, 3], y = class 2 → J = log(e + e² + e³) - 3 = log(1 + e^-1 + e^-2).
  Params s;
  s.W = {M({{1.0}, {2.0}, {3.0}})};
  s.b = {arma::vec{0.0, 0.0, 0.0}};
  kata::test::check_close(kata::cost(s, M({{1.0}}), M({{0.0}, {0.0}, {1.0}}), {}),
                          std::log(1.0 + std::exp(-1.0) + std::exp(-2.0)), 1e-15, "softmax J");
  // A penalty hook adds to the cost: (λ/2m) Σ ||W||² with λ = 2, m = 1 → 1·(1 + 4 + 9) = 14.
  kata::test::check_close(kata::cost(s, M({{1.0}}), M({{0.0}, {0.0}, {1.0}}), l2_hooks(2.0)),
                          std::log(1.0 + std::exp(-1.0) + std::exp(-2.0)) + 14.0, 1e-13, "softmax J + L2");
}

// Saturated outputs must give the exact large loss, not inf or NaN (no log(0)).
BOOST_AUTO_TEST_CASE(cross_entropy_is_numerically_safe) {
  kata::test::check_close(kata::cross_entropy(M({{1000.0}}), M({{0.0}})), 1000.0, 1e-9, "sigmoid z=1000, y=0");
  kata::test::check_close(kata::cross_entropy(M({{-1000.0}}), M({{0.0}})), 0.0, 1e-12, "sigmoid z=-1000, y=0");
  kata::test::check_close(kata::cross_entropy(M({{1000.0}, {0.0}}), M({{0.0}, {1.0}})), 1000.0, 1e-9,
                          "softmax z=[1000, 0], y=class 1");
  kata::test::check_close(kata::cross_entropy(M({{1000.0}, {1000.0}}), M({{1.0}, {0.0}})),
                          std::log(2.0), 1e-12, "softmax z=[1000, 1000]");
}

// Two-sided differences with ε = 1e-6 have truncation error O(ε²) and rounding error O(1e-16/ε), so a
// correct backward pass gives a relative difference near 1e-9; 1e-7 is the notes' "great" threshold.
BOOST_AUTO_TEST_CASE(backward_matches_finite_differences_sigmoid) {
  const Params p = random_params({3, 5, 4, 1}, 11);
  kata::Rng rng(12);
  const arma::mat X = rng.randn(3, 7);
  const arma::mat Y{{1, 0, 0, 1, 1, 0, 1}};
  const double diff = grad_check(p, X, Y, {});
  BOOST_CHECK_MESSAGE(diff < 1e-7, "sigmoid network: relative difference " << diff << " (tolerance 1e-7)");
  const double diff_l2 = grad_check(p, X, Y, l2_hooks(0.7));
  BOOST_CHECK_MESSAGE(diff_l2 < 1e-7, "sigmoid network + L2: relative difference " << diff_l2 << " (tolerance 1e-7)");
}

BOOST_AUTO_TEST_CASE(backward_matches_finite_differences_softmax) {
  const Params p = random_params({4, 6, 3}, 21);
  kata::Rng rng(22);
  const arma::mat X = rng.randn(4, 8);
  const arma::mat Y = kata::one_hot({0, 1, 2, 2, 1, 0, 1, 2}, 3);
  const double diff = grad_check(p, X, Y, {});
  BOOST_CHECK_MESSAGE(diff < 1e-7, "softmax network: relative difference " << diff << " (tolerance 1e-7)");
  const double diff_l2 = grad_check(p, X, Y, l2_hooks(1.5));
  BOOST_CHECK_MESSAGE(diff_l2 < 1e-7, "softmax network + L2: relative difference " << diff_l2 << " (tolerance 1e-7)");
}

// With a FIXED dropout mask J is a function of θ and the check passes (the backward pass uses the mask);
// with a fresh random mask per evaluation it fails, which is why the notes say to turn dropout off.
BOOST_AUTO_TEST_CASE(dropout_fixed_mask_passes_grad_check_fresh_mask_fails) {
  const Params p = random_params({3, 6, 5, 1}, 31);
  kata::Rng data(32);
  const arma::mat X = data.randn(3, 5);
  const arma::mat Y{{1, 0, 1, 1, 0}};
  kata::Hooks fixed;
  fixed.dropout_forward = [](const arma::mat& A, kata::Rng&) {
    arma::mat mask(arma::size(A));
    for (arma::uword i = 0; i < mask.n_elem; ++i) mask(i) = (i % 3 == 0) ? 0.0 : 1.0;
    return std::pair<arma::mat, arma::mat>{A % mask / 0.5, mask};
  };
  fixed.dropout_backward = [](const arma::mat& dA, const arma::mat& mask) -> arma::mat { return dA % mask / 0.5; };
  kata::Rng rng(33);
  const double diff_fixed = grad_check(p, X, Y, fixed, &rng);
  BOOST_CHECK_MESSAGE(diff_fixed < 1e-7, "fixed mask: relative difference " << diff_fixed << " (tolerance 1e-7)");
  kata::Hooks fresh = fixed;
  fresh.dropout_forward = [](const arma::mat& A, kata::Rng& r) {
    const arma::mat mask = arma::conv_to<arma::mat>::from(r.rand(A.n_rows, A.n_cols) < 0.5);
    return std::pair<arma::mat, arma::mat>{A % mask / 0.5, mask};
  };
  const double diff_fresh = grad_check(p, X, Y, fresh, &rng);
  BOOST_CHECK_MESSAGE(diff_fresh > 1e-3, "fresh masks should break the check: relative difference " << diff_fresh);
  // Without an rng the dropout hooks are not used: deterministic, and the check passes.
  const double diff_off = grad_check(p, X, Y, fresh, nullptr);
  BOOST_CHECK_MESSAGE(diff_off < 1e-7, "no rng (dropout off): relative difference " << diff_off);
}

// One full-batch epoch is exactly one gradient step (same arithmetic, so exact equality).
BOOST_AUTO_TEST_CASE(full_batch_epoch_is_one_gradient_step) {
  const Params p0 = random_params({2, 3, 1}, 41);
  kata::Rng data(42);
  arma::mat X;
  arma::urowvec y;
  blobs(data, 10, X, y);
  const arma::mat Y = arma::conv_to<arma::mat>::from(y);
  Params manual = p0;
  kata::gradient_descent_step(manual, kata::gradients(p0, X, Y, l2_hooks(0.3)), 0.1);
  Params trained = p0;
  kata::TrainOptions opt;
  opt.learning_rate = 0.1;
  opt.epochs = 1;
  kata::Rng rng(43);
  const kata::History h = kata::train(trained, X, Y, opt, l2_hooks(0.3), rng);
  for (int l = 0; l < 2; ++l) {
    kata::test::check_mat_close(trained.W[l], manual.W[l], 0.0, "W after one epoch");
    kata::test::check_mat_close(trained.b[l], manual.b[l], 0.0, "b after one epoch");
  }
  kata::test::check_close(h.train_cost.at(0), kata::cost(p0, X, Y, l2_hooks(0.3)), 0.0, "train_cost[0] = J before the step");
}

// Mini-batches: one epoch = steps on the columns of rng.permutation(m) in chunks of batch_size.
BOOST_AUTO_TEST_CASE(mini_batch_epoch_follows_the_permutation) {
  const Params p0 = random_params({2, 4, 1}, 51);
  kata::Rng data(52);
  arma::mat X;
  arma::urowvec y;
  blobs(data, 10, X, y);
  const arma::mat Y = arma::conv_to<arma::mat>::from(y);
  kata::Rng perm_rng(53);
  const arma::uvec perm = perm_rng.permutation(10);
  Params manual = p0;
  double weighted = 0.0;
  for (arma::uword s = 0; s < 10; s += 4) {
    const arma::uvec idx = perm.subvec(s, std::min<arma::uword>(s + 4, 10) - 1);
    weighted += kata::cost(manual, X.cols(idx), Y.cols(idx), {}) * static_cast<double>(idx.n_elem);
    kata::gradient_descent_step(manual, kata::gradients(manual, X.cols(idx), Y.cols(idx), {}), 0.2);
  }
  Params trained = p0;
  kata::TrainOptions opt;
  opt.learning_rate = 0.2;
  opt.epochs = 1;
  opt.batch_size = 4;  // batches of 4, 4, 2
  kata::Rng rng(53);
  const kata::History h = kata::train(trained, X, Y, opt, {}, rng);
  kata::test::check_mat_close(trained.W[0], manual.W[0], 1e-15, "W[0] after batches 4, 4, 2");
  kata::test::check_mat_close(trained.W[1], manual.W[1], 1e-15, "W[1] after batches 4, 4, 2");
  kata::test::check_close(h.train_cost.at(0), weighted / 10.0, 1e-15, "train_cost = example-weighted batch mean");
}

BOOST_AUTO_TEST_CASE(training_reduces_cost_and_separates_blobs) {
  kata::Rng rng(61);
  arma::mat X;
  arma::urowvec y;
  blobs(rng, 100, X, y);
  kata::TrainOptions opt;
  opt.learning_rate = 0.5;
  opt.epochs = 50;
  const kata::TrainResult r = kata::fit({2, 4, 1}, X, arma::conv_to<arma::mat>::from(y), opt, {}, rng);
  BOOST_REQUIRE_EQUAL(r.history.train_cost.size(), 50u);
  BOOST_CHECK_MESSAGE(r.history.train_cost.back() < 0.25 * r.history.train_cost.front(),
                      "cost " << r.history.train_cost.front() << " -> " << r.history.train_cost.back());
  // Blobs 4 units apart with std 0.5 are separable: every training point must be right.
  kata::test::check_close(kata::accuracy(r.params, X, y), 1.0, 0.0, "train accuracy on separated blobs");
  // Three classes, softmax, mini-batches.
  arma::mat X3 = rng.randn(2, 90) * 0.4;
  arma::urowvec y3(90);
  const double cx[] = {-2.0, 2.0, 0.0}, cy[] = {-2.0, -2.0, 2.0};
  for (arma::uword i = 0; i < 90; ++i) {
    y3(i) = i % 3;
    X3(0, i) += cx[y3(i)];
    X3(1, i) += cy[y3(i)];
  }
  opt.batch_size = 16;
  opt.epochs = 30;
  opt.learning_rate = 0.1;
  const kata::TrainResult r3 = kata::fit({2, 8, 3}, X3, kata::one_hot(y3, 3), opt, {}, rng);
  BOOST_CHECK_MESSAGE(r3.history.train_cost.back() < 0.25 * r3.history.train_cost.front(),
                      "softmax cost " << r3.history.train_cost.front() << " -> " << r3.history.train_cost.back());
  kata::test::check_close(kata::accuracy(r3.params, X3, y3), 1.0, 0.0, "train accuracy on three blobs");
}

BOOST_AUTO_TEST_CASE(predict_and_accuracy) {
  // Binary: z = x - 1 → labels 1 where z > 0 (σ > 0.5); z = 0 is exactly 0.5 → label 0.
  Params p;
  p.W = {M({{1.0}})};
  p.b = {arma::vec{-1.0}};
  const arma::urowvec got = kata::predict(p, M({{0.0, 1.0, 2.0, 5.0}}));
  BOOST_TEST((arma::approx_equal(arma::conv_to<arma::mat>::from(got), M({{0, 0, 1, 1}}), "absdiff", 0.0)));
  // Softmax: argmax of W x with W = [1; -1; 0].
  Params s;
  s.W = {M({{1.0}, {-1.0}, {0.0}})};
  s.b = {arma::vec{0.0, 0.0, 0.5}};
  const arma::urowvec got3 = kata::predict(s, M({{2.0, -2.0, 0.0}}));
  BOOST_TEST((arma::approx_equal(arma::conv_to<arma::mat>::from(got3), M({{0, 1, 2}}), "absdiff", 0.0)));
  kata::test::check_close(kata::accuracy(arma::urowvec{1, 0, 1, 1}, arma::urowvec{1, 1, 1, 0}), 0.5, 0.0, "accuracy");
  kata::test::check_close(kata::accuracy(s, M({{2.0, -2.0, 0.0}}), arma::urowvec{0, 1, 1}), 2.0 / 3.0, 1e-15,
                          "accuracy(params, X, y)");
  kata::test::check_mat_close(kata::predict_proba(p, M({{1.0}})), M({{0.5}}), 1e-15, "predict_proba");
}

BOOST_AUTO_TEST_CASE(hooks_are_called_dropout_only_in_training) {
  kata::Rng rng(71);
  arma::mat X;
  arma::urowvec y;
  blobs(rng, 12, X, y);
  const arma::mat Y = arma::conv_to<arma::mat>::from(y);
  int fwd = 0, bwd = 0, pen = 0, pen_grad = 0, init = 0;
  std::vector<kata::EpochReport> reports;
  kata::Hooks h = l2_hooks(0.1);
  const auto penalty = h.penalty;
  const auto penalty_gradient = h.penalty_gradient;
  h.penalty = [&](const std::vector<arma::mat>& W, double m) { ++pen; return penalty(W, m); };
  h.penalty_gradient = [&](const arma::mat& W, double m) { ++pen_grad; return penalty_gradient(W, m); };
  h.dropout_forward = [&](const arma::mat& A, kata::Rng&) { ++fwd; return std::pair<arma::mat, arma::mat>{A, arma::ones(arma::size(A))}; };
  h.dropout_backward = [&](const arma::mat& dA, const arma::mat&) { ++bwd; return dA; };
  h.initialize = [&](const std::vector<arma::uword>& dims, kata::Rng& r) { ++init; return kata::initialize_he(dims, r); };
  h.on_epoch = [&](const kata::EpochReport& rep, const Params&) { reports.push_back(rep); return false; };
  kata::TrainOptions opt;
  opt.learning_rate = 0.1;
  opt.epochs = 3;
  opt.batch_size = 5;  // 3 batches (5, 5, 2) per epoch
  opt.X_dev = X;
  opt.Y_dev = Y;
  const kata::TrainResult r = kata::fit({2, 3, 3, 1}, X, Y, opt, h, rng);
  BOOST_TEST(init == 1);
  // 3 epochs × 3 batches × 2 hidden layers; the dev cost (after each epoch) must not call dropout.
  BOOST_TEST(fwd == 18);
  BOOST_TEST(bwd == 18);
  BOOST_TEST(pen == 9);          // once per batch
  BOOST_TEST(pen_grad == 27);    // once per layer per batch
  BOOST_REQUIRE_EQUAL(reports.size(), 3u);
  for (std::size_t e = 0; e < 3; ++e) {
    BOOST_TEST(reports[e].epoch == e);
    BOOST_TEST(reports[e].has_dev);
    BOOST_TEST(reports[e].train_cost == r.history.train_cost[e]);
    BOOST_TEST(reports[e].dev_cost == r.history.dev_cost[e]);
  }
  // The dev cost is the data cost with no penalty and no dropout.
  kata::test::check_close(r.history.dev_cost.back(), kata::cost(r.params, X, Y, {}), 1e-15, "dev cost after training");
  fwd = 0;
  kata::predict(r.params, X);
  kata::predict_proba(r.params, X);
  kata::cost(r.params, X, Y, h);
  BOOST_CHECK_MESSAGE(fwd == 0, "dropout_forward was called " << fwd << " times at test time");
}

BOOST_AUTO_TEST_CASE(on_epoch_returning_true_stops_training) {
  kata::Rng rng(81);
  arma::mat X;
  arma::urowvec y;
  blobs(rng, 10, X, y);
  kata::Hooks h;
  h.on_epoch = [](const kata::EpochReport& rep, const Params&) { return rep.epoch == 2; };
  kata::TrainOptions opt;
  opt.epochs = 100;
  const kata::TrainResult r = kata::fit({2, 3, 1}, X, arma::conv_to<arma::mat>::from(y), opt, h, rng);
  BOOST_TEST(r.history.train_cost.size() == 3u);
  BOOST_TEST(r.history.dev_cost.empty());
  BOOST_TEST(r.history.stopped_early);
}

BOOST_AUTO_TEST_CASE(rejects_bad_input) {
  using kata::test::check_rejects;
  kata::Rng rng(91);
  check_rejects([&] { kata::initialize_he({3}, rng); }, "initialize_he()", "dims with one entry");
  check_rejects([&] { kata::initialize_he({}, rng); }, "initialize_he()", "empty dims");
  check_rejects([&] { kata::initialize_he({3, 0, 1}, rng); }, "initialize_he()", "a zero-size layer");
  check_rejects([&] { kata::initialize({3, 0, 1}, {}, rng); }, "initialize()", "a zero-size layer");
  const Params p = random_params({3, 4, 1}, 92);
  const arma::mat X = rng.randn(3, 5), Y(1, 5, arma::fill::ones);
  check_rejects([&] { kata::cost(p, rng.randn(2, 5), Y, {}); }, "cost()", "X with 2 rows for n_x = 3");
  check_rejects([&] { kata::cost(p, X, arma::mat(1, 4, arma::fill::ones), {}); }, "cost()", "Y with 4 columns for m = 5");
  check_rejects([&] { kata::cost(p, X, arma::mat(2, 5, arma::fill::ones), {}); }, "cost()", "Y with 2 rows for n_y = 1");
  check_rejects([&] { kata::gradients(p, rng.randn(4, 5), Y, {}); }, "gradients()", "X with 4 rows for n_x = 3");
  check_rejects([&] { kata::predict(p, rng.randn(2, 5)); }, "predict()", "X with 2 rows for n_x = 3");
  check_rejects([&] { kata::forward(p, arma::mat(3, 0), {}, nullptr); }, "forward()", "X with no columns");
  Params broken = p;
  broken.b[0] = arma::vec(3, arma::fill::zeros);
  check_rejects([&] { kata::cost(broken, X, Y, {}); }, "cost()", "b[0] with 3 entries for 4 units");
  kata::Hooks half;
  half.dropout_forward = [](const arma::mat& A, kata::Rng&) { return std::pair<arma::mat, arma::mat>{A, A}; };
  check_rejects([&] { kata::cost(p, X, Y, half, &rng); }, "cost()", "dropout_forward without dropout_backward");
  kata::TrainOptions opt;
  for (double lr : {0.0, -1.0, std::nan("")}) {
    opt.learning_rate = lr;
    check_rejects([&] { kata::fit({3, 4, 1}, X, Y, opt, {}, rng); }, "train()", "learning_rate " + std::to_string(lr));
  }
  opt.learning_rate = 0.1;
  opt.epochs = 0;
  check_rejects([&] { kata::fit({3, 4, 1}, X, Y, opt, {}, rng); }, "train()", "epochs = 0");
  opt.epochs = 1;
  check_rejects([&] { kata::fit({3, 4, 1}, rng.randn(2, 5), Y, opt, {}, rng); }, "train()", "X rows != n_x");
  check_rejects([&] { kata::fit({3, 4, 1}, X, arma::mat(1, 3, arma::fill::ones), opt, {}, rng); }, "train()",
                "Y shape mismatch");
  check_rejects([&] { kata::fit({3}, X, Y, opt, {}, rng); }, "initialize()", "dims with one entry");
  opt.X_dev = rng.randn(2, 4);
  opt.Y_dev = arma::mat(1, 4, arma::fill::ones);
  check_rejects([&] { kata::fit({3, 4, 1}, X, Y, opt, {}, rng); }, "train()", "a dev set with 2 rows for n_x = 3");
  Params q = p;
  check_rejects([&] { kata::gradient_descent_step(q, kata::gradients(p, X, Y, {}), 0.0); }, "gradient_descent_step()",
                "learning_rate 0");
  check_rejects([&] { kata::accuracy(arma::urowvec{1, 0}, arma::urowvec{1}); }, "accuracy()", "lengths 2 and 1");
  check_rejects([&] { kata::cross_entropy(arma::mat(1, 2), arma::mat(1, 3)); }, "cross_entropy()", "shapes 1x2, 1x3");
}

BOOST_AUTO_TEST_SUITE_END()
