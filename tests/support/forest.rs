//! Two real Samba AD DCs of two domains (`WRITEBACK.TEST` on one loopback
//! address, `EAST.WRITEBACK.TEST` on another; `tests/support/samba-dc.sh`)
//! made into one forest as far as Samba 4.17 allows: each DC's
//! configuration partition gets a crossRef object for the other domain
//! (added with `ldbadd` and the relax control, since Samba refuses a
//! crossRef naming a partition it does not hold), and the second domain's
//! Administrator gets the UPN `Administrator@writeback.test`, so that one
//! UPN and password sign in to both DCs as they would forest-wide. Samba
//! cannot host a child domain (its `domain join` has no subdomain role),
//! so there is no trust, no replication and no referral between the two:
//! those are what the stand-in of `tests/support/ad_front.rs` adds.
//! Used by `tests/forest_dc.rs`, `tests/forest_referrals.rs` and
//! `tests/dcs_dc.rs`.
// Shared by several test binaries, each using a part of it.
#![allow(dead_code)]

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use ldap3::{Mod, SearchEntry};
use writeback_wizard::ad::{SecurityDescriptor, Sid};

use super::dc::{
    DcConfig, TIMEOUT, fresh_password, ldap_bind, required_env, runtime, unicode_pwd, unique_name,
};

/// Names the `connection.env` of the first forest DC (`WRITEBACK.TEST`).
pub const FOREST_A_ENV: &str = "WRITEBACK_TEST_FOREST_A_ENV";
/// Names the `connection.env` of the second forest DC (`EAST.WRITEBACK.TEST`).
pub const FOREST_B_ENV: &str = "WRITEBACK_TEST_FOREST_B_ENV";
/// The UPN that signs in to both DCs.
pub const FOREST_ADMIN: &str = "Administrator@writeback.test";

/// One DC of the forest and what the test needs of it.
#[derive(Clone, Debug)]
pub struct ForestDc {
    /// Its `connection.env`.
    pub dc: DcConfig,
    /// Its `sam.ldb` (for `ldbadd`).
    pub sam_ldb: PathBuf,
    /// NetBIOS name of its domain.
    pub netbios: String,
}

impl ForestDc {
    fn load(path: &Path) -> ForestDc {
        let dc = DcConfig::load(path);
        let text = std::fs::read_to_string(path).expect("connection.env");
        let value = |key: &str| {
            text.lines()
                .find_map(|l| l.strip_prefix(&format!("{key}=")))
                .unwrap_or_else(|| panic!("{}: {key} missing", path.display()))
                .to_string()
        };
        ForestDc {
            sam_ldb: PathBuf::from(value("SAMBA_DC_SAM_LDB")),
            netbios: value("SAMBA_DC_NETBIOS_DOMAIN"),
            dc,
        }
    }

    /// The domain's DNS name.
    pub fn dns(&self) -> String {
        self.dc.realm.to_ascii_lowercase()
    }

    /// The configuration partition (the forest root's: every DC here was
    /// provisioned as its own forest root).
    fn configuration(&self) -> String {
        format!("CN=Configuration,{}", self.dc.base_dn)
    }

    /// Adds a crossRef for `other`'s domain to this DC's partitions
    /// (nothing when there is one already).
    fn add_cross_ref(&self, other: &ForestDc) {
        let ldif = format!(
            "dn: CN={nb},CN=Partitions,{cfg}\nobjectClass: crossRef\nnCName: {nc}\n\
             dnsRoot: {dns}\nnETBIOSName: {nb}\nsystemFlags: 3\n",
            nb = other.netbios,
            cfg = self.configuration(),
            nc = other.dc.base_dn,
            dns = other.dns(),
        );
        let file = std::env::temp_dir().join(format!("{}.ldif", unique_name("xref")));
        std::fs::write(&file, ldif).expect("ldif");
        let out = Command::new("ldbadd")
            .arg("-H")
            .arg(&self.sam_ldb)
            .arg("--controls=relax:0")
            .arg(&file)
            .stdin(Stdio::null())
            .output()
            .expect("ldbadd (ldb-tools)");
        let _ = std::fs::remove_file(&file);
        let text = String::from_utf8_lossy(&out.stderr).to_string()
            + &String::from_utf8_lossy(&out.stdout);
        assert!(
            out.status.success() || text.contains("already exists"),
            "ldbadd crossRef on {}: {text}",
            self.dc.ldaps_url
        );
    }
}

