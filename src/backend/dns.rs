//! Finding a domain's domain controllers in DNS: the
//! `_ldap._tcp.dc._msdcs.<domain>` SRV records Active Directory registers,
//! and the URL that reaches one of them.

use std::time::Duration;

/// Environment variable naming the DNS server (`IP:PORT`) to ask instead
/// of the system's (a split-horizon server, or a test's stand-in).
pub const DNS_SERVER_ENV: &str = "WRITEBACK_WIZARD_DNS_SERVER";

/// A resolver asking the server of [`DNS_SERVER_ENV`] when set, else the
/// system's; None when there is no configuration.
fn resolver(
    timeout: Duration,
) -> Option<hickory_resolver::Resolver<hickory_resolver::name_server::TokioConnectionProvider>> {
    let builder = match configured_server() {
        Some(server) => {
            let group = hickory_resolver::config::NameServerConfigGroup::from_ips_clear(
                &[server.ip()],
                server.port(),
                true,
            );
            Ok(hickory_resolver::Resolver::builder_with_config(
                hickory_resolver::config::ResolverConfig::from_parts(None, Vec::new(), group),
                hickory_resolver::name_server::TokioConnectionProvider::default(),
            ))
        }
        None => hickory_resolver::Resolver::builder_tokio(),
    };
    match builder {
        Ok(mut builder) => {
            let opts = builder.options_mut();
            opts.timeout = timeout.min(Duration::from_secs(5));
            opts.attempts = 1;
            Some(builder.build())
        }
        Err(e) => {
            tracing::info!(error = %e, "no DNS resolver configuration");
            None
        }
    }
}

fn configured_server() -> Option<std::net::SocketAddr> {
    std::env::var(DNS_SERVER_ENV)
        .ok()
        .and_then(|v| v.parse::<std::net::SocketAddr>().ok())
}

/// Whether `host` is one of the forest's DNS names or lies below one
/// (`names`: the `dnsRoot` of its crossRefs). An address is never inside:
/// a DC is named, not numbered, by the forest's DNS.
pub fn within_forest(host: &str, names: &[String]) -> bool {
    let host = host.trim_end_matches('.').to_ascii_lowercase();
    if host.is_empty() || host.parse::<std::net::IpAddr>().is_ok() {
        return false;
    }
    names.iter().any(|n| {
        let n = n.trim_end_matches('.').to_ascii_lowercase();
        !n.is_empty() && (host == n || host.ends_with(&format!(".{n}")))
    })
}

/// The DCs DNS names for `domain`, best first (lowest priority, then
/// highest weight): host and port of each. Empty when nothing answers in
/// time.
pub async fn locate_dcs(domain: &str, timeout: Duration) -> Vec<(String, u16)> {
    let domain = domain.trim().trim_end_matches('.');
    if domain.is_empty() {
        return Vec::new();
    }
    let name = format!("_ldap._tcp.dc._msdcs.{domain}.");
    let Some(resolver) = resolver(timeout) else {
        return Vec::new();
    };
    let lookup = tokio::time::timeout(timeout, resolver.srv_lookup(name.as_str())).await;
    let records = match lookup {
        Ok(Ok(records)) => records,
        Ok(Err(e)) => {
            tracing::info!(name, error = %e, "no SRV record for the domain's DCs");
            return Vec::new();
        }
        Err(_) => {
            tracing::info!(name, "SRV lookup timed out");
            return Vec::new();
        }
    };
    let mut found: Vec<(u16, std::cmp::Reverse<u16>, String, u16)> = records
        .iter()
        .map(|srv| {
            (
                srv.priority(),
                std::cmp::Reverse(srv.weight()),
                srv.target().to_utf8().trim_end_matches('.').to_string(),
                srv.port(),
            )
        })
        .filter(|(_, _, host, _)| !host.is_empty())
        .collect();
    found.sort();
    found
        .into_iter()
        .map(|(_, _, host, port)| (host, port))
        .collect()
}

/// `host:port` with the host looked up through the DNS server of
/// [`DNS_SERVER_ENV`] (a split-horizon server that also named the forest's
/// DCs): its first address. None when that variable is not set, the host
/// is an address already, or nothing answers (the system resolver then
/// does the lookup).
pub async fn resolve_configured(authority: &str, timeout: Duration) -> Option<String> {
    configured_server()?;
    let (host, port) = authority.rsplit_once(':')?;
    let host = host.trim_start_matches('[').trim_end_matches(']');
    if host.parse::<std::net::IpAddr>().is_ok() {
        return None;
    }
    let resolver = resolver(timeout)?;
    let ips = tokio::time::timeout(timeout, resolver.lookup_ip(format!("{host}.")))
        .await
        .ok()?
        .ok()?;
    let ip = ips.iter().next()?;
    Some(std::net::SocketAddr::new(ip, port.parse().ok()?).to_string())
}

/// `url` with its host replaced by `host` (scheme and port kept): the
/// configured DC's URL turned into one for another DC found by name.
pub fn url_with_host(url: &str, host: &str) -> String {
    let (scheme, rest) = url.split_once("://").unwrap_or(("ldaps", url));
    let authority = rest.split('/').next().unwrap_or_default();
    let port = authority
        .rsplit_once(':')
        .filter(|(h, p)| !h.ends_with(']') || !p.is_empty())
        .filter(|(_, p)| p.chars().all(|c| c.is_ascii_digit()) && !p.is_empty())
        .map(|(_, p)| format!(":{p}"))
        .unwrap_or_default();
    format!("{scheme}://{host}{port}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_names_of_the_forest_are_inside_it() {
        let names = vec!["corp.example".to_string(), "east.corp.example".to_string()];
        assert!(within_forest("dc1.corp.example.", &names));
        assert!(within_forest("DC2.East.Corp.Example", &names));
        assert!(within_forest("corp.example", &names));
        assert!(!within_forest("evil.example", &names));
        assert!(!within_forest("dc1.corp.example.evil.example", &names));
        assert!(!within_forest("notcorp.example", &names));
        assert!(!within_forest("127.0.0.5", &names));
        assert!(!within_forest("", &names));
    }

    #[test]
    fn urls_keep_scheme_and_port() {
        assert_eq!(
            url_with_host("ldaps://127.0.0.51:636", "rdc2.repl.test"),
            "ldaps://rdc2.repl.test:636"
        );
        assert_eq!(
            url_with_host("ldap://dc1.corp", "dc2.corp"),
            "ldap://dc2.corp"
        );
        assert_eq!(url_with_host("ldaps://[::1]:636", "dc2"), "ldaps://dc2:636");
    }
}
