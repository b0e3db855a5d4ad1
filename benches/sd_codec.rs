//! Parse + serialize throughput of a domain-root-sized security descriptor
//! (~2 KB, ~50 ACEs). Target: ≥ 300,000 SDs/s on one core.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;
use writeback_wizard::ad::{SecurityDescriptor, sddl};

fn domain_root() -> Vec<u8> {
    let text = include_str!("../tests/fixtures/domain-root.full.b64");
    writeback_wizard::cli::sd::decode_base64(text).expect("fixture is base64")
}

fn bench(c: &mut Criterion) {
    let bytes = domain_root();
    let sd = SecurityDescriptor::from_bytes(&bytes).expect("fixture parses");
    let aces =
        sd.dacl.as_ref().map_or(0, |d| d.aces.len()) + sd.sacl.as_ref().map_or(0, |s| s.aces.len());
    let mut group = c.benchmark_group(format!("domain-root {} bytes, {aces} ACEs", bytes.len()));
    group.throughput(Throughput::Elements(1));
    group.bench_function("parse+serialize", |b| {
        b.iter(|| {
            let sd = SecurityDescriptor::from_bytes(black_box(&bytes)).unwrap();
            black_box(sd.to_bytes().unwrap())
        })
    });
    group.bench_function("parse", |b| {
        b.iter(|| SecurityDescriptor::from_bytes(black_box(&bytes)).unwrap())
    });
    group.bench_function("to-sddl", |b| {
        b.iter(|| sddl::format(black_box(&sd), None).unwrap())
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
