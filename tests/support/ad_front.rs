//! A stand-in that makes two real Samba DCs answer as one multi-domain
//! Active Directory forest does. It listens on its own loopback address
//! with its own certificate (made here with openssl, signed by a CA of its
//! own), in front of the real DC of the first domain, and relays every
//! LDAP message byte for byte, except:
//!
//! - a search or modify based outside the first domain's naming context
//!   is answered with result 10 (referral), naming the second domain's DC
//!   (`ldaps://<its address>:636/<DN>`) for objects of the second domain
//!   and `ldaps://dc1.elsewhere.example/<DN>` (outside the forest) for
//!   anything else, as a DC answers for a naming context it does not hold;
//! - a subtree search based at the first domain's root gets a continuation
//!   reference to the second domain (a child domain below it, as its name
//!   says), as a DC of a parent domain returns one;
//! - on port 3269 it is the forest's Global Catalog: each request goes to
//!   the Global Catalog ports of both real DCs, and the entries of both
//!   come back as one answer.
//!
//! What is real: both DCs, their data, their security descriptors, their
//! TLS, every bind, search and write. What is stood in for: the referrals,
//! the continuation references and the forest-wide Global Catalog, which
//! two separate Samba domains cannot give (Samba 4.17 hosts no child
//! domain). Used by `tests/forest_referrals.rs`.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::{Arc, Mutex};

