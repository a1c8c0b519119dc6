use std::path::Path;

use effekt::model::evaluate_at;
use effekt::scenario::load_file;
use rust_decimal::Decimal;

#[test]
#[ignore]
fn print_report() {
    let mut names: Vec<_> = std::fs::read_dir("scenarios")
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    names.sort();
    for p in names {
        let s = match load_file(&p) {
            Ok(s) => s,
            Err(e) => {
                println!("{e}");
                continue;
            }
        };
        println!(
            "== {} (achievement {})",
            p.display(),
            s.assumptions.achievement
        );
        let be = effekt::model::break_even(&s);
        println!("break-even {:?}", be);
        let mut alphas = vec![s.assumptions.achievement];
        for a in ["0", "0.5", "1", "1.5"] {
            alphas.push(a.parse().unwrap());
        }
        for a in alphas {
            let e = evaluate_at(&s, a);
            let t = &e.run.totals;
            println!(
                "a={a:<4} pay={:>12.0} drawn={:>11.0} recv={:>11.0} guar={:>9.0} bonus={:>9.0} refund={:>9.0} value={:>12.0} | inv net={:>11.0} irr={:?} moic={:?} | payer npv={:>12.0} cof npv={:>11.0} prov net={:>10.0} pub npv={:>12.0} cap_at={:?} warn={:?}",
                t.outcome_payments,
                t.drawn,
                t.investor_received,
                t.guarantee_paid,
                t.provider_bonus,
                t.refunded,
                t.value,
                e.investor.net,
                e.investor.irr.headline.map(|d| d.round_dp(4)),
                e.investor.moic.map(|d| d.round_dp(4)),
                e.payer.npv,
                e.cofunder.npv,
                e.provider.net,
                e.public.npv,
                e.run.cap_reached,
                e.warnings
            );
            if a == s.assumptions.achievement {
                println!(
                    "   O_t = {:?}",
                    e.run
                        .outcome_payments
                        .iter()
                        .map(|d| d.round_dp(0).to_string())
                        .collect::<Vec<_>>()
                );
                println!(
                    "   inv = {:?}",
                    e.run
                        .flows
                        .investor
                        .iter()
                        .map(|d| d.round_dp(0).to_string())
                        .collect::<Vec<_>>()
                );
                println!(
                    "   pay = {:?}",
                    e.run
                        .flows
                        .payer
                        .iter()
                        .map(|d| d.round_dp(0).to_string())
                        .collect::<Vec<_>>()
                );
            }
        }
    }
    let _ = (Path::new("."), Decimal::ZERO);
}
