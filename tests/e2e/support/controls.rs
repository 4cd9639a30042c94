//! The settings form's controls as the tests find them. Every selector is made from the
//! form's own [`FieldPath`] (`control_id`, `error_id`), never written out: a path renamed in
//! the app moves its tests with it, and a test cannot look for a control the form lacks.

pub use max_channel_admin::domain::{FieldPath, ReplyField, ReplyList};

/// `#f-…`: the path's control.
pub fn control(path: FieldPath) -> String {
    format!("#{}", path.control_id())
}

/// `#f-…-error`: the path's error text.
pub fn error(path: FieldPath) -> String {
    format!("#{}", path.error_id())
}

/// A part the form gives the control, by its suffix: `list` (the picker's options), `add`
/// (a list's «Добавить»), `unit` (a duration's unit), `count` (the characters left).
pub fn part(path: FieldPath, suffix: &str) -> String {
    format!("#{}-{suffix}", path.control_id())
}

/// `field` of row `index` of the working hours' auto-replies.
pub fn reply(index: usize, field: ReplyField) -> FieldPath {
    ReplyList::Working.row(index, field)
}

/// The employee picker's options.
pub fn employee_options() -> String {
    format!("{} li", part(FieldPath::RoutingEmployee, "list"))
}