/// The two DCs, made into one forest; panics when they are not configured.
pub fn forest() -> (ForestDc, ForestDc) {
    let a = required_env(FOREST_A_ENV, "the two forest DCs");
    let b = required_env(FOREST_B_ENV, "the two forest DCs");
    let a = ForestDc::load(Path::new(&a));
    let b = ForestDc::load(Path::new(&b));
    a.add_cross_ref(&b);
    b.add_cross_ref(&a);
    // One UPN for both: the second domain's Administrator answers to the
    // first domain's UPN too.
    let rt = runtime();
    rt.block_on(async {
        let mut ldap = ldap_bind(&b.dc, &b.dc.admin_dn, &b.dc.admin_password).await;
        ldap.with_timeout(TIMEOUT)
            .modify(
                &b.dc.admin_dn,
                vec![Mod::Replace(
                    b"userPrincipalName".to_vec(),
                    HashSet::from([FOREST_ADMIN.as_bytes().to_vec()]),
                )],
            )
            .await
            .and_then(|r| r.success())
            .expect("UPN of the second domain's Administrator");
        let _ = ldap.unbind().await;
    });
    (a, b)
}

/// One PEM holding both DCs' CAs (each Samba DC has its own).
pub fn both_cas(a: &ForestDc, b: &ForestDc, dir: &Path) -> PathBuf {
    let mut pem = std::fs::read(&a.dc.ca_cert).expect("CA of the first DC");
    pem.extend(std::fs::read(&b.dc.ca_cert).expect("CA of the second DC"));
    let path = dir.join("forest-ca.pem");
    std::fs::write(&path, pem).expect("combined CA");
    path
}

/// Creates an enabled user `name` under CN=Users of `dc`'s domain and
/// returns its DN and SID.
pub async fn create_user(dc: &DcConfig, name: &str) -> (String, Sid) {
    let dn = format!("CN={name},CN=Users,{}", dc.base_dn);
    let mut ldap = ldap_bind(dc, &dc.admin_dn, &dc.admin_password).await;
    ldap.with_timeout(TIMEOUT)
        .add(
            &dn,
            vec![
                (b"objectClass".to_vec(), HashSet::from([b"user".to_vec()])),
                (
                    b"sAMAccountName".to_vec(),
                    HashSet::from([name.as_bytes().to_vec()]),
                ),
                (
                    b"unicodePwd".to_vec(),
                    HashSet::from([unicode_pwd(&fresh_password())]),
                ),
                (
                    b"userAccountControl".to_vec(),
                    HashSet::from([b"512".to_vec()]),
                ),
            ],
        )
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
        .expect("objectSid");
    let _ = ldap.unbind().await;
    let entry = SearchEntry::construct(entries.into_iter().next().expect("the user"));
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
    (dn, Sid::from_bytes(&bytes).expect("SID"))
}

/// Creates a domain-local security group `name` under CN=Users of `dc`'s
/// domain holding `members` (DNs, or `<SID=S-1-5-…>` for an account of
/// another domain: the DC makes its foreign security principal) and
/// returns its DN and SID.
pub async fn create_domain_local_group(
    dc: &DcConfig,
    name: &str,
    members: &[String],
) -> (String, Sid) {
    let dn = format!("CN={name},CN=Users,{}", dc.base_dn);
    let mut ldap = ldap_bind(dc, &dc.admin_dn, &dc.admin_password).await;
    ldap.with_timeout(TIMEOUT)
        .add(
            &dn,
            vec![
                (b"objectClass".to_vec(), HashSet::from([b"group".to_vec()])),
                (
                    b"sAMAccountName".to_vec(),
                    HashSet::from([name.as_bytes().to_vec()]),
                ),
                // Security, domain local.
                (
                    b"groupType".to_vec(),
                    HashSet::from([b"-2147483644".to_vec()]),
                ),
            ],
        )
        .await
        .and_then(|r| r.success())
        .unwrap_or_else(|e| panic!("add {dn}: {e}"));
    let _ = ldap.unbind().await;
    for m in members {
        add_member(dc, &dn, m).await;
    }
    let sid = sid_of(dc, &dn).await;
    (dn, sid)
}

