//! effekt: design social outcome contracts (effektkontrakter) live.
//!
//! - [`scenario`]: the TOML scenario format, loading and validation.
//! - [`model`]: the pure, exact outcome-contract model.
//! - [`levers`]: named, bounded levers that change a scenario.
//! - [`risk`]: Monte Carlo, tornado and goal seek on top of the model.
//! - [`template`]: new scenarios to fill in (`effekt new`).

pub mod catalog;
pub mod cli;
pub mod files;
pub mod format;
pub mod i18n;
pub mod levers;
pub mod model;
pub mod report;
pub mod risk;
pub mod scenario;
pub mod serve;
pub mod store;
pub mod template;
pub mod tui;

/// The risk commands (`effekt risk`, `tornado`, `solve`), at their former path.
pub use cli::risk as cli_risk;
