//! Widths between the photographed ones, and words too long for any line.

use super::*;

/// Widths between the photographed ones too: from 320 px (the reflow width of WCAG 2.1,
/// 1.4.10) to 1920, both sides of the 40rem breakpoint.
pub(super) const SWEEP: [u32; 16] =
    [320, 360, 375, 414, 480, 600, 639, 640, 720, 768, 900, 1024, 1280, 1440, 1600, 1920];

pub(super) async fn sweep(e2e: &E2e, page: &str, overflowing: &mut Vec<String>) {
    for width in SWEEP {
        if !e2e.try_viewport(width, 800).await {
            continue;
        }
        if let Some(what) = e2e.horizontal_overflow().await {
            overflowing.push(format!("{page} at {width} px: {what}"));
        }
    }
}

/// A word with no place to break, as long as the field allows.
pub(super) fn unbroken(n: usize) -> String {
    "Неразрывноедлинноеслово".chars().cycle().take(n).collect()
}