/// Adds `member` (a DN or `<SID=…>`) to the group `group`.
pub async fn add_member(dc: &DcConfig, group: &str, member: &str) {
    let mut ldap = ldap_bind(dc, &dc.admin_dn, &dc.admin_password).await;
    ldap.with_timeout(TIMEOUT)
        .modify(
            group,
            vec![Mod::Add(
                b"member".to_vec(),
                HashSet::from([member.as_bytes().to_vec()]),
            )],
        )
        .await
        .and_then(|r| r.success())
        .unwrap_or_else(|e| panic!("add {member} to {group}: {e}"));
    let _ = ldap.unbind().await;
}

/// Removes `member` from `group` (clean-up; errors are printed).
pub async fn remove_member(dc: &DcConfig, group: &str, member: &str) {
    let mut ldap = ldap_bind(dc, &dc.admin_dn, &dc.admin_password).await;
    if let Err(e) = ldap
        .with_timeout(TIMEOUT)
        .modify(
            group,
            vec![Mod::Delete(
                b"member".to_vec(),
                HashSet::from([member.as_bytes().to_vec()]),
            )],
        )
        .await
        .and_then(|r| r.success())
    {
        eprintln!("cleanup: remove {member} from {group}: {e}");
    }
    let _ = ldap.unbind().await;
}

/// The objectSid of `dn`.
async fn sid_of(dc: &DcConfig, dn: &str) -> Sid {
    let mut ldap = ldap_bind(dc, &dc.admin_dn, &dc.admin_password).await;
    let (entries, _) = ldap
        .with_timeout(TIMEOUT)
        .search(dn, ldap3::Scope::Base, "(objectClass=*)", vec!["objectSid"])
        .await
        .and_then(|r| r.success())
        .expect("objectSid");
    let _ = ldap.unbind().await;
    let entry = SearchEntry::construct(entries.into_iter().next().expect("entry"));
    let bytes = entry
        .bin_attrs
        .get("objectSid")
        .and_then(|v| v.first().cloned())
        .expect("objectSid");
    Sid::from_bytes(&bytes).expect("SID")
}

/// Puts the explicit entry `ace` (SDDL) first in the DACL of `dn`.
pub async fn deny_first(dc: &DcConfig, dn: &str, ace: &str) {
    let (_, mut sd) = dacl_on(dc, dn).await;
    let ace = writeback_wizard::ad::sddl::parse_ace(ace, None).expect("ACE");
    sd.dacl.as_mut().expect("DACL").aces.insert(0, ace);
    let bytes = sd.to_bytes().expect("encode");
    let mut ldap = ldap_bind(dc, &dc.admin_dn, &dc.admin_password).await;
    ldap.with_timeout(TIMEOUT)
        .with_controls(ldap3::controls::RawControl {
            ctype: "1.2.840.113556.1.4.801".into(),
            crit: true,
            val: Some(vec![0x30, 0x03, 0x02, 0x01, 0x04]),
        })
        .modify(
            dn,
            vec![Mod::Replace(
                b"nTSecurityDescriptor".to_vec(),
                HashSet::from([bytes]),
            )],
        )
        .await
        .and_then(|r| r.success())
        .unwrap_or_else(|e| panic!("write the DACL of {dn}: {e}"));
    let _ = ldap.unbind().await;
}

/// Deletes `dns` on `dc` (clean-up; errors are printed).
pub async fn delete(dc: &DcConfig, dns: &[String]) {
    let mut ldap = ldap_bind(dc, &dc.admin_dn, &dc.admin_password).await;
    for dn in dns {
        if let Err(e) = ldap.with_timeout(TIMEOUT).delete(dn).await {
            eprintln!("cleanup: delete {dn}: {e}");
        }
    }
    let _ = ldap.unbind().await;
}

