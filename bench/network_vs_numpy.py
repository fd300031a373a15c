"""The job of bench/network_epoch.cpp in numpy, written as the course's notebooks write it: mini-batch
gradient descent (batches of 64, learning rate 0.1) of a [64, 64, 10] ReLU/softmax network on digits
(pixels / 16, one-hot labels), He initialization after np.random.seed(1), one np.random.permutation per
epoch. kata::Rng reproduces this random stream, so the C++ side starts from the same weights and sees the
same batches. Prints the median wall and CPU time of one epoch and the training cost of the last epoch
(the example-weighted mean of its batch costs, each before its update), in the C++ program's format.
Usage: python3 bench/network_vs_numpy.py [EPOCHS]   (default 20)"""
import os
import sys
import time

import numpy as np

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def load_digits():
    data = np.loadtxt(os.path.join(ROOT, "datasets", "digits.csv"), delimiter=",", skiprows=1)
    X = data[:, :-1].T / 16.0
    y = data[:, -1].astype(int)
    Y = np.zeros((10, y.size))
    Y[y, np.arange(y.size)] = 1.0
    return X, Y


def initialize_he(dims):
    W, b = [], []
    for l in range(1, len(dims)):
        W.append(np.random.randn(dims[l], dims[l - 1]) * np.sqrt(2.0 / dims[l - 1]))
        b.append(np.zeros((dims[l], 1)))
    return W, b


def forward(W, b, X):
    Z1 = W[0] @ X + b[0]
    A1 = np.maximum(Z1, 0.0)
    Z2 = W[1] @ A1 + b[1]
    E = np.exp(Z2 - Z2.max(axis=0, keepdims=True))
    return Z1, A1, Z2, E / E.sum(axis=0, keepdims=True)


def cross_entropy(Z2, Y):
    shifted = Z2 - Z2.max(axis=0, keepdims=True)
    logp = shifted - np.log(np.exp(shifted).sum(axis=0, keepdims=True))
    return -np.sum(Y * logp) / Y.shape[1]


def step(W, b, X, Y, learning_rate):
    m = X.shape[1]
    Z1, A1, Z2, A2 = forward(W, b, X)
    J = cross_entropy(Z2, Y)
    dZ2 = (A2 - Y) / m
    dW2 = dZ2 @ A1.T
    db2 = dZ2.sum(axis=1, keepdims=True)
    dZ1 = (W[1].T @ dZ2) * (Z1 > 0)
    dW1 = dZ1 @ X.T
    db1 = dZ1.sum(axis=1, keepdims=True)
    W[0] -= learning_rate * dW1
    b[0] -= learning_rate * db1
    W[1] -= learning_rate * dW2
    b[1] -= learning_rate * db2
    return J


def median(values):
    s = sorted(values)
    return s[len(s) // 2] if len(s) % 2 else (s[len(s) // 2 - 1] + s[len(s) // 2]) / 2


def main():
    epochs = int(sys.argv[1]) if len(sys.argv) > 1 else 20
    X, Y = load_digits()
    m = X.shape[1]
    np.random.seed(1)
    W, b = initialize_he([64, 64, 10])
    seconds, cpu, J = [], [], 0.0
    for _ in range(epochs):
        start, start_cpu = time.perf_counter(), time.process_time()
        perm = np.random.permutation(m)
        total = 0.0
        for k in range(0, m, 64):
            idx = perm[k:k + 64]
            total += step(W, b, X[:, idx], Y[:, idx], 0.1) * idx.size
        J = total / m
        seconds.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    s = sorted(seconds)
    print("numpy  network [64, 64, 10], digits m = %d, batch 64: one epoch median %.3f ms (min %.3f, max %.3f)"
          " over %d epochs, cpu %.3f ms; train cost of epoch %d %.15f" % (m, 1e3 * median(seconds), 1e3 * s[0],
                                                                         1e3 * s[-1], epochs, 1e3 * median(cpu),
                                                                         epochs, J))


if __name__ == "__main__":
    main()
