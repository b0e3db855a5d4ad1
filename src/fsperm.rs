//! Files and folders only the current user may read: the data directory,
//! its backups and the audit log hold directory data worth protecting.
//!
//! On Unix: mode 0700 for a folder, 0600 for a file. On Windows: a protected
//! DACL (no inherited entries) with one entry, full control for the user
//! this process runs as; folders pass it on to what is created in them.
//! The default data directory (under `%APPDATA%`) is already private by
//! inheritance; this makes it explicit, also for `WRITEBACK_WIZARD_DATA_DIR`.

use std::io;
use std::io::Write as _;
use std::path::Path;

/// Creates `dir` (and its parents) and makes it private to the user. A
/// directory owned by another user is refused, never re-permissioned
/// (someone else prepared it: what it holds cannot be trusted).
pub fn private_dir(dir: &Path) -> io::Result<()> {
    std::fs::create_dir_all(dir)?;
    refuse_foreign(dir)?;
    restrict_dir(dir)
}

/// An error when `path` belongs to another user than this process's
/// (Unix; on Windows the profile folders are the user's).
#[cfg(unix)]
pub fn refuse_foreign(path: &Path) -> io::Result<()> {
    use std::os::unix::fs::MetadataExt as _;
    let owner = std::fs::symlink_metadata(path)?.uid();
    // SAFETY: geteuid has no preconditions and cannot fail.
    let me = unsafe { libc::geteuid() };
    if owner != me {
        return Err(io::Error::new(
            io::ErrorKind::PermissionDenied,
            format!(
                "{} belongs to another user (uid {owner}): refused",
                path.display()
            ),
        ));
    }
    Ok(())
}

/// An error when `path` belongs to another user (Unix only).
#[cfg(not(unix))]
pub fn refuse_foreign(path: &Path) -> io::Result<()> {
    std::fs::symlink_metadata(path).map(|_| ())
}

/// Writes `bytes` to `path` readable by the user only, durably: a
/// temporary file beside it is written and synced, renamed over `path`,
/// and the directory synced, so a crash leaves the old file or the new
/// one, never a torn one.
pub fn write_private(path: &Path, bytes: &[u8]) -> io::Result<()> {
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
    restrict_file(&tmp)?;
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

/// Makes `path` (a directory) readable and writable by the current user only.
pub fn restrict_dir(path: &Path) -> io::Result<()> {
    restrict(path, true)
}

/// A fresh directory under the system's temporary directory, readable by
/// the current user only, removed when dropped. Its name is new (process,
/// clock and a counter) and it is created with `create_dir`, which fails on
/// anything already there, a link planted by another local user included;
/// then another name is tried.
#[derive(Debug)]
pub struct ScratchDir(std::path::PathBuf);

impl ScratchDir {
    /// Creates one, its name starting with `prefix`.
    pub fn new(prefix: &str) -> io::Result<ScratchDir> {
        static COUNT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
        let base = std::env::temp_dir();
        let mut last = io::Error::other("no attempt");
        for _ in 0..16 {
            let nanos = std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map(|d| d.subsec_nanos())
                .unwrap_or(0);
            let n = COUNT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            let path = base.join(format!("{prefix}-{}-{nanos:08x}-{n}", std::process::id()));
            #[cfg(unix)]
            let builder = {
                use std::os::unix::fs::DirBuilderExt as _;
                let mut b = std::fs::DirBuilder::new();
                b.mode(0o700);
                b
            };
            #[cfg(not(unix))]
            let builder = std::fs::DirBuilder::new();
            match builder.create(&path) {
                Ok(()) => {
                    restrict_dir(&path)?;
                    return Ok(ScratchDir(path));
                }
                Err(e) => last = e,
            }
        }
        Err(last)
    }

    /// Its path.
    pub fn path(&self) -> &Path {
        &self.0
    }
}

impl Drop for ScratchDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Makes `path` (a file) readable and writable by the current user only.
pub fn restrict_file(path: &Path) -> io::Result<()> {
    restrict(path, false)
}

#[cfg(unix)]
fn restrict(path: &Path, dir: bool) -> io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    let mode = if dir { 0o700 } else { 0o600 };
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode))
}

