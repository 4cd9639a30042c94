//! Property tests of the field paths: printing and parsing, ids, and the render order.

use super::*;
use proptest::prelude::*;

fn any_path() -> impl Strategy<Value = FieldPath> {
    let list = prop_oneof![Just(ReplyList::Working), Just(ReplyList::NonWorking)];
    let field = proptest::sample::select(ReplyField::ALL.to_vec());
    let index = prop_oneof![0..20usize, any::<usize>()];
    prop_oneof![
        proptest::sample::select(FieldPath::named().collect::<Vec<_>>()),
        (list, index, field).prop_map(|(list, index, field)| FieldPath::Reply { list, index, field }),
    ]
}

proptest! {
    /// Printed and read back, every path is itself; its id is the view's old rule.
    #[test]
    fn round_trip(path in any_path()) {
        let text = path.to_string();
        prop_assert_eq!(FieldPath::parse(&text), Some(path));
        prop_assert_eq!(field_order(&text).0, path.render_order());
        let id = format!("f-{}", text.replace(['[', '.'], "-").replace(']', ""));
        prop_assert_eq!(path.control_id(), id);
    }

    /// Whatever the string, parsing never panics, and what parses prints back the same
    /// but for leading zeros and an index too large.
    #[test]
    fn parse_any_string(text in "[a-z_.\\[\\]0-9]{0,40}") {
        if let Some(path) = FieldPath::parse(&text) {
            let back = path.to_string();
            prop_assert_eq!(FieldPath::parse(&back), Some(path));
            let normalised = text.contains("[0") || path.reply_list().is_some_and(|_| back.contains("18446744073709551615"));
            prop_assert!(back == text || normalised, "{} → {}", text, back);
        }
    }

    /// Rows sort by index, each row's controls together, the list's own error after all.
    #[test]
    fn rows_sort_by_index_then_control(
        (a, b) in (0..1_000usize, 0..1_000usize),
        (f, g) in (0..4usize, 0..4usize),
        list in prop_oneof![Just(ReplyList::Working), Just(ReplyList::NonWorking)],
    ) {
        let (fa, fb) = (ReplyField::ALL[f], ReplyField::ALL[g]);
        let (x, y) = (list.row(a, fa).render_order(), list.row(b, fb).render_order());
        prop_assert_eq!(x.cmp(&y), (a, f).cmp(&(b, g)));
        prop_assert!(x < list.path().render_order());
    }
}
