//! The access check of the connector's token on users' own descriptors
//! (real Samba descriptors from tests/fixtures): decisions per second on
//! one core, with and without parsing. Target: ≥ 1,000,000 evaluations/s.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;
use writeback_wizard::ad::access::{Token, check};
use writeback_wizard::ad::grant::guids;
use writeback_wizard::ad::{SecurityDescriptor, Sid};
use writeback_wizard::task::access::PropertySets;

fn fixture(name: &str) -> Vec<u8> {
    let text = match name {
        "user-granted" => include_str!("../tests/fixtures/user-granted.dacl.b64"),
        "user" => include_str!("../tests/fixtures/user.dacl.b64"),
        _ => include_str!("../tests/fixtures/protected-user-granted.dacl.b64"),
    };
    writeback_wizard::cli::sd::decode_base64(text).expect("fixture is base64")
}

fn bench(c: &mut Criterion) {
    // The connector of the golden fixtures (golden-user), with a few groups.
    let connector: Sid = "S-1-5-21-3372081686-3581938273-1940026438-1102"
        .parse()
        .expect("SID");
    let domain = connector.parent().expect("domain SID");
    let groups: Vec<Sid> = [513, 1200, 1201]
        .iter()
        .filter_map(|rid| domain.with_rid(*rid))
        .collect();
    let token = Token::new(connector, groups);
    // The sets the default schema (and the test DC) gives these attributes.
    let rights = PropertySets {
        lockout_time: None,
        pwd_last_set: Some(guids::USER_ACCOUNT_RESTRICTIONS),
    }
    .rights();
    for name in ["user-granted", "user", "protected-user-granted"] {
        let bytes = fixture(name);
        let sd = SecurityDescriptor::from_bytes(&bytes).expect("fixture parses");
        let aces = sd.dacl.as_ref().map_or(0, |d| d.aces.len());
        let mut group = c.benchmark_group(format!("{name} ({} bytes, {aces} ACEs)", bytes.len()));
        group.throughput(Throughput::Elements(1));
        group.bench_function("access check", |b| {
            b.iter(|| check(black_box(&sd), guids::USER, &token, false, &rights))
        });
        group.bench_function("parse + access check", |b| {
            b.iter(|| {
                let sd = SecurityDescriptor::from_bytes(black_box(&bytes)).unwrap();
                check(&sd, guids::USER, &token, false, &rights)
            })
        });
        group.finish();
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
