//! Every integration test in one crate, so the tests link once: the model,
//! the bundled scenarios, the CLI on the real binary, variants and reports,
//! the workshop's screens (`TestBackend` and insta snapshots) and the
//! end-to-end tests of the real binary in tmux.

mod common;

mod annex;
mod business_case;
mod cli;
mod doc_links;
mod e2e_risk;
mod e2e_signals;
mod e2e_ssh;
mod e2e_tmux;
mod expected_and_budget;
mod extremes;
mod goal_seek;
mod investor_and_costs;
mod layers;
mod loader;
mod model;
mod properties;
mod risk;
mod risk_commands;
mod robustness;
mod scenarios;
mod scenarios_pilots;
mod scenarios_pinned;
mod scenarios_reference;
mod schema;
mod sites;
mod trash;
mod tui_bytes;
mod tui_dialogs;
mod tui_figures;
mod tui_heavy;
mod tui_new;
mod tui_risk;
mod tui_room;
mod tui_sites;
mod tui_sizes;
mod tui_snapshots;
mod tui_trash;
mod tui_update;
mod tui_variants;
mod tui_views;
mod variants;
mod xlsx;
