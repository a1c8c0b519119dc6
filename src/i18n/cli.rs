//! The command line's own messages.
