//! Rebuild when the translations change (they are embedded with rust-embed).
fn main() {
    println!("cargo:rerun-if-changed=i18n");
}
