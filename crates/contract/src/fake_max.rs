//! The rules of the fake MAX that the dev back end and preview mode share, so a token
//! behaves the same in both: by the token's beginning,
//! `revoked…` → refused; `down…` → MAX unavailable; `busy…` → rate-limited (30 s);
//! `slow…` → valid after a wait; anything else → valid, a bot whose name is chosen by a
//! hash of the token (never the token itself, which is a secret).

use crate::types::BotInfo;

/// What the fake MAX says about a (well-formed, trimmed) token.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FakeMax {
    Valid(BotInfo),
    Invalid,
    Unavailable,
    RateLimited { retry_after: u32 },
}

/// Seconds a `busy…` token asks to wait.
pub const FAKE_RETRY_AFTER: u32 = 30;

/// Whether the fake answers this token only after a wait (`slow…`), to show progress.
pub fn is_slow(token: &str) -> bool {
    token.starts_with("slow")
}

pub fn outcome(token: &str) -> FakeMax {
    if token.starts_with("revoked") {
        return FakeMax::Invalid;
    }
    if token.starts_with("down") {
        return FakeMax::Unavailable;
    }
    if token.starts_with("busy") {
        return FakeMax::RateLimited {
            retry_after: FAKE_RETRY_AFTER,
        };
    }
    const BOTS: &[(&str, &str)] = &[
        ("Магазин «Ромашка»", "romashka_shop_bot"),
        ("Автосервис «Колесо»", "koleso_service_bot"),
        ("Клиника «Здоровье»", "zdorovie_clinic_bot"),
        ("Пекарня «Каравай»", "karavai_bakery_bot"),
        ("Турагентство «Горизонт»", "gorizont_travel_bot"),
        ("Фитнес-клуб «Атлет»", "atlet_fitness_bot"),
    ];
    let hash = fnv1a(token.as_bytes());
    let (first_name, username) = BOTS[(hash % BOTS.len() as u64) as usize];
    FakeMax::Valid(BotInfo {
        user_id: 9_000_000_000 + (hash % 1_000_000_000) as i64,
        first_name: first_name.into(),
        username: Some(username.into()),
        avatar_url: None,
    })
}

fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf29ce484222325u64, |h, b| {
        (h ^ u64::from(*b)).wrapping_mul(0x100000001b3)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rules() {
        assert_eq!(outcome("revoked-123"), FakeMax::Invalid);
        assert_eq!(outcome("down_abc"), FakeMax::Unavailable);
        assert_eq!(outcome("busy1"), FakeMax::RateLimited { retry_after: 30 });
        assert!(is_slow("slow-1") && !is_slow("quick"));
        let (FakeMax::Valid(a), FakeMax::Valid(b)) = (outcome("f9LHodD0cOIv2y"), outcome("f9LHodD0cOIv2y")) else {
            panic!("valid tokens")
        };
        assert_eq!(a, b, "the same token names the same bot");
        assert!(!a.first_name.contains("f9LH") && !a.username.unwrap().contains("f9LH"));
    }
}
