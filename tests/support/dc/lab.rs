//! One test's world on the DC ([`Lab`]): the lock that serializes the
//! tests of a binary, throwaway accounts, LDAP operations signed in as
//! them, runs of the wizard binary, and the clean-up when it is dropped.

use std::collections::HashSet;
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::sync::{Mutex, MutexGuard};

use ldap3::{Mod, SearchEntry};
use writeback_wizard::ad::{Ace, AceFlags, Control, SecurityDescriptor, Sid};
use writeback_wizard::backend::Directory;
use writeback_wizard::backend::ldap::LdapDirectory;
use writeback_wizard::task::permissions::read_dacl;

use super::{
    DcConfig, TIMEOUT, admin_directory, dc_config, explicit, fresh_password, ldap_bind, runtime,
    unicode_pwd, unique_name,
};

/// Serializes the tests of this binary: they share one domain root (and
/// one of them stops the DC).
static DC_LOCK: Mutex<()> = Mutex::new(());

/// A user made by a test.
#[derive(Clone, Debug)]
pub struct Account {
    /// sAMAccountName (also its CN).
    pub name: String,
    /// DN.
    pub dn: String,
    /// Current password.
    pub password: String,
    /// objectSid.
    pub sid: Sid,
}

/// What a run of the binary printed and returned.
#[derive(Debug)]
pub struct Run {
    /// The command line (no secrets in it).
    pub command: String,
    /// Exit status (-1 when killed).
    pub code: i32,
    /// Standard output.
    pub stdout: String,
    /// Standard error.
    pub stderr: String,
}

impl Run {
    /// Everything, for assertion messages.
    pub fn show(&self) -> String {
        format!(
            "$ {}\nexit {}\n--- stdout\n{}--- stderr\n{}",
            self.command, self.code, self.stdout, self.stderr
        )
    }

    /// The JSON document on standard output.
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(self.stdout.trim())
            .unwrap_or_else(|e| panic!("stdout is not JSON ({e}):\n{}", self.show()))
    }
}

/// How the binary connects: every option the four commands share.
#[derive(Clone, Debug)]
pub struct Conn {
    /// --server.
    pub server: String,
    /// --ca-file (None: the system roots).
    pub ca_file: Option<PathBuf>,
    /// --bind-user.
    pub bind_user: String,
    /// WRITEBACK_WIZARD_BIND_PASSWORD.
    pub password: String,
    /// --connector-account.
    pub connector: String,
}

/// One test's world: the DC lock, a runtime, a data directory for backups,
/// the accounts it made. Dropping it removes from the domain root every
/// explicit ACE naming those accounts (in case the test failed half-way),
/// deletes them and the data directory.
pub struct Lab {
    /// DC settings.
    pub dc: DcConfig,
    /// For the async helpers.
    pub rt: tokio::runtime::Runtime,
    /// WRITEBACK_WIZARD_DATA_DIR of the binary (backups go to `backups/`).
    pub data_dir: PathBuf,
    accounts: Vec<Account>,
    _lock: MutexGuard<'static, ()>,
}

impl Lab {
    /// Takes the DC lock and prepares; panics when no DC is configured.
    pub fn start(test: &str) -> Lab {
        let dc = dc_config();
        let lock = DC_LOCK
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        let data_dir = std::env::temp_dir().join(format!(
            "writeback-wizard-test-{test}-{}",
            unique_name(&std::process::id().to_string())
        ));
        std::fs::create_dir_all(&data_dir).expect("data dir");
        Lab {
            dc,
            rt: runtime(),
            data_dir,
            accounts: Vec::new(),
            _lock: lock,
        }
    }

    /// Where the binary saves its backups.
    pub fn backup_dir(&self) -> PathBuf {
        self.data_dir.join("backups")
    }

    /// The domain root's DN.
    pub fn root(&self) -> String {
        self.dc.base_dn.clone()
    }