/// The DACL-only descriptor of `dn`, read with plain ldap3 straight from
/// `dc` (no wizard code): the exact bytes and the parse.
pub async fn dacl_on(dc: &DcConfig, dn: &str) -> (Vec<u8>, SecurityDescriptor) {
    let mut ldap = ldap_bind(dc, &dc.admin_dn, &dc.admin_password).await;
    let (entries, _) = ldap
        .with_timeout(TIMEOUT)
        .with_controls(ldap3::controls::RawControl {
            ctype: "1.2.840.113556.1.4.801".into(),
            crit: true,
            val: Some(vec![0x30, 0x03, 0x02, 0x01, 0x04]),
        })
        .search(
            dn,
            ldap3::Scope::Base,
            "(objectClass=*)",
            vec!["nTSecurityDescriptor"],
        )
        .await
        .and_then(|r| r.success())
        .unwrap_or_else(|e| panic!("read the DACL of {dn} on {}: {e}", dc.ldaps_url));
    let _ = ldap.unbind().await;
    let entry = SearchEntry::construct(entries.into_iter().next().expect("entry"));
    let bytes = entry
        .bin_attrs
        .get("nTSecurityDescriptor")
        .and_then(|v| v.first().cloned())
        .expect("nTSecurityDescriptor");
    let sd = SecurityDescriptor::from_bytes(&bytes).expect("descriptor parses");
    (bytes, sd)
}

/// Runs the wizard binary with `args`, `password` in its variable, and
/// `data_dir` as its data directory; returns (status, stdout, stderr).
pub fn wizard(args: &[String], password: &str, data_dir: &Path) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_writeback-wizard"))
        .args(["--lang", "en"])
        .args(args)
        .env("WRITEBACK_WIZARD_BIND_PASSWORD", password)
        .env("WRITEBACK_WIZARD_DATA_DIR", data_dir)
        .stdin(Stdio::null())
        .output()
        .expect("run writeback-wizard");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// A DNS stand-in on `addr` (UDP) answering the SRV question
/// `_ldap._tcp.dc._msdcs.<domain>.` with `records` (priority, weight,
/// port, target), the A question of each of `hosts` (fully qualified, with
/// the trailing dot) with its address, and "no such name" for anything
/// else (RFC 2782, RFC 1035). It runs on a thread of its own for the life
/// of the test process.
pub fn dns_stand_in(
    addr: &str,
    domain: &str,
    records: Vec<(u16, u16, u16, String)>,
    hosts: Vec<(String, std::net::Ipv4Addr)>,
) {
    use hickory_proto::op::{Message, MessageType, ResponseCode};
    use hickory_proto::rr::rdata::{A, SRV};
    use hickory_proto::rr::{Name, RData, Record, RecordType};
    let socket = std::net::UdpSocket::bind(addr).unwrap_or_else(|e| panic!("bind {addr}: {e}"));
    let wanted = format!("_ldap._tcp.dc._msdcs.{domain}.").to_ascii_lowercase();
    std::thread::spawn(move || {
        let mut buf = [0u8; 1500];
        while let Ok((n, from)) = socket.recv_from(&mut buf) {
            let Ok(query) = Message::from_vec(&buf[..n]) else {
                continue;
            };
            let mut reply = Message::new();
            reply.set_id(query.id());
            reply.set_message_type(MessageType::Response);
            reply.set_op_code(query.op_code());
            reply.set_recursion_desired(query.recursion_desired());
            reply.set_recursion_available(true);
            reply.add_queries(query.queries().to_vec());
            let asked = query
                .queries()
                .first()
                .map(|q| (q.name().to_ascii().to_ascii_lowercase(), q.query_type()));
            let host = asked.as_ref().and_then(|(name, kind)| {
                (*kind == RecordType::A)
                    .then(|| {
                        hosts
                            .iter()
                            .find(|(h, _)| h.eq_ignore_ascii_case(name))
                            .map(|(_, ip)| *ip)
                    })
                    .flatten()
            });
            match (&asked, host) {
                (Some((name, _)), _) if *name == wanted => {
                    let name = Name::from_ascii(&wanted).expect("name");
                    for (priority, weight, port, target) in &records {
                        let target = Name::from_ascii(target).expect("target");
                        reply.add_answer(Record::from_rdata(
                            name.clone(),
                            60,
                            RData::SRV(SRV::new(*priority, *weight, *port, target)),
                        ));
                    }
                }
                (Some((name, _)), Some(ip)) => {
                    reply.add_answer(Record::from_rdata(
                        Name::from_ascii(name).expect("name"),
                        60,
                        RData::A(A(ip)),
                    ));
                }
                (Some((name, _)), None)
                    if hosts.iter().any(|(h, _)| h.eq_ignore_ascii_case(name)) =>
                {
                    // The name exists, without a record of that type.
                }
                _ => {
                    reply.set_response_code(ResponseCode::NXDomain);
                }
            }
            if let Ok(bytes) = reply.to_vec() {
                let _ = socket.send_to(&bytes, from);
            }
        }
    });
}
