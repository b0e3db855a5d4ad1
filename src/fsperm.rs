//! Files only their owner may read: the data directory, backups, the audit
//! log. On Unix directories get mode 0700 and files 0600; on Windows they
//! live under the user's profile (`%APPDATA%`), whose ACL admits only that
//! user, SYSTEM and Administrators.

use std::io::Write as _;
use std::path::Path;

/// Creates `dir` (and its parents) and makes it private to the user.
pub fn private_dir(dir: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700))?;
    }
    Ok(())
}

/// Writes `bytes` to `path` readable by the user only, durably: a
/// temporary file beside it is written and synced, renamed over `path`,
/// and the directory synced, so a crash leaves the old file or the new
/// one, never a torn one.
pub fn write_private(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = path.parent().filter(|d| !d.as_os_str().is_empty());
    let tmp = path.with_extension("tmp");
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt as _;
        options.mode(0o600);
    }
    let mut file = options.open(&tmp)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        file.set_permissions(std::fs::Permissions::from_mode(0o600))?;
    }
    file.write_all(bytes)?;
    file.sync_all()?;
    drop(file);
    std::fs::rename(&tmp, path)?;
    #[cfg(unix)]
    if let Some(dir) = dir {
        std::fs::File::open(dir)?.sync_all()?;
    }
    #[cfg(not(unix))]
    let _ = dir;
    Ok(())
}

#[cfg(all(test, unix))]
mod tests {
    use std::os::unix::fs::PermissionsExt as _;

    #[test]
    fn directory_and_file_are_private() {
        let base = std::env::temp_dir().join(format!("wbw-fsperm-{}", std::process::id()));
        let dir = base.join("backups");
        super::private_dir(&dir).expect("dir");
        let file = dir.join("b.json");
        super::write_private(&file, b"{}").expect("write");
        super::write_private(&file, b"{\"a\":1}").expect("rewrite");
        let mode = |p: &std::path::Path| std::fs::metadata(p).expect("meta").permissions().mode();
        assert_eq!(mode(&dir) & 0o777, 0o700);
        assert_eq!(mode(&file) & 0o777, 0o600);
        assert_eq!(std::fs::read(&file).expect("read"), b"{\"a\":1}");
        assert!(!dir.join("b.tmp").exists());
        let _ = std::fs::remove_dir_all(&base);
    }
}
