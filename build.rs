//! Rebuild when the translations change (they are embedded with rust-embed);
//! for Windows targets, put the icon and version information into the .exe.
fn main() {
    println!("cargo:rerun-if-changed=i18n");
    println!("cargo:rerun-if-changed=assets/icon/icon.ico");
    if std::env::var("CARGO_CFG_TARGET_OS").as_deref() == Ok("windows") {
        let mut res = winresource::WindowsResource::new();
        res.set_icon("assets/icon/icon.ico")
            .set("ProductName", "writeback-wizard")
            .set(
                "FileDescription",
                "writeback-wizard: turns on Entra ID password writeback",
            );
        if let Err(e) = res.compile() {
            panic!("Windows resources: {e}");
        }
    }
}
