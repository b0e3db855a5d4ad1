//! The pilot test's password: Graph's `resetPassword` needs `newPassword`
//! for a synced user (only cloud-only users get a system-generated one), so
//! the wizard makes one. Pure: the random bytes come from the caller (the
//! operating system's CSPRNG in `task::prove`).
//!
//! The rules: at least [`MIN_LENGTH`] characters, more when the domain's
//! `minPwdLength` or the user's password settings object asks for more (at
//! most [`MAX_LENGTH`]); all four character classes (upper case, lower
//! case, digits, symbols); never the account name nor a part of the display
//! name of three or more characters (AD's complexity rule), compared
//! without case.

/// The shortest password generated.
pub const MIN_LENGTH: usize = 16;
/// The longest: Entra ID accepts up to 256 characters.
pub const MAX_LENGTH: usize = 256;

const UPPER: &[u8] = b"ABCDEFGHJKLMNPQRSTUVWXYZ";
const LOWER: &[u8] = b"abcdefghijkmnopqrstuvwxyz";
const DIGITS: &[u8] = b"23456789";
const SYMBOLS: &[u8] = b"!#%+-=?@_~";

/// What a generated password must respect.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct Rules {
    /// The longest minimum length that applies (domain, PSO); raised to
    /// [`MIN_LENGTH`].
    pub min_length: usize,
    /// Texts it must not contain (the account name, parts of the display
    /// name), compared without case.
    pub forbidden: Vec<String>,
}

impl Rules {
    /// The rules for a user: `minimums` are the domain's and the PSO's
    /// minimum lengths (when known); `sam` the account name;
    /// `display_name` its display name.
    pub fn for_user(minimums: &[u32], sam: Option<&str>, display_name: Option<&str>) -> Rules {
        let min_length = minimums
            .iter()
            .map(|m| *m as usize)
            .chain([MIN_LENGTH])
            .max()
            .unwrap_or(MIN_LENGTH)
            .min(MAX_LENGTH);
        let mut forbidden = Vec::new();
        if let Some(sam) = sam.map(str::trim).filter(|s| s.chars().count() >= 3) {
            forbidden.push(sam.to_lowercase());
        }
        for part in display_name
            .unwrap_or_default()
            .split(|c: char| ",.-_#\t ".contains(c))
            .filter(|p| p.chars().count() >= 3)
        {
            forbidden.push(part.to_lowercase());
        }
        Rules {
            min_length,
            forbidden,
        }
    }

    /// Whether `password` respects the rules.
    pub fn accepts(&self, password: &str) -> bool {
        let lower = password.to_lowercase();
        password.chars().count() >= self.min_length.max(MIN_LENGTH)
            && password.chars().any(|c| c.is_ascii_uppercase())
            && password.chars().any(|c| c.is_ascii_lowercase())
            && password.chars().any(|c| c.is_ascii_digit())
            && password.chars().any(|c| !c.is_ascii_alphanumeric())
            && !self.forbidden.iter().any(|f| lower.contains(f.as_str()))
    }
}

/// A uniformly drawn index below `n` from the byte source (rejection
/// sampling, no modulo bias); None when the source fails.
fn pick(n: usize, random: &mut dyn FnMut(&mut [u8]) -> bool) -> Option<usize> {
    let n = u32::try_from(n).ok().filter(|n| *n > 0)?;
    let zone = u32::MAX - (u32::MAX % n);
    for _ in 0..64 {
        let mut b = [0u8; 4];
        if !random(&mut b) {
            return None;
        }
        let v = u32::from_le_bytes(b);
        if v < zone {
            return Some((v % n) as usize);
        }
    }
    None
}

/// A password respecting `rules`, drawn from `random` (which fills a
/// buffer and says whether it could); None when the source fails.
pub fn generate(rules: &Rules, random: &mut dyn FnMut(&mut [u8]) -> bool) -> Option<String> {
    let length = rules.min_length.clamp(MIN_LENGTH, MAX_LENGTH);
    let all: Vec<u8> = [UPPER, LOWER, DIGITS, SYMBOLS].concat();
    for _ in 0..32 {
        // One of each class, the rest from all, then shuffled.
        let mut chars = Vec::with_capacity(length);
        for class in [UPPER, LOWER, DIGITS, SYMBOLS] {
            chars.push(class[pick(class.len(), random)?]);
        }
        while chars.len() < length {
            chars.push(all[pick(all.len(), random)?]);
        }
        for i in (1..chars.len()).rev() {
            let j = pick(i + 1, random)?;
            chars.swap(i, j);
        }
        let password = String::from_utf8(chars).ok()?;
        if rules.accepts(&password) {
            return Some(password);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A deterministic source (xorshift) for the tests.
    fn source(seed: u64) -> impl FnMut(&mut [u8]) -> bool {
        let mut s = seed.max(1);
        move |buf: &mut [u8]| {
            for b in buf.iter_mut() {
                s ^= s << 13;
                s ^= s >> 7;
                s ^= s << 17;
                *b = s as u8;
            }
            true
        }
    }

    #[test]
    fn sixteen_characters_of_all_four_classes_at_least() {
        let rules = Rules::for_user(&[7], Some("bob.nguyen"), Some("Bob Nguyen"));
        assert_eq!(rules.min_length, 16);
        for seed in 1..200 {
            let p = generate(&rules, &mut source(seed)).unwrap();
            assert_eq!(p.len(), 16, "{p}");
            assert!(rules.accepts(&p), "{p}");
        }
    }

    #[test]
    fn a_longer_minimum_from_the_domain_or_the_pso_wins() {
        let rules = Rules::for_user(&[7, 24], None, None);
        assert_eq!(rules.min_length, 24);
        assert_eq!(generate(&rules, &mut source(3)).unwrap().len(), 24);
        assert_eq!(Rules::for_user(&[9999], None, None).min_length, MAX_LENGTH);
    }

    #[test]
    fn names_are_never_in_it() {
        let rules = Rules::for_user(&[], Some("abc"), Some("Jo Smith-Kaur"));
        assert_eq!(rules.forbidden, vec!["abc", "smith", "kaur"]);
        assert!(!rules.accepts("Xy7!abcdefghijkmnop"));
        assert!(!rules.accepts("Xy7!SMITHdefghijkmnop"));
        assert!(
            rules.accepts("Xy7!Jodefghijkmnopq"),
            "Jo is too short to count"
        );
        // A failing source gives no password, never a weak one.
        assert_eq!(generate(&rules, &mut |_: &mut [u8]| false), None);
    }

    #[test]
    fn missing_classes_are_refused() {
        let rules = Rules::for_user(&[], None, None);
        assert!(!rules.accepts("abcdefghijkmnopq1!"));
        assert!(!rules.accepts("ABCDEFGHIJKMNOPQ1!"));
        assert!(!rules.accepts("ABCDEFGHIjkmnopqr!"));
        assert!(!rules.accepts("ABCDEFGHIjkmnopqr1"));
        assert!(!rules.accepts("Ab1!"));
    }
}
