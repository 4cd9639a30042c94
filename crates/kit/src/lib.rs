//! What every crate of the house shares and nothing else: [`closed_enum!`], the one way a
//! closed enum gets its list of values and its names, and [`Engine`], the browser engines
//! the end-to-end suite runs in (named by the xtask, read by the tests).

mod closed;
mod engine;

pub use engine::Engine;
