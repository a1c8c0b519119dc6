//! Errors in the user's language.
