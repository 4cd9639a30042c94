//! The fake back end, as the dev back end and preview mode serve it: one test binary for
//! all of its tests (one link instead of one per file).

mod common;
mod contract_1_2;
mod delivery;
mod employees;
mod health;
mod history;
mod preconditions;
mod presets;
mod secrets;
