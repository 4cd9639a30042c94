//! The wasm entry point: mounting only.

fn main() {
    max_channel_admin::mount();
}
