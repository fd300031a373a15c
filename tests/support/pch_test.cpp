// Carries the precompiled header shared by every lesson test object library.
