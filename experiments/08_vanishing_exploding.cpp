// Lesson 08 experiment: how the scale of activations and gradients changes with depth.
//
// A 50-layer network with no biases, 100 units per layer, fed 200 random examples. Weights are either a
// scaled identity (1.5 I, 1.0 I, 0.5 I: the notes' thought experiment) or random with variance 1/n or
// 2/n, under g(z) = z and under ReLU. We print the RMS of A[l] every 10 layers and plot all 50 layers
// on a log scale; then the RMS of each layer's weight gradient dW[l].
#include <cmath>
#include <iomanip>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "kata/experiment.hpp"
#include "kata/plot.hpp"
#include "kata/rng.hpp"
#include "vanishing_exploding.hpp"

namespace {

constexpr arma::uword n = 100, m = 200;
constexpr std::size_t L = 50;

struct Init {
  std::string name;
  std::vector<arma::mat> Ws;
};

std::vector<Init> initializations() {
  std::vector<Init> inits;
  for (const double a : {1.5, 1.0, 0.5}) {
    std::ostringstream name;
    name << a << " I";
    inits.push_back({name.str(), std::vector<arma::mat>(L, a * arma::eye(n, n))});
  }
  kata::Rng rng(1);
  for (const double v : {1.0, 2.0}) {
    Init init{"randn, var " + std::to_string(int(v)) + "/n", {}};
    for (std::size_t l = 0; l < L; ++l) init.Ws.push_back(rng.randn(n, n) * std::sqrt(v / n));
    inits.push_back(init);
  }
  return inits;
}

void print_row(const std::string& label, const arma::vec& scales) {
  std::cout << std::left << std::setw(22) << label << std::right;
  for (std::size_t l = 0; l <= L; l += 10) std::cout << std::setw(12) << std::setprecision(3) << scales(l);
  std::cout << "\n";
}

}  // namespace

int main() {
  return kata::run_experiment("08 vanishing / exploding", [] {
    kata::Rng rng(0);
    const arma::mat X = rng.randn(n, m);
    const auto inits = initializations();
    const arma::vec layers = arma::regspace<arma::vec>(0, L);
    const arma::vec grad_layers = arma::regspace<arma::vec>(1, L);

    for (const kata::Activation act : {kata::Activation::linear, kata::Activation::relu}) {
      const std::string g = act == kata::Activation::linear ? "linear" : "relu";
      std::cout << "\nRMS of A[l], g = " << g << " (" << L << " layers of " << n << " units, " << m
                << " examples)\n";
      std::cout << std::left << std::setw(22) << "weights" << std::right;
      for (std::size_t l = 0; l <= L; l += 10) std::cout << std::setw(12) << ("l = " + std::to_string(l));
      std::cout << "\n";
      kata::Figure fig("activation_rms_" + g, "RMS of activations per layer, g = " + g);
      fig.xlabel("layer l").ylabel("rms(A[l])").log_y();
      fig.caption(g == "linear"
                      ? "With g(z) = z the RMS of the activations grows or shrinks geometrically with depth unless "
                        "the weights keep the scale (identity, or random with variance 1/n)."
                      : "With ReLU half of each layer's signal is cut: variance 2/n (He) keeps the scale, 1/n "
                        "halves the variance per layer; scaled identities behave as in the linear case.");
      kata::Figure grad("gradient_rms_" + g, "RMS of dW[l] per layer, g = " + g + ", dA[L] = 1/m");
      grad.xlabel("layer l").ylabel("rms(dW[l])").log_y();
      grad.caption("The gradients of the weights, layer by layer: they vanish or explode towards the first "
                   "layers in the same geometric way as the activations.");
      for (const auto& init : inits) {
        const auto A = kata::deep_linear_forward(X, init.Ws, act);
        const arma::vec scales = kata::activation_scales(A);
        print_row(init.name, scales);
        // A ReLU network with identity weights can reach exactly 0; log plots skip those points.
        // "1.5 I" in the table; in a figure's key the I reads as a 1 or an l.
        const std::string label = init.name.back() == 'I'
                                      ? "W = " + init.name.substr(0, init.name.size() - 2) + " x identity"
                                      : init.name;
        fig.line(label, layers, scales);
        const arma::mat dAL(n, m, arma::fill::value(1.0 / m));
        const auto grads = kata::deep_linear_backward(A, init.Ws, dAL, act);
        grad.line(label, grad_layers, kata::activation_scales(grads.dW));
      }
      fig.save();
      grad.save();
    }

    std::cout << "\nGradient of the FIRST layer, g = linear, dA[L] = 1/m everywhere: rms(dW[1]) against rms(dA[L] X^T),\n"
                 "the gradient W[1] would get if it were the only layer\n";
    std::cout << std::left << std::setw(22) << "weights" << std::right << std::setw(14) << "rms(dW[1])"
              << std::setw(16) << "rms(dA[L] X^T)" << std::setw(14) << "ratio" << std::setw(14) << "a^(L-1)" << "\n";
    const arma::mat dAL(n, m, arma::fill::value(1.0 / m));
    const double one_layer = kata::activation_scales({dAL * X.t()})(0);
    for (std::size_t i = 0; i < 3; ++i) {
      const auto& init = inits[i];
      const auto grads = kata::deep_linear_backward(kata::deep_linear_forward(X, init.Ws), init.Ws, dAL);
      const double first = kata::activation_scales(grads.dW)(0);
      std::cout << std::left << std::setw(22) << init.name << std::right << std::setprecision(4) << std::setw(14)
                << first << std::setw(16) << one_layer << std::setw(14) << first / one_layer << std::setw(14)
                << std::pow(init.Ws[0](0, 0), double(L - 1)) << "\n";
    }

    std::cout << "\nWhat this shows: with g(z) = z and W = a I the output is a^L X, so 50 layers turn 1.5 into "
                 "6e8 and 0.5 into 9e-16 —\nexponential in depth. Random weights behave the same way through "
                 "their variance: each linear layer multiplies the\nsecond moment by n·Var(w), so Var = 2/n "
                 "explodes (x2 per layer) while Var = 1/n holds steady; ReLU keeps only half the\nsecond moment, "
                 "so under ReLU Var = 1/n vanishes and Var = 2/n (He initialization, lesson 09) holds steady. "
                 "The\ngradients follow the same products of W, so dW[1] has been multiplied by a^(L-1) "
                 "on its way back.\n";
  });
}
