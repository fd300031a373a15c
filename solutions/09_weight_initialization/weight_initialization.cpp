// Lesson 09 — reference solution.
#include "weight_initialization.hpp"

#include <cmath>
#include <functional>

#include "kata/errors.hpp"

namespace kata::init {
namespace {

void validate_dims(const char* fn, const std::vector<arma::uword>& dims) {
  require(dims.size() >= 2, str(fn, ": dims must hold n_x and at least one layer, got ", dims.size(), " entries"));
  for (std::size_t l = 0; l < dims.size(); ++l)
    require(dims[l] > 0, str(fn, ": dims[", l, "] is 0: every layer needs at least one unit"));
}

// One rng.randn(n_l, n_(l-1)) per layer, in order, times factor(fan_in, fan_out); zero biases.
Params draw(const char* fn, const std::vector<arma::uword>& dims, Rng& rng,
            const std::function<double(double fan_in, double fan_out)>& factor) {
  validate_dims(fn, dims);
  Params p;
  for (std::size_t l = 1; l < dims.size(); ++l) {
    const double fan_in = static_cast<double>(dims[l - 1]), fan_out = static_cast<double>(dims[l]);
    p.W.push_back(rng.randn(dims[l], dims[l - 1]) * factor(fan_in, fan_out));
    p.b.push_back(arma::zeros<arma::vec>(dims[l]));
  }
  return p;
}

}  // namespace

Params initialize_zeros(const std::vector<arma::uword>& dims) {
  validate_dims("initialize_zeros()", dims);
  Params p;
  for (std::size_t l = 1; l < dims.size(); ++l) {
    p.W.push_back(arma::zeros<arma::mat>(dims[l], dims[l - 1]));
    p.b.push_back(arma::zeros<arma::vec>(dims[l]));
  }
  return p;
}

Params initialize_random(const std::vector<arma::uword>& dims, Rng& rng, double scale) {
  require(std::isfinite(scale) && scale > 0.0, str("initialize_random(): scale must be finite and > 0, got ", scale));
  return draw("initialize_random()", dims, rng, [scale](double, double) { return scale; });
}

Params initialize_he(const std::vector<arma::uword>& dims, Rng& rng) {
  return draw("initialize_he()", dims, rng, [](double fan_in, double) { return std::sqrt(2.0 / fan_in); });
}

Params initialize_xavier(const std::vector<arma::uword>& dims, Rng& rng) {
  return draw("initialize_xavier()", dims, rng, [](double fan_in, double) { return std::sqrt(1.0 / fan_in); });
}

Params initialize_glorot(const std::vector<arma::uword>& dims, Rng& rng) {
  return draw("initialize_glorot()", dims, rng,
              [](double fan_in, double fan_out) { return std::sqrt(2.0 / (fan_in + fan_out)); });
}

}  // namespace kata::init