    /// Creates an enabled user `prefix-xxxxxxxx` under CN=Users with a
    /// password (LDAPS), optionally with a display name.
    pub fn create_user(&mut self, prefix: &str, display_name: Option<&str>) -> Account {
        let name = unique_name(prefix);
        let dn = format!("CN={name},CN=Users,{}", self.dc.base_dn);
        let password = fresh_password();
        let upn = format!("{name}@{}", self.dc.realm.to_ascii_lowercase());
        let mut attrs: Vec<(Vec<u8>, HashSet<Vec<u8>>)> = vec![
            (b"objectClass".to_vec(), HashSet::from([b"user".to_vec()])),
            (
                b"sAMAccountName".to_vec(),
                HashSet::from([name.clone().into_bytes()]),
            ),
            (
                b"userPrincipalName".to_vec(),
                HashSet::from([upn.into_bytes()]),
            ),
            (
                b"unicodePwd".to_vec(),
                HashSet::from([unicode_pwd(&password)]),
            ),
            (
                b"userAccountControl".to_vec(),
                HashSet::from([b"512".to_vec()]),
            ),
        ];
        if let Some(display) = display_name {
            attrs.push((
                b"displayName".to_vec(),
                HashSet::from([display.as_bytes().to_vec()]),
            ));
        }
        let dc = self.dc.clone();
        let sid = self.rt.block_on(async {
            let mut ldap = ldap_bind(&dc, &dc.admin_dn, &dc.admin_password).await;
            ldap.with_timeout(TIMEOUT)
                .add(&dn, attrs)
                .await
                .and_then(|r| r.success())
                .unwrap_or_else(|e| panic!("add {dn}: {e}"));
            let (entries, _) = ldap
                .with_timeout(TIMEOUT)
                .search(
                    &dn,
                    ldap3::Scope::Base,
                    "(objectClass=*)",
                    vec!["objectSid"],
                )
                .await
                .and_then(|r| r.success())
                .unwrap_or_else(|e| panic!("read objectSid of {dn}: {e}"));
            let _ = ldap.unbind().await;
            let entry = SearchEntry::construct(entries.into_iter().next().expect("the new user"));
            let bytes = entry
                .bin_attrs
                .get("objectSid")
                .and_then(|v| v.first().cloned())
                .or_else(|| {
                    entry
                        .attrs
                        .get("objectSid")
                        .and_then(|v| v.first().map(|s| s.clone().into_bytes()))
                })
                .expect("objectSid");
            Sid::from_bytes(&bytes).expect("objectSid parses")
        });
        let account = Account {
            name,
            dn,
            password,
            sid,
        };
        self.accounts.push(account.clone());
        account
    }

    /// Turns off inheritance on `account`'s DACL as "disable inheritance,
    /// convert inherited entries to explicit" does: SE_DACL_PROTECTED set,
    /// the INHERITED flag cleared on every ACE, a DACL-only write.
    pub fn protect(&self, account: &Account) {
        let dc = self.dc.clone();
        self.rt.block_on(async {
            let mut dir = admin_directory(&dc).await;
            let (_, mut sd) = read_dacl(&mut dir, &account.dn).await.expect("user DACL");
            sd.control = Control(sd.control.0 | Control::DACL_PROTECTED);
            if let Some(dacl) = sd.dacl.as_mut() {
                for ace in &mut dacl.aces {
                    ace.flags = AceFlags(ace.flags.0 & !AceFlags::INHERITED);
                }
            }
            let bytes = sd.to_bytes().expect("encode");
            dir.write_dacl(&account.dn, &bytes)
                .await
                .expect("write the protected DACL");
            let (_, back) = read_dacl(&mut dir, &account.dn).await.expect("read back");
            assert!(back.dacl_protected(), "{} is not protected", account.dn);
            dir.close().await;
        });
    }

    /// The DACL-only descriptor of `dn` (exact bytes) and its parse.
    pub fn dacl_of(&self, dn: &str) -> (Vec<u8>, SecurityDescriptor) {
        let dc = self.dc.clone();
        self.rt.block_on(async {
            let mut dir = admin_directory(&dc).await;
            let out = read_dacl(&mut dir, dn)
                .await
                .unwrap_or_else(|e| panic!("read DACL of {dn}: {e}"));
            dir.close().await;
            out
        })
    }

    /// The root's DACL-only descriptor.
    pub fn root_dacl(&self) -> (Vec<u8>, SecurityDescriptor) {
        self.dacl_of(&self.dc.base_dn)
    }

    /// The root DACL's explicit ACEs, in order.
    pub fn root_explicit(&self) -> Vec<Ace> {
        explicit(&self.root_dacl().1)
    }

    /// Signed in as `who`, applies `mods` to `dn`; returns the LDAP result
    /// code (0 = done, 50 = insufficientAccessRights).
    pub fn modify_as(&self, who: &Account, dn: &str, mods: Vec<Mod<Vec<u8>>>) -> u32 {
        let dc = self.dc.clone();
        self.rt.block_on(async {
            let mut ldap = ldap_bind(&dc, &who.dn, &who.password).await;
            let result = ldap
                .with_timeout(TIMEOUT)
                .modify(dn, mods)
                .await
                .unwrap_or_else(|e| panic!("modify {dn} as {}: {e}", who.name));
            let _ = ldap.unbind().await;
            result.rc
        })
    }

