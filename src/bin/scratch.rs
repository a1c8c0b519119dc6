fn main() {
    let s = effekt::scenario::load_file(std::path::Path::new(&std::env::args().nth(1).unwrap()));
    match s {
        Err(e) => println!("{e}"),
        Ok(s) => {
            let f = effekt::model::figures(&s);
            println!("{:#?}", f.evaluation.run.flows);
            println!("{:?}", f.evaluation.run.outcome_payments);
            println!(
                "{:?}\n{:?}\n{:?}",
                f.evaluation.investor, f.evaluation.payer, f.evaluation.public
            );
            println!("{:?}", f.break_even);
        }
    }
}
