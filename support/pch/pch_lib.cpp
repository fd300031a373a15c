// Carries a precompiled header (kata_pch_lib, kata_pch_checks) shared by lesson libraries and experiments.