    /// Signed in as `who`, resets `victim`'s password (replace unicodePwd
    /// over LDAPS, as Entra Connect does); returns the result code.
    pub fn reset_password_as(&self, who: &Account, victim: &Account) -> u32 {
        self.modify_as(
            who,
            &victim.dn,
            vec![Mod::Replace(
                b"unicodePwd".to_vec(),
                HashSet::from([unicode_pwd(&fresh_password())]),
            )],
        )
    }

    /// Signed in as `who`, replaces `attr` of `dn` with `value`; returns the
    /// result code.
    pub fn write_as(&self, who: &Account, dn: &str, attr: &str, value: &str) -> u32 {
        self.modify_as(
            who,
            dn,
            vec![Mod::Replace(
                attr.as_bytes().to_vec(),
                HashSet::from([value.as_bytes().to_vec()]),
            )],
        )
    }

    /// Signed in as Administrator, with `connector` as connector account.
    pub fn admin_conn(&self, connector: &str) -> Conn {
        Conn {
            server: self.dc.ldaps_url.clone(),
            ca_file: Some(self.dc.ca_cert.clone()),
            bind_user: self.dc.admin_dn.clone(),
            password: self.dc.admin_password.clone(),
            connector: connector.to_string(),
        }
    }

    /// Runs `writeback-wizard --lang en ARGS <connection options>`.
    pub fn wizard(&self, args: &[&str], conn: &Conn) -> Run {
        let mut all: Vec<String> = vec!["--lang".into(), "en".into()];
        all.extend(args.iter().map(|a| a.to_string()));
        all.extend([
            "--server".into(),
            conn.server.clone(),
            "--bind-user".into(),
            conn.bind_user.clone(),
            "--connector-account".into(),
            conn.connector.clone(),
            "--timeout".into(),
            TIMEOUT.as_secs().to_string(),
        ]);
        if let Some(ca) = &conn.ca_file {
            all.push("--ca-file".into());
            all.push(ca.display().to_string());
        }
        let out = Command::new(env!("CARGO_BIN_EXE_writeback-wizard"))
            .args(&all)
            .env("WRITEBACK_WIZARD_BIND_PASSWORD", &conn.password)
            .env("WRITEBACK_WIZARD_DATA_DIR", &self.data_dir)
            .stdin(Stdio::null())
            .output()
            .expect("run writeback-wizard");
        Run {
            command: format!("writeback-wizard {}", all.join(" ")),
            code: out.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        }
    }

    /// Runs the binary, asserting exit status 0.
    pub fn wizard_ok(&self, args: &[&str], conn: &Conn) -> Run {
        let run = self.wizard(args, conn);
        assert_eq!(run.code, 0, "{}", run.show());
        run
    }
}

impl Drop for Lab {
    fn drop(&mut self) {
        let sids: Vec<Sid> = self.accounts.iter().map(|a| a.sid).collect();
        let dns: Vec<String> = self.accounts.iter().map(|a| a.dn.clone()).collect();
        let dc = self.dc.clone();
        // A fresh runtime: the test's may have been left by a panic.
        let rt = runtime();
        let cleanup = rt.block_on(async move {
            let mut dir =
                LdapDirectory::connect(&dc.connect_options(&dc.admin_dn, &dc.admin_password))
                    .await
                    .map_err(|e| e.to_string())?;
            let (_, mut sd) = read_dacl(&mut dir, &dc.base_dn)
                .await
                .map_err(|e| e.to_string())?;
            if let Some(dacl) = sd.dacl.as_mut() {
                let before = dacl.aces.len();
                dacl.aces
                    .retain(|a| a.is_inherited() || a.sid().is_none_or(|s| !sids.contains(s)));
                if dacl.aces.len() != before {
                    eprintln!(
                        "cleanup: removing {} leftover ACE(s) of this test from the root",
                        before - dacl.aces.len()
                    );
                    let bytes = sd.to_bytes().map_err(|e| e.to_string())?;
                    dir.write_dacl(&dc.base_dn, &bytes)
                        .await
                        .map_err(|e| e.to_string())?;
                }
            }
            dir.close().await;
            let mut ldap = ldap_bind(&dc, &dc.admin_dn, &dc.admin_password).await;
            for dn in dns {
                if let Err(e) = ldap.with_timeout(TIMEOUT).delete(&dn).await {
                    eprintln!("cleanup: delete {dn}: {e}");
                }
            }
            let _ = ldap.unbind().await;
            Ok::<(), String>(())
        });
        if let Err(e) = cleanup {
            eprintln!("cleanup failed: {e}");
        }
        let _ = std::fs::remove_dir_all(&self.data_dir);
    }
}
