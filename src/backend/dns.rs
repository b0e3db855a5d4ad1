//! Finding a domain's domain controllers in DNS: the
//! `_ldap._tcp.dc._msdcs.<domain>` SRV records Active Directory registers.

use std::time::Duration;

/// Environment variable naming the DNS server (`IP:PORT`) to ask instead
/// of the system's (a split-horizon server, or a test's stand-in).
pub const DNS_SERVER_ENV: &str = "WRITEBACK_WIZARD_DNS_SERVER";

/// The DC DNS names for `domain` (lowest priority, then highest weight
/// first): its host and port. None when nothing answers in time.
pub async fn locate_dc(domain: &str, timeout: Duration) -> Option<(String, u16)> {
    let domain = domain.trim().trim_end_matches('.');
    if domain.is_empty() {
        return None;
    }
    let name = format!("_ldap._tcp.dc._msdcs.{domain}.");
    let builder = match std::env::var(DNS_SERVER_ENV)
        .ok()
        .and_then(|v| v.parse::<std::net::SocketAddr>().ok())
    {
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
    let resolver = match builder {
        Ok(builder) => {
            let mut builder = builder;
            let opts = builder.options_mut();
            opts.timeout = timeout.min(Duration::from_secs(5));
            opts.attempts = 1;
            builder.build()
        }
        Err(e) => {
            tracing::info!(error = %e, "no DNS resolver configuration");
            return None;
        }
    };
    let lookup = tokio::time::timeout(timeout, resolver.srv_lookup(name.as_str())).await;
    let records = match lookup {
        Ok(Ok(records)) => records,
        Ok(Err(e)) => {
            tracing::info!(name, error = %e, "no SRV record for the domain's DCs");
            return None;
        }
        Err(_) => {
            tracing::info!(name, "SRV lookup timed out");
            return None;
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
    let (_, _, host, port) = found.into_iter().next()?;
    tracing::info!(name, host, port, "DC found in DNS");
    Some((host, port))
}
