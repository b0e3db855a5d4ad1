//! Finding the DCs: each `nTDSDSA` object under `CN=Sites` of the
//! configuration partition, with its server's DNS name, its site, its
//! domains and whether it is read-only.

use super::Dc;
use crate::backend::{Directory, DirectoryError, Entry, Scope};

/// Reads every DC of the forest from the configuration partition.
pub async fn discover<D: Directory>(
    dir: &mut D,
    configuration: &str,
) -> Result<Vec<Dc>, DirectoryError> {
    let entries = dir
        .search(
            &format!("CN=Sites,{configuration}"),
            Scope::Subtree,
            "(|(objectClass=server)(objectClass=nTDSDSA))",
            &[
                "objectClass",
                "dNSHostName",
                "options",
                "msDS-isRODC",
                "msDS-hasDomainNCs",
                "hasMasterNCs",
                "objectGUID",
            ],
            false,
        )
        .await?;
    Ok(dcs_of(&entries))
}

/// The DCs named by `server` and `nTDSDSA` entries (pure).
pub fn dcs_of(entries: &[Entry]) -> Vec<Dc> {
    let is = |e: &Entry, class: &str| {
        e.texts("objectClass")
            .iter()
            .any(|c| c.eq_ignore_ascii_case(class))
    };
    let mut out = Vec::new();
    for dsa in entries
        .iter()
        .filter(|e| is(e, "nTDSDSA") || is(e, "nTDSDSARO"))
    {
        // CN=NTDS Settings,CN=<server>,CN=Servers,CN=<site>,CN=Sites,...
        let parts = split_dn(&dsa.dn);
        if parts.len() < 5 {
            continue;
        }
        let server_dn = parts[1..].join(",");
        let name = rdn_value(parts[1]);
        let site = rdn_value(parts[3]);
        let server = entries
            .iter()
            .find(|e| e.dn.eq_ignore_ascii_case(&server_dn));
        let host = server
            .and_then(|s| s.text("dNSHostName"))
            .unwrap_or_default();
        let read_only = is(dsa, "nTDSDSARO")
            || dsa
                .text("msDS-isRODC")
                .is_some_and(|v| v.eq_ignore_ascii_case("TRUE"));
        let mut domains = dsa.texts("msDS-hasDomainNCs");
        if domains.is_empty() {
            domains = dsa
                .texts("hasMasterNCs")
                .into_iter()
                .filter(|nc| {
                    let l = nc.to_ascii_lowercase();
                    !l.starts_with("cn=configuration,")
                        && !l.starts_with("cn=schema,")
                        && !l.starts_with("dc=domaindnszones,")
                        && !l.starts_with("dc=forestdnszones,")
                })
                .collect();
        }
        out.push(Dc {
            name,
            host,
            site,
            dsa: dsa.dn.clone(),
            dsa_guid: dsa.first("objectGUID").filter(|b| b.len() == 16).map(|b| {
                let mut g = [0u8; 16];
                g.copy_from_slice(b);
                crate::ad::Guid(g).to_string()
            }),
            domains,
            read_only,
        });
    }
    out.sort_by(|a, b| (&a.site, &a.name).cmp(&(&b.site, &b.name)));
    out
}

fn split_dn(dn: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let (mut start, mut escaped) = (0, false);
    for (i, c) in dn.char_indices() {
        match c {
            '\\' if !escaped => escaped = true,
            ',' if !escaped => {
                parts.push(dn[start..i].trim());
                start = i + 1;
            }
            _ => escaped = false,
        }
    }
    parts.push(dn[start..].trim());
    parts
}

fn rdn_value(rdn: &str) -> String {
    rdn.split_once('=').map_or(rdn, |(_, v)| v).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(dn: &str, attrs: &[(&str, &str)]) -> Entry {
        let mut e = Entry {
            dn: dn.into(),
            ..Entry::default()
        };
        for (k, v) in attrs {
            e.attrs
                .entry(k.to_ascii_lowercase())
                .or_default()
                .push(v.as_bytes().to_vec());
        }
        e
    }

    #[test]
    fn reads_dcs_from_sites() {
        let cfg = "CN=Configuration,DC=repl,DC=test";
        let s = |n: &str, site: &str| format!("CN={n},CN=Servers,CN={site},CN=Sites,{cfg}");
        let entries = vec![
            entry(
                &s("RDC2", "Branch"),
                &[("objectClass", "server"), ("dNSHostName", "rdc2.repl.test")],
            ),
            entry(
                &format!("CN=NTDS Settings,{}", s("RDC2", "Branch")),
                &[
                    ("objectClass", "applicationSettings"),
                    ("objectClass", "nTDSDSA"),
                    ("msDS-isRODC", "TRUE"),
                    ("hasMasterNCs", cfg),
                    ("hasMasterNCs", "DC=repl,DC=test"),
                ],
            ),
            entry(
                &s("RDC1", "Default-First-Site-Name"),
                &[("objectClass", "server"), ("dNSHostName", "rdc1.repl.test")],
            ),
            entry(
                &format!("CN=NTDS Settings,{}", s("RDC1", "Default-First-Site-Name")),
                &[
                    ("objectClass", "nTDSDSA"),
                    ("msDS-isRODC", "FALSE"),
                    ("msDS-hasDomainNCs", "DC=repl,DC=test"),
                ],
            ),
            // A server without NTDS Settings is no DC.
            entry(
                &s("WEB", "Branch"),
                &[("objectClass", "server"), ("dNSHostName", "web.repl.test")],
            ),
        ];
        let dcs = dcs_of(&entries);
        assert_eq!(dcs.len(), 2);
        assert_eq!(
            (dcs[0].name.as_str(), dcs[0].site.as_str()),
            ("RDC2", "Branch")
        );
        assert_eq!(dcs[0].host, "rdc2.repl.test");
        assert!(dcs[0].read_only);
        assert_eq!(dcs[0].domains, vec!["DC=repl,DC=test".to_string()]);
        assert_eq!(dcs[1].host, "rdc1.repl.test");
        assert!(!dcs[1].read_only);
    }
}
