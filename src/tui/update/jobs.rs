//! The background work a document's views want (its Monte Carlo run,
//! a view's goal-seek search), and the effects that start and stop it.

use super::risk;
use crate::tui::document::Document;
use crate::tui::effect::Effect;
use crate::tui::risk_job::RiskRequest;
use crate::tui::view::View;

/// Keeps a document's background work in step with what its views want
/// (the tornado and the Monte Carlo of the current levers while the
/// uncertainty screen shows). [`update`] does this for the acting view; a
/// host with several views of one document calls it after each update
/// with [`crate::tui::view::Wants::any`] of them.
pub fn sync(doc: &mut Document, wants: crate::tui::view::Wants) -> Vec<Effect> {
    let before: Vec<u64> = doc
        .risk
        .running
        .iter()
        .map(|r| r.request.generation)
        .collect();
    risk::keep_in_step(doc, wants);
    let after: Vec<&RiskRequest> = doc.risk.running.iter().map(|r| &r.request).collect();
    job_changes(&before, &after)
}

/// The background work a view of a document wants now: the document's
/// Monte Carlo run and the view's goal-seek search.
pub fn jobs<'a>(doc: &'a Document, view: &'a View) -> Vec<&'a RiskRequest> {
    let mut out = Vec::new();
    if let Some(r) = &doc.risk.running {
        out.push(&r.request);
    }
    if let Some(d) = view.goal()
        && let crate::tui::view::GoalState::Searching(r) = &d.state
    {
        out.push(r);
    }
    out
}

pub(super) fn generations(jobs: &[&RiskRequest]) -> Vec<u64> {
    jobs.iter().map(|r| r.generation).collect()
}

/// The effects that take the work wanted from `before` (generations) to
/// `after`: stop what is no longer wanted, start what is new.
pub(super) fn job_changes(before: &[u64], after: &[&RiskRequest]) -> Vec<Effect> {
    let gone = before
        .iter()
        .filter(|b| after.iter().all(|a| a.generation != **b))
        .map(|b| Effect::CancelRisk(*b));
    let new = after
        .iter()
        .filter(|a| !before.contains(&a.generation))
        .map(|a| Effect::StartRisk((*a).clone()));
    gone.chain(new).collect()
}