use bytes::BytesMut;
use ldap3::asn1::{ASNTag, Enumerated, Integer, PL, StructureTag, TagClass, parse_tag};
use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, PrivateKeyDer, ServerName};
use tokio::io::{AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::mpsc;
use tokio_rustls::{TlsAcceptor, TlsConnector};

/// Where the stand-in listens and what it stands before.
#[derive(Clone, Debug)]
pub struct FrontConfig {
    /// Its loopback address (ports 636 and 3269 are bound there).
    pub ip: String,
    /// The first domain's DC, `ip:636`, and its CA.
    pub home: SocketAddr,
    /// The first domain's naming context.
    pub home_nc: String,
    /// CA of the first DC.
    pub home_ca: PathBuf,
    /// The second domain's DC, `ip:636`, and its CA.
    pub other: SocketAddr,
    /// The second domain's naming context.
    pub other_nc: String,
    /// CA of the second DC.
    pub other_ca: PathBuf,
}

/// The running stand-in: its CA (to trust) and the URLs it answers on.
pub struct Front {
    /// PEM of the CA that signed the stand-in's certificate.
    pub ca: PathBuf,
    /// `ldaps://IP:636`.
    pub url: String,
    /// The referral URL of the second domain's DC.
    pub other_url: String,
    _rt: tokio::runtime::Runtime,
}

/// A DN with the blanks after its commas removed, lower-case: how the
/// stand-in compares DNs.
fn norm(dn: &str) -> String {
    dn.split(',')
        .map(str::trim)
        .collect::<Vec<_>>()
        .join(",")
        .to_ascii_lowercase()
}

fn within(dn: &str, base: &str) -> bool {
    let (dn, base) = (norm(dn), norm(base));
    dn == base || dn.ends_with(&format!(",{base}"))
}

/// Makes a CA and a server certificate for `ip` with openssl in `dir`.
fn certificate(dir: &Path, ip: &str) -> (PathBuf, PathBuf, PathBuf) {
    let run = |args: &[&str]| {
        let out = Command::new("openssl")
            .args(args)
            .current_dir(dir)
            .stdin(Stdio::null())
            .output()
            .expect("openssl");
        assert!(
            out.status.success(),
            "openssl {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    };
    run(&[
        "req",
        "-x509",
        "-newkey",
        "ec",
        "-pkeyopt",
        "ec_paramgen_curve:P-256",
        "-nodes",
        "-keyout",
        "front-ca.key",
        "-out",
        "front-ca.pem",
        "-days",
        "2",
        "-subj",
        "/CN=forest stand-in CA",
    ]);
    run(&[
        "req",
        "-newkey",
        "ec",
        "-pkeyopt",
        "ec_paramgen_curve:P-256",
        "-nodes",
        "-keyout",
        "front.key",
        "-out",
        "front.csr",
        "-subj",
        "/CN=forest stand-in",
    ]);
    std::fs::write(
        dir.join("front.ext"),
        format!("subjectAltName=IP:{ip}\nbasicConstraints=CA:FALSE\n"),
    )
    .expect("ext");
    run(&[
        "x509",
        "-req",
        "-in",
        "front.csr",
        "-CA",
        "front-ca.pem",
        "-CAkey",
        "front-ca.key",
        "-CAcreateserial",
        "-out",
        "front.pem",
        "-days",
        "2",
        "-extfile",
        "front.ext",
    ]);
    (
        dir.join("front-ca.pem"),
        dir.join("front.pem"),
        dir.join("front.key"),
    )
}

fn client_tls(ca: &Path) -> TlsConnector {
    let mut roots = rustls::RootCertStore::empty();
    for cert in CertificateDer::pem_file_iter(ca).expect("CA").flatten() {
        roots.add(cert).expect("CA cert");
    }
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let config = rustls::ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .expect("TLS versions")
        .with_root_certificates(roots)
        .with_no_client_auth();
    TlsConnector::from(Arc::new(config))
}

async fn upstream(
    tls: &TlsConnector,
    addr: SocketAddr,
) -> std::io::Result<tokio_rustls::client::TlsStream<TcpStream>> {
    let tcp = TcpStream::connect(addr).await?;
    tls.connect(ServerName::IpAddress(addr.ip().into()), tcp)
        .await
}

/// Reads one LDAP message (a BER SEQUENCE); None at the end.
async fn read_frame<R: AsyncRead + Unpin>(r: &mut R) -> std::io::Result<Option<Vec<u8>>> {
    let mut head = [0u8; 2];
    match r.read_exact(&mut head[..1]).await {
        Ok(_) => {}
        Err(e) if e.kind() == std::io::ErrorKind::UnexpectedEof => return Ok(None),
        Err(e) => return Err(e),
    }
    r.read_exact(&mut head[1..]).await?;
    let mut frame = head.to_vec();
    let len = if head[1] & 0x80 == 0 {
        usize::from(head[1])
    } else {
        let n = usize::from(head[1] & 0x7f);
        let mut bytes = vec![0u8; n];
        r.read_exact(&mut bytes).await?;
        frame.extend(&bytes);
        bytes
            .iter()
            .fold(0usize, |acc, b| (acc << 8) | usize::from(*b))
    };
    let start = frame.len();
    frame.resize(start + len, 0);
    r.read_exact(&mut frame[start..]).await?;
    Ok(Some(frame))
}

/// A message's id, its operation's application tag, and that operation's
/// parts.
fn message(frame: &[u8]) -> Option<(i64, u64, Vec<StructureTag>)> {
    let (_, tag) = parse_tag(frame).ok()?;
    let mut parts = tag.expect_constructed()?.into_iter();
    let id = parts.next()?.expect_primitive()?;
    let id = id.iter().fold(0i64, |acc, b| (acc << 8) | i64::from(*b));
    let op = parts.next()?;
    let app = op.id;
    let inner = match op.payload {
        PL::C(children) => children,
        PL::P(_) => Vec::new(),
    };
    Some((id, app, inner))
}

fn text(tag: &StructureTag) -> String {
    match &tag.payload {
        PL::P(bytes) => String::from_utf8_lossy(bytes).into_owned(),
        PL::C(_) => String::new(),
    }
}

fn octets(bytes: &[u8]) -> StructureTag {
    StructureTag {
        class: TagClass::Universal,
        id: 4,
        payload: PL::P(bytes.to_vec()),
    }
}

fn encode(id: i64, op: StructureTag) -> Vec<u8> {
    let msg = StructureTag {
        class: TagClass::Universal,
        id: 16,
        payload: PL::C(vec![
            Integer {
                id: 2,
                class: TagClass::Universal,
                inner: id,
            }
            .into_structure(),
            op,
        ]),
    };
    let mut buf = BytesMut::new();
    ldap3::asn1::write::encode_into(&mut buf, msg).expect("encode");
    buf.to_vec()
}

/// A result (`app`: 5 search done, 7 modify response) with code 10 and
/// the referral `url`.
fn referral(id: i64, app: u64, url: &str) -> Vec<u8> {
    encode(
        id,
        StructureTag {
            class: TagClass::Application,
            id: app,
            payload: PL::C(vec![
                Enumerated {
                    id: 10,
                    class: TagClass::Universal,
                    inner: 10,
                }
                .into_structure(),
                octets(b""),
                octets(b"the object lies in another domain of the forest"),
                StructureTag {
                    class: TagClass::Context,
                    id: 3,
                    payload: PL::C(vec![octets(url.as_bytes())]),
                },
            ]),
        },
    )
}

/// A search result reference (continuation) to `url`.
fn continuation(id: i64, url: &str) -> Vec<u8> {
    encode(
        id,
        StructureTag {
            class: TagClass::Application,
            id: 19,
            payload: PL::C(vec![octets(url.as_bytes())]),
        },
    )
}

/// Serves one client of port 636: relays to the first DC, answering
/// requests outside its naming context with referrals and adding the
/// continuation reference to subtree searches at its root.
async fn serve_ldap<S>(client: S, cfg: Arc<FrontConfig>, home_tls: TlsConnector)
where
    S: AsyncRead + AsyncWrite + Unpin + Send + 'static,
{
    let Ok(dc) = upstream(&home_tls, cfg.home).await else {
        return;
    };
    let (mut client_r, mut client_w) = tokio::io::split(client);
    let (mut dc_r, mut dc_w) = tokio::io::split(dc);
    let (to_client, mut outbox) = mpsc::unbounded_channel::<Vec<u8>>();
    let writer = tokio::spawn(async move {
        while let Some(frame) = outbox.recv().await {
            if client_w.write_all(&frame).await.is_err() {
                break;
            }
        }
        let _ = client_w.shutdown().await;
    });
    let at_root: Arc<Mutex<std::collections::HashSet<i64>>> = Arc::default();
    let other_url = format!("ldaps://{}", cfg.other);
    let child_ref = format!("{other_url}/{}", cfg.other_nc);
    let replies = {
        let to_client = to_client.clone();
        let at_root = at_root.clone();
        tokio::spawn(async move {
            while let Ok(Some(frame)) = read_frame(&mut dc_r).await {
                if let Some((id, 5, _)) = message(&frame)
                    && at_root.lock().expect("lock").remove(&id)
                {
                    let _ = to_client.send(continuation(id, &child_ref));
                }
                if to_client.send(frame).is_err() {
                    break;
                }
            }
        })
    };
    while let Ok(Some(frame)) = read_frame(&mut client_r).await {
        let refer = match message(&frame) {
            // Search (3) or modify (6): the DN is the first part.
            Some((id, app @ (3 | 6), parts)) if !parts.is_empty() => {
                let dn = text(&parts[0]);
                let subtree = app == 3 && parts.get(1).map(text).as_deref() == Some("\u{2}");
                if app == 3 && subtree && norm(&dn) == norm(&cfg.home_nc) {
                    at_root.lock().expect("lock").insert(id);
                }
                // The child domain first: its names end in the parent's.
                if within(&dn, &cfg.other_nc) {
                    Some(referral(id, app + 2, &format!("{other_url}/{dn}")))
                } else if dn.is_empty() || within(&dn, &cfg.home_nc) {
                    None
                } else {
                    Some(referral(
                        id,
                        app + 2,
                        &format!("ldaps://dc1.elsewhere.example/{dn}"),
                    ))
                }
            }
            _ => None,
        };
        match refer {
            Some(answer) => {
                if to_client.send(answer).is_err() {
                    break;
                }
            }
            None => {
                if dc_w.write_all(&frame).await.is_err() {
                    break;
                }
            }
        }
    }
    let _ = dc_w.shutdown().await;
    drop(to_client);
    let _ = replies.await;
    let _ = writer.await;
}

/// Serves one client of port 3269: every request goes to the Global
/// Catalog of both DCs; entries of both come back, then the first DC's
/// result.
async fn serve_gc<S>(client: S, cfg: Arc<FrontConfig>, home: TlsConnector, other: TlsConnector)
where
    S: AsyncRead + AsyncWrite + Unpin + Send + 'static,
{
    let gc = |addr: SocketAddr| SocketAddr::new(addr.ip(), 3269);
    let (Ok(mut a), Ok(mut b)) = (
        upstream(&home, gc(cfg.home)).await,
        upstream(&other, gc(cfg.other)).await,
    ) else {
        return;
    };
    let (mut client_r, mut client_w) = tokio::io::split(client);
    while let Ok(Some(frame)) = read_frame(&mut client_r).await {
        let Some((id, app, _)) = message(&frame) else {
            break;
        };
        if app == 2 {
            break; // unbind
        }
        if a.write_all(&frame).await.is_err() || b.write_all(&frame).await.is_err() {
            break;
        }
        // Until each answers the request: entries (4) are passed on, the
        // result (any other operation) of the first DC ends the answer.
        let mut done = None;
        for (first, dc) in [(true, &mut a), (false, &mut b)] {
            while let Ok(Some(reply)) = read_frame(dc).await {
                match message(&reply) {
                    Some((rid, 4, _)) if rid == id => {
                        let _ = client_w.write_all(&reply).await;
                    }
                    Some((rid, 19, _)) if rid == id => {}
                    Some((rid, _, _)) if rid == id => {
                        if first {
                            done = Some(reply);
                        }
                        break;
                    }
                    _ => {}
                }
            }
        }
        match done {
            Some(reply) => {
                if client_w.write_all(&reply).await.is_err() {
                    break;
                }
            }
            None => break,
        }
    }
    let _ = client_w.shutdown().await;
}

impl Front {
    /// Starts the stand-in (its certificate made in `dir`).
    pub fn start(cfg: FrontConfig, dir: &Path) -> Front {
        let (ca, cert, key) = certificate(dir, &cfg.ip);
        let certs: Vec<CertificateDer<'static>> = CertificateDer::pem_file_iter(&cert)
            .expect("cert")
            .flatten()
            .collect();
        let key = PrivateKeyDer::from_pem_file(&key).expect("key");
        let provider = Arc::new(rustls::crypto::ring::default_provider());
        let server = rustls::ServerConfig::builder_with_provider(provider)
            .with_safe_default_protocol_versions()
            .expect("TLS versions")
            .with_no_client_auth()
            .with_single_cert(certs, key)
            .expect("server certificate");
        let acceptor = TlsAcceptor::from(Arc::new(server));
        let rt = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()
            .expect("runtime");
        let url = format!("ldaps://{}:636", cfg.ip);
        let other_url = format!("ldaps://{}", cfg.other);
        let cfg = Arc::new(cfg);
        let home_tls = client_tls(&cfg.home_ca);
        let other_tls = client_tls(&cfg.other_ca);
        for port in [636u16, 3269] {
            let listener = rt
                .block_on(TcpListener::bind((cfg.ip.as_str(), port)))
                .unwrap_or_else(|e| panic!("bind {}:{port}: {e}", cfg.ip));
            let (acceptor, cfg) = (acceptor.clone(), cfg.clone());
            let (home_tls, other_tls) = (home_tls.clone(), other_tls.clone());
            rt.spawn(async move {
                while let Ok((tcp, _)) = listener.accept().await {
                    let (acceptor, cfg) = (acceptor.clone(), cfg.clone());
                    let (home_tls, other_tls) = (home_tls.clone(), other_tls.clone());
                    tokio::spawn(async move {
                        let Ok(tls) = acceptor.accept(tcp).await else {
                            return;
                        };
                        if port == 636 {
                            serve_ldap(tls, cfg, home_tls).await;
                        } else {
                            serve_gc(tls, cfg, home_tls, other_tls).await;
                        }
                    });
                }
            });
        }
        Front {
            ca,
            url,
            other_url,
            _rt: rt,
        }
    }
}