#[cfg(windows)]
fn restrict(path: &Path, dir: bool) -> io::Result<()> {
    use std::os::windows::ffi::OsStrExt;
    use windows_sys::Win32::Foundation::{CloseHandle, HANDLE, LocalFree};
    use windows_sys::Win32::Security::Authorization::{
        EXPLICIT_ACCESS_W, NO_MULTIPLE_TRUSTEE, SE_FILE_OBJECT, SET_ACCESS, SetEntriesInAclW,
        SetNamedSecurityInfoW, TRUSTEE_IS_SID, TRUSTEE_IS_USER, TRUSTEE_W,
    };
    use windows_sys::Win32::Security::{
        ACL, DACL_SECURITY_INFORMATION, GetTokenInformation, NO_INHERITANCE,
        PROTECTED_DACL_SECURITY_INFORMATION, SUB_CONTAINERS_AND_OBJECTS_INHERIT, TOKEN_QUERY,
        TOKEN_USER, TokenUser,
    };
    use windows_sys::Win32::Storage::FileSystem::FILE_ALL_ACCESS;
    use windows_sys::Win32::System::Threading::{GetCurrentProcess, OpenProcessToken};

    let wide: Vec<u16> = path.as_os_str().encode_wide().chain([0]).collect();
    // SAFETY: every pointer handed to the API points into a live local
    // buffer of the stated size; the token handle and the ACL are released
    // on every path; the SID stays inside `user`, alive until the end.
    unsafe {
        let mut token: HANDLE = std::ptr::null_mut();
        if OpenProcessToken(GetCurrentProcess(), TOKEN_QUERY, &mut token) == 0 {
            return Err(io::Error::last_os_error());
        }
        let mut needed = 0u32;
        GetTokenInformation(token, TokenUser, std::ptr::null_mut(), 0, &mut needed);
        // u64 elements: TOKEN_USER needs pointer alignment.
        let mut user = vec![0u64; (needed as usize).div_ceil(8).max(1)];
        let ok = GetTokenInformation(
            token,
            TokenUser,
            user.as_mut_ptr().cast(),
            (user.len() * 8) as u32,
            &mut needed,
        );
        let error = io::Error::last_os_error();
        CloseHandle(token);
        if ok == 0 {
            return Err(error);
        }
        let sid = (*user.as_ptr().cast::<TOKEN_USER>()).User.Sid;
        let access = EXPLICIT_ACCESS_W {
            grfAccessPermissions: FILE_ALL_ACCESS,
            grfAccessMode: SET_ACCESS,
            grfInheritance: if dir {
                SUB_CONTAINERS_AND_OBJECTS_INHERIT
            } else {
                NO_INHERITANCE
            },
            Trustee: TRUSTEE_W {
                pMultipleTrustee: std::ptr::null_mut(),
                MultipleTrusteeOperation: NO_MULTIPLE_TRUSTEE,
                TrusteeForm: TRUSTEE_IS_SID,
                TrusteeType: TRUSTEE_IS_USER,
                ptstrName: sid.cast(),
            },
        };
        let mut acl: *mut ACL = std::ptr::null_mut();
        let status = SetEntriesInAclW(1, &access, std::ptr::null(), &mut acl);
        if status != 0 {
            return Err(io::Error::from_raw_os_error(status as i32));
        }
        let status = SetNamedSecurityInfoW(
            wide.as_ptr(),
            SE_FILE_OBJECT,
            DACL_SECURITY_INFORMATION | PROTECTED_DACL_SECURITY_INFORMATION,
            std::ptr::null_mut(),
            std::ptr::null_mut(),
            acl,
            std::ptr::null(),
        );
        LocalFree(acl.cast());
        if status != 0 {
            return Err(io::Error::from_raw_os_error(status as i32));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_scratch_dir_is_fresh_private_and_removed() {
        let a = super::ScratchDir::new("wbw-scratch-test").unwrap();
        let b = super::ScratchDir::new("wbw-scratch-test").unwrap();
        assert_ne!(a.path(), b.path());
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(a.path()).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o700);
        }
        let path = a.path().to_path_buf();
        drop(a);
        assert!(!path.exists());
    }

    use super::*;

    #[cfg(unix)]
    #[test]
    fn unix_modes_are_owner_only() {
        use std::os::unix::fs::PermissionsExt;
        let dir = std::env::temp_dir().join(format!("fsperm-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o755)).unwrap();
        let file = dir.join("backup.json");
        std::fs::write(&file, b"{}").unwrap();
        std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o644)).unwrap();
        restrict_dir(&dir).unwrap();
        restrict_file(&file).unwrap();
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&dir), 0o700);
        assert_eq!(mode(&file), 0o600);
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[cfg(unix)]
    #[test]
    fn private_files_are_written_whole_and_owner_only() {
        use std::os::unix::fs::PermissionsExt as _;
        let base = std::env::temp_dir().join(format!("wbw-fsperm-{}", std::process::id()));
        let dir = base.join("backups");
        private_dir(&dir).expect("dir");
        let file = dir.join("b.json");
        write_private(&file, b"{}").expect("write");
        write_private(&file, b"{\"a\":1}").expect("rewrite");
        let mode = |p: &Path| std::fs::metadata(p).expect("meta").permissions().mode() & 0o777;
        assert_eq!(mode(&dir), 0o700);
        assert_eq!(mode(&file), 0o600);
        assert_eq!(std::fs::read(&file).expect("read"), b"{\"a\":1}");
        assert!(!dir.join("b.tmp").exists());
        let _ = std::fs::remove_dir_all(&base);
    }

    #[test]
    fn a_missing_path_is_an_error() {
        let missing = std::env::temp_dir().join("fsperm-does-not-exist/nothing");
        assert!(restrict_file(&missing).is_err());
        assert!(restrict_dir(&missing).is_err());
    }

    #[cfg(unix)]
    #[test]
    fn a_directory_of_another_user_is_refused_not_repermissioned() {
        use std::os::unix::fs::{MetadataExt as _, PermissionsExt as _};
        let scratch = ScratchDir::new("wbw-foreign").unwrap();
        let dir = scratch.path().join("data");
        std::fs::create_dir(&dir).unwrap();
        std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o755)).unwrap();
        // SAFETY: geteuid has no preconditions.
        if unsafe { libc::geteuid() } != 0 {
            // Only root can give a directory away; the own case still holds.
            private_dir(&dir).unwrap();
            return;
        }
        std::os::unix::fs::chown(&dir, Some(65534), Some(65534)).unwrap();
        let err = private_dir(&dir).unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::PermissionDenied);
        let meta = std::fs::metadata(&dir).unwrap();
        assert_eq!(meta.permissions().mode() & 0o777, 0o755, "left as it was");
        assert_eq!(meta.uid(), 65534);
    }
}
