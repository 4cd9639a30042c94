//! The dev back end answers every operation of the contract as the spec says, over real
//! HTTP on 127.0.0.1. One test binary, one file per topic.

mod common;
mod compression;
mod delivery;
mod dev_controls;
mod health;
mod history;
mod local_max;
mod ops;
mod preview_mount;
mod real_max;
mod real_max_reply;
mod serving;
mod statuses;
