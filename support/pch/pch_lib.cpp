// Carries the precompiled header shared by lesson libraries and experiments.
